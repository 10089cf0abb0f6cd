//! Fixed word lists as hashed sets with allocation-free, ASCII-case-insensitive lookup: the
//! rules ask "is this a reporting verb / title / head word?" for nearly every token.

use std::borrow::Cow;

use rustc_hash::FxHashSet;

/// A set of words. Lower-case entries also match capitalised text (`Said` finds `said`);
/// capitalised entries (`Agency`) match only as written.
#[derive(Debug)]
pub struct WordSet(FxHashSet<&'static str>);

impl WordSet {
    /// A set holding `words`.
    #[must_use]
    pub fn new(words: &[&'static str]) -> Self {
        Self(words.iter().copied().collect())
    }

    /// Whether `word`, as written or lower-cased, is in the set.
    #[must_use]
    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
            || word.bytes().any(|b| b.is_ascii_uppercase())
                && with_lowercase(word, |w| self.0.contains(w))
    }
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

/// Declares `static NAME: LazyLock<WordSet>` built from a word list.
macro_rules! word_set {
    ($(#[$doc:meta])* $vis:vis static $name:ident = $words:expr;) => {
        $(#[$doc])*
        $vis static $name: std::sync::LazyLock<$crate::extract::lexicon::WordSet> =
            std::sync::LazyLock::new(|| $crate::extract::lexicon::WordSet::new($words));
    };
}
pub(crate) use word_set;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_fold_ascii_case_for_lowercase_entries_only() {
        let set = WordSet::new(&["said", "Agency"]);
        assert!(set.contains("said") && set.contains("Said") && set.contains("SAID"));
        assert!(set.contains("Agency") && !set.contains("agency") && !set.contains("AGENCY"));
        assert!(!set.contains("sa"));
        assert_eq!(lowercase("Kirby"), "kirby");
        assert!(matches!(lowercase("kirby"), Cow::Borrowed(_)));
    }
}
