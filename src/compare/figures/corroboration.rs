//! Who agrees and who conflicts within one group, without judging every pair of figures:
//! figures that read alike (same bounds, same time frame) form a class judged once against
//! each other class, and only pairs inside one article are judged one by one. The cost grows
//! with the distinct readings of a measure, not with the square of its figures.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::conflicts::{Clash, Verdict, judge_as};
use super::{Bounds, Figure};
use crate::article::ArticleId;
use crate::compare::sources::CredibilitySuggestion;

/// Conflicting pairs a group lists, the strongest first; the rest are counted.
pub const STRONGEST_CONFLICTS: usize = 5;

/// Two figures that cannot both hold, standing for every pair that reads alike.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// One figure, by its place in [`FigureGroup::figures`](super::FigureGroup::figures).
    pub first: usize,
    /// The other.
    pub second: usize,
    /// Why, in a sentence.
    pub reason: String,
    /// How many conflicting pairs of figures read like this one (the same two values and
    /// time frames), this one included.
    pub alike: usize,
}

/// Figures whose values overlap one another, on one side of a conflict: `12,000 from 400
/// reports` against `10,000 from 600`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValueCluster {
    /// The values the cluster spans.
    pub bounds: Bounds,
    /// The value most of its figures give, as shown (`10,800–13,200`, `12,000`).
    pub typical: String,
    /// How many figures.
    pub figures: usize,
    /// In how many articles.
    pub articles: usize,
    /// From how many independent origins.
    pub origins: usize,
}

/// What judging a group found.
pub(super) struct Judged {
    /// Pairs of figures that cannot both hold.
    pub conflicting_pairs: usize,
    /// The strongest conflicts (widest gap between the values first).
    pub strongest: Vec<Conflict>,
    /// The sides of the conflicts, largest first.
    pub clusters: Vec<ValueCluster>,
    /// Per figure, the credibility its agreements and conflicts suggest.
    pub suggestions: Vec<CredibilitySuggestion>,
}

/// Everything [`judge_as`] reads of a figure besides its article: figures with one key get
/// one verdict against any other figure from another article.
#[derive(PartialEq, Eq, Hash)]
struct ReadingKey {
    timing: String,
    low: u64,
    high: Option<u64>,
}

impl ReadingKey {
    fn of(figure: &Figure) -> Self {
        let t = &figure.timing;
        Self {
            timing: format!(
                "{:?}|{:?}|{:?}|{:?}",
                t.kind,
                t.date.map(crate::extract::DateValue::iso),
                t.window,
                t.cue
            ),
            low: figure.bounds.low.to_bits(),
            high: figure.bounds.high.map(f64::to_bits),
        }
    }
}

/// Where the figures of one origin are: the first article, and whether there are others.
#[derive(Clone)]
struct Spread<'f> {
    name: &'f str,
    first_article: &'f ArticleId,
    several_articles: bool,
}

impl<'f> Spread<'f> {
    fn join(&mut self, other: &Spread<'f>) {
        self.several_articles |=
            other.several_articles || other.first_article != self.first_article;
    }

    /// Whether one of these figures is in an article other than `article`.
    fn reaches_beyond(&self, article: &ArticleId) -> bool {
        self.several_articles || self.first_article != article
    }
}

/// Independent origins by key, with their spread.
type Origins<'f> = BTreeMap<&'f str, Spread<'f>>;

fn add_origin<'f>(into: &mut Origins<'f>, key: &'f str, spread: &Spread<'f>) {
    match into.get_mut(key) {
        Some(known) => known.join(spread),
        None => {
            into.insert(key, spread.clone());
        }
    }
}

fn add_origins<'f>(into: &mut Origins<'f>, from: &Origins<'f>) {
    for (key, spread) in from {
        add_origin(into, key, spread);
    }
}

