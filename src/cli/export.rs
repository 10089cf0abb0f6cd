//! `crosscheck export`: a workspace's claims (by default the reviewed ones) as JSON, CSV, a
//! Markdown or HTML brief, or W3C Web Annotation JSON-LD, to a file or stdout.

use std::path::{Path, PathBuf};

use anyhow::bail;
use clap::{Args, ValueEnum};
use crosscheck::export::{ExportFormat, Scope, export};
use crosscheck::workspace::persist;

/// `crosscheck export WS.json --format F [-o FILE] [--all]`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The workspace file.
    workspace: PathBuf,
    /// What to write.
    #[arg(long, value_enum)]
    format: FormatArg,
    /// Write to this file instead of stdout.
    #[arg(short, long)]
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
}

impl From<FormatArg> for ExportFormat {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Json => Self::Json,
            FormatArg::Csv => Self::Csv,
            FormatArg::Md => Self::Markdown,
            FormatArg::Html => Self::Html,
            FormatArg::W3c => Self::W3c,
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
    let mut bytes = Vec::new();
    export(&workspace, args.format.into(), scope, &mut bytes)?;
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
