//! Extraction: an article's text to sentences, entities (people, organizations, places,
//! groups, dates, numbers) and claims with their speakers. Rules, gazetteers and embedded
//! data only; no network, no model.

pub mod attribution;
pub mod claims;
pub mod dates;
pub mod gazetteer;
pub mod lexicon;
pub mod names;
pub mod numbers;
pub mod sentences;
pub mod token;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::article::{Article, Boilerplate};
use crate::span::Span;

pub use sentences::Sentence;
pub use token::Token;

/// The six kinds of entity, after the annotation guidelines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// Names of people.
    Person,
    /// Agencies, governments as institutions, companies, outlets, parties, alliances.
    Organization,
    /// Countries, cities, regions, geographic areas, named facilities.
    Location,
    /// Nationalities and other adjectival or plural groups.
    Group,
    /// Explicit calendar or clock references.
    Date,
    /// Numeric expressions.
    Number,
}

impl EntityKind {
    /// Every kind, in display order.
    pub const ALL: [Self; 6] = [
        Self::Person,
        Self::Organization,
        Self::Location,
        Self::Group,
        Self::Date,
        Self::Number,
    ];

    /// Whether this kind is a name (person, organization, location, group), not a value.
    #[must_use]
    pub fn is_name(self) -> bool {
        !matches!(self, Self::Date | Self::Number)
    }

    /// The lower-case name used in files and on screen.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Location => "location",
            Self::Group => "group",
            Self::Date => "date",
            Self::Number => "number",
        }
    }

    /// The kind for a lower-case name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A number's normalized value and what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The plain value: `12,000` → 12000, `three million` → 3000000, `half` → 0.5, `12%` → 12.
    pub value: f64,
    /// The counted noun or unit when the text gives one: `troops`, `casualties`, `%`.
    pub unit: Option<String>,
    /// A hedge or bound before the figure: `approximately`, `at least`, `over`, `up to`.
    pub qualifier: Option<String>,
}

/// A date mention's resolved value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateValue {
    /// A calendar day.
    Day(NaiveDate),
    /// A month of a year.
    Month {
        /// The year.
        year: i32,
        /// The month, 1–12.
        month: u32,
    },
    /// A year.
    Year(i32),
}

impl DateValue {
    /// ISO 8601: `2024-10-16`, `2024-10`, `2024`.
    #[must_use]
    pub fn iso(self) -> String {
        match self {
            Self::Day(d) => d.format("%Y-%m-%d").to_string(),
            Self::Month { year, month } => format!("{year:04}-{month:02}"),
            Self::Year(y) => format!("{y:04}"),
        }
    }
}

/// One entity mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Where it is.
    pub span: Span,
    /// What kind it is.
    pub kind: EntityKind,
    /// For numbers: the value, unit and qualifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Box<Quantity>>,
    /// For dates: the resolved value, when it can be resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateValue>,
    /// For names: the fullest form the article or the gazetteer gives (`John Kirby` for
    /// `Kirby`, `United States` for `U.S.`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
}

impl Entity {
    /// A mention with no value.
    #[must_use]
    pub fn new(span: Span, kind: EntityKind) -> Self {
        Self {
            span,
            kind,
            quantity: None,
            date: None,
            canonical: None,
        }
    }
}

/// A sentence (or clause) that asserts a checkable fact or reports an assertion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractedClaim {
    /// Where it is.
    pub span: Span,
    /// Who asserts it according to the text, in the fullest form the article gives;
    /// `None` for the outlet's own narration.
    pub speaker: Option<String>,
    /// The span of the words naming the speaker in this sentence, if named here.
    pub speaker_span: Option<Span>,
    /// The source a relayer cites (`according to Yonhap`), when different from the speaker.
    pub via: Option<String>,
    /// The values of the numbers inside the claim.
    pub values: Vec<f64>,
    /// The other sources the sentence names on the way from origin to outlet, in chain order
    /// (absent in extractions saved before they were found).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relays: Vec<attribution::Relay>,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Extraction {
    /// Sentence spans.
    pub sentences: Vec<Span>,
    /// Entity mentions in reading order, never overlapping.
    pub entities: Vec<Entity>,
    /// Claims in reading order.
    pub claims: Vec<ExtractedClaim>,
    /// Things that looked wrong but did not stop extraction.
    pub warnings: Vec<String>,
}

/// What the extractor knows about an article besides its text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The publication date, to resolve `Friday` or `November 1`.
    pub published: Option<NaiveDate>,
    /// Web-scrape furniture; no claims are found there.
    pub boilerplate: &'a [Boilerplate],
}

/// Extracts entities and claims from an article.
#[must_use]
pub fn extract(article: &Article) -> Extraction {
    extract_text(
        &article.text,
        Context {
            published: article.published.map(|d| d.date()),
            boilerplate: &article.boilerplate,
        },
    )
}

/// Extracts entities and claims from text.
#[must_use]
pub fn extract_text(text: &str, context: Context<'_>) -> Extraction {
    let tokens = token::tokenize(text);
    let sentences = sentences::split(text, &tokens);
    let mut taken = vec![false; tokens.len()];

    let mut entities = dates::find(text, &tokens, &mut taken, context.published);
    entities.extend(numbers::find(text, &tokens, &mut taken));
    entities.extend(names::find(text, &tokens, &sentences, &mut taken));
    // Entities take their tokens, so no two share a span: unstable sorting is exact.
    entities.sort_unstable_by_key(|e| e.span);

    let claims = claims::find(text, &tokens, &sentences, &entities, context.boilerplate);
    let mut warnings = Vec::new();
    if text.contains('\u{FFFD}') {
        warnings.push(
            "the text contains replacement characters (U+FFFD): some bytes were not decodable"
                .to_owned(),
        );
    }
    Extraction {
        sentences: sentences.iter().map(|s| s.span).collect(),
        entities,
        claims,
        warnings,
    }
}
