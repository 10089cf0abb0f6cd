//! The workspace model without files or GUI: actions, undo and redo, entity corrections and
//! re-anchoring after an article changes.

use std::path::Path;

use chrono::{DateTime, Duration, FixedOffset};
use crosscheck::article::{Article, ArticleId};
use crosscheck::extract::{Entity, EntityKind, ExtractedClaim, Extraction, Quantity};
use crosscheck::span::Span;
use crosscheck::workspace::persist::to_bytes;
use crosscheck::workspace::{
    Action, ActionError, AnalyzedArticle, Anchored, ClaimId, ClaimOrigin, ClaimStatus, Credibility,
    Effect, EntityCorrection, Grades, Relation, Reliability, SpanProblem, Workspace,
};
use uuid::Uuid;

const KIRBY: &str = "WASHINGTON (Reuters) - Kirby said at least 3,000 North Korean soldiers moved to eastern Russia. \
The NSC said 10,000 troops were sent. Savett remarked that the move was dangerous.";

/// An article with hand-made extraction, so these tests do not move with extraction tuning.
fn analyzed(name: &str, text: &str, claims: &[&str]) -> AnalyzedArticle {
    let article = Article::from_bytes(Path::new(name), text.as_bytes()).unwrap();
    let claims = claims
        .iter()
        .map(|quote| ExtractedClaim {
            span: find(text, quote),
            speaker: quote.split_whitespace().next().map(str::to_owned),
            speaker_span: None,
            via: None,
            values: Vec::new(),
            relays: Vec::new(),
        })
        .collect();
    let number = find(text, "3,000");
    let mut entity = Entity::new(number, EntityKind::Number);
    entity.quantity = text.contains("3,000").then(|| {
        Box::new(Quantity {
            value: 3000.0,
            unit: Some("soldiers".into()),
            qualifier: None,
        })
    });
    let entities = if text.contains("3,000") {
        vec![entity]
    } else {
        Vec::new()
    };
    AnalyzedArticle {
        article,
        extraction: Extraction {
            claims,
            entities,
            ..Extraction::default()
        },
    }
}

fn find(text: &str, quote: &str) -> Span {
    let start = text.find(quote).unwrap_or(0);
    Span::new(start, start + quote.len())
}

fn at(minutes: i64) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2024-10-25T14:00:00+02:00").unwrap() + Duration::minutes(minutes)
}

fn tag(claim: ClaimId, status: ClaimStatus, minutes: i64) -> Action {
    Action::SetStatus {
        claim,
        status,
        analyst: "alice".into(),
        at: at(minutes),
    }
}

fn kirby() -> AnalyzedArticle {
    analyzed(
        "kirby.txt",
        KIRBY,
        &[
            "Kirby said at least 3,000 North Korean soldiers moved to eastern Russia.",
            "The NSC said 10,000 troops were sent.",
        ],
    )
}

fn workspace_with_kirby() -> (Workspace, ArticleId) {
    let mut workspace = Workspace::new(Uuid::from_u128(7));
    let entry = kirby();
    let id = entry.article.id.clone();
    workspace
        .apply(Action::AddArticle(Box::new(entry)))
        .unwrap();
    (workspace, id)
}

fn bytes(workspace: &Workspace) -> Vec<u8> {
    to_bytes(workspace).unwrap()
}

/// The workspace's contents without the id counters, which only grow (undo does not take ids
/// back, so no id ever names two claims).
fn contents(workspace: &Workspace) -> serde_json::Value {
    let mut value: serde_json::Value = serde_json::from_slice(&bytes(workspace)).unwrap();
    value.as_object_mut().unwrap().remove("next_ids");
    value
}

