//! Cross-checking across articles: the same measure side by side with conflicts, source
//! chains and independent origins, an entity index with aliases merged, and a timeline.
//!
//! Everything here is pure data computed from a [`Workspace`] (the GUI and the CLI draw it):
//!
//! - [`entities`]: [`EntityIndex`], every entity with its mentions and aliases, after the
//!   analyst's merge/split/rename edits ([`IndexEdit`], stored with the workspace).
//! - [`sources`]: [`SourceChain`] per claim (origin → relays → outlet) and the Admiralty
//!   credibility a group of figures suggests.
//! - [`figures`]: [`FigureGroup`]s, numeric claims about the same measure, with intervals,
//!   time frames and conflicts.
//! - [`timeline`](mod@timeline): claims placed by the date of the event they report.
//! - `names`: name cleaning, acronyms, transliterations and capitals shared by the above.
//!
//! Start with [`Comparison::build`]; [`workspace_from`] makes a workspace from articles that
//! are not in one yet. For a corpus too large to hold, compare as map and reduce:
//! [`ArticleFigures::of`] per article, then [`ArticleFigures::reduce`] over all of them.

pub mod entities;
pub mod figures;
mod names;
mod scan;
pub mod sources;
pub mod timeline;

use std::collections::HashMap;

use serde::Serialize;
use uuid::Uuid;

use crate::article::ArticleId;
use crate::extract::Entity;
use crate::span::Span;
use crate::workspace::{Action, ActionError, AnalyzedArticle, Claim, Workspace};

pub use entities::{
    Alias, EditError, EntityIndex, IndexEdit, IndexEntry, Mention, apply_edit, apply_edits,
};
pub use figures::{
    Bounds, Conflict, Counted, Event, Figure, FigureGroup, FigureReading, Measure, OriginCount,
    Rate, STRONGEST_CONFLICTS, Timing, TimingKind, ValueCluster, group_figures, group_readings,
    grouped, kind_key, separated,
};
pub use sources::{
    CredibilitySuggestion, Description, KnownOrganization, LinkRole, Organizations, Source,
    SourceChain, SourceKind, SourceLink, source_chains,
};
pub use timeline::{
    CalendarTick, DateRelation, EventDate, Placement, PlacementBasis, Timeline, TimelineFilter,
    TimelineItem, calendar_ticks, dense_range, timeline,
};

/// Everything the cross-checking views show, computed in one pass.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// Figures grouped by measure, largest groups first.
    pub groups: Vec<FigureGroup>,
    /// The source chain of every placed claim, in article then reading order.
    pub chains: Vec<SourceChain>,
}

impl Comparison {
    /// Groups, chains and suggestions for `workspace`, with aliases as `index` merges them
    /// (build it with [`EntityIndex::build`], which applies the analyst's index edits).
    #[must_use]
    pub fn build(workspace: &Workspace, index: &EntityIndex) -> Self {
        let corpus = Corpus::new(workspace);
        let chains = sources::chains_of(&corpus, index);
        let groups = figures::group_readings(figures::readings_of(&corpus, index, &chains));
        Self { groups, chains }
    }

    /// The chain of one claim.
    #[must_use]
    pub fn chain(&self, claim: crate::workspace::ClaimId) -> Option<&SourceChain> {
        self.chains.iter().find(|chain| chain.claim == claim)
    }
}

/// Everything the cross-checking views of one workspace revision show: figure groups and
/// source chains, the entity index after the analyst's edits, and the timeline. The
/// workbench computes it on a thread; `crosscheck compare` builds the comparison alike.
pub struct CrossCheck {
    /// Figure groups and source chains.
    pub comparison: Comparison,
    /// Every entity across the workspace, after the analyst's index edits.
    pub index: EntityIndex,
    /// The index edits that could not be applied: their position and why.
    pub skipped_edits: Vec<(usize, EditError)>,
    /// Claims placed on the time axis.
    pub timeline: Timeline,
}

impl CrossCheck {
    /// Computes everything for `workspace` (seconds for a large workspace: run it off the
    /// UI thread).
    #[must_use]
    pub fn compute(workspace: &Workspace) -> Self {
        let (index, skipped_edits) = EntityIndex::build_reporting(workspace);
        let comparison = Comparison::build(workspace, &index);
        let timeline = timeline(workspace, &index);
        Self {
            comparison,
            index,
            skipped_edits,
            timeline,
        }
    }
}

