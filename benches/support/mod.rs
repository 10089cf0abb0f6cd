//! A large synthetic workspace (1,000 articles, 20,000 claims, half reviewed) shared by the
//! benchmarks. Its extraction is made by hand: benchmarks measure files and frames, not the
//! extractor.

use std::path::Path;

use chrono::DateTime;
use crosscheck::article::Article;
use crosscheck::extract::{Entity, EntityKind, ExtractedClaim, Extraction, Quantity};
use crosscheck::span::Span;
use crosscheck::workspace::{
    Action, AnalyzedArticle, ClaimId, ClaimStatus, Credibility, Grades, Reliability, Workspace,
};
use uuid::Uuid;

pub const ARTICLES: usize = 1_000;
pub const CLAIMS_PER_ARTICLE: usize = 20;

/// A news-like article of twenty attributed sentences (about 3 KB) with its extraction made by
/// hand: the benchmark measures files, not the extractor.
fn synthetic_article(n: usize) -> AnalyzedArticle {
    let mut text = format!("Report {n}: troop movements on the eastern front\n\n");
    let mut extraction = Extraction::default();
    for s in 0..CLAIMS_PER_ARTICLE {
        let start = text.len();
        let figure = (n * 31 + s * 7) % 20_000 + 1_000;
        let sentence = format!(
            "Officials in Seoul said on Friday that about {figure} North Korean soldiers had reached the \
             Kursk region, according to intelligence briefings cited by Yonhap (item {s}). "
        );
        text.push_str(&sentence);
        let span = Span::new(start, start + sentence.trim_end().len());
        let number_at = start + sentence.find(&figure.to_string()).unwrap();
        let number = Span::new(number_at, number_at + figure.to_string().len());
        let seoul = start + sentence.find("Seoul").unwrap();
        let mut quantity = Entity::new(number, EntityKind::Number);
        quantity.quantity = Some(Box::new(Quantity {
            value: figure as f64,
            unit: Some("soldiers".into()),
            qualifier: Some("about".into()),
        }));
        extraction.entities.push(Entity::new(
            Span::new(seoul, seoul + 5),
            EntityKind::Location,
        ));
        extraction.entities.push(quantity);
        extraction.sentences.push(span);
        extraction.claims.push(ExtractedClaim {
            span,
            speaker: Some("Officials in Seoul".into()),
            speaker_span: Some(Span::new(start, start + 18)),
            via: Some("Yonhap".into()),
            values: vec![figure as f64],
            relays: Vec::new(),
        });
    }
    let article = Article::from_bytes(
        Path::new(&format!("articles/report-{n:04}.txt")),
        text.as_bytes(),
    )
    .unwrap();
    AnalyzedArticle {
        article,
        extraction,
    }
}

pub fn synthetic_workspace() -> Workspace {
    let mut workspace = Workspace::new(Uuid::from_u128(0x00C0_FFEE));
    workspace.set_history_limit(0);
    for n in 0..ARTICLES {
        workspace
            .apply(Action::AddArticle(Box::new(synthetic_article(n))))
            .unwrap();
    }
    let at = DateTime::parse_from_rfc3339("2024-10-25T14:03:00+02:00").unwrap();
    for id in (1..=(ARTICLES * CLAIMS_PER_ARTICLE) as u64).step_by(2) {
        let claim = ClaimId(id);
        let status = if id % 4 == 1 {
            ClaimStatus::Confirmed
        } else {
            ClaimStatus::Unconfirmed
        };
        workspace
            .apply(Action::SetStatus {
                claim,
                status,
                analyst: "analyst".into(),
                at,
            })
            .unwrap();
        workspace
            .apply(Action::SetNote {
                claim,
                note: format!("Checked against briefing {id}."),
            })
            .unwrap();
        let grades = Grades {
            reliability: Some(Reliability::B),
            credibility: Some(Credibility::PossiblyTrue),
        };
        workspace
            .apply(Action::SetGrades { claim, grades })
            .unwrap();
    }
    workspace
}