#[test]
fn adding_an_article_makes_unreviewed_extracted_claims_with_quotes() {
    let mut workspace = Workspace::new(Uuid::from_u128(7));
    let effect = workspace
        .apply(Action::AddArticle(Box::new(kirby())))
        .unwrap();
    let Effect::ArticleAdded { claims, .. } = effect else {
        panic!("{effect:?}")
    };
    assert_eq!(claims, [ClaimId(1), ClaimId(2)]);
    let first = workspace.claim(ClaimId(1)).unwrap();
    assert_eq!(first.status, ClaimStatus::Unreviewed);
    assert_eq!(first.origin, ClaimOrigin::Extracted);
    assert_eq!(
        first.anchor.quote.exact,
        "Kirby said at least 3,000 North Korean soldiers moved to eastern Russia."
    );
    assert_eq!(first.anchor.quote.prefix, "WASHINGTON (Reuters) - ");
    assert_eq!(first.anchor.quote.suffix.chars().count(), 32);
    assert!(first.history.is_empty() && first.note.is_empty() && first.links.is_empty());
}

#[test]
fn tagging_records_who_and_when_and_undo_redo_step_through_it() {
    let (mut workspace, _) = workspace_with_kirby();
    workspace.clear_history();
    let untagged = bytes(&workspace);
    workspace
        .apply(tag(ClaimId(1), ClaimStatus::Confirmed, 0))
        .unwrap();
    workspace
        .apply(tag(ClaimId(1), ClaimStatus::Unconfirmed, 5))
        .unwrap();
    let claim = workspace.claim(ClaimId(1)).unwrap();
    assert_eq!(claim.status, ClaimStatus::Unconfirmed);
    assert_eq!(claim.history.len(), 2);
    assert_eq!(claim.history[0].analyst, "alice");
    assert_eq!(
        claim.history[1].at.to_rfc3339(),
        "2024-10-25T14:05:00+02:00"
    );

    assert_eq!(workspace.undo_label(), Some("Tag c1 unconfirmed"));
    assert_eq!(workspace.undo().as_deref(), Some("Tag c1 unconfirmed"));
    assert_eq!(
        workspace.claim(ClaimId(1)).unwrap().status,
        ClaimStatus::Confirmed
    );
    workspace.undo();
    assert_eq!(bytes(&workspace), untagged);
    assert!(!workspace.can_undo());
    assert_eq!(workspace.undo(), None);

    assert_eq!(workspace.redo().as_deref(), Some("Tag c1 confirmed"));
    workspace.redo();
    assert_eq!(workspace.claim(ClaimId(1)).unwrap().history.len(), 2);
    assert!(!workspace.can_redo());
}

/// Every kind of action, in an order where each one applies.
fn one_of_every_action(article: &ArticleId) -> Vec<Action> {
    let savett = find(KIRBY, "Savett remarked that the move was dangerous.");
    let changed = analyzed(
        "kirby.txt",
        &KIRBY
            .replace("10,000", "11,000")
            .replace("Savett remarked", "Savett said"),
        &[
            "The NSC said 11,000 troops were sent.",
            "Savett said that the move was dangerous.",
        ],
    );
    vec![
        Action::AddArticle(Box::new(analyzed(
            "other.txt",
            "Yonhap said 12,000 troops.",
            &["Yonhap said 12,000 troops."],
        ))),
        tag(ClaimId(1), ClaimStatus::Confirmed, 1),
        Action::SetNote {
            claim: ClaimId(1),
            note: "Matches NIS.".into(),
        },
        Action::SetSpeaker {
            claim: ClaimId(1),
            speaker: Some("John Kirby".into()),
        },
        Action::SetGrades {
            claim: ClaimId(1),
            grades: Grades {
                reliability: Some(Reliability::B),
                credibility: Some(Credibility::ProbablyTrue),
            },
        },
        Action::Link {
            from: ClaimId(2),
            relation: Relation::Supports,
            to: ClaimId(1),
        },
        Action::Link {
            from: ClaimId(2),
            relation: Relation::Contradicts,
            to: ClaimId(1),
        },
        Action::AddClaim {
            article: article.clone(),
            span: savett,
            speaker: Some("Sean Savett".into()),
        },
        Action::Link {
            from: ClaimId(4),
            relation: Relation::Supports,
            to: ClaimId(2),
        },
        Action::CorrectEntity {
            article: article.clone(),
            span: find(KIRBY, "Savett"),
            correction: EntityCorrection::Mark(EntityKind::Person),
        },
        Action::CorrectEntity {
            article: article.clone(),
            span: find(KIRBY, "NSC"),
            correction: EntityCorrection::Remove,
        },
        Action::SetRule {
            surface: "Kirby".into(),
            correction: EntityCorrection::Mark(EntityKind::Person),
        },
        Action::SetRule {
            surface: "Reuters".into(),
            correction: EntityCorrection::Remove,
        },
        Action::RemoveRule {
            surface: "Reuters".into(),
        },
        Action::ReimportArticle {
            article: article.clone(),
            updated: Box::new(changed),
        },
        Action::RemoveCorrection {
            correction: crosscheck::workspace::CorrectionId(2),
        },
        Action::Unlink {
            from: ClaimId(4),
            to: ClaimId(2),
        },
        Action::DeleteClaim { claim: ClaimId(1) },
        Action::RemoveArticle {
            article: ArticleId(String::new()),
        }, // replaced below: the re-imported id
    ]
}

