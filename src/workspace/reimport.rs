//! Re-importing an article whose file changed: the new text replaces the old, and every
//! claim and range correction that pointed into it is placed again by its quote. What cannot
//! be placed stays in the workspace, orphaned, and is reported.

use std::sync::Arc;

use super::action::ActionError;
use super::anchor::{Anchor, locate_exact, locate_fuzzy};
use super::claim::{ClaimId, ClaimOrigin};
use super::corrections::CorrectionId;
use super::history::Patch;
use super::validate::check_article;
use super::{AnalyzedArticle, Workspace};
use crate::article::ArticleId;
use crate::span::Span;

/// Something anchored in an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Anchored {
    /// A claim.
    Claim(ClaimId),
    /// A range correction.
    Correction(CorrectionId),
}

impl std::fmt::Display for Anchored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Claim(id) => write!(f, "claim {id}"),
            Self::Correction(id) => write!(f, "correction {id}"),
        }
    }
}

/// An anchor placed on text that is close to, but not the same as, its old quote: the analyst
/// may want to look again at what they reviewed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FuzzyMove {
    /// What moved.
    pub item: Anchored,
    /// Its words before.
    pub before: String,
    /// Its words now.
    pub after: String,
    /// Character edits between the two.
    pub edits: usize,
}

/// Where a re-import put everything that pointed into the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReanchorReport {
    /// The article's id before (ids derive from content, so they change with it).
    pub previous: ArticleId,
    /// The article's id now.
    pub article: ArticleId,
    /// Found again word for word.
    pub exact: Vec<Anchored>,
    /// Found again approximately.
    pub fuzzy: Vec<FuzzyMove>,
    /// Not found: kept without a place, listed here and by [`Workspace::orphaned_claims`] and
    /// [`Workspace::orphaned_corrections`].
    pub orphaned: Vec<Anchored>,
    /// Claims extraction found in the new text that no existing claim covers.
    pub new_claims: Vec<ClaimId>,
}

impl Workspace {
    /// Replaces `old` with `updated` and re-anchors what pointed into it. Extracted claims keep
    /// their review; a new extraction that covers an existing claim's exact range refreshes its
    /// figures (the speaker is the analyst's to edit and is left alone); what the new extraction
    /// finds beyond that becomes new unreviewed claims. Orphans from an earlier re-import are
    /// tried again.
    pub(super) fn reimport(
        &mut self,
        old: &ArticleId,
        updated: AnalyzedArticle,
        patch: &mut Patch,
    ) -> Result<ReanchorReport, ActionError> {
        let position = self
            .article_position(old)
            .ok_or_else(|| ActionError::UnknownArticle(old.clone()))?;
        let new = updated.article.id.clone();
        if &new != old && self.article(&new).is_some() {
            return Err(ActionError::DuplicateArticle(new));
        }
        check_article(&updated).map_err(ActionError::InvalidArticle)?;
        let mut report = ReanchorReport {
            previous: old.clone(),
            article: new.clone(),
            exact: Vec::new(),
            fuzzy: Vec::new(),
            orphaned: Vec::new(),
            new_claims: Vec::new(),
        };
        let text = updated.article.text.clone();
        let drift = Drift::measure(
            &text,
            self.claims_of(old).map(|claim| &claim.anchor).chain(
                self.corrections
                    .spans
                    .iter()
                    .filter(|c| &c.article == old)
                    .map(|c| &c.anchor),
            ),
        );

        let claims: Vec<ClaimId> = self.claims_of(old).map(|claim| claim.id).collect();
        for id in claims {
            let Some(claim) = self.claim_mut(patch, id) else {
                continue;
            };
            claim.article = new.clone();
            place(
                &mut claim.anchor,
                &text,
                &drift,
                Anchored::Claim(id),
                &mut report,
            );
        }

        if self.corrections.spans.iter().any(|c| &c.article == old) {
            for correction in self
                .corrections_mut(patch)
                .spans
                .iter_mut()
                .filter(|c| &c.article == old)
            {
                correction.article = new.clone();
                place(
                    &mut correction.anchor,
                    &text,
                    &drift,
                    Anchored::Correction(correction.id),
                    &mut report,
                );
            }
        }

        for extracted in &updated.extraction.claims {
            let same_range = self
                .claims_of(&new)
                .find(|claim| claim.anchor.span == Some(extracted.span))
                .map(|claim| (claim.id, claim.origin));
            match same_range {
                Some((id, ClaimOrigin::Extracted)) => {
                    if let Some(claim) = self.claim_mut(patch, id) {
                        claim.values.clone_from(&extracted.values);
                        claim.via.clone_from(&extracted.via);
                        claim.relays.clone_from(&extracted.relays);
                    }
                }
                Some((_, ClaimOrigin::Manual)) => {}
                // A claim that moved onto most of this sentence already stands for it.
                None if self.claims_of(&new).any(|claim| {
                    claim
                        .anchor
                        .span
                        .is_some_and(|s| mostly_same(s, extracted.span))
                }) => {}
                None => {
                    let claim = self.extracted_claim(&updated, extracted)?;
                    report.new_claims.push(claim.id);
                    self.insert_claim(patch, claim);
                }
            }
        }

        self.articles_mut(patch)[position] = Arc::new(updated);
        Ok(report)
    }
}

