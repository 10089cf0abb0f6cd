//! Bringing analysts' copies of a workspace back together: claims matched by id (copies of
//! one workspace) or by anchor, every review, note, grade and link kept with who and when,
//! disagreements held as disputes until someone adjudicates.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::Serialize;

use super::claim::{Claim, ClaimId, ClaimStatus, Dispute, Grades, Position};
use super::{MergeSource, Workspace};
use crate::article::ArticleId;

/// One workspace to merge, with the name of its file.
#[derive(Debug, Clone, Copy)]
pub struct MergeInput<'a> {
    /// The file, as the analyst named it: positions and `merged_from` record it.
    pub file: &'a str,
    /// The SHA-256 of the file's bytes: the same file given twice is merged once.
    pub sha256: &'a str,
    /// Its workspace.
    pub workspace: &'a Workspace,
}

/// Why workspaces could not be merged. Nothing is written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    /// Fewer than two workspaces.
    #[error("merging needs at least two workspaces")]
    TooFew,
    /// A workspace reviews none of the articles of the others.
    #[error(
        "{file} has no article in common with {base}: they review different articles, so there is nothing to bring together"
    )]
    NothingInCommon {
        /// The file that shares nothing.
        file: String,
        /// The first file.
        base: String,
    },
    /// The claim or correction counter would run out.
    #[error("the merged workspace would hold more claims or corrections than can be numbered")]
    IdsExhausted,
}

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MergeReport {
    /// Claims found in more than one file.
    pub matched: usize,
    /// Claims only a later file had (manual claims, claims of new articles).
    pub added_claims: usize,
    /// Articles only a later file had.
    pub added_articles: usize,
    /// Claims whose reviews disagree, now disputed.
    pub disputed: usize,
    /// Files left out because the same bytes were already merged.
    pub already_merged: Vec<String>,
    /// Surface rules the files set differently (the first file's rule is kept).
    pub rule_conflicts: Vec<String>,
}