#[test]
fn every_action_undoes_and_redoes_exactly() {
    let (mut workspace, article) = workspace_with_kirby();
    let mut actions = one_of_every_action(&article);
    let mut covered = std::collections::HashSet::new();
    for action in &mut actions {
        if matches!(action, Action::RemoveArticle { .. }) {
            let current = workspace.claim(ClaimId(2)).unwrap().article.clone();
            *action = Action::RemoveArticle { article: current };
        }
        let label = action.label();
        let before = contents(&workspace);
        workspace
            .apply(action.clone())
            .unwrap_or_else(|e| panic!("{label}: {e}"));
        let after = contents(&workspace);
        assert_ne!(before, after, "{label} changed nothing");
        let counters = workspace.next_ids();
        assert_eq!(workspace.undo().as_deref(), Some(label.as_str()));
        assert!(
            contents(&workspace) == before,
            "undo of {label} did not restore the workspace"
        );
        assert_eq!(workspace.next_ids(), counters, "undo hands no id out again");
        assert_eq!(workspace.redo().as_deref(), Some(label.as_str()));
        assert!(
            contents(&workspace) == after,
            "redo of {label} did not give the same workspace"
        );
        // The invariants hold after every step: the workspace saves and loads.
        crosscheck::workspace::persist::from_bytes(&bytes(&workspace))
            .unwrap_or_else(|e| panic!("after {label}: {e}"));
        covered.insert(std::mem::discriminant(action));
    }
    assert_eq!(covered.len(), 15, "every kind of action is tried");

    // And the whole way back.
    while workspace.undo().is_some() {}
    let (fresh, _) = workspace_with_kirby();
    let mut fresh = fresh;
    fresh.undo();
    assert_eq!(contents(&workspace), contents(&fresh));
}

#[test]
fn refused_actions_change_nothing_and_leave_no_undo_step() {
    let (mut workspace, article) = workspace_with_kirby();
    workspace.clear_history();
    let before = bytes(&workspace);
    let text_len = KIRBY.len();
    let refused = [
        (
            tag(ClaimId(99), ClaimStatus::Confirmed, 0),
            ActionError::UnknownClaim(ClaimId(99)),
        ),
        (
            Action::SetStatus {
                claim: ClaimId(1),
                status: ClaimStatus::Confirmed,
                analyst: "  ".into(),
                at: at(0),
            },
            ActionError::NoAnalyst,
        ),
        (
            Action::Link {
                from: ClaimId(1),
                relation: Relation::Supports,
                to: ClaimId(1),
            },
            ActionError::SelfLink(ClaimId(1)),
        ),
        (
            Action::Link {
                from: ClaimId(1),
                relation: Relation::Supports,
                to: ClaimId(42),
            },
            ActionError::UnknownClaim(ClaimId(42)),
        ),
        (
            Action::Unlink {
                from: ClaimId(1),
                to: ClaimId(2),
            },
            ActionError::NoSuchLink {
                from: ClaimId(1),
                to: ClaimId(2),
            },
        ),
        (
            Action::AddClaim {
                article: article.clone(),
                span: Span::new(10, text_len + 1),
                speaker: None,
            },
            ActionError::BadSpan {
                article: article.clone(),
                span: Span::new(10, text_len + 1),
                problem: SpanProblem::PastEnd { len: text_len },
            },
        ),
        (
            Action::AddClaim {
                article: article.clone(),
                span: Span::new(5, 5),
                speaker: None,
            },
            ActionError::BadSpan {
                article: article.clone(),
                span: Span::new(5, 5),
                problem: SpanProblem::Empty,
            },
        ),
        (
            Action::AddClaim {
                article: ArticleId("a000".into()),
                span: Span::new(0, 1),
                speaker: None,
            },
            ActionError::UnknownArticle(ArticleId("a000".into())),
        ),
        (
            Action::AddArticle(Box::new(kirby())),
            ActionError::DuplicateArticle(article.clone()),
        ),
        (
            Action::SetRule {
                surface: " ".into(),
                correction: EntityCorrection::Remove,
            },
            ActionError::BlankSurface,
        ),
        (
            Action::RemoveRule {
                surface: "Kirby".into(),
            },
            ActionError::UnknownRule("Kirby".into()),
        ),
    ];
    for (action, expected) in refused {
        assert_eq!(workspace.apply(action), Err(expected));
        assert_eq!(bytes(&workspace), before);
        assert!(!workspace.can_undo());
    }
}

