//! Figures side by side: numbers in claims grouped by the measure they report (who, what is
//! counted, what happens to it, per what period), each read as an interval in a time frame,
//! with the conflicts between them and the independent origins behind them.
//!
//! - this file: the figure, measure and bounds types, and grouping;
//! - `measures`: counted classes, currencies, events, rates;
//! - `readings`: reading a claim's figures from the words around each number;
//! - `conflicts`: verdicts between two figures of one measure;
//! - `corroboration`: who agrees and who conflicts within a group, summarized.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::entities::{EntityIndex, format_value};
use super::names;
use super::scan::{PAST_PERIODS, Words};
use super::sources::{CredibilitySuggestion, KnownOrganization, Source, SourceChain, SourceKind};
use super::timeline::date_bounds;
use super::{ClaimRef, Corpus, Doc};
use crate::article::ArticleId;
use crate::extract::lexicon::lexicon;
use crate::extract::{DateValue, Entity, EntityKind, Quantity};
use crate::span::Span;
use crate::workspace::{ClaimId, ClaimStatus, Credibility, Workspace};

mod conflicts;
mod corroboration;
mod measures;
mod readings;
#[cfg(test)]
mod tests;

pub use corroboration::{Conflict, STRONGEST_CONFLICTS, ValueCluster};
use readings::figures_of_claim;

/// What a figure counts, with synonyms folded (`troops`, `soldiers`, `forces` → personnel).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Counted {
    /// Troops, soldiers, forces, personnel, servicemen, fighters.
    Personnel,
    /// Casualties, losses (killed and wounded together).
    Casualties,
    /// Deaths, the dead, people or soldiers killed.
    Deaths,
    /// The wounded and injured.
    Wounded,
    /// Prisoners and captives.
    Prisoners,
    /// People, civilians, residents.
    People,
    /// Shells, rounds, munitions.
    Munitions,
    /// Missiles and rockets.
    Missiles,
    /// Drones.
    Drones,
    /// Tanks and other vehicles.
    Vehicles,
    /// Aircraft, jets, helicopters.
    Aircraft,
    /// Ships and vessels.
    Ships,
    /// Money, in the currency named.
    Money(String),
    /// A percentage.
    Percent,
    /// Anything else, by its noun.
    Other(String),
}

impl Counted {
    /// The unit shown for the group.
    #[must_use]
    pub fn unit(&self) -> String {
        match self {
            Self::Personnel => "troops".into(),
            Self::Casualties => "casualties".into(),
            Self::Deaths => "deaths".into(),
            Self::Wounded => "wounded".into(),
            Self::Prisoners => "prisoners".into(),
            Self::People => "people".into(),
            Self::Munitions => "shells".into(),
            Self::Missiles => "missiles".into(),
            Self::Drones => "drones".into(),
            Self::Vehicles => "vehicles".into(),
            Self::Aircraft => "aircraft".into(),
            Self::Ships => "ships".into(),
            Self::Money(currency) => currency.clone(),
            Self::Percent => "%".into(),
            Self::Other(noun) => noun.clone(),
        }
    }

    /// Whether the count only grows over time (troops sent so far), so an earlier figure
    /// cannot exceed a later one. Percentages move both ways.
    #[must_use]
    pub fn is_cumulative(&self) -> bool {
        !matches!(self, Self::Percent | Self::Money(_))
    }
}

/// What happens to what is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Event {
    /// Sent, deployed, dispatched, stationed.
    Deployed,
    /// Supplied, delivered, shipped, sold.
    Supplied,
    /// Fired, used, launched, expended.
    Used,
    /// Produced, manufactured.
    Produced,
    /// Destroyed, shot down, intercepted.
    Destroyed,
    /// Displaced, fled, evacuated.
    Displaced,
    /// No verb says.
    Unspecified,
}

impl Event {
    fn label(self) -> &'static str {
        match self {
            Self::Deployed => "deployed",
            Self::Supplied => "supplied",
            Self::Used => "used",
            Self::Produced => "produced",
            Self::Destroyed => "destroyed",
            Self::Displaced => "displaced",
            Self::Unspecified => "",
        }
    }
}

