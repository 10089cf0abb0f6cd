//! Timeline data: claims placed by the date of the event they report (dates in the claim,
//! resolved against publication), kept apart from the date of the report itself, with
//! filters by entity and status.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::Corpus;
use super::entities::EntityIndex;
use super::scan::{PAST_PERIODS, Words};
use crate::article::ArticleId;
use crate::extract::lexicon::lexicon;
use crate::extract::{DateValue, EntityKind};
use crate::workspace::{ClaimId, ClaimStatus, Workspace};

/// How a claim's event date relates to the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateRelation {
    /// It happened then (`on 14 October`, `Friday`, `earlier this month`).
    On,
    /// Expected by then (`by December`): a deadline or forecast.
    By,
    /// Since then (`since 2006`).
    Since,
}

/// The date of the event a claim reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventDate {
    /// The date as resolved (`2024-10-14`, `2024-12`), when the text gives a calendar date.
    pub value: Option<DateValue>,
    /// The first day it can mean.
    pub from: NaiveDate,
    /// The last day it can mean.
    pub to: NaiveDate,
    /// The words (`14 October`, `earlier this month`).
    pub written: String,
    /// On, by or since.
    pub relation: DateRelation,
}

/// Where to draw a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Placement {
    /// The day on the axis.
    pub date: NaiveDate,
    /// Whether it is the event's date or, lacking one, the report's.
    pub basis: PlacementBasis,
}

/// What a placement rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlacementBasis {
    /// A date of the event in the claim.
    Event,
    /// No event date: the article's publication date.
    Report,
}

/// One claim on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineItem {
    /// The claim.
    pub claim: ClaimId,
    /// Its article.
    pub article: ArticleId,
    /// The article's title.
    pub article_title: String,
    /// The claim's words on one line.
    pub text: String,
    /// Who asserts it.
    pub speaker: Option<String>,
    /// Its review status.
    pub status: ClaimStatus,
    /// When the article was published.
    pub reported: Option<NaiveDateTime>,
    /// When the reported event happened (or is expected), if the claim says.
    pub event: Option<EventDate>,
    /// Where to draw it: the event date, else the report date; `None` when neither is known.
    pub placement: Option<Placement>,
    /// Keys of the index entries mentioned in the claim.
    pub entities: Vec<String>,
}

/// What the timeline shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineFilter {
    /// Only claims mentioning this index entry (by key).
    pub entity: Option<String>,
    /// Only claims with one of these statuses; empty for all.
    pub statuses: Vec<ClaimStatus>,
    /// Whether to keep claims placed only by their report date.
    pub include_report_dated: bool,
    /// Whether to keep claims with no date at all.
    pub include_undated: bool,
}

impl TimelineFilter {
    /// Everything.
    #[must_use]
    pub fn all() -> Self {
        Self {
            entity: None,
            statuses: Vec::new(),
            include_report_dated: true,
            include_undated: true,
        }
    }

    /// Whether `item` passes.
    #[must_use]
    pub fn accepts(&self, item: &TimelineItem) -> bool {
        let entity = self
            .entity
            .as_ref()
            .is_none_or(|key| item.entities.contains(key));
        let status = self.statuses.is_empty() || self.statuses.contains(&item.status);
        let dated = match item.placement {
            None => self.include_undated,
            Some(p) => p.basis == PlacementBasis::Event || self.include_report_dated,
        };
        entity && status && dated
    }
}

/// Every placed claim, in time order (undated last).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Timeline {
    /// The items, by placement date, then article and reading order.
    pub items: Vec<TimelineItem>,
}

impl Timeline {
    /// The items `filter` accepts.
    pub fn filtered<'a>(
        &'a self,
        filter: &'a TimelineFilter,
    ) -> impl Iterator<Item = &'a TimelineItem> + 'a {
        self.items.iter().filter(move |item| filter.accepts(item))
    }

    /// The first and last day of the placed items, for the axis.
    #[must_use]
    pub fn extent(&self) -> Option<(NaiveDate, NaiveDate)> {
        let dates = self
            .items
            .iter()
            .filter_map(|i| i.placement.map(|p| p.date));
        let (min, max) = dates.fold(
            (None, None),
            |(lo, hi): (Option<NaiveDate>, Option<NaiveDate>), d| {
                (
                    Some(lo.map_or(d, |l| l.min(d))),
                    Some(hi.map_or(d, |h| h.max(d))),
                )
            },
        );
        min.zip(max)
    }
}

/// Where the bulk of `dates` lie, for a timeline's first view: the dates inside Tukey's far
/// fences (three interquartile ranges, at least a week, beyond the quartiles), widened by a
/// tenth on each side (at least three days). A lone event years away does not stretch the
/// axis; it stays reachable by zooming out.
#[must_use]
pub fn dense_range(dates: &[NaiveDate]) -> Option<(NaiveDate, NaiveDate)> {
    let mut sorted = dates.to_vec();
    sorted.sort_unstable();
    let last = sorted.len().checked_sub(1)?;
    let quartile = |q: usize| sorted[(last * q + 2) / 4];
    let (q1, q3) = (quartile(1), quartile(3));
    let reach = chrono::Duration::days(3 * (q3 - q1).num_days().max(7));
    let inside = |d: &&NaiveDate| **d >= q1 - reach && **d <= q3 + reach;
    let low = *sorted.iter().find(inside)?;
    let high = *sorted.iter().rev().find(inside)?;
    let margin = chrono::Duration::days(((high - low).num_days() / 10).max(3));
    Some((low - margin, high + margin))
}