/// Whether two ranges share at least half of the longer one.
fn mostly_same(a: Span, b: Span) -> bool {
    let shared = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    shared * 2 >= a.len().max(b.len())
}

/// How far the text moved, learnt from the anchors found again word for word: an anchor
/// that changed is looked for where its exactly placed neighbour before it says the text
/// around it went, not over the whole article.
struct Drift {
    /// (old start, new start) of the exactly placed anchors, by old start.
    moves: Vec<(usize, usize)>,
}

impl Drift {
    fn measure<'a>(text: &str, anchors: impl Iterator<Item = &'a Anchor>) -> Self {
        let mut moves: Vec<(usize, usize)> = anchors
            .filter_map(|anchor| {
                let old = anchor.span?.start;
                let found = locate_exact(&anchor.quote, text, Some(old))?;
                Some((old, found.span.start))
            })
            .collect();
        moves.sort_unstable();
        Self { moves }
    }

    /// Where text that was at `old` probably is now.
    fn expected(&self, old: usize) -> usize {
        let before = self.moves.partition_point(|&(start, _)| start <= old);
        match before
            .checked_sub(1)
            .or((!self.moves.is_empty()).then_some(0))
        {
            Some(index) => {
                let (was, now) = self.moves[index];
                (old + now).saturating_sub(was)
            }
            None => old,
        }
    }
}

/// Finds an anchor's quote in `text` and moves the anchor there, or orphans it.
fn place(
    anchor: &mut Anchor,
    text: &str,
    drift: &Drift,
    item: Anchored,
    report: &mut ReanchorReport,
) {
    let near = anchor.span.map(|span| span.start);
    // Word for word anywhere first; approximately only around where the text moved.
    let found = locate_exact(&anchor.quote, text, near)
        .or_else(|| locate_fuzzy(&anchor.quote, text, near.map(|old| drift.expected(old))))
        // Both return ranges of `text` on char boundaries, so capturing them succeeds.
        .and_then(|found| Anchor::capture(text, found.span).map(|placed| (found.edits, placed)));
    match found {
        Some((0, placed)) => {
            *anchor = placed;
            report.exact.push(item);
        }
        Some((edits, placed)) => {
            let before = std::mem::replace(anchor, placed).quote.exact;
            report.fuzzy.push(FuzzyMove {
                item,
                before,
                after: anchor.quote.exact.clone(),
                edits,
            });
        }
        None => {
            anchor.span = None;
            report.orphaned.push(item);
        }
    }
}
