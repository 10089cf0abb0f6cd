//! The JSON export: the chosen claims with their quotes, positions, review and audit trail,
//! and the articles they come from.

use std::io::Write;

use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use super::{ClaimInArticle, ExportError, Scope, rfc3339, select};
use crate::output::number_json;
use crate::workspace::{
    ClaimId, ClaimOrigin, Credibility, Decision, EvidenceLink, Position, Workspace,
};

/// The `format` of the JSON export.
pub const FORMAT: &str = "crosscheck-claims";

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u32,
    workspace: Uuid,
    scope: &'static str,
    articles: Vec<ArticleRecord<'a>>,
    claims: Vec<ClaimRecord<'a>>,
}

#[derive(Serialize)]
struct ArticleRecord<'a> {
    id: &'a str,
    title: String,
    path: String,
    sha256: &'a str,
    published: Option<String>,
}

#[derive(Serialize)]
struct ClaimRecord<'a> {
    id: ClaimId,
    article: &'a str,
    /// Byte offsets into the article text; `null` for an orphaned claim.
    start: Option<usize>,
    end: Option<usize>,
    orphaned: bool,
    quote: &'a str,
    prefix: &'a str,
    suffix: &'a str,
    origin: &'static str,
    speaker: Option<&'a str>,
    via: Option<&'a str>,
    values: Vec<Value>,
    status: &'static str,
    reliability: Option<String>,
    credibility: Option<u8>,
    note: &'a str,
    reviewed_by: Option<&'a str>,
    reviewed_at: Option<String>,
    links: &'a [EvidenceLink],
    history: Vec<Change<'a>>,
    /// Whether merged reviews disagree on it and nobody has adjudicated yet.
    disputed: bool,
    /// Each analyst's position, when merged reviews disagreed.
    #[serde(skip_serializing_if = "Option::is_none")]
    positions: Option<&'a [Position]>,
    /// Who settled the disagreement and which position they took.
    #[serde(skip_serializing_if = "Option::is_none")]
    decided: Option<&'a Decision>,
}

#[derive(Serialize)]
struct Change<'a> {
    status: &'static str,
    analyst: &'a str,
    at: String,
}

fn claim_record<'a>(item: &ClaimInArticle<'a>) -> ClaimRecord<'a> {
    let claim = item.claim;
    let review = claim.last_review();
    ClaimRecord {
        id: claim.id,
        article: &claim.article.0,
        start: claim.anchor.span.map(|span| span.start),
        end: claim.anchor.span.map(|span| span.end),
        orphaned: claim.is_orphaned(),
        quote: &claim.anchor.quote.exact,
        prefix: &claim.anchor.quote.prefix,
        suffix: &claim.anchor.quote.suffix,
        origin: match claim.origin {
            ClaimOrigin::Extracted => "extracted",
            ClaimOrigin::Manual => "manual",
        },
        speaker: claim.speaker.as_deref(),
        via: claim.via.as_deref(),
        values: claim.values.iter().map(|&v| number_json(v)).collect(),
        status: claim.status.as_str(),
        reliability: claim.grades.reliability.map(|r| r.letter().to_string()),
        credibility: claim.grades.credibility.map(Credibility::digit),
        note: &claim.note,
        reviewed_by: review.map(|change| change.analyst.as_str()),
        reviewed_at: review.map(rfc3339),
        links: &claim.links,
        history: claim
            .history
            .iter()
            .map(|change| Change {
                status: change.status.as_str(),
                analyst: &change.analyst,
                at: rfc3339(change),
            })
            .collect(),
        disputed: claim.is_disputed(),
        positions: claim.dispute.as_ref().map(|d| d.positions.as_slice()),
        decided: claim.dispute.as_ref().and_then(|d| d.decided.as_ref()),
    }
}

/// Writes the JSON export.
pub fn write(workspace: &Workspace, scope: Scope, out: &mut dyn Write) -> Result<(), ExportError> {
    let chosen = select(workspace, scope);
    let articles = workspace
        .articles()
        .filter(|entry| {
            chosen
                .iter()
                .any(|item| item.claim.article == entry.article.id)
        })
        .map(|entry| ArticleRecord {
            id: &entry.article.id.0,
            title: entry.article.display_title(),
            path: entry.article.path.display().to_string(),
            sha256: &entry.article.sha256,
            published: entry
                .article
                .published
                .map(|date| date.format("%Y-%m-%dT%H:%M:%S").to_string()),
        })
        .collect();
    let document = Document {
        format: FORMAT,
        version: 1,
        workspace: workspace.id(),
        scope: scope.as_str(),
        articles,
        claims: chosen.iter().map(claim_record).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    out.write_all(b"\n")?;
    Ok(())
}
