//! Entity corrections: the analyst's fixes to extraction, over a range of one article or by
//! surface text in every article, the corrected entity list they produce, and the analyst's
//! edits of the entity index (merge, split, rename), kept as data the index applies.

use serde::{Deserialize, Serialize};

use super::anchor::Anchor;
use crate::article::ArticleId;
use crate::extract::{Entity, EntityKind};
use crate::span::Span;

prefixed_id! {
    /// A range correction's identity inside its workspace, written `e3`; never reused.
    CorrectionId, BadCorrectionId, prefix: 'e', what: "correction", example: "e3"
}

/// What a correction says about some text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "action", content = "kind", rename_all = "lowercase")]
pub enum EntityCorrection {
    /// It is an entity of this kind: adds one where there was none, or changes the kind of
    /// the one there.
    Mark(EntityKind),
    /// It is not an entity.
    Remove,
}

/// A correction over a range of one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpanCorrection {
    /// Its id.
    pub id: CorrectionId,
    /// The article.
    pub article: ArticleId,
    /// The range and its words; re-anchored when the article changes.
    pub anchor: Anchor,
    /// What it says.
    pub correction: EntityCorrection,
}

/// A correction by surface text, for every mention in every article, present and future.
/// Matching is case-sensitive and on word boundaries: `Savett` does not touch `Savettes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurfaceRule {
    /// The text, exactly as it appears.
    pub surface: String,
    /// What it says.
    pub correction: EntityCorrection,
}

/// One analyst edit of the entity index. Entries are named by their key (`person:John
/// Kirby`), which stays the same across renames and as articles come and go; the index
/// (`crate::compare::EntityIndex`) applies the edits in order and reports those that no
/// longer fit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "lowercase", deny_unknown_fields)]
pub enum IndexEdit {
    /// These entries are one entity: their mentions move into `into`.
    Merge {
        /// The entry that stays.
        into: String,
        /// The entries that join it.
        merged: Vec<String>,
    },
    /// The mentions written as one of `forms` are a different entity, called `name`.
    Split {
        /// The entry to split.
        entry: String,
        /// The surface forms whose mentions move out (compared as the aliases show them).
        forms: Vec<String>,
        /// The new entity's name; its key is `kind:name`.
        name: String,
    },
    /// The entity is called `name` (its key stays).
    Rename {
        /// The entry.
        entry: String,
        /// The new name.
        name: String,
    },
}

impl IndexEdit {
    /// What is wrong with the edit on its face (before any index is at hand): a blank key or
    /// name, nothing to merge or split off.
    #[must_use]
    pub fn problem(&self) -> Option<&'static str> {
        let blank = |text: &str| text.trim().is_empty();
        match self {
            Self::Merge { into, merged } => {
                if blank(into) || merged.iter().any(|k| blank(k)) {
                    Some("a merge names an entity without a key")
                } else if merged.iter().all(|k| k == into) {
                    Some("a merge needs another entity to join")
                } else {
                    None
                }
            }
            Self::Split { entry, forms, name } => {
                if blank(entry) || blank(name) {
                    Some("a split needs the entity and a name for the new one")
                } else if forms.iter().all(|f| blank(f)) {
                    Some("a split needs at least one form to move out")
                } else {
                    None
                }
            }
            Self::Rename { entry, name } => {
                (blank(entry) || blank(name)).then_some("a rename needs the entity and a name")
            }
        }
    }
}

/// All entity corrections of a workspace, in the order they were made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corrections {
    /// Corrections over ranges.
    pub spans: Vec<SpanCorrection>,
    /// Corrections by surface text, at most one per surface.
    pub rules: Vec<SurfaceRule>,
    /// Edits of the entity index, oldest first (absent from files that have none, such as
    /// every file of format version 1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub index_edits: Vec<IndexEdit>,
}

impl Corrections {
    /// The rule for `surface`, if any.
    #[must_use]
    pub fn rule(&self, surface: &str) -> Option<&SurfaceRule> {
        self.rules.iter().find(|rule| rule.surface == surface)
    }
}

