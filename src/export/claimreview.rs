//! The schema.org `ClaimReview` export (JSON-LD) that fact-check tools ingest, one per claim.
//!
//! The document is one JSON-LD object, `{"@context": "https://schema.org", "@graph": [...]}`,
//! holding one `ClaimReview` per chosen claim in reading order. `@graph` keeps the context
//! in one place and is read by JSON-LD processors and by search engines' structured-data
//! parsers alike; a publisher who puts each fact check on its own page takes one item of the
//! graph and adds `"@context": "https://schema.org"` to it.
//!
//! Each `ClaimReview` carries:
//!
//! - `@id`: `urn:uuid:` named from the workspace id and the claim id (UUID v5), so a claim
//!   keeps its review id from one export to the next; `identifier`: the claim id (`c12`).
//! - `claimReviewed`: the claim's words on one line.
//! - `reviewRating`: a `Rating` whose `alternateName` is the status (`Confirmed`,
//!   `Unconfirmed`, `Unreviewed`) and whose numbers come from the Admiralty information
//!   credibility grade (see [`rating_value`]); `ratingExplanation` spells out the grades.
//! - `reviewBody`: the analyst's note, when there is one.
//! - `itemReviewed`: the `Claim`, with `author` (the speaker, when the claim has one) and
//!   `appearance` (the article as a `CreativeWork`; see [`appearance`]).
//! - `author`: the analyst who set the current status (a `Person`); `datePublished`: the
//!   date of that status change, as an ISO 8601 date in the analyst's own UTC offset. An
//!   unreviewed claim (exported with `--all`) has neither.
//!
//! Control characters are dropped from every string, as in the other exports.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::{ClaimInArticle, ExportError, Scope, one_line, select, status_title, without_controls};
use crate::article::Article;
use crate::compare::EntityIndex;
use crate::extract::EntityKind;
use crate::workspace::{ClaimId, Credibility, Reliability, Workspace};

/// The schema.org JSON-LD context.
pub const CONTEXT: &str = "https://schema.org";

/// The best `ratingValue` (credibility 1, confirmed by other sources).
pub const BEST_RATING: u8 = 5;

/// The worst `ratingValue` (credibility 5, improbable).
pub const WORST_RATING: u8 = 1;

/// The `@id` of a claim's review in a workspace.
#[must_use]
pub fn review_id(workspace: Uuid, claim: ClaimId) -> String {
    format!(
        "urn:uuid:{}",
        Uuid::new_v5(&workspace, format!("claimreview/{claim}").as_bytes())
    )
}

/// The numeric `ratingValue` for an Admiralty information-credibility grade, on a scale from
/// [`WORST_RATING`] (1) to [`BEST_RATING`] (5), larger being more credible as fact-check
/// consumers expect: `ratingValue = 6 - digit` for digits 1 to 5, so
///
/// | credibility | meaning                    | ratingValue |
/// |-------------|----------------------------|-------------|
/// | 1           | confirmed by other sources | 5 (best)    |
/// | 2           | probably true              | 4           |
/// | 3           | possibly true              | 3           |
/// | 4           | doubtful                   | 2           |
/// | 5           | improbable                 | 1 (worst)   |
/// | 6           | truth cannot be judged     | none        |
///
/// Grade 6 is no point on the scale (it says the truth cannot be judged, not that the claim
/// is false), so like a claim without a grade it gets no `ratingValue`, `bestRating` or
/// `worstRating`: only the status as `alternateName`.
#[must_use]
pub fn rating_value(credibility: Credibility) -> Option<u8> {
    match credibility {
        Credibility::CannotBeJudged => None,
        graded => Some(6 - graded.digit()),
    }
}