/// One article's part of a comparison spread over articles (or machines): the map step,
/// which [`ArticleFigures::reduce`] undoes.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct ArticleFigures {
    /// Its figures with their measures, in reading order.
    pub readings: Vec<FigureReading>,
    /// The organizations it names, which descriptions in any article may mean.
    pub organizations: Vec<KnownOrganization>,
}

impl ArticleFigures {
    /// The figures of one article on its own. Names are merged within the article (the
    /// reduce step matches descriptions of sources against every article's organizations),
    /// and claims are numbered per article (`c1`, `c2`, ...), so an article's part is the
    /// same whatever else is compared with it.
    ///
    /// # Errors
    /// When the extraction does not fit the article's text (the workspace refuses it).
    pub fn of(entry: AnalyzedArticle) -> Result<Self, ActionError> {
        let (workspace, refused) = workspace_from([entry]);
        if let Some((_, error)) = refused.into_iter().next() {
            return Err(error);
        }
        let index = EntityIndex::build(&workspace);
        let corpus = Corpus::new(&workspace);
        let chains = sources::chains_of(&corpus, &index);
        Ok(Self {
            readings: figures::readings_of(&corpus, &index, &chains),
            organizations: sources::known_organizations(&corpus, &index),
        })
    }

    /// The reduce step: the groups of all the articles' figures, in corpus order (article,
    /// then reading order), descriptions of sources matched against every article's
    /// organizations as a comparison of the whole corpus matches them.
    #[must_use]
    pub fn reduce(
        mut readings: Vec<FigureReading>,
        organizations: &[KnownOrganization],
    ) -> Vec<FigureGroup> {
        for reading in &mut readings {
            reading.figure.match_description(organizations);
        }
        group_readings(readings)
    }
}

/// A workspace holding `articles` (e.g. freshly loaded files), with their extracted claims.
/// Articles the workspace refuses (duplicates, extraction not fitting the text) are returned
/// with the reason beside it.
#[must_use]
pub fn workspace_from(
    articles: impl IntoIterator<Item = AnalyzedArticle>,
) -> (Workspace, Vec<(ArticleId, ActionError)>) {
    let mut workspace = Workspace::new(Uuid::nil());
    let mut refused = Vec::new();
    for entry in articles {
        let id = entry.article.id.clone();
        if let Err(error) = workspace.apply(Action::AddArticle(Box::new(entry))) {
            refused.push((id, error));
        }
    }
    workspace.clear_history();
    (workspace, refused)
}

/// One article as the comparison reads it: the workspace entry and its corrected entities.
pub(crate) struct Doc<'a> {
    pub entry: &'a AnalyzedArticle,
    pub entities: Vec<Entity>,
}

impl Doc<'_> {
    /// The entities lying inside `span` (entities are sorted and never overlap).
    pub fn entities_within(&self, span: Span) -> &[Entity] {
        let first = self.entities.partition_point(|e| e.span.start < span.start);
        let end = first + self.entities[first..].partition_point(|e| e.span.end <= span.end);
        &self.entities[first..end]
    }

    pub fn text(&self) -> &str {
        &self.entry.article.text
    }
}

/// A placed claim and the article it is in.
pub(crate) struct ClaimRef<'a> {
    pub claim: &'a Claim,
    pub doc: usize,
    pub span: Span,
}

/// The workspace read once: articles with corrected entities, placed claims in reading order.
pub(crate) struct Corpus<'a> {
    pub docs: Vec<Doc<'a>>,
    pub claims: Vec<ClaimRef<'a>>,
}

impl<'a> Corpus<'a> {
    pub fn new(workspace: &'a Workspace) -> Self {
        let docs: Vec<Doc<'a>> = workspace
            .articles()
            .map(|entry| Doc {
                entry,
                entities: workspace.entities_of(entry),
            })
            .collect();
        // Claims find their article by id: a map, as a corpus has thousands of each.
        let doc_of: HashMap<&ArticleId, usize> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (&d.entry.article.id, i))
            .collect();
        let mut claims: Vec<ClaimRef<'a>> = workspace
            .claims()
            .filter_map(|claim| {
                let span = claim.anchor.span?;
                let doc = *doc_of.get(&claim.article)?;
                docs[doc].text().get(span.start..span.end)?;
                Some(ClaimRef { claim, doc, span })
            })
            .collect();
        claims.sort_by_key(|c| (c.doc, c.span.start, c.claim.id));
        Self { docs, claims }
    }
}
