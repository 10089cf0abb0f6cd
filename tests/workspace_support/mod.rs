//! Workspaces for the workspace, export and CLI tests: a hand-made one whose every offset is
//! known, and one built from the real sample articles with every kind of review data.

#![allow(dead_code)] // each test file uses its own share of these helpers

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, FixedOffset};
use crosscheck::article::Article;
use crosscheck::compare::EntityIndex;
use crosscheck::extract::{Entity, EntityKind, ExtractedClaim, Extraction, Quantity};
use crosscheck::span::Span;
use crosscheck::workspace::{
    Action, AnalyzedArticle, ClaimId, ClaimStatus, Credibility, Effect, EntityCorrection, Grades,
    IndexEdit, Relation, Reliability, Workspace,
};
use uuid::Uuid;

/// Korean, accents and curly quotes, so byte and character offsets differ.
pub const SEOUL: &str = "서울 — South Korea’s spy agency said 12,000 troops were sent.\n\
Kirby said “at least 3,000” soldiers had arrived.\n\
=HYPERLINK(\"http://evil.example\") was posted by a reader.";

/// A fixed review time with a UTC offset.
pub fn at(minutes: i64) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2024-10-25T14:00:00+02:00").unwrap() + Duration::minutes(minutes)
}

/// The byte range of the first `needle` in `text`.
pub fn find(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    Span::new(start, start + needle.len())
}

/// An article with hand-made extraction: one claim per quote, numbers where they are.
pub fn analyzed(name: &str, text: &str, claims: &[&str]) -> AnalyzedArticle {
    let article = Article::from_bytes(Path::new(name), text.as_bytes()).unwrap();
    let mut extraction = Extraction::default();
    for figure in ["12,000", "3,000"] {
        if let Some(start) = text.find(figure) {
            let mut entity =
                Entity::new(Span::new(start, start + figure.len()), EntityKind::Number);
            let value = figure.replace(',', "").parse().unwrap();
            entity.quantity = Some(Box::new(Quantity {
                value,
                unit: Some("troops".into()),
                qualifier: None,
            }));
            extraction.entities.push(entity);
        }
    }
    for quote in claims {
        let span = find(text, quote);
        let values = extraction
            .entities
            .iter()
            .filter(|e| span.contains(e.span))
            .filter_map(|e| Some(e.quantity.as_ref()?.value))
            .collect();
        extraction.claims.push(ExtractedClaim {
            span,
            speaker: None,
            speaker_span: None,
            via: None,
            values,
            relays: Vec::new(),
        });
    }
    AnalyzedArticle {
        article,
        extraction,
    }
}

/// A small workspace over [`SEOUL`]: c1 confirmed with grades and a note, c2 unconfirmed and
/// contradicting c1, c3 (the formula line) unreviewed.
pub fn seoul_workspace() -> Workspace {
    let mut workspace = Workspace::new(Uuid::from_u128(0x5e0_u128));
    let entry = analyzed(
        "seoul.txt",
        SEOUL,
        &[
            "South Korea’s spy agency said 12,000 troops were sent.",
            "Kirby said “at least 3,000” soldiers had arrived.",
            "=HYPERLINK(\"http://evil.example\") was posted by a reader.",
        ],
    );
    workspace
        .apply(Action::AddArticle(Box::new(entry)))
        .unwrap();
    let actions = [
        Action::SetSpeaker {
            claim: ClaimId(1),
            speaker: Some("NIS".into()),
        },
        Action::SetStatus {
            claim: ClaimId(1),
            status: ClaimStatus::Unconfirmed,
            analyst: "alice".into(),
            at: at(0),
        },
        Action::SetStatus {
            claim: ClaimId(1),
            status: ClaimStatus::Confirmed,
            analyst: "bob".into(),
            at: at(30),
        },
        Action::SetNote {
            claim: ClaimId(1),
            note: "Relayed by Yonhap <b>twice</b> & \"quoted\";\n=1+1".into(),
        },
        Action::SetGrades {
            claim: ClaimId(1),
            grades: Grades {
                reliability: Some(Reliability::B),
                credibility: Some(Credibility::ProbablyTrue),
            },
        },
        Action::SetStatus {
            claim: ClaimId(2),
            status: ClaimStatus::Unconfirmed,
            analyst: "alice".into(),
            at: at(45),
        },
        Action::Link {
            from: ClaimId(2),
            relation: Relation::Contradicts,
            to: ClaimId(1),
        },
    ];
    for action in actions {
        workspace.apply(action).unwrap();
    }
    workspace.clear_history();
    workspace
}

/// The sample articles shipped in `sample_data/`.
pub fn sample_article_path(n: usize) -> PathBuf {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    files.swap_remove(n)
}