/// Writes the `ClaimReview` export.
pub fn write(workspace: &Workspace, scope: Scope, out: &mut dyn Write) -> Result<(), ExportError> {
    let chosen = select(workspace, scope);
    // The speakers' kinds (person, organization, ...) as the workspace's entity index knows
    // them; built only when some claim has a speaker.
    let index = chosen
        .iter()
        .any(|item| item.claim.speaker.is_some())
        .then(|| EntityIndex::build(workspace));
    let graph: Vec<Value> = chosen
        .iter()
        .map(|item| review(workspace.id(), item, index.as_ref()))
        .collect();
    let mut document = json!({"@context": CONTEXT, "@graph": graph});
    drop_controls(&mut document);
    serde_json::to_writer_pretty(&mut *out, &document)?;
    out.write_all(b"\n")?;
    Ok(())
}

fn review(workspace: Uuid, item: &ClaimInArticle<'_>, index: Option<&EntityIndex>) -> Value {
    let claim = item.claim;
    let article = &item.article.article;

    let mut rating = Map::new();
    rating.insert("@type".into(), json!("Rating"));
    rating.insert("alternateName".into(), json!(status_title(claim.status)));
    if let Some(value) = claim.grades.credibility.and_then(rating_value) {
        rating.insert("ratingValue".into(), json!(value));
        rating.insert("bestRating".into(), json!(BEST_RATING));
        rating.insert("worstRating".into(), json!(WORST_RATING));
    }
    if let Some(explanation) =
        grades_explanation(claim.grades.reliability, claim.grades.credibility)
    {
        rating.insert("ratingExplanation".into(), json!(explanation));
    }

    let mut reviewed = Map::new();
    reviewed.insert("@type".into(), json!("Claim"));
    if let Some(speaker) = claim.speaker.as_deref() {
        reviewed.insert("author".into(), speaker_node(speaker, index));
    }
    if let Some(published) = article.published {
        reviewed.insert("datePublished".into(), json!(date_time(published)));
    }
    reviewed.insert("appearance".into(), appearance(article));

    let mut node = Map::new();
    node.insert("@type".into(), json!("ClaimReview"));
    node.insert("@id".into(), json!(review_id(workspace, claim.id)));
    node.insert("identifier".into(), json!(claim.id.to_string()));
    node.insert(
        "claimReviewed".into(),
        json!(one_line(&claim.anchor.quote.exact)),
    );
    node.insert("reviewRating".into(), Value::Object(rating));
    node.insert("itemReviewed".into(), Value::Object(reviewed));
    if !claim.note.trim().is_empty() {
        node.insert("reviewBody".into(), json!(claim.note.trim()));
    }
    if let Some(review) = claim.last_review() {
        node.insert(
            "author".into(),
            json!({"@type": "Person", "name": review.analyst}),
        );
        node.insert(
            "datePublished".into(),
            json!(review.at.format("%Y-%m-%d").to_string()),
        );
    }
    Value::Object(node)
}

/// `Admiralty B2: source usually reliable; information probably true`.
fn grades_explanation(
    reliability: Option<Reliability>,
    credibility: Option<Credibility>,
) -> Option<String> {
    let code = crate::workspace::Grades {
        reliability,
        credibility,
    }
    .code()?;
    let meanings: Vec<String> = [
        reliability.map(|r| format!("source {}", r.meaning())),
        credibility.map(|c| format!("information {}", c.meaning())),
    ]
    .into_iter()
    .flatten()
    .collect();
    Some(format!("Admiralty {code}: {}", meanings.join("; ")))
}

/// The speaker as schema.org sees them: a `Person` or an `Organization` when the workspace's
/// entity index knows the name as one (a place that speaks, `South Korea said`, is its
/// government, so an `Organization` too), else a `Thing` with the name.
fn speaker_node(speaker: &str, index: Option<&EntityIndex>) -> Value {
    let kind = index
        .and_then(|index| index.resolve(speaker))
        .map(|entry| entry.kind);
    let schema_type = match kind {
        Some(EntityKind::Person) => "Person",
        Some(EntityKind::Organization | EntityKind::Location) => "Organization",
        _ => "Thing",
    };
    json!({"@type": schema_type, "name": one_line(speaker)})
}

