//! Byte ranges into an article's text, the one coordinate system every layer shares.

use serde::{Deserialize, Serialize};

/// A half-open range of UTF-8 byte offsets, `start..end`, into an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Length in bytes.
    #[must_use]
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// Whether the two spans share at least one byte.
    #[must_use]
    pub const fn overlaps(self, other: Self) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies entirely inside this span.
    #[must_use]
    pub const fn contains(self, other: Self) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The span widened to whole words of `text` and trimmed of surrounding whitespace: a
    /// selection dragged from mid-word to mid-word covers the words it touches (`ounced
    /// that 12,0` → `announced that 12,000`). Out of range or off a char boundary, unchanged.
    #[must_use]
    pub fn snapped_to_words(self, text: &str) -> Self {
        let Some(inner) = text.get(self.start..self.end) else {
            return self;
        };
        let mut start = self.start + (inner.len() - inner.trim_start().len());
        let mut end = self.end - (inner.len() - inner.trim_end().len());
        if start >= end {
            return self;
        }
        while start > 0 && in_word(text, start) {
            let before = start - text[..start].chars().next_back().map_or(1, char::len_utf8);
            if !in_word(text, before) {
                break;
            }
            start = before;
        }
        while end < text.len() && in_word(text, end) {
            let before = end - text[..end].chars().next_back().map_or(1, char::len_utf8);
            if !in_word(text, before) {
                break;
            }
            end += text[end..].chars().next().map_or(1, char::len_utf8);
        }
        Self::new(start, end)
    }

    /// The text this span covers; `None` when it is out of range or not on char boundaries.
    #[must_use]
    pub fn text(self, text: &str) -> Option<&str> {
        text.get(self.start..self.end)
    }
}

/// Whether the char at byte `at` of `text` belongs to a word: a letter, digit, apostrophe
/// or hyphen, or a `,` or `.` between two letters or digits (`12,000`, `U.S`).
fn in_word(text: &str, at: usize) -> bool {
    let Some(c) = text[at..].chars().next() else {
        return false;
    };
    if c.is_alphanumeric() || matches!(c, '\'' | '’' | '-') {
        return true;
    }
    matches!(c, ',' | '.')
        && text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        && text[at + 1..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

impl From<std::ops::Range<usize>> for Span {
    fn from(range: std::ops::Range<usize>) -> Self {
        Self::new(range.start, range.end)
    }
}

#[cfg(test)]
mod tests {
    use super::Span;

    fn snap(text: &str, from: &str, to: &str) -> String {
        let start = text.find(from).unwrap();
        let end = text.find(to).unwrap() + to.len();
        let span = Span::new(start, end).snapped_to_words(text);
        text[span.start..span.end].to_owned()
    }

    #[test]
    fn a_selection_snaps_to_the_words_it_touches() {
        let text = "Officials announced that 12,000 troops, and the U.S. agreed.";
        assert_eq!(snap(text, "ounced", "12,0"), "announced that 12,000");
        assert_eq!(snap(text, "ficials", "ann"), "Officials announced");
        // Whole words stay as they are; the comma after a word is not pulled in.
        assert_eq!(snap(text, "12,000", "troops"), "12,000 troops");
        assert_eq!(snap(text, "12,000", "troop"), "12,000 troops");
        assert_eq!(snap(text, "the U", "U"), "the U.S");
        // Whitespace around the selection is dropped.
        assert_eq!(snap(text, " that", "that "), "that");
    }

    #[test]
    fn a_span_off_the_text_is_left_alone() {
        let span = Span::new(5, 50);
        assert_eq!(span.snapped_to_words("short"), span);
        let text = "Київ said";
        assert_eq!(Span::new(1, 4).snapped_to_words(text), Span::new(1, 4));
    }
}