/// One mark of a date axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarTick {
    /// The day it stands at.
    pub date: NaiveDate,
    /// Its label (`14 Oct`, `Oct 2024`, `2024`).
    pub label: String,
    /// The unit of the marks it belongs to, in days (1, 7, 30, 91, 365 ...): marks of one
    /// unit are drawn alike.
    pub unit_days: i64,
}

/// Marks for a date axis from `from` to `to`, on calendar boundaries (days, Mondays, first
/// days of months, quarters, years, decades), at most about `most` of them.
#[must_use]
pub fn calendar_ticks(from: NaiveDate, to: NaiveDate, most: usize) -> Vec<CalendarTick> {
    let span = (to - from).num_days().max(1);
    let most = i64::try_from(most.max(2)).unwrap_or(i64::MAX);
    // (unit in days, months per step, label format)
    let units: [(i64, u32, &str); 8] = [
        (1, 0, "%-d %b"),
        (7, 0, "%-d %b"),
        (30, 1, "%b %Y"),
        (91, 3, "%b %Y"),
        (182, 6, "%b %Y"),
        (365, 12, "%Y"),
        (1826, 60, "%Y"),
        (3652, 120, "%Y"),
    ];
    let (unit, months, format) = units
        .iter()
        .copied()
        .find(|&(unit, _, _)| span / unit <= most)
        .unwrap_or(units[units.len() - 1]);
    let mut ticks = Vec::new();
    let mut date = match (unit, months) {
        (1, _) => from,
        (7, _) => {
            from + chrono::Duration::days(i64::from(7 - from.weekday().num_days_from_monday()) % 7)
        }
        _ => {
            // The first boundary of the step at or after `from`.
            let step = i32::try_from(months).unwrap_or(12);
            let index = from.year() * 12 + i32::try_from(from.month0()).unwrap_or(0);
            let first = (index + step - 1).div_euclid(step) * step;
            if month_start(first) < from {
                month_start(first + step)
            } else {
                month_start(first)
            }
        }
    };
    while date <= to && ticks.len() < 400 {
        ticks.push(CalendarTick {
            date,
            label: date.format(format).to_string(),
            unit_days: unit,
        });
        date = if months == 0 {
            date + chrono::Duration::days(unit)
        } else {
            let index = date.year() * 12 + i32::try_from(date.month0()).unwrap_or(0);
            month_start(index + i32::try_from(months).unwrap_or(12))
        };
    }
    ticks
}

/// The first day of the month `index` months after January of year 0.
fn month_start(index: i32) -> NaiveDate {
    let (year, month0) = (index.div_euclid(12), index.rem_euclid(12));
    NaiveDate::from_ymd_opt(year, u32::try_from(month0).unwrap_or(0) + 1, 1)
        .unwrap_or(NaiveDate::MIN)
}

