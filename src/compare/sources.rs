//! Source chains: who a claim comes from and who passed it on (NIS → Yonhap → outlet), with
//! names normalized through the entity index, and the Admiralty credibility that agreement
//! or conflict between independent origins suggests.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::entities::{EntityIndex, IndexEntry};
use super::names;
use super::{ClaimRef, Corpus, Doc};
use crate::article::ArticleId;
use crate::extract::EntityKind;
use crate::extract::attribution::{Relay, RelayRole};
use crate::extract::lexicon::lexicon;
use crate::span::Span;
use crate::workspace::{ClaimId, Credibility, Workspace};

/// What kind of source a chain link is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A named person.
    Person,
    /// A named organization (agency, ministry, news agency, outlet).
    Organization,
    /// A country or place speaking as a government (`South Korea said`).
    Place,
    /// A description that names nobody (`US officials`, `a senior source`).
    Described,
    /// The article itself: its outlet's own narration, or the last link of every chain.
    Outlet,
}

/// A source, normalized.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Identity for counting: two links with one key are the same source.
    pub key: String,
    /// The name shown (`National Intelligence Service`).
    pub name: String,
    /// What kind of source.
    pub kind: SourceKind,
    /// The words the text used, when they differ from the name (`South Korea's intelligence
    /// agency`, `NIS`).
    pub written: Option<String>,
    /// The organization a spokesperson speaks for (`National Security Council spokesperson
    /// Sean Savett`): statements of both are one origin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaks_for: Option<Box<Source>>,
    /// For a source the text only describes (`South Korea's intelligence agency`), what the
    /// description says, kept when it was matched to an organization so that a larger corpus
    /// can match it again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Description>,
}

/// What a description of a source says: the country it names and its other words, by which
/// it is matched to the one organization it can mean.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Description {
    /// The description, tidied (`South Korea's intelligence agency`).
    pub text: String,
    /// The country or group it names (`South Korea`).
    pub country: Option<String>,
    /// Its other words, keyed, synonyms folded (`intelligence`, `agency`).
    pub words: Vec<String>,
}

impl Description {
    /// The one organization of `organizations` the description can mean: all its words in
    /// the organization's name, and its country in that name or named right before it
    /// somewhere (`South Korea's National Intelligence Service`); else the description
    /// itself as a source.
    #[must_use]
    pub fn source(&self, organizations: &[KnownOrganization]) -> Source {
        if !self.words.is_empty() {
            let mut candidates = organizations.iter().filter(|org| {
                let name_words: Vec<String> = org
                    .source
                    .name
                    .split_whitespace()
                    .map(|w| synonym(&names::key(w)).to_owned())
                    .collect();
                self.words.iter().all(|w| name_words.contains(w))
                    && self.country.as_ref().is_none_or(|country| {
                        org.source.name.contains(country.as_str())
                            || org.countries.contains(country)
                    })
            });
            if let (Some(only), None) = (candidates.next(), candidates.next()) {
                let source = &only.source;
                return Source {
                    written: (names::key(&self.text) != names::key(&source.name))
                        .then(|| self.text.clone()),
                    description: Some(self.clone()),
                    ..source.clone()
                };
            }
        }
        let key_words = if self.words.is_empty() {
            "officials".to_owned()
        } else {
            self.words.join(" ")
        };
        Source {
            key: format!(
                "described:{}:{key_words}",
                self.country.as_deref().map(names::key).unwrap_or_default()
            ),
            name: self.text.clone(),
            kind: SourceKind::Described,
            written: None,
            speaks_for: None,
            description: Some(self.clone()),
        }
    }
}

/// An organization a description may mean, with the countries the articles name right
/// before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownOrganization {
    /// The organization as a source.
    pub source: Source,
    /// `South Korea` for `South Korea's National Intelligence Service`.
    pub countries: BTreeSet<String>,
}

/// The organizations of several articles as one list: one entry per key, countries joined.
#[derive(Debug, Default)]
pub struct Organizations {
    list: Vec<KnownOrganization>,
    place: HashMap<String, usize>,
}

impl Organizations {
    /// Adds an article's organizations.
    pub fn extend(&mut self, organizations: impl IntoIterator<Item = KnownOrganization>) {
        for org in organizations {
            if let Some(&at) = self.place.get(&org.source.key) {
                self.list[at].countries.extend(org.countries);
            } else {
                self.place.insert(org.source.key.clone(), self.list.len());
                self.list.push(org);
            }
        }
    }

    /// All of them, in the order first seen.
    #[must_use]
    pub fn as_slice(&self) -> &[KnownOrganization] {
        &self.list
    }
}

