//! The embedded gazetteers: known places, organisations and groups, given names, surnames and
//! common English words, parsed once on first use. Data and sources: `assets/gazetteer/`.

use std::collections::HashSet;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::EntityKind;
use super::token::{TokenKind, tokenize};

/// A known phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    /// Its kind.
    pub kind: EntityKind,
    /// Its canonical name (`United States` for `U.S.`).
    pub canonical: String,
}

/// The parsed gazetteers.
#[derive(Debug)]
pub struct Gazetteer {
    phrases: FxHashMap<String, Known>,
    /// Every leading part of a known phrase (`North`, `North Korea` ...), so a lookup can stop
    /// as soon as the words read so far begin no phrase.
    prefixes: FxHashSet<String>,
    /// The most tokens a known phrase has.
    pub longest_phrase: usize,
    given_names: FxHashSet<String>,
    surnames: FxHashSet<String>,
    common_words: FxHashSet<String>,
    countries: HashSet<String>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    Gazetteer::parse(
        include_str!("../../assets/gazetteer/entities.tsv"),
        include_str!("../../assets/gazetteer/given_names.txt"),
        include_str!("../../assets/gazetteer/surnames.txt"),
        include_str!("../../assets/gazetteer/common_words.txt"),
    )
});

impl Gazetteer {
    /// The embedded gazetteer.
    #[must_use]
    pub fn get() -> &'static Self {
        &GAZETTEER
    }

    /// Parses the data files (`phrase<TAB>kind<TAB>canonical` lines; one word a line).
    #[must_use]
    pub fn parse(entities: &str, given: &str, surnames: &str, common: &str) -> Self {
        let mut phrases = FxHashMap::default();
        let mut prefixes = FxHashSet::default();
        let mut longest_phrase = 1;
        for line in entities.lines().filter(|l| !l.starts_with('#')) {
            let mut fields = line.split('\t');
            let (Some(phrase), Some(kind)) = (fields.next(), fields.next()) else {
                continue;
            };
            let Some(kind) = EntityKind::parse(kind.trim()) else {
                continue;
            };
            let canonical = fields.next().map_or(phrase, str::trim).to_owned();
            let key = phrase_key(phrase);
            longest_phrase = longest_phrase.max(key.split(' ').count());
            for (i, _) in key.match_indices(' ') {
                prefixes.insert(key[..i].to_owned());
            }
            phrases.entry(key).or_insert(Known { kind, canonical });
        }
        let words = |list: &str| {
            list.lines()
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect()
        };
        // A country is a place that has a people: the canonical place of some group entry.
        let places: HashSet<&str> = phrases
            .values()
            .filter(|k| k.kind == EntityKind::Location)
            .map(|k| k.canonical.as_str())
            .collect();
        let countries = phrases
            .values()
            .filter(|k| k.kind == EntityKind::Group && places.contains(k.canonical.as_str()))
            .map(|k| k.canonical.clone())
            .collect();
        Self {
            phrases,
            prefixes,
            longest_phrase,
            given_names: words(given),
            surnames: words(surnames),
            common_words: words(common),
            countries,
        }
    }

    /// The known phrase spelled by these token texts (joined by single spaces).
    #[must_use]
    pub fn phrase(&self, key: &str) -> Option<&Known> {
        self.phrases.get(key)
    }

    /// Whether some known phrase begins with these token texts (joined by single spaces).
    #[must_use]
    pub fn is_prefix(&self, key: &str) -> bool {
        self.prefixes.contains(key)
    }

    /// Canonical names of countries (places whose people the gazetteer names).
    #[must_use]
    pub fn countries(&self) -> &HashSet<String> {
        &self.countries
    }

    /// Whether `word` (as written) is a given name.
    #[must_use]
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }

    /// Whether `word` (as written) is a surname.
    #[must_use]
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    /// Whether the lower-case form of `word` is a common English word.
    #[must_use]
    pub fn is_common_word(&self, word: &str) -> bool {
        super::lexicon::with_lowercase(word, |w| self.common_words.contains(w))
    }
}

/// The lookup key of a phrase: its tokens joined by single spaces, curly apostrophes straight.
#[must_use]
pub fn phrase_key(phrase: &str) -> String {
    let phrase = phrase.replace('’', "'");
    tokenize(&phrase)
        .iter()
        .filter(|t| t.kind != TokenKind::Punct || !t.text(&phrase).trim().is_empty())
        .map(|t| t.text(&phrase))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_phrases_and_word_lists() {
        let g = Gazetteer::parse(
            "U.S.\tlocation\tUnited States\nDemocratic People’s Republic of Korea\tlocation\tNorth Korea\nbad line\n",
            "John\n",
            "Kirby\n",
            "support\n",
        );
        assert_eq!(g.phrase("U.S.").unwrap().canonical, "United States");
        assert_eq!(
            g.phrase(&phrase_key("Democratic People's Republic of Korea"))
                .unwrap()
                .kind,
            EntityKind::Location
        );
        assert_eq!(g.longest_phrase, 6);
        assert!(g.is_given_name("John") && g.is_surname("Kirby"));
        assert!(g.is_common_word("Support") && !g.is_common_word("Kirby"));
    }

    #[test]
    fn embedded_data_knows_the_basics() {
        let g = Gazetteer::get();
        for (phrase, kind) in [
            ("North Korea", EntityKind::Location),
            ("U.S.", EntityKind::Location),
            ("North Korean", EntityKind::Group),
            ("NATO", EntityKind::Organization),
        ] {
            assert_eq!(
                g.phrase(&phrase_key(phrase)).map(|k| k.kind),
                Some(kind),
                "{phrase}"
            );
        }
        assert!(g.is_common_word("concern"));
        assert!(g.is_given_name("John"));
    }
}