#[test]
fn an_article_whose_extraction_does_not_fit_its_text_is_refused() {
    let (mut workspace, article) = workspace_with_kirby();
    let before = bytes(&workspace);
    let mut broken = analyzed("broken.txt", "Seoul said so.", &[]);
    broken.extraction.sentences.push(Span::new(0, 99));
    let refused = workspace.apply(Action::AddArticle(Box::new(broken.clone())));
    assert!(
        matches!(&refused, Err(ActionError::InvalidArticle(problem)) if problem.to_string().contains("sentence 1")),
        "{refused:?}"
    );
    let refused = workspace.apply(Action::ReimportArticle {
        article,
        updated: Box::new(broken),
    });
    assert!(matches!(refused, Err(ActionError::InvalidArticle(_))));
    assert_eq!(bytes(&workspace), before);
}

#[test]
fn a_range_that_splits_a_character_is_refused() {
    let mut workspace = Workspace::new(Uuid::from_u128(1));
    let entry = analyzed("seoul.txt", "서울 said 12,000.", &[]);
    let article = entry.article.id.clone();
    workspace
        .apply(Action::AddArticle(Box::new(entry)))
        .unwrap();
    let refused = workspace.apply(Action::AddClaim {
        article,
        span: Span::new(1, 8),
        speaker: None,
    });
    assert!(matches!(
        refused,
        Err(ActionError::BadSpan {
            problem: SpanProblem::SplitsCharacter,
            ..
        })
    ));
}

#[test]
fn deleting_a_claim_removes_links_to_it_and_undo_brings_them_back() {
    let (mut workspace, _) = workspace_with_kirby();
    workspace
        .apply(Action::Link {
            from: ClaimId(2),
            relation: Relation::Contradicts,
            to: ClaimId(1),
        })
        .unwrap();
    workspace
        .apply(Action::DeleteClaim { claim: ClaimId(1) })
        .unwrap();
    assert!(workspace.claim(ClaimId(1)).is_none());
    assert!(workspace.claim(ClaimId(2)).unwrap().links.is_empty());
    workspace.undo();
    assert_eq!(
        workspace
            .claim(ClaimId(2))
            .unwrap()
            .link_to(ClaimId(1))
            .unwrap()
            .relation,
        Relation::Contradicts
    );
}

#[test]
fn history_is_bounded_and_a_new_change_drops_the_redo_stack() {
    let (mut workspace, _) = workspace_with_kirby();
    workspace.set_history_limit(3);
    for minute in 0..5 {
        workspace
            .apply(Action::SetNote {
                claim: ClaimId(1),
                note: format!("note {minute}"),
            })
            .unwrap();
    }
    let undone = std::iter::from_fn(|| workspace.undo()).count();
    assert_eq!(undone, 3);
    assert_eq!(workspace.claim(ClaimId(1)).unwrap().note, "note 1");

    workspace.redo();
    workspace
        .apply(Action::SetNote {
            claim: ClaimId(2),
            note: "fresh".into(),
        })
        .unwrap();
    assert!(!workspace.can_redo());
}

