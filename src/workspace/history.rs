//! Undo and redo: each change keeps a snapshot of exactly the parts it touched, and restoring
//! a snapshot yields the snapshot that takes it back again. The stacks are bounded.

use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

use super::{AnalyzedArticle, ArticleIndex, Claim, ClaimId, Corrections, MergeSource, Workspace};

/// How many changes undo can go back by default.
pub const DEFAULT_HISTORY_LIMIT: usize = 1000;

/// The parts of a workspace as they were before a change. Each part is recorded the first
/// time the change touches it, so restoring puts back exactly the state before the change.
#[derive(Debug, Clone, Default)]
pub(super) struct Patch {
    /// The article list (shared entries: cheap to keep).
    articles: Option<Vec<Arc<AnalyzedArticle>>>,
    /// Each touched claim as it was; `None` for one that did not exist.
    claims: BTreeMap<ClaimId, Option<Claim>>,
    /// All corrections (few, small).
    corrections: Option<Corrections>,
    /// The files merged in.
    merged_from: Option<Vec<MergeSource>>,
}

/// One undoable change.
#[derive(Debug, Clone)]
pub(super) struct Step {
    /// What it was, for menus.
    pub(super) label: String,
    /// What restores the state on the other side of it.
    pub(super) patch: Patch,
}

/// The undo and redo stacks.
#[derive(Debug, Clone)]
pub(super) struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    limit: usize,
}

impl Default for History {
    fn default() -> Self {
        Self::with_limit(DEFAULT_HISTORY_LIMIT)
    }
}

impl History {
    pub(super) fn with_limit(limit: usize) -> Self {
        Self {
            undo: VecDeque::new(),
            redo: Vec::new(),
            limit,
        }
    }

    pub(super) fn limit(&self) -> usize {
        self.limit
    }

    pub(super) fn set_limit(&mut self, limit: usize) {
        self.limit = limit;
        self.trim();
    }

    /// Records a new change: whatever was undone before can no longer be redone.
    pub(super) fn record(&mut self, step: Step) {
        self.redo.clear();
        self.push_undo_keeping_redo(step);
    }

    pub(super) fn push_undo_keeping_redo(&mut self, step: Step) {
        self.undo.push_back(step);
        self.trim();
    }

    pub(super) fn push_redo(&mut self, step: Step) {
        self.redo.push(step);
    }

    pub(super) fn pop_undo(&mut self) -> Option<Step> {
        self.undo.pop_back()
    }

    pub(super) fn pop_redo(&mut self) -> Option<Step> {
        self.redo.pop()
    }

    pub(super) fn undo_label(&self) -> Option<&str> {
        self.undo.back().map(|step| step.label.as_str())
    }

    pub(super) fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|step| step.label.as_str())
    }

    fn trim(&mut self) {
        while self.undo.len() > self.limit {
            self.undo.pop_front();
        }
    }
}

/// The only ways an action changes a workspace: each records the part's old state in the
/// patch before handing out the part to change.
impl Workspace {
    pub(super) fn articles_mut(&mut self, patch: &mut Patch) -> &mut Vec<Arc<AnalyzedArticle>> {
        patch.articles.get_or_insert_with(|| self.articles.clone());
        self.article_index = ArticleIndex::default();
        &mut self.articles
    }

    /// Adds an article at the end, keeping the article index.
    pub(super) fn push_article(&mut self, patch: &mut Patch, entry: Arc<AnalyzedArticle>) {
        patch.articles.get_or_insert_with(|| self.articles.clone());
        if let Some(index) = self.article_index.0.get_mut() {
            index.insert(entry.article.id.clone(), self.articles.len());
        }
        self.articles.push(entry);
    }

    pub(super) fn merged_from_mut(&mut self, patch: &mut Patch) -> &mut Vec<MergeSource> {
        patch
            .merged_from
            .get_or_insert_with(|| self.merged_from.clone());
        &mut self.merged_from
    }

    pub(super) fn corrections_mut(&mut self, patch: &mut Patch) -> &mut Corrections {
        patch
            .corrections
            .get_or_insert_with(|| self.corrections.clone());
        &mut self.corrections
    }

    /// The claim to change; `None` when there is no such claim (nothing is recorded then).
    pub(super) fn claim_mut(&mut self, patch: &mut Patch, id: ClaimId) -> Option<&mut Claim> {
        let claim = self.claims.get_mut(&id)?;
        patch
            .claims
            .entry(id)
            .or_insert_with(|| Some(claim.clone()));
        Some(claim)
    }

    pub(super) fn insert_claim(&mut self, patch: &mut Patch, claim: Claim) {
        patch
            .claims
            .entry(claim.id)
            .or_insert_with(|| self.claims.get(&claim.id).cloned());
        self.claims.insert(claim.id, claim);
    }

    pub(super) fn remove_claim(&mut self, patch: &mut Patch, id: ClaimId) -> Option<Claim> {
        let removed = self.claims.remove(&id)?;
        patch
            .claims
            .entry(id)
            .or_insert_with(|| Some(removed.clone()));
        Some(removed)
    }

    /// Puts back the state a patch recorded; returns the patch that puts back the current one.
    pub(super) fn restore(&mut self, patch: Patch) -> Patch {
        let mut inverse = Patch::default();
        if let Some(articles) = patch.articles {
            inverse.articles = Some(std::mem::replace(&mut self.articles, articles));
            self.article_index = ArticleIndex::default();
        }
        if let Some(corrections) = patch.corrections {
            inverse.corrections = Some(std::mem::replace(&mut self.corrections, corrections));
        }
        if let Some(merged_from) = patch.merged_from {
            inverse.merged_from = Some(std::mem::replace(&mut self.merged_from, merged_from));
        }
        for (id, before) in patch.claims {
            let now = match before {
                Some(claim) => self.claims.insert(id, claim),
                None => self.claims.remove(&id),
            };
            inverse.claims.insert(id, now);
        }
        inverse
    }
}
