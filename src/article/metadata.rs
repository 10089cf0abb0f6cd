//! What an article says about itself: its title (first heading line), publication date and
//! the outlet that published it.

use chrono::NaiveDateTime;

use super::boilerplate::Boilerplate;
use crate::calendar;

/// Headlines are short and do not end like a sentence.
const MAX_TITLE_WORDS: usize = 25;

/// How far into the text a publication date is looked for: datelines sit near the top.
const DATE_SEARCH_LINES: usize = 15;

/// A date line is a date, perhaps a time and a label (`Updated On -`), nothing more.
const MAX_DATE_LINE_WORDS: usize = 8;

/// The first heading line: a Markdown `#` heading, or the first content line when it reads
/// like a headline (short, not ending in sentence punctuation). `None` when the article opens
/// straight into a paragraph.
#[must_use]
pub fn heading_title(text: &str, boilerplate: &[Boilerplate]) -> Option<String> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
        let metadata = content.starts_with("Source: http");
        if content.is_empty()
            || metadata
            || boilerplate
                .iter()
                .any(|b| b.span.start >= start && b.span.start < offset)
        {
            continue;
        }
        if let Some(heading) = content.strip_prefix('#') {
            return Some(heading.trim_start_matches('#').trim().to_owned())
                .filter(|h| !h.is_empty());
        }
        let words = content.split_whitespace().count();
        let sentence_end = content.ends_with(['.', ':', ';', ',']);
        return (words <= MAX_TITLE_WORDS && !sentence_end).then(|| content.to_owned());
    }
    None
}

/// The publication date and time, when one of the first lines is a dateline
/// (`Wednesday, 16 October 2024, 02:55`, `Published: Oct. 3, 2024`).
#[must_use]
pub fn publication_date(text: &str) -> Option<NaiveDateTime> {
    let head = || {
        text.lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .take(DATE_SEARCH_LINES)
    };
    head()
        .filter(|line| line.split_whitespace().count() <= 12)
        .find_map(calendar::find_full_date)
        .map(|(date, time)| calendar::to_datetime(date, time))
        .or_else(|| {
            head()
                .find_map(|line| {
                    let address = line.strip_prefix("Source:")?.trim();
                    calendar::url_path_date(address)
                })
                .map(|date| calendar::to_datetime(date, None))
        })
        .or_else(|| wire_dateline_date(text, head()))
}

/// The date of a wire dateline near the top (`SEOUL, October 18, 2024 —`, `Feb. 7 (UPI)
/// --`); a year left out is the one the address gives, else the latest year the text
/// names up to the dateline's own month and day.
fn wire_dateline_date<'t>(
    text: &str,
    mut head: impl Iterator<Item = &'t str>,
) -> Option<NaiveDateTime> {
    let (month, day, year) = head.find_map(calendar::wire_dateline_date)?;
    let year = year.or_else(|| year_in_context(text))?;
    let date = chrono::NaiveDate::from_ymd_opt(year, month, day)?;
    Some(calendar::to_datetime(date, None))
}

/// The year a text without one in its dateline is most likely from: the most recent
/// four-digit year from 1900 to 2099 it names.
fn year_in_context(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|digits| digits.len() == 4)
        .filter_map(|digits| digits.parse::<i32>().ok())
        .filter(|year| (1900..2100).contains(year))
        .max()
}

/// Where the page's own date line ends (`November 5, 2024, 2:31 AM`, `Updated On - 25
/// November 2024, 05:05 PM`): a short line near the top that is a date and no sentence.
/// What stands above it, under the headline, is the page's summary (standfirst).
#[must_use]
pub fn date_line_end(text: &str) -> Option<usize> {
    let mut offset = 0;
    let mut seen = 0;
    for line in text.split_inclusive('\n') {
        let end = offset + line.len();
        offset = end;
        let content = line.trim();
        if content.is_empty() {
            continue;
        }
        seen += 1;
        if seen > DATE_SEARCH_LINES {
            return None;
        }
        if content.split_whitespace().count() <= MAX_DATE_LINE_WORDS
            && !content.ends_with(['.', '!', '?', '"', '”'])
            && calendar::find_full_date(content).is_some()
        {
            return Some(end);
        }
    }
    None
}

/// How many lines at either end of the text are searched for the outlet.
const OUTLET_SEARCH_LINES: usize = 12;

/// The outlet that published the article when its text says so: a `Source:`, `Publisher:`
/// or `Published by` line (a name, or an address whose host is taken), or a wire dateline
/// (`ANKARA, Feb 7 (Reuters) -`).
#[must_use]
pub fn outlet(text: &str) -> Option<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    let head = &lines[..lines.len().min(OUTLET_SEARCH_LINES)];
    let tail = &lines[lines.len().saturating_sub(OUTLET_SEARCH_LINES)..];
    head.iter()
        .chain(tail)
        .find_map(|line| labelled_outlet(line))
        .or_else(|| head.iter().find_map(|line| wire_dateline(line)))
}

