//! Calendar words (months, weekdays) and the full-date patterns that article metadata and
//! date extraction share.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use regex::Regex;

/// The month (1–12) a word names: `October`, `Oct`, `Oct.`, `SEPT`.
#[must_use]
pub fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [(&str, &str); 12] = [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may", "may"),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ];
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|&(full, abbr)| {
            lower == full || lower == abbr || (abbr == "sep" && lower == "sept")
        })
        .map(|i| i as u32 + 1)
}

/// The weekday a word names (`Friday`, `Fri`, `Fri.`, `Thurs`), Monday = 0.
#[must_use]
pub fn weekday_index(word: &str) -> Option<u32> {
    const DAYS: [(&str, &str); 7] = [
        ("monday", "mon"),
        ("tuesday", "tue"),
        ("wednesday", "wed"),
        ("thursday", "thu"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    ];
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    DAYS.iter()
        .position(|&(full, abbr)| {
            lower == full
                || lower == abbr
                || (lower.len() > 3
                    && full.starts_with(&lower)
                    && lower.len() < full.len()
                    && lower.len() <= 5)
        })
        .map(|i| i as u32)
}

const MONTH_RE: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

/// Full dates with a year: `16 October 2024`, `October 16, 2024`, `2024-10-16`, `16/10/2024`
/// is left out on purpose (day/month order is ambiguous).
static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTH_RE})\s*,?\s+(?P<y1>\d{{4}})|(?P<m2>{MONTH_RE})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<y2>\d{{4}})|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))\b(?:\s*(?:,|at|-|–|\|)?\s*(?P<h>\d{{1,2}})[:.](?P<min>\d{{2}})\s*(?P<ampm>[ap]\.?m\.?)?)?"
    ))
    .unwrap()
});

/// The first full date (and time, when given right after it) found in `text`.
#[must_use]
pub fn find_full_date(text: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    FULL_DATE.captures_iter(text).find_map(|caps| {
        let pick = |names: [&str; 3]| names.iter().find_map(|n| caps.name(n)).map(|m| m.as_str());
        let year: i32 = pick(["y1", "y2", "y3"])?.parse().ok()?;
        let day: u32 = pick(["d1", "d2", "d3"])?.parse().ok()?;
        let month_text = pick(["m1", "m2", "m3"])?;
        let month = month_text
            .parse()
            .ok()
            .or_else(|| month_number(month_text))?;
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        let time = caps.name("h").zip(caps.name("min")).and_then(|(h, m)| {
            let mut hour: u32 = h.as_str().parse().ok()?;
            if let Some(ampm) = caps.name("ampm") {
                let pm = ampm.as_str().to_ascii_lowercase().starts_with('p');
                hour = match (hour, pm) {
                    (12, false) => 0,
                    (h, true) if h < 12 => h + 12,
                    (h, _) => h,
                };
            }
            NaiveTime::from_hms_opt(hour, m.as_str().parse().ok()?, 0)
        });
        Some((date, time))
    })
}

/// A wire dateline's date at the start of a line, the year often left out: `SEOUL, October
/// 18, 2024 —`, `Feb. 7 (UPI) --`, `WASHINGTON, Jan 3 (Reuters) -`. Gives the month, the day
/// and the year when written.
static WIRE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}})?,\s+)?(?P<m>{MONTH_RE})\s+(?P<d>\d{{1,2}})(?:,\s+(?P<y>\d{{4}}))?\s*(?:\([^)\n]{{2,40}}\)\s*)?(?:—|–|--|-)\s"
    ))
    .unwrap()
});

/// The month, day and (when written) year of a wire dateline opening `line`.
#[must_use]
pub fn wire_dateline_date(line: &str) -> Option<(u32, u32, Option<i32>)> {
    let caps = WIRE_DATELINE.captures(line)?;
    let month = month_number(caps.name("m")?.as_str())?;
    let day: u32 = caps.name("d")?.as_str().parse().ok()?;
    let year = caps.name("y").and_then(|y| y.as_str().parse().ok());
    (1..=31).contains(&day).then_some((month, day, year))
}

/// A date in a web address's path: `/2024/08/14/`.
static URL_PATH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$)").unwrap()
});

/// The date a web address's path holds, if any.
#[must_use]
pub fn url_path_date(url: &str) -> Option<NaiveDate> {
    let caps = URL_PATH_DATE.captures(url)?;
    NaiveDate::from_ymd_opt(
        caps["y"].parse().ok()?,
        caps["m"].parse().ok()?,
        caps["d"].parse().ok()?,
    )
}

/// A publication timestamp as an article states it.
#[must_use]
pub fn to_datetime(date: NaiveDate, time: Option<NaiveTime>) -> NaiveDateTime {
    date.and_time(time.unwrap_or(NaiveTime::MIN))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_and_weekday_words() {
        assert_eq!(month_number("October"), Some(10));
        assert_eq!(month_number("Oct."), Some(10));
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("Mar"), Some(3));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Octopus"), None);
        assert_eq!(weekday_index("Friday"), Some(4));
        assert_eq!(weekday_index("Wed."), Some(2));
        assert_eq!(weekday_index("Sun"), Some(6));
        assert_eq!(weekday_index("Fried"), None);
    }

    #[test]
    fn full_dates_in_common_layouts() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(
            find_full_date("Wednesday, 16 October 2024, 02:55"),
            Some((d(2024, 10, 16), t(2, 55)))
        );
        assert_eq!(
            find_full_date("Published Oct. 3, 2024 at 9:05 pm"),
            Some((d(2024, 10, 3), t(21, 5)))
        );
        assert_eq!(
            find_full_date("Updated: 2024-11-01"),
            Some((d(2024, 11, 1), None))
        );
        assert_eq!(find_full_date("November 31, 2024"), None);
        assert_eq!(find_full_date("in 2024 the troops"), None);
    }
}