/// The entities of one article after corrections: extraction's list, then the surface rules
/// (longest surface first), then the range corrections in the order they were made, so the
/// most specific and most recent word wins. The result is sorted and never overlaps.
#[must_use]
pub fn corrected_entities<'a>(
    text: &str,
    extracted: &[Entity],
    rules: &[SurfaceRule],
    spans: impl IntoIterator<Item = &'a SpanCorrection>,
) -> Vec<Entity> {
    let mut entities = extracted.to_vec();
    let mut rules: Vec<&SurfaceRule> = rules
        .iter()
        .filter(|rule| !rule.surface.is_empty())
        .collect();
    rules.sort_by_key(|rule| std::cmp::Reverse(rule.surface.len()));
    for rule in rules {
        match rule.correction {
            EntityCorrection::Remove => {
                entities.retain(|e| e.span.text(text) != Some(rule.surface.as_str()));
            }
            EntityCorrection::Mark(kind) => {
                for span in word_occurrences(text, &rule.surface) {
                    // A longer entity around the word (`Sean Savett` for `Savett`) already says more.
                    let inside_longer = entities
                        .iter()
                        .any(|e| e.span.contains(span) && e.span != span);
                    if !inside_longer {
                        mark(&mut entities, span, kind);
                    }
                }
            }
        }
    }
    for correction in spans {
        let Some(span) = correction.anchor.span else {
            continue;
        };
        match correction.correction {
            EntityCorrection::Remove => entities.retain(|e| !e.span.overlaps(span)),
            EntityCorrection::Mark(kind) => mark(&mut entities, span, kind),
        }
    }
    entities.sort_by_key(|e| e.span);
    entities
}

/// Makes `span` an entity of `kind`: retypes the entity exactly there, or replaces whatever
/// overlaps it.
fn mark(entities: &mut Vec<Entity>, span: Span, kind: EntityKind) {
    if let Some(same) = entities.iter_mut().find(|e| e.span == span) {
        retype(same, kind);
        return;
    }
    entities.retain(|e| !e.span.overlaps(span));
    entities.push(Entity::new(span, kind));
}

/// Changes an entity's kind, dropping the values that belong to its old kind only.
fn retype(entity: &mut Entity, kind: EntityKind) {
    entity.kind = kind;
    if kind != EntityKind::Number {
        entity.quantity = None;
    }
    if kind != EntityKind::Date {
        entity.date = None;
    }
    if matches!(kind, EntityKind::Number | EntityKind::Date) {
        entity.canonical = None;
    }
}