/// `Source: Reuters`, `Publisher: Kyiv Independent`, `Published by: AP`,
/// `Source: https://www.reuters.com/world/…` → `reuters.com`.
fn labelled_outlet(line: &str) -> Option<String> {
    let (label, value) = line.split_once(':')?;
    let label = label.trim().to_ascii_lowercase();
    if !matches!(
        label.as_str(),
        "source" | "publisher" | "published by" | "outlet" | "publication"
    ) {
        return None;
    }
    let value = value.trim();
    // `//` after the label's colon: the value was a bare address such as `https://…`.
    if value.starts_with("//") {
        return host_of(&format!("{label}:{value}"));
    }
    if value.contains("://") {
        return host_of(value);
    }
    // A name is short and has no sentence in it.
    let words = value.split_whitespace().count();
    (1..=6)
        .contains(&words)
        .then(|| value.trim_end_matches('.').to_owned())
        .filter(|v| v.chars().next().is_some_and(char::is_uppercase))
}

/// The agency of a wire dateline: `CITY, Date (Agency) -` at the start of a line.
fn wire_dateline(line: &str) -> Option<String> {
    let open = line.find('(')?;
    let close = open + line[open..].find(')')?;
    let before = &line[..open];
    let after = line[close + 1..].trim_start();
    let agency = line[open + 1..close].trim();
    let city_first = before
        .split(',')
        .next()
        .is_some_and(|city| city.chars().any(char::is_alphabetic) && city == city.to_uppercase());
    let dash = after.starts_with(['-', '\u{2013}', '\u{2014}']);
    let agency_like = (1..=4).contains(&agency.split_whitespace().count())
        && agency.chars().next().is_some_and(char::is_uppercase)
        && !agency.chars().any(|c| c.is_ascii_digit());
    (before.len() <= 60 && city_first && dash && agency_like).then(|| agency.to_owned())
}

/// The host of an address, without `www.`: `https://www.reuters.com/x` → `reuters.com`.
#[must_use]
pub fn host_of(address: &str) -> Option<String> {
    let rest = address.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    host.contains('.').then(|| host.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_or_nothing() {
        assert_eq!(
            heading_title("# Troops sent\n\nBody.", &[]).as_deref(),
            Some("Troops sent")
        );
        assert_eq!(
            heading_title("\nU.S. Expresses Concern\n\nBody.", &[]).as_deref(),
            Some("U.S. Expresses Concern")
        );
        assert_eq!(
            heading_title(
                "Washington: North Korea has sent troops to Russia.\nMore.",
                &[]
            ),
            None
        );
        assert_eq!(
            heading_title("Source: https://example.org/x\nQuake Hits Turkey\n", &[]).as_deref(),
            Some("Quake Hits Turkey")
        );
    }

    #[test]
    fn wire_datelines_and_dated_addresses() {
        let date = |text: &str| publication_date(text).map(|d| d.date().to_string());
        assert_eq!(
            date("Headline\nSEOUL, October 18, 2024 — The agency said 300 died.").as_deref(),
            Some("2024-10-18")
        );
        // The year left out comes from the text.
        assert_eq!(
            date("Headline\nFeb. 7 (UPI) -- The agency said 300 died in the 2023 fighting.")
                .as_deref(),
            Some("2023-02-07")
        );
        assert_eq!(
            date("WASHINGTON, Jan 3 (Reuters) - Officials said on Friday that 2025 looks calm.")
                .as_deref(),
            Some("2025-01-03")
        );
        assert_eq!(
            date("Source: https://www.example.com/Top_News/2024/08/14/deal/5331/\nBody.")
                .as_deref(),
            Some("2024-08-14")
        );
        // No year anywhere: no date.
        assert_eq!(date("Feb. 7 (UPI) -- The agency said 300 died."), None);
        // A month and day inside a sentence is no dateline.
        assert_eq!(date("Talks resumed on May 5 - the ministry said."), None);
    }

    #[test]
    fn dateline_near_the_top() {
        let text = "Headline\n\nWednesday, 16 October 2024, 02:55\nBody mentions 1 May 2023 later.";
        assert_eq!(
            publication_date(text).unwrap().to_string(),
            "2024-10-16 02:55:00"
        );
        assert_eq!(publication_date("No date here.\nNone at all."), None);
    }

    #[test]
    fn outlet_from_labels_addresses_and_wire_datelines() {
        assert_eq!(
            outlet("Headline\n\nSource: Kyiv Independent\n\nText.").as_deref(),
            Some("Kyiv Independent")
        );
        assert_eq!(
            outlet("Quake\nSource: https://www.reuters.com/world/quake-2024/\nText.").as_deref(),
            Some("reuters.com")
        );
        assert_eq!(
            outlet("Quake hits Turkey\n\nANKARA, Feb 7 (Reuters) - Rescuers dug on.").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            outlet("Body text.\n\nPublished by: The Associated Press").as_deref(),
            Some("The Associated Press")
        );
        // A sentence that merely starts with "Source" names no outlet, nor does a bracket
        // inside a sentence.
        assert_eq!(
            outlet("Source: officials said the talks would resume next week after a pause.\n"),
            None
        );
        assert_eq!(outlet("The ministry (MoD) - said nothing.\n"), None);
        assert_eq!(outlet("Kyiv said 10,000.\n"), None);
    }
}
