//! Figures side by side: numbers in claims grouped by the measure they report (who, what is
//! counted, what happens to it, per what period), each read as an interval in a time frame,
//! with the conflicts between them and the independent origins behind them.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::entities::{EntityIndex, format_value};
use super::names;
use super::scan::{PAST_PERIODS, Words};
use super::sources::{CredibilitySuggestion, Source, SourceChain, SourceKind};
use super::timeline::date_bounds;
use super::{ClaimRef, Corpus, Doc};
use crate::article::ArticleId;
use crate::extract::lexicon::lexicon;
use crate::extract::{DateValue, Entity, EntityKind, Quantity};
use crate::span::Span;
use crate::workspace::{ClaimId, ClaimStatus, Credibility, Workspace};

/// What a figure counts, with synonyms folded (`troops`, `soldiers`, `forces` → personnel).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
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
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

/// When a figure holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    /// What the group suggests.
    pub suggested_credibility: CredibilitySuggestion,
}

impl Figure {
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

/// Two figures that cannot both be true.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// One figure, by its place in [`FigureGroup::figures`].
    pub first: usize,
    /// The other.
    pub second: usize,
    /// Why, in a sentence.
    pub reason: String,
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
    /// Pairs of figures that cannot both hold.
    pub conflicts: Vec<Conflict>,
    /// Whether there is any conflict.
    pub conflicting: bool,
    /// The independent origins behind the figures (a source repeated by several outlets
    /// counts once).
    pub origins: Vec<OriginCount>,
    /// How many independent origins.
    pub independent_origins: usize,
}

/// The figure groups of `workspace`, with aliases as `index` merges them.
#[must_use]
pub fn group_figures(workspace: &Workspace, index: &EntityIndex) -> Vec<FigureGroup> {
    super::Comparison::build(workspace, index).groups
}

