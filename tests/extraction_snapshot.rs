//! A snapshot of the samples' extraction, so a review shows what a rule change alters.
//! Update with `INSTA_UPDATE=always cargo test --test extraction_snapshot` and read the diff.

use std::fmt::Write;
use std::path::PathBuf;

use crosscheck::article::{Article, collect_article_paths};
use crosscheck::extract::extract;

#[test]
fn sample_extraction() {
    let crosscheck::article::Collected { files, errors, .. } =
        collect_article_paths(&[PathBuf::from("sample_data")]);
    assert!(errors.is_empty());
    for file in files {
        let article = Article::load(&file).unwrap();
        let extraction = extract(&article);
        let text = &article.text;
        let mut summary = String::new();
        for e in &extraction.entities {
            let value = match (&e.quantity, e.date, &e.canonical) {
                (Some(q), _, _) => format!(
                    " = {}{}{}",
                    q.value,
                    q.unit.as_ref().map(|u| format!(" {u}")).unwrap_or_default(),
                    q.qualifier
                        .as_ref()
                        .map(|q| format!(" ({q})"))
                        .unwrap_or_default()
                ),
                (_, Some(d), _) => format!(" = {}", d.iso()),
                (_, _, Some(c)) => format!(" = {c}"),
                _ => String::new(),
            };
            writeln!(
                summary,
                "{:<12} {:?}{value}",
                e.kind.as_str(),
                &text[e.span.start..e.span.end]
            )
            .unwrap();
        }
        for c in &extraction.claims {
            let quote: String = text[c.span.start..c.span.end].chars().take(70).collect();
            writeln!(
                summary,
                "CLAIM [{}] {:?} {quote:?}",
                c.speaker.as_deref().unwrap_or("-"),
                c.values
            )
            .unwrap();
        }
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(name, summary);
    }
}
