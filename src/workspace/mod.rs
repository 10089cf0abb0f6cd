//! The analyst's work product: articles with their text and extraction, the claims under
//! review, and entity corrections; changed only through [`Action`]s, with undo and redo.
//!
//! - [`claim`]: claims, statuses, grades, evidence links, audit trail.
//! - [`anchor`]: byte ranges with their quotes, and finding them again in changed text.
//! - [`corrections`]: entity corrections by range and by surface text.
//! - [`action`]: every change, applied by [`Workspace::apply`].
//! - [`history`]: the bounded undo and redo stacks.
//! - [`reimport`]: taking in a changed article and re-anchoring what pointed into it.
//! - [`merge`]: analysts' copies brought together, disagreements kept as disputes.
//! - [`validate`]: the invariants a workspace keeps, checked when a file is loaded.
//! - [`persist`]: the JSON file, atomic saves, backups and the recovery file.
//!
//! Invariants: every claim and range correction points to an article of the workspace; a
//! placed anchor's span is a non-empty range of that article's text on char boundaries and
//! covers exactly its quote; evidence links point to other existing claims; a claim's status
//! is the last entry of its history. [`Workspace::apply`] keeps them or changes nothing.

#[macro_use]
mod prefixed_id;

pub mod action;
pub mod anchor;
pub mod claim;
pub mod corrections;
pub mod history;
pub mod merge;
pub mod persist;
pub mod reimport;
pub mod validate;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::article::{Article, ArticleId};
use crate::extract::{Entity, Extraction, extract};

pub use action::{Action, ActionError, Effect, MergedFile};
pub use anchor::{Anchor, Quote};
pub use claim::{
    Claim, ClaimId, ClaimOrigin, ClaimStatus, Credibility, Decision, Dispute, EvidenceLink, Grades,
    Position, Relation, Reliability, StatusChange,
};
pub use corrections::{
    CorrectionId, Corrections, EntityCorrection, IndexEdit, SpanCorrection, SurfaceRule,
};
pub use history::DEFAULT_HISTORY_LIMIT;
pub use reimport::{Anchored, FuzzyMove, ReanchorReport};
pub use validate::{SpanProblem, ValidationError};

use history::History;

/// An article as the workspace holds it: its text and metadata, and what extraction found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnalyzedArticle {
    /// The article, text included, so a workspace file stands on its own.
    pub article: Article,
    /// Extraction's findings, before the analyst's corrections.
    pub extraction: Extraction,
}

impl AnalyzedArticle {
    /// Runs extraction on `article`.
    #[must_use]
    pub fn new(article: Article) -> Self {
        let extraction = extract(&article);
        Self {
            article,
            extraction,
        }
    }

    /// Runs extraction on `article`, containing a defect in a rule to this one article: a
    /// batch of files goes on without it. Extraction is not meant to fail on any text; this
    /// is the seam that keeps one unforeseen text from stopping a whole load.
    pub fn analyze(article: Article) -> Result<Self, AnalysisFailed> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract(&article)))
            .map(|extraction| Self {
                article,
                extraction,
            })
            .map_err(|panic| AnalysisFailed {
                reason: panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default(),
            })
    }
}

/// Extraction hit a defect on one article (a bug to report, with the file).
#[derive(Debug, Clone, thiserror::Error)]
#[error(
    "analysis failed on this text (a defect in Crosscheck; please report it with the file): {reason}"
)]
pub struct AnalysisFailed {
    /// What went wrong inside.
    pub reason: String,
}

/// The counters that hand out ids; they only grow, so no id is ever reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextIds {
    /// The number of the next claim.
    pub claim: u64,
    /// The number of the next range correction.
    pub correction: u64,
}

impl Default for NextIds {
    fn default() -> Self {
        Self {
            claim: 1,
            correction: 1,
        }
    }
}

