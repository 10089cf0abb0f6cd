//! The `crosscheck extract` JSON: per article its path, hash, title and the extracted entities
//! and claims, with UTF-8 byte offsets into the text as loaded.

use serde::Serialize;
use serde_json::{Value, json};

use crate::article::{Article, BoilerplateKind};
use crate::extract::attribution::RelayRole;
use crate::extract::{Entity, EntityKind, Extraction};

/// One article's extraction as printed by `crosscheck extract`, borrowing from the article
/// and its extraction so that a large article is not copied into a JSON tree. Object keys
/// below come in alphabetical order, as the printed JSON has always had them.
#[derive(Debug, Serialize)]
pub struct ArticleRecord<'a> {
    /// The file it came from.
    pub path: String,
    /// Stable id.
    pub id: &'a str,
    /// SHA-256 of the file.
    pub sha256: &'a str,
    /// Title, if any.
    pub title: Option<&'a str>,
    /// Publication date and time (ISO 8601), if stated.
    pub published: Option<String>,
    /// How the bytes were decoded.
    pub encoding: &'static str,
    /// Boilerplate lines.
    pub boilerplate: Vec<BoilerplateRecord>,
    /// Entity mentions.
    pub entities: EntityRecords<'a>,
    /// Claims.
    pub claims: ClaimRecords<'a>,
    /// Extraction warnings.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub warnings: &'a [String],
}

/// A boilerplate line: `{end, kind, start}`.
#[derive(Debug, Serialize)]
pub struct BoilerplateRecord {
    /// End byte offset.
    pub end: usize,
    /// What kind of furniture.
    pub kind: BoilerplateKind,
    /// Start byte offset.
    pub start: usize,
}

/// An entity mention with its text and, by kind, its value, unit, qualifier or canonical name.
#[derive(Debug, Serialize)]
pub struct EntityRecord<'a> {
    /// The fullest name (names only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<&'a str>,
    /// End byte offset.
    pub end: usize,
    /// The kind.
    pub kind: EntityKind,
    /// A hedge or bound before a number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<&'a str>,
    /// Start byte offset.
    pub start: usize,
    /// The words as written.
    pub text: &'a str,
    /// What a number counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'a str>,
    /// A number's value or a date's ISO form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
}

/// A claim with its speaker and figures.
#[derive(Debug, Serialize)]
pub struct ClaimRecord<'a> {
    /// End byte offset.
    pub end: usize,
    /// `<article id>-c<n>`.
    pub id: String,
    /// Where the information starts: the deepest source the sentence cites beneath the
    /// speaker, else the speaker (`null` for the outlet's own narration).
    pub origin: Option<&'a str>,
    /// The other sources the sentence names, in chain order (cited ones deepest first, then
    /// relays outward); left out when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub relays: Vec<RelayRecord<'a>>,
    /// Who asserts it (`null` for the outlet's own narration).
    pub speaker: Option<&'a str>,
    /// The words naming the speaker, when they differ from `speaker` ("the spy agency").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_text: Option<String>,
    /// Start byte offset.
    pub start: usize,
    /// The claim's text.
    pub text: &'a str,
    /// The values of its numbers.
    pub values: Vec<Value>,
    /// The source a relayer cites.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<&'a str>,
}

/// One source a claim's sentence names besides its speaker.
#[derive(Debug, Serialize)]
pub struct RelayRecord<'a> {
    /// The words that showed the link (`according to`, `citing`).
    pub cue: &'a str,
    /// The words naming it.
    pub name: &'a str,
    /// `cited` (beneath the speaker) or `relayed` (passing its words on).
    pub role: RelayRole,
}

impl<'a> ArticleRecord<'a> {
    /// Builds the record for an article and its extraction.
    #[must_use]
    pub fn new(article: &'a Article, extraction: &'a Extraction) -> Self {
        let text = &article.text;
        Self {
            path: article.path.display().to_string(),
            id: &article.id.0,
            sha256: &article.sha256,
            title: article.title.as_deref(),
            published: article
                .published
                .map(|d| d.format("%Y-%m-%dT%H:%M:%S").to_string()),
            encoding: article.encoding.label(),
            boilerplate: article
                .boilerplate
                .iter()
                .map(|b| BoilerplateRecord {
                    end: b.span.end,
                    kind: b.kind,
                    start: b.span.start,
                })
                .collect(),
            entities: EntityRecords {
                text,
                entities: &extraction.entities,
            },
            claims: ClaimRecords {
                article,
                extraction,
            },
            warnings: &extraction.warnings,
        }
    }
}

/// The entity mentions, each made into an [`EntityRecord`] only as it is written: a long
/// text has hundreds of thousands of them.
#[derive(Debug)]
pub struct EntityRecords<'a> {
    text: &'a str,
    entities: &'a [Entity],
}

impl Serialize for EntityRecords<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.text;
        serializer.collect_seq(
            self.entities.iter().map(|e| {
                EntityRecord::new(e, text.get(e.span.start..e.span.end).unwrap_or_default())
            }),
        )
    }
}

/// The claims, each made into a [`ClaimRecord`] only as it is written.
#[derive(Debug)]
pub struct ClaimRecords<'a> {
    article: &'a Article,
    extraction: &'a Extraction,
}

impl Serialize for ClaimRecords<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (article, text) = (self.article, &self.article.text);
        let slice = |start: usize, end: usize| text.get(start..end).unwrap_or_default();
        serializer.collect_seq(self.extraction.claims.iter().enumerate().map(|(n, c)| {
            ClaimRecord {
                end: c.span.end,
                id: format!("{}-c{}", article.id, n + 1),
                origin: c
                    .relays
                    .first()
                    .filter(|r| r.role == RelayRole::Cited)
                    .map(|r| r.name.as_str())
                    .or(c.speaker.as_deref()),
                relays: c
                    .relays
                    .iter()
                    .map(|r| RelayRecord {
                        cue: &r.cue,
                        name: &r.name,
                        role: r.role,
                    })
                    .collect(),
                speaker: c.speaker.as_deref(),
                // The words as written, when they differ from the canonical name
                // ("the spy agency", "NIS" for National Intelligence Service).
                speaker_text: c
                    .speaker_span
                    .and_then(|span| span.text(text))
                    .map(|words| words.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|words| Some(words) != c.speaker.as_ref()),
                start: c.span.start,
                text: slice(c.span.start, c.span.end),
                values: c.values.iter().map(|&v| number_json(v)).collect(),
                via: c.via.as_deref(),
            }
        }))
    }
}

impl<'a> EntityRecord<'a> {
    fn new(entity: &'a Entity, text: &'a str) -> Self {
        let mut record = Self {
            canonical: None,
            end: entity.span.end,
            kind: entity.kind,
            qualifier: None,
            start: entity.span.start,
            text,
            unit: None,
            value: None,
        };
        match entity.kind {
            EntityKind::Number => {
                if let Some(q) = &entity.quantity {
                    record.value = Some(number_json(q.value));
                    record.unit = q.unit.as_deref();
                    record.qualifier = q.qualifier.as_deref();
                }
            }
            EntityKind::Date => record.value = entity.date.map(|date| json!(date.iso())),
            _ => record.canonical = entity.canonical.as_deref(),
        }
        record
    }
}

/// Whole numbers print without a fraction (`12000`, not `12000.0`).
#[must_use]
pub fn number_json(value: f64) -> Value {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every integer below is exact in f64
    if value.fract() == 0.0 && value.abs() < EXACT {
        json!(value as i64)
    } else {
        json!(value)
    }
}
