//! The W3C Web Annotation export (JSON-LD): an `AnnotationCollection` with one page of
//! annotations, one per claim. Each targets its article by content hash with a
//! `TextQuoteSelector` and a `TextPositionSelector` counted in characters (Unicode code
//! points), not bytes; the status is an `assessing` body and the note a `commenting` body.
//!
//! Ids are `urn:uuid:` names derived from the workspace id and the claim id (UUID v5), so the
//! same claim keeps its annotation id from one export to the next.

use std::io::Write;

use serde_json::{Value, json};
use uuid::Uuid;

use super::{ClaimInArticle, ExportError, Scope, rfc3339, select};
use crate::article::SourceFormat;
use crate::workspace::Workspace;

/// The Web Annotation JSON-LD context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The annotation id of a claim in a workspace.
#[must_use]
pub fn annotation_id(workspace: Uuid, claim: crate::workspace::ClaimId) -> String {
    urn(workspace, &format!("claim/{claim}"))
}

fn urn(workspace: Uuid, name: &str) -> String {
    format!("urn:uuid:{}", Uuid::new_v5(&workspace, name.as_bytes()))
}

/// Writes the W3C export.
pub fn write(workspace: &Workspace, scope: Scope, out: &mut dyn Write) -> Result<(), ExportError> {
    let chosen = select(workspace, scope);
    let items: Vec<Value> = chosen
        .iter()
        .map(|item| annotation(workspace.id(), item))
        .collect();
    let mut collection = json!({
        "@context": CONTEXT,
        "id": urn(workspace.id(), &format!("collection/{}", scope.as_str())),
        "type": "AnnotationCollection",
        "label": format!("Crosscheck claims ({})", scope.as_str()),
        "total": items.len(),
    });
    // A collection with no annotations has no pages (Web Annotation model 5.1).
    if !items.is_empty() {
        collection["first"] = json!({
            "id": urn(workspace.id(), &format!("collection/{}/page/0", scope.as_str())),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        });
    }
    serde_json::to_writer_pretty(&mut *out, &collection)?;
    out.write_all(b"\n")?;
    Ok(())
}

fn annotation(workspace: Uuid, item: &ClaimInArticle<'_>) -> Value {
    let claim = item.claim;
    let article = &item.article.article;
    let mut body = vec![json!({
        "type": "TextualBody",
        "purpose": "assessing",
        "value": claim.status.as_str(),
        "format": "text/plain",
        "language": "en",
    })];
    if !claim.note.trim().is_empty() {
        body.push(json!({"type": "TextualBody", "purpose": "commenting", "value": claim.note, "format": "text/plain"}));
    }
    if let Some(code) = claim.grades.code() {
        body.push(json!({
            "type": "TextualBody",
            "purpose": "classifying",
            "value": format!("Admiralty {code}"),
            "format": "text/plain",
            "language": "en",
        }));
    }

    let quote = &claim.anchor.quote;
    let mut selector = vec![json!({
        "type": "TextQuoteSelector",
        "exact": quote.exact,
        "prefix": quote.prefix,
        "suffix": quote.suffix,
    })];
    if let Some(span) = claim.anchor.span {
        let text = &article.text;
        let start = text[..span.start].chars().count();
        let end = start + text[span.start..span.end].chars().count();
        selector.push(json!({"type": "TextPositionSelector", "start": start, "end": end}));
    }

    let mut annotation = json!({
        "id": annotation_id(workspace, claim.id),
        "type": "Annotation",
        "motivation": "assessing",
        "body": body,
        "target": {
            "type": "SpecificResource",
            "source": {
                "id": format!("urn:sha256:{}", article.sha256),
                "type": "Text",
                "format": media_type(article.format),
                "title": article.display_title(),
            },
            "selector": selector,
        },
    });
    if let (Some(first), Some(last)) = (claim.history.first(), claim.history.last()) {
        annotation["created"] = json!(rfc3339(first));
        annotation["modified"] = json!(rfc3339(last));
        annotation["creator"] = json!({"type": "Person", "name": first.analyst});
    }
    annotation
}

fn media_type(format: SourceFormat) -> &'static str {
    match format {
        SourceFormat::Text => "text/plain",
        SourceFormat::Markdown => "text/markdown",
        SourceFormat::Html => "text/html",
    }
}
