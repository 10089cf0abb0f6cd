//! Sentence boundaries: abbreviation-aware, with hard line breaks inside a paragraph joined.

use super::token::{Token, TokenKind};
use crate::extract::lexicon::lexicon;
use crate::span::Span;

/// One sentence: its byte span and the range of tokens it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// From its first to its last token.
    pub span: Span,
    /// Indices into the article's token list.
    pub tokens: std::ops::Range<usize>,
}

lexicon!(
    /// Words that end in a period without ending a sentence.
    static ABBREVIATIONS = "abbreviations.txt", "title-abbreviations.txt"
);

lexicon!(
    /// Capitalised words that begin a new sentence even after an abbreviation like `U.S.`.
    static SENTENCE_STARTERS = "sentence-starters.txt"
);

const CLOSERS: [char; 7] = ['”', '"', '’', '\'', ')', ']', '»'];
const TERMINALS: [char; 4] = ['.', '!', '?', '…'];

/// Splits tokens into sentences.
#[must_use]
pub fn split(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for i in 0..tokens.len() {
        let ends_here = i + 1 == tokens.len() || boundary_after(text, tokens, i);
        if ends_here && i >= start {
            sentences.push(Sentence {
                span: Span::new(tokens[start].span().start, tokens[i].span().end),
                tokens: start..i + 1,
            });
            start = i + 1;
        }
    }
    sentences
}

/// Whether a sentence ends after token `i`.
fn boundary_after(text: &str, tokens: &[Token], i: usize) -> bool {
    let next = &tokens[i + 1];
    if next.newlines_before >= 2 {
        return true;
    }
    let current = &tokens[i];
    if next.newlines_before == 1 {
        return line_break_ends_sentence(text, current, next);
    }
    // Closing quotes and brackets belong to the sentence they close.
    if next.kind == TokenKind::Punct && next.text(text).starts_with(CLOSERS) && !next.space_before {
        return false;
    }
    let Some(terminal) = last_terminal(text, tokens, i) else {
        // A dotted abbreviation (`U.S.`) may itself end a sentence.
        return is_dotted_abbreviation(current.text(text))
            && next.space_before
            && starts_sentence(text, next);
    };
    if !next.space_before || !opens_sentence(text, next) {
        return false;
    }
    if tokens[terminal].is_punct(text, '.') && terminal > 0 && !tokens[terminal].space_before {
        let before = &tokens[terminal - 1];
        let word = before.text(text);
        let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        let is_abbreviation = ABBREVIATIONS.contains(word);
        if before.kind == TokenKind::Word
            && (is_initial || is_abbreviation)
            && !starts_sentence(text, next)
        {
            return false;
        }
    }
    true
}

/// The index of a terminal punctuation mark at `i`, possibly followed by closers up to `i`.
fn last_terminal(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let mut j = i;
    loop {
        let t = &tokens[j];
        if t.kind != TokenKind::Punct {
            return None;
        }
        let s = t.text(text);
        if s.starts_with(TERMINALS) {
            return Some(j);
        }
        if !s.starts_with(CLOSERS) || j == 0 || t.space_before {
            return None;
        }
        j -= 1;
    }
}

/// A single line break ends a sentence unless the text clearly runs on: the next line starts
/// in lower case, or the line breaks after a comma or hyphen.
fn line_break_ends_sentence(text: &str, current: &Token, next: &Token) -> bool {
    if next.is_lowercase() {
        return false;
    }
    !(current.kind == TokenKind::Punct && current.text(text).starts_with([',', '-', '(', '“']))
}

/// Whether `token` can open a sentence: a capital, a digit, an opening quote or a bullet.
fn opens_sentence(text: &str, token: &Token) -> bool {
    match token.kind {
        TokenKind::Word => {
            token.is_capitalized() || !token.text(text).starts_with(char::is_lowercase)
        }
        TokenKind::Number => true,
        TokenKind::Punct => token
            .text(text)
            .starts_with(['“', '"', '‘', '\'', '(', '[', '•', '-', '–', '—', '*']),
        TokenKind::Possessive | TokenKind::Url => false,
    }
}

fn starts_sentence(text: &str, token: &Token) -> bool {
    SENTENCE_STARTERS.contains(token.text(text))
        || token.kind == TokenKind::Punct && opens_sentence(text, token)
}

fn is_dotted_abbreviation(word: &str) -> bool {
    word.len() >= 4 && word.ends_with('.') && word.matches('.').count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        split(text, &tokens)
            .iter()
            .map(|s| &text[s.span.start..s.span.end])
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation_with_closing_quotes() {
        assert_eq!(
            sentences("“We are concerned,” Savett said. He added more! Is it true? Yes."),
            [
                "“We are concerned,” Savett said.",
                "He added more!",
                "Is it true?",
                "Yes."
            ]
        );
        assert_eq!(
            sentences("He said “it is over.” Then he left."),
            ["He said “it is over.”", "Then he left."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sentences(
                "The U.S. and the U.N. met Gen. Smith on Oct. 3 with John F. Kennedy Jr. present."
            ),
            ["The U.S. and the U.N. met Gen. Smith on Oct. 3 with John F. Kennedy Jr. present."]
        );
        assert_eq!(
            sentences("Troops left the U.S. The next day they landed."),
            ["Troops left the U.S.", "The next day they landed."]
        );
    }

    #[test]
    fn hard_line_breaks_inside_a_paragraph_do_not_split() {
        assert_eq!(
            sentences("the involvement is seen\nas a significant escalation. Next one."),
            [
                "the involvement is seen\nas a significant escalation.",
                "Next one."
            ]
        );
        assert_eq!(
            sentences("their sovereign t\nerritory and more."),
            ["their sovereign t\nerritory and more."]
        );
    }

    #[test]
    fn headings_and_paragraphs_split() {
        assert_eq!(
            sentences("Troops Sent to Russia\n\nWASHINGTON: Kirby spoke.\nSecond paragraph here."),
            [
                "Troops Sent to Russia",
                "WASHINGTON: Kirby spoke.",
                "Second paragraph here."
            ]
        );
        assert_eq!(
            sentences("Headline Without Stop\nBody starts here."),
            ["Headline Without Stop", "Body starts here."]
        );
    }

    #[test]
    fn decimals_and_lowercase_continuations() {
        assert_eq!(
            sentences("It grew 1.5 percent. Then it fell."),
            ["It grew 1.5 percent.", "Then it fell."]
        );
        assert_eq!(
            sentences("Some, e.g. this one, stay whole."),
            ["Some, e.g. this one, stay whole."]
        );
    }
}
