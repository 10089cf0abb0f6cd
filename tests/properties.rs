//! Properties that must hold for any input, checked on generated ones: extraction never panics
//! and its entities never overlap; every workspace that save writes, load reads back equal.

use std::path::Path;

use chrono::DateTime;
use crosscheck::article::Article;
use crosscheck::extract::{Context, extract_text};
use crosscheck::span::Span;
use crosscheck::workspace::{Action, AnalyzedArticle, ClaimStatus, Workspace, persist};
use proptest::prelude::*;

/// Text that looks like news in places: names, figures, quotes, dates, bullets, scrape glue.
fn newsy_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Kirby",
        "said",
        "12,000",
        "troops",
        "“",
        "”",
        "\"",
        ",",
        ".",
        "\n",
        "\n\n",
        "-",
        "—",
        "•",
        "*",
        "---",
        "on Friday",
        "October 18, 2024",
        "according to",
        "Yonhap",
        "the",
        "ministry",
        "Lee Jae-myung",
        "(Reuters)",
        "SEOUL",
        "$4bn",
        "12%",
        "a million",
        "서울",
        "Київ",
        "\u{FEFF}",
        "\u{200B}",
        "Photo:",
        "Advertisement",
        "told",
        "A.",
        "U.S.",
        " ",
    ]);
    // A figure too large for f64 once made a workspace that saved but would not load.
    let huge = Just("9".repeat(400));
    prop::collection::vec(
        prop_oneof![8 => pieces.prop_map(str::to_owned), 1 => huge, 2 => any::<String>()],
        0..60,
    )
    .prop_map(|parts| parts.join(" "))
}

fn check_extraction(text: &str) -> Result<(), TestCaseError> {
    let extraction = extract_text(text, Context::default());
    let mut previous_end = 0;
    for entity in &extraction.entities {
        prop_assert!(
            entity.span.start >= previous_end,
            "entities overlap or are unsorted"
        );
        prop_assert!(entity.span.start < entity.span.end);
        prop_assert!(
            entity.span.text(text).is_some(),
            "entity off a char boundary"
        );
        if let Some(quantity) = &entity.quantity {
            prop_assert!(quantity.value.is_finite());
        }
        previous_end = entity.span.end;
    }
    for claim in &extraction.claims {
        prop_assert!(claim.span.text(text).is_some(), "claim off a char boundary");
        prop_assert!(claim.values.iter().all(|v| v.is_finite()));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn extraction_never_panics_and_entities_never_overlap(text in newsy_text()) {
        check_extraction(&text)?;
    }

    #[test]
    fn any_bytes_load_or_are_refused_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..2000), html in any::<bool>()) {
        let name = if html { "page.html" } else { "story.txt" };
        if let Ok(article) = Article::from_bytes(Path::new(name), &bytes) {
            check_extraction(&article.text)?;
        }
    }

    #[test]
    fn what_save_writes_load_reads_back_equal(
        texts in prop::collection::vec(newsy_text(), 1..4),
        edits in prop::collection::vec((any::<u8>(), any::<u8>(), any::<String>(), 0u8..4), 0..12),
    ) {
        let mut workspace = Workspace::new(uuid::Uuid::from_u128(7));
        for (n, text) in texts.iter().enumerate() {
            let Ok(article) = Article::from_bytes(Path::new(&format!("{n}.txt")), text.as_bytes()) else {
                continue;
            };
            let _ = workspace.apply(Action::AddArticle(Box::new(AnalyzedArticle::new(article))));
        }
        let at = DateTime::parse_from_rfc3339("2024-10-25T14:00:00+02:00").unwrap();
        for (pick, offset, words, kind) in edits {
            let claims: Vec<_> = workspace.claims().map(|c| c.id).collect();
            let articles: Vec<_> = workspace.articles().map(|a| (a.article.id.clone(), a.article.text.len())).collect();
            let action = match (kind, claims.get(usize::from(pick) % claims.len().max(1))) {
                (0, Some(&claim)) => Action::SetNote { claim, note: words },
                (1, Some(&claim)) => Action::SetStatus {
                    claim,
                    status: ClaimStatus::ALL[usize::from(offset) % 3],
                    analyst: format!("analyst {words}"),
                    at,
                },
                (2, Some(&claim)) => Action::SetSpeaker { claim, speaker: Some(words) },
                _ => match articles.get(usize::from(pick) % articles.len().max(1)) {
                    Some((article, len)) if *len > 0 => {
                        let start = usize::from(offset) % len;
                        Action::AddClaim { article: article.clone(), span: Span::new(start, (start + 12).min(*len)), speaker: None }
                    }
                    _ => continue,
                },
            };
            // Refusals (a span off a char boundary, a blank analyst) change nothing.
            let _ = workspace.apply(action);
        }
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("review.json");
        persist::save(&workspace, &file).unwrap();
        let loaded = persist::load(&file).unwrap();
        prop_assert_eq!(persist::to_bytes(&loaded).unwrap(), persist::to_bytes(&workspace).unwrap());
        prop_assert!(loaded.claims().eq(workspace.claims()));
        prop_assert!(loaded.articles().eq(workspace.articles()));
    }
}
