//! The invariants of a workspace, checked when one is assembled from a file: unique ids, byte
//! ranges inside their text on char boundaries, quotes that match their ranges, statuses that
//! match their audit trail, links and corrections that point to things that exist.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use uuid::Uuid;

use super::anchor::Anchor;
use super::claim::{Claim, ClaimId, ClaimStatus};
use super::corrections::{CorrectionId, Corrections};
use super::history::History;
use super::{AnalyzedArticle, MergeSource, NextIds, Workspace};
use crate::article::ArticleId;
use crate::span::Span;

/// What is wrong with a byte range of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SpanProblem {
    /// It ends before it starts.
    #[error("it ends before it starts")]
    Reversed,
    /// It covers nothing.
    #[error("it is empty")]
    Empty,
    /// It runs past the end of the text.
    #[error("it runs past the end of the text ({len} bytes)")]
    PastEnd {
        /// The text's length in bytes.
        len: usize,
    },
    /// One of its ends falls inside a multi-byte character.
    #[error("it splits a character")]
    SplitsCharacter,
}

/// What is wrong with a range that must cover something; `None` when it is usable.
#[must_use]
pub fn span_problem(text: &str, span: Span) -> Option<SpanProblem> {
    match span_problem_allowing_empty(text, span) {
        None if span.is_empty() => Some(SpanProblem::Empty),
        other => other,
    }
}

fn span_problem_allowing_empty(text: &str, span: Span) -> Option<SpanProblem> {
    if span.end < span.start {
        Some(SpanProblem::Reversed)
    } else if span.end > text.len() {
        Some(SpanProblem::PastEnd { len: text.len() })
    } else if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        Some(SpanProblem::SplitsCharacter)
    } else {
        None
    }
}

/// Why a workspace's contents do not hold together. `owner` fields name the thing at fault the
/// way a person would look for it: `claim c12`, `article a1b2c3 entity 4`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    /// A figure is not a finite number (JSON cannot hold infinities or NaN).
    #[error("{owner}: a figure is not a finite number")]
    NonFiniteValue {
        /// What holds it.
        owner: String,
    },
    /// An id counter is at its largest value, so no new claim or correction could get an id.
    #[error(
        "the next {counter} id is at its largest possible value; no new {counter} could be numbered"
    )]
    CounterExhausted {
        /// Which counter.
        counter: &'static str,
    },
    /// Two articles have the same id.
    #[error("article {0} appears twice")]
    DuplicateArticle(ArticleId),
    /// An article's SHA-256 is not 64 lower-case hex digits.
    #[error("article {0}: its sha256 is not 64 lower-case hex digits")]
    BadHash(ArticleId),
    /// Two claims have the same id.
    #[error("claim {0} appears twice")]
    DuplicateClaim(ClaimId),
    /// Two range corrections have the same id.
    #[error("correction {0} appears twice")]
    DuplicateCorrection(CorrectionId),
    /// Two rules have the same surface text.
    #[error("there are two rules for \u{201c}{0}\u{201d}")]
    DuplicateRule(String),
    /// A rule has no text to match.
    #[error("a rule has no text to match")]
    BlankRule,
    /// An index edit cannot be right whatever the index holds.
    #[error("index edit {}: {problem}", .position + 1)]
    BadIndexEdit {
        /// Its position in the list, from 0.
        position: usize,
        /// What is wrong.
        problem: &'static str,
    },
    /// An id is not below the counter that hands ids out, so it could be handed out again.
    #[error("{owner} has a number not below the next id counter ({next})")]
    IdAheadOfCounter {
        /// The claim or correction.
        owner: String,
        /// The counter.
        next: u64,
    },
    /// Something points to an article that is not there.
    #[error("{owner} points to article {article}, which is not in the workspace")]
    UnknownArticle {
        /// What points.
        owner: String,
        /// The missing article.
        article: ArticleId,
    },
    /// A byte range does not fit its text.
    #[error("{owner}: the range {}..{} is not usable: {problem}", span.start, span.end)]
    BadSpan {
        /// Whose range.
        owner: String,
        /// The range.
        span: Span,
        /// What is wrong.
        problem: SpanProblem,
    },
    /// An anchor's quote is not the text its range covers.
    #[error("{owner}: its quote does not match the article text at {}..{}", span.start, span.end)]
    QuoteMismatch {
        /// Whose anchor.
        owner: String,
        /// The range.
        span: Span,
    },
    /// A claim's status is not the last status in its audit trail.
    #[error("claim {claim}: its status is {status}, but its last recorded change is {recorded}")]
    StatusMismatch {
        /// The claim.
        claim: ClaimId,
        /// The status it has.
        status: ClaimStatus,
        /// The status its history ends with (unreviewed when the history is empty).
        recorded: ClaimStatus,
    },
    /// A status change names no analyst.
    #[error("claim {0}: a status change names no analyst")]
    AnonymousChange(ClaimId),
    /// A dispute needs at least two positions.
    #[error("claim {0}: a dispute has fewer than two positions")]
    LoneDisputant(ClaimId),
    /// A dispute's decision took a position it does not have.
    #[error("claim {0}: the dispute's decision takes a position that is not there")]
    UnknownPosition(ClaimId),
    /// An evidence link points to a claim that is not there.
    #[error("claim {claim} links to {target}, which is not in the workspace")]
    DanglingLink {
        /// The claim holding the link.
        claim: ClaimId,
        /// The missing claim.
        target: ClaimId,
    },
    /// A claim links to itself, or twice to the same claim.
    #[error("claim {claim} links to {target} more than once or to itself")]
    RepeatedLink {
        /// The claim holding the links.
        claim: ClaimId,
        /// The claim linked.
        target: ClaimId,
    },
}