/// The timeline of `workspace`; `index` gives the entity keys to filter by.
#[must_use]
pub fn timeline(workspace: &Workspace, index: &EntityIndex) -> Timeline {
    let corpus = Corpus::new(workspace);
    let mut items: Vec<TimelineItem> = corpus
        .claims
        .iter()
        .map(|claim| {
            let doc = &corpus.docs[claim.doc];
            let article = &doc.entry.article;
            let event = event_date(&corpus, claim.doc, claim.span);
            let reported = article.published;
            let placement = event
                .as_ref()
                .map(|e| Placement {
                    date: e.from,
                    basis: PlacementBasis::Event,
                })
                .or_else(|| {
                    reported.map(|r| Placement {
                        date: r.date(),
                        basis: PlacementBasis::Report,
                    })
                });
            TimelineItem {
                claim: claim.claim.id,
                article: article.id.clone(),
                article_title: article.display_title(),
                text: doc.text()[claim.span.start..claim.span.end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                speaker: claim.claim.speaker.clone(),
                status: claim.claim.status,
                reported,
                event,
                placement,
                entities: index
                    .entries_within(&article.id, claim.span)
                    .into_iter()
                    .filter(|e| !matches!(e.kind, EntityKind::Date | EntityKind::Number))
                    .map(|e| e.key.clone())
                    .collect(),
            }
        })
        .collect();
    items.sort_by_key(|item| (item.placement.is_none(), item.placement.map(|p| p.date)));
    Timeline { items }
}

lexicon!(
    /// Besides [`PAST_PERIODS`], relative phrases resolved against the publication date.
    static NEAR_PHRASES = "near-phrases.txt"
);

/// The event date of the claim at `span` of document `doc`: the first resolved calendar date
/// in it (a `by` date only when there is nothing else), else a relative phrase.
fn event_date(corpus: &Corpus<'_>, doc: usize, span: crate::span::Span) -> Option<EventDate> {
    let doc = &corpus.docs[doc];
    let words = Words::new(doc.text(), span);
    let mut deadline = None;
    for date in doc
        .entities_within(span)
        .iter()
        .filter(|e| e.kind == EntityKind::Date)
    {
        let Some(value) = date.date else { continue };
        let k = words.index_at(date.span.start);
        let relation = match k.checked_sub(1).map(|p| words.lower(p)) {
            Some("by" | "before" | "until") => DateRelation::By,
            Some("since") => DateRelation::Since,
            _ => DateRelation::On,
        };
        let (from, to) = date_bounds(value);
        let found = EventDate {
            value: Some(value),
            from,
            to,
            written: date.span.text(doc.text()).unwrap_or_default().to_owned(),
            relation,
        };
        if relation == DateRelation::By {
            deadline.get_or_insert(found);
        } else {
            return Some(found);
        }
    }
    if let Some(published) = doc.entry.article.published.map(|p| p.date()) {
        for k in 0..words.len() {
            if let Some(phrase) = PAST_PERIODS
                .entries()
                .iter()
                .chain(NEAR_PHRASES.entries())
                .find(|p| words.phrase_at(k, p))
            {
                let (from, to) = relative(phrase, published);
                return Some(EventDate {
                    value: None,
                    from,
                    to,
                    written: (*phrase).to_owned(),
                    relation: DateRelation::On,
                });
            }
        }
    }
    deadline
}

/// The first and last day a date value covers.
pub(crate) fn date_bounds(value: DateValue) -> (NaiveDate, NaiveDate) {
    match value {
        DateValue::Day(d) => (d, d),
        DateValue::Month { year, month } => {
            let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN);
            let last = first
                .checked_add_months(chrono::Months::new(1))
                .and_then(|n| n.pred_opt())
                .unwrap_or(first);
            (first, last)
        }
        DateValue::Year(y) => (
            NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(NaiveDate::MIN),
            NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(NaiveDate::MAX),
        ),
    }
}

/// The days a relative phrase covers, seen from `published`.
fn relative(phrase: &str, published: NaiveDate) -> (NaiveDate, NaiveDate) {
    let month_start = published.with_day(1).unwrap_or(published);
    let year_start = published.with_ordinal(1).unwrap_or(published);
    let week_ago = published - Days::new(7);
    match phrase {
        "earlier this month" | "this month" => (month_start, published),
        "earlier this week" | "this week" => (week_ago, published),
        "earlier this year" => (year_start, published),
        "last week" => (published - Days::new(14), week_ago),
        "last month" => {
            let last = month_start.pred_opt().unwrap_or(month_start);
            (last.with_day(1).unwrap_or(last), last)
        }
        "last year" => {
            let last = year_start.pred_opt().unwrap_or(year_start);
            (last.with_ordinal(1).unwrap_or(last), last)
        }
        "yesterday" => {
            let day = published.pred_opt().unwrap_or(published);
            (day, day)
        }
        _ => (published, published),
    }
}

#[cfg(test)]
mod axis_tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_first_view_holds_most_events_and_leaves_a_lone_one_out() {
        let mut dates: Vec<NaiveDate> = (0..40)
            .map(|n| day(2024, 10, 1) + chrono::Duration::days(n))
            .collect();
        dates.push(day(2006, 3, 1));
        let (from, to) = dense_range(&dates).unwrap();
        assert!(
            from > day(2024, 1, 1),
            "2006 does not stretch the view: {from}"
        );
        assert!(
            from <= day(2024, 10, 3) && to >= day(2024, 11, 7),
            "{from}..{to}"
        );
        let (from, to) = dense_range(&[day(2024, 10, 16)]).unwrap();
        assert_eq!((to - from).num_days(), 6, "one event: a week around it");
        assert!(dense_range(&[]).is_none());
    }

    #[test]
    fn ticks_fall_on_calendar_boundaries_at_a_readable_density() {
        let weeks = calendar_ticks(day(2024, 10, 2), day(2024, 12, 20), 12);
        assert!(
            weeks
                .iter()
                .all(|t| t.date.weekday() == chrono::Weekday::Mon),
            "{weeks:?}"
        );
        assert_eq!(weeks[0].label, "7 Oct");
        let months = calendar_ticks(day(2024, 1, 15), day(2025, 1, 15), 14);
        assert!(months.iter().all(|t| t.date.day() == 1));
        assert_eq!(months[0].label, "Feb 2024");
        assert!(months.len() <= 14);
        let years = calendar_ticks(day(2006, 3, 1), day(2024, 11, 1), 12);
        assert!(
            years
                .iter()
                .all(|t| t.date.month() == 1 && t.date.day() == 1)
        );
        assert!(years.len() <= 12 && years.len() >= 3, "{years:?}");
        let days = calendar_ticks(day(2024, 10, 14), day(2024, 10, 18), 10);
        assert_eq!(days.len(), 5);
        assert_eq!(days[0].label, "14 Oct");
    }
}