impl Source {
    /// The source to count as an origin: the organization a spokesperson speaks for, else
    /// this one.
    #[must_use]
    pub fn independent(&self) -> &Source {
        self.speaks_for.as_deref().unwrap_or(self)
    }
}

/// What a link does in a chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkRole {
    /// Where the information starts.
    Origin,
    /// Passed it on (`according to Yonhap`).
    Relay,
    /// The article that prints it.
    Outlet,
}

/// One link of a source chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceLink {
    /// Who.
    pub source: Source,
    /// Origin, relay or outlet.
    pub role: LinkRole,
    /// The words that showed the link (`according to`, `citing`, `reported that`).
    pub cue: Option<String>,
    /// Taken from elsewhere in the article rather than stated in this claim: an article that
    /// relays one NIS statement through Yonhap relays its other NIS statements the same way.
    pub inferred: bool,
}

/// Where one claim comes from: origin first, outlet last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceChain {
    /// The claim.
    pub claim: ClaimId,
    /// Its article.
    pub article: ArticleId,
    /// Origin, relays, outlet.
    pub links: Vec<SourceLink>,
}

impl SourceChain {
    /// Where the information starts (the outlet itself for unattributed narration).
    #[must_use]
    pub fn origin(&self) -> &Source {
        &self.links[0].source
    }

    /// Whether the text attributes the claim to anyone besides the outlet.
    #[must_use]
    pub fn is_attributed(&self) -> bool {
        self.links[0].role != LinkRole::Outlet
    }

    /// The relays between origin and outlet.
    pub fn relays(&self) -> impl Iterator<Item = &SourceLink> {
        self.links.iter().filter(|l| l.role == LinkRole::Relay)
    }

    /// `National Intelligence Service → Yonhap → <article>`; inferred links in brackets.
    #[must_use]
    pub fn display(&self) -> String {
        self.links
            .iter()
            .map(|l| {
                let name = match &l.source.speaks_for {
                    Some(org) => format!("{} for {}", l.source.name, org.name),
                    None => l.source.name.clone(),
                };
                if l.inferred {
                    format!("({name})")
                } else {
                    name
                }
            })
            .collect::<Vec<_>>()
            .join(" → ")
    }
}

/// The source chain of every placed claim of `workspace`, aliases merged as `index` says.
#[must_use]
pub fn source_chains(workspace: &Workspace, index: &EntityIndex) -> Vec<SourceChain> {
    chains_of(&Corpus::new(workspace), index)
}

pub(crate) fn chains_of(corpus: &Corpus<'_>, index: &EntityIndex) -> Vec<SourceChain> {
    let resolver = Resolver::new(corpus, index);
    let mut chains: Vec<SourceChain> = corpus
        .claims
        .iter()
        .map(|claim| resolver.chain(corpus, claim))
        .collect();
    resolve_back_references(&mut chains);
    infer_article_relays(&mut chains);
    chains
}

lexicon!(
    /// Heads of a description that, alone and definite, point back to an organization named
    /// before (`The agency added ...`).
    static BACK_REFERENCES =
        "spokespeople.txt", "agencies.txt", "body-nouns.txt", "office-nouns.txt"
);

/// `The agency added that ...` is the organization the article last named as an origin.
fn resolve_back_references(chains: &mut [SourceChain]) {
    let mut last: Option<(ArticleId, Source)> = None;
    for chain in chains.iter_mut() {
        if last
            .as_ref()
            .is_some_and(|(article, _)| *article != chain.article)
        {
            last = None;
        }
        let origin = &chain.links[0].source;
        let words: Vec<String> = origin
            .name
            .split_whitespace()
            .map(str::to_lowercase)
            .filter(|w| !matches!(w.as_str(), "the" | "a" | "an"))
            .collect();
        let points_back = origin.kind == SourceKind::Described
            && matches!(&words[..], [head] if BACK_REFERENCES.contains_as_written(head));
        if points_back && let Some((_, earlier)) = &last {
            let written = origin.name.clone();
            chain.links[0].source = Source {
                written: Some(written),
                ..earlier.clone()
            };
            chain.links[0].inferred = true;
            chain.links[0].cue = Some("refers back to the last named source".to_owned());
        }
        let origin = &chain.links[0].source;
        if matches!(origin.kind, SourceKind::Organization) || origin.speaks_for.is_some() {
            let named = origin.speaks_for.as_deref().unwrap_or(origin).clone();
            last = Some((chain.article.clone(), named));
        }
    }
}

