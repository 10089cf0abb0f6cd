//! The entity index: every entity of a workspace with its mentions, aliases merged
//! (`U.S.`/`US`/`United States`, `DPRK`/`North Korea`, `Kirby`/`John Kirby`), and the
//! analyst's merge, split and rename edits (stored with the workspace) applied to it.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::names;
use super::{Corpus, Doc};
use crate::article::ArticleId;
use crate::extract::{Entity, EntityKind};
use crate::span::Span;
use crate::workspace::Workspace;
pub use crate::workspace::corrections::IndexEdit;

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The article.
    pub article: ArticleId,
    /// Where, in the article's text.
    pub span: Span,
    /// The words, as written.
    pub text: String,
}

/// A surface form of an entity and how often it occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    /// The form, tidied (`Russia’s` → `Russia`).
    pub text: String,
    /// Its number of mentions.
    pub count: usize,
}

/// One entity of the index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    /// Stable identity inside this index (`person:John Kirby`): edits refer to it, and a
    /// rename keeps it.
    pub key: String,
    /// The name shown: the fullest form, or the analyst's rename.
    pub name: String,
    /// What kind of entity.
    pub kind: EntityKind,
    /// For dates and numbers: the normalized value (`2024-10-16`, `12000 troops`).
    pub value: Option<String>,
    /// Every form it takes, most frequent first.
    pub aliases: Vec<Alias>,
    /// The articles it appears in, in workspace order.
    pub articles: Vec<ArticleId>,
    /// Every mention, in workspace then reading order.
    pub mentions: Vec<Mention>,
}

impl IndexEntry {
    /// The number of mentions.
    #[must_use]
    pub fn mention_count(&self) -> usize {
        self.mentions.len()
    }

    /// Whether `name` is this entry's name or one of its aliases (compared loosely:
    /// case, dots and a leading `the` do not matter).
    #[must_use]
    pub fn answers_to(&self, name: &str) -> bool {
        let wanted = names::key(name);
        names::key(&self.name) == wanted
            || self.aliases.iter().any(|a| names::key(&a.text) == wanted)
    }
}

/// Every entity across a workspace. Serializes as `{"entries": [...]}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(from = "IndexData", into = "IndexData")]
pub struct EntityIndex {
    /// Entries by kind, then by mention count (most first), then name.
    entries: Vec<IndexEntry>,
    /// Where each mention and name leads, rebuilt whenever entries change.
    lookup: Lookup,
}

/// The serialized form of an index: its entries only (lookups are rebuilt).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct IndexData {
    entries: Vec<IndexEntry>,
}

impl From<IndexData> for EntityIndex {
    fn from(data: IndexData) -> Self {
        Self::from_entries(data.entries)
    }
}

impl From<EntityIndex> for IndexData {
    fn from(index: EntityIndex) -> Self {
        Self {
            entries: index.entries,
        }
    }
}

impl PartialEq for EntityIndex {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

/// Entry positions by mention and by name key, so lookups stay fast in large workspaces.
#[derive(Debug, Clone, Default)]
struct Lookup {
    /// Per article: mention spans (sorted) and their entry.
    mentions: HashMap<ArticleId, Vec<(Span, usize)>>,
    /// Per name key (names and aliases): the entries answering to it.
    names: HashMap<String, Vec<usize>>,
}

impl EntityIndex {
    /// The index of `workspace`'s entities, after the analyst's entity corrections and
    /// index edits (edits that no longer fit are skipped: see [`EntityIndex::build_reporting`]).
    #[must_use]
    pub fn build(workspace: &Workspace) -> Self {
        Self::build_reporting(workspace).0
    }

    /// [`EntityIndex::build`], with the workspace's index edits that could not be applied:
    /// their position in `Corrections::index_edits` and why.
    #[must_use]
    pub fn build_reporting(workspace: &Workspace) -> (Self, Vec<(usize, EditError)>) {
        let extracted = Self::of_corpus(&Corpus::new(workspace));
        apply_all(extracted, &workspace.corrections().index_edits)
    }