/// Merges `inputs` into one workspace: the first file's, with every later file's reviews,
/// notes, grades, links, manual claims, articles and corrections brought in. Where reviews
/// agree the claim keeps that status; where they disagree (status, grades or speaker) it is
/// disputed, every position kept. Merging a file with itself, or again, changes nothing.
pub fn merge(inputs: &[MergeInput<'_>]) -> Result<(Workspace, MergeReport), MergeError> {
    let [base, rest @ ..] = inputs else {
        return Err(MergeError::TooFew);
    };
    if rest.is_empty() {
        return Err(MergeError::TooFew);
    }
    let mut merged = base.workspace.clone();
    merged.clear_history();
    let mut report = MergeReport::default();
    let mut seen: HashSet<String> = merged
        .merged_from
        .iter()
        .map(|source| source.sha256.clone())
        .collect();
    seen.insert(base.sha256.to_owned());
    for input in rest {
        if !seen.insert(input.sha256.to_owned()) {
            report.already_merged.push(input.file.to_owned());
            continue;
        }
        merge_one(&mut merged, base.file, input, &mut report)?;
        merged.merged_from.push(MergeSource {
            file: input.file.to_owned(),
            workspace: input.workspace.id(),
            sha256: input.sha256.to_owned(),
        });
    }
    report.disputed = merged.disputed_claims().count();
    merged.revision += 1;
    Ok((merged, report))
}

/// The claims of `other` that are claims of `base`: by id when both descend from one
/// workspace and the id still names the same passage, else by article and range, else by
/// article and quoted words. One to one; keyed by `other`'s id.
#[must_use]
pub fn corresponding_claims(base: &Workspace, other: &Workspace) -> HashMap<ClaimId, ClaimId> {
    let same_lineage = base.id() == other.id();
    let mut by_span: HashMap<(&ArticleId, crate::span::Span), ClaimId> = HashMap::new();
    let mut by_quote: HashMap<(&ArticleId, &str), Option<ClaimId>> = HashMap::new();
    for claim in base.claims() {
        if let Some(span) = claim.anchor.span {
            by_span.entry((&claim.article, span)).or_insert(claim.id);
        }
        by_quote
            .entry((&claim.article, claim.anchor.quote.exact.as_str()))
            .and_modify(|only| *only = None) // the words twice: no guess
            .or_insert(Some(claim.id));
    }
    let same_passage = |a: &Claim, b: &Claim| {
        a.article == b.article
            && (a.anchor.span.is_some() && a.anchor.span == b.anchor.span
                || a.anchor.quote.exact == b.anchor.quote.exact)
    };
    let mut taken: HashSet<ClaimId> = HashSet::new();
    let mut pairs = HashMap::new();
    for claim in other.claims() {
        let found = same_lineage
            .then(|| base.claim(claim.id))
            .flatten()
            .filter(|mine| same_passage(mine, claim))
            .map(|mine| mine.id)
            .or_else(|| {
                claim
                    .anchor
                    .span
                    .and_then(|span| by_span.get(&(&claim.article, span)).copied())
            })
            .or_else(|| {
                by_quote
                    .get(&(&claim.article, claim.anchor.quote.exact.as_str()))
                    .copied()
                    .flatten()
            });
        if let Some(mine) = found
            && taken.insert(mine)
        {
            pairs.insert(claim.id, mine);
        }
    }
    pairs
}

fn merge_one(
    merged: &mut Workspace,
    base_file: &str,
    input: &MergeInput<'_>,
    report: &mut MergeReport,
) -> Result<(), MergeError> {
    let other = input.workspace;
    let known: HashSet<String> = merged
        .articles()
        .map(|entry| entry.article.sha256.clone())
        .collect();
    if !other
        .articles()
        .any(|entry| known.contains(&entry.article.sha256))
    {
        return Err(MergeError::NothingInCommon {
            file: input.file.to_owned(),
            base: base_file.to_owned(),
        });
    }
    // Articles are named by their content's hash: the same text has the same id everywhere.
    for entry in other.articles() {
        if !known.contains(&entry.article.sha256) {
            merged.articles.push(Arc::new(entry.clone()));
            merged.article_index = super::ArticleIndex::default();
            report.added_articles += 1;
        }
    }
    let pairs = corresponding_claims(merged, other);
    // Where each of `other`'s claims lands, for its links.
    let mut landed: HashMap<ClaimId, ClaimId> = HashMap::new();
    for claim in other.claims() {
        if let Some(&mine) = pairs.get(&claim.id) {
            let target = merged
                .claims
                .get_mut(&mine)
                .expect("a matched claim exists");
            merge_claim(target, base_file, claim, input.file);
            landed.insert(claim.id, mine);
            report.matched += 1;
        } else {
            let id = merged
                .take_claim_id()
                .map_err(|_| MergeError::IdsExhausted)?;
            let mut copy = claim.clone();
            copy.id = id;
            copy.links.clear();
            merged.claims.insert(id, copy);
            landed.insert(claim.id, id);
            report.added_claims += 1;
        }
    }
    for claim in other.claims() {
        let holder = landed[&claim.id];
        for link in &claim.links {
            let Some(&to) = landed.get(&link.claim) else {
                continue;
            };
            let target = merged.claims.get_mut(&holder).expect("landed claims exist");
            if to != holder && target.link_to(to).is_none() {
                target.links.push(super::EvidenceLink {
                    relation: link.relation,
                    claim: to,
                });
            }
        }
    }
    merge_corrections(merged, other, report)
}

/// Brings `other`'s review of a claim into `target`: every status change (the status is the
/// latest), notes that differ, grades and speaker where only one analyst gave them; a
/// disagreement between two reviews becomes (or joins) a dispute.
fn merge_claim(target: &mut Claim, target_file: &str, other: &Claim, other_file: &str) {
    let before = target.clone();
    for change in &other.history {
        if !target.history.contains(change) {
            target.history.push(change.clone());
        }
    }
    target.history.sort_by_key(|change| change.at);
    target.status = target
        .history
        .last()
        .map_or(ClaimStatus::Unreviewed, |change| change.status);
    if !other.note.trim().is_empty() && !target.note.contains(other.note.trim()) {
        target.note = if target.note.trim().is_empty() {
            other.note.clone()
        } else {
            format!(
                "{}\n\n— {}: {}",
                target.note,
                reviewer(other),
                other.note.trim()
            )
        };
    }
    let reviewed = |claim: &Claim| !claim.history.is_empty() || claim.grades != Grades::default();
    match (reviewed(&before), reviewed(other)) {
        (false, true) => {
            target.grades = other.grades;
            target.speaker.clone_from(&other.speaker);
        }
        (true, true) => {
            let agree = before.status == other.status
                && grades_agree(before.grades, other.grades)
                && before.speaker == other.speaker;
            if agree {
                target.grades = fuller(before.grades, other.grades);
            } else {
                let dispute = target.dispute.get_or_insert_with(|| Dispute {
                    positions: vec![position(&before, target_file)],
                    decided: None,
                });
                let theirs = position(other, other_file);
                if !dispute.positions.iter().any(|p| same_position(p, &theirs)) {
                    dispute.positions.push(theirs);
                    // A review the decision did not see opens the dispute again.
                    dispute.decided = None;
                }
                if dispute.positions.len() < 2 {
                    target.dispute = None;
                }
            }
        }
        _ => {}
    }
}

/// Grades agree unless both analysts gave a grade and the grades differ.
fn grades_agree(a: Grades, b: Grades) -> bool {
    fn same<T: PartialEq + Copy>(x: Option<T>, y: Option<T>) -> bool {
        x.is_none() || y.is_none() || x == y
    }
    same(a.reliability, b.reliability) && same(a.credibility, b.credibility)
}

/// Each grade either analyst gave.
fn fuller(a: Grades, b: Grades) -> Grades {
    Grades {
        reliability: a.reliability.or(b.reliability),
        credibility: a.credibility.or(b.credibility),
    }
}

/// Who last reviewed a claim.
fn reviewer(claim: &Claim) -> String {
    claim
        .history
        .last()
        .map_or_else(|| "(not tagged)".to_owned(), |c| c.analyst.clone())
}

fn position(claim: &Claim, file: &str) -> Position {
    Position {
        analyst: reviewer(claim),
        at: claim.history.last().map(|c| c.at),
        file: file.to_owned(),
        status: claim.status,
        grades: claim.grades,
        speaker: claim.speaker.clone(),
        note: claim.note.clone(),
    }
}

/// The same review, whichever file it came from.
fn same_position(a: &Position, b: &Position) -> bool {
    (a.analyst.as_str(), a.at, a.status, a.grades, &a.speaker)
        == (b.analyst.as_str(), b.at, b.status, b.grades, &b.speaker)
}

/// Range corrections, surface rules and index edits `other` has and the merged one lacks.
fn merge_corrections(
    merged: &mut Workspace,
    other: &Workspace,
    report: &mut MergeReport,
) -> Result<(), MergeError> {
    for correction in &other.corrections.spans {
        let present = merged.corrections.spans.iter().any(|mine| {
            mine.article == correction.article
                && mine.anchor == correction.anchor
                && mine.correction == correction.correction
        });
        if !present {
            let id = merged
                .take_correction_id()
                .map_err(|_| MergeError::IdsExhausted)?;
            let mut copy = correction.clone();
            copy.id = id;
            merged.corrections.spans.push(copy);
        }
    }
    for rule in &other.corrections.rules {
        match merged
            .corrections
            .rules
            .iter()
            .find(|mine| mine.surface == rule.surface)
        {
            None => merged.corrections.rules.push(rule.clone()),
            Some(mine) if mine.correction != rule.correction => {
                report.rule_conflicts.push(rule.surface.clone());
            }
            Some(_) => {}
        }
    }
    for edit in &other.corrections.index_edits {
        if !merged.corrections.index_edits.contains(edit) {
            merged.corrections.index_edits.push(edit.clone());
        }
    }
    Ok(())
}