/// The parts of a workspace as they come from a file.
pub(super) struct Parts {
    pub(super) id: Uuid,
    pub(super) merged_from: Vec<MergeSource>,
    pub(super) next_ids: NextIds,
    pub(super) articles: Vec<AnalyzedArticle>,
    pub(super) claims: Vec<Claim>,
    pub(super) corrections: Corrections,
}

impl Workspace {
    /// Builds a workspace from parts, checking every invariant; the undo history starts empty.
    pub(super) fn assemble(parts: Parts) -> Result<Self, ValidationError> {
        let Parts {
            id,
            merged_from,
            next_ids,
            articles,
            claims,
            corrections,
        } = parts;
        // A counter at its limit would wrap, and the next id would name an existing claim.
        for (counter, next) in [
            ("claim", next_ids.claim),
            ("correction", next_ids.correction),
        ] {
            if next == u64::MAX {
                return Err(ValidationError::CounterExhausted { counter });
            }
        }
        let mut texts: HashMap<&ArticleId, &str> = HashMap::with_capacity(articles.len());
        for entry in &articles {
            check_article(entry)?;
            if texts
                .insert(&entry.article.id, &entry.article.text)
                .is_some()
            {
                return Err(ValidationError::DuplicateArticle(entry.article.id.clone()));
            }
        }

        let mut by_id = BTreeMap::new();
        for claim in claims {
            let owner = || format!("claim {}", claim.id);
            if claim.id.0 >= next_ids.claim {
                return Err(ValidationError::IdAheadOfCounter {
                    owner: owner(),
                    next: next_ids.claim,
                });
            }
            check_anchor(&texts, &claim.article, &claim.anchor, owner)?;
            check_relays(&texts, &claim)?;
            if let Some(dispute) = &claim.dispute {
                if dispute.positions.len() < 2 {
                    return Err(ValidationError::LoneDisputant(claim.id));
                }
                if dispute
                    .decided
                    .as_ref()
                    .and_then(|d| d.taken)
                    .is_some_and(|taken| taken >= dispute.positions.len())
                {
                    return Err(ValidationError::UnknownPosition(claim.id));
                }
            }
            check_history(&claim)?;
            if !claim.values.iter().all(|v| v.is_finite()) {
                return Err(ValidationError::NonFiniteValue { owner: owner() });
            }
            if let Some(previous) = by_id.insert(claim.id, claim) {
                return Err(ValidationError::DuplicateClaim(previous.id));
            }
        }
        for claim in by_id.values() {
            let mut seen = BTreeSet::new();
            for link in &claim.links {
                if !by_id.contains_key(&link.claim) {
                    return Err(ValidationError::DanglingLink {
                        claim: claim.id,
                        target: link.claim,
                    });
                }
                if link.claim == claim.id || !seen.insert(link.claim) {
                    return Err(ValidationError::RepeatedLink {
                        claim: claim.id,
                        target: link.claim,
                    });
                }
            }
        }

        let mut correction_ids = BTreeSet::new();
        for correction in &corrections.spans {
            let owner = || format!("correction {}", correction.id);
            if correction.id.0 >= next_ids.correction {
                return Err(ValidationError::IdAheadOfCounter {
                    owner: owner(),
                    next: next_ids.correction,
                });
            }
            if !correction_ids.insert(correction.id) {
                return Err(ValidationError::DuplicateCorrection(correction.id));
            }
            check_anchor(&texts, &correction.article, &correction.anchor, owner)?;
        }
        let mut surfaces = BTreeSet::new();
        for rule in &corrections.rules {
            if rule.surface.trim().is_empty() {
                return Err(ValidationError::BlankRule);
            }
            if !surfaces.insert(rule.surface.as_str()) {
                return Err(ValidationError::DuplicateRule(rule.surface.clone()));
            }
        }
        for (position, edit) in corrections.index_edits.iter().enumerate() {
            if let Some(problem) = edit.problem() {
                return Err(ValidationError::BadIndexEdit { position, problem });
            }
        }

        Ok(Self {
            id,
            merged_from,
            articles: articles.into_iter().map(Arc::new).collect(),
            article_index: super::ArticleIndex::default(),
            claims: by_id,
            corrections,
            next_ids,
            history: History::default(),
            revision: 0,
        })
    }
}