/// The period a rate is per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rate {
    /// Per day.
    Day,
    /// Per week.
    Week,
    /// Per month.
    Month,
    /// Per year.
    Year,
}

impl Rate {
    fn label(self) -> &'static str {
        match self {
            Self::Day => "per day",
            Self::Week => "per week",
            Self::Month => "per month",
            Self::Year => "per year",
        }
    }
}

/// The measure a figure reports: figures of one measure are compared.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Measure {
    /// Whose (the country or organization that sends, loses, supplies ...), when the text
    /// says; names merged through the entity index (`Pyongyang`, `DPRK` → North Korea).
    pub actor: Option<String>,
    /// What is counted.
    pub counted: Counted,
    /// What happens to it.
    pub event: Event,
    /// Per what period, for rates.
    pub rate: Option<Rate>,
}

impl Measure {
    /// `North Korea · troops deployed`, `Russia · casualties per day`.
    #[must_use]
    pub fn label(&self) -> String {
        let what = [
            self.counted.unit().as_str(),
            self.event.label(),
            self.rate.map_or("", Rate::label),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
        match &self.actor {
            Some(actor) => format!("{actor} · {what}"),
            None => what,
        }
    }

    fn key(&self) -> String {
        format!(
            "{}/{}/{}/{}",
            self.actor.as_deref().map(names::key).unwrap_or_default(),
            self.counted.unit(),
            self.event.label(),
            self.rate.map_or("", Rate::label)
        )
    }
}

/// The values a figure allows: `approximately 12,000` → 10,800–13,200, `at least 3,000` →
/// 3,000 and up, `up to 500` → 0–500, a bare figure → itself.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Bounds {
    /// The least value.
    pub low: f64,
    /// The greatest value; `None` for no upper bound.
    pub high: Option<f64>,
}

/// How far `approximately` reaches either side.
pub const APPROXIMATION: f64 = 0.10;

impl Bounds {
    /// The interval `value` allows under `qualifier` (as extraction writes it).
    #[must_use]
    pub fn of(value: f64, qualifier: Option<&str>) -> Self {
        let exact = Self {
            low: value,
            high: Some(value),
        };
        let Some(qualifier) = qualifier else {
            return exact;
        };
        match qualifier {
            "approximately" | "about" | "around" | "roughly" | "some" | "an estimated"
            | "estimated" | "close to" | "an average of" => Self {
                low: value * (1.0 - APPROXIMATION),
                high: Some(value * (1.0 + APPROXIMATION)),
            },
            "nearly" | "almost" => Self {
                low: value * (1.0 - APPROXIMATION),
                high: Some(value),
            },
            "at least" | "more than" | "over" | "above" | "in excess of" | "upwards of"
            | "no fewer than" | "as few as" | "as little as" => Self {
                low: value,
                high: None,
            },
            "up to" | "at most" | "as many as" | "as much as" | "no more than" | "less than"
            | "fewer than" | "under" | "below" => Self {
                low: 0.0,
                high: Some(value),
            },
            _ => exact,
        }
    }

    /// Whether the two intervals share a value.
    #[must_use]
    pub fn meets(self, other: Self) -> bool {
        self.high.is_none_or(|h| other.low <= h) && other.high.is_none_or(|h| self.low <= h)
    }

    /// Whether the two support each other rather than merely not clash: they overlap, and
    /// either both have an upper bound or neither has (`at least 3,000` does not confirm
    /// `10,000`, though it allows it).
    #[must_use]
    pub fn corroborates(self, other: Self) -> bool {
        self.meets(other) && self.high.is_some() == other.high.is_some()
    }

    /// `10,800–13,200`, `3,000 or more`, `12,000`.
    #[must_use]
    pub fn display(self) -> String {
        match self.high {
            None => format!("{} or more", thousands(self.low)),
            Some(h) if (h - self.low).abs() < f64::EPSILON => thousands(h),
            Some(h) => format!("{}–{}", thousands(self.low), thousands(h)),
        }
    }
}

