//! Acronyms and short names: definitions in brackets, acronyms that spell a name of the
//! article, and short names spelled out anywhere in the text.

use std::borrow::Cow;

use super::{Entity, EntityKind, FxHashMap, FxHashSet, Scan};

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
        // Only the acronyms left without a name are looked for, so names are spelled out
        // (and copied) only when one of them may match.
        let wanted: FxHashSet<Cow<'_, str>> = found
            .iter()
            .filter(|(range, entity)| {
                range.len() == 1
                    && entity.canonical.is_none()
                    && self.is_acronym(range.start)
                    && !definitions.contains_key(self.word(range.start))
            })
            .map(|(range, _)| without_dots(self.word(range.start)))
            .collect();
        let mut spelled: FxHashMap<String, Option<(EntityKind, String)>> = FxHashMap::default();
        let mut letters = String::new();
        for pair in 0..found.len() {
            if wanted.is_empty() {
                break;
            }
            let (range, entity) = &found[pair];
            if !matches!(entity.kind, EntityKind::Organization | EntityKind::Location) {
                continue;
            }
            let own = entity.span;
            let with_country = pair
                .checked_sub(1)
                .map(|b| &found[b])
                .filter(|(before_range, before)| {
                    entity.kind == EntityKind::Organization
                        && matches!(before.kind, EntityKind::Location | EntityKind::Group)
                        && before_range.end == range.start
                })
                .map(|(_, before)| crate::span::Span::new(before.span.start, own.end));
            for form in std::iter::once(own).chain(with_country) {
                let form = &self.text[form.start..form.end];
                letters.clear();
                push_initials(&mut letters, form);
                if letters.len() < 2 || !wanted.contains(letters.as_str()) {
                    continue;
                }
                let named = Some((entity.kind, form.to_owned()));
                spelled
                    .entry(letters.clone())
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
                && let Some(Some((kind, full))) = spelled.get(without_dots(word).as_ref())
            {
                // "NK" for North Korea, "KZN" for KwaZulu-Natal are places.
                entity.kind = *kind;
                entity.canonical = Some(full.clone());
            }
        }
        // A short name of a body written as a word ("Pagasa", "Ofgem") or in capitals may be
        // spelled out anywhere in the text, whatever extraction made of the long form.
        let short_name = |range: &std::ops::Range<usize>, entity: &Entity| {
            let word = self.word(range.start);
            (range.len() == 1
                && entity.kind == EntityKind::Organization
                && entity.canonical.is_none()
                && word.chars().count() >= 3)
                .then_some(word)
        };
        // Spelled once per distinct short name, not once per mention.
        let mut spellings: FxHashMap<&str, String> = FxHashMap::default();
        for (range, entity) in found.iter() {
            if let Some(word) = short_name(range, entity) {
                spellings.entry(word).or_insert_with(|| spelling(word));
            }
        }
        if spellings.is_empty() {
            return;
        }
        let wanted: FxHashSet<String> = spellings.values().cloned().collect();
        let spelled = self.spelled_out(&wanted);
        for (range, entity) in found.iter_mut() {
            if let Some(full) = short_name(range, entity)
                .and_then(|word| spellings.get(word))
                .and_then(|letters| spelled.get(letters))
                .and_then(Option::as_ref)
            {
                entity.canonical = Some(full.clone());
            }
        }
    }
}

impl Scan<'_> {
    /// For each of the `wanted` spellings (upper-case letters), the capitalised phrase of the
    /// text whose initials spell it ("Philippine Atmospheric, Geophysical and Astronomical
    /// Services Administration" for "Pagasa"): capitalised words joined by "of", "and",
    /// "for", "the" or commas; `None` when two phrases spell it. One pass over the text.
    pub(super) fn spelled_out(
        &self,
        wanted: &FxHashSet<String>,
    ) -> FxHashMap<String, Option<String>> {
        // Every prefix of a wanted spelling: a phrase whose initials leave them is dropped at once.
        let prefixes: FxHashSet<&str> = wanted
            .iter()
            .flat_map(|w| (1..=w.len()).filter_map(move |n| w.get(..n)))
            .collect();
        let mut spelled: FxHashMap<String, Option<String>> = FxHashMap::default();
        let mut letters = String::new();
        for start in 0..self.tokens.len() {
            if !self.is_name_word(start) {
                continue;
            }
            letters.clear();
            let mut k = start;
            while k < self.tokens.len() {
                if self.tokens[k].is_capitalized() {
                    push_initials(&mut letters, self.word(k));
                    if !prefixes.contains(letters.as_str()) {
                        break;
                    }
                    if k > start && wanted.contains(&letters) {
                        let phrase =
                            &self.text[self.tokens[start].span().start..self.tokens[k].span().end];
                        spelled
                            .entry(letters.clone())
                            .and_modify(|known| {
                                if known.as_deref() != Some(phrase) {
                                    *known = None;
                                }
                            })
                            .or_insert_with(|| Some(phrase.to_owned()));
                    }
                } else if !(k > start
                    && matches!(self.word(k), "of" | "and" | "for" | "the" | "," | "-"))
                {
                    break;
                }
                k += 1;
            }
        }
        spelled
    }
}

/// An acronym without its dots: "U.N." → "UN"; borrowed when it has none.
fn without_dots(word: &str) -> Cow<'_, str> {
    if word.contains('.') {
        Cow::Owned(word.replace('.', ""))
    } else {
        Cow::Borrowed(word)
    }
}

/// A short name's letters in capitals: "Pagasa" → "PAGASA".
fn spelling(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Appends the capitals that start `name`'s words and word parts to `letters`: "Reserve Bank
/// of Australia" → "RBA", "KwaZulu-Natal" → "KZN".
fn push_initials(letters: &mut String, name: &str) {
    let mut previous: Option<char> = None;
    for c in name.chars() {
        let starts_part = previous.is_none_or(|p| !p.is_alphabetic() || p.is_lowercase());
        if c.is_uppercase() && starts_part {
            letters.push(c);
        }
        previous = Some(c);
    }
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