    /// The index as extraction and entity corrections give it, before any index edit.
    #[must_use]
    pub fn build_unedited(workspace: &Workspace) -> Self {
        Self::of_corpus(&Corpus::new(workspace))
    }

    pub(crate) fn of_corpus(corpus: &Corpus<'_>) -> Self {
        let mut nodes = Nodes::default();
        for doc in &corpus.docs {
            for (i, entity) in doc.entities.iter().enumerate() {
                let node = nodes.node(entity.kind, base_name(doc, entity));
                nodes.mentions[node].push(mention(doc, entity));
                if let Some(defined) = acronym_defined_after(doc, i) {
                    let acronym = nodes.node(defined.kind, base_name(doc, defined));
                    nodes.union(node, acronym);
                }
            }
        }
        nodes.merge_loose_forms();
        nodes.into_index()
    }

    /// The entry with this key.
    #[must_use]
    pub fn entry(&self, key: &str) -> Option<&IndexEntry> {
        self.entries.iter().find(|e| e.key == key)
    }

    /// The named entity (person, organization, location or group) a name refers to, by
    /// name or alias; a person or organization wins over a place with the same name.
    #[must_use]
    pub fn resolve(&self, name: &str) -> Option<&IndexEntry> {
        let rank = |kind| match kind {
            EntityKind::Person => 0,
            EntityKind::Organization => 1,
            EntityKind::Location => 2,
            EntityKind::Group => 3,
            EntityKind::Date | EntityKind::Number => 4,
        };
        self.lookup
            .names
            .get(&names::key(name))?
            .iter()
            .map(|&i| &self.entries[i])
            .filter(|e| rank(e.kind) < 4)
            .min_by_key(|e| rank(e.kind))
    }

    /// The entry holding the mention at `span` of `article`.
    #[must_use]
    pub fn entry_at(&self, article: &ArticleId, span: Span) -> Option<&IndexEntry> {
        let spans = self.lookup.mentions.get(article)?;
        let at = spans.partition_point(|(s, _)| *s < span);
        spans
            .get(at)
            .filter(|(s, _)| *s == span)
            .map(|&(_, i)| &self.entries[i])
    }

    /// The entries with a mention inside `span` of `article`, each once, in reading order.
    #[must_use]
    pub fn entries_within(&self, article: &ArticleId, span: Span) -> Vec<&IndexEntry> {
        let Some(spans) = self.lookup.mentions.get(article) else {
            return Vec::new();
        };
        let first = spans.partition_point(|(s, _)| s.start < span.start);
        let mut found: Vec<usize> = Vec::new();
        for &(s, i) in &spans[first..] {
            if s.start >= span.end {
                break;
            }
            if span.contains(s) && !found.contains(&i) {
                found.push(i);
            }
        }
        found.into_iter().map(|i| &self.entries[i]).collect()
    }

    /// An index of these entries, sorted.
    fn from_entries(entries: Vec<IndexEntry>) -> Self {
        let mut index = Self {
            entries,
            lookup: Lookup::default(),
        };
        index.sort();
        index
    }

    /// The entries: by kind, then by mention count (most first), then name.
    #[must_use]
    pub fn entries(&self) -> &[IndexEntry] {
        &self.entries
    }

