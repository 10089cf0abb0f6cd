//! Exports of a workspace's claims for people and other tools: JSON, CSV, Markdown and HTML
//! briefs, W3C Web Annotation JSON-LD, schema.org `ClaimReview` JSON-LD, and a brat standoff
//! folder ([`export_brat`]). By default only reviewed claims go out.
//!
//! Every export is deterministic: the same workspace gives the same bytes (no export time is
//! stamped; claims come in reading order).

pub mod brat;
pub mod brief;
pub mod claimreview;
pub mod csv;
pub mod json;
pub mod w3c;

pub use brat::{BratSummary, export_brat};
pub use brief::{escape_html, markdown_text};

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::PathBuf;

use chrono::SecondsFormat;

use crate::article::ArticleId;
use crate::file::WriteError;
use crate::workspace::{AnalyzedArticle, Claim, ClaimStatus, StatusChange, Workspace};

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// Claims with their review, as JSON.
    Json,
    /// One row per claim, for spreadsheets.
    Csv,
    /// A Markdown brief grouped by status.
    Markdown,
    /// A self-contained HTML brief grouped by status.
    Html,
    /// A W3C Web Annotation `AnnotationCollection` (JSON-LD).
    W3c,
    /// schema.org `ClaimReview` JSON-LD, one review per claim, for fact-check tools.
    ClaimReview,
}

impl ExportFormat {
    /// The usual file extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Csv => "csv",
            Self::Markdown => "md",
            Self::Html => "html",
            Self::W3c | Self::ClaimReview => "jsonld",
        }
    }
}

/// Which claims an export takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Claims whose status is not unreviewed.
    Reviewed,
    /// Every claim.
    All,
    /// Claims whose merged reviews disagree, not yet adjudicated.
    Disputed,
}

impl Scope {
    /// `reviewed`, `all` or `disputed`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reviewed => "reviewed",
            Self::All => "all",
            Self::Disputed => "disputed",
        }
    }

    fn takes(self, claim: &Claim) -> bool {
        match self {
            Self::All => true,
            Self::Reviewed => claim.status != ClaimStatus::Unreviewed,
            Self::Disputed => claim.is_disputed(),
        }
    }
}

/// Why an export could not be written. The message says everything (no `source` to chain).
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing failed.
    #[error("cannot write the export: {0}")]
    Io(io::Error),
    /// JSON encoding failed.
    #[error("cannot write the export as JSON: {0}")]
    Json(serde_json::Error),
    /// CSV encoding failed.
    #[error("cannot write the export as CSV: {0}")]
    Csv(::csv::Error),
    /// A file of a folder export could not be written (the message names it).
    #[error("{0}")]
    File(WriteError),
    /// The folder of a folder export (brat) could not be created.
    #[error("{}: cannot create the export folder: {reason}", path.display())]
    Folder {
        /// The folder.
        path: PathBuf,
        /// The operating system's reason.
        reason: io::Error,
    },
    /// The path given for a folder export is something other than a folder.
    #[error("{}: not a folder; the brat export writes a folder of files", path.display())]
    NotAFolder {
        /// The path.
        path: PathBuf,
    },
    /// A folder export would write a file where a link, folder or device of that name is.
    #[error(
        "{}: something other than a regular file has this name; not overwritten, remove it or choose another folder",
        path.display()
    )]
    Occupied {
        /// The path.
        path: PathBuf,
    },
}

impl From<WriteError> for ExportError {
    fn from(error: WriteError) -> Self {
        Self::File(error)
    }
}

impl From<io::Error> for ExportError {
    fn from(error: io::Error) -> Self {
        Self::Io(error)
    }
}

impl From<serde_json::Error> for ExportError {
    fn from(error: serde_json::Error) -> Self {
        Self::Json(error)
    }
}

impl From<::csv::Error> for ExportError {
    fn from(error: ::csv::Error) -> Self {
        Self::Csv(error)
    }
}

/// A claim with the article it is in.
#[derive(Debug, Clone, Copy)]
pub struct ClaimInArticle<'a> {
    /// The claim.
    pub claim: &'a Claim,
    /// Its article.
    pub article: &'a AnalyzedArticle,
}

impl ClaimInArticle<'_> {
    /// The last status change, if any.
    #[must_use]
    pub fn last_review(&self) -> Option<&StatusChange> {
        self.claim.last_review()
    }
}

/// The claims an export takes, in reading order: articles as added, claims by position
/// (orphaned claims, which have none, after the placed ones of their article).
#[must_use]
pub fn select(workspace: &Workspace, scope: Scope) -> Vec<ClaimInArticle<'_>> {
    let articles: HashMap<&ArticleId, (usize, &AnalyzedArticle)> = workspace
        .articles()
        .enumerate()
        .map(|(position, entry)| (&entry.article.id, (position, entry)))
        .collect();
    let mut chosen: Vec<(usize, ClaimInArticle<'_>)> = workspace
        .claims()
        .filter(|claim| scope.takes(claim))
        .filter_map(|claim| {
            let &(position, article) = articles.get(&claim.article)?;
            Some((position, ClaimInArticle { claim, article }))
        })
        .collect();
    chosen.sort_by_key(|(position, item)| {
        (
            *position,
            item.claim.anchor.span.map_or(usize::MAX, |span| span.start),
            item.claim.id,
        )
    });
    chosen.into_iter().map(|(_, item)| item).collect()
}

/// Writes the claims `scope` takes in `format`.
pub fn export(
    workspace: &Workspace,
    format: ExportFormat,
    scope: Scope,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    match format {
        ExportFormat::Json => json::write(workspace, scope, out),
        ExportFormat::Csv => self::csv::write(workspace, scope, out),
        ExportFormat::Markdown => brief::write_markdown(workspace, scope, out),
        ExportFormat::Html => brief::write_html(workspace, scope, out),
        ExportFormat::W3c => w3c::write(workspace, scope, out),
        ExportFormat::ClaimReview => claimreview::write(workspace, scope, out),
    }
}

/// A status as a title: `Confirmed`, `Unconfirmed`, `Unreviewed`.
#[must_use]
pub fn status_title(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::Confirmed => "Confirmed",
        ClaimStatus::Unconfirmed => "Unconfirmed",
        ClaimStatus::Unreviewed => "Unreviewed",
    }
}

/// A review time as RFC 3339 to the second, with its UTC offset.
#[must_use]
pub fn rfc3339(change: &StatusChange) -> String {
    change.at.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// A claim's figures as text: `12000; 10000`.
#[must_use]
pub fn figures(claim: &Claim) -> String {
    claim
        .values
        .iter()
        .map(|&v| crate::output::number_json(v).to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Runs of whitespace (the hard line breaks of scraped text) and control characters as
/// single spaces, for briefs and tables.
#[must_use]
pub fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` without control characters other than line breaks and tabs: a field of an export
/// never carries terminal escapes, NULs or other bytes a reader would obey or choke on.
#[must_use]
pub fn without_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let unwanted = |c: char| c.is_control() && !matches!(c, '\n' | '\t');
    if text.chars().any(unwanted) {
        text.chars()
            .filter(|&c| !unwanted(c))
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}