/// Judges the figures of one group (`cumulative`: a total that only grows).
pub(super) fn judge_group(figures: &[Figure], cumulative: bool) -> Judged {
    let n = figures.len();
    // Classes of figures that read alike, in order of first appearance.
    let mut class_of = vec![0usize; n];
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut by_key: HashMap<ReadingKey, usize> = HashMap::new();
    for (i, figure) in figures.iter().enumerate() {
        let next = members.len();
        let class = *by_key.entry(ReadingKey::of(figure)).or_insert(next);
        if class == next {
            members.push(Vec::new());
        }
        members[class].push(i);
        class_of[i] = class;
    }
    let classes = members.len();
    let origins_of_class: Vec<Origins<'_>> = members
        .iter()
        .map(|m| {
            let mut origins = Origins::new();
            for &i in m {
                let origin = figures[i].origin.independent();
                let spread = Spread {
                    name: &origin.name,
                    first_article: &figures[i].article,
                    several_articles: false,
                };
                add_origin(&mut origins, &origin.key, &spread);
            }
            origins
        })
        .collect();

    // Verdicts between classes, for figures of different articles.
    let mut verdicts: Vec<Verdict> = Vec::with_capacity(classes * classes);
    for x in 0..classes {
        for y in 0..classes {
            let (a, b) = (&figures[members[x][0]], &figures[members[y][0]]);
            verdicts.push(judge_as(a, b, cumulative, false));
        }
    }
    let verdict = |x: usize, y: usize| &verdicts[x * classes + y];

    let mut agreeing: Vec<Origins<'_>> = vec![Origins::new(); classes];
    let mut clashing: Vec<Origins<'_>> = vec![Origins::new(); classes];
    for x in 0..classes {
        for (y, origins) in origins_of_class.iter().enumerate() {
            match verdict(x, y) {
                Verdict::Agree => add_origins(&mut agreeing[x], origins),
                Verdict::Conflict(_) => add_origins(&mut clashing[x], origins),
                Verdict::Undecided => {}
            }
        }
    }

    // Pairs inside one article: judged one by one, since the article changes the verdict.
    let mut by_article: HashMap<&ArticleId, Vec<usize>> = HashMap::new();
    for (i, figure) in figures.iter().enumerate() {
        by_article.entry(&figure.article).or_default().push(i);
    }
    let mut inside: Vec<Vec<(usize, bool)>> = vec![Vec::new(); n]; // (other, agrees?)
    let mut same_article_pairs: HashMap<(usize, usize), usize> = HashMap::new();
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut inside_conflicts: HashMap<(usize, usize), Candidate> = HashMap::new();
    let mut conflicting_pairs = 0usize;
    let mut in_conflict = vec![false; n];
    for list in by_article.values() {
        for (k, &i) in list.iter().enumerate() {
            for &j in &list[k + 1..] {
                let (x, y) = (class_of[i], class_of[j]);
                *same_article_pairs.entry((x.min(y), x.max(y))).or_default() += 1;
                match judge_as(&figures[i], &figures[j], cumulative, true) {
                    Verdict::Agree => {
                        inside[i].push((j, true));
                        inside[j].push((i, true));
                    }
                    Verdict::Conflict(clash) => {
                        inside[i].push((j, false));
                        inside[j].push((i, false));
                        in_conflict[i] = true;
                        in_conflict[j] = true;
                        conflicting_pairs += 1;
                        inside_conflicts
                            .entry((x.min(y), x.max(y)))
                            .and_modify(|c| c.alike += 1)
                            .or_insert(Candidate {
                                first: i,
                                second: j,
                                clash,
                                alike: 1,
                            });
                    }
                    Verdict::Undecided => {}
                }
            }
        }
    }
    candidates.extend(inside_conflicts.into_values());

    // Pairs across articles, counted class by class.
    for x in 0..classes {
        for y in x..classes {
            if !matches!(verdict(x, y), Verdict::Conflict(_)) {
                continue;
            }
            let all = if x == y {
                members[x].len() * (members[x].len() - 1) / 2
            } else {
                members[x].len() * members[y].len()
            };
            let across = all - same_article_pairs.get(&(x, y)).copied().unwrap_or(0);
            if across == 0 {
                continue;
            }
            conflicting_pairs += across;
            let Some((i, j)) = pair_across(figures, &members[x], &members[y]) else {
                continue;
            };
            // Judged again in this pair's order, for the direction of the clash.
            let Verdict::Conflict(clash) = judge_as(&figures[i], &figures[j], cumulative, false)
            else {
                continue;
            };
            candidates.push(Candidate {
                first: i,
                second: j,
                clash,
                alike: across,
            });
        }
    }
    // A figure conflicts across articles when a class it conflicts with reaches another.
    for (i, figure) in figures.iter().enumerate() {
        if clashing[class_of[i]]
            .values()
            .any(|s| s.reaches_beyond(&figure.article))
        {
            in_conflict[i] = true;
        }
    }
    let mut per_origin: HashMap<&str, usize> = HashMap::new();
    for figure in figures {
        *per_origin
            .entry(&figure.origin.independent().key)
            .or_default() += 1;
    }

    let suggestions = (0..n)
        .map(|i| {
            let figure = &figures[i];
            let own = figure.origin.independent().key.as_str();
            let names = |class_origins: &Origins<'_>, agrees: bool| {
                let mut names: Vec<String> = class_origins
                    .iter()
                    .filter(|&(key, spread)| *key != own && spread.reaches_beyond(&figure.article))
                    .map(|(_, spread)| spread.name.to_owned())
                    .chain(
                        inside[i]
                            .iter()
                            .filter(|&&(_, a)| a == agrees)
                            .map(|&(j, _)| figures[j].origin.independent())
                            .filter(|o| o.key != own)
                            .map(|o| o.name.clone()),
                    )
                    .collect();
                names.sort();
                names.dedup();
                names
            };
            let repeats = per_origin[own] - 1;
            CredibilitySuggestion::from_corroboration(
                names(&agreeing[class_of[i]], true),
                names(&clashing[class_of[i]], false),
                repeats,
            )
        })
        .collect();

    candidates.sort_by(|a, b| {
        let (ga, gb) = (a.gap(figures), b.gap(figures));
        gb.total_cmp(&ga)
            .then(b.alike.cmp(&a.alike))
            .then((a.first, a.second).cmp(&(b.first, b.second)))
    });
    let strongest = candidates
        .into_iter()
        .take(STRONGEST_CONFLICTS)
        .map(|c| Conflict {
            first: c.first,
            second: c.second,
            reason: c.clash.reason(&figures[c.first], &figures[c.second]),
            alike: c.alike,
        })
        .collect();
    Judged {
        conflicting_pairs,
        strongest,
        clusters: clusters(figures, &in_conflict),
        suggestions,
    }
}

