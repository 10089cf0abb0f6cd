//! Names: people, organizations, locations and groups. Gazetteer phrases, organisation and
//! place head words (`... Council`, `... Oblast`), given names, titles (`President X`),
//! reporting verbs (`X said`), acronym definitions and same-article coreference.

use crate::extract::lexicon::lexicon;
use std::collections::HashSet;

use rustc_hash::{FxHashMap, FxHashSet};

use super::gazetteer::{Gazetteer, Known};
use super::sentences::Sentence;
use super::token::{Token, TokenKind};
use super::{Entity, EntityKind};
use crate::span::Span;

/// The longest name, in tokens (words, connectors, initials), that a run of capitalised
/// words can give: "Kenya Medical Practitioners Pharmacists and Dentists Union" is eight.
const MAX_NAME_TOKENS: usize = 16;

lexicon!(
    /// Institutions named by a capitalised common noun standing alone: "the House", "Treasury".
    static INSTITUTIONS = "institutions.txt"
);

lexicon!(
    /// Heads of a state's own bodies, from which a nationality before them is split off.
    static STATE_BODY_HEADS = "state-body-words.txt", "state-body-heads.txt"
);

lexicon!(
    /// Words that end an organisation's name.
    static ORG_HEADS = "org-heads.txt", "state-body-heads.txt"
);

lexicon!(
    /// Words that end a place's name (`Kursk Oblast`, `Cook County`).
    static PLACE_HEADS = "place-heads.txt"
);

lexicon!(
    /// Words that build titles without naming a role themselves (`Deputy`, `Foreign`, `Press`):
    /// with [`PERSON_TITLES`] they make the titles that precede names but are not part of them.
    static TITLE_MODIFIERS =
        "title-modifiers.txt", "staff-title-modifiers.txt", "press-titles.txt"
);

lexicon!(
    /// Roles that, right before a name, mark it as a person's (`President`, `Ambassador`).
    static PERSON_TITLES =
        "person-titles.txt", "spokespeople.txt", "title-abbreviations.txt", "person-roles.txt",
        "speaker-roles.txt", "staff-titles.txt"
);

lexicon!(
    /// Verbs of saying: a capitalised word right before one of these names a speaker.
    pub(crate) static REPORTING_VERBS = "reporting-verbs.txt", "projecting-report-verbs.txt"
);

lexicon!(
    /// Prepositions after which an unknown name is most likely a place.
    static PLACE_PREPOSITIONS = "place-prepositions.txt"
);

lexicon!(
    /// Lower-case words that may sit inside a name between capitalised words.
    static CONNECTORS = "connectors.txt", "name-particles.txt"
);

lexicon!(
    /// Common nouns that say an unknown name before them is an organisation
    /// ("Gavi, the vaccine alliance").
    static ORGANIZATION_DESCRIPTIONS =
        "organisation-descriptions.txt", "organisation-speakers.txt"
);

lexicon!(
    /// Common nouns that say an unknown name before them is a person ("Yilmaz, a resident").
    static PERSON_DESCRIPTIONS =
        "person-descriptions.txt", "spokespeople.txt", "person-roles.txt", "speaker-roles.txt"
);

lexicon!(
    /// Common place nouns: "the town of X", "X province", "X, a town near the border" make X a
    /// place.
    static PLACE_NOUNS = "place-nouns.txt"
);

lexicon!(
    /// Lower-case particles inside a person's full name (`de la`, `von der`, `bin`).
    static NAME_PARTICLES = "person-name-particles.txt", "name-particles.txt"
);

lexicon!(
    /// Lower-case words that follow a name and a hyphen to make an adjective ("Russia-backed",
    /// "Kremlin-linked"), not the second part of a hyphenated given name ("Jong-un").
    static HYPHEN_SUFFIXES = "hyphen-suffixes.txt"
);

lexicon!(
    /// Endings of contractions: "We've", "They're" and "I'll" name nobody.
    static CONTRACTION_ENDINGS = "contraction-endings.txt"
);

lexicon!(
    /// Abbreviations of common nouns: capitals, but no one's name (`AI`, `CEO`, `GDP`).
    static COMMON_ABBREVIATIONS = "common-abbreviations.txt"
);

struct Scan<'a> {
    text: &'a str,
    tokens: &'a [Token],
    gazetteer: &'a Gazetteer,
    countries: &'a HashSet<String>,
}