pub(crate) fn groups_of(
    corpus: &Corpus<'_>,
    index: &EntityIndex,
    chains: &[SourceChain],
) -> Vec<FigureGroup> {
    let mut found: Vec<(Measure, Figure)> = Vec::new();
    for (claim, chain) in corpus.claims.iter().zip(chains) {
        found.extend(figures_of_claim(corpus, index, claim, chain));
    }
    join_unknown_actors(&mut found);
    let mut by_measure: BTreeMap<String, (Measure, Vec<Figure>)> = BTreeMap::new();
    for (measure, figure) in found {
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

/// A figure whose actor the text does not name joins the one group of its kind that has
/// an actor; with none or several, it stays apart.
fn join_unknown_actors(found: &mut [(Measure, Figure)]) {
    let known: Vec<Measure> = found
        .iter()
        .filter(|(m, _)| m.actor.is_some())
        .map(|(m, _)| m.clone())
        .collect();
    for (measure, _) in found.iter_mut().filter(|(m, _)| m.actor.is_none()) {
        let mut actors: Vec<&String> = known
            .iter()
            .filter(|k| {
                k.counted == measure.counted && k.event == measure.event && k.rate == measure.rate
            })
            .filter_map(|k| k.actor.as_ref())
            .collect();
        actors.sort();
        actors.dedup();
        if let [only] = actors[..] {
            measure.actor = Some(only.clone());
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
    for i in 1..figures.len() {
        if figures[i].origin.kind != SourceKind::Outlet {
            continue;
        }
        let words = wording(&figures[i]);
        let first = (0..i).find(|&j| {
            figures[j].origin.kind == SourceKind::Outlet
                && figures[j].article != figures[i].article
                && wording(&figures[j]) == words
        });
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
    let mut conflicts = Vec::new();
    let mut agree: Vec<Vec<usize>> = vec![Vec::new(); figures.len()];
    let mut clash: Vec<Vec<usize>> = vec![Vec::new(); figures.len()];
    for i in 0..figures.len() {
        for j in i + 1..figures.len() {
            match judge(&figures[i], &figures[j], cumulative) {
                Verdict::Agree => {
                    agree[i].push(j);
                    agree[j].push(i);
                }
                Verdict::Conflict(reason) => {
                    clash[i].push(j);
                    clash[j].push(i);
                    conflicts.push(Conflict {
                        first: i,
                        second: j,
                        reason,
                    });
                }
                Verdict::Undecided => {}
            }
        }
    }
    let mut origins: Vec<OriginCount> = Vec::new();
    for figure in &figures {
        let origin = figure.origin.independent();
        match origins.iter_mut().find(|o| o.source.key == origin.key) {
            Some(o) => o.figures += 1,
            None => origins.push(OriginCount {
                source: origin.clone(),
                figures: 1,
                articles: 0,
            }),
        }
    }
    for origin in &mut origins {
        let mut articles: Vec<&ArticleId> = figures
            .iter()
            .filter(|f| f.origin.independent().key == origin.source.key)
            .map(|f| &f.article)
            .collect();
        articles.sort();
        articles.dedup();
        origin.articles = articles.len();
    }
    let suggestions: Vec<CredibilitySuggestion> = (0..figures.len())
        .map(|i| {
            let own = &figures[i].origin.independent().key;
            let names_of = |others: &[usize]| {
                let mut names: Vec<String> = others
                    .iter()
                    .map(|&k| figures[k].origin.independent())
                    .filter(|o| &o.key != own)
                    .map(|o| o.name.clone())
                    .collect();
                names.sort();
                names.dedup();
                names
            };
            let repeats = figures
                .iter()
                .enumerate()
                .filter(|&(k, f)| k != i && &f.origin.independent().key == own)
                .count();
            CredibilitySuggestion::from_corroboration(
                names_of(&agree[i]),
                names_of(&clash[i]),
                repeats,
            )
        })
        .collect();
    for (figure, suggestion) in figures.iter_mut().zip(suggestions) {
        figure.suggested_credibility = suggestion;
    }
    FigureGroup {
        id,
        label: measure.label(),
        unit: measure.counted.unit(),
        measure,
        conflicting: !conflicts.is_empty(),
        conflicts,
        independent_origins: origins.len(),
        origins,
        figures,
    }
}

enum Verdict {
    Agree,
    Conflict(String),
    Undecided,
}

/// How two time frames relate.
enum Order {
    /// The same moment (both eventual totals, the same `by` date, one report's present).
    Same,
    /// The first is earlier.
    Before,
    /// The first is later.
    After,
    /// Cannot tell.
    Unknown,
}

fn order(a: &Figure, b: &Figure) -> Order {
    use TimingKind::{AsOf, By, Eventual, Unstated};
    let (ta, tb) = (&a.timing, &b.timing);
    match (ta.kind, tb.kind) {
        (Eventual, Eventual) => return Order::Same,
        (Eventual, _) => return Order::After,
        (_, Eventual) => return Order::Before,
        (By, By) if ta.date.is_some() && ta.date == tb.date => return Order::Same,
        (AsOf | Unstated, AsOf | Unstated)
            if a.article == b.article
                && ta.date.is_none()
                && tb.date.is_none()
                && ta.cue == tb.cue
                && ta.window == tb.window =>
        {
            return Order::Same;
        }
        _ => {}
    }
    match (ta.window, tb.window) {
        (Some((a_from, a_to)), Some((b_from, b_to))) => {
            if a_from == b_from && a_to == b_to && a_from == a_to {
                Order::Same
            } else if a_to < b_from {
                Order::Before
            } else if b_to < a_from {
                Order::After
            } else {
                Order::Unknown
            }
        }
        _ => Order::Unknown,
    }
}

fn judge(a: &Figure, b: &Figure, cumulative: bool) -> Verdict {
    let describe = |f: &Figure| {
        format!(
            "{} ({}, {})",
            f.display(),
            f.origin.independent().name,
            frame_name(&f.timing)
        )
    };
    match order(a, b) {
        Order::Same if a.bounds.meets(b.bounds) && a.bounds.corroborates(b.bounds) => {
            Verdict::Agree
        }
        Order::Same if a.bounds.meets(b.bounds) => Verdict::Undecided,
        Order::Same => Verdict::Conflict(format!(
            "{} and {} are the same total at the same time, but {} and {} do not overlap",
            describe(a),
            describe(b),
            a.bounds.display(),
            b.bounds.display()
        )),
        Order::Before if cumulative => cumulative_verdict(a, b, &describe).or_corroboration(a, b),
        Order::After if cumulative => cumulative_verdict(b, a, &describe).or_corroboration(a, b),
        _ => Verdict::Undecided.or_corroboration(a, b),
    }
}

/// Counts so far reported within this many days of each other, that overlap, corroborate
/// each other: the total cannot have moved much in between.
const CORROBORATION_DAYS: i64 = 14;

impl Verdict {
    /// An undecided pair of counts so far, close in time, whose values overlap, agree.
    fn or_corroboration(self, a: &Figure, b: &Figure) -> Self {
        let so_far = |f: &Figure| {
            matches!(f.timing.kind, TimingKind::AsOf | TimingKind::Unstated)
                && f.timing.date.is_none()
        };
        let close = match (a.timing.window, b.timing.window) {
            (Some((_, a_to)), Some((_, b_to))) => {
                (a_to - b_to).num_days().abs() <= CORROBORATION_DAYS
            }
            _ => true,
        };
        match self {
            Self::Undecided
                if so_far(a) && so_far(b) && close && a.bounds.corroborates(b.bounds) =>
            {
                Self::Agree
            }
            other => other,
        }
    }
}

/// An earlier count of a growing total cannot exceed a later one.
fn cumulative_verdict(
    earlier: &Figure,
    later: &Figure,
    describe: &dyn Fn(&Figure) -> String,
) -> Verdict {
    match later.bounds.high {
        Some(high) if earlier.bounds.low > high => Verdict::Conflict(format!(
            "{} comes before {}, yet its least value {} exceeds the later figure's greatest {}",
            describe(earlier),
            describe(later),
            thousands(earlier.bounds.low),
            thousands(high)
        )),
        _ => Verdict::Undecided,
    }
}

fn frame_name(timing: &Timing) -> String {
    match timing.kind {
        TimingKind::AsOf => match &timing.cue {
            Some(cue) => format!("so far, {cue}"),
            None => "so far".into(),
        },
        TimingKind::By => format!(
            "by {}",
            timing.date.map_or_else(|| "a date".into(), DateValue::iso)
        ),
        TimingKind::Eventual => "eventual total".into(),
        TimingKind::Unstated => "at the time of the report".into(),
    }
}

/// Counted nouns by class.
const UNIT_CLASSES: &[(&[&str], Counted)] = &[
    (
        &[
            "troops",
            "troop",
            "soldiers",
            "soldier",
            "forces",
            "servicemen",
            "servicemembers",
            "personnel",
            "fighters",
            "mercenaries",
            "marines",
            "sailors",
            "conscripts",
            "recruits",
            "reservists",
            "paratroopers",
            "commandos",
            "infantry",
            "infantrymen",
            "militants",
            "combatants",
            "workers",
        ],
        Counted::Personnel,
    ),
    (&["casualties", "losses"], Counted::Casualties),
    (
        &["deaths", "dead", "fatalities", "killed", "bodies", "lives"],
        Counted::Deaths,
    ),
    (&["wounded", "injured", "injuries"], Counted::Wounded),
    (&["prisoners", "captives", "pows"], Counted::Prisoners),
    (
        &[
            "people",
            "civilians",
            "residents",
            "persons",
            "individuals",
            "children",
            "women",
            "men",
        ],
        Counted::People,
    ),
    (
        &[
            "shells",
            "rounds",
            "munitions",
            "projectiles",
            "bullets",
            "cartridges",
        ],
        Counted::Munitions,
    ),
    (&["missiles", "rockets"], Counted::Missiles),
    (&["drones", "uavs"], Counted::Drones),
    (&["tanks", "vehicles", "apcs", "trucks"], Counted::Vehicles),
    (
        &[
            "aircraft",
            "jets",
            "planes",
            "helicopters",
            "warplanes",
            "fighter jets",
        ],
        Counted::Aircraft,
    ),
    (&["ships", "vessels", "warships", "boats"], Counted::Ships),
];

lexicon!(
    /// Nouns a small number counts without being a measure anyone cross-checks (`two
    /// countries`, `three times`), and durations.
    static NOT_MEASURES = "not-measures.txt", "units.txt"
);

/// Below this, a number counting an unknown noun is description, not a measure.
const SMALL_COUNT: f64 = 10.0;

const CURRENCIES: &[(&str, &str)] = &[
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₩", "KRW"),
    ("₽", "RUB"),
    ("₴", "UAH"),
    ("dollars", "USD"),
    ("euros", "EUR"),
    ("pounds", "GBP"),
    ("won", "KRW"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("hryvnias", "UAH"),
    ("yuan", "CNY"),
    ("yen", "JPY"),
];

fn counted(quantity: &Quantity, written: &str) -> Option<Counted> {
    if let Some((_, code)) = CURRENCIES
        .iter()
        .find(|(sign, _)| written.starts_with(sign))
    {
        return Some(Counted::Money((*code).to_owned()));
    }
    let unit = quantity.unit.as_deref()?.to_lowercase();
    if unit == "%" || unit == "percent" || unit == "per cent" {
        return Some(Counted::Percent);
    }
    if let Some((_, code)) = CURRENCIES.iter().find(|(word, _)| *word == unit) {
        return Some(Counted::Money((*code).to_owned()));
    }
    if let Some((_, class)) = UNIT_CLASSES
        .iter()
        .find(|(nouns, _)| nouns.contains(&unit.as_str()))
    {
        return Some(class.clone());
    }
    if quantity.value < SMALL_COUNT || NOT_MEASURES.contains_as_written(&unit) {
        return None;
    }
    Some(Counted::Other(unit))
}

/// Verb stems by event, for things that move; people and troops have their own reading.
const EVENT_STEMS: &[(&[&str], Event)] = &[
    (
        &[
            "deploy", "dispatch", "station", "mobiliz", "mobilis", "relocat", "arriv", "sen",
            "moved", "move",
        ],
        Event::Deployed,
    ),
    (
        &[
            "suppl",
            "provid",
            "deliver",
            "ship",
            "transfer",
            "export",
            "sold",
            "sell",
            "gave",
            "give",
            "donat",
            "came from",
            "come from",
        ],
        Event::Supplied,
    ),
    (
        &[
            "fire", "fired", "firing", "use", "used", "using", "launch", "expend", "consum",
        ],
        Event::Used,
    ),
    (&["produc", "manufactur", "made", "make"], Event::Produced),
    (
        &["destroy", "shot down", "downed", "intercept", "eliminat"],
        Event::Destroyed,
    ),
    (
        &["displac", "fled", "flee", "evacuat", "uproot"],
        Event::Displaced,
    ),
];

lexicon!(
    /// Words near people counted that say what befell them: lost, killed, wounded, captured.
    static LOSS_WORDS = "loss-words.txt"
);
lexicon!(static DEATH_WORDS = "death-words.txt");
lexicon!(static WOUND_WORDS = "wound-words.txt");
lexicon!(static CAPTURE_WORDS = "capture-words.txt");

fn event_of(word: &str) -> Option<Event> {
    EVENT_STEMS.iter().find_map(|(stems, event)| {
        stems
            .iter()
            .any(|stem| {
                if *stem == "sen" {
                    matches!(word, "send" | "sends" | "sent" | "sending")
                } else {
                    word.starts_with(stem)
                }
            })
            .then_some(*event)
    })
}

lexicon!(
    /// Words that make a figure a plan or a forecast.
    static PROJECTION_WORDS = "projection-words.txt", "future-modals.txt"
);

lexicon!(
    /// Words that make a figure a count reached so far.
    static SO_FAR_WORDS = "so-far-words.txt", "so-far-auxiliaries.txt"
);

lexicon!(
    /// Besides [`PAST_PERIODS`], words that place a figure before the report.
    static EARLIER_WORDS = "earlier-words.txt"
);

/// The figures of one claim, with the measure each reports.
fn figures_of_claim(
    corpus: &Corpus<'_>,
    index: &EntityIndex,
    claim: &ClaimRef<'_>,
    chain: &SourceChain,
) -> Vec<(Measure, Figure)> {
    let doc = &corpus.docs[claim.doc];
    let words = Words::new(doc.text(), claim.span);
    let numbers: Vec<(&Entity, &Quantity)> = doc
        .entities_within(claim.span)
        .iter()
        .filter(|e| e.kind == EntityKind::Number)
        .filter_map(|e| Some((e, e.quantity.as_ref()?)))
        .collect();
    let mut out: Vec<(Measure, Figure)> = Vec::new();
    let mut range_low: Option<(&Entity, f64)> = None;
    for (i, &(entity, quantity)) in numbers.iter().enumerate() {
        if let Some(&(next, next_quantity)) = numbers.get(i + 1)
            && is_range(doc.text(), (entity, quantity), (next, next_quantity))
        {
            // `10,000 to 12,000 troops`: one figure, read at the second number.
            range_low = Some((entity, quantity.value));
            continue;
        }
        let low = range_low.take();
        let first = low.map_or(entity, |(e, _)| e);
        let written = doc
            .text()
            .get(first.span.start..entity.span.end)
            .unwrap_or_default();
        let reading = Reading::new(&words, first.span, entity.span, quantity);
        let fresh = counted(quantity, written).or_else(|| reading.casualty_without_noun(quantity));
        let measure = match fresh {
            Some(counted) => {
                let mut measure = Measure {
                    actor: None,
                    counted,
                    event: Event::Unspecified,
                    rate: reading.rate(),
                };
                reading.classify_event(&mut measure);
                measure.actor = reading.actor(doc, index, &measure.counted);
                if measure.actor.is_none() {
                    // `..., with around 1,500 soldiers already deployed`, `... and that more
                    // than 100 have been killed`: the sentence's actor.
                    measure.actor = out.last().and_then(|(m, _)| m.actor.clone());
                }
                measure
            }
            // `about 3,000 troops, a number that could rise to 10,000 or more`.
            None => match out.last() {
                Some((previous, _)) if reading.continues_previous(quantity) => previous.clone(),
                _ => continue,
            },
        };
        let trailing = reading.trailing_qualifier();
        let own_qualifier = trailing
            .map(|(written, _)| written.to_owned())
            .or_else(|| quantity.qualifier.clone());
        let own_bounds = Bounds::of(
            quantity.value,
            trailing
                .map(|(_, meaning)| meaning)
                .or(quantity.qualifier.as_deref()),
        );
        let bounds = match low {
            Some((_, low)) => Bounds {
                low,
                high: own_bounds.high,
            },
            None => own_bounds,
        };
        let qualifier = match low {
            Some((low_entity, _)) => low_entity
                .quantity
                .as_ref()
                .and_then(|q| q.qualifier.clone())
                .or_else(|| reading.between().then(|| "between".to_owned())),
            None => own_qualifier,
        };
        let c = claim.claim;
        out.push((
            measure,
            Figure {
                claim: c.id,
                article: c.article.clone(),
                article_title: doc.entry.article.display_title(),
                published: doc.entry.article.published,
                span: Span::new(first.span.start, entity.span.end),
                text: names::clean(written),
                value: quantity.value,
                unit: quantity.unit.clone(),
                qualifier,
                bounds,
                timing: reading.timing(doc),
                clause: reading.clause_text(),
                speaker: c.speaker.clone(),
                origin: chain.origin().clone(),
                chain: chain.display(),
                status: c.status,
                analyst_credibility: c.grades.credibility,
                suggested_credibility: CredibilitySuggestion::from_corroboration(
                    Vec::new(),
                    Vec::new(),
                    0,
                ),
            },
        ));
    }
    out
}

/// Whether two numbers make a range: `10,000 to 12,000 troops`, `8,000-9,000`, `between 5
/// and 7 million` (the first has no noun of its own, or the same one; the second is larger).
fn is_range(
    text: &str,
    (low, low_q): (&Entity, &Quantity),
    (high, high_q): (&Entity, &Quantity),
) -> bool {
    let between = text
        .get(low.span.end..high.span.start)
        .unwrap_or("x")
        .trim();
    matches!(between, "to" | "-" | "–" | "—" | "and" | "or")
        && (low_q.unit.is_none() || low_q.unit == high_q.unit)
        && high_q.unit.is_some()
        && low_q.value < high_q.value
}

/// The words around one number: the clause before it and after its counted noun.
struct Reading<'w, 't> {
    words: &'w Words<'t>,
    /// First token of the number.
    number: usize,
    /// One past its last token.
    number_end: usize,
    /// The counted noun's token (or the number's last token).
    unit: usize,
    /// Clause start (before the number) and end (after the noun).
    from: usize,
    to: usize,
}

impl<'w, 't> Reading<'w, 't> {
    /// The reading of the number at `number` (a range starts at `first`).
    fn new(words: &'w Words<'t>, first: Span, number: Span, quantity: &Quantity) -> Self {
        let start = words.index_at(first.start);
        let number_end = words.index_at(number.end).max(start + 1);
        let unit = quantity
            .unit
            .as_deref()
            .and_then(|u| {
                let u = u.to_lowercase();
                (number_end..(number_end + 6).min(words.len())).find(|&k| words.lower(k) == u)
            })
            .unwrap_or(number_end - 1);
        let clause_end = words.clause_end(unit);
        // `..., and that more than 100 have been killed`: another statement starts.
        let to = (unit + 1..clause_end)
            .find(|&k| starts_another_phrase(words, k))
            .unwrap_or(clause_end);
        Self {
            words,
            number: start,
            number_end,
            unit,
            from: words.clause_start(start),
            to,
        }
    }

    /// A number with no noun that goes on the figure before it: `could rise to 10,000`,
    /// `bringing the total to 12,000`, `10,000 or more`.
    fn continues_previous(&self, quantity: &Quantity) -> bool {
        let cue_before = (self.number.saturating_sub(3)..self.number).any(|k| {
            matches!(
                self.words.lower(k),
                "to" | "reach"
                    | "reaches"
                    | "reaching"
                    | "reached"
                    | "total"
                    | "totaling"
                    | "totalling"
            )
        });
        quantity.unit.is_none() && (cue_before || self.trailing_qualifier().is_some())
    }

    /// A bound written after the figure: `10,000 or more`, `500 or so`, `200-plus`; with
    /// the qualifier it means.
    fn trailing_qualifier(&self) -> Option<(&'static str, &'static str)> {
        const TRAILING: &[(&str, &str)] = &[
            ("or more", "at least"),
            ("and more", "at least"),
            ("plus", "at least"),
            ("or so", "approximately"),
            ("or fewer", "at most"),
            ("or less", "at most"),
        ];
        let at = |k: usize| {
            TRAILING
                .iter()
                .find(|(phrase, _)| self.words.phrase_at(k, phrase))
                .copied()
        };
        let glued = self.number_end;
        let after_noun = self.unit + 1;
        at(glued)
            .or_else(|| at(glued + 1).filter(|_| self.words.lower(glued) == "-"))
            .or_else(|| {
                (after_noun < self.words.len())
                    .then(|| at(after_noun))
                    .flatten()
            })
    }

    /// `between 8,000 and 10,000`.
    fn between(&self) -> bool {
        self.number > 0 && self.words.lower(self.number - 1) == "between"
    }

    /// `more than 100 have been killed`: a number with no noun, then a casualty verb.
    fn casualty_without_noun(&self, quantity: &Quantity) -> Option<Counted> {
        if quantity.unit.is_some() || quantity.value < 1.0 {
            return None;
        }
        // `the death toll rose to 5,894`.
        let before = self.before();
        let recent = before.start.max(self.number.saturating_sub(6))..before.end;
        if recent.clone().any(|k| self.words.lower(k) == "toll") {
            let casualty = recent
                .clone()
                .any(|k| self.words.lower(k).starts_with("casualt"));
            return Some(if casualty {
                Counted::Casualties
            } else {
                Counted::Deaths
            });
        }
        let next: Vec<&str> = (self.number_end..(self.number_end + 5).min(self.to))
            .map(|k| self.words.lower(k))
            .collect();
        let has = |list: &[&str]| next.iter().any(|w| list.contains(w));
        match (has(DEATH_WORDS.entries()), has(WOUND_WORDS.entries())) {
            (true, true) => Some(Counted::Casualties),
            (true, false) => Some(Counted::Deaths),
            (false, true) => Some(Counted::Wounded),
            (false, false) => has(CAPTURE_WORDS.entries()).then_some(Counted::Prisoners),
        }
    }

    fn before(&self) -> std::ops::Range<usize> {
        self.from..self.number
    }

    fn after(&self) -> std::ops::Range<usize> {
        (self.unit + 1).min(self.to)..self.to
    }

    fn clause_text(&self) -> String {
        let span = self.words.span(self.from, self.to);
        self.words.text[span.start..span.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whose figure: a nationality or country on the counted noun (`10,000 North Korean
    /// soldiers`), else the clause's subject before the number (`Pyongyang is preparing to
    /// send`), else a passive agent after it (`used by Russia`).
    fn actor(&self, doc: &Doc<'_>, index: &EntityIndex, counted: &Counted) -> Option<String> {
        let article = &doc.entry.article.id;
        let is_actor = |e: &&Entity| {
            matches!(
                e.kind,
                EntityKind::Location | EntityKind::Group | EntityKind::Organization
            )
        };
        let name = |e: &Entity| {
            let entry_name = index
                .entry_at(article, e.span)
                .map(|entry| entry.name.clone())
                .or_else(|| e.canonical.clone())
                .unwrap_or_else(|| names::clean(e.span.text(doc.text()).unwrap_or_default()));
            names::country_of_seat(&entry_name).map_or(entry_name, str::to_owned)
        };
        let modifier = self.words.span(self.number_end, self.unit);
        if let Some(e) = doc.entities_within(modifier).iter().find(is_actor) {
            return Some(name(e));
        }
        let before = self.words.span(self.before().start, self.before().end);
        if let Some(e) = doc.entities_within(before).iter().rev().find(is_actor) {
            return Some(name(e));
        }
        let after = self.after();
        // Deaths and injuries are counted where they happen: `3,419 people died in Turkey`,
        // `killed in Turkey and Syria` (a measure of its own).
        if matches!(
            counted,
            Counted::Deaths | Counted::Wounded | Counted::Casualties | Counted::People
        ) && let Some(place) = self.place_after(doc, &name)
        {
            return Some(place);
        }
        for k in after.clone() {
            if self.words.lower(k) == "by"
                && k > after.start
                && self.words.lower(k - 1).ends_with("ed")
            {
                let agent = self.words.span(k + 1, (k + 5).min(after.end));
                if let Some(e) = doc.entities_within(agent).iter().find(is_actor) {
                    return Some(name(e));
                }
            }
        }
        None
    }

    /// The places after `in` in the phrase after the noun, joined (`Turkey and Syria`).
    fn place_after(&self, doc: &Doc<'_>, name: &dyn Fn(&Entity) -> String) -> Option<String> {
        let after = self.after();
        let k = after.clone().find(|&k| self.words.lower(k) == "in")?;
        let window = self.words.span(k + 1, (k + 8).min(after.end));
        let mut places: Vec<&Entity> = Vec::new();
        for e in doc.entities_within(window) {
            let gap_from = places
                .last()
                .map_or(self.words.tokens[k].span.end, |p| p.span.end);
            let gap = doc.text().get(gap_from..e.span.start).unwrap_or("x").trim();
            let joins = if places.is_empty() {
                // `in Turkey`, `in southern Turkey`, `in the east of Ukraine` is too far.
                gap.split_whitespace().count() <= 2
                    && gap.chars().all(|c| c.is_alphabetic() || c == ' ')
            } else {
                matches!(gap, "and" | "," | ", and" | "and the")
            };
            if e.kind != EntityKind::Location || !joins {
                break;
            }
            places.push(e);
        }
        if places.is_empty() {
            return None;
        }
        let mut names: Vec<String> = places.iter().map(|e| name(e)).collect();
        names.dedup();
        Some(names.join(" and "))
    }

    /// `per day`, `a year`, `daily`, `annually` after the noun or before the number.
    fn rate(&self) -> Option<Rate> {
        let after = self.after();
        let near_after = after.start..(after.start + 3).min(after.end);
        for k in near_after {
            let w = self.words.lower(k);
            if matches!(w, "per" | "a" | "each" | "every" | "an")
                && let Some(rate) = k
                    .checked_add(1)
                    .filter(|&n| n < self.words.len())
                    .and_then(|n| period(self.words.lower(n)))
            {
                return Some(rate);
            }
            if let Some(rate) = adverb_rate(w) {
                return Some(rate);
            }
        }
        self.before().find_map(|k| adverb_rate(self.words.lower(k)))
    }

    /// Sets the event (and for troops killed or wounded, what is counted).
    fn classify_event(&self, measure: &mut Measure) {
        let nearest: Vec<usize> = self.before().rev().chain(self.after()).collect();
        let has = |list: &[&str]| nearest.iter().any(|&k| list.contains(&self.words.lower(k)));
        match measure.counted {
            Counted::Personnel | Counted::People => {
                if has(DEATH_WORDS.entries()) && has(WOUND_WORDS.entries()) {
                    measure.counted = Counted::Casualties;
                } else if has(DEATH_WORDS.entries()) {
                    measure.counted = Counted::Deaths;
                } else if has(WOUND_WORDS.entries()) {
                    measure.counted = Counted::Wounded;
                } else if has(CAPTURE_WORDS.entries()) {
                    measure.counted = Counted::Prisoners;
                } else if has(LOSS_WORDS.entries()) {
                    measure.counted = Counted::Casualties;
                } else if measure.counted == Counted::Personnel {
                    // Troops that are counted are troops somewhere: deployed.
                    measure.event = Event::Deployed;
                } else if nearest
                    .iter()
                    .any(|&k| event_of(self.words.lower(k)) == Some(Event::Displaced))
                {
                    measure.event = Event::Displaced;
                }
            }
            Counted::Casualties | Counted::Deaths | Counted::Wounded | Counted::Prisoners => {}
            _ => {
                measure.event = nearest
                    .iter()
                    .find_map(|&k| {
                        let w = self.words.lower(k);
                        let two = (k + 1 < self.words.len())
                            .then(|| format!("{w} {}", self.words.lower(k + 1)));
                        two.as_deref().and_then(event_of).or_else(|| event_of(w))
                    })
                    .filter(|e| *e != Event::Deployed)
                    .or_else(|| {
                        has(&["sent", "send", "sending", "sends"]).then_some(Event::Supplied)
                    })
                    .unwrap_or(Event::Unspecified);
            }
        }
    }

    /// The time frame: a `by` date, a plan or forecast, a count so far (at a date, or
    /// earlier than the report), or unstated.
    fn timing(&self, doc: &Doc<'_>) -> Timing {
        let published = doc.entry.article.published.map(|p| p.date());
        let window = self.words.span(self.from, self.to);
        let mut by_date = None;
        let mut at_date = None;
        for date in doc
            .entities_within(window)
            .iter()
            .filter(|e| e.kind == EntityKind::Date)
        {
            let k = self.words.index_at(date.span.start);
            let preposition = k.checked_sub(1).map(|p| self.words.lower(p));
            let written = date.span.text(doc.text()).unwrap_or_default().to_owned();
            if matches!(preposition, Some("by" | "before" | "until" | "through")) {
                by_date = Some((
                    date.date,
                    format!("{} {written}", preposition.unwrap_or("by")),
                ));
            } else if at_date.is_none() {
                at_date = Some((date.date, written));
            }
        }
        let earlier = (self.from..self.to).find_map(|k| {
            // The periods first: `earlier this month` before `earlier`.
            PAST_PERIODS
                .entries()
                .iter()
                .chain(EARLIER_WORDS.entries())
                .find(|p| self.words.phrase_at(k, p))
                .copied()
        });
        let tense = self.tense();
        let so_far_cue = (self.from..self.to).find_map(|k| {
            ["already", "so far", "to date", "thus far"]
                .into_iter()
                .find(|p| self.words.phrase_at(k, p))
        });

        if let Some((date, cue)) = by_date
            && tense != Tense::SoFar
        {
            return Timing {
                kind: TimingKind::By,
                date,
                window: date.map(date_bounds),
                cue: Some(cue),
            };
        }
        if tense == Tense::Projected && so_far_cue.is_none() {
            let cue = (self.from..self.number)
                .rev()
                .find(|&k| PROJECTION_WORDS.contains_as_written(self.words.lower(k)))
                .or_else(|| {
                    self.after()
                        .find(|&k| PROJECTION_WORDS.contains_as_written(self.words.lower(k)))
                })
                .map(|k| self.words.lower(k).to_owned());
            return Timing {
                kind: TimingKind::Eventual,
                date: None,
                window: None,
                cue,
            };
        }
        if let Some((date, cue)) = at_date {
            return Timing {
                kind: TimingKind::AsOf,
                date,
                window: date.map(date_bounds),
                cue: Some(cue),
            };
        }
        // `the NIS said on Friday that ...`: a count so far holds on the day it was stated.
        let statement_day = doc
            .entities_within(self.words.span(0, self.words.len()))
            .iter()
            .filter(|e| e.kind == EntityKind::Date && !window.contains(e.span))
            .find(|e| {
                let k = self.words.index_at(e.span.start);
                k > 0 && self.words.lower(k - 1) == "on"
            })
            .and_then(|e| e.date)
            .map(date_bounds);
        let report_day = statement_day.or(published.map(|p| (p, p)));
        match (earlier, so_far_cue, tense) {
            (Some(phrase), _, _) => Timing {
                kind: TimingKind::AsOf,
                date: None,
                window: published.map(|p| (earlier_start(phrase, p), p)),
                cue: Some(phrase.to_owned()),
            },
            (None, Some(cue), _) => Timing {
                kind: TimingKind::AsOf,
                date: None,
                window: report_day,
                cue: Some(cue.to_owned()),
            },
            (None, None, Tense::SoFar) => Timing {
                kind: TimingKind::AsOf,
                date: None,
                window: report_day,
                cue: None,
            },
            _ => Timing {
                kind: TimingKind::Unstated,
                date: None,
                window: report_day,
                cue: None,
            },
        }
    }

    /// The tense of the verb governing the number: the nearest cue before it, else after.
    fn tense(&self) -> Tense {
        let classify = |k: usize| {
            let w = self.words.lower(k);
            // `has decided to send 12,000`: an infinitive before the number is a plan.
            let infinitive = w == "to"
                && k + 1 < self.number
                && self.words.tokens[k + 1].kind == crate::extract::token::TokenKind::Word;
            if infinitive || PROJECTION_WORDS.contains_as_written(w) {
                Some(Tense::Projected)
            } else if SO_FAR_WORDS.contains_as_written(w) {
                Some(Tense::SoFar)
            } else {
                None
            }
        };
        self.before()
            .rev()
            .find_map(classify)
            .or_else(|| self.after().find_map(classify))
            .unwrap_or(Tense::Unknown)
    }
}

/// Words that begin another statement inside a clause: `..., and that more than 100 ...`.
fn starts_another_phrase(words: &Words<'_>, k: usize) -> bool {
    let next = (k + 1 < words.len()).then(|| words.lower(k + 1));
    match words.lower(k) {
        "that" | "which" | "who" | "while" | "but" | "whereas" | "although" | "though"
        | "because" => true,
        "and" => {
            next.is_some_and(|n| {
                matches!(
                    n,
                    "that"
                        | "the"
                        | "a"
                        | "an"
                        | "some"
                        | "more"
                        | "many"
                        | "several"
                        | "most"
                        | "all"
                        | "about"
                        | "around"
                        | "over"
                        | "nearly"
                        | "at"
                        | "up"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "another"
                        | "other"
                )
            }) || words
                .tokens
                .get(k + 1)
                .is_some_and(|t| t.kind == crate::extract::token::TokenKind::Number)
        }
        _ => false,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Projected,
    SoFar,
    Unknown,
}

fn period(word: &str) -> Option<Rate> {
    match word {
        "day" => Some(Rate::Day),
        "week" => Some(Rate::Week),
        "month" => Some(Rate::Month),
        "year" | "annum" => Some(Rate::Year),
        _ => None,
    }
}

fn adverb_rate(word: &str) -> Option<Rate> {
    match word {
        "daily" => Some(Rate::Day),
        "weekly" => Some(Rate::Week),
        "monthly" => Some(Rate::Month),
        "annually" | "yearly" | "annual" => Some(Rate::Year),
        _ => None,
    }
}

/// How far back `earlier this month` and its kind reach from the report date.
fn earlier_start(phrase: &str, published: NaiveDate) -> NaiveDate {
    let month_start = published.with_day(1).unwrap_or(published);
    match phrase {
        "earlier this month" => month_start,
        "earlier this week" => published - chrono::Days::new(7),
        "earlier this year" => published.with_ordinal(1).unwrap_or(published),
        "last week" => published - chrono::Days::new(14),
        "last month" => month_start
            .pred_opt()
            .and_then(|d| d.with_day(1))
            .unwrap_or(month_start),
        "last year" => NaiveDate::from_ymd_opt(published.year() - 1, 1, 1).unwrap_or(published),
        _ => NaiveDate::MIN,
    }
}
