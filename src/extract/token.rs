//! The tokenizer every rule family shares: words, numbers and punctuation with byte spans and
//! the whitespace that precedes them.

use crate::span::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits after a letter: `G7`), or a dotted abbreviation (`U.S.`).
    Word,
    /// Digits, with inner thousands separators or a decimal point: `12,000`, `1.5`.
    Number,
    /// The possessive ending `'s` / `’s`, split from its word.
    Possessive,
    /// Any other single character.
    Punct,
    /// A web address (`https://...`, `www....`): one token, never part of a name.
    Url,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it starts, in bytes (u32: an article is at most
    /// [`MAX_ARTICLE_BYTES`](crate::article::MAX_ARTICLE_BYTES), and a long text has millions
    /// of tokens, so each byte here counts).
    start: u32,
    /// Where it ends.
    end: u32,
    /// What it is.
    pub kind: TokenKind,
    /// Whitespace separates it from the previous token.
    pub space_before: bool,
    /// Line breaks in that whitespace (2 or more: a paragraph break).
    pub newlines_before: u8,
    /// The case of a word's first letter, decided once here because nearly every rule asks.
    pub initial: Initial,
}

/// The case of a word's first letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Initial {
    /// `Kirby`, `U.S.`, `Київ`.
    Upper,
    /// `said`, `troops`.
    Lower,
    /// Not a word, or a letter without case (`서울`).
    Uncased,
}

impl Initial {
    fn of(c: char) -> Self {
        if c.is_uppercase() {
            Self::Upper
        } else if c.is_lowercase() {
            Self::Lower
        } else {
            Self::Uncased
        }
    }
}

impl Token {
    /// Where it is.
    #[must_use]
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// The token's text.
    #[must_use]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start as usize..self.end as usize]
    }

    /// Whether this is the punctuation character `c`.
    #[must_use]
    pub fn is_punct(&self, text: &str, c: char) -> bool {
        self.kind == TokenKind::Punct && text[self.start as usize..].starts_with(c)
    }

    /// Whether this is a word that starts with an upper-case letter.
    #[must_use]
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && self.initial == Initial::Upper
    }

    /// Whether this is a word that starts with a lower-case letter.
    #[must_use]
    pub fn is_lowercase(&self) -> bool {
        self.kind == TokenKind::Word && self.initial == Initial::Lower
    }
}

const APOSTROPHES: [char; 2] = ['\'', '’'];

/// Splits `text` into tokens.
///
/// # Panics
/// When `text` is longer than 4 GiB (articles are capped far below).
#[must_use]
pub fn tokenize(text: &str) -> Vec<Token> {
    let offset = |at: usize| u32::try_from(at).expect("texts are capped far below 4 GiB");
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut pos = 0;
    let mut space_before = false;
    let mut newlines: u8 = 0;
    while pos < text.len() {
        let b = bytes[pos];
        // ASCII fast paths keep the tokenizer cheap on the common case.
        let c = if b < 0x80 {
            b as char
        } else {
            text[pos..].chars().next().unwrap_or(' ')
        };
        if c.is_whitespace() || c == '\u{FEFF}' {
            if c == '\n' {
                newlines = newlines.saturating_add(1);
            }
            space_before = true;
            pos += c.len_utf8();
            continue;
        }
        let start = pos;
        let kind = if let Some(end) = matches!(b, b'h' | b'w')
            .then(|| url_end(text, pos))
            .flatten()
        {
            pos = end;
            TokenKind::Url
        } else if c.is_alphabetic() {
            pos = scan_word(text, pos);
            TokenKind::Word
        } else if c.is_ascii_digit() {
            pos = scan_number(bytes, pos);
            TokenKind::Number
        } else if APOSTROPHES.contains(&c)
            && is_possessive_s(text, pos + c.len_utf8())
            && !space_before
        {
            pos += c.len_utf8() + 1;
            TokenKind::Possessive
        } else {
            pos += c.len_utf8();
            TokenKind::Punct
        };
        tokens.push(Token {
            start: offset(start),
            end: offset(pos),
            kind,
            space_before,
            newlines_before: newlines,
            initial: if kind == TokenKind::Word {
                Initial::of(c)
            } else {
                Initial::Uncased
            },
        });
        space_before = false;
        newlines = 0;
    }
    tokens
}

/// The tokens of `span` of `text`, placed in `text` (a clause tokenized on its own).
#[must_use]
pub fn tokenize_within(text: &str, span: Span) -> Vec<Token> {
    let shift = u32::try_from(span.start).expect("texts are capped far below 4 GiB");
    let mut tokens = tokenize(&text[span.start..span.end]);
    for t in &mut tokens {
        t.start += shift;
        t.end += shift;
    }
    tokens
}

