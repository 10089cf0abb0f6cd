//! The `crosscheck extract` JSON: per article its path, hash, title and the extracted entities
//! and claims, with UTF-8 byte offsets into the text as loaded.

use serde::Serialize;
use serde_json::{Value, json};

use crate::article::Article;
use crate::extract::{Entity, EntityKind, Extraction};

/// One article's extraction as printed by `crosscheck extract`.
#[derive(Debug, Serialize)]
pub struct ArticleRecord {
    /// The file it came from.
    pub path: String,
    /// Stable id.
    pub id: String,
    /// SHA-256 of the file.
    pub sha256: String,
    /// Title, if any.
    pub title: Option<String>,
    /// Publication date and time (ISO 8601), if stated.
    pub published: Option<String>,
    /// How the bytes were decoded.
    pub encoding: &'static str,
    /// Boilerplate lines: `{start, end, kind}`.
    pub boilerplate: Vec<Value>,
    /// Entity mentions.
    pub entities: Vec<Value>,
    /// Claims.
    pub claims: Vec<Value>,
    /// Extraction warnings.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl ArticleRecord {
    /// Builds the record for an article and its extraction.
    #[must_use]
    pub fn new(article: &Article, extraction: &Extraction) -> Self {
        let text = &article.text;
        let slice = |start: usize, end: usize| text.get(start..end).unwrap_or_default();
        Self {
            path: article.path.display().to_string(),
            id: article.id.to_string(),
            sha256: article.sha256.clone(),
            title: article.title.clone(),
            published: article
                .published
                .map(|d| d.format("%Y-%m-%dT%H:%M:%S").to_string()),
            encoding: article.encoding.label(),
            boilerplate: article
                .boilerplate
                .iter()
                .map(|b| json!({"start": b.span.start, "end": b.span.end, "kind": b.kind}))
                .collect(),
            entities: extraction
                .entities
                .iter()
                .map(|e| entity_json(e, slice(e.span.start, e.span.end)))
                .collect(),
            claims: extraction
                .claims
                .iter()
                .enumerate()
                .map(|(n, c)| {
                    let mut claim = json!({
                        "id": format!("{}-c{}", article.id, n + 1),
                        "start": c.span.start,
                        "end": c.span.end,
                        "text": slice(c.span.start, c.span.end),
                        "speaker": c.speaker,
                        "values": c.values.iter().map(|&v| number_json(v)).collect::<Vec<_>>(),
                    });
                    if let Some(via) = &c.via {
                        claim["via"] = json!(via);
                    }
                    // The words as written, when they differ from the canonical name
                    // ("the spy agency", "NIS" for National Intelligence Service).
                    if let Some(written) = c
                        .speaker_span
                        .and_then(|span| span.text(&article.text))
                        .map(|words| words.split_whitespace().collect::<Vec<_>>().join(" "))
                        .filter(|words| Some(words) != c.speaker.as_ref())
                    {
                        claim["speaker_text"] = json!(written);
                    }
                    claim
                })
                .collect(),
            warnings: extraction.warnings.clone(),
        }
    }
}

fn entity_json(entity: &Entity, text: &str) -> Value {
    let mut value = json!({"start": entity.span.start, "end": entity.span.end, "text": text, "kind": entity.kind});
    match entity.kind {
        EntityKind::Number => {
            if let Some(q) = &entity.quantity {
                value["value"] = number_json(q.value);
                if let Some(unit) = &q.unit {
                    value["unit"] = json!(unit);
                }
                if let Some(qualifier) = &q.qualifier {
                    value["qualifier"] = json!(qualifier);
                }
            }
        }
        EntityKind::Date => {
            if let Some(date) = entity.date {
                value["value"] = json!(date.iso());
            }
        }
        _ => {
            if let Some(canonical) = &entity.canonical {
                value["canonical"] = json!(canonical);
            }
        }
    }
    value
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