lexicon!(
    /// Words of a description that say what kind of speaker, not which one.
    static GENERIC_SPEAKER_WORDS =
        "generic-speaker-words.txt", "spokespeople.txt", "agencies.txt", "source-words.txt",
        "government-speakers.txt", "office-nouns.txt"
);

lexicon!(
    /// Title words between an organization and the person who speaks for it
    /// (`Pentagon's Deputy Press Secretary Sabrina Singh`); one of [`SPOKESPERSON_TITLES`] must be
    /// among them.
    static TITLE_WORDS =
        "title-words.txt", "spokespeople.txt", "staff-titles.txt", "staff-title-modifiers.txt",
        "press-titles.txt", "spokesperson-titles.txt"
);

lexicon!(
    /// Titles whose holder speaks for the organization rather than for themself.
    static SPOKESPERSON_TITLES =
        "spokesperson-titles.txt", "spokespeople.txt", "press-titles.txt"
);

/// Description words and the name words they stand for.
const DESCRIPTION_SYNONYMS: &[(&str, &str)] = &[
    ("spy", "intelligence"),
    ("defence", "defense"),
    ("armed", "military"),
];

struct Resolver<'a> {
    index: &'a EntityIndex,
    /// Every organization, with the countries named right before its mentions (`South
    /// Korea's National Intelligence Service`).
    organizations: Vec<KnownOrganization>,
    /// For every person entry introduced as an organization's spokesperson: that
    /// organization's entry.
    spokespeople: HashMap<String, &'a IndexEntry>,
}

impl<'a> Resolver<'a> {
    fn new(corpus: &Corpus<'_>, index: &'a EntityIndex) -> Self {
        let mut countries_of: HashMap<String, BTreeSet<String>> = HashMap::new();
        for doc in &corpus.docs {
            for pair in doc.entities.windows(2) {
                let (before, org) = (&pair[0], &pair[1]);
                if org.kind != EntityKind::Organization
                    || !matches!(before.kind, EntityKind::Location | EntityKind::Group)
                {
                    continue;
                }
                let between = doc
                    .text()
                    .get(before.span.end..org.span.start)
                    .unwrap_or("x")
                    .trim();
                if !matches!(between, "" | "'s" | "’s") {
                    continue;
                }
                let article = &doc.entry.article.id;
                if let (Some(country), Some(entry)) = (
                    index.entry_at(article, before.span),
                    index.entry_at(article, org.span),
                ) {
                    countries_of
                        .entry(entry.key.clone())
                        .or_default()
                        .insert(country.name.clone());
                }
            }
        }
        let mut spokespeople = HashMap::new();
        for doc in &corpus.docs {
            for pair in doc.entities.windows(2) {
                let (org, person) = (&pair[0], &pair[1]);
                if org.kind != EntityKind::Organization || person.kind != EntityKind::Person {
                    continue;
                }
                let between = doc
                    .text()
                    .get(org.span.end..person.span.start)
                    .unwrap_or("x")
                    .replace(['’', '\''], " 's ")
                    .replace(',', " , ")
                    .to_lowercase();
                let title: Vec<&str> = between.split_whitespace().collect();
                let is_title = title.iter().all(|w| TITLE_WORDS.contains_as_written(w))
                    && title
                        .iter()
                        .any(|w| SPOKESPERSON_TITLES.contains_as_written(w));
                let article = &doc.entry.article.id;
                if is_title
                    && let (Some(org), Some(person)) = (
                        index.entry_at(article, org.span),
                        index.entry_at(article, person.span),
                    )
                {
                    spokespeople.entry(person.key.clone()).or_insert(org);
                }
            }
        }
        let organizations = index
            .entries()
            .iter()
            .filter(|e| e.kind == EntityKind::Organization)
            .map(|e| KnownOrganization {
                source: from_entry(e, &e.name),
                countries: countries_of.remove(&e.key).unwrap_or_default(),
            })
            .collect();
        Self {
            index,
            organizations,
            spokespeople,
        }
    }

    /// A source for an index entry, with the organization a spokesperson speaks for.
    fn entry_source(&self, entry: &IndexEntry, written: &str) -> Source {
        let mut source = from_entry(entry, written);
        if let Some(org) = self.spokespeople.get(&entry.key) {
            source.speaks_for = Some(Box::new(from_entry(org, &org.name)));
        }
        source
    }

