//! Date mentions (weekdays, months, days, years, clock times, with early/mid/late
//! qualifiers) and their ISO values, resolved against the publication date when needed.

use crate::extract::lexicon::lexicon;
use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate};
use regex::Regex;

use super::token::{Token, TokenKind};
use super::{DateValue, Entity, EntityKind};
use crate::calendar::{month_number, weekday_index};
use crate::span::Span;

const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)";
/// A month abbreviation without its period, only ever taken before a day: `Feb 7`.
const MONTH_ABBREVIATION: &str = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const DAY: &str = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?";
const YEAR: &str = r"(?:1[6-9][0-9][0-9]|20[0-9][0-9])";
/// `early`, `mid-`, `late`, and ranges of them (`early- to mid-`).
const PART: &str =
    r"(?:(?i:early|mid|late)(?:-\s*|\s+)(?:(?:to|or|and)\s+(?i:early|mid|late)(?:-\s*|\s+))?)";
const TIME_OF_DAY: &str = r"(?:\s+(?:morning|afternoon|evening|night))";
/// `night of May 21`, `morning of October 27`.
const PART_OF_DAY: &str = r"(?:(?:night|morning|afternoon|evening)\s+of\s+)";
/// `a.m.`, `pm`, `AM`.
const AM_PM: &str = r"(?:[ap]\.m\.|(?i:[ap]\.?m\.?))";
/// `local time`, `GMT`, `BST`, `Singapore time`.
const ZONE: &str = r"(?:\s+(?:local\ time|GMT|UTC|[A-Z]{2}T|[A-Z]ST|[A-Z][a-z]+\ time)(?-u:\b))";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)
        (?P<iso>(?-u:\b){YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?-u:\b))
      | (?P<dmy>(?-u:\b){PART_OF_DAY}?{PART}?{DAY}\s+{MONTH}(?:,?\s+{YEAR}(?-u:\b))?)
      | (?P<mdy>(?-u:\b){PART_OF_DAY}?{PART}?(?:{MONTH}|{MONTH_ABBREVIATION})\s+{DAY}(?:\s*[-–]\s*{DAY})?(?-u:\b)(?:,?\s+{YEAR}(?-u:\b))?)
      | (?P<month>(?-u:\b){PART}?{MONTH}(?:,?\s+{YEAR}(?-u:\b)|\s+quarter(?-u:\b))?)
      | (?P<weekday>(?-u:\b){PART}?{WEEKDAY}{TIME_OF_DAY}?(?-u:\b))
      | (?P<time>(?-u:\b)(?:[01]?\d|2[0-3]):[0-5]\d(?:\s?{AM_PM})?{ZONE}?
               |(?-u:\b)(?:[01]?\d|2[0-3])\.[0-5]\d(?:\s?{AM_PM}{ZONE}?|{ZONE})(?-u:\b)
               |(?-u:\b)(?:1[0-2]|0?[1-9])\s?(?:[ap]\.m\.|(?i:[ap]m)(?-u:\b)){ZONE}?)
      | (?P<fiscal>(?-u:\b){YEAR}[/-]\d\d(?-u:\b))
      | (?P<year>(?-u:\b){YEAR}(?-u:\b))
        "
    ))
    .unwrap()
});

static FIRST_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+").unwrap());
static YEAR_IN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u)\b{YEAR}\b")).unwrap());
static MONTH_IN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("{MONTH}|{MONTH_ABBREVIATION}")).unwrap());
static WEEKDAY_IN: LazyLock<Regex> = LazyLock::new(|| Regex::new(WEEKDAY).unwrap());

lexicon!(
    /// Words before a bare `May` that make it the month rather than the verb.
    static MAY_CUES = "may-cues.txt", "time-connectives.txt"
);