/// The end of a web address starting at `pos`, if one starts there.
fn url_end(text: &str, pos: usize) -> Option<usize> {
    let rest = &text[pos..];
    let starts =
        rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.");
    starts.then(|| {
        let len = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '“' | '”'))
            .unwrap_or(rest.len());
        // Sentence punctuation right after an address is not part of it.
        pos + rest[..len]
            .trim_end_matches(['.', ',', ';', ':', ')', '!', '?'])
            .len()
    })
}

fn is_possessive_s(text: &str, after_apostrophe: usize) -> bool {
    let rest = &text[after_apostrophe..];
    rest.starts_with(['s', 'S']) && !rest[1..].chars().next().is_some_and(char::is_alphanumeric)
}

fn scan_word(text: &str, start: usize) -> usize {
    // Dotted abbreviations: U.S., U.N., p.m., e.g.
    if let Some(end) = dotted_abbreviation(text.as_bytes(), start) {
        return end;
    }
    let mut pos = start;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // A currency code glued to its amount ends before it: `Sh5.9`, `Rs200`.
        if c.is_ascii_digit() && is_currency_code(&text[start..start + i]) {
            break;
        }
        if c.is_alphanumeric() {
            pos = start + i + c.len_utf8();
        } else if APOSTROPHES.contains(&c) {
            // Inner apostrophes stay (O'Brien, don't); a possessive 's is its own token.
            let next = start + i + c.len_utf8();
            let continues = chars.peek().is_some_and(|&(_, n)| n.is_alphabetic());
            if !continues || is_possessive_s(text, next) {
                break;
            }
        } else {
            break;
        }
    }
    pos
}

crate::extract::lexicon::lexicon!(
    /// Currency codes written glued before an amount (`Sh5.9 billion`, `Rs200`, `RM50`).
    static CURRENCY_CODES = "currency-codes.txt"
);

/// Whether `word` is a currency code written before an amount.
#[must_use]
pub fn is_currency_code(word: &str) -> bool {
    CURRENCY_CODES.contains_as_written(word)
}

/// `X.Y.` (single letters each followed by a period), at least two of them.
fn dotted_abbreviation(bytes: &[u8], start: usize) -> Option<usize> {
    let mut pos = start;
    let mut letters = 0;
    while pos + 1 < bytes.len() && bytes[pos].is_ascii_alphabetic() && bytes[pos + 1] == b'.' {
        letters += 1;
        pos += 2;
        if !(pos < bytes.len() && bytes[pos].is_ascii_alphabetic()) {
            break;
        }
    }
    let followed_by_letter = pos < bytes.len() && bytes[pos].is_ascii_alphabetic();
    (letters >= 2 && !followed_by_letter).then_some(pos)
}

fn scan_number(bytes: &[u8], start: usize) -> usize {
    let mut pos = start;
    while pos < bytes.len() {
        let b = bytes[pos];
        let separator_then_digit =
            matches!(b, b',' | b'.') && pos + 1 < bytes.len() && bytes[pos + 1].is_ascii_digit();
        if b.is_ascii_digit() || separator_then_digit {
            pos += 1;
        } else {
            break;
        }
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(
            texts("Russia’s 12,000 troops."),
            ["Russia", "’s", "12,000", "troops", "."]
        );
        assert_eq!(
            texts("the U.S. and U.N. said"),
            ["the", "U.S.", "and", "U.N.", "said"]
        );
        assert_eq!(
            texts("O'Brien don't 1.5m G7"),
            ["O'Brien", "don't", "1.5", "m", "G7"]
        );
        assert_eq!(texts("DPRK-Russia ties"), ["DPRK", "-", "Russia", "ties"]);
        assert_eq!(
            texts("“If true,” he said"),
            ["“", "If", "true", ",", "”", "he", "said"]
        );
        assert_eq!(texts("15-Year-Old"), ["15", "-", "Year", "-", "Old"]);
        assert_eq!(texts("Київ і 서울"), ["Київ", "і", "서울"]);
        assert_eq!(
            texts("Source: https://example.org/Kyiv-2024. Next"),
            ["Source", ":", "https://example.org/Kyiv-2024", ".", "Next"]
        );
    }

    #[test]
    fn whitespace_and_line_breaks_are_recorded() {
        let text = "a\nb\n\nc d";
        let t = tokenize(text);
        assert_eq!(
            t.iter().map(|t| t.newlines_before).collect::<Vec<_>>(),
            [0, 1, 2, 0]
        );
        assert!(t[3].space_before && !t[0].space_before);
    }

    #[test]
    fn a_closing_quote_after_s_is_not_a_possessive() {
        assert_eq!(texts("the ‘boss’ said"), ["the", "‘", "boss", "’", "said"]);
        assert_eq!(texts("Kirby's"), ["Kirby", "'s"]);
    }
}