#[test]
fn claim_ids_are_never_reused() {
    let (mut workspace, article) = workspace_with_kirby();
    let span = find(KIRBY, "Savett remarked");
    let add = Action::AddClaim {
        article,
        span,
        speaker: None,
    };
    assert_eq!(
        workspace.apply(add.clone()),
        Ok(Effect::ClaimAdded(ClaimId(3)))
    );
    workspace.undo();
    assert_eq!(workspace.apply(add), Ok(Effect::ClaimAdded(ClaimId(4))));
    workspace
        .apply(Action::DeleteClaim { claim: ClaimId(2) })
        .unwrap();
    assert_eq!(workspace.next_ids().claim, 5);
}

#[test]
fn manual_claims_take_their_figures_from_the_entities_inside() {
    let (mut workspace, article) = workspace_with_kirby();
    let span = find(KIRBY, "at least 3,000 North Korean soldiers");
    workspace
        .apply(Action::AddClaim {
            article,
            span,
            speaker: Some("  John Kirby ".into()),
        })
        .unwrap();
    let claim = workspace.claim(ClaimId(3)).unwrap();
    assert_eq!(claim.values, [3000.0]);
    assert_eq!(claim.speaker.as_deref(), Some("John Kirby"));
    assert_eq!(claim.origin, ClaimOrigin::Manual);
}

#[test]
fn surface_rules_reach_articles_added_later() {
    let mut workspace = Workspace::new(Uuid::from_u128(3));
    workspace
        .apply(Action::SetRule {
            surface: "Savett".into(),
            correction: EntityCorrection::Mark(EntityKind::Person),
        })
        .unwrap();
    let entry = kirby();
    let article = entry.article.id.clone();
    workspace
        .apply(Action::AddArticle(Box::new(entry)))
        .unwrap();
    let entities = workspace.entities(&article).unwrap();
    let savett = find(KIRBY, "Savett");
    assert!(
        entities
            .iter()
            .any(|e| e.span == savett && e.kind == EntityKind::Person),
        "{entities:?}"
    );

    workspace
        .apply(Action::CorrectEntity {
            article: article.clone(),
            span: savett,
            correction: EntityCorrection::Remove,
        })
        .unwrap();
    assert!(
        !workspace
            .entities(&article)
            .unwrap()
            .iter()
            .any(|e| e.span == savett)
    );
    // Correcting the same range again updates the correction rather than stacking another.
    let again = workspace.apply(Action::CorrectEntity {
        article: article.clone(),
        span: savett,
        correction: EntityCorrection::Mark(EntityKind::Organization),
    });
    assert_eq!(workspace.corrections().spans.len(), 1);
    assert_eq!(
        again,
        Ok(Effect::Corrected(workspace.corrections().spans[0].id))
    );
}