    /// The chain of one claim, from the speaker and the relays extraction found in its
    /// sentence (the text is not read again here).
    fn chain(&self, corpus: &Corpus<'_>, claim: &ClaimRef<'_>) -> SourceChain {
        let doc = &corpus.docs[claim.doc];
        let speaker = claim.claim.speaker.as_deref().map(|s| self.source(s));
        let relay_source = |relay: &Relay| self.entity_source(doc, relay.span, &relay.name);
        let mut links: Vec<SourceLink> = Vec::new();
        let mut push = |source: Source, cue: Option<String>| {
            if !links
                .iter()
                .any(|l: &SourceLink| l.source.key == source.key)
            {
                links.push(SourceLink {
                    source,
                    role: LinkRole::Relay,
                    cue,
                    inferred: false,
                });
            }
        };
        // Cited sources, deepest first, unless one is the speaker itself.
        for relay in claim
            .claim
            .relays
            .iter()
            .filter(|r| r.role == RelayRole::Cited)
        {
            let source = relay_source(relay);
            if speaker.as_ref().is_none_or(|s| s.key != source.key) {
                push(source, Some(relay.cue.clone()));
            }
        }
        if let Some(speaker) = speaker {
            push(speaker, None);
        }
        // Then who passed the speaker's words on, outermost last; the relayer extraction
        // named `via` is the outermost when the sentence did not name it otherwise.
        for relay in claim
            .claim
            .relays
            .iter()
            .filter(|r| r.role == RelayRole::Relayed)
        {
            push(relay_source(relay), Some(relay.cue.clone()));
        }
        if let Some(via) = &claim.claim.via {
            push(self.source(via), Some("via".to_owned()));
        }
        if let Some(first) = links.first_mut() {
            first.role = LinkRole::Origin;
        }
        links.push(SourceLink {
            source: outlet(doc),
            role: LinkRole::Outlet,
            cue: None,
            inferred: false,
        });
        SourceChain {
            claim: claim.claim.id,
            article: doc.entry.article.id.clone(),
            links,
        }
    }

    fn entity_source(&self, doc: &Doc<'_>, span: Span, written: &str) -> Source {
        match self.index.entry_at(&doc.entry.article.id, span) {
            Some(entry) => self.entry_source(entry, written),
            None => self.source(written),
        }
    }

    /// A speaker's name or description, normalized.
    fn source(&self, speaker: &str) -> Source {
        if let Some(entry) = self.index.resolve(speaker) {
            return self.entry_source(entry, speaker);
        }
        self.described(speaker)
    }

    /// A description: the one organization of the workspace it can only mean (`South
    /// Korea's intelligence agency` → the National Intelligence Service when an article
    /// names South Korea's National Intelligence Service), else the description itself.
    fn described(&self, description: &str) -> Source {
        let cleaned = names::clean(description);
        let mut rest = format!(" {cleaned} ");
        let country = self
            .index
            .entries()
            .iter()
            .filter(|e| matches!(e.kind, EntityKind::Location | EntityKind::Group))
            .flat_map(|e| {
                e.aliases
                    .iter()
                    .map(move |a| (e, a.text.as_str()))
                    .chain(std::iter::once((e, e.name.as_str())))
            })
            .filter(|(_, alias)| contains_words(&cleaned, alias))
            .max_by_key(|(_, alias)| alias.len());
        if let Some((_, alias)) = country {
            rest = rest.replacen(&format!(" {alias}'s "), " ", 1).replacen(
                &format!(" {alias} "),
                " ",
                1,
            );
        }
        let words: Vec<String> = rest
            .split_whitespace()
            .map(names::key)
            .filter(|w| !w.is_empty() && !GENERIC_SPEAKER_WORDS.contains_as_written(w))
            .map(|w| synonym(&w).to_owned())
            .collect();
        Description {
            text: cleaned,
            country: country.map(|(e, _)| e.name.clone()),
            words,
        }
        .source(&self.organizations)
    }
}

/// The organizations of `corpus` a description may mean.
pub(crate) fn known_organizations(
    corpus: &Corpus<'_>,
    index: &EntityIndex,
) -> Vec<KnownOrganization> {
    Resolver::new(corpus, index).organizations
}

fn synonym(word: &str) -> &str {
    DESCRIPTION_SYNONYMS
        .iter()
        .find(|(w, _)| *w == word)
        .map_or(word, |&(_, s)| s)
}

/// Whether `phrase` occurs in `text` as whole words.
fn contains_words(text: &str, phrase: &str) -> bool {
    !phrase.is_empty()
        && text.match_indices(phrase).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + phrase.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
}

fn from_entry(entry: &IndexEntry, written: &str) -> Source {
    let written = names::clean(written);
    Source {
        key: entry.key.clone(),
        name: entry.name.clone(),
        kind: match entry.kind {
            EntityKind::Person => SourceKind::Person,
            EntityKind::Organization => SourceKind::Organization,
            _ => SourceKind::Place,
        },
        written: (names::key(&written) != names::key(&entry.name)).then_some(written),
        speaks_for: None,
        description: None,
    }
}

