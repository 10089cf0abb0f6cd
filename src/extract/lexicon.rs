//! The rules' word lists: `assets/lexicon/`, one concept a file, embedded at build time and
//! hashed for allocation-free, ASCII-case-insensitive lookup of nearly every token.

use std::borrow::Cow;

use rustc_hash::FxHashSet;

/// A set of words. Lower-case entries also match capitalised text (`Said` finds `said`);
/// capitalised entries (`Agency`) match only as written.
#[derive(Debug)]
pub struct WordSet {
    /// In file order: phrase lists are tried in turn, the first that fits wins.
    entries: Vec<&'static str>,
    set: FxHashSet<&'static str>,
    /// Whether any entry has a capital: if none, a capitalised word needs one lookup, not two.
    has_capitals: bool,
}

impl WordSet {
    /// A set holding `words`.
    #[must_use]
    pub fn new(words: &[&'static str]) -> Self {
        Self {
            entries: words.to_vec(),
            set: words.iter().copied().collect(),
            has_capitals: words
                .iter()
                .any(|w| w.bytes().any(|b| b.is_ascii_uppercase())),
        }
    }

    /// The entries of lexicon files, in order (a rule may read several concepts).
    #[must_use]
    pub fn from_lexicons(texts: &[&'static str]) -> Self {
        let words: Vec<&'static str> = texts.iter().copied().flat_map(entries).collect();
        Self::new(&words)
    }

    /// Whether `word`, as written or lower-cased, is in the set.
    #[must_use]
    pub fn contains(&self, word: &str) -> bool {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.set.contains(word);
        }
        (self.has_capitals && self.set.contains(word))
            || with_lowercase(word, |w| self.set.contains(w))
    }

    /// Whether `word` is an entry exactly as written: for callers that lower-case first.
    #[must_use]
    pub fn contains_as_written(&self, word: &str) -> bool {
        self.set.contains(word)
    }

    /// The entries in file order; a phrase's words are separated by single spaces.
    #[must_use]
    pub fn entries(&self) -> &[&'static str] {
        &self.entries
    }
}

/// The entries of a lexicon file: one a line, `#` comment lines and blank lines skipped.
pub fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Calls `f` with `word` in lower case, without allocating for short words.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX: usize = 32;
    if word.len() <= MAX && word.is_ascii() {
        let mut buffer = [0u8; MAX];
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        f(std::str::from_utf8(lower).expect("ASCII stays UTF-8"))
    } else {
        f(&word.to_lowercase())
    }
}