/// A workspace of the first two sample articles, run through the real extractor, with every
/// kind of review data: statuses with audit trail, note, grades, evidence links, a manual
/// claim, range corrections and surface rules. Article paths are stored as `../NAME`, as seen
/// from `sample_data/workspaces/`.
pub fn sample_workspace() -> Workspace {
    let mut workspace = Workspace::new(Uuid::from_u128(0x0c0ffee0_0000_4000_8000_000000000001));
    let mut ids = Vec::new();
    for n in 0..2 {
        let path = sample_article_path(n);
        let mut article = Article::load(&path).unwrap();
        article.path = Path::new("..").join(path.file_name().unwrap());
        ids.push(article.id.clone());
        let Effect::ArticleAdded { claims, .. } = workspace
            .apply(Action::AddArticle(Box::new(AnalyzedArticle::new(article))))
            .unwrap()
        else {
            unreachable!()
        };
        assert!(claims.len() >= 2, "the sample articles have claims");
    }
    let second = ids[1].clone();
    let text = workspace.article(&second).unwrap().article.text.clone();
    let passage = find(&text, "at least 3,000 troops");
    let Effect::ClaimAdded(manual) = workspace
        .apply(Action::AddClaim {
            article: second.clone(),
            span: passage,
            speaker: Some("John Kirby".into()),
        })
        .unwrap()
    else {
        unreachable!()
    };
    let actions = vec![
        Action::SetStatus {
            claim: ClaimId(1),
            status: ClaimStatus::Confirmed,
            analyst: "alice".into(),
            at: at(0),
        },
        Action::SetGrades {
            claim: ClaimId(1),
            grades: Grades {
                reliability: Some(Reliability::A),
                credibility: Some(Credibility::Confirmed),
            },
        },
        Action::SetNote {
            claim: ClaimId(1),
            note: "Same wording in the White House readout.".into(),
        },
        Action::SetStatus {
            claim: ClaimId(2),
            status: ClaimStatus::Unconfirmed,
            analyst: "alice".into(),
            at: at(5),
        },
        Action::SetStatus {
            claim: manual,
            status: ClaimStatus::Confirmed,
            analyst: "bob".into(),
            at: at(12),
        },
        Action::SetGrades {
            claim: manual,
            grades: Grades {
                reliability: Some(Reliability::B),
                credibility: None,
            },
        },
        Action::Link {
            from: manual,
            relation: Relation::Supports,
            to: ClaimId(1),
        },
        Action::Link {
            from: ClaimId(2),
            relation: Relation::Contradicts,
            to: manual,
        },
        Action::CorrectEntity {
            article: second.clone(),
            span: find(&text, "Kirby"),
            correction: EntityCorrection::Mark(EntityKind::Person),
        },
        Action::CorrectEntity {
            article: ids[0].clone(),
            span: Span::new(0, 4),
            correction: EntityCorrection::Remove,
        },
        Action::SetRule {
            surface: "Savett".into(),
            correction: EntityCorrection::Mark(EntityKind::Person),
        },
        Action::SetRule {
            surface: "Friday".into(),
            correction: EntityCorrection::Remove,
        },
    ];
    for action in actions {
        let label = action.label();
        workspace
            .apply(action)
            .unwrap_or_else(|e| panic!("{label}: {e}"));
    }
    workspace.clear_history();
    workspace
}

/// [`sample_workspace`] with edits of its entity index: a merge, a rename and a split, each
/// naming entries the samples really have.
pub fn sample_workspace_v2() -> Workspace {
    let mut workspace = sample_workspace();
    let index = EntityIndex::build(&workspace);
    let key = |name: &str| {
        index
            .resolve(name)
            .unwrap_or_else(|| panic!("the samples name {name}"))
            .key
            .clone()
    };
    let kirby = key("Kirby");
    let edits = [
        IndexEdit::Merge {
            into: key("South Korea"),
            merged: vec![key("Seoul")],
        },
        IndexEdit::Rename {
            entry: kirby,
            name: "John F. Kirby".into(),
        },
        IndexEdit::Split {
            entry: key("South Korea"),
            forms: vec!["Seoul".into()],
            name: "Seoul".into(),
        },
    ];
    for edit in edits {
        workspace.apply(Action::EditIndex(edit)).unwrap();
    }
    workspace.clear_history();
    workspace
}

/// The workspace fixture of format version 1.
pub fn fixture_v1() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data/workspaces/v1.json")
}

/// The workspace fixture of format version 2.
pub fn fixture_v2() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data/workspaces/v2.json")
}

/// The version 2 sample merged with a copy another analyst tagged differently: claims with
/// relays, a dispute and a merged-in file (what format version 3 added).
pub fn sample_workspace_v3() -> Workspace {
    use crosscheck::workspace::merge::{MergeInput, merge};
    let base = sample_workspace_v2();
    let mut copy = base.clone();
    let confirmed: Vec<_> = base
        .claims()
        .filter(|c| c.status == ClaimStatus::Confirmed)
        .map(|c| c.id)
        .collect();
    assert!(confirmed.len() >= 2, "the sample confirms two claims");
    for &claim in &confirmed[..2] {
        copy.apply(Action::SetStatus {
            claim,
            status: ClaimStatus::Unconfirmed,
            analyst: "bob".into(),
            at: at(30),
        })
        .unwrap();
    }
    let (mut merged, _) = merge(&[
        MergeInput {
            file: "alice.json",
            sha256: "1",
            workspace: &base,
        },
        MergeInput {
            file: "bob.json",
            sha256: "2",
            workspace: &copy,
        },
    ])
    .unwrap();
    // One dispute decided (bob's review taken), one left open.
    let first = merged.claim(confirmed[0]).unwrap().clone();
    merged
        .apply(Action::Adjudicate {
            claim: first.id,
            status: ClaimStatus::Unconfirmed,
            grades: first.grades,
            speaker: first.speaker.clone(),
            analyst: "carol".into(),
            at: at(40),
        })
        .unwrap();
    merged.clear_history();
    merged
}

/// The workspace fixture of format version 3.
pub fn fixture_v3() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data/workspaces/v3.json")
}

/// Copies the sample articles (`sample_data/*.txt`) into `folder/articles`, for tests that
/// build a workspace from them through the binary; returns that folder.
pub fn copy_sample_articles(folder: &Path) -> PathBuf {
    let articles = folder.join("articles");
    std::fs::create_dir(&articles).unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
    for entry in std::fs::read_dir(samples).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "txt") {
            std::fs::copy(&path, articles.join(path.file_name().unwrap())).unwrap();
        }
    }
    articles
}
