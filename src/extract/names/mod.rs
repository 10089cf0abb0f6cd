//! Names: people, organizations, locations and groups, found sentence by sentence.
//!
//! - this file: the scan of each sentence and the word tests every rule shares;
//! - `known`: gazetteer phrases, shouted and lower-case-`the` forms;
//! - `people`: given names, titles, hyphenated parts, initials, same-article full names;
//! - `organisations`: runs of capitalised words and organisation head words;
//! - `leftovers`: unknown capitalised words, decided once the article's people are known;
//! - `acronyms`: definitions in brackets, acronyms and short names spelled out in the text.

use crate::extract::lexicon::lexicon;
use std::collections::HashSet;

use rustc_hash::{FxHashMap, FxHashSet};

use super::gazetteer::Gazetteer;
use super::sentences::Sentence;
use super::token::{Token, TokenKind};
use super::{Entity, EntityKind};
use crate::span::Span;

mod acronyms;
mod known;
mod leftovers;
mod organisations;
mod people;
mod teams;
#[cfg(test)]
mod tests;

use people::canonicalize_people;

/// The longest name, in tokens (words, connectors, initials), that a run of capitalised
/// words can give: "Kenya Medical Practitioners Pharmacists and Dentists Union" is eight.
const MAX_NAME_TOKENS: usize = 16;

lexicon!(
    /// Words that end a company's name; the word before them names the company alone later.
    pub(super) static CORPORATE_SUFFIXES = "corporate-suffixes.txt"
);

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
    static ORG_HEADS = "org-heads.txt", "corporate-suffixes.txt", "state-body-heads.txt"
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
    scan.countries_as_teams(&mut found);
    canonicalize_people(text, &mut found);
    // Without the growth slack: a long text's names are copied next to its other entities.
    let mut names: Vec<Entity> = found.into_iter().map(|(_, e)| e).collect();
    names.shrink_to_fit();
    names
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
            // Only a word with an apostrophe can be a contraction ("We've", "didn't").
            || word.contains(['\'', '’'])
                && CONTRACTION_ENDINGS
                    .entries()
                    .iter()
                    .any(|end| word.ends_with(end))
    }

    fn is_acronym(&self, i: usize) -> bool {
        // One pass that stops at the first lower-case letter, as most words do at once.
        let mut letters = 0;
        for c in self.word(i).chars() {
            if !(c.is_uppercase() || c == '.' || c.is_ascii_digit()) {
                return false;
            }
            letters += usize::from(c.is_alphabetic());
        }
        (2..=6).contains(&letters)
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
                let span = Span::new(
                    self.tokens[from].span().start,
                    self.tokens[to - 1].span().end,
                );
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
        &self.text[self.tokens[from].span().start..self.tokens[to - 1].span().end]
    }
}