    /// Sorts the entries and rebuilds the lookups; every change ends here.
    fn sort(&mut self) {
        self.entries.sort_by(|a, b| {
            a.kind
                .cmp(&b.kind)
                .then(b.mentions.len().cmp(&a.mentions.len()))
                .then_with(|| a.name.cmp(&b.name))
        });
        let mut lookup = Lookup::default();
        for (i, entry) in self.entries.iter().enumerate() {
            for m in &entry.mentions {
                lookup
                    .mentions
                    .entry(m.article.clone())
                    .or_default()
                    .push((m.span, i));
            }
            let keys = std::iter::once(names::key(&entry.name))
                .chain(entry.aliases.iter().map(|a| names::key(&a.text)));
            for key in keys {
                let slot = lookup.names.entry(key).or_default();
                if !slot.contains(&i) {
                    slot.push(i);
                }
            }
        }
        for spans in lookup.mentions.values_mut() {
            spans.sort_unstable();
        }
        self.lookup = lookup;
    }
}

/// The name a mention is grouped by: its canonical form, or its words tidied; dates by
/// their value, numbers by value and unit.
fn base_name(doc: &Doc<'_>, entity: &Entity) -> String {
    let written = entity.span.text(doc.text()).unwrap_or_default();
    match entity.kind {
        EntityKind::Date => entity
            .date
            .map_or_else(|| names::clean(written), crate::extract::DateValue::iso),
        EntityKind::Number => entity.quantity.as_ref().map_or_else(
            || names::clean(written),
            |q| match &q.unit {
                Some(unit) => format!("{} {unit}", format_value(q.value)),
                None => format_value(q.value),
            },
        ),
        _ => entity
            .canonical
            .as_deref()
            .map_or_else(|| names::clean(written), names::clean),
    }
}

/// `12000`, `1.5`, `3000000`: plain, without trailing zeros.
pub(crate) fn format_value(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

fn mention(doc: &Doc<'_>, entity: &Entity) -> Mention {
    Mention {
        article: doc.entry.article.id.clone(),
        span: entity.span,
        text: entity
            .span
            .text(doc.text())
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// `National Security Council (NSC)`: the acronym entity right after entity `i`, in brackets.
fn acronym_defined_after<'d>(doc: &'d Doc<'_>, i: usize) -> Option<&'d Entity> {
    let (long, short) = (doc.entities.get(i)?, doc.entities.get(i + 1)?);
    let between = doc.text().get(long.span.end..short.span.start)?;
    let after = doc.text().get(short.span.end..)?;
    let written = short.span.text(doc.text())?;
    (long.kind == short.kind
        && between.trim() == "("
        && after.starts_with(')')
        && names::is_acronym(written))
    .then_some(short)
}

/// Name forms by kind, joined into entities by a union-find.
#[derive(Default)]
struct Nodes {
    ids: HashMap<(EntityKind, String), usize>,
    names: Vec<(EntityKind, String)>,
    mentions: Vec<Vec<Mention>>,
    parent: Vec<usize>,
}

impl Nodes {
    fn node(&mut self, kind: EntityKind, name: String) -> usize {
        if let Some(&id) = self.ids.get(&(kind, name.clone())) {
            return id;
        }
        let id = self.names.len();
        self.ids.insert((kind, name.clone()), id);
        self.names.push((kind, name));
        self.mentions.push(Vec::new());
        self.parent.push(id);
        id
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.parent[b.max(a)] = a.min(b);
        }
    }

    /// Joins forms that name the same thing across articles: the same key (`U.N.`/`UN`),
    /// an acronym and the one name whose initials it spells, a surname and the one full name
    /// ending in it, transliteration variants of a full name.
    fn merge_loose_forms(&mut self) {
        let named = |kind| {
            matches!(
                kind,
                EntityKind::Person
                    | EntityKind::Organization
                    | EntityKind::Location
                    | EntityKind::Group
            )
        };
        let count = self.names.len();
        let mut by_key: HashMap<(EntityKind, String), usize> = HashMap::new();
        for id in 0..count {
            let (kind, name) = self.names[id].clone();
            if !named(kind) {
                continue;
            }
            let key = if kind == EntityKind::Person {
                names::transliteration_key(&name)
            } else {
                names::key(&name)
            };
            match by_key.get(&(kind, key.clone())) {
                Some(&other) => self.union(id, other),
                None => {
                    by_key.insert((kind, key), id);
                }
            }
        }
        for id in 0..count {
            let (kind, name) = self.names[id].clone();
            if !named(kind) {
                continue;
            }
            if kind != EntityKind::Person && names::is_acronym(&name) {
                let letters = names::acronym_letters(&name);
                let spelled: Vec<usize> = (0..count)
                    .filter(|&other| {
                        self.names[other].0 == kind
                            && names::initials(&self.names[other].1).as_deref()
                                == Some(letters.as_str())
                    })
                    .collect();
                if let [only] = spelled[..] {
                    self.union(id, only);
                }
            }
            if kind == EntityKind::Person && !name.contains(' ') {
                let surname = names::transliteration_key(&name);
                let mut full: Vec<usize> = (0..count)
                    .filter(|&other| {
                        let (k, n) = &self.names[other];
                        *k == EntityKind::Person
                            && n.contains(' ')
                            && n.rsplit(' ')
                                .next()
                                .is_some_and(|last| names::transliteration_key(last) == surname)
                    })
                    .collect();
                // Variants of one full name count once.
                let mut roots: Vec<usize> = full.iter().map(|&f| self.find(f)).collect();
                roots.sort_unstable();
                roots.dedup();
                if roots.len() == 1 {
                    full.truncate(1);
                    self.union(id, full[0]);
                }
            }
        }
    }

    fn into_index(mut self) -> EntityIndex {
        let mut components: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for id in 0..self.names.len() {
            let root = self.find(id);
            components.entry(root).or_default().push(id);
        }
        let mut entries = Vec::with_capacity(components.len());
        for members in components.values() {
            let kind = self.names[members[0]].0;
            // The fullest form names the entity: most words, then most mentions.
            let best = *members
                .iter()
                .max_by(|&&a, &&b| {
                    let words = |id: usize| self.names[id].1.split(' ').count();
                    let acronym = |id: usize| names::is_acronym(&self.names[id].1);
                    acronym(b)
                        .cmp(&acronym(a))
                        .then(words(a).cmp(&words(b)))
                        .then(self.mentions[a].len().cmp(&self.mentions[b].len()))
                        .then_with(|| self.names[b].1.cmp(&self.names[a].1))
                })
                .expect("a component has members");
            let name = self.names[best].1.clone();
            let mut mentions: Vec<Mention> = members
                .iter()
                .flat_map(|&id| self.mentions[id].iter().cloned())
                .collect();
            mentions.sort_by(|a, b| (&a.article, a.span).cmp(&(&b.article, b.span)));
            let value = matches!(kind, EntityKind::Date | EntityKind::Number).then(|| name.clone());
            entries.push(entry(kind, &name, value, mentions));
        }
        EntityIndex::from_entries(entries)
    }
}

/// An entry with its aliases and articles worked out from its mentions.
fn entry(
    kind: EntityKind,
    name: &str,
    value: Option<String>,
    mentions: Vec<Mention>,
) -> IndexEntry {
    let mut entry = IndexEntry {
        key: format!("{kind}:{name}"),
        name: name.to_owned(),
        kind,
        value,
        aliases: Vec::new(),
        articles: Vec::new(),
        mentions,
    };
    refresh(&mut entry);
    entry
}

/// Recomputes aliases and articles from the mentions (kept in workspace-file order).
fn refresh(entry: &mut IndexEntry) {
    let mut counts: Vec<Alias> = Vec::new();
    entry.articles.clear();
    // A place named in thousands of articles: membership by set, order by first mention.
    let mut seen: HashSet<&ArticleId> = HashSet::new();
    for m in &entry.mentions {
        let form = names::clean(&m.text);
        match counts.iter_mut().find(|a| a.text == form) {
            Some(alias) => alias.count += 1,
            None => counts.push(Alias {
                text: form,
                count: 1,
            }),
        }
        if seen.insert(&m.article) {
            entry.articles.push(m.article.clone());
        }
    }
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
    entry.aliases = counts;
}

/// Why an index edit could not be applied. The index is unchanged when one is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// An edit names an entry the index does not have (e.g. its article was removed).
    #[error("no entity `{0}` in the index")]
    UnknownEntry(String),
    /// A merge joins entries of different kinds.
    #[error(
        "`{merged}` is a {merged_kind} and `{into}` a {into_kind}: only entities of one kind merge"
    )]
    KindMismatch {
        /// The entry that would stay.
        into: String,
        /// Its kind.
        into_kind: EntityKind,
        /// The entry that would join it.
        merged: String,
        /// Its kind.
        merged_kind: EntityKind,
    },
    /// A split names no form of the entry, or all of them.
    #[error("splitting `{entry}` by {forms:?} would leave one side empty")]
    EmptySplit {
        /// The entry.
        entry: String,
        /// The forms asked for.
        forms: Vec<String>,
    },
    /// A split or rename would give a name that is empty, or a key another entry has.
    #[error("`{0}` cannot be used: it is empty or another entity already has that key")]
    NameTaken(String),
}

