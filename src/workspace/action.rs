//! Actions: every change an analyst can make to a workspace, and the one place that applies
//! them. Time and the analyst's name come in with the action, so applying is deterministic.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset};

use super::anchor::Anchor;
use super::claim::{
    Claim, ClaimId, ClaimOrigin, ClaimStatus, Decision, EvidenceLink, Grades, Relation,
    StatusChange,
};
use super::corrections::{CorrectionId, EntityCorrection, IndexEdit, SpanCorrection, SurfaceRule};
use super::history::{Patch, Step};
use super::merge::{MergeError, MergeInput, MergeReport, merge};
use super::reimport::ReanchorReport;
use super::validate::{SpanProblem, ValidationError, check_article, span_problem};
use super::{AnalyzedArticle, Workspace};
use crate::article::ArticleId;
use crate::extract::attribution::relays_of;
use crate::extract::{EntityKind, ExtractedClaim};
use crate::span::Span;

/// A change to a workspace.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Adds an article and the claims extraction found in it.
    AddArticle(Box<AnalyzedArticle>),
    /// Replaces an article with a new version of it (its file changed) and re-anchors the
    /// claims and corrections that point into it; see [`super::reimport`].
    ReimportArticle {
        /// The article to replace.
        article: ArticleId,
        /// Its new version.
        updated: Box<AnalyzedArticle>,
    },
    /// Removes an article with its claims, their evidence links and its range corrections.
    RemoveArticle {
        /// The article.
        article: ArticleId,
    },
    /// Creates a manual claim over a passage.
    AddClaim {
        /// The article.
        article: ArticleId,
        /// The passage, a byte range of the article's text.
        span: Span,
        /// Who asserts it, if the analyst says.
        speaker: Option<String>,
    },
    /// Deletes a claim and every evidence link to it.
    DeleteClaim {
        /// The claim.
        claim: ClaimId,
    },
    /// Sets a claim's status and records who did it and when.
    SetStatus {
        /// The claim.
        claim: ClaimId,
        /// The new status.
        status: ClaimStatus,
        /// Who sets it.
        analyst: String,
        /// When.
        at: DateTime<FixedOffset>,
    },
    /// Brings other analysts' workspaces into this one (see [`super::merge`]): their
    /// reviews, notes, grades, links, manual claims, articles and corrections; disagreements
    /// become disputes. Undo takes the whole merge back.
    Merge(Vec<MergedFile>),
    /// Settles a disputed claim: the status, grades and speaker chosen (one analyst's, or new
    /// values), recorded as a status change by the analyst who decided.
    Adjudicate {
        /// The claim.
        claim: ClaimId,
        /// The status decided.
        status: ClaimStatus,
        /// The grades decided.
        grades: Grades,
        /// The speaker decided; `None` (or blank) for the outlet's own narration.
        speaker: Option<String>,
        /// Who decided.
        analyst: String,
        /// When.
        at: DateTime<FixedOffset>,
    },
    /// Replaces a claim's note.
    SetNote {
        /// The claim.
        claim: ClaimId,
        /// The note; empty for none.
        note: String,
    },
    /// Sets or clears who asserts a claim.
    SetSpeaker {
        /// The claim.
        claim: ClaimId,
        /// The speaker; `None` (or blank) for the outlet's own narration.
        speaker: Option<String>,
    },
    /// Sets a claim's Admiralty grades.
    SetGrades {
        /// The claim.
        claim: ClaimId,
        /// The grades.
        grades: Grades,
    },
    /// Links one claim to another as evidence, replacing any link between them.
    Link {
        /// The claim that is evidence.
        from: ClaimId,
        /// How it bears on the other.
        relation: Relation,
        /// The claim it bears on.
        to: ClaimId,
    },
    /// Removes the link from one claim to another.
    Unlink {
        /// The claim holding the link.
        from: ClaimId,
        /// The claim it points to.
        to: ClaimId,
    },
    /// Corrects the entities over a range of one article (replacing an earlier correction of
    /// exactly that range).
    CorrectEntity {
        /// The article.
        article: ArticleId,
        /// The range.
        span: Span,
        /// What the range is.
        correction: EntityCorrection,
    },
    /// Withdraws a range correction.
    RemoveCorrection {
        /// The correction.
        correction: CorrectionId,
    },
    /// Sets the rule for a surface text in every article (replacing an earlier one).
    SetRule {
        /// The text, exactly as it appears.
        surface: String,
        /// What it is.
        correction: EntityCorrection,
    },
    /// Withdraws the rule for a surface text.
    RemoveRule {
        /// The text.
        surface: String,
    },
    /// Records an edit of the entity index (merge, split, rename). Only the edit's face is
    /// checked here; the index applies the edits in order and reports those that do not fit.
    EditIndex(IndexEdit),
    /// Withdraws an index edit, by its position among the workspace's index edits.
    RemoveIndexEdit {
        /// Its position in `Corrections::index_edits`.
        position: usize,
    },
}

