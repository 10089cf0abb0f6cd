//! Name forms shared by the index, the source chains and the figure groups: cleaning,
//! comparison keys, acronyms and initials, transliteration variants, capitals for countries.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::extract::lexicon::lexicon;

/// A name as written, tidied: whitespace collapsed, curly apostrophes straight, a trailing
/// possessive (`Russia's`) and surrounding punctuation dropped.
pub fn clean(name: &str) -> String {
    let joined = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['’', '‘'], "'");
    let trimmed = joined.trim_matches(|c: char| {
        !(c.is_alphanumeric() || c == '.' || c == '\'' || c == ')' || c == '(')
    });
    let trimmed = trimmed
        .strip_suffix("'s")
        .or_else(|| {
            trimmed
                .strip_suffix("s'")
                .map(|_| &trimmed[..trimmed.len() - 1])
        })
        .unwrap_or(trimmed);
    trimmed
        .trim_matches(|c: char| c == '(' || c == ')')
        .to_owned()
}

/// The key names are compared by: lower case, dots and apostrophes dropped, leading `the`
/// dropped, so `U.N.`, `UN` and `the UN` meet.
pub fn key(name: &str) -> String {
    let cleaned = clean(name).to_lowercase();
    let without_the = cleaned.strip_prefix("the ").unwrap_or(&cleaned);
    without_the
        .chars()
        .filter(|c| !matches!(c, '.' | '\'' | '’'))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

lexicon!(
    /// Words an acronym skips: `NATO` for North Atlantic Treaty Organization, `DPRK` for
    /// Democratic People's Republic of Korea.
    static ACRONYM_SKIPS = "acronym-skips.txt", "connectors.txt"
);

/// Whether `name` is written as an acronym: 2 to 6 capitals, dots allowed (`U.S.`, `NIS`).
pub fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| *c != '.').collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(char::is_ascii_uppercase)
}

/// The initials of a multi-word name (`National Intelligence Service` → `NIS`); `None` for
/// a single word. Hyphenated parts count separately (`Asia-Pacific` → `AP`).
pub fn initials(name: &str) -> Option<String> {
    let cleaned = clean(name);
    let words: Vec<&str> = cleaned
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .filter(|w| !ACRONYM_SKIPS.contains_as_written(&w.to_lowercase()))
        .collect();
    if words.len() < 2 {
        return None;
    }
    words
        .iter()
        .map(|w| w.chars().next().filter(char::is_ascii_alphabetic))
        .collect::<Option<String>>()
        .map(|s| s.to_ascii_uppercase())
}

/// The letters of an acronym (`U.S.` → `US`).
pub fn acronym_letters(name: &str) -> String {
    name.chars().filter(|c| *c != '.').collect()
}

/// A spelling key for transliterated names: `Zelenskiy`, `Zelenskyy` and `Zelensky` meet;
/// so do `Kyslytsya`/`Kyslytsia` endings and doubled letters.
pub fn transliteration_key(name: &str) -> String {
    let lower: String = key(name)
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            _ => c,
        })
        .collect();
    let mut out = String::with_capacity(lower.len());
    for word in lower.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        let mut w = word
            .replace("iy", "y")
            .replace("ij", "y")
            .replace("ii", "y")
            .replace("ya", "ia")
            .replace("kh", "h");
        // Doubled letters are a transliteration choice (`Zelenskyy`).
        let mut collapsed = String::with_capacity(w.len());
        for c in w.chars() {
            if !collapsed.ends_with(c) {
                collapsed.push(c);
            }
        }
        w = collapsed;
        if let Some(stem) = w.strip_suffix('i') {
            w = format!("{stem}y");
        }
        out.push_str(&w);
    }
    out
}

static CAPITALS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    include_str!("capitals.tsv")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .collect()
});

/// Institutions standing for their country when they act (`the Kremlin sent`).
const SEATS_OF_POWER: &[(&str, &str)] = &[
    ("Kremlin", "Russia"),
    ("White House", "United States"),
    ("Pentagon", "United States"),
    ("Blue House", "South Korea"),
    ("Downing Street", "United Kingdom"),
    ("Elysee", "France"),
    ("Élysée", "France"),
    ("Zhongnanhai", "China"),
];

/// The country a capital or seat of government stands for (`Pyongyang` → `North Korea`).
pub fn country_of_seat(name: &str) -> Option<&'static str> {
    CAPITALS.get(name).copied().or_else(|| {
        SEATS_OF_POWER
            .iter()
            .find(|(seat, _)| *seat == name)
            .map(|&(_, country)| country)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_and_keys() {
        assert_eq!(clean("Russia’s"), "Russia");
        assert_eq!(clean("  South  Korea's "), "South Korea");
        assert_eq!(key("U.N."), key("UN"));
        assert_eq!(key("the Kremlin"), "kremlin");
    }

    #[test]
    fn acronyms_and_initials() {
        assert!(is_acronym("U.S.") && is_acronym("NIS") && !is_acronym("Nis"));
        assert_eq!(
            initials("National Intelligence Service").as_deref(),
            Some("NIS")
        );
        assert_eq!(
            initials("Democratic People's Republic of Korea").as_deref(),
            Some("DPRK")
        );
        assert_eq!(initials("Yonhap"), None);
    }

    #[test]
    fn transliterations_meet() {
        let k = transliteration_key("Volodymyr Zelenskiy");
        assert_eq!(k, transliteration_key("Volodymyr Zelenskyy"));
        assert_eq!(k, transliteration_key("Volodymyr Zelensky"));
        assert_ne!(k, transliteration_key("Volodymyr Zelenko"));
    }

    #[test]
    fn capitals_stand_for_countries() {
        assert_eq!(country_of_seat("Pyongyang"), Some("North Korea"));
        assert_eq!(country_of_seat("Washington"), Some("United States"));
        assert_eq!(country_of_seat("Kremlin"), Some("Russia"));
        assert_eq!(country_of_seat("Vladivostok"), None);
    }
}
