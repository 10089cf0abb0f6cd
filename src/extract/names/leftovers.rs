//! Capitalised words no rule claimed, decided once the article's people and bodies are known.

use crate::extract::lexicon::lexicon;

use super::{
    CORPORATE_SUFFIXES, Entity, EntityKind, FxHashSet, INSTITUTIONS, ORG_HEADS,
    ORGANIZATION_DESCRIPTIONS, PERSON_DESCRIPTIONS, PLACE_NOUNS, PLACE_PREPOSITIONS,
    REPORTING_VERBS, Scan, Span, TokenKind,
};

lexicon!(
    /// `formerly known as`, `better known as`: words before `known as` that give another
    /// name of the same thing.
    static KNOWN_AS_QUALIFIERS = "known-as-qualifiers.txt"
);

impl Scan<'_> {
    /// Unknown capitalised words, decided with the whole article's people known.
    pub(super) fn resolve_leftovers(
        &self,
        unresolved: &[std::ops::Range<usize>],
        taken: &mut [bool],
        found: &mut Vec<(std::ops::Range<usize>, Entity)>,
    ) {
        let mut person_words: FxHashSet<&str> = found
            .iter()
            .filter(|(_, e)| e.kind == EntityKind::Person)
            .flat_map(|(range, _)| range.clone().map(|k| self.word(k)))
            .filter(|w| w.chars().count() > 1)
            .collect();
        // Names of several words first: the people they find make a lone surname later in
        // the article ("Sihle Zikalala" … "Zikalala said") a person.
        let mut unresolved = unresolved.to_vec();
        unresolved.sort_by_key(|range| (range.len() == 1, range.start));
        person_words.extend(
            unresolved
                .iter()
                .filter(|range| range.len() == 1 && self.referred_to_as_a_person(range.end))
                .map(|range| self.word(range.start)),
        );
        // A lone unknown word that speaks somewhere is a body everywhere ("Ofgem said" …
        // "the chief executive of Ofgem").
        let mut org_words: FxHashSet<&str> = unresolved
            .iter()
            .filter(|range| {
                range.len() == 1
                    && !taken[range.start]
                    && self.followed_by_reporting_verb(range.end)
                    && !person_words.contains(self.word(range.start))
                    && !self.is_known_personal_name(range.start)
                    && !self.is_common(range.start)
            })
            .map(|range| self.word(range.start))
            .collect();
        // A company named with its suffix is named by its first word alone later ("Mars
        // Incorporated" … "Mars announced").
        org_words.extend(
            found
                .iter()
                .filter(|(range, e)| {
                    e.kind == EntityKind::Organization
                        && range.len() >= 2
                        && CORPORATE_SUFFIXES.contains(self.word(range.end - 1))
                        && !(self.is_sentence_start(range.start) && self.is_common(range.start))
                })
                .map(|(range, _)| self.word(range.start)),
        );
        let place_starts: FxHashSet<usize> = found
            .iter()
            .filter(|(_, e)| e.kind == EntityKind::Location)
            .map(|(range, _)| range.start)
            .collect();
        let place_ends: FxHashSet<usize> = found
            .iter()
            .filter(|(_, e)| e.kind == EntityKind::Location)
            .map(|(range, _)| range.end)
            .collect();
        let mut extra = Vec::new();
        for range in &unresolved {
            let (mut start, mut end) = (range.start, range.end);
            if taken[start..end].iter().any(|&t| t) {
                continue;
            }
            // A described name takes in the capitalised words around it ("The White Helmets,
            // a civil defence group"), which may have been left over one by one.
            let mut described_end = end;
            while described_end < self.tokens.len()
                && !taken[described_end]
                && self.tokens[described_end].newlines_before == 0
                && self.is_name_word(described_end)
            {
                described_end += 1;
            }
            let described = self.kind_from_apposition(described_end);
            if described.is_some() {
                end = described_end;
                while start > 0
                    && !taken[start - 1]
                    && self.tokens[start].newlines_before == 0
                    && self.is_name_word(start - 1)
                    && !matches!(self.word(start - 1), "The" | "A" | "An")
                {
                    start -= 1;
                }
            }
            let words: Vec<&str> = (start..end).map(|k| self.word(k)).collect();
            // Names counted as written: "Min-hee" is one, "Dalo Min-hee" two.
            let name_words = (start..end)
                .filter(|&k| {
                    self.tokens[k].kind == TokenKind::Word
                        && !(k > start && self.tokens[k - 1].is_punct(self.text, '-'))
                })
                .count();
            let kind = if words.iter().all(|w| person_words.contains(w)) {
                Some(EntityKind::Person)
            } else if described.is_some() {
                described
            } else if name_words == 1
                && INSTITUTIONS.contains(self.word(start))
                && !self.is_sentence_start(start)
                // "Cabinet Secretary": part of a title.
                && !self.tokens.get(end).is_some_and(|_| self.is_name_word(end) && self.is_title(end))
            {
                // "the House", "Treasury", "Government" standing alone name the institution.
                Some(EntityKind::Organization)
            } else if name_words == 1 && org_words.contains(self.word(start)) {
                // A body this article names elsewhere, even by a common word ("Mars").
                Some(EntityKind::Organization)
            } else if (start..end)
                .all(|k| self.is_common(k) || self.tokens[k].kind != TokenKind::Word)
            {
                None
            } else if (start..end).any(|k| self.word(k).bytes().any(|b| b.is_ascii_digit()))
                || self.glued_to_a_code(start, end)
            {
                // Model, flight and product codes (`H100`, `SQ321`, `777-300ER`, `GLP-1`) name
                // things, not people or bodies.
                None
            } else if name_words == 1 && self.is_acronym(start) {
                Some(EntityKind::Organization)
            } else if self.is_sentence_start(start) && self.is_common(start) {
                None
            } else if self.in_place_context(start, end) {
                Some(EntityKind::Location)
            } else if self.followed_by_reporting_verb(end) {
                // News names a person in full before a surname alone: one unknown word that
                // speaks is a body ("Ofgem said"), two or more are a person.
                if name_words == 1 && !self.is_known_personal_name(start) {
                    Some(EntityKind::Organization)
                } else {
                    Some(EntityKind::Person)
                }
            } else if self
                .tokens
                .get(end)
                .is_some_and(|t| t.is_punct(self.text, ','))
                && place_starts.contains(&(end + 1))
                || start >= 2
                    && self.tokens[start - 1].is_punct(self.text, ',')
                    && place_ends.contains(&(start - 1))
                    && name_words == 1
            {
                // ... and a name after a place and a comma is its county or state ("Dover,
                // Kent").
                // "Santa Clara, California": a name before its state or country is a place.
                Some(EntityKind::Location)
            } else if start > 0
                && PLACE_PREPOSITIONS.contains(self.word(start - 1))
                // "credit to Yashasvi Jaiswal": after "to", two names are a person.
                && !(self.word(start - 1) == "to" && name_words > 1)
                || start > 1
                    && self.word(start - 1) == "the"
                    && PLACE_PREPOSITIONS.contains(self.word(start - 2))
            {
                Some(EntityKind::Location)
            } else if name_words == 1 {
                // One unknown capitalised word with nothing around it to say what it is: a
                // brand, a storm, a product as often as a person.
                // "the Vikram lander": a person's name takes no article.
                (self.is_known_personal_name(start)
                    && !(start > 0 && self.word(start - 1) == "the"))
                    .then_some(EntityKind::Person)
            } else if name_words <= 3 {
                Some(EntityKind::Person)
            } else {
                None
            };
            // One word decided a body is that body wherever else it stands alone.
            if kind == Some(EntityKind::Organization) && name_words == 1 {
                org_words.insert(self.word(start));
            }
            if kind == Some(EntityKind::Person) {
                person_words.extend(
                    (start..end)
                        .map(|k| self.word(k))
                        .filter(|w| w.chars().count() > 1),
                );
            }
            if let Some(kind) = kind {
                taken[start..end].iter_mut().for_each(|t| *t = true);
                let span = Span::new(
                    self.tokens[start].span().start,
                    self.tokens[end - 1].span().end,
                );
                extra.push((start..end, Entity::new(span, kind)));
            }
        }
        found.extend(extra);
        // Names take their tokens, so no two start at one token: an unstable sort gives the
        // same order, without the scratch copy a stable one makes of a long text's names.
        found.sort_unstable_by_key(|(r, _)| r.start);
    }

    /// Whether the words `start..end` are glued to a code: right after digits (`300ER`) or
    /// before a hyphen and digits (`GLP-1`).
    pub(super) fn glued_to_a_code(&self, start: usize, end: usize) -> bool {
        let after_digits = start > 0
            && !self.tokens[start].space_before
            && self.tokens[start - 1].kind == TokenKind::Number;
        let before_digits = self.tokens.get(end).is_some_and(|t| {
            t.is_punct(self.text, '-')
                && !t.space_before
                && self
                    .tokens
                    .get(end + 1)
                    .is_some_and(|n| !n.space_before && n.kind == TokenKind::Number)
        });
        after_digits || before_digits
    }

    /// "Gavi, the vaccine alliance, said": a description after the name says what it names;
    /// so does another name of a body ("Kellanova, formerly known as the Kellogg Company").
    pub(super) fn kind_from_apposition(&self, end: usize) -> Option<EntityKind> {
        let comma = self.tokens.get(end)?;
        let article = self.tokens.get(end + 1)?;
        if comma.is_punct(self.text, ',') && self.known_as_a_body(end + 1) {
            return Some(EntityKind::Organization);
        }
        if !comma.is_punct(self.text, ',') || !matches!(article.text(self.text), "the" | "a" | "an")
        {
            return None;
        }
        (end + 2..self.tokens.len().min(end + 8))
            .take_while(|&k| self.tokens[k].kind != TokenKind::Punct)
            .filter(|&k| self.tokens[k].is_lowercase())
            .find_map(|k| {
                let word = self.word(k);
                if ORGANIZATION_DESCRIPTIONS.contains(word) {
                    Some(EntityKind::Organization)
                } else if PERSON_DESCRIPTIONS.contains(word) {
                    Some(EntityKind::Person)
                } else if PLACE_NOUNS.contains(word) {
                    Some(EntityKind::Location)
                } else {
                    None
                }
            })
    }

    /// `formerly known as the Kellogg Company`, `better known as the Blue Caps Group`: the
    /// other name, capitalised, ends in an organisation's head word.
    fn known_as_a_body(&self, k: usize) -> bool {
        let word = |i: usize| self.tokens.get(i).map_or("", |t| t.text(self.text));
        if !(KNOWN_AS_QUALIFIERS.contains(word(k)) && word(k + 1) == "known" && word(k + 2) == "as")
        {
            return false;
        }
        let mut i = k + 3;
        if word(i) == "the" {
            i += 1;
        }
        let start = i;
        while i < self.tokens.len() && self.is_name_word(i) && self.tokens[i].newlines_before == 0 {
            i += 1;
        }
        i > start && ORG_HEADS.contains(self.word(i - 1))
    }

    /// `the town of X`, `X province`, `the X region`: a common place noun names it a place.
    pub(super) fn in_place_context(&self, start: usize, end: usize) -> bool {
        let before = start >= 2
            && self.word(start - 1) == "of"
            && PLACE_NOUNS.contains(self.word(start - 2));
        let after = self
            .tokens
            .get(end)
            .is_some_and(|t| t.is_lowercase() && PLACE_NOUNS.contains(t.text(self.text)));
        before || after
    }

    pub(super) fn is_sentence_start(&self, i: usize) -> bool {
        i == 0 || {
            let prev = &self.tokens[i - 1];
            self.tokens[i].newlines_before > 0
                || prev.kind == TokenKind::Punct
                    && prev
                        .text(self.text)
                        .starts_with(['.', '!', '?', ':', '“', '"', '‘', '•', '|', '(', '—', '–'])
        }
    }

    pub(super) fn followed_by_reporting_verb(&self, end: usize) -> bool {
        let mut k = end;
        // "Kirby also said", "Singh further pointed out".
        while k < self.tokens.len()
            && matches!(
                self.word(k),
                "also" | "further" | "later" | "then" | "again" | "had" | "has" | "have"
            )
        {
            k += 1;
        }
        // "Pagasa on Sunday said".
        if k + 2 < self.tokens.len()
            && self.word(k) == "on"
            && crate::calendar::weekday_index(self.word(k + 1)).is_some()
        {
            k += 2;
        }
        k < self.tokens.len() && REPORTING_VERBS.contains(self.word(k))
    }
}
