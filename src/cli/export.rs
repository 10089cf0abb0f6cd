//! `crosscheck export`: a workspace's claims (by default the reviewed ones) as JSON, CSV, a
//! Markdown or HTML brief, W3C Web Annotation or schema.org `ClaimReview` JSON-LD, to a file or
//! stdout; or as a brat standoff folder (`--format brat -o DIR`).

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use crosscheck::export::{ExportFormat, Scope, export, export_brat};
use crosscheck::workspace::persist;

/// `crosscheck export WS.json --format F [-o FILE] [--all]`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The workspace file.
    workspace: PathBuf,
    /// What to write.
    #[arg(long, value_enum)]
    format: FormatArg,
    /// Write to this file instead of stdout; for `brat`, the folder to write (required).
    #[arg(short, long, required_if_eq("format", "brat"))]
    output: Option<PathBuf>,
    /// Every claim, not only the reviewed ones.
    #[arg(long)]
    all: bool,
}

/// Export formats on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Claims with their review, as JSON.
    Json,
    /// One row per claim, for spreadsheets.
    Csv,
    /// A Markdown brief grouped by status.
    Md,
    /// A self-contained HTML brief grouped by status.
    Html,
    /// W3C Web Annotation JSON-LD.
    W3c,
    #[value(
        name = "claimreview",
        help = "schema.org ClaimReview JSON-LD, for fact-check tools"
    )]
    ClaimReview,
    #[value(
        help = "A brat standoff folder (.txt, .ann, annotation.conf) for brat or INCEpTION; needs -o DIR"
    )]
    Brat,
}

impl FormatArg {
    /// The single-stream format; `None` for the brat folder.
    fn stream(self) -> Option<ExportFormat> {
        match self {
            Self::Json => Some(ExportFormat::Json),
            Self::Csv => Some(ExportFormat::Csv),
            Self::Md => Some(ExportFormat::Markdown),
            Self::Html => Some(ExportFormat::Html),
            Self::W3c => Some(ExportFormat::W3c),
            Self::ClaimReview => Some(ExportFormat::ClaimReview),
            Self::Brat => None,
        }
    }
}

/// Runs the export; returns whether it worked.
pub fn run(args: &ExportArgs) -> anyhow::Result<bool> {
    let workspace = persist::load(&args.workspace)?;
    let scope = if args.all {
        Scope::All
    } else {
        Scope::Reviewed
    };
    let Some(format) = args.format.stream() else {
        // clap requires `-o` with `--format brat`.
        let folder = args.output.as_deref().context("brat needs -o DIR")?;
        let summary = export_brat(&workspace, scope, folder)?;
        let left_out = if summary.unplaced > 0 {
            format!(
                " ({} orphaned claims left out: their quotes are no longer in their articles)",
                summary.unplaced
            )
        } else {
            String::new()
        };
        super::say::info(format_args!(
            "wrote {} claims and {} entities from {} articles to {}{left_out}",
            summary.claims,
            summary.entities,
            summary.documents,
            folder.display()
        ));
        return Ok(true);
    };
    let mut bytes = Vec::new();
    export(&workspace, format, scope, &mut bytes)?;
    let Some(output) = &args.output else {
        return super::to_stdout(&bytes, "the export").map(|()| true);
    };
    if same_file(output, &args.workspace) {
        bail!(
            "{}: this is the workspace itself; choose another file for the export",
            output.display()
        );
    }
    persist::replace_file(output, &bytes)?;
    let claims = crosscheck::export::select(&workspace, scope).len();
    super::say::info(format_args!(
        "wrote {claims} claims to {}",
        output.display()
    ));
    Ok(true)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
