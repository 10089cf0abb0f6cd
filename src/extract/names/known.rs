//! Gazetteer lookups: the longest known phrase at a word, shouted words and names whose "The"
//! the sentence writes in lower case.

use super::Scan;
use crate::extract::gazetteer::Known;
use crate::extract::token::TokenKind;

impl Scan<'_> {
    /// The longest gazetteer phrase starting at `i`, within `end`.
    pub(super) fn known_at(&self, i: usize, end: usize, taken: &[bool]) -> Option<(usize, &Known)> {
        // Callers look one past a name ("Kirby ," ending the text): nothing is there.
        if i >= end.min(self.tokens.len()) {
            return None;
        }
        let first = self.word(i);
        if !self.is_name_word(i) && first != "the" {
            return None;
        }
        // Shouted words (`WASHINGTON`, `SAN FRANCISCO`) are also looked up as `Washington`;
        // a short one only when the next word is shouted too, so acronyms stay acronyms.
        let is_shouted = |w: &str| !w.chars().any(char::is_lowercase);
        let shouted = is_shouted(first)
            && (first.chars().count() >= 4
                || first.chars().count() >= 2
                    && i + 1 < end
                    && self.tokens[i + 1].kind == TokenKind::Word
                    && self.word(i + 1).chars().count() >= 3
                    && is_shouted(self.word(i + 1)));
        let max = self.gazetteer.longest_phrase.min(end - i);
        // Most words start no longer phrase: look them up as they are, building no key.
        if !shouted && !taken[i] && !self.gazetteer.is_prefix(first) {
            return self
                .gazetteer
                .phrase(first)
                .map(|known| (1, known))
                .filter(|_| first != "the");
        }
        let mut key = String::new();
        let mut title_key = String::new();
        let mut best = None;
        for n in 1..=max {
            let j = i + n - 1;
            if taken[j] || (n > 1 && self.tokens[j].newlines_before > 0) {
                break;
            }
            if n > 1 {
                key.push(' ');
                title_key.push(' ');
            }
            let word = self.tokens[j].text(self.text);
            if self.tokens[j].kind == TokenKind::Possessive {
                key.push_str("'s");
                title_key.push_str("'s");
            } else {
                key.push_str(word);
                if shouted {
                    push_title_case(&mut title_key, word);
                }
            }
            if let Some(known) = self
                .gazetteer
                .phrase(&key)
                .or_else(|| shouted.then(|| self.gazetteer.phrase(&title_key)).flatten())
            {
                best = Some((n, known));
            }
            if !(self.gazetteer.is_prefix(&key) || shouted && self.gazetteer.is_prefix(&title_key))
            {
                break;
            }
        }
        // "The" only counts when the gazetteer names it as part of the name ("The Times").
        best.filter(|(n, _)| self.word(i + n - 1) != "the")
    }

    /// `The X ...` as a gazetteer key for the tokens `i..i + n`, the first being `the`.
    pub(super) fn the_key(&self, i: usize, n: usize) -> String {
        let mut key = "The".to_owned();
        for k in i + 1..i + n {
            key.push(' ');
            key.push_str(self.word(k));
        }
        key
    }

    /// The length (with `the`) of the longest known `The ...` name written `the ...` at `i`.
    pub(super) fn known_after_lowercase_the(
        &self,
        i: usize,
        end: usize,
        taken: &[bool],
    ) -> Option<(usize, &Known)> {
        let mut best = None;
        for n in 2..=self.gazetteer.longest_phrase.min(end - i) {
            let k = i + n - 1;
            if taken[k] || !self.is_name_word(k) || self.tokens[k].newlines_before > 0 {
                break;
            }
            let key = self.the_key(i, n);
            if let Some(known) = self.gazetteer.phrase(&key) {
                best = Some((n, known));
            }
            if !self.gazetteer.is_prefix(&key) {
                break;
            }
        }
        best
    }
}

/// Appends `word` with only its first letter in upper case: `WASHINGTON` → `Washington`.
pub(super) fn push_title_case(key: &mut String, word: &str) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        key.push(first);
        key.extend(chars.flat_map(char::to_lowercase));
    }
}
