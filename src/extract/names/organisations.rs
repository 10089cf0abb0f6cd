//! Organisations by their head words, and the runs of capitalised words they are read from.

use super::{CONNECTORS, MAX_NAME_TOKENS, ORG_HEADS, PERSON_TITLES, Scan, TokenKind};

impl Scan<'_> {
    /// The end of the run of capitalised words (with inner connectors) starting at `i`, at
    /// most [`MAX_NAME_TOKENS`] long: it is asked at every word of a run, so an unbounded
    /// scan would make a long run of capitals (a shouted page, a list of names) quadratic.
    pub(super) fn run_end(&self, i: usize, end: usize, taken: &[bool]) -> usize {
        let end = end.min(i + MAX_NAME_TOKENS);
        let mut j = i;
        while j < end && !taken[j] {
            let t = &self.tokens[j];
            if j > i && t.newlines_before > 0 {
                break;
            }
            if self.is_name_word(j) {
                j += 1;
                continue;
            }
            let connector = t.kind == TokenKind::Word && CONNECTORS.contains(t.text(self.text));
            if j > i && self.hyphen_continues_name(j) && j + 1 < end && !taken[j + 1] {
                j += 2;
                continue;
            }
            let hyphen = t.is_punct(self.text, '-')
                && !t.space_before
                && self.tokens.get(j + 1).is_some_and(|n| !n.space_before);
            let initial = t.is_punct(self.text, '.')
                && !t.space_before
                && j > i
                && self.word(j - 1).chars().count() == 1;
            if (connector || hyphen || initial)
                && j > i
                && j + 1 < end
                && !taken[j + 1]
                && self.is_name_word(j + 1)
            {
                j += 1;
                continue;
            }
            if initial {
                j += 1;
                continue;
            }
            break;
        }
        // Never end on a connector.
        while j > i && !self.is_name_word(j - 1) && !self.tokens[j - 1].is_punct(self.text, '.') {
            j -= 1;
        }
        j
    }

    /// An organisation named by its head word: a run of capitalised words ending in (or,
    /// before `of ...`, containing) `Council`, `Agency`, `Department`... Leading titles are
    /// not part of it, and a head followed by a title (`Press Secretary`) is a title.
    pub(super) fn organization_at(&self, i: usize, end: usize, taken: &[bool]) -> Option<usize> {
        if !self.is_name_word(i)
            || self.is_title(i)
                && !ORG_HEADS.contains(self.word(i))
                && !self.capitalised_title_is_org_word(i)
        {
            return None;
        }
        let run = self.run_end(i, end, taken);
        let head = (i..run).rev().find(|&k| {
            ORG_HEADS.contains(self.word(k)) && !(k + 1 < run && self.is_title(k + 1))
        })?;
        // A head word alone at the start is just a capitalised noun ("Army", "Press").
        if head == i && !(head + 1 < run && matches!(self.word(head + 1), "of" | "for")) {
            return None;
        }
        // A title followed by a person's name ends any organisation ("President Joe ...");
        // inside a name it is a word of it ("Reconnaissance General Bureau").
        if (i..head).any(|k| {
            self.is_name_word(k)
                && self.is_title(k)
                && PERSON_TITLES.contains(self.word(k))
                && self.is_known_personal_name(k + 1)
        }) {
            return None;
        }
        // Two bodies joined by "and" ("Dorset Police and Alaska Airlines"): the first ends at
        // its own head.
        if let Some(and) =
            (i + 1..head).find(|&k| self.word(k) == "and" && ORG_HEADS.contains(self.word(k - 1)))
        {
            return Some(and);
        }
        // The name goes on through "of X" or "for X" after the head (Department of Defense,
        // Centers for Disease Control and Prevention).
        let mut org_end = head + 1;
        if org_end < run && matches!(self.word(org_end), "of" | "for") {
            org_end = run;
        }
        Some(org_end)
    }

    /// Words like `National`, `Security`, `Defense` are titles before a person but ordinary
    /// words inside an organisation's name.
    pub(super) fn capitalised_title_is_org_word(&self, i: usize) -> bool {
        !PERSON_TITLES.contains(self.word(i))
    }
}