impl Action {
    /// Whose entities the action changes, if any.
    fn entities_changed(&self) -> Option<EntityScope> {
        match self {
            Self::CorrectEntity { article, .. } => Some(EntityScope::Article(article.clone())),
            Self::RemoveCorrection { .. } | Self::SetRule { .. } | Self::RemoveRule { .. } => {
                Some(EntityScope::Every)
            }
            _ => None,
        }
    }

    /// A short description for an undo menu: `Tag c12 confirmed`.
    #[must_use]
    pub fn label(&self) -> String {
        match self {
            Self::AddArticle(entry) => format!("Add article {}", entry.article.display_title()),
            Self::ReimportArticle { updated, .. } => {
                format!("Re-import {}", updated.article.display_title())
            }
            Self::RemoveArticle { article } => format!("Remove article {article}"),
            Self::AddClaim { .. } => "New claim".to_owned(),
            Self::DeleteClaim { claim } => format!("Delete {claim}"),
            Self::SetStatus { claim, status, .. } => format!("Tag {claim} {status}"),
            Self::Adjudicate { claim, status, .. } => format!("Adjudicate {claim}: {status}"),
            Self::Merge(files) => match files.as_slice() {
                [one] => format!("Merge {}", one.file),
                more => format!("Merge {} workspaces", more.len()),
            },
            Self::SetNote { claim, .. } => format!("Edit the note of {claim}"),
            Self::SetSpeaker { claim, .. } => format!("Edit the speaker of {claim}"),
            Self::SetGrades { claim, .. } => format!("Grade {claim}"),
            Self::Link { from, relation, to } => format!("Link {from} {} {to}", relation.as_str()),
            Self::Unlink { from, to } => format!("Unlink {from} from {to}"),
            Self::CorrectEntity {
                correction: EntityCorrection::Mark(kind),
                ..
            } => format!("Mark as {kind}"),
            Self::CorrectEntity {
                correction: EntityCorrection::Remove,
                ..
            } => "Remove entity".to_owned(),
            Self::RemoveCorrection { correction } => format!("Withdraw correction {correction}"),
            Self::SetRule {
                surface,
                correction: EntityCorrection::Mark(kind),
            } => {
                format!("Always treat \u{201c}{surface}\u{201d} as {kind}")
            }
            Self::SetRule {
                surface,
                correction: EntityCorrection::Remove,
            } => {
                format!("Never treat \u{201c}{surface}\u{201d} as an entity")
            }
            Self::RemoveRule { surface } => {
                format!("Withdraw the rule for \u{201c}{surface}\u{201d}")
            }
            Self::EditIndex(edit) => index_edit_label(edit),
            Self::RemoveIndexEdit { position } => {
                format!("Withdraw index edit {}", position + 1)
            }
        }
    }
}