/// Every occurrence of `word` in `text` that is not part of a longer word.
fn word_occurrences<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = Span> + 't {
    let is_word_char = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(word)
        .map(|(start, found)| Span::new(start, start + found.len()))
        .filter(move |span| {
            let before = text[..span.start].chars().next_back();
            let after = text[span.end..].chars().next();
            // Only a word character meeting a word character glues two words together.
            let glued = |outside: Option<char>, edge: Option<char>| {
                outside.is_some_and(is_word_char) && edge.is_some_and(is_word_char)
            };
            !glued(before, word.chars().next()) && !glued(after, word.chars().next_back())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Quantity;

    const TEXT: &str = "Sean Savett said Friday that Savett and Savettes met 3,000 troops.";

    fn at(text: &str, word: &str) -> Span {
        let start = text.find(word).unwrap();
        Span::new(start, start + word.len())
    }

    fn span_correction(span: Span, correction: EntityCorrection) -> SpanCorrection {
        SpanCorrection {
            id: CorrectionId(1),
            article: ArticleId("a1".into()),
            anchor: Anchor::capture(TEXT, span).unwrap(),
            correction,
        }
    }

    fn extracted() -> Vec<Entity> {
        let mut number = Entity::new(at(TEXT, "3,000"), EntityKind::Number);
        number.quantity = Some(Box::new(Quantity {
            value: 3000.0,
            unit: Some("troops".into()),
            qualifier: None,
        }));
        vec![
            Entity::new(at(TEXT, "Sean Savett"), EntityKind::Person),
            Entity::new(at(TEXT, "Friday"), EntityKind::Date),
            number,
        ]
    }

    fn kinds(entities: &[Entity]) -> Vec<(&str, EntityKind)> {
        entities
            .iter()
            .map(|e| (e.span.text(TEXT).unwrap(), e.kind))
            .collect()
    }

    #[test]
    fn no_corrections_change_nothing() {
        assert_eq!(corrected_entities(TEXT, &extracted(), &[], []), extracted());
    }

    #[test]
    fn surface_rule_marks_whole_words_only_and_leaves_longer_names_alone() {
        let rule = SurfaceRule {
            surface: "Savett".into(),
            correction: EntityCorrection::Mark(EntityKind::Person),
        };
        let entities = corrected_entities(TEXT, &extracted(), &[rule], []);
        assert_eq!(
            kinds(&entities),
            [
                ("Sean Savett", EntityKind::Person),
                ("Friday", EntityKind::Date),
                ("Savett", EntityKind::Person),
                ("3,000", EntityKind::Number),
            ]
        );
    }

    #[test]
    fn surface_rule_removes_every_mention_with_that_text() {
        let rule = SurfaceRule {
            surface: "Friday".into(),
            correction: EntityCorrection::Remove,
        };
        let entities = corrected_entities(TEXT, &extracted(), &[rule], []);
        assert!(!kinds(&entities).iter().any(|(text, _)| *text == "Friday"));
        assert_eq!(entities.len(), 2);
    }

    #[test]
    fn range_corrections_add_retype_and_remove() {
        let add = span_correction(
            at(TEXT, "Savettes"),
            EntityCorrection::Mark(EntityKind::Group),
        );
        let retype = span_correction(at(TEXT, "3,000"), EntityCorrection::Mark(EntityKind::Date));
        let remove = span_correction(at(TEXT, "Sean Savett"), EntityCorrection::Remove);
        let entities = corrected_entities(TEXT, &extracted(), &[], [&add, &retype, &remove]);
        assert_eq!(
            kinds(&entities),
            [
                ("Friday", EntityKind::Date),
                ("Savettes", EntityKind::Group),
                ("3,000", EntityKind::Date)
            ]
        );
        assert_eq!(entities[2].quantity, None, "a date keeps no troop count");
    }

    #[test]
    fn a_range_correction_beats_a_surface_rule() {
        let rule = SurfaceRule {
            surface: "Savett".into(),
            correction: EntityCorrection::Mark(EntityKind::Person),
        };
        let second = TEXT.rfind("Savett and").unwrap();
        let here = span_correction(Span::new(second, second + 6), EntityCorrection::Remove);
        let entities = corrected_entities(TEXT, &extracted(), &[rule], [&here]);
        assert_eq!(entities.len(), 3);
    }

    #[test]
    fn orphaned_range_corrections_apply_nowhere() {
        let mut orphan = span_correction(at(TEXT, "Friday"), EntityCorrection::Remove);
        orphan.anchor.span = None;
        assert_eq!(
            corrected_entities(TEXT, &extracted(), &[], [&orphan]),
            extracted()
        );
    }

    #[test]
    fn correction_json_shape() {
        let mark = EntityCorrection::Mark(EntityKind::Person);
        assert_eq!(
            serde_json::to_string(&mark).unwrap(),
            r#"{"action":"mark","kind":"person"}"#
        );
        assert_eq!(
            serde_json::to_string(&EntityCorrection::Remove).unwrap(),
            r#"{"action":"remove"}"#
        );
        assert_eq!("e12".parse::<CorrectionId>(), Ok(CorrectionId(12)));
        assert!("c12".parse::<CorrectionId>().is_err());
    }
}