/// Applies one edit to `index`; on error the index is unchanged.
pub fn apply_edit(index: &mut EntityIndex, edit: &IndexEdit) -> Result<(), EditError> {
    let position = |index: &EntityIndex, key: &str| {
        index
            .entries
            .iter()
            .position(|e| e.key == key)
            .ok_or_else(|| EditError::UnknownEntry(key.to_owned()))
    };
    match edit {
        IndexEdit::Merge { into, merged } => {
            let target = position(index, into)?;
            let mut sources = Vec::new();
            for key in merged.iter().filter(|k| *k != into) {
                let source = position(index, key)?;
                let (a, b) = (&index.entries[target], &index.entries[source]);
                if a.kind != b.kind {
                    return Err(EditError::KindMismatch {
                        into: a.key.clone(),
                        into_kind: a.kind,
                        merged: b.key.clone(),
                        merged_kind: b.kind,
                    });
                }
                if !sources.contains(&source) {
                    sources.push(source);
                }
            }
            let mut moved = Vec::new();
            for &source in &sources {
                moved.append(&mut index.entries[source].mentions);
            }
            let target_entry = &mut index.entries[target];
            target_entry.mentions.extend(moved);
            target_entry
                .mentions
                .sort_by(|a, b| (&a.article, a.span).cmp(&(&b.article, b.span)));
            refresh(target_entry);
            index.entries.retain(|e| !e.mentions.is_empty());
        }
        IndexEdit::Split { entry, forms, name } => {
            let source = position(index, entry)?;
            let kind = index.entries[source].kind;
            let key = format!("{kind}:{}", name.trim());
            if name.trim().is_empty() || index.entries.iter().any(|e| e.key == key) {
                return Err(EditError::NameTaken(name.clone()));
            }
            let wanted: Vec<String> = forms.iter().map(|f| names::clean(f)).collect();
            let (out, stay): (Vec<Mention>, Vec<Mention>) = index.entries[source]
                .mentions
                .iter()
                .cloned()
                .partition(|m| wanted.contains(&names::clean(&m.text)));
            if out.is_empty() || stay.is_empty() {
                return Err(EditError::EmptySplit {
                    entry: entry.clone(),
                    forms: forms.clone(),
                });
            }
            let value = index.entries[source].value.clone();
            index.entries[source].mentions = stay;
            refresh(&mut index.entries[source]);
            index
                .entries
                .push(self::entry(kind, name.trim(), value, out));
        }
        IndexEdit::Rename { entry, name } => {
            let target = position(index, entry)?;
            if name.trim().is_empty() {
                return Err(EditError::NameTaken(name.clone()));
            }
            name.trim().clone_into(&mut index.entries[target].name);
        }
    }
    index.sort();
    Ok(())
}

/// `index` with every edit applied in order. Edits that no longer fit (their entry is gone,
/// say, after an article was removed) are skipped and returned with the reason.
#[must_use]
pub fn apply_edits(
    index: &EntityIndex,
    edits: &[IndexEdit],
) -> (EntityIndex, Vec<(usize, EditError)>) {
    apply_all(index.clone(), edits)
}

fn apply_all(
    mut edited: EntityIndex,
    edits: &[IndexEdit],
) -> (EntityIndex, Vec<(usize, EditError)>) {
    let mut skipped = Vec::new();
    for (i, edit) in edits.iter().enumerate() {
        if let Err(error) = apply_edit(&mut edited, edit) {
            skipped.push((i, error));
        }
    }
    (edited, skipped)
}
