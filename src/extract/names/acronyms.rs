//! Acronyms and short names: definitions in brackets, acronyms that spell a name of the
//! article, and short names spelled out anywhere in the text.

use super::{Entity, EntityKind, FxHashMap, Scan};

impl Scan<'_> {
    /// `National Security Council (NSC)`: the acronym names the same thing as the entity
    /// before it; its canonical form is that entity's text.
    pub(super) fn define_acronyms(&self, found: &mut [(std::ops::Range<usize>, Entity)]) {
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

    /// The capitalised phrase of the text whose initials spell `short` ("Philippine
    /// Atmospheric, Geophysical and Astronomical Services Administration" for "Pagasa"):
    /// capitalised words joined by "of", "and", "for", "the" or commas.
    pub(super) fn spelled_out(&self, short: &str) -> Option<String> {
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
pub(super) fn initials(name: &str) -> String {
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
pub(super) fn abbreviates(acronym: &str, full: &str) -> bool {
    let full = full.strip_prefix("the ").unwrap_or(full).to_lowercase();
    let mut rest = full.chars();
    let mut letters = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase);
    let first_matches = letters.clone().next() == full.chars().next();
    first_matches && letters.all(|letter| rest.any(|c| c == letter))
}