/// `word` in lower case, borrowing when it already is.
#[must_use]
pub fn lowercase(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Declares `static NAME: LazyLock<WordSet>` holding the entries of files in `assets/lexicon/`,
/// embedded at build time so a missing file fails the build.
macro_rules! lexicon {
    ($(#[$doc:meta])* $vis:vis static $name:ident = $($file:literal),+ $(,)?) => {
        $(#[$doc])*
        $vis static $name: std::sync::LazyLock<$crate::extract::lexicon::WordSet> =
            std::sync::LazyLock::new(|| {
                $crate::extract::lexicon::WordSet::from_lexicons(&[$(include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/assets/lexicon/",
                    $file
                ))),+])
            });
    };
}
pub(crate) use lexicon;

#[cfg(test)]
mod tests {
    use super::*;

    use std::collections::BTreeMap;
    use std::path::Path;

    /// Lexicons that may share entries, by reason. Any other word in two files is one concept
    /// kept twice: move it to a file that both rules read. Sharing here keeps every rule's set
    /// exactly as it was; a shared file would add words to rules that lack them.
    const MAY_SHARE: &[(&str, &str)] = &[
        // `still` sits between a subject and its verb, and opens a sentence before a comma.
        ("auxiliaries", "continuing-connectors"),
        // `also`, `previously` sit between a subject and its verb, and before `known as`.
        ("auxiliaries", "known-as-qualifiers"),
        ("earlier-words", "known-as-qualifiers"),
        // `Singapore-registered` is an adjective; `55 injuries had been registered` a count.
        ("hyphen-suffixes", "recording-verbs"),
        // `not-plural` lists words by their spelling (ending in `s`), whatever else they are.
        ("auxiliaries", "not-plural"),
        ("not-plural", "subordinators"),
        ("not-plural", "so-far-auxiliaries"),
        ("not-plural", "place-prepositions"),
        ("may-cues", "not-plural"),
        ("generic-speaker-words", "not-plural"),
        // The source chains' description and title words include function words and generic
        // speaker words that other rules read for their own sake.
        ("generic-speaker-words", "title-words"),
        ("generic-speaker-words", "speaker-nouns"),
        ("connectors", "generic-speaker-words"),
        ("generic-speaker-words", "may-cues"),
        ("generic-speaker-words", "person-titles"),
        ("generic-speaker-words", "speaker-heads"),
        ("generic-speaker-words", "person-descriptions"),
        ("generic-speaker-words", "irregular-units"),
        ("generic-speaker-words", "place-nouns"),
        ("generic-speaker-words", "title-modifiers"),
        ("generic-speaker-words", "place-prepositions"),
        ("connectors", "title-words"),
        ("may-cues", "title-words"),
        ("person-roles", "title-words"),
        ("title-modifiers", "title-words"),
        // Prepositions, particles and adverbs in several roles: before a place or a month,
        // inside a name, before a number; an acronym skips only some particles.
        ("may-cues", "place-prepositions"),
        ("connectors", "may-cues"),
        ("acronym-skips", "name-particles"),
        ("place-prepositions", "relay-cues"),
        ("place-prepositions", "qualifiers"),
        ("auxiliaries", "qualifiers"),
        ("auxiliaries", "subordinators"),
        ("auxiliaries", "person-name-particles"),
        ("auxiliaries", "title-modifiers"),
        // Verbs of saying read in another role (`raised concerns`, `expected to`, `told`), or
        // spelled like nouns (`states`, `reports`).
        ("commentary-words", "reporting-verbs"),
        ("projection-words", "reporting-verbs"),
        ("projecting-report-verbs", "projection-words"),
        ("qualifiers", "reporting-verbs"),
        ("relay-cues", "reporting-verbs"),
        ("reporting-verbs", "stirs"),
        ("reporting-verbs", "speaker-nouns"),
        ("not-speakers", "reporting-verbs"),
        // Roles the title, description and speaker rules each list on their own
        // (`official`, `envoy`, `lawyer`, `agency`): no other set of rules reads them all.
        ("person-titles", "speaker-nouns"),
        ("person-descriptions", "speaker-nouns"),
        ("person-descriptions", "speaker-heads"),
        ("person-descriptions", "person-titles"),
        ("person-titles", "speaker-heads"),
        ("agencies", "organisation-descriptions"),
        // One spelling, two senses: `the defence` and `Defence Minister`, `a father` and
        // `Father X`, a state and the state, people counted and people speaking.
        ("speaker-nouns", "title-modifiers"),
        ("person-descriptions", "title-modifiers"),
        ("place-nouns", "speaker-nouns"),
        ("irregular-units", "speaker-nouns"),
        ("not-measures", "speaker-nouns"),
        ("not-measures", "stirred"),
        ("commentary-words", "stirred"),
        ("non-claim-labels", "not-speakers"),
        ("caption-openings", "non-claim-labels"),
        // A unit, a label and an abbreviation may be one word (`day one`, `No. 4`, `5ft`,
        // `et al.`, `year-long`, `Tokyo-area`).
        ("label-nouns", "units"),
        ("hyphen-suffixes", "units"),
        ("number-suffixes", "units"),
        ("hyphen-suffixes", "label-nouns"),
        ("abbreviations", "label-nouns"),
        ("abbreviations", "number-suffixes"),
        ("abbreviations", "name-particles"),
        ("hyphen-suffixes", "place-nouns"),
        // An institution standing alone (`the Senate`) also ends a longer name (`Kenyan Senate`).
        ("institutions", "org-heads"),
        ("institutions", "state-body-heads"),
        ("institutions", "state-body-words"),
    ];

    /// Every file in `assets/lexicon/`, by name without `.txt`.
    fn lexicons() -> BTreeMap<String, String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/lexicon");
        std::fs::read_dir(dir)
            .expect("assets/lexicon")
            .map(|entry| entry.expect("lexicon entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == "txt"))
            .map(|path| {
                let name = path.file_stem().expect("file name").to_string_lossy();
                let text = std::fs::read_to_string(&path).expect("lexicon text");
                (name.into_owned(), text)
            })
            .collect()
    }

    fn lines(text: &str) -> impl Iterator<Item = &str> {
        text.lines()
            .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
    }

    #[test]
    fn lookups_fold_ascii_case_for_lowercase_entries_only() {
        let set = WordSet::new(&["said", "Agency"]);
        assert!(set.contains("said") && set.contains("Said") && set.contains("SAID"));
        assert!(set.contains("Agency") && !set.contains("agency") && !set.contains("AGENCY"));
        assert!(!set.contains("sa"));
        assert!(set.contains_as_written("said") && !set.contains_as_written("Said"));
        assert_eq!(lowercase("Kirby"), "kirby");
        assert!(matches!(lowercase("kirby"), Cow::Borrowed(_)));
    }

    #[test]
    fn lexicon_files_parse_entries_phrases_and_comments() {
        let set = WordSet::from_lexicons(&["# a comment\n\nsaid\n  taken prisoner \n", "told\n"]);
        assert_eq!(set.entries(), ["said", "taken prisoner", "told"]);
        assert!(set.contains("Told") && !set.contains("# a comment"));
    }

    #[test]
    fn every_lexicon_is_commented_and_read_by_a_rule() {
        let lexicons = lexicons();
        assert!(
            lexicons.len() > 50,
            "assets/lexicon holds {}",
            lexicons.len()
        );
        let mut sources = String::new();
        let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).expect("src") {
                let path = entry.expect("src entry").path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    sources += &std::fs::read_to_string(path).expect("source");
                }
            }
        }
        for (name, text) in &lexicons {
            assert!(text.starts_with("# "), "{name}.txt: start with a comment");
            assert!(
                sources.contains(&format!("\"{name}.txt\"")),
                "{name}.txt: no rule reads it"
            );
            for line in lines(text) {
                assert_eq!(line, line.trim(), "{name}.txt: spaces around {line:?}");
                assert!(!line.contains("  "), "{name}.txt: double space in {line:?}");
            }
        }
    }

    #[test]
    fn each_word_is_in_one_lexicon() {
        let lexicons = lexicons();
        let mut homes: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (name, text) in &lexicons {
            let mut seen = std::collections::HashSet::new();
            for entry in lines(text) {
                assert!(seen.insert(entry), "{name}.txt: {entry:?} twice");
                homes.entry(entry).or_default().push(name);
            }
        }
        let mut shared: BTreeMap<(&str, &str), Vec<&str>> = BTreeMap::new();
        for (entry, files) in &homes {
            for (i, a) in files.iter().enumerate() {
                for b in &files[i + 1..] {
                    let pair = if a < b { (*a, *b) } else { (*b, *a) };
                    shared.entry(pair).or_default().push(entry);
                }
            }
        }
        let allowed: Vec<(&str, &str)> = MAY_SHARE
            .iter()
            .map(|&(a, b)| if a < b { (a, b) } else { (b, a) })
            .collect();
        let unexplained: Vec<String> = shared
            .iter()
            .filter(|(pair, _)| !allowed.contains(pair))
            .map(|((a, b), words)| format!("{a}.txt and {b}.txt share {words:?}"))
            .collect();
        assert!(unexplained.is_empty(), "{unexplained:#?}");
        for pair in &allowed {
            assert!(
                shared.contains_key(pair),
                "MAY_SHARE: {pair:?} share nothing"
            );
        }
    }
}
