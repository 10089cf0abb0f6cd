//! Anchors: a byte range plus the quoted words around it, and finding those words again
//! when an article's text changes (exact quote first, then a bounded fuzzy match).

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How many characters of context a quote keeps on each side: enough to tell repeated
/// phrases apart, short enough to survive nearby edits.
pub const CONTEXT_CHARS: usize = 32;

/// The words of an anchor and a little of what surrounds them, as in the W3C
/// `TextQuoteSelector`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// The anchored text itself.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] characters just before it.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters just after it.
    pub suffix: String,
}

impl Quote {
    /// The quote of `span` in `text`; `None` when the span is not a valid range of it.
    #[must_use]
    pub fn capture(text: &str, span: Span) -> Option<Self> {
        let exact = span.text(text)?;
        let before = &text[..span.start];
        let after = &text[span.end..];
        let prefix_start = before
            .char_indices()
            .rev()
            .nth(CONTEXT_CHARS - 1)
            .map_or(0, |(i, _)| i);
        let suffix_end = after
            .char_indices()
            .nth(CONTEXT_CHARS)
            .map_or(after.len(), |(i, _)| i);
        Some(Self {
            exact: exact.to_owned(),
            prefix: before[prefix_start..].to_owned(),
            suffix: after[..suffix_end].to_owned(),
        })
    }
}

/// Where something sits in an article: its byte range, and its quote to find it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    /// The byte range in the article's text; `None` when the article changed and the quote
    /// could not be found in it any more (the anchor is orphaned but kept).
    pub span: Option<Span>,
    /// The words, as they were when last placed.
    pub quote: Quote,
}

impl Anchor {
    /// An anchor on `span` of `text`; `None` when the span is not a valid range of it.
    #[must_use]
    pub fn capture(text: &str, span: Span) -> Option<Self> {
        Quote::capture(text, span).map(|quote| Self {
            span: Some(span),
            quote,
        })
    }
}

/// Where a quote was found in new text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    /// The range it now covers.
    pub span: Span,
    /// Character edits between the quote and the text found: 0 for an exact match.
    pub edits: usize,
}

/// The most edits a fuzzy match may need, as a share of the quote's length: a quarter lets a
/// reflowed sentence or a corrected figure through, not a different sentence.
const MAX_EDITS_DIVISOR: usize = 4;

/// Quotes shorter than this (a name, a date word) must match exactly: one edit turns
/// `Friday` into `Fridays` or one surname into another.
const MIN_FUZZY_CHARS: usize = 8;

/// Finds `quote` in `text`. Every exact occurrence is scored by how much of the prefix and
/// suffix it keeps, then by closeness to `near` (the old byte offset); without an exact
/// occurrence the closest approximate match within a quarter of the quote's length in edits
/// is taken (for quotes of at least eight characters). `None` when neither works.
#[must_use]
pub fn locate(quote: &Quote, text: &str, near: Option<usize>) -> Option<Placement> {
    locate_exact(quote, text, near).or_else(|| locate_fuzzy(quote, text, near))
}

