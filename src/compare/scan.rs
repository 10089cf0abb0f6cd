//! Reading the words of one claim: its tokens in article coordinates, lower-cased, with the
//! clause boundaries the figure, source and timeline rules share.

use crate::extract::attribution::PROJECTING_REPORT_VERBS;
use crate::extract::lexicon::lexicon;
use crate::extract::names::REPORTING_VERBS;
use crate::extract::token::{Token, TokenKind, tokenize_within};
use crate::span::Span;

lexicon!(
    /// Relative periods before the report (`earlier this month`, `last week`): the figure and
    /// timeline rules both read them, each adding its own phrases.
    pub(crate) static PAST_PERIODS = "past-periods.txt"
);

/// The tokens of a span of an article, with offsets into the whole article.
pub(crate) struct Words<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    lower: Vec<String>,
}

impl<'t> Words<'t> {
    /// The tokens of `span` of `text`.
    pub fn new(text: &'t str, span: Span) -> Self {
        let tokens = tokenize_within(text, span);
        let lower = tokens
            .iter()
            .map(|t| t.text(text).to_lowercase().replace('’', "'"))
            .collect();
        Self {
            text,
            tokens,
            lower,
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The lower-case text of token `i`.
    pub fn lower(&self, i: usize) -> &str {
        &self.lower[i]
    }

    /// Whether tokens from `i` spell `phrase` (lower case, words separated by spaces).
    pub fn phrase_at(&self, i: usize, phrase: &str) -> bool {
        let parts: Vec<&str> = phrase.split(' ').collect();
        i + parts.len() <= self.len()
            && parts
                .iter()
                .enumerate()
                .all(|(k, p)| self.lower(i + k) == *p)
    }

    /// The first token starting at or after byte `offset`.
    pub fn index_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span().start < offset)
    }

    /// Whether token `i` is punctuation that ends a clause (`,` `;` `:` `—` `(` `)` quotes).
    pub fn is_clause_punct(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Punct
            && matches!(
                self.lower(i),
                "," | ";" | ":" | "—" | "–" | "(" | ")" | "“" | "”" | "\"" | "." | "!" | "?"
            )
    }

    /// Whether token `i` opens the reported content: `that`, `which`, a reporting verb.
    pub fn is_report_boundary(&self, i: usize) -> bool {
        let w = self.lower(i);
        matches!(w, "that" | "which" | "who")
            || self.tokens[i].kind == TokenKind::Word
                && REPORTING_VERBS.contains(w)
                && !PROJECTING_REPORT_VERBS.contains_as_written(w)
    }

    /// The start of the clause holding token `i`: just after the last clause punctuation or
    /// report boundary before it.
    pub fn clause_start(&self, i: usize) -> usize {
        (0..i)
            .rev()
            .find(|&k| self.is_clause_punct(k) || self.is_report_boundary(k))
            .map_or(0, |k| k + 1)
    }

    /// The end (exclusive) of the clause holding token `i`: the next clause punctuation.
    pub fn clause_end(&self, i: usize) -> usize {
        (i + 1..self.len())
            .find(|&k| self.is_clause_punct(k))
            .unwrap_or(self.len())
    }

    /// The byte span of tokens `from..to`.
    pub fn span(&self, from: usize, to: usize) -> Span {
        if from >= to {
            let at = self.tokens.get(from).map_or(0, |t| t.span().start);
            return Span::new(at, at);
        }
        Span::new(
            self.tokens[from].span().start,
            self.tokens[to - 1].span().end,
        )
    }
}
