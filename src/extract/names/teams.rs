//! National teams: in a sports report a country named as a competitor is its team.

use super::{Entity, EntityKind, PLACE_PREPOSITIONS, Scan};
use crate::extract::lexicon::lexicon;

lexicon!(
    /// Words of a sports report (`wickets`, `innings`, `goals`): an article with several of
    /// them reports a match, where countries compete as teams.
    static SPORTS_WORDS = "sports-words.txt"
);

/// How many distinct sports words make an article a sports report.
const SPORTS_REPORT_WORDS: usize = 3;

/// How far into the text they are looked for: a match report says what it is early, and a
/// long text costs no more.
const SPORTS_SEARCH_TOKENS: usize = 2_000;

impl Scan<'_> {
    /// In a sports report, a country that is not a place (`India beat Australia`, not `in
    /// Perth, Australia`) is the national team: an organisation.
    pub(super) fn countries_as_teams(&self, found: &mut [(std::ops::Range<usize>, Entity)]) {
        if !self.is_sports_report() {
            return;
        }
        for (range, entity) in found.iter_mut() {
            let is_country = entity.kind == EntityKind::Location
                && self.countries.contains(
                    entity
                        .canonical
                        .as_deref()
                        .unwrap_or(&self.text[entity.span.start..entity.span.end]),
                );
            let as_a_place = range.start > 0
                && (PLACE_PREPOSITIONS.contains(self.word(range.start - 1))
                    || self.word(range.start - 1) == ",");
            if is_country && !as_a_place {
                entity.kind = EntityKind::Organization;
            }
        }
    }

    fn is_sports_report(&self) -> bool {
        let mut seen: Vec<&str> = Vec::new();
        for token in self.tokens.iter().take(SPORTS_SEARCH_TOKENS) {
            let word = token.text(self.text);
            if SPORTS_WORDS.contains(word) && !seen.contains(&word) {
                seen.push(word);
                if seen.len() >= SPORTS_REPORT_WORDS {
                    return true;
                }
            }
        }
        false
    }
}