/// Finds `quote` word for word in `text`, preferring the occurrence that keeps most of its
/// context, then the one nearest `near`.
#[must_use]
pub fn locate_exact(quote: &Quote, text: &str, near: Option<usize>) -> Option<Placement> {
    if quote.exact.is_empty() {
        return None;
    }
    // Most anchors of a changed article are where they were, context and all: no search.
    if let Some(start) = near
        && let Some(end) = start.checked_add(quote.exact.len())
        && text.get(start..end) == Some(quote.exact.as_str())
        && text[..start].ends_with(quote.prefix.as_str())
        && text[end..].starts_with(quote.suffix.as_str())
    {
        return Some(Placement {
            span: Span::new(start, end),
            edits: 0,
        });
    }
    let mut best: Option<(usize, usize, Span)> = None; // (context kept, distance from `near`, span)
    let mut from = 0;
    while let Some(found) = text[from..].find(&quote.exact) {
        let start = from + found;
        let span = Span::new(start, start + quote.exact.len());
        let context = common_suffix_chars(&quote.prefix, &text[..span.start])
            + common_prefix_chars(&quote.suffix, &text[span.end..]);
        let distance = near.map_or(0, |n| n.abs_diff(start));
        if best.is_none_or(|(kept, dist, _)| context > kept || (context == kept && distance < dist))
        {
            best = Some((context, distance, span));
        }
        // Step one character, not past the match: occurrences may overlap.
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    best.map(|(_, _, span)| Placement { span, edits: 0 })
}

fn common_prefix_chars(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn common_suffix_chars(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// How far around its expected place an approximate match is looked for, in bytes beyond
/// the quote's length on each side (at least; four quote lengths when that is more).
const FUZZY_WINDOW: usize = 4096;

/// The most text × quote characters an approximate search over the whole text may cost
/// when there is no expected place to search around.
const FUZZY_BUDGET: usize = 50_000_000;

/// Finds the closest approximate match of `quote` (see [`locate`]). The search costs
/// O(text × quote), so with `near` it covers only a window around that offset; without, the
/// whole text, if that is small enough.
#[must_use]
pub fn locate_fuzzy(quote: &Quote, text: &str, near: Option<usize>) -> Option<Placement> {
    let quote_chars = quote.exact.chars().count();
    if quote_chars < MIN_FUZZY_CHARS {
        return None;
    }
    let (from, to) = match near {
        Some(near) => {
            let reach = FUZZY_WINDOW.max(4 * quote.exact.len());
            let from = floor_char_boundary(text, near.saturating_sub(reach));
            let to = floor_char_boundary(text, near.saturating_add(quote.exact.len() + reach));
            (from, to)
        }
        None if text.len().saturating_mul(quote_chars) <= FUZZY_BUDGET => (0, text.len()),
        None => return None,
    };
    locate_fuzzy_in(quote, &text[from..to], near.map(|n| n.saturating_sub(from))).map(|placed| {
        Placement {
            span: Span::new(placed.span.start + from, placed.span.end + from),
            edits: placed.edits,
        }
    })
}

/// The largest char boundary of `text` at or before `offset`.
fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Approximate substring search (Sellers' algorithm): edit distance between the quote and
/// every substring of the text, in O(text × quote) time, tracking where each match starts.
fn locate_fuzzy_in(quote: &Quote, text: &str, near: Option<usize>) -> Option<Placement> {
    let pattern: Vec<char> = quote.exact.chars().collect();
    let max_edits = pattern.len() / MAX_EDITS_DIVISOR;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |index: usize| chars.get(index).map_or(text.len(), |&(offset, _)| offset);

    // cost[i]: edits to match pattern[..i] ending at the current text position; origin[i]: the
    // text index where that match starts.
    let mut cost: Vec<usize> = (0..=pattern.len()).collect();
    let mut origin = vec![0usize; pattern.len() + 1];
    // (away from `near`, edits, distance from `near`, span): a match where the text is
    // expected beats a closer one elsewhere (a changed figure in one sentence must not send its
    // claim to the next sentence, which differs by one digit).
    let reach = quote.exact.len();
    let mut best: Option<(bool, usize, usize, Span)> = None;
    for (j, &(_, c)) in chars.iter().enumerate() {
        let (mut diagonal_cost, mut diagonal_origin) = (cost[0], origin[0]);
        origin[0] = j + 1; // a match may start anywhere: the empty prefix costs nothing
        for i in 1..=pattern.len() {
            let substitute = (
                diagonal_cost + usize::from(pattern[i - 1] != c),
                diagonal_origin,
            );
            let skip_text = (cost[i] + 1, origin[i]);
            let skip_pattern = (cost[i - 1] + 1, origin[i - 1]);
            let (next_cost, next_origin) =
                [skip_text, skip_pattern]
                    .into_iter()
                    .fold(
                        substitute,
                        |acc, option| if option.0 < acc.0 { option } else { acc },
                    );
            (diagonal_cost, diagonal_origin) = (cost[i], origin[i]);
            (cost[i], origin[i]) = (next_cost, next_origin);
        }
        let edits = cost[pattern.len()];
        if edits <= max_edits && origin[pattern.len()] <= j {
            let span = Span::new(byte_at(origin[pattern.len()]), byte_at(j + 1));
            let distance = near.map_or(0, |n| n.abs_diff(span.start));
            let candidate = (distance > reach, edits, distance, span);
            if best.is_none_or(|b| (candidate.0, candidate.1, candidate.2) < (b.0, b.1, b.2)) {
                best = Some(candidate);
            }
        }
    }
    best.map(|(_, edits, _, span)| Placement { span, edits })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote_of(text: &str, exact: &str) -> Quote {
        let start = text.find(exact).unwrap();
        Quote::capture(text, Span::new(start, start + exact.len())).unwrap()
    }

    #[test]
    fn capture_keeps_context_in_characters_not_bytes() {
        let text = format!("{}said «12,000» troops{}", "é".repeat(40), "ü".repeat(40));
        let start = text.find("12,000").unwrap();
        let quote = Quote::capture(&text, Span::new(start, start + 6)).unwrap();
        assert_eq!(quote.exact, "12,000");
        assert_eq!(quote.prefix.chars().count(), CONTEXT_CHARS);
        assert!(quote.prefix.ends_with("said «"));
        assert_eq!(quote.suffix.chars().count(), CONTEXT_CHARS);
        assert!(quote.suffix.starts_with("» troops"));
        assert!(
            Quote::capture(&text, Span::new(1, 2)).is_none(),
            "inside a two-byte char"
        );
        assert!(Quote::capture(&text, Span::new(0, text.len() + 1)).is_none());
    }

    #[test]
    fn unchanged_text_places_exactly() {
        let text = "Kirby said at least 3,000 soldiers moved.";
        let quote = quote_of(text, "at least 3,000");
        let placed = locate(&quote, text, Some(11)).unwrap();
        assert_eq!(
            placed,
            Placement {
                span: Span::new(11, 25),
                edits: 0
            }
        );
    }

    #[test]
    fn inserted_text_before_moves_the_anchor() {
        let old = "Kirby said at least 3,000 soldiers moved.";
        let quote = quote_of(old, "at least 3,000");
        let new = "UPDATED: Officials added detail. Kirby said at least 3,000 soldiers moved.";
        let placed = locate(&quote, new, Some(11)).unwrap();
        assert_eq!(placed.span.text(new), Some("at least 3,000"));
        assert_eq!(placed.edits, 0);
    }

    #[test]
    fn repeated_quote_is_told_apart_by_its_context() {
        let old = "Seoul said 12,000 troops. Later Kyiv said 12,000 troops as well.";
        let second = old.rfind("12,000 troops").unwrap();
        let quote = Quote::capture(old, Span::new(second, second + 13)).unwrap();
        // Both occurrences move, and the one nearest the old offset is now the wrong one.
        let new = "Seoul said 12,000 troops. Later Kyiv said 12,000 troops as well. Moscow said 12,000 troops.";
        let placed = locate(&quote, new, Some(0)).unwrap();
        assert_eq!(
            placed.span.start,
            new.find("Kyiv said 12,000").unwrap() + 10
        );
    }

    #[test]
    fn equal_context_prefers_the_occurrence_nearest_the_old_offset() {
        let text = "x 10,000 y. x 10,000 y.";
        let quote = Quote {
            exact: "10,000".into(),
            prefix: String::new(),
            suffix: String::new(),
        };
        assert_eq!(locate(&quote, text, Some(13)).unwrap().span.start, 14);
        assert_eq!(locate(&quote, text, Some(0)).unwrap().span.start, 2);
    }

    #[test]
    fn edited_figure_and_reflowed_line_are_found_fuzzily() {
        let old =
            "Intro.\nThe NSC said 10,000 North Korean troops\nwere sent to eastern Russia. Outro.";
        let exact = "The NSC said 10,000 North Korean troops\nwere sent to eastern Russia.";
        let quote = quote_of(old, exact);
        let new = "Intro. Extra.\nThe NSC said 11,000 North Korean troops were sent to eastern Russia. Outro.";
        let placed = locate(&quote, new, Some(7)).unwrap();
        assert_eq!(
            placed.span.text(new),
            Some("The NSC said 11,000 North Korean troops were sent to eastern Russia.")
        );
        assert_eq!(placed.edits, 2);
    }

    #[test]
    fn fuzzy_spans_land_on_char_boundaries() {
        let old = "Der Sprecher sagte: „Zwölftausend Soldaten“ seien verlegt worden.";
        let quote = quote_of(old, "„Zwölftausend Soldaten“ seien verlegt");
        let new = "Der Sprecher sagte: „Zwölftausend Soldaten“ wären verlegt worden.";
        let placed = locate(&quote, new, None).unwrap();
        let found = placed.span.text(new).expect("on char boundaries");
        assert!(
            found.starts_with('„') && found.ends_with("verlegt"),
            "{found}"
        );
    }

    #[test]
    fn vanished_text_is_not_placed() {
        let old = "Kirby said at least 3,000 soldiers moved east by rail.";
        let quote = quote_of(old, "at least 3,000 soldiers moved east by rail");
        assert_eq!(
            locate(
                &quote,
                "The ministry declined to comment on reports.",
                Some(11)
            ),
            None
        );
        let empty = Quote {
            exact: String::new(),
            prefix: String::new(),
            suffix: String::new(),
        };
        assert_eq!(locate(&empty, old, None), None);
    }

    #[test]
    fn short_quotes_need_an_exact_match() {
        let quote = Quote {
            exact: "Kirby".into(),
            prefix: String::new(),
            suffix: String::new(),
        };
        assert_eq!(locate(&quote, "Kerby spoke.", None), None);
        let longer = Quote {
            exact: "Savett remarked".into(),
            prefix: String::new(),
            suffix: String::new(),
        };
        assert!(locate(&longer, "Savet remarked", None).is_some());
    }
}