/// `12000` → `12,000`.
fn thousands(value: f64) -> String {
    let plain = format_value(value.round());
    let (sign, digits) = plain
        .strip_prefix('-')
        .map_or(("", plain.as_str()), |d| ("-", d));
    format!("{sign}{}", group_digits(digits))
}

/// A figure as people write it: `12000` → `12,000`, `1500.5` → `1,500.5`.
#[must_use]
pub fn grouped(value: f64) -> String {
    let plain = format_value(value);
    let (sign, digits) = plain
        .strip_prefix('-')
        .map_or(("", plain.as_str()), |d| ("-", d));
    match digits.split_once('.') {
        Some((whole, fraction)) => format!("{sign}{}.{fraction}", group_digits(whole)),
        None => format!("{sign}{}", group_digits(digits)),
    }
}

/// A count with thousands separators: `40000` → `40,000`.
#[must_use]
pub fn separated(count: usize) -> String {
    group_digits(&count.to_string())
}

fn group_digits(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// When a figure holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimingKind {
    /// Reached at a time: `has sent`, `already`, `earlier this month`, `on 14 October`.
    AsOf,
    /// Expected by a date: `by December`.
    By,
    /// An eventual total, planned or expected without a date: `plans to send`.
    Eventual,
    /// The text does not say: read as the time of the report.
    Unstated,
}

/// A figure's time frame.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timing {
    /// Its kind.
    pub kind: TimingKind,
    /// The date the text gives, resolved against the publication date.
    pub date: Option<DateValue>,
    /// The first and last day it can refer to, when known.
    pub window: Option<(NaiveDate, NaiveDate)>,
    /// The words that set it (`already`, `by December`, `plans to`).
    pub cue: Option<String>,
}

/// One figure of a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The claim it is in.
    pub claim: ClaimId,
    /// The article.
    pub article: ArticleId,
    /// The article's title.
    pub article_title: String,
    /// When the article was published (the report date), if it says.
    pub published: Option<NaiveDateTime>,
    /// Where the number is.
    pub span: Span,
    /// The number as written (`12,000`).
    pub text: String,
    /// Its value.
    pub value: f64,
    /// The noun it counts as written (`soldiers`).
    pub unit: Option<String>,
    /// Its hedge or bound (`approximately`, `at least`).
    pub qualifier: Option<String>,
    /// The values it allows.
    pub bounds: Bounds,
    /// When it holds.
    pub timing: Timing,
    /// The clause it is read from.
    pub clause: String,
    /// Who asserts the claim (the analyst's edit if any).
    pub speaker: Option<String>,
    /// Where the claim comes from.
    pub origin: Source,
    /// `origin → relays → outlet`.
    pub chain: String,
    /// The claim's review status.
    pub status: ClaimStatus,
    /// The analyst's credibility grade, which wins over the suggestion.
    pub analyst_credibility: Option<Credibility>,
    /// What the group suggests (worked out when figures are grouped).
    #[serde(default = "CredibilitySuggestion::not_compared")]
    pub suggested_credibility: CredibilitySuggestion,
}

impl Figure {
    /// Matches the origin again when the text only describes it, against `organizations`
    /// (those of a whole corpus): the origin and the chain's first link follow.
    pub fn match_description(&mut self, organizations: &[KnownOrganization]) {
        let Some(description) = &self.origin.description else {
            return;
        };
        let matched = description.source(organizations);
        if matched.key == self.origin.key {
            return;
        }
        let old = std::mem::replace(&mut self.origin, matched);
        let new = &self.origin.name;
        self.chain = if let Some(rest) = self.chain.strip_prefix(old.name.as_str()) {
            format!("{new}{rest}")
        } else if let Some(rest) = self.chain.strip_prefix(&format!("({})", old.name)) {
            format!("({new}){rest}")
        } else {
            self.chain.clone()
        };
    }