/// A conflicting pair standing for those that read alike.
struct Candidate {
    first: usize,
    second: usize,
    clash: Clash,
    alike: usize,
}

impl Candidate {
    /// How far apart the two values are, relative to the lower one.
    fn gap(&self, figures: &[Figure]) -> f64 {
        let (a, b) = (figures[self.first].bounds, figures[self.second].bounds);
        let (lower, upper) = if a.low <= b.low { (a, b) } else { (b, a) };
        let top = lower.high.unwrap_or(lower.low);
        (upper.low - top).max(0.0) / top.abs().max(1.0)
    }
}

/// The first pair of `xs` and `ys` from different articles.
fn pair_across(figures: &[Figure], xs: &[usize], ys: &[usize]) -> Option<(usize, usize)> {
    let x = xs[0];
    if let Some(&y) = ys
        .iter()
        .find(|&&y| y != x && figures[y].article != figures[x].article)
    {
        return Some((x, y));
    }
    let y = ys[0];
    xs.iter()
        .find(|&&x| x != y && figures[x].article != figures[y].article)
        .map(|&x| (x, y))
}

/// The figures in conflict, split where their values stop overlapping.
fn clusters(figures: &[Figure], in_conflict: &[bool]) -> Vec<ValueCluster> {
    let mut order: Vec<usize> = (0..figures.len()).filter(|&i| in_conflict[i]).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (figures[a].bounds, figures[b].bounds);
        a.low.total_cmp(&b.low).then(
            a.high
                .unwrap_or(f64::INFINITY)
                .total_cmp(&b.high.unwrap_or(f64::INFINITY)),
        )
    });
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut reach = f64::NEG_INFINITY;
    for i in order {
        let bounds = figures[i].bounds;
        match runs.last_mut() {
            Some(run) if bounds.low <= reach => run.push(i),
            _ => runs.push(vec![i]),
        }
        reach = reach.max(bounds.high.unwrap_or(f64::INFINITY));
    }
    let mut clusters: Vec<ValueCluster> = runs
        .into_iter()
        .map(|run| {
            let mut shown: BTreeMap<String, usize> = BTreeMap::new();
            let mut articles: Vec<&ArticleId> = Vec::new();
            let mut origins: Vec<&str> = Vec::new();
            let mut low = f64::INFINITY;
            let mut high = Some(f64::NEG_INFINITY);
            for &i in &run {
                let f = &figures[i];
                *shown.entry(f.bounds.display()).or_default() += 1;
                articles.push(&f.article);
                origins.push(&f.origin.independent().key);
                low = low.min(f.bounds.low);
                high = match (high, f.bounds.high) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            articles.sort();
            articles.dedup();
            origins.sort_unstable();
            origins.dedup();
            let typical = shown
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(shown, _)| shown.clone())
                .unwrap_or_default();
            ValueCluster {
                bounds: Bounds { low, high },
                typical,
                figures: run.len(),
                articles: articles.len(),
                origins: origins.len(),
            }
        })
        .collect();
    clusters.sort_by(|a, b| {
        b.figures
            .cmp(&a.figures)
            .then(a.bounds.low.total_cmp(&b.bounds.low))
    });
    clusters
}
