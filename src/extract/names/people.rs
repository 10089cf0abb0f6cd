//! People: given names and what follows them, titles, hyphenated parts and particles,
//! initials, evidence that a word is a person, and the fullest name an article gives.

use super::{
    Entity, EntityKind, FxHashMap, HYPHEN_SUFFIXES, NAME_PARTICLES, ORG_HEADS, PERSON_TITLES,
    PLACE_HEADS, Scan,
};

impl Scan<'_> {
    /// A hyphen at `j` that joins the name before it to a further part of the same name:
    /// glued on both sides, followed by a capitalised part ("Beresford-Wylie") or a
    /// lower-case syllable of a given name ("Jong-un", "Seong-kweun"), not an adjective
    /// ending ("Russia-backed").
    pub(super) fn hyphen_continues_name(&self, j: usize) -> bool {
        let (Some(hyphen), Some(next)) = (self.tokens.get(j), self.tokens.get(j + 1)) else {
            return false;
        };
        if !hyphen.is_punct(self.text, '-') || hyphen.space_before || next.space_before {
            return false;
        }
        let part = self.word(j + 1);
        self.is_name_word(j + 1)
            || next.is_lowercase()
                && part.chars().count() <= 6
                && part.chars().all(char::is_alphabetic)
                && !HYPHEN_SUFFIXES.contains(part)
    }

    /// `John Kirby`, `Kim Jong Un`, `John F. Kennedy`: a given name and one to three more
    /// name words. A given name that is also a common word or a known place (`Mark`,
    /// `Jordan`) needs a next word that is clearly a name.
    pub(super) fn person_by_given_name(
        &self,
        i: usize,
        end: usize,
        taken: &[bool],
    ) -> Option<usize> {
        let first = self.word(i);
        if !self.gazetteer.is_given_name(first) {
            return None;
        }
        // "the Vikram lander": a person's name takes no article.
        if i > 0 && self.word(i - 1) == "the" {
            return None;
        }
        let ambiguous = self.is_common(i) || self.known_at(i, end, taken).is_some();
        let mut j = i + 1;
        while j < end && j < i + 5 && !taken[j] && self.tokens[j].newlines_before == 0 {
            let w = self.word(j);
            let is_initial = w.chars().count() == 1
                && w.chars().all(char::is_uppercase)
                && self
                    .tokens
                    .get(j + 1)
                    .is_some_and(|t| t.is_punct(self.text, '.'));
            if is_initial {
                j += 2;
                continue;
            }
            // "Lee Jae-myung", "Adrian Beresford-Wylie": a hyphenated part of the name.
            if j + 1 < end && !taken[j + 1] && self.hyphen_continues_name(j) {
                j += 2;
                continue;
            }
            // "Luis de la Fuente", "Ursula von der Leyen": particles inside a full name.
            let particles = (j..end.min(j + 2))
                .take_while(|&k| {
                    self.tokens[k].is_lowercase() && NAME_PARTICLES.contains(self.word(k))
                })
                .count();
            if particles > 0
                && j + particles < end
                && !taken[j + particles]
                && self.is_name_word(j + particles)
                && !self.is_acronym(j + particles)
            {
                j += particles;
                continue;
            }
            if !self.is_name_word(j)
                || self.is_title(j)
                || ORG_HEADS.contains(w)
                || PLACE_HEADS.contains(w)
                || self.is_acronym(j)
            {
                break;
            }
            if let Some((_, known)) = self.known_at(j, end, taken)
                && (known.kind != EntityKind::Location || self.countries.contains(&known.canonical))
            {
                break;
            }
            if j == i + 1 && ambiguous && self.is_common(j) && !self.gazetteer.is_surname(w) {
                return None;
            }
            j += 1;
        }
        // "Santa Fe, Nueva Vizcaya": a name before a comma and a place is a place.
        let before_a_place = self
            .tokens
            .get(j)
            .is_some_and(|t| t.is_punct(self.text, ','))
            && self
                .known_at(j + 1, self.tokens.len(), taken)
                .is_some_and(|(_, known)| known.kind == EntityKind::Location);
        (j > i + 1 && !before_a_place).then_some(j - i)
    }

    /// After a title (`President`, `Ambassador,`): the name that follows, as (offset, length).
    pub(super) fn person_after_title(
        &self,
        i: usize,
        end: usize,
        taken: &[bool],
    ) -> Option<(usize, usize)> {
        let mut j = i;
        while j < end && !taken[j] && self.is_name_word(j) && self.is_title(j) {
            j += 1;
        }
        if !PERSON_TITLES.contains(self.word(j - 1).trim_end_matches('.')) {
            return None;
        }
        if j < end
            && (self.tokens[j].is_punct(self.text, ',') || self.tokens[j].is_punct(self.text, '.'))
        {
            j += 1;
        }
        self.name_after(j, end, taken).map(|n| (j - i, n))
    }

    /// One to three name words at `j` that are not a known place, organisation or title.
    pub(super) fn name_after(&self, j: usize, end: usize, taken: &[bool]) -> Option<usize> {
        let mut k = j;
        while k < end
            && k < j + 4
            && !taken[k]
            && self.is_name_word(k)
            && !self.is_title(k)
            && !self.is_acronym(k)
        {
            if let Some((_, known)) = self.known_at(k, end, taken)
                && (known.kind != EntityKind::Location
                    || self.countries.contains(&known.canonical)
                    || k == j && self.known_at(k, end, taken).is_some_and(|(n, _)| n > 1))
            {
                break;
            }
            if ORG_HEADS.contains(self.word(k)) {
                return None;
            }
            k += 1;
            // "Chairman Kim Jong-un", "Foreign Minister Choe Son-hui".
            if k + 1 < end && !taken[k + 1] && self.hyphen_continues_name(k) {
                k += 2;
            }
            // "Col Hamish de Bretton-Gordon": a particle inside the name.
            if k + 1 < end
                && self.tokens[k].is_lowercase()
                && NAME_PARTICLES.contains(self.word(k))
                && self.is_name_word(k + 1)
                && !taken[k + 1]
            {
                k += 1;
            }
        }
        (k > j).then_some(k - j)
    }

    /// `S.` before a name word: an initial, glued to its full stop.
    pub(super) fn is_initial_with_stop(&self, i: usize) -> bool {
        let word = self.word(i);
        let letter = word.trim_end_matches('.');
        let single_capital = letter.chars().count() == 1 && letter.chars().all(char::is_uppercase);
        // The tokenizer may keep the stop with the letter, as in `U.S.`.
        let next = if word.ends_with('.') {
            i + 1
        } else if self
            .tokens
            .get(i + 1)
            .is_some_and(|t| t.is_punct(self.text, '.') && !t.space_before)
        {
            i + 2
        } else if !matches!(letter, "A" | "I") {
            // "P Veeramuthuvel": an initial written without its stop.
            i + 1
        } else {
            return false;
        };
        single_capital
            && self.is_name_word(next)
            && self.tokens[next].newlines_before == 0
            && !self.is_common(next)
    }

    /// "Putin as he continues", "Zikalala, who": a pronoun for a person refers to the name.
    pub(super) fn referred_to_as_a_person(&self, end: usize) -> bool {
        let mut k = end;
        if self
            .tokens
            .get(k)
            .is_some_and(|t| t.is_punct(self.text, ','))
        {
            k += 1;
        }
        let word = |k: usize| self.tokens.get(k).map(|t| t.text(self.text));
        match word(k) {
            Some("who" | "whose" | "whom") => true,
            Some("as" | "and" | "when" | "after" | "because") => {
                matches!(word(k + 1), Some("he" | "she"))
            }
            _ => false,
        }
    }

    /// Whether the word at `i` is a given name or surname the gazetteer knows.
    pub(super) fn is_known_personal_name(&self, i: usize) -> bool {
        let word = self.word(i);
        self.gazetteer.is_given_name(word) || self.gazetteer.is_surname(word)
    }
}

/// Each person mention's canonical form is the fullest mention in the article that shares
/// its last word, or that contains it as a word (`Kirby` → `John Kirby`).
pub(super) fn canonicalize_people(text: &str, found: &mut [(std::ops::Range<usize>, Entity)]) {
    let mention = |e: &Entity| {
        text[e.span.start..e.span.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut fullest_by_word: FxHashMap<String, String> = FxHashMap::default();
    for (_, entity) in found.iter().filter(|(_, e)| e.kind == EntityKind::Person) {
        let name = mention(entity);
        for word in name.split(' ') {
            let best = fullest_by_word.entry(word.to_owned()).or_default();
            if name.len() > best.len() {
                best.clone_from(&name);
            }
        }
    }
    for (_, entity) in found
        .iter_mut()
        .filter(|(_, e)| e.kind == EntityKind::Person)
    {
        let name = mention(entity);
        let last = name.rsplit(' ').next().unwrap_or(&name);
        if let Some(fullest) = fullest_by_word.get(last).filter(|f| **f != name) {
            entity.canonical = Some(fullest.clone());
        }
    }
}