/// Finds the date mentions, marking the tokens they cover as taken.
#[must_use]
pub fn find(
    text: &str,
    tokens: &[Token],
    taken: &mut [bool],
    published: Option<NaiveDate>,
) -> Vec<Entity> {
    let mut found = Vec::new();
    // The DFA finds matches fast; capture groups (slower) run only on each short match.
    for whole in DATE.find_iter(text) {
        let matched = whole.as_str();
        let Some(caps) = DATE.captures(matched) else {
            continue;
        };
        let span = Span::new(whole.start(), whole.end());
        let Some(range) = token_range(tokens, span) else {
            continue;
        };
        if range.clone().any(|i| taken[i]) || glued_to_word(text, tokens, &range) {
            continue;
        }
        let value = if caps.name("iso").is_some() {
            NaiveDate::parse_from_str(matched, "%Y-%m-%d")
                .ok()
                .map(DateValue::Day)
        } else if caps.name("dmy").is_some() || caps.name("mdy").is_some() {
            day_month_value(matched, published)
        } else if caps.name("month").is_some() {
            if matched == "May" && !may_is_month(text, tokens, range.start) {
                continue;
            }
            month_value(matched, published)
        } else if caps.name("weekday").is_some() {
            weekday_value(matched, published)
        } else if caps.name("time").is_some() {
            None
        } else if caps.name("fiscal").is_some() {
            // A financial year (`2024/25`) is dated by the year it starts in.
            matched[..4].parse().ok().map(DateValue::Year)
        } else {
            if !year_is_date(text, tokens, range.end) {
                continue;
            }
            matched.parse().ok().map(DateValue::Year)
        };
        range.clone().for_each(|i| taken[i] = true);
        found.push(Entity {
            date: value,
            ..Entity::new(span, EntityKind::Date)
        });
    }
    found
}

/// The tokens exactly covering `span`, if its ends fall on token boundaries.
fn token_range(tokens: &[Token], span: Span) -> Option<std::ops::Range<usize>> {
    let first = tokens.partition_point(|t| t.span().start < span.start);
    let end = tokens.partition_point(|t| t.span().end <= span.end);
    (first < end
        && tokens[first].span().start == span.start
        && tokens[end - 1].span().end == span.end)
        .then_some(first..end)
}

/// A date pattern inside a larger word or number (`2024x`, `12,2024`) is not a date.
fn glued_to_word(text: &str, tokens: &[Token], range: &std::ops::Range<usize>) -> bool {
    let before = range.start.checked_sub(1).map(|i| &tokens[i]);
    let after = tokens.get(range.end);
    let glued_before = before.is_some_and(|b| {
        !tokens[range.start].space_before
            && (b.kind != TokenKind::Punct || b.is_punct(text, ',') || b.is_punct(text, '.'))
    });
    // A possessive is not glue: "Thursday's election".
    let glued_after = after.is_some_and(|a| {
        !a.space_before
            && a.kind != TokenKind::Possessive
            && (a.kind != TokenKind::Punct
                || (a.is_punct(text, ',') || a.is_punct(text, '.'))
                    && tokens
                        .get(range.end + 1)
                        .is_some_and(|n| n.kind == TokenKind::Number && !n.space_before))
    });
    glued_before || glued_after
}

fn may_is_month(text: &str, tokens: &[Token], first: usize) -> bool {
    first
        .checked_sub(1)
        .is_some_and(|p| MAY_CUES.contains(tokens[p].text(text)))
}

/// A bare four-digit year is a date unless it counts something (`1500 troops`).
fn year_is_date(text: &str, tokens: &[Token], after: usize) -> bool {
    match tokens.get(after) {
        Some(next) if next.kind == TokenKind::Word && next.space_before => {
            let word = next.text(text);
            !(next.is_lowercase() && word.len() > 3 && word.ends_with('s'))
        }
        _ => true,
    }
}

fn day_month_value(matched: &str, published: Option<NaiveDate>) -> Option<DateValue> {
    let month = month_number(MONTH_IN.find(matched)?.as_str())?;
    let year = match YEAR_IN.find(matched) {
        Some(y) => y.as_str().parse().ok()?,
        None => published?.year(),
    };
    // The day is the first number that is not the year.
    let day = FIRST_NUMBER
        .find_iter(matched)
        .map(|m| m.as_str())
        .find(|d| d.len() <= 2)?
        .parse()
        .ok()?;
    NaiveDate::from_ymd_opt(year, month, day).map(DateValue::Day)
}

fn month_value(matched: &str, published: Option<NaiveDate>) -> Option<DateValue> {
    let month = month_number(MONTH_IN.find(matched)?.as_str())?;
    let year = match YEAR_IN.find(matched) {
        Some(y) => y.as_str().parse().ok()?,
        None => published?.year(),
    };
    Some(DateValue::Month { year, month })
}