    /// `approximately 12,000`, `10,000 or more`, `at least 3,000 (earlier this month)`.
    #[must_use]
    pub fn display(&self) -> String {
        let mut shown = match self.qualifier.as_deref() {
            Some(q) if q.starts_with("or ") || q.starts_with("and ") || q == "plus" => {
                format!("{} {q}", self.text)
            }
            Some(q) => format!("{q} {}", self.text),
            None => self.text.clone(),
        };
        if let Some(cue) = &self.timing.cue {
            shown.push_str(" (");
            shown.push_str(cue);
            shown.push(')');
        }
        shown
    }
}

/// A count of figures from one origin.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OriginCount {
    /// The origin (the organization, for a spokesperson).
    pub source: Source,
    /// Its figures in the group.
    pub figures: usize,
    /// The articles that carry them.
    pub articles: usize,
}

/// Figures reporting one measure, side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureGroup {
    /// Stable within a workspace: the measure's key.
    pub id: String,
    /// `North Korea · troops deployed`.
    pub label: String,
    /// The measure.
    pub measure: Measure,
    /// The unit shown (`troops`).
    pub unit: String,
    /// The figures, by article then reading order.
    pub figures: Vec<Figure>,
    /// The strongest conflicts, at most [`STRONGEST_CONFLICTS`], each standing for the
    /// pairs that read alike; [`FigureGroup::conflicting_pairs`] counts them all.
    pub conflicts: Vec<Conflict>,
    /// How many pairs of figures cannot both hold.
    pub conflicting_pairs: usize,
    /// The sides of the conflicts: figures in conflict whose values overlap, largest first.
    pub clusters: Vec<ValueCluster>,
    /// Whether there is any conflict.
    pub conflicting: bool,
    /// The independent origins behind the figures (a source repeated by several outlets
    /// counts once).
    pub origins: Vec<OriginCount>,
    /// How many independent origins.
    pub independent_origins: usize,
}

/// A figure with the measure it reports, before grouping: what the map step of a
/// comparison gives per article (`crosscheck figures`) and the reduce step groups
/// (`crosscheck compare --from-figures`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureReading {
    /// The measure, its actor as the article names it.
    pub measure: Measure,
    /// The key to spread the reduce step by ([`kind_key`]): readings of one kind must be
    /// reduced together. Given for scripts; grouping reads the measure itself.
    #[serde(default)]
    pub kind: String,
    /// The figure.
    pub figure: Figure,
}

/// The figure groups of `workspace`, with aliases as `index` merges them.
#[must_use]
pub fn group_figures(workspace: &Workspace, index: &EntityIndex) -> Vec<FigureGroup> {
    super::Comparison::build(workspace, index).groups
}

/// The figures of every placed claim of `corpus`, in reading order.
pub(crate) fn readings_of(
    corpus: &Corpus<'_>,
    index: &EntityIndex,
    chains: &[SourceChain],
) -> Vec<FigureReading> {
    corpus
        .claims
        .iter()
        .zip(chains)
        .flat_map(|(claim, chain)| figures_of_claim(corpus, index, claim, chain))
        .map(|(measure, figure)| FigureReading {
            kind: kind_key(&measure),
            measure,
            figure,
        })
        .collect()
}

/// Groups figure readings by measure, judges each group and sorts the groups (most figures
/// first). Readings come in corpus order (article, then reading order); the result depends
/// only on that sequence, so readings made article by article group as those of a corpus.
#[must_use]
pub fn group_readings(mut readings: Vec<FigureReading>) -> Vec<FigureGroup> {
    join_unknown_actors(&mut readings);
    let mut by_measure: BTreeMap<String, (Measure, Vec<Figure>)> = BTreeMap::new();
    for FigureReading {
        measure, figure, ..
    } in readings
    {
        by_measure
            .entry(measure.key())
            .or_insert_with(|| (measure, Vec::new()))
            .1
            .push(figure);
    }
    let mut groups: Vec<FigureGroup> = by_measure
        .into_iter()
        .map(|(id, (measure, figures))| group(id, measure, figures))
        .collect();
    groups.sort_by(|a, b| {
        b.figures
            .len()
            .cmp(&a.figures.len())
            .then(b.independent_origins.cmp(&a.independent_origins))
            .then_with(|| a.label.cmp(&b.label))
    });
    groups
}

