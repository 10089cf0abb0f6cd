//! The extraction rules by example: every case in `tests/rules/*.txt` is extracted and its
//! entities and claims are compared with a reviewed snapshot. Adding a rule is adding a case
//! (made-up text, never an evaluation article), running
//! `INSTA_UPDATE=always cargo test --test rule_cases`, reading the new snapshot and making it
//! right.

use std::fmt::Write;

use crosscheck::extract::{Context, extract_text};

/// Cases are separated by `---` lines; a case's first line, starting with `#`, names it.
fn cases(file: &str) -> Vec<(String, String)> {
    file.split("\n---\n")
        .map(|case| {
            let (title, text) = case.split_once('\n').unwrap_or((case, ""));
            (
                title.trim_start_matches('#').trim().to_owned(),
                text.trim_end().to_owned() + "\n",
            )
        })
        .collect()
}

/// Entities as `kind  text`, then claims as `speaker ← claim text` (`-` for the outlet).
fn render(text: &str) -> String {
    let extraction = extract_text(text, Context::default());
    let mut out = String::new();
    for entity in &extraction.entities {
        let _ = writeln!(
            out,
            "{:<12} {}",
            entity.kind.as_str(),
            &text[entity.span.start..entity.span.end]
        );
    }
    for claim in &extraction.claims {
        let words: String = text[claim.span.start..claim.span.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let _ = writeln!(
            out,
            "CLAIM {} ← {}",
            claim.speaker.as_deref().unwrap_or("-"),
            words
        );
    }
    out
}

fn check(family: &str, file: &str) {
    let mut rendered = String::new();
    for (title, text) in cases(file) {
        let _ = writeln!(rendered, "## {title}\n{}", render(&text));
    }
    insta::assert_snapshot!(family, rendered);
}

#[test]
fn names() {
    check("names", include_str!("rules/names.txt"));
}

#[test]
fn claims() {
    check("claims", include_str!("rules/claims.txt"));
}

#[test]
fn figures() {
    check("figures", include_str!("rules/figures.txt"));
}