#[test]
fn reimporting_a_changed_article_reanchors_keeps_reviews_and_lists_orphans() {
    let (mut workspace, old_id) = workspace_with_kirby();
    workspace
        .apply(tag(ClaimId(1), ClaimStatus::Confirmed, 0))
        .unwrap();
    workspace
        .apply(tag(ClaimId(2), ClaimStatus::Unconfirmed, 1))
        .unwrap();
    let savett = find(KIRBY, "Savett remarked that the move was dangerous.");
    workspace
        .apply(Action::AddClaim {
            article: old_id.clone(),
            span: savett,
            speaker: None,
        })
        .unwrap();
    workspace
        .apply(Action::CorrectEntity {
            article: old_id.clone(),
            span: find(KIRBY, "Savett"),
            correction: EntityCorrection::Mark(EntityKind::Person),
        })
        .unwrap();

    // The new version: a lead paragraph added, the NSC figure edited, Savett's sentence gone,
    // and a new sentence extraction finds.
    let new_text = "UPDATED 2024-10-25. \
WASHINGTON (Reuters) - Kirby said at least 3,000 North Korean soldiers moved to eastern Russia. \
The NSC said 11,000 troops were sent. Officials in Seoul declined to comment.";
    let updated = analyzed(
        "kirby.txt",
        new_text,
        &[
            "The NSC said 11,000 troops were sent.",
            "Officials in Seoul declined to comment.",
        ],
    );
    let new_id = updated.article.id.clone();
    let effect = workspace
        .apply(Action::ReimportArticle {
            article: old_id.clone(),
            updated: Box::new(updated),
        })
        .unwrap();
    let Effect::Reimported(report) = effect else {
        panic!("{effect:?}")
    };

    assert_eq!(
        (report.previous.clone(), report.article.clone()),
        (old_id.clone(), new_id.clone())
    );
    assert_eq!(report.exact, [Anchored::Claim(ClaimId(1))]);
    assert_eq!(report.fuzzy.len(), 1);
    assert_eq!(report.fuzzy[0].item, Anchored::Claim(ClaimId(2)));
    assert_eq!(
        report.fuzzy[0].after,
        "The NSC said 11,000 troops were sent."
    );
    assert_eq!(
        report.orphaned,
        [
            Anchored::Claim(ClaimId(3)),
            Anchored::Correction(crosscheck::workspace::CorrectionId(1))
        ]
    );
    assert_eq!(
        report.new_claims,
        [ClaimId(4)],
        "the edited NSC sentence is not added twice"
    );

    let first = workspace.claim(ClaimId(1)).unwrap();
    assert_eq!(first.article, new_id);
    assert_eq!(
        first.anchor.span.unwrap().text(new_text),
        Some(first.anchor.quote.exact.as_str())
    );
    assert_eq!(first.status, ClaimStatus::Confirmed);
    assert_eq!(
        workspace.claim(ClaimId(2)).unwrap().status,
        ClaimStatus::Unconfirmed
    );
    let orphan = workspace.claim(ClaimId(3)).unwrap();
    assert!(orphan.is_orphaned());
    assert_eq!(
        orphan.anchor.quote.exact,
        "Savett remarked that the move was dangerous."
    );
    assert_eq!(workspace.orphaned_claims().count(), 1);
    assert_eq!(workspace.orphaned_corrections().count(), 1);
    assert!(workspace.article(&old_id).is_none());
    // The workspace with its orphans still saves and loads.
    crosscheck::workspace::persist::from_bytes(&bytes(&workspace)).unwrap();

    workspace.undo();
    assert!(workspace.article(&old_id).is_some());
    assert_eq!(
        workspace.claim(ClaimId(3)).unwrap().anchor.span,
        Some(savett)
    );
    assert!(workspace.claim(ClaimId(4)).is_none());
}

#[test]
fn orphans_are_placed_again_when_their_text_comes_back() {
    let (mut workspace, first_id) = workspace_with_kirby();
    let gone = analyzed(
        "kirby.txt",
        "A wholly different report about grain exports from Odesa.",
        &[],
    );
    let gone_id = gone.article.id.clone();
    workspace
        .apply(Action::ReimportArticle {
            article: first_id,
            updated: Box::new(gone),
        })
        .unwrap();
    assert_eq!(workspace.orphaned_claims().count(), 2);
    let back = kirby();
    let Effect::Reimported(report) = workspace
        .apply(Action::ReimportArticle {
            article: gone_id,
            updated: Box::new(back),
        })
        .unwrap()
    else {
        panic!()
    };
    assert_eq!(report.exact.len(), 2);
    assert_eq!(workspace.orphaned_claims().count(), 0);
    assert!(report.new_claims.is_empty());
}

#[test]
fn reimporting_onto_another_article_of_the_workspace_is_refused() {
    let (mut workspace, kirby_id) = workspace_with_kirby();
    let other = analyzed("other.txt", "Yonhap said 12,000 troops.", &[]);
    workspace
        .apply(Action::AddArticle(Box::new(other.clone())))
        .unwrap();
    let refused = workspace.apply(Action::ReimportArticle {
        article: kirby_id,
        updated: Box::new(other.clone()),
    });
    assert_eq!(
        refused,
        Err(ActionError::DuplicateArticle(other.article.id))
    );
}