/// A workspace file merged into another (`crosscheck merge`, File › Merge workspace…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeSource {
    /// The file, as it was named when merging.
    pub file: String,
    /// Its workspace's identity.
    pub workspace: Uuid,
    /// The SHA-256 of its bytes: the same file merged again adds nothing.
    pub sha256: String,
}

/// Article ids to positions in [`Workspace::articles`], so finding an article does not scan
/// ten thousand of them. Not part of the workspace's value: built again on demand.
#[derive(Debug, Clone, Default)]
struct ArticleIndex(std::sync::OnceLock<std::collections::HashMap<ArticleId, usize>>);

/// A workspace: articles, claims and corrections, plus the undo history of this session.
#[derive(Debug, Clone)]
pub struct Workspace {
    id: Uuid,
    /// The files merged into it, oldest first.
    merged_from: Vec<MergeSource>,
    /// In the order they were added; shared so an undo step can keep the list cheaply.
    articles: Vec<Arc<AnalyzedArticle>>,
    /// Where each article sits in `articles`: built when first asked for, kept up to date
    /// when an article is added, dropped when the list changes otherwise.
    article_index: ArticleIndex,
    claims: BTreeMap<ClaimId, Claim>,
    corrections: Corrections,
    next_ids: NextIds,
    history: History,
    revision: u64,
}

impl Workspace {
    /// An empty workspace. `id` names it in exports (W3C annotation ids derive from it); give
    /// each new workspace a fresh one, e.g. [`Uuid::new_v4`].
    #[must_use]
    pub fn new(id: Uuid) -> Self {
        Self {
            id,
            merged_from: Vec::new(),
            articles: Vec::new(),
            article_index: ArticleIndex::default(),
            claims: BTreeMap::new(),
            corrections: Corrections::default(),
            next_ids: NextIds::default(),
            history: History::default(),
            revision: 0,
        }
    }

    /// The workspace's identity.
    #[must_use]
    pub fn id(&self) -> Uuid {
        self.id
    }

    /// The workspace files merged into this one, oldest first.
    #[must_use]
    pub fn merged_from(&self) -> &[MergeSource] {
        &self.merged_from
    }

    /// The claims whose merged reviews disagree and that no analyst has adjudicated.
    pub fn disputed_claims(&self) -> impl Iterator<Item = &Claim> {
        self.claims().filter(|claim| claim.is_disputed())
    }

    /// The articles, in the order they were added.
    #[must_use]
    pub fn articles(&self) -> impl ExactSizeIterator<Item = &AnalyzedArticle> {
        self.articles.iter().map(|entry| &**entry)
    }

    /// The article with this id.
    #[must_use]
    pub fn article(&self, id: &ArticleId) -> Option<&AnalyzedArticle> {
        self.article_position(id).map(|at| &*self.articles[at])
    }

    /// Where the article sits in [`Workspace::articles`].
    #[must_use]
    pub fn article_position(&self, id: &ArticleId) -> Option<usize> {
        self.article_index
            .0
            .get_or_init(|| {
                self.articles
                    .iter()
                    .enumerate()
                    .map(|(at, entry)| (entry.article.id.clone(), at))
                    .collect()
            })
            .get(id)
            .copied()
    }

    /// Every claim, by id.
    #[must_use]
    pub fn claims(&self) -> impl ExactSizeIterator<Item = &Claim> {
        self.claims.values()
    }

    /// The claim with this id.
    #[must_use]
    pub fn claim(&self, id: ClaimId) -> Option<&Claim> {
        self.claims.get(&id)
    }

