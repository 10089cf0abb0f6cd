//! Where the reader starts a new line: at each paragraph, not at the hard line breaks of a
//! text wrapped at a fixed width (mail, wire copy, `fmt`). Such a text is recognised by its
//! lines: most of them nearly as long as the longest, which is at most 100 characters.

use crate::span::Span;

/// The longest line width taken for a hard wrap.
const MAX_WRAP: usize = 100;

/// The byte ranges the reader shows as one line each, without their final line break. Two
/// lines share one range (the reader shows the break inside as a space) when the sentence
/// runs on: the first does not end a sentence and the next starts in lower case. In a
/// hard-wrapped text, so do a full line and the next non-blank line that does not open a
/// list item. A range never joins lines on both sides of a `boundaries` edge.
#[must_use]
pub fn reader_lines(text: &str, boundaries: &[Span]) -> Vec<Span> {
    let lines = source_lines(text);
    // No line is "full" in a text that is not hard-wrapped.
    let full = hard_wrap_width(text, &lines).map_or(usize::MAX, |wrap| wrap * 3 / 5);
    let crosses_edge = |a: Span, b: Span| {
        boundaries.iter().any(|edge| {
            let inside = |s: Span| edge.start <= s.start && s.end <= edge.end;
            inside(a) != inside(b)
        })
    };
    let mut merged: Vec<Span> = Vec::with_capacity(lines.len());
    let mut last_line: Option<Span> = None;
    for line in lines {
        let words = &text[line.start..line.end];
        let joins = last_line.is_some_and(|previous| {
            let previous_words = text[previous.start..previous.end].trim();
            let wrapped = previous_words.chars().count() >= full
                && !words.trim().is_empty()
                && !opens_item(words);
            let runs_on = !previous_words.is_empty()
                && !ends_sentence(previous_words)
                && words.trim_start().starts_with(char::is_lowercase);
            (wrapped || runs_on) && !crosses_edge(previous, line)
        });
        match merged.last_mut() {
            Some(paragraph) if joins => paragraph.end = line.end,
            _ => merged.push(line),
        }
        last_line = Some(line);
    }
    merged
}

/// Each line of `text`, without its line break.
fn source_lines(text: &str) -> Vec<Span> {
    let mut start = 0;
    text.split_inclusive('\n')
        .map(|line| {
            let span = Span::new(start, start + line.trim_end_matches(['\n', '\r']).len());
            start += line.len();
            span
        })
        .collect()
}

/// The width `text` is wrapped at, when it is: at least four non-blank lines, the longest at
/// most [`MAX_WRAP`] characters, and most of them within a fifth of it.
fn hard_wrap_width(text: &str, lines: &[Span]) -> Option<usize> {
    let lengths: Vec<usize> = lines
        .iter()
        .map(|l| text[l.start..l.end].trim_end().chars().count())
        .filter(|&n| n > 0)
        .collect();
    let wrap = *lengths.iter().max()?;
    let near_full = lengths.iter().filter(|&&n| n * 5 >= wrap * 4).count();
    (lengths.len() >= 4 && wrap <= MAX_WRAP && near_full * 2 >= lengths.len()).then_some(wrap)
}

/// Whether `line` ends a sentence (or a clause that may stand alone): `.`, `!`, `?`, `:`,
/// `;` or `…`, maybe inside closing quotes or brackets.
fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']'])
        .ends_with(['.', '!', '?', ':', ';', '…'])
}

/// Whether a line starts a list item or a quotation of its own (`- `, `* `, `• `, `1. `,
/// `12) `, `> `), which keeps its own line.
fn opens_item(line: &str) -> bool {
    let line = line.trim_start();
    if ["- ", "* ", "• ", "> ", "– "]
        .iter()
        .any(|m| line.starts_with(m))
    {
        return true;
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&digits)
        && matches!(line[digits..].chars().next(), Some('.' | ')'))
        && line[digits + 1..].starts_with(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<String> {
        reader_lines(text, &[])
            .iter()
            .map(|s| text[s.start..s.end].replace('\n', "⏎"))
            .collect()
    }

    const WRAPPED: &str = "Pentagon update\n\
        \n\
        The Pentagon said on Tuesday that about 10,000 North Korean\n\
        troops had moved to the Kursk region, where they were\n\
        expected to join Russian units in the coming weeks, and\n\
        that the figure could grow.\n\
        \n\
        - first item of a list that stays on its own line here\n\
        - second item of the list, also on a line of its own\n";

    #[test]
    fn a_hard_wrapped_paragraph_reads_as_one_line() {
        let lines = shown(WRAPPED);
        assert_eq!(lines[0], "Pentagon update", "a short heading stays alone");
        assert_eq!(
            lines[2],
            "The Pentagon said on Tuesday that about 10,000 North Korean⏎troops had moved to the \
             Kursk region, where they were⏎expected to join Russian units in the coming weeks, \
             and⏎that the figure could grow."
        );
        assert!(lines.iter().any(|l| l.starts_with("- first")));
        assert!(
            lines.iter().any(|l| l.starts_with("- second")),
            "list items keep their lines"
        );
    }

    #[test]
    fn one_paragraph_per_line_is_left_alone() {
        let text = "Title\n\
            The first paragraph is a long line of its own, as web pages give their text, much longer than any mail wraps at, going on and on.\n\
            The second paragraph is also one long line and is not joined to the first one at all, whatever it ends with\n\
            Short line.\n\
            Another paragraph that is long enough to look like a wrapped line but the text is not wrapped.\n";
        assert_eq!(reader_lines(text, &[]), source_lines(text));
    }

    #[test]
    fn crlf_lines_and_boundaries() {
        let text = "The Pentagon said on Tuesday that about 10,000 North Korean\r\n\
            troops had moved to the Kursk region, where they were ready\r\n\
            to join Russian units in the coming weeks, officials said\r\n\
            Share this article on social media and follow us for more\r\n";
        let all = reader_lines(text, &[]);
        assert_eq!(all.len(), 1, "{:?}", shown(text));
        // The last line is boilerplate: it keeps its own line.
        let last = source_lines(text)[3];
        let split = reader_lines(text, &[last]);
        assert_eq!(split.len(), 2);
        assert_eq!(split[1], last);
    }

    #[test]
    fn a_sentence_broken_mid_way_runs_on() {
        let text = "WASHINGTON — The potential involvement of North Korean forces is seen\n\
            as a significant escalation, officials said.\n\
            The next paragraph starts here.\n\
            “Quoted,” he said:\n\
            more after a colon stays apart.\n";
        let lines = shown(text);
        assert_eq!(
            lines[0],
            "WASHINGTON — The potential involvement of North Korean forces is seen⏎as a \
             significant escalation, officials said."
        );
        assert_eq!(lines[1], "The next paragraph starts here.");
        assert_eq!(lines.len(), 4, "{lines:?}");
    }

    #[test]
    fn list_markers() {
        assert!(opens_item("1. First"));
        assert!(opens_item("  12) Twelfth"));
        assert!(!opens_item("1,500 troops arrived"));
        assert!(!opens_item("2024. The year"));
    }
}