/// Finds the names among tokens not yet `taken`.
#[must_use]
pub fn find(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    taken: &mut [bool],
) -> Vec<Entity> {
    let gazetteer = Gazetteer::get();
    let scan = Scan {
        text,
        tokens,
        gazetteer,
        countries: gazetteer.countries(),
    };
    let mut found: Vec<(std::ops::Range<usize>, Entity)> = Vec::new();
    let mut unresolved: Vec<std::ops::Range<usize>> = Vec::new();

    for sentence in sentences {
        scan.sentence(sentence.tokens.clone(), taken, &mut found, &mut unresolved);
    }
    scan.resolve_leftovers(&unresolved, taken, &mut found);
    scan.define_acronyms(&mut found);
    canonicalize_people(text, &mut found);
    found.into_iter().map(|(_, e)| e).collect()
}

impl Scan<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }

    /// A capitalised word, all-caps acronym or dotted abbreviation.
    fn is_name_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(Token::is_capitalized)
    }

    fn is_title(&self, i: usize) -> bool {
        let word = self.word(i).trim_end_matches('.');
        PERSON_TITLES.contains(word) || TITLE_MODIFIERS.contains(word)
    }

    fn is_common(&self, i: usize) -> bool {
        let word = self.word(i);
        self.gazetteer.is_common_word(word)
            || COMMON_ABBREVIATIONS.contains(word)
            || CONTRACTION_ENDINGS
                .entries()
                .iter()
                .any(|end| word.ends_with(end))
    }

    /// A hyphen at `j` that joins the name before it to a further part of the same name:
    /// glued on both sides, followed by a capitalised part ("Beresford-Wylie") or a
    /// lower-case syllable of a given name ("Jong-un", "Seong-kweun"), not an adjective
    /// ending ("Russia-backed").
    fn hyphen_continues_name(&self, j: usize) -> bool {
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

    fn is_acronym(&self, i: usize) -> bool {
        let w = self.word(i);
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        (2..=6).contains(&letters)
            && w.chars()
                .all(|c| c.is_uppercase() || c == '.' || c.is_ascii_digit())
    }

    /// The longest gazetteer phrase starting at `i`, within `end`.
    fn known_at(&self, i: usize, end: usize, taken: &[bool]) -> Option<(usize, &Known)> {
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
    fn the_key(&self, i: usize, n: usize) -> String {
        let mut key = "The".to_owned();
        for k in i + 1..i + n {
            key.push(' ');
            key.push_str(self.word(k));
        }
        key
    }

    /// The length (with `the`) of the longest known `The ...` name written `the ...` at `i`.
    fn known_after_lowercase_the(
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

    /// The end of the run of capitalised words (with inner connectors) starting at `i`, at
    /// most [`MAX_NAME_TOKENS`] long: it is asked at every word of a run, so an unbounded
    /// scan would make a long run of capitals (a shouted page, a list of names) quadratic.
    fn run_end(&self, i: usize, end: usize, taken: &[bool]) -> usize {
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

    fn sentence(
        &self,
        range: std::ops::Range<usize>,
        taken: &mut [bool],
        found: &mut Vec<(std::ops::Range<usize>, Entity)>,
        unresolved: &mut Vec<std::ops::Range<usize>>,
    ) {
        let end = range.end;
        let mut i = range.start;
        while i < end {
            if taken[i] || !(self.is_name_word(i) || self.word(i) == "the") {
                i += 1;
                continue;
            }
            let mut push = |from: usize,
                            to: usize,
                            kind: EntityKind,
                            canonical: Option<String>,
                            taken: &mut [bool]| {
                let span = Span::new(self.tokens[from].span.start, self.tokens[to - 1].span.end);
                taken[from..to].iter_mut().for_each(|t| *t = true);
                found.push((
                    from..to,
                    Entity {
                        canonical,
                        ..Entity::new(span, kind)
                    },
                ));
            };
            if let Some(n) = self.person_by_given_name(i, end, taken) {
                push(i, i + n, EntityKind::Person, None, taken);
                i += n;
                continue;
            }
            if let Some((n, known)) = self.known_at(i, end, taken) {
                let (kind, canonical) = (known.kind, known.canonical.clone());
                let after = i + n;
                let org_after = (after < end && !taken[after])
                    .then(|| self.organization_at(after, end, taken))
                    .flatten();
                // A name that leads an organisation's name stays inside it: an acronym
                // (UN Security Council), a sub-national place (Delaware Department of
                // Elections), a party (Republican National Committee). A country or its
                // nationality is split off (U.S. | National Security Council).
                // A nationality is split off a state body like its country ("Russian |
                // Defense Ministry"); it stays in the name of anything else ("American Heart
                // Association", "Indian Space Research Organisation").
                let merges = match kind {
                    EntityKind::Organization => self.is_acronym(i) && n == 1,
                    EntityKind::Location => !self.countries.contains(&canonical),
                    EntityKind::Group => {
                        !self.countries.contains(&canonical)
                            || org_after.is_some_and(|org_end| {
                                !STATE_BODY_HEADS.contains(self.word(org_end - 1))
                            })
                    }
                    _ => false,
                };
                if let Some(org_end) = org_after.filter(|_| merges) {
                    push(i, org_end, EntityKind::Organization, None, taken);
                    i = org_end;
                    continue;
                }
                // A region and one organisation head: "Cheshire Police", "Alaska Airlines".
                if kind == EntityKind::Location
                    && !self.countries.contains(&canonical)
                    && org_after.is_none()
                    && after < end
                    && !taken[after]
                    && self.is_name_word(after)
                    && ORG_HEADS.contains(self.word(after))
                {
                    push(i, after + 1, EntityKind::Organization, None, taken);
                    i = after + 1;
                    continue;
                }
                // A place name followed by a place head: Kursk Oblast, Washington State.
                if kind == EntityKind::Location
                    && org_after.is_none()
                    && after < end
                    && !taken[after]
                    && PLACE_HEADS.contains(self.word(after))
                {
                    push(i, after + 1, EntityKind::Location, None, taken);
                    i = after + 1;
                    continue;
                }
                // A known organisation goes on through "of X": Supreme Court of Georgia.
                let mut to = after;
                if kind == EntityKind::Organization
                    && ORG_HEADS.contains(self.word(after - 1))
                    && after + 1 < end
                    && self.word(after) == "of"
                    && !taken[after + 1]
                    && self.is_name_word(after + 1)
                {
                    to = self.run_end(after + 1, end, taken);
                }
                let canonical =
                    (to == after && canonical != self.span_text(i, after)).then_some(canonical);
                push(i, to, kind, canonical, taken);
                i = to;
                continue;
            }
            // "The", "A" and "An" belong to a name only where the gazetteer says so ("The Times").
            // "told the Guardian": a name whose "The" the sentence writes in lower case.
            if self.word(i) == "the"
                && let Some((n, known)) = self.known_after_lowercase_the(i, end, taken)
            {
                let canonical = (known.canonical != self.span_text(i + 1, i + n))
                    .then(|| known.canonical.clone());
                push(i + 1, i + n, known.kind, canonical, taken);
                i += n;
                continue;
            }
            if matches!(self.word(i), "The" | "the" | "A" | "An") {
                i += 1;
                continue;
            }
            if let Some(org_end) = self.organization_at(i, end, taken) {
                push(i, org_end, EntityKind::Organization, None, taken);
                i = org_end;
                continue;
            }
            let run = self.run_end(i, end, taken);
            if run > i + 1
                && PLACE_HEADS.contains(self.word(run - 1))
                && (i..run - 1).all(|k| !self.is_title(k))
                && self.is_name_word(i)
            {
                push(i, run, EntityKind::Location, None, taken);
                i = run;
                continue;
            }
            if self.is_title(i) {
                if let Some(n) = self.person_after_title(i, end, taken) {
                    let from = i + n.0;
                    push(from, from + n.1, EntityKind::Person, None, taken);
                    i = from + n.1;
                } else {
                    i += 1;
                }
                continue;
            }
            // A capitalised common word ("By", "Latest", "Wood") names someone only as a
            // person already named in full ("Robert Wood"); the leftover pass decides.
            if (self.is_common(i) || !self.is_name_word(i)) && !self.is_initial_with_stop(i) {
                unresolved.push(i..i + 1);
                i += 1;
                continue;
            }
            // Unknown words: decide later, once every sure person in the article is known. An
            // initial and its full stop lead a name ("S. Somanath").
            let after_initial = match self.is_initial_with_stop(i) {
                true if self.word(i).ends_with('.') => i + 2,
                true if self.tokens[i + 1].is_punct(self.text, '.') => i + 3,
                true => i + 2,
                false => i + 1,
            };
            let mut stop = after_initial;
            while stop < end {
                // "Choe Son-hui": a hyphenated part goes with the name.
                if self.hyphen_continues_name(stop) && stop + 1 < end && !taken[stop + 1] {
                    stop += 2;
                    continue;
                }
                let k = stop;
                // "Son-hui", "Min-hee": a common word that a hyphen joins to a syllable is a
                // part of the name.
                if !taken[k]
                    && self.is_name_word(k)
                    && self.tokens[k].newlines_before == 0
                    && k + 2 < end
                    && !taken[k + 2]
                    && self.hyphen_continues_name(k + 1)
                    && self.tokens[k + 2].is_lowercase()
                {
                    stop += 3;
                    continue;
                }
                if taken[k]
                    || !self.is_name_word(k)
                    || self.tokens[k].newlines_before > 0
                    || self.is_common(k)
                    || self.is_title(k)
                    || self.known_at(k, end, taken).is_some()
                {
                    break;
                }
                stop += 1;
            }
            unresolved.push(i..stop);
            i = stop;
        }
    }

    fn span_text(&self, from: usize, to: usize) -> &str {
        &self.text[self.tokens[from].span.start..self.tokens[to - 1].span.end]
    }

    /// `John Kirby`, `Kim Jong Un`, `John F. Kennedy`: a given name and one to three more
    /// name words. A given name that is also a common word or a known place (`Mark`,
    /// `Jordan`) needs a next word that is clearly a name.
    fn person_by_given_name(&self, i: usize, end: usize, taken: &[bool]) -> Option<usize> {
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
    fn person_after_title(&self, i: usize, end: usize, taken: &[bool]) -> Option<(usize, usize)> {
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
    fn name_after(&self, j: usize, end: usize, taken: &[bool]) -> Option<usize> {
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

    /// An organisation named by its head word: a run of capitalised words ending in (or,
    /// before `of ...`, containing) `Council`, `Agency`, `Department`... Leading titles are
    /// not part of it, and a head followed by a title (`Press Secretary`) is a title.
    fn organization_at(&self, i: usize, end: usize, taken: &[bool]) -> Option<usize> {
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
    fn capitalised_title_is_org_word(&self, i: usize) -> bool {
        !PERSON_TITLES.contains(self.word(i))
    }

    /// Unknown capitalised words, decided with the whole article's people known.
    fn resolve_leftovers(
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
        let org_words: FxHashSet<&str> = unresolved
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
        let place_starts: FxHashSet<usize> = found
            .iter()
            .filter(|(_, e)| e.kind == EntityKind::Location)
            .map(|(range, _)| range.start)
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
            } else if name_words == 1
                && (self.is_acronym(start) || org_words.contains(self.word(start)))
            {
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
            {
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
            if kind == Some(EntityKind::Person) {
                person_words.extend(
                    (start..end)
                        .map(|k| self.word(k))
                        .filter(|w| w.chars().count() > 1),
                );
            }
            if let Some(kind) = kind {
                taken[start..end].iter_mut().for_each(|t| *t = true);
                let span = Span::new(self.tokens[start].span.start, self.tokens[end - 1].span.end);
                extra.push((start..end, Entity::new(span, kind)));
            }
        }
        found.extend(extra);
        found.sort_by_key(|(r, _)| r.start);
    }

    /// Whether the words `start..end` are glued to a code: right after digits (`300ER`) or
    /// before a hyphen and digits (`GLP-1`).
    fn glued_to_a_code(&self, start: usize, end: usize) -> bool {
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

    /// `S.` before a name word: an initial, glued to its full stop.
    fn is_initial_with_stop(&self, i: usize) -> bool {
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
    fn referred_to_as_a_person(&self, end: usize) -> bool {
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
    fn is_known_personal_name(&self, i: usize) -> bool {
        let word = self.word(i);
        self.gazetteer.is_given_name(word) || self.gazetteer.is_surname(word)
    }

    /// "Gavi, the vaccine alliance, said": a description after the name says what it names.
    fn kind_from_apposition(&self, end: usize) -> Option<EntityKind> {
        let comma = self.tokens.get(end)?;
        let article = self.tokens.get(end + 1)?;
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

    /// `the town of X`, `X province`, `the X region`: a common place noun names it a place.
    fn in_place_context(&self, start: usize, end: usize) -> bool {
        let before = start >= 2
            && self.word(start - 1) == "of"
            && PLACE_NOUNS.contains(self.word(start - 2));
        let after = self
            .tokens
            .get(end)
            .is_some_and(|t| t.is_lowercase() && PLACE_NOUNS.contains(t.text(self.text)));
        before || after
    }

    fn is_sentence_start(&self, i: usize) -> bool {
        i == 0 || {
            let prev = &self.tokens[i - 1];
            self.tokens[i].newlines_before > 0
                || prev.kind == TokenKind::Punct
                    && prev
                        .text(self.text)
                        .starts_with(['.', '!', '?', ':', '“', '"', '‘', '•', '|', '(', '—', '–'])
        }
    }

    fn followed_by_reporting_verb(&self, end: usize) -> bool {
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

    /// `National Security Council (NSC)`: the acronym names the same thing as the entity
    /// before it; its canonical form is that entity's text.
    fn define_acronyms(&self, found: &mut [(std::ops::Range<usize>, Entity)]) {
        let mut definitions: FxHashMap<String, (EntityKind, String)> = FxHashMap::default();
        for pair in 0..found.len().saturating_sub(1) {
            let (before, acronym) = (&found[pair], &found[pair + 1]);
            let between = self
                .text
                .get(before.1.span.end..acronym.1.span.start)
                .unwrap_or("");
            let parenthesised =
                between.trim() == "(" && self.text[acronym.1.span.end..].starts_with(')');
            if parenthesised && self.is_acronym(acronym.0.start) && acronym.0.len() == 1 {
                let full = before.1.canonical.clone().unwrap_or_else(|| {
                    self.text[before.1.span.start..before.1.span.end].to_owned()
                });
                // "Ankara, Turkey (AP)" credits an agency; it does not define "AP".
                if !abbreviates(self.word(acronym.0.start), &full) {
                    continue;
                }
                definitions.insert(self.word(acronym.0.start).to_owned(), (before.1.kind, full));
            }
        }
        // An acronym the article never defines stands for the organisation it names whose
        // capitalised words it spells ("NIS" for "National Intelligence Service", "RBA" for
        // "Reserve Bank of Australia"), a country or nationality before it included
        // ("KMPDU" for "Kenya Medical Practitioners and Dentist Union").
        let mut spelled: FxHashMap<String, Option<(EntityKind, String)>> = FxHashMap::default();
        for pair in 0..found.len() {
            let (range, entity) = &found[pair];
            let own = &self.text[entity.span.start..entity.span.end];
            let several_words = range.len() > 1 || own.contains('-') || initials(own).len() > 1;
            if !matches!(entity.kind, EntityKind::Organization | EntityKind::Location)
                || !several_words
            {
                continue;
            }
            let mut forms = vec![own.to_owned()];
            if entity.kind == EntityKind::Organization
                && let Some((before_range, before)) = pair.checked_sub(1).map(|b| &found[b])
                && matches!(before.kind, EntityKind::Location | EntityKind::Group)
                && before_range.end == range.start
            {
                forms.push(self.text[before.span.start..entity.span.end].to_owned());
            }
            for form in forms {
                let letters = initials(&form);
                if letters.len() < 2 {
                    continue;
                }
                let named = Some((entity.kind, form));
                spelled
                    .entry(letters)
                    .and_modify(|known| {
                        if *known != named {
                            *known = None; // two names spell it: no guess
                        }
                    })
                    .or_insert(named);
            }
        }
        for (range, entity) in found.iter_mut() {
            if range.len() != 1 || !self.is_acronym(range.start) {
                continue;
            }
            let word = self.word(range.start);
            if let Some((kind, full)) = definitions.get(word) {
                entity.kind = *kind;
                entity.canonical = Some(full.clone());
            } else if entity.canonical.is_none()
                && let Some(Some((kind, full))) = spelled.get(&word.replace('.', ""))
            {
                // "NK" for North Korea, "KZN" for KwaZulu-Natal are places.
                entity.kind = *kind;
                entity.canonical = Some(full.clone());
            }
        }
        // A short name of a body written as a word ("Pagasa", "Ofgem") or in capitals may be
        // spelled out anywhere in the text, whatever extraction made of the long form.
        let mut spelled_out: FxHashMap<&str, Option<String>> = FxHashMap::default();
        for (range, entity) in found.iter_mut() {
            let word = self.word(range.start);
            if range.len() != 1
                || entity.kind != EntityKind::Organization
                || entity.canonical.is_some()
                || word.chars().count() < 3
            {
                continue;
            }
            let full = spelled_out
                .entry(word)
                .or_insert_with(|| self.spelled_out(word));
            if let Some(full) = full {
                entity.canonical = Some(full.clone());
            }
        }
    }
}

impl Scan<'_> {
    /// The capitalised phrase of the text whose initials spell `short` ("Philippine
    /// Atmospheric, Geophysical and Astronomical Services Administration" for "Pagasa"):
    /// capitalised words joined by "of", "and", "for", "the" or commas.
    fn spelled_out(&self, short: &str) -> Option<String> {
        let target: Vec<char> = short
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_uppercase)
            .collect();
        let mut found: Option<String> = None;
        for start in 0..self.tokens.len() {
            if !self.is_name_word(start) || self.word(start).chars().next()? != target[0] {
                continue;
            }
            let (mut matched, mut k) = (0, start);
            while k < self.tokens.len() && matched < target.len() {
                let t = &self.tokens[k];
                if t.is_capitalized() {
                    let letters: Vec<char> = initials(self.word(k)).chars().collect();
                    if !target[matched..].starts_with(&letters) {
                        break;
                    }
                    matched += letters.len();
                } else if !(matches!(self.word(k), "of" | "and" | "for" | "the" | "," | "-")
                    && k > start)
                {
                    break;
                }
                k += 1;
            }
            if matched == target.len() && k > start + 1 {
                let phrase = &self.text[self.tokens[start].span.start..self.tokens[k - 1].span.end];
                if found.as_deref().is_some_and(|f| f != phrase) {
                    return None; // two phrases spell it: no guess
                }
                found = Some(phrase.to_owned());
            }
        }
        found
    }
}

/// The capitals that start a name's words and word parts: "Reserve Bank of Australia" →
/// "RBA", "KwaZulu-Natal" → "KZN".
fn initials(name: &str) -> String {
    let mut letters = String::new();
    let mut previous: Option<char> = None;
    for c in name.chars() {
        let starts_part = previous.is_none_or(|p| !p.is_alphabetic() || p.is_lowercase());
        if c.is_uppercase() && starts_part {
            letters.push(c);
        }
        previous = Some(c);
    }
    letters
}

/// Whether `acronym` can abbreviate `full`: it starts with the name's first letter and its
/// letters occur in the name in order (`NSC`, `DPRK`, `ISIS` for "Islamic State").
fn abbreviates(acronym: &str, full: &str) -> bool {
    let full = full.strip_prefix("the ").unwrap_or(full).to_lowercase();
    let mut rest = full.chars();
    let mut letters = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase);
    let first_matches = letters.clone().next() == full.chars().next();
    first_matches && letters.all(|letter| rest.any(|c| c == letter))
}

/// Appends `word` with only its first letter in upper case: `WASHINGTON` → `Washington`.
fn push_title_case(key: &mut String, word: &str) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        key.push(first);
        key.extend(chars.flat_map(char::to_lowercase));
    }
}

/// Each person mention's canonical form is the fullest mention in the article that shares
/// its last word, or that contains it as a word (`Kirby` → `John Kirby`).
fn canonicalize_people(text: &str, found: &mut [(std::ops::Range<usize>, Entity)]) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::sentences::split;
    use crate::extract::token::tokenize;

    fn names(text: &str) -> Vec<(String, EntityKind)> {
        let tokens = tokenize(text);
        let sentences = split(text, &tokens);
        let mut taken = vec![false; tokens.len()];
        find(text, &tokens, &sentences, &mut taken)
            .into_iter()
            .map(|e| (text[e.span.start..e.span.end].to_owned(), e.kind))
            .collect()
    }

    fn of_kind(text: &str, kind: EntityKind) -> Vec<String> {
        names(text)
            .into_iter()
            .filter(|(_, k)| *k == kind)
            .map(|(t, _)| t)
            .collect()
    }

    use EntityKind::*;

    #[test]
    fn people_by_given_name_title_verb_and_coreference() {
        let text = "White House National Security Communications Advisor John Kirby spoke. \
                    Later, Ambassador Joonkook Hwang and President Putin met. Kirby said no. \
                    Russia's UN Ambassador, Vassily Nebenzia, disagreed. Tkachenko said yes.";
        assert_eq!(
            of_kind(text, Person),
            [
                "John Kirby",
                "Joonkook Hwang",
                "Putin",
                "Kirby",
                "Vassily Nebenzia",
                "Tkachenko"
            ]
        );
        assert_eq!(of_kind(text, Organization), ["White House", "UN"]);
    }

    #[test]
    fn organisations_by_head_word_with_country_prefix_split() {
        let text = "The U.S. National Security Council met the Delaware Department of Elections and the UN Security Council. \
                    Pentagon's Deputy Press Secretary Sabrina Singh spoke for the Department of Defense.";
        assert_eq!(
            of_kind(text, Organization),
            [
                "National Security Council",
                "Delaware Department of Elections",
                "UN Security Council",
                "Pentagon",
                "Department of Defense",
            ]
        );
        assert_eq!(of_kind(text, Location), ["U.S."]);
        assert_eq!(of_kind(text, Person), ["Sabrina Singh"]);
    }

    #[test]
    fn places_groups_and_headlines() {
        let text = "U.S. Expresses Concern Over North Korean Troop Support for Russia in Ukraine Conflict\n\n\
                    Troops moved to Russia's Kursk Oblast and the DPRK-Russia border; Five Dead in Washington State.";
        assert_eq!(
            of_kind(text, Location),
            [
                "U.S.",
                "Russia",
                "Ukraine",
                "Russia",
                "Kursk Oblast",
                "DPRK",
                "Russia",
                "Washington State"
            ]
        );
        assert_eq!(of_kind(text, Group), ["North Korean"]);
        assert!(
            of_kind(text, Person).is_empty(),
            "{:?}",
            of_kind(text, Person)
        );
    }

    #[test]
    fn bylines_party_organisations_and_place_context() {
        let text = "By Elif Demir and Thomas Becker\n\n\
                    The Republican National Committee said it would go to the Supreme Court of Georgia. \
                    The quake hit the town of Sindirgi in Balikesir province and A Fulton County judge ruled.";
        assert_eq!(of_kind(text, Person), ["Elif Demir", "Thomas Becker"]);
        assert_eq!(
            of_kind(text, Organization),
            ["Republican National Committee", "Supreme Court of Georgia"]
        );
        assert_eq!(
            of_kind(text, Location),
            ["Sindirgi", "Balikesir", "Fulton County"]
        );
    }

    #[test]
    fn a_credit_in_brackets_is_not_an_acronym_definition() {
        let text = "ANKARA, Turkey (AP) — The Islamic State (ISIS) claimed it.";
        let tokens = tokenize(text);
        let sentences = split(text, &tokens);
        let mut taken = vec![false; tokens.len()];
        let found = find(text, &tokens, &sentences, &mut taken);
        let at = |word: &str| {
            found
                .iter()
                .find(|e| &text[e.span.start..e.span.end] == word)
                .unwrap_or_else(|| panic!("{word} not found in {found:?}"))
        };
        assert_eq!(at("AP").kind, Organization);
        assert_ne!(at("AP").canonical.as_deref(), Some("Turkey"));
        assert_eq!(at("ISIS").canonical.as_deref(), Some("Islamic State"));
        assert!(abbreviates("DPRK", "Democratic People's Republic of Korea"));
        assert!(!abbreviates("AP", "Turkey"));
    }

    #[test]
    fn shouted_datelines_facilities_and_places_before_their_state() {
        assert_eq!(
            names("SAN FRANCISCO — Talks went on. NEW YORK — Prices fell."),
            [
                ("SAN FRANCISCO".to_owned(), Location),
                ("NEW YORK".to_owned(), Location)
            ]
        );
        assert_eq!(
            of_kind(
                "He will meet the king at Buckingham Palace on Friday.",
                Location
            ),
            ["Buckingham Palace"]
        );
        assert!(
            of_kind("Shares of the Zorvath, Ohio-based firm rose.", Location)
                .contains(&"Zorvath".to_owned())
        );
    }

    #[test]
    fn particles_inside_full_names_and_organisations_for_a_purpose() {
        assert_eq!(
            of_kind(
                "Coach Luis de la Fuente met Ursula von der Leyen in Brussels.",
                Person
            ),
            ["Luis de la Fuente", "Ursula von der Leyen"]
        );
        assert_eq!(
            of_kind(
                "Data from the Centers for Disease Control and Prevention and the Institute for Fiscal Studies.",
                Organization
            ),
            [
                "Centers for Disease Control and Prevention",
                "Institute for Fiscal Studies"
            ]
        );
    }

    #[test]
    fn hyphenated_names_initials_and_nationalities_before_ministries() {
        assert_eq!(
            of_kind(
                "Chairman Park Min-jun met Adrian Holloway-Price and Lee Soo-ah. Agency chief \
                 R. Venkatraman said the Kremlin-backed plan was dead.",
                Person
            ),
            [
                "Park Min-jun",
                "Adrian Holloway-Price",
                "Lee Soo-ah",
                "R. Venkatraman"
            ]
        );
        let text = "The Russian Defense Ministry said troops advanced.";
        assert_eq!(of_kind(text, Group), ["Russian"]);
        assert_eq!(of_kind(text, Organization), ["Defense Ministry"]);
    }

    #[test]
    fn institutions_codes_regions_with_a_head_and_spelled_acronyms() {
        let text = "Members of the House voted. Treasury warned them. Flight ZX123 of a \
                    Plaxon 787-900ER landed. Dorset Police and Alaska Airlines said the KwaZulu-Natal \
                    floods hit KZN hard. The Reconnaissance General Bureau sent them.";
        assert_eq!(
            of_kind(text, Organization),
            [
                "House",
                "Treasury",
                "Dorset Police",
                "Alaska Airlines",
                "Reconnaissance General Bureau"
            ]
        );
        assert!(of_kind(text, Location).contains(&"KZN".to_owned()));
        // A short name written as a word is spelled out where the text gives the long form.
        let text = "Title\n\nThe Northern Atmospheric, Seismic and Marine Services Office issued a \
                    storm warning on Monday. Nasmso said the storm would weaken by Tuesday night.";
        let claims = crate::extract::extract_text(text, crate::extract::Context::default()).claims;
        assert_eq!(
            claims.last().and_then(|c| c.speaker.as_deref()),
            Some("Northern Atmospheric, Seismic and Marine Services Office")
        );
        // One name for a lone word that speaks: a body everywhere in the article.
        let text = "The chief executive of Ofgram spoke first. Later, Ofgram said prices rise.";
        assert_eq!(of_kind(text, Organization), ["Ofgram", "Ofgram"]);
    }

    #[test]
    fn hyphens_particles_and_initials_in_leftover_names_and_places_before_places() {
        let people = of_kind(
            "The country's foreign minister, Dalo Min-hee, traveled. Col Ewan de Vere-Holt spoke. \
             Director P Ramaswamy thanked the team.",
            Person,
        );
        assert_eq!(people, ["Dalo Min-hee", "Ewan de Vere-Holt", "P Ramaswamy"]);
        assert!(of_kind("The storm hit Santa Fe, Nueva Vizcaya, on Sunday.", Person).is_empty());
        assert!(of_kind("Engineers checked the Vikram lander.", Person).is_empty());
        assert_eq!(
            of_kind(
                "Health Cabinet Secretary Ana Mwangi met the Cabinet.",
                Organization
            ),
            ["Cabinet"]
        );
    }

    #[test]
    fn a_lone_unknown_word_is_a_person_only_with_evidence() {
        // A brand, a storm or a regulator is as likely as a person with nothing around it.
        assert!(of_kind("Sales of Zorvexa rose. Typhoon Kalmeg hit.", Person).is_empty());
        // A lone word that speaks is a body; one referred to as "he" or "who" is a person.
        assert_eq!(
            of_kind("Ofgram said prices would rise.", Organization),
            ["Ofgram"]
        );
        assert_eq!(
            of_kind(
                "A sign of desperation by Dravik as he tries again. Dravik's move failed.",
                Person
            ),
            ["Dravik", "Dravik"]
        );
        // The full name earlier makes a lone surname later a person.
        assert_eq!(
            of_kind(
                "Premier Tandeka Zulwana visited. Later, Zulwana promised aid.",
                Person
            ),
            ["Tandeka Zulwana", "Zulwana"]
        );
        assert!(of_kind("We've seen it. They're here.", Person).is_empty());
    }

    #[test]
    fn a_name_whose_the_is_written_in_lower_case() {
        let text = "She told the Guardian and the New York Times that the rains were severe.";
        assert_eq!(of_kind(text, Organization), ["Guardian", "New York Times"]);
        let tokens = tokenize(text);
        let sentences = split(text, &tokens);
        let mut taken = vec![false; tokens.len()];
        let found = find(text, &tokens, &sentences, &mut taken);
        let canonicals: Vec<_> = found.iter().map(|e| e.canonical.as_deref()).collect();
        assert_eq!(
            canonicals,
            [Some("The Guardian"), Some("The New York Times")]
        );
    }

    #[test]
    fn a_description_after_an_unknown_name_gives_its_kind() {
        let text = "Zorvexa, the vaccine alliance, said it was ready. The White Helmets, a civil \
                    defence group, said more had died. Trelkov, a town near the border, was shelled. \
                    Quillan Marsh, a local resident, said the water rose.";
        assert_eq!(of_kind(text, Organization), ["Zorvexa", "White Helmets"]);
        assert_eq!(of_kind(text, Location), ["Trelkov"]);
        assert_eq!(of_kind(text, Person), ["Quillan Marsh"]);
    }

    #[test]
    fn common_abbreviations_and_model_numbers_name_nobody() {
        let text = "Demand for AI chips and H100 processors rose, the CEO said in a TV interview.";
        assert_eq!(names(text), []);
    }

    #[test]
    fn acronym_definitions_take_the_full_name() {
        let text =
            "a U.S. National Security Council (NSC) official said. The NSC spokesperson agreed.";
        let tokens = tokenize(text);
        let sentences = split(text, &tokens);
        let mut taken = vec![false; tokens.len()];
        let found = find(text, &tokens, &sentences, &mut taken);
        let nsc: Vec<_> = found
            .iter()
            .filter(|e| &text[e.span.start..e.span.end] == "NSC")
            .collect();
        assert_eq!(nsc.len(), 2);
        assert!(nsc.iter().all(|e| e.kind == Organization
            && e.canonical.as_deref() == Some("National Security Council")));
    }
}