    /// The claims of one article, by id.
    pub fn claims_of<'a>(&'a self, article: &'a ArticleId) -> impl Iterator<Item = &'a Claim> + 'a {
        self.claims().filter(move |claim| &claim.article == article)
    }

    /// Claims whose article changed so that their quote could not be found again.
    pub fn orphaned_claims(&self) -> impl Iterator<Item = &Claim> {
        self.claims().filter(|claim| claim.is_orphaned())
    }

    /// Range corrections whose article changed so that their text could not be found again.
    pub fn orphaned_corrections(&self) -> impl Iterator<Item = &SpanCorrection> {
        self.corrections
            .spans
            .iter()
            .filter(|c| c.anchor.span.is_none())
    }

    /// The entity corrections.
    #[must_use]
    pub fn corrections(&self) -> &Corrections {
        &self.corrections
    }

    /// The id counters.
    #[must_use]
    pub fn next_ids(&self) -> NextIds {
        self.next_ids
    }

    /// The article's entities after the analyst's corrections; `None` for an unknown article.
    #[must_use]
    pub fn entities(&self, article: &ArticleId) -> Option<Vec<Entity>> {
        self.article(article).map(|entry| self.entities_of(entry))
    }

    /// The entities of `entry` (one of this workspace's articles) after the analyst's
    /// corrections: [`Workspace::entities`] without looking the article up, for a pass over
    /// every article.
    #[must_use]
    pub fn entities_of(&self, entry: &AnalyzedArticle) -> Vec<Entity> {
        let article = &entry.article.id;
        let spans = self
            .corrections
            .spans
            .iter()
            .filter(|c| &c.article == article);
        corrections::corrected_entities(
            &entry.article.text,
            &entry.extraction.entities,
            &self.corrections.rules,
            spans,
        )
    }

    /// Counts every change, undo and redo: a window can compare it with the revision it saved
    /// to know whether there is anything unsaved.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether there is something to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        self.history.undo_label().is_some()
    }

    /// Whether there is something to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        self.history.redo_label().is_some()
    }

    /// What [`Workspace::undo`] would undo, for a menu: `Tag c12 confirmed`.
    #[must_use]
    pub fn undo_label(&self) -> Option<&str> {
        self.history.undo_label()
    }

    /// What [`Workspace::redo`] would redo.
    #[must_use]
    pub fn redo_label(&self) -> Option<&str> {
        self.history.redo_label()
    }

    /// Undoes the last change; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<String> {
        let step = self.history.pop_undo()?;
        let label = step.label.clone();
        let redo = self.restore(step.patch);
        self.history.push_redo(history::Step {
            label: step.label,
            patch: redo,
        });
        self.revision += 1;
        Some(label)
    }

    /// Redoes the last undone change; returns its label, or `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Option<String> {
        let step = self.history.pop_redo()?;
        let label = step.label.clone();
        let undo = self.restore(step.patch);
        self.history.push_undo_keeping_redo(history::Step {
            label: step.label,
            patch: undo,
        });
        self.revision += 1;
        Some(label)
    }

    /// Sets how many changes undo can go back (the oldest are forgotten first).
    pub fn set_history_limit(&mut self, limit: usize) {
        self.history.set_limit(limit);
    }

    /// Finds the relays of every placed claim in its article's text, after the analyst's
    /// entity corrections: files written before format version 3 did not store them.
    pub(crate) fn find_relays_in_text(&mut self) {
        let entities: std::collections::HashMap<ArticleId, Vec<Entity>> = self
            .articles()
            .map(|entry| {
                let id = entry.article.id.clone();
                let entities = self.entities(&id).unwrap_or_default();
                (id, entities)
            })
            .collect();
        let texts: std::collections::HashMap<&ArticleId, &str> = self
            .articles
            .iter()
            .map(|entry| (&entry.article.id, entry.article.text.as_str()))
            .collect();
        for claim in self.claims.values_mut() {
            if let (Some(span), Some(text), Some(entities)) = (
                claim.anchor.span,
                texts.get(&claim.article),
                entities.get(&claim.article),
            ) {
                claim.relays = crate::extract::attribution::relays_of(
                    text,
                    span,
                    entities,
                    claim.speaker.as_deref(),
                );
            }
        }
    }

    /// Forgets every undo and redo step, e.g. after building a workspace from files.
    pub fn clear_history(&mut self) {
        self.history = History::with_limit(self.history.limit());
    }
}
