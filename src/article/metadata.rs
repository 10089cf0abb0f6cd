//! What an article says about itself: its title (first heading line) and publication date.

use chrono::NaiveDateTime;

use super::boilerplate::Boilerplate;
use crate::calendar;

/// Headlines are short and do not end like a sentence.
const MAX_TITLE_WORDS: usize = 25;

/// How far into the text a publication date is looked for: datelines sit near the top.
const DATE_SEARCH_LINES: usize = 15;

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
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .take(DATE_SEARCH_LINES)
        .filter(|line| line.split_whitespace().count() <= 12)
        .find_map(calendar::find_full_date)
        .map(|(date, time)| calendar::to_datetime(date, time))
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
    fn dateline_near_the_top() {
        let text = "Headline\n\nWednesday, 16 October 2024, 02:55\nBody mentions 1 May 2023 later.";
        assert_eq!(
            publication_date(text).unwrap().to_string(),
            "2024-10-16 02:55:00"
        );
        assert_eq!(publication_date("No date here.\nNone at all."), None);
    }
}