/// Every range the article and its extraction hold must fit its text, and its hash must be one.
pub(super) fn check_article(entry: &AnalyzedArticle) -> Result<(), ValidationError> {
    let AnalyzedArticle {
        article,
        extraction,
    } = entry;
    let is_hex = |b: u8| b.is_ascii_digit() || (b'a'..=b'f').contains(&b);
    if article.sha256.len() != 64 || !article.sha256.bytes().all(is_hex) {
        return Err(ValidationError::BadHash(article.id.clone()));
    }
    let text = article.text.as_str();
    let check =
        |span: Span, what: &dyn Fn() -> String| match span_problem_allowing_empty(text, span) {
            Some(problem) => Err(ValidationError::BadSpan {
                owner: format!("article {} {}", article.id, what()),
                span,
                problem,
            }),
            None => Ok(()),
        };
    for (n, boilerplate) in article.boilerplate.iter().enumerate() {
        check(boilerplate.span, &|| format!("boilerplate {}", n + 1))?;
    }
    for (n, &sentence) in extraction.sentences.iter().enumerate() {
        check(sentence, &|| format!("sentence {}", n + 1))?;
    }
    let non_finite = |owner: String| ValidationError::NonFiniteValue {
        owner: format!("article {} {owner}", article.id),
    };
    for (n, entity) in extraction.entities.iter().enumerate() {
        check(entity.span, &|| format!("entity {}", n + 1))?;
        if entity
            .quantity
            .as_ref()
            .is_some_and(|q| !q.value.is_finite())
        {
            return Err(non_finite(format!("entity {}", n + 1)));
        }
    }
    for (n, claim) in extraction.claims.iter().enumerate() {
        check(claim.span, &|| format!("extracted claim {}", n + 1))?;
        if !claim.values.iter().all(|v| v.is_finite()) {
            return Err(non_finite(format!("extracted claim {}", n + 1)));
        }
        if let Some(speaker) = claim.speaker_span {
            check(speaker, &|| format!("extracted claim {} speaker", n + 1))?;
        }
        for (r, relay) in claim.relays.iter().enumerate() {
            check(relay.span, &|| {
                format!("extracted claim {} relay {}", n + 1, r + 1)
            })?;
        }
    }
    Ok(())
}

/// Each relay names a non-empty range of the claim's article's text.
fn check_relays(texts: &HashMap<&ArticleId, &str>, claim: &Claim) -> Result<(), ValidationError> {
    let Some(text) = texts.get(&claim.article) else {
        return Ok(()); // the anchor check names the unknown article
    };
    for (n, relay) in claim.relays.iter().enumerate() {
        if let Some(problem) = span_problem(text, relay.span) {
            return Err(ValidationError::BadSpan {
                owner: format!("claim {} relay {}", claim.id, n + 1),
                span: relay.span,
                problem,
            });
        }
    }
    Ok(())
}

/// A placed anchor covers a non-empty range of its article's text and quotes it exactly.
fn check_anchor(
    texts: &HashMap<&ArticleId, &str>,
    article: &ArticleId,
    anchor: &Anchor,
    owner: impl Fn() -> String,
) -> Result<(), ValidationError> {
    let text = texts
        .get(article)
        .ok_or_else(|| ValidationError::UnknownArticle {
            owner: owner(),
            article: article.clone(),
        })?;
    let Some(span) = anchor.span else {
        return Ok(());
    };
    if let Some(problem) = span_problem(text, span) {
        return Err(ValidationError::BadSpan {
            owner: owner(),
            span,
            problem,
        });
    }
    if span.text(text) != Some(anchor.quote.exact.as_str()) {
        return Err(ValidationError::QuoteMismatch {
            owner: owner(),
            span,
        });
    }
    Ok(())
}

fn check_history(claim: &Claim) -> Result<(), ValidationError> {
    if claim
        .history
        .iter()
        .any(|change| change.analyst.trim().is_empty())
    {
        return Err(ValidationError::AnonymousChange(claim.id));
    }
    let recorded = claim
        .history
        .last()
        .map_or(ClaimStatus::Unreviewed, |change| change.status);
    if claim.status != recorded {
        return Err(ValidationError::StatusMismatch {
            claim: claim.id,
            status: claim.status,
            recorded,
        });
    }
    Ok(())
}