/// The article as a `CreativeWork`: `url`, `headline` (its title, when it has one),
/// `datePublished` and `publisher` (the outlet) when known, and `identifier`, the SHA-256 of
/// its file as `urn:sha256:...`, which names the exact text wherever it is.
///
/// Crosscheck keeps no web address for an article, so `url` is where its file was loaded
/// from: a `file:` URL for an absolute path, else the stored path as a relative URL
/// reference (the workspace stores paths relative to its own folder when the article lies
/// inside it), percent-encoded either way.
#[must_use]
pub fn appearance(article: &Article) -> Value {
    let mut work = Map::new();
    work.insert("@type".into(), json!("CreativeWork"));
    work.insert("url".into(), json!(file_url(&article.path)));
    if let Some(title) = article.title.as_deref().map(one_line)
        && !title.is_empty()
    {
        work.insert("headline".into(), json!(title));
    }
    if let Some(published) = article.published {
        work.insert("datePublished".into(), json!(date_time(published)));
    }
    if let Some(outlet) = article.outlet.as_deref().map(one_line)
        && !outlet.is_empty()
    {
        work.insert(
            "publisher".into(),
            json!({"@type": "Organization", "name": outlet}),
        );
    }
    work.insert(
        "identifier".into(),
        json!(format!("urn:sha256:{}", article.sha256)),
    );
    Value::Object(work)
}

/// A publication time as ISO 8601: the date alone when no time of day is known (midnight),
/// else date and time (no UTC offset: articles seldom state one).
fn date_time(published: chrono::NaiveDateTime) -> String {
    if published.time() == chrono::NaiveTime::MIN {
        published.format("%Y-%m-%d").to_string()
    } else {
        published.format("%Y-%m-%dT%H:%M:%S").to_string()
    }
}

/// `file:///home/ana/news/a%20b.txt` for an absolute path; a relative path as a
/// percent-encoded relative reference (`../news/a%20b.txt`).
#[must_use]
pub fn file_url(path: &Path) -> String {
    let text = path.to_string_lossy();
    #[cfg(windows)]
    let text = text.replace('\\', "/");
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            encoded.push(char::from(byte));
        } else if byte == b':' && cfg!(windows) {
            encoded.push(':');
        } else {
            let _ = write!(encoded, "%{byte:02X}");
        }
    }
    if text.starts_with('/') {
        format!("file://{encoded}")
    } else if path.is_absolute() {
        // A Windows drive path, `C:/news/a.txt`.
        format!("file:///{encoded}")
    } else {
        encoded
    }
}

/// Drops control characters (other than line breaks and tabs) from every string in `value`.
fn drop_controls(value: &mut Value) {
    match value {
        Value::String(text) => {
            if let std::borrow::Cow::Owned(clean) = without_controls(text) {
                *text = clean;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(drop_controls),
        Value::Object(fields) => fields.values_mut().for_each(drop_controls),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credibility_maps_best_first_and_six_is_no_rating() {
        let values: Vec<Option<u8>> = Credibility::ALL.into_iter().map(rating_value).collect();
        assert_eq!(values, [Some(5), Some(4), Some(3), Some(2), Some(1), None]);
        assert_eq!(rating_value(Credibility::Confirmed), Some(BEST_RATING));
        assert_eq!(rating_value(Credibility::Improbable), Some(WORST_RATING));
    }

    #[test]
    fn file_urls_are_percent_encoded() {
        assert_eq!(
            file_url(Path::new("/home/ana/news/a b#1.txt")),
            "file:///home/ana/news/a%20b%231.txt"
        );
        assert_eq!(
            file_url(Path::new("../서울.txt")),
            "../%EC%84%9C%EC%9A%B8.txt"
        );
    }

    #[test]
    fn controls_are_dropped_everywhere() {
        let mut value = json!({"a": ["x\u{1b}[31my", {"b": "\0z\n"}], "n": 1});
        drop_controls(&mut value);
        assert_eq!(value, json!({"a": ["x[31my", {"b": "z\n"}], "n": 1}));
    }
}