/// The key readings are shuffled by when the reduce step is spread over machines: a
/// reading whose actor is unnamed may join any group of the same kind, so a kind is reduced
/// in one place.
#[must_use]
pub fn kind_key(measure: &Measure) -> String {
    format!(
        "{}/{}/{}",
        measure.counted.unit(),
        measure.event.label(),
        measure.rate.map_or("", Rate::label)
    )
}

/// A figure whose actor the text does not name joins the one group of its kind that has
/// an actor; with none or several, it stays apart.
fn join_unknown_actors(readings: &mut [FigureReading]) {
    let mut actors: HashMap<String, Vec<&String>> = HashMap::new();
    for r in readings.iter() {
        if let Some(actor) = &r.measure.actor {
            actors.entry(kind_key(&r.measure)).or_default().push(actor);
        }
    }
    let only: HashMap<String, String> = actors
        .into_iter()
        .filter_map(|(kind, mut names)| {
            names.sort();
            names.dedup();
            match names[..] {
                [only] => Some((kind, only.clone())),
                _ => None,
            }
        })
        .collect();
    for r in readings.iter_mut().filter(|r| r.measure.actor.is_none()) {
        if let Some(actor) = only.get(&kind_key(&r.measure)) {
            r.measure.actor = Some(actor.clone());
        }
    }
}

/// Unattributed figures printed word for word by several outlets come from one of them (or
/// a wire they all copy): the later ones take the first one's outlet as their origin.
fn merge_verbatim_copies(figures: &mut [Figure]) {
    let wording = |f: &Figure| {
        f.clause
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    // Per wording, the first outlet figure and the first one from another article.
    let mut seen: HashMap<String, (usize, Option<usize>)> = HashMap::new();
    for i in 0..figures.len() {
        if figures[i].origin.kind != SourceKind::Outlet {
            continue;
        }
        let words = wording(&figures[i]);
        let first = match seen.get_mut(&words) {
            None => {
                seen.insert(words, (i, None));
                None
            }
            Some((first, other)) => {
                if figures[*first].article == figures[i].article {
                    *other
                } else {
                    other.get_or_insert(i);
                    Some(*first)
                }
            }
        };
        if let Some(j) = first {
            let copied = Source {
                written: Some(format!("same words as {}", figures[j].article_title)),
                ..figures[j].origin.clone()
            };
            figures[i].origin = copied;
        }
    }
}

fn group(id: String, measure: Measure, mut figures: Vec<Figure>) -> FigureGroup {
    merge_verbatim_copies(&mut figures);
    let cumulative = measure.counted.is_cumulative() && measure.rate.is_none();
    let judged = corroboration::judge_group(&figures, cumulative);
    let mut origins: Vec<OriginCount> = Vec::new();
    let mut articles_of: Vec<Vec<&ArticleId>> = Vec::new();
    let mut place: HashMap<&str, usize> = HashMap::new();
    for figure in &figures {
        let origin = figure.origin.independent();
        let at = *place.entry(&origin.key).or_insert_with(|| {
            origins.push(OriginCount {
                source: origin.clone(),
                figures: 0,
                articles: 0,
            });
            articles_of.push(Vec::new());
            origins.len() - 1
        });
        origins[at].figures += 1;
        articles_of[at].push(&figure.article);
    }
    for (origin, mut articles) in origins.iter_mut().zip(articles_of) {
        articles.sort();
        articles.dedup();
        origin.articles = articles.len();
    }
    for (figure, suggestion) in figures.iter_mut().zip(judged.suggestions) {
        figure.suggested_credibility = suggestion;
    }
    FigureGroup {
        id,
        label: measure.label(),
        unit: measure.counted.unit(),
        measure,
        conflicting: judged.conflicting_pairs > 0,
        conflicts: judged.strongest,
        conflicting_pairs: judged.conflicting_pairs,
        clusters: judged.clusters,
        independent_origins: origins.len(),
        origins,
        figures,
    }
}