/// The article as a source.
fn outlet(doc: &Doc<'_>) -> Source {
    let article = &doc.entry.article;
    Source {
        key: format!("article:{}", article.id),
        // Named by its outlet when the article says which; else by its title.
        name: article
            .outlet
            .clone()
            .unwrap_or_else(|| article.display_title()),
        kind: SourceKind::Outlet,
        written: None,
        speaks_for: None,
        description: None,
    }
}

/// An article that relays one statement of an origin through someone (`According to Yonhap,
/// the NSC ...`) is taken to relay that origin's other statements the same way.
fn infer_article_relays(chains: &mut [SourceChain]) {
    let mut stated: HashMap<(ArticleId, String), Vec<SourceLink>> = HashMap::new();
    for chain in chains.iter() {
        let relays: Vec<SourceLink> = chain.relays().filter(|l| !l.inferred).cloned().collect();
        if chain.is_attributed() && !relays.is_empty() {
            stated
                .entry((chain.article.clone(), chain.origin().key.clone()))
                .or_insert(relays);
        }
    }
    for chain in chains.iter_mut() {
        if !chain.is_attributed() || chain.relays().next().is_some() {
            continue;
        }
        if let Some(relays) = stated.get(&(chain.article.clone(), chain.origin().key.clone())) {
            let outlet = chain.links.pop().expect("every chain ends with its outlet");
            chain.links.extend(relays.iter().map(|l| SourceLink {
                inferred: true,
                cue: Some("relayed elsewhere in the article".to_owned()),
                ..l.clone()
            }));
            chain.links.push(outlet);
        }
    }
}

/// A suggested Admiralty credibility for a claim, with the reason; the analyst's own grade
/// always wins ([`CredibilitySuggestion::effective`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CredibilitySuggestion {
    /// The grade, 1 (confirmed by other sources) to 6 (cannot be judged).
    pub credibility: Credibility,
    /// Why, in a sentence.
    pub reason: String,
    /// Independent origins (other than the claim's own) that agree.
    pub agreeing: Vec<String>,
    /// Independent origins (other than the claim's own) that conflict.
    pub conflicting: Vec<String>,
}

impl CredibilitySuggestion {
    /// The suggestion of a figure not yet compared with any other (a reading before it is
    /// grouped).
    #[must_use]
    pub fn not_compared() -> Self {
        Self {
            credibility: Credibility::CannotBeJudged,
            reason: "not compared with other figures yet".to_owned(),
            agreeing: Vec::new(),
            conflicting: Vec::new(),
        }
    }

    /// The grade from how many other independent origins agree and conflict.
    #[must_use]
    pub fn from_corroboration(
        agreeing: Vec<String>,
        conflicting: Vec<String>,
        repeats: usize,
    ) -> Self {
        let (a, c) = (agreeing.len(), conflicting.len());
        let list = |names: &[String]| names.join(", ");
        let (credibility, reason) = match (a, c) {
            (0, 0) if repeats > 0 => (
                Credibility::CannotBeJudged,
                format!(
                    "repeated by {repeats} other report(s) from the same origin: not independent; no other origin reports a comparable figure"
                ),
            ),
            (0, 0) => (
                Credibility::CannotBeJudged,
                "no other independent origin reports a comparable figure".to_owned(),
            ),
            (a, 0) if a >= 2 => (
                Credibility::Confirmed,
                format!(
                    "confirmed by {a} other independent origins: {}",
                    list(&agreeing)
                ),
            ),
            (_, 0) => (
                Credibility::ProbablyTrue,
                format!(
                    "agrees with one other independent origin: {}",
                    list(&agreeing)
                ),
            ),
            (0, 1) => (
                Credibility::Doubtful,
                format!(
                    "conflicts with {} and nobody else agrees",
                    list(&conflicting)
                ),
            ),
            (0, _) => (
                Credibility::Improbable,
                format!(
                    "conflicts with {c} independent origins ({}) and nobody else agrees",
                    list(&conflicting)
                ),
            ),
            (_, _) => (
                Credibility::PossiblyTrue,
                format!(
                    "agrees with {} but conflicts with {}",
                    list(&agreeing),
                    list(&conflicting)
                ),
            ),
        };
        Self {
            credibility,
            reason,
            agreeing,
            conflicting,
        }
    }

    /// The analyst's grade when there is one, else this suggestion's.
    #[must_use]
    pub fn effective(&self, analyst: Option<Credibility>) -> Credibility {
        analyst.unwrap_or(self.credibility)
    }
}