#[test]
fn removing_an_article_takes_its_claims_links_and_corrections() {
    let (mut workspace, kirby_id) = workspace_with_kirby();
    let other = analyzed(
        "other.txt",
        "Yonhap said 12,000 troops.",
        &["Yonhap said 12,000 troops."],
    );
    workspace
        .apply(Action::AddArticle(Box::new(other)))
        .unwrap();
    workspace
        .apply(Action::Link {
            from: ClaimId(3),
            relation: Relation::Contradicts,
            to: ClaimId(2),
        })
        .unwrap();
    workspace
        .apply(Action::CorrectEntity {
            article: kirby_id.clone(),
            span: find(KIRBY, "NSC"),
            correction: EntityCorrection::Mark(EntityKind::Organization),
        })
        .unwrap();
    workspace
        .apply(Action::RemoveArticle { article: kirby_id })
        .unwrap();
    assert_eq!(workspace.articles().len(), 1);
    assert_eq!(
        workspace.claims().map(|c| c.id).collect::<Vec<_>>(),
        [ClaimId(3)]
    );
    assert!(workspace.claim(ClaimId(3)).unwrap().links.is_empty());
    assert!(workspace.corrections().spans.is_empty());
}

/// After "Not an entity" on a number, the claim's figures (table, exports, cross-check) drop
/// it; undo brings it back; a correction that touches no number changes no figures.
#[test]
fn entity_corrections_flow_into_the_claims_figures() {
    let text = "Officials said 3,000 troops moved to the border on Monday. \
                The ministry said 12 people were hurt in the clashes.";
    let article = Article::from_bytes(Path::new("figures.txt"), text.as_bytes()).unwrap();
    let id = article.id.clone();
    let mut workspace = Workspace::new(Uuid::from_u128(9));
    workspace
        .apply(Action::AddArticle(Box::new(AnalyzedArticle::new(article))))
        .unwrap();
    let values = |workspace: &Workspace| -> Vec<Vec<f64>> {
        workspace.claims().map(|c| c.values.clone()).collect()
    };
    assert_eq!(values(&workspace), [vec![3000.0], vec![12.0]]);

    workspace
        .apply(Action::SetRule {
            surface: "Monday".into(),
            correction: EntityCorrection::Remove,
        })
        .unwrap();
    assert_eq!(values(&workspace), [vec![3000.0], vec![12.0]]);

    workspace
        .apply(Action::CorrectEntity {
            article: id,
            span: find(text, "3,000"),
            correction: EntityCorrection::Remove,
        })
        .unwrap();
    assert_eq!(values(&workspace), [vec![], vec![12.0]]);
    workspace.undo();
    assert_eq!(values(&workspace), [vec![3000.0], vec![12.0]]);
}

/// Articles are found by id through an index: it follows adds, removals, undo and redo.
#[test]
fn articles_are_found_by_id_through_adds_removals_undo_and_redo() {
    let mut workspace = Workspace::new(Uuid::nil());
    let entries: Vec<AnalyzedArticle> = (0..5)
        .map(|n| {
            analyzed(
                &format!("a{n}.txt"),
                &format!("Article {n} says 10 troops."),
                &[],
            )
        })
        .collect();
    let ids: Vec<ArticleId> = entries.iter().map(|e| e.article.id.clone()).collect();
    for entry in entries {
        assert!(workspace.article(&entry.article.id).is_none());
        workspace
            .apply(Action::AddArticle(Box::new(entry)))
            .unwrap();
    }
    let found = |workspace: &Workspace| -> Vec<bool> {
        ids.iter()
            .map(|id| workspace.article(id).is_some_and(|a| &a.article.id == id))
            .collect()
    };
    assert_eq!(found(&workspace), [true; 5]);
    assert_eq!(workspace.article_position(&ids[3]), Some(3));

    workspace
        .apply(Action::RemoveArticle {
            article: ids[1].clone(),
        })
        .unwrap();
    assert_eq!(found(&workspace), [true, false, true, true, true]);
    assert_eq!(
        workspace.article_position(&ids[3]),
        Some(2),
        "positions move up"
    );
    workspace.undo();
    assert_eq!(found(&workspace), [true; 5]);
    assert_eq!(workspace.article_position(&ids[3]), Some(3));
    workspace.undo();
    assert_eq!(
        found(&workspace),
        [true, true, true, true, false],
        "the last add undone"
    );
    workspace.redo();
    assert_eq!(found(&workspace), [true; 5]);
}