/// `Merge “Kirby” into “John Kirby”`, for undo menus and the list of index edits.
#[must_use]
pub fn index_edit_label(edit: &IndexEdit) -> String {
    let name = |key: &str| key.split_once(':').map_or(key, |(_, name)| name).to_owned();
    match edit {
        IndexEdit::Merge { into, merged } => {
            let others: Vec<String> = merged
                .iter()
                .filter(|k| *k != into)
                .map(|k| format!("\u{201c}{}\u{201d}", name(k)))
                .collect();
            format!(
                "Merge {} into \u{201c}{}\u{201d}",
                others.join(", "),
                name(into)
            )
        }
        IndexEdit::Split {
            entry,
            forms,
            name: new,
        } => format!(
            "Split \u{201c}{}\u{201d} off \u{201c}{}\u{201d} as \u{201c}{new}\u{201d}",
            forms.join("\u{201d}, \u{201c}"),
            name(entry)
        ),
        IndexEdit::Rename { entry, name: new } => {
            format!(
                "Rename \u{201c}{}\u{201d} to \u{201c}{new}\u{201d}",
                name(entry)
            )
        }
    }
}

/// The articles whose entities an action changes.
enum EntityScope {
    /// One article (a correction of a range).
    Article(ArticleId),
    /// Every article (a rule by surface text, or a withdrawn correction).
    Every,
}

/// A workspace file read to be merged in.
#[derive(Debug, Clone)]
pub struct MergedFile {
    /// The file, as the analyst named it.
    pub file: String,
    /// The SHA-256 of its bytes.
    pub sha256: String,
    /// Its workspace.
    pub workspace: Arc<Workspace>,
}

impl PartialEq for MergedFile {
    /// The same file read twice is the same input.
    fn eq(&self, other: &Self) -> bool {
        self.file == other.file && self.sha256 == other.sha256
    }
}

/// What an applied action did, beyond the change itself.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// The change is made; nothing more to say.
    Done,
    /// An article was added, with these extracted claims.
    ArticleAdded {
        /// The article.
        article: ArticleId,
        /// Its claims.
        claims: Vec<ClaimId>,
    },
    /// A manual claim was created.
    ClaimAdded(ClaimId),
    /// A range correction was made or updated.
    Corrected(CorrectionId),
    /// An article was re-imported: where its claims and corrections went.
    Reimported(ReanchorReport),
    /// Workspaces were merged in.
    Merged(MergeReport),
}

