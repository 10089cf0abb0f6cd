//! Verdicts between two figures of one measure: the same frame must overlap; an earlier
//! count of a growing total must not exceed a later one; counts close in time corroborate.

use super::{DateValue, Figure, Timing, TimingKind, thousands};

#[derive(Debug, Clone, Copy)]
pub(super) enum Verdict {
    Agree,
    Conflict(Clash),
    Undecided,
}

/// Why two figures cannot both hold; the sentence is written only for the pairs shown
/// ([`Clash::reason`]), since a large group judges many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Clash {
    /// The same total at the same time, with values that do not overlap.
    SameFrame,
    /// The earlier count of a growing total exceeds the later one; `true` when the first
    /// figure of the pair is the earlier.
    EarlierExceeds { first_is_earlier: bool },
}

impl Clash {
    /// The clash between `a` and `b` (in the order they were judged), in a sentence.
    pub(super) fn reason(self, a: &Figure, b: &Figure) -> String {
        let describe = |f: &Figure| {
            format!(
                "{} ({}, {})",
                f.display(),
                f.origin.independent().name,
                frame_name(&f.timing)
            )
        };
        match self {
            Self::SameFrame => format!(
                "{} and {} are the same total at the same time, but {} and {} do not overlap",
                describe(a),
                describe(b),
                a.bounds.display(),
                b.bounds.display()
            ),
            Self::EarlierExceeds { first_is_earlier } => {
                let (earlier, later) = if first_is_earlier { (a, b) } else { (b, a) };
                format!(
                    "{} comes before {}, yet its least value {} exceeds the later figure's greatest {}",
                    describe(earlier),
                    describe(later),
                    thousands(earlier.bounds.low),
                    thousands(later.bounds.high.unwrap_or(f64::INFINITY))
                )
            }
        }
    }
}

/// How two time frames relate.
pub(super) enum Order {
    /// The same moment (both eventual totals, the same `by` date, one report's present).
    Same,
    /// The first is earlier.
    Before,
    /// The first is later.
    After,
    /// Cannot tell.
    Unknown,
}

/// How the frames of `a` and `b` relate; `same_article` says whether both are read from one
/// article, where two undated counts with the same cue are the same moment.
pub(super) fn order(a: &Figure, b: &Figure, same_article: bool) -> Order {
    use TimingKind::{AsOf, By, Eventual, Unstated};
    let (ta, tb) = (&a.timing, &b.timing);
    match (ta.kind, tb.kind) {
        (Eventual, Eventual) => return Order::Same,
        (Eventual, _) => return Order::After,
        (_, Eventual) => return Order::Before,
        (By, By) if ta.date.is_some() && ta.date == tb.date => return Order::Same,
        (AsOf | Unstated, AsOf | Unstated)
            if same_article
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

#[cfg(test)]
/// The verdict between two figures of one measure (`cumulative`: a total that only grows).
pub(super) fn judge(a: &Figure, b: &Figure, cumulative: bool) -> Verdict {
    judge_as(a, b, cumulative, a.article == b.article)
}

/// [`judge`], told whether the two come from one article: figures from different articles
/// that read alike get the same verdict whichever articles they are in.
pub(super) fn judge_as(a: &Figure, b: &Figure, cumulative: bool, same_article: bool) -> Verdict {
    match order(a, b, same_article) {
        Order::Same if a.bounds.meets(b.bounds) && a.bounds.corroborates(b.bounds) => {
            Verdict::Agree
        }
        Order::Same if a.bounds.meets(b.bounds) => Verdict::Undecided,
        Order::Same => Verdict::Conflict(Clash::SameFrame),
        Order::Before if cumulative => cumulative_verdict(a, b, true).or_corroboration(a, b),
        Order::After if cumulative => cumulative_verdict(b, a, false).or_corroboration(a, b),
        _ => Verdict::Undecided.or_corroboration(a, b),
    }
}

/// Counts so far reported within this many days of each other, that overlap, corroborate
/// each other: the total cannot have moved much in between.
pub(super) const CORROBORATION_DAYS: i64 = 14;

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
fn cumulative_verdict(earlier: &Figure, later: &Figure, first_is_earlier: bool) -> Verdict {
    match later.bounds.high {
        Some(high) if earlier.bounds.low > high => {
            Verdict::Conflict(Clash::EarlierExceeds { first_is_earlier })
        }
        _ => Verdict::Undecided,
    }
}

pub(super) fn frame_name(timing: &Timing) -> String {
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