/// A weekday is the most recent such day on or before publication: news reports the past.
fn weekday_value(matched: &str, published: Option<NaiveDate>) -> Option<DateValue> {
    let published = published?;
    let target = weekday_index(WEEKDAY_IN.find(matched)?.as_str())?;
    let today = published.weekday().num_days_from_monday();
    let back = (today + 7 - target) % 7;
    published
        .checked_sub_days(Days::new(u64::from(back)))
        .map(DateValue::Day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    fn dates(text: &str, published: Option<NaiveDate>) -> Vec<(String, Option<String>)> {
        let tokens = tokenize(text);
        let mut taken = vec![false; tokens.len()];
        find(text, &tokens, &mut taken, published)
            .into_iter()
            .map(|e| {
                (
                    text[e.span.start..e.span.end].to_owned(),
                    e.date.map(DateValue::iso),
                )
            })
            .collect()
    }

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn weekday_date_and_time_written_together_are_three_mentions() {
        assert_eq!(
            dates("Wednesday, 16 October 2024, 02:55", None),
            [
                ("Wednesday".into(), None),
                ("16 October 2024".into(), Some("2024-10-16".into())),
                ("02:55".into(), None),
            ]
        );
    }

    #[test]
    fn relative_mentions_resolve_against_publication() {
        let published = d(2024, 10, 16); // a Wednesday
        assert_eq!(
            dates("on Friday", published),
            [("Friday".into(), Some("2024-10-11".into()))]
        );
        assert_eq!(
            dates("on Wednesday", published),
            [("Wednesday".into(), Some("2024-10-16".into()))]
        );
        assert_eq!(
            dates("by November 1", published),
            [("November 1".into(), Some("2024-11-01".into()))]
        );
        assert_eq!(
            dates("by December", published),
            [("December".into(), Some("2024-12".into()))]
        );
        assert_eq!(dates("by December", None), [("December".into(), None)]);
    }

    #[test]
    fn qualifiers_ranges_and_years() {
        assert_eq!(
            dates("during early- to mid-October", None)[0].0,
            "early- to mid-October"
        );
        assert_eq!(dates("late May", None)[0].0, "late May");
        assert_eq!(dates("Friday evening", None)[0].0, "Friday evening");
        assert_eq!(
            dates("on Nov. 3-4", d(2024, 10, 1)),
            [("Nov. 3-4".into(), Some("2024-11-03".into()))]
        );
        assert_eq!(
            dates("since 2006", None),
            [("2006".into(), Some("2006".into()))]
        );
        assert_eq!(
            dates("at 9 p.m. local time", None)[0].0,
            "9 p.m. local time"
        );
        assert_eq!(
            dates("October 16, 2024", None)[0].1.as_deref(),
            Some("2024-10-16")
        );
        assert_eq!(
            dates("ANKARA, Feb 7 (Reuters)", d(2024, 3, 1)),
            [("Feb 7".into(), Some("2024-02-07".into()))]
        );
        // British dotted clock times, known by their zone or am/pm; a decimal is none.
        assert_eq!(
            dates("Thu 24 Oct 2024 09.12 BST", None).last().unwrap().0,
            "09.12 BST"
        );
        assert_eq!(dates("at 4.30pm", None)[0].0, "4.30pm");
        assert!(dates("a 6.3 magnitude quake", None).is_empty());
    }

    #[test]
    fn clock_times_financial_years_quarters_and_parts_of_days() {
        let texts = [
            ("November 5, 2024, 2:31 AM", "2:31 AM"),
            ("landed at 4.45pm Singapore time", "4.45pm Singapore time"),
            ("from 8am until noon", "8am"),
            ("the 2024/25 budget", "2024/25"),
            ("in the September quarter", "September quarter"),
            ("on the night of May 21", "night of May 21"),
        ];
        for (text, expected) in texts {
            assert_eq!(
                dates(text, None).last().map(|d| d.0.clone()).as_deref(),
                Some(expected),
                "{text}"
            );
        }
        assert_eq!(
            dates("the 2024/25 budget", None)[0].1.as_deref(),
            Some("2024")
        );
    }

    #[test]
    fn a_possessive_does_not_glue_a_weekday_to_a_word() {
        let published = d(2024, 7, 5); // a Friday
        assert_eq!(
            dates("in Thursday's election and Friday’s count", published),
            [
                ("Thursday".to_owned(), Some("2024-07-04".to_owned())),
                ("Friday".to_owned(), Some("2024-07-05".to_owned()))
            ]
        );
    }

    #[test]
    fn not_dates() {
        assert!(
            dates(
                "It may rain. 1500 troops. the coming weeks, last week, 48 hours",
                None
            )
            .is_empty()
        );
        assert!(dates("12,2024 and A2024", None).is_empty());
    }
}