/// Why an action was refused. A refused action changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActionError {
    /// The id counter cannot grow: no new claim or correction can be numbered.
    #[error("no new {0} can be numbered: the id counter is at its limit")]
    IdsExhausted(&'static str),
    /// No claim has this id.
    #[error("there is no claim {0}")]
    UnknownClaim(ClaimId),
    /// No article has this id.
    #[error("there is no article {0}")]
    UnknownArticle(ArticleId),
    /// No range correction has this id.
    #[error("there is no correction {0}")]
    UnknownCorrection(CorrectionId),
    /// No rule exists for this surface text.
    #[error("there is no rule for \u{201c}{0}\u{201d}")]
    UnknownRule(String),
    /// The article (same content, same id) is already in the workspace.
    #[error("article {0} is already in the workspace")]
    DuplicateArticle(ArticleId),
    /// An article and its extraction do not hold together (a range outside the text).
    #[error("{0}")]
    InvalidArticle(ValidationError),
    /// The range cannot be used in this article.
    #[error("{}..{} is not a usable range of article {article}: {problem}", span.start, span.end)]
    BadSpan {
        /// The article.
        article: ArticleId,
        /// The range.
        span: Span,
        /// What is wrong with it.
        problem: SpanProblem,
    },
    /// A claim was linked to itself.
    #[error("{0} cannot be evidence for itself")]
    SelfLink(ClaimId),
    /// There is no link to remove.
    #[error("{from} has no link to {to}")]
    NoSuchLink {
        /// The claim that would hold it.
        from: ClaimId,
        /// The claim it would point to.
        to: ClaimId,
    },
    /// A rule's surface text was blank.
    #[error("a rule needs some text to match")]
    BlankSurface,
    /// A status change named no analyst.
    #[error("a status change needs the analyst's name")]
    NoAnalyst,
    /// The workspaces could not be merged.
    #[error("{0}")]
    Merge(MergeError),
    /// Only a disputed claim can be adjudicated.
    #[error("{0} is not disputed: there is nothing to adjudicate")]
    NotDisputed(ClaimId),
    /// An index edit cannot be right whatever the index holds.
    #[error("{0}")]
    BadIndexEdit(&'static str),
    /// There is no index edit at this position.
    #[error("there is no index edit {}", .0 + 1)]
    UnknownIndexEdit(usize),
}

impl Workspace {
    /// Applies one change. On success it becomes the newest undo step (and what was undone
    /// before can no longer be redone); on error the workspace is exactly as it was.
    pub fn apply(&mut self, action: Action) -> Result<Effect, ActionError> {
        let label = action.label();
        let entities_changed = action.entities_changed();
        let mut patch = Patch::default();
        match self.perform(action, &mut patch) {
            Ok(effect) => {
                // A claim's figures are the numbers inside it: an entity correction moves them.
                if let Some(scope) = entities_changed {
                    self.refresh_claim_values(&scope, &mut patch);
                }
                self.history.record(Step { label, patch });
                self.revision += 1;
                Ok(effect)
            }
            Err(error) => {
                // Actions check before they change, but a patch makes the promise hold anyway.
                self.restore(patch);
                Err(error)
            }
        }
    }

    fn perform(&mut self, action: Action, patch: &mut Patch) -> Result<Effect, ActionError> {
        match action {
            Action::AddArticle(entry) => self.add_article(*entry, patch),
            Action::ReimportArticle { article, updated } => self
                .reimport(&article, *updated, patch)
                .map(Effect::Reimported),
            Action::RemoveArticle { article } => self.remove_article(&article, patch),
            Action::AddClaim {
                article,
                span,
                speaker,
            } => self.add_manual_claim(&article, span, speaker, patch),
            Action::DeleteClaim { claim } => self.delete_claim(claim, patch),
            Action::SetStatus {
                claim,
                status,
                analyst,
                at,
            } => {
                let analyst = named(&analyst)?;
                let change = StatusChange {
                    status,
                    analyst: analyst.to_owned(),
                    at,
                };
                let claim = self
                    .claim_mut(patch, claim)
                    .ok_or(ActionError::UnknownClaim(claim))?;
                claim.status = status;
                claim.history.push(change);
                Ok(Effect::Done)
            }
            Action::Merge(files) => self.merge_in(&files, patch),
            Action::Adjudicate {
                claim,
                status,
                grades,
                speaker,
                analyst,
                at,
            } => {
                let analyst = named(&analyst)?;
                let claim = self
                    .claim_mut(patch, claim)
                    .ok_or(ActionError::UnknownClaim(claim))?;
                if !claim.is_disputed() {
                    return Err(ActionError::NotDisputed(claim.id));
                }
                claim.status = status;
                claim.grades = grades;
                claim.speaker = speaker
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty());
                claim.history.push(StatusChange {
                    status,
                    analyst: analyst.to_owned(),
                    at,
                });
                if let Some(dispute) = &mut claim.dispute {
                    let taken = dispute.positions.iter().position(|p| {
                        p.status == claim.status
                            && p.grades == claim.grades
                            && p.speaker == claim.speaker
                    });
                    dispute.decided = Some(Decision {
                        analyst: analyst.to_owned(),
                        at,
                        taken,
                    });
                }
                Ok(Effect::Done)
            }
            Action::SetNote { claim, note } => {
                self.claim_mut(patch, claim)
                    .ok_or(ActionError::UnknownClaim(claim))?
                    .note = note;
                Ok(Effect::Done)
            }
            Action::SetSpeaker { claim, speaker } => {
                let speaker = speaker
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty());
                self.claim_mut(patch, claim)
                    .ok_or(ActionError::UnknownClaim(claim))?
                    .speaker = speaker;
                Ok(Effect::Done)
            }
            Action::SetGrades { claim, grades } => {
                self.claim_mut(patch, claim)
                    .ok_or(ActionError::UnknownClaim(claim))?
                    .grades = grades;
                Ok(Effect::Done)
            }
            Action::Link { from, relation, to } => self.link(from, relation, to, patch),
            Action::Unlink { from, to } => {
                let holder = self
                    .claim_mut(patch, from)
                    .ok_or(ActionError::UnknownClaim(from))?;
                let before = holder.links.len();
                holder.links.retain(|link| link.claim != to);
                if holder.links.len() == before {
                    return Err(ActionError::NoSuchLink { from, to });
                }
                Ok(Effect::Done)
            }
            Action::CorrectEntity {
                article,
                span,
                correction,
            } => self.correct_entity(article, span, correction, patch),
            Action::RemoveCorrection { correction } => {
                let spans = &mut self.corrections_mut(patch).spans;
                let position = spans
                    .iter()
                    .position(|c| c.id == correction)
                    .ok_or(ActionError::UnknownCorrection(correction))?;
                spans.remove(position);
                Ok(Effect::Done)
            }
            Action::SetRule {
                surface,
                correction,
            } => {
                if surface.trim().is_empty() {
                    return Err(ActionError::BlankSurface);
                }
                let rules = &mut self.corrections_mut(patch).rules;
                match rules.iter_mut().find(|rule| rule.surface == surface) {
                    Some(rule) => rule.correction = correction,
                    None => rules.push(SurfaceRule {
                        surface,
                        correction,
                    }),
                }
                Ok(Effect::Done)
            }
            Action::EditIndex(edit) => {
                if let Some(problem) = edit.problem() {
                    return Err(ActionError::BadIndexEdit(problem));
                }
                self.corrections_mut(patch).index_edits.push(edit);
                Ok(Effect::Done)
            }
            Action::RemoveIndexEdit { position } => {
                if position >= self.corrections.index_edits.len() {
                    return Err(ActionError::UnknownIndexEdit(position));
                }
                self.corrections_mut(patch).index_edits.remove(position);
                Ok(Effect::Done)
            }
            Action::RemoveRule { surface } => {
                if self.corrections.rule(&surface).is_none() {
                    return Err(ActionError::UnknownRule(surface));
                }
                self.corrections_mut(patch)
                    .rules
                    .retain(|rule| rule.surface != surface);
                Ok(Effect::Done)
            }
        }
    }

    fn add_article(
        &mut self,
        entry: AnalyzedArticle,
        patch: &mut Patch,
    ) -> Result<Effect, ActionError> {
        let article = entry.article.id.clone();
        if self.article(&article).is_some() {
            return Err(ActionError::DuplicateArticle(article));
        }
        check_article(&entry).map_err(ActionError::InvalidArticle)?;
        let mut claims = Vec::with_capacity(entry.extraction.claims.len());
        for extracted in &entry.extraction.claims {
            let claim = self.extracted_claim(&entry, extracted)?;
            claims.push(claim.id);
            self.insert_claim(patch, claim);
        }
        self.push_article(patch, Arc::new(entry));
        Ok(Effect::ArticleAdded { article, claims })
    }

    /// A new, unreviewed claim for what extraction found.
    pub(super) fn extracted_claim(
        &mut self,
        entry: &AnalyzedArticle,
        extracted: &ExtractedClaim,
    ) -> Result<Claim, ActionError> {
        let anchor = usable_anchor(entry, extracted.span)?;
        Ok(Claim {
            id: self.take_claim_id()?,
            article: entry.article.id.clone(),
            anchor,
            origin: ClaimOrigin::Extracted,
            speaker: extracted.speaker.clone(),
            via: extracted.via.clone(),
            relays: extracted.relays.clone(),
            values: extracted.values.clone(),
            status: ClaimStatus::Unreviewed,
            note: String::new(),
            grades: Grades::default(),
            links: Vec::new(),
            history: Vec::new(),
            dispute: None,
        })
    }

    fn remove_article(
        &mut self,
        article: &ArticleId,
        patch: &mut Patch,
    ) -> Result<Effect, ActionError> {
        let position = self
            .article_position(article)
            .ok_or_else(|| ActionError::UnknownArticle(article.clone()))?;
        let doomed: Vec<ClaimId> = self.claims_of(article).map(|claim| claim.id).collect();
        for &id in &doomed {
            self.remove_claim(patch, id);
        }
        self.drop_links_to(&doomed, patch);
        if self.corrections.spans.iter().any(|c| &c.article == article) {
            self.corrections_mut(patch)
                .spans
                .retain(|c| &c.article != article);
        }
        self.articles_mut(patch).remove(position);
        Ok(Effect::Done)
    }

    fn add_manual_claim(
        &mut self,
        article: &ArticleId,
        span: Span,
        speaker: Option<String>,
        patch: &mut Patch,
    ) -> Result<Effect, ActionError> {
        let entry = self
            .article(article)
            .ok_or_else(|| ActionError::UnknownArticle(article.clone()))?;
        let anchor = usable_anchor(entry, span)?;
        // The figures and relays in the passage, after the analyst's own entity corrections.
        let entities = self.entities(article).unwrap_or_default();
        let values = entities
            .iter()
            .filter(|e| e.kind == EntityKind::Number && span.contains(e.span))
            .filter_map(|e| e.quantity.as_ref().map(|q| q.value))
            .collect();
        let speaker = speaker
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty());
        let relays = relays_of(&entry.article.text, span, &entities, speaker.as_deref());
        let claim = Claim {
            id: self.take_claim_id()?,
            article: article.clone(),
            anchor,
            origin: ClaimOrigin::Manual,
            speaker,
            via: None,
            relays,
            values,
            status: ClaimStatus::Unreviewed,
            note: String::new(),
            grades: Grades::default(),
            links: Vec::new(),
            history: Vec::new(),
            dispute: None,
        };
        let id = claim.id;
        self.insert_claim(patch, claim);
        Ok(Effect::ClaimAdded(id))
    }

    fn delete_claim(&mut self, claim: ClaimId, patch: &mut Patch) -> Result<Effect, ActionError> {
        self.remove_claim(patch, claim)
            .ok_or(ActionError::UnknownClaim(claim))?;
        self.drop_links_to(&[claim], patch);
        Ok(Effect::Done)
    }

    /// Removes every evidence link pointing to one of `targets`.
    fn drop_links_to(&mut self, targets: &[ClaimId], patch: &mut Patch) {
        let holders: Vec<ClaimId> = self
            .claims()
            .filter(|claim| claim.links.iter().any(|link| targets.contains(&link.claim)))
            .map(|claim| claim.id)
            .collect();
        for id in holders {
            if let Some(claim) = self.claim_mut(patch, id) {
                claim.links.retain(|link| !targets.contains(&link.claim));
            }
        }
    }

    fn link(
        &mut self,
        from: ClaimId,
        relation: Relation,
        to: ClaimId,
        patch: &mut Patch,
    ) -> Result<Effect, ActionError> {
        if from == to {
            return Err(ActionError::SelfLink(from));
        }
        if self.claim(to).is_none() {
            return Err(ActionError::UnknownClaim(to));
        }
        let holder = self
            .claim_mut(patch, from)
            .ok_or(ActionError::UnknownClaim(from))?;
        match holder.links.iter_mut().find(|link| link.claim == to) {
            Some(link) => link.relation = relation,
            None => holder.links.push(EvidenceLink {
                relation,
                claim: to,
            }),
        }
        Ok(Effect::Done)
    }

    fn correct_entity(
        &mut self,
        article: ArticleId,
        span: Span,
        correction: EntityCorrection,
        patch: &mut Patch,
    ) -> Result<Effect, ActionError> {
        let entry = self
            .article(&article)
            .ok_or_else(|| ActionError::UnknownArticle(article.clone()))?;
        let anchor = usable_anchor(entry, span)?;
        let existing = self
            .corrections
            .spans
            .iter()
            .position(|c| c.article == article && c.anchor.span == Some(span));
        let id = if let Some(index) = existing {
            let same_range = &mut self.corrections_mut(patch).spans[index];
            same_range.correction = correction;
            same_range.id
        } else {
            let id = self.take_correction_id()?;
            self.corrections_mut(patch).spans.push(SpanCorrection {
                id,
                article,
                anchor,
                correction,
            });
            id
        };
        Ok(Effect::Corrected(id))
    }

    /// Hands out the next claim id. Ids are not taken back on undo: a redone claim comes back
    /// with its own id from the undo snapshot, and no id ever names two claims.
    pub(super) fn take_claim_id(&mut self) -> Result<ClaimId, ActionError> {
        let id = ClaimId(self.next_ids.claim);
        self.next_ids.claim = grown(self.next_ids.claim, "claim")?;
        Ok(id)
    }

    /// Sets each claim's figures (in `scope`) to the numbers inside it,
    /// after the analyst's entity corrections.
    fn refresh_claim_values(&mut self, scope: &EntityScope, patch: &mut Patch) {
        let articles: Vec<ArticleId> = match scope {
            EntityScope::Article(id) => vec![id.clone()],
            EntityScope::Every => self.articles().map(|e| e.article.id.clone()).collect(),
        };
        for id in &articles {
            let numbers: Vec<(Span, f64)> = self
                .entities(id)
                .unwrap_or_default()
                .into_iter()
                .filter(|e| e.kind == EntityKind::Number)
                .filter_map(|e| Some((e.span, e.quantity?.value)))
                .collect();
            let changed: Vec<(ClaimId, Vec<f64>)> = self
                .claims_of(id)
                .filter_map(|claim| {
                    let span = claim.anchor.span?;
                    let values: Vec<f64> = numbers
                        .iter()
                        .filter(|(at, _)| span.contains(*at))
                        .map(|&(_, value)| value)
                        .collect();
                    (values != claim.values).then_some((claim.id, values))
                })
                .collect();
            for (claim, values) in changed {
                if let Some(claim) = self.claim_mut(patch, claim) {
                    claim.values = values;
                }
            }
        }
    }

    /// Merges `files` into this workspace, recording every part it changes.
    fn merge_in(&mut self, files: &[MergedFile], patch: &mut Patch) -> Result<Effect, ActionError> {
        let (merged, report) = {
            let mut inputs = vec![MergeInput {
                file: "this workspace",
                sha256: "",
                workspace: self,
            }];
            inputs.extend(files.iter().map(|f| MergeInput {
                file: &f.file,
                sha256: &f.sha256,
                workspace: &f.workspace,
            }));
            merge(&inputs).map_err(ActionError::Merge)?
        };
        if merged.articles.len() != self.articles.len() {
            self.articles_mut(patch).clone_from(&merged.articles);
        }
        for claim in merged.claims.values() {
            if self.claims.get(&claim.id) != Some(claim) {
                self.insert_claim(patch, claim.clone());
            }
        }
        if merged.corrections != self.corrections {
            self.corrections_mut(patch).clone_from(&merged.corrections);
        }
        self.merged_from_mut(patch).clone_from(&merged.merged_from);
        self.next_ids = merged.next_ids;
        Ok(Effect::Merged(report))
    }

    pub(super) fn take_correction_id(&mut self) -> Result<CorrectionId, ActionError> {
        let id = CorrectionId(self.next_ids.correction);
        self.next_ids.correction = grown(self.next_ids.correction, "correction")?;
        Ok(id)
    }
}

/// The counter after `next`, or a refusal where it cannot grow (an id is never reused).
fn grown(next: u64, counter: &'static str) -> Result<u64, ActionError> {
    next.checked_add(1)
        .filter(|&after| after < u64::MAX)
        .ok_or(ActionError::IdsExhausted(counter))
}

/// An anchor on a non-empty range of the article's text on char boundaries.
fn usable_anchor(entry: &AnalyzedArticle, span: Span) -> Result<Anchor, ActionError> {
    let text = &entry.article.text;
    let bad = |problem| ActionError::BadSpan {
        article: entry.article.id.clone(),
        span,
        problem,
    };
    if let Some(problem) = span_problem(text, span) {
        return Err(bad(problem));
    }
    Anchor::capture(text, span).ok_or_else(|| bad(SpanProblem::SplitsCharacter))
}

/// The analyst's name without surrounding spaces; a status change must name someone.
fn named(analyst: &str) -> Result<&str, ActionError> {
    let analyst = analyst.trim();
    if analyst.is_empty() {
        Err(ActionError::NoAnalyst)
    } else {
        Ok(analyst)
    }
}
