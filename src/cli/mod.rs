//! Command-line interface: argument parsing and dispatch to the subcommands.

mod compare;
mod export;
mod extract;
mod inputs;
mod say;
mod workspace;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Crosscheck: cross-check claims across news reports.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Open the workbench on articles, folders or a workspace file.
    Open {
        /// Article files, folders, or a workspace `.json`.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the entities and claims found in articles (files or folders) as JSON.
    Extract {
        /// Output layout: one JSON document, or one line per article.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
        format: ExtractFormat,
        /// Article files (.txt, .md, .html) or folders of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Create a workspace from articles, list its claims, add or refresh articles.
    Workspace {
        #[command(subcommand)]
        command: workspace::WorkspaceCommand,
    },
    /// Set a claim's review status (and note) in a workspace file.
    Tag(workspace::TagArgs),
    /// Export a workspace's claims (by default the reviewed ones).
    Export(export::ExportArgs),
    /// Put the figures of articles (or a workspace) side by side: groups, conflicts, origins.
    Compare(compare::CompareArgs),
}

/// Layouts of `crosscheck extract` output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// `{"articles": [...]}`.
    Json,
    /// One article object per line.
    Jsonl,
}

/// Parses the arguments and runs the command; the exit code says whether everything worked.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Extract { format, paths }) => extract::run(&paths, format),
        Some(Command::Workspace { command }) => workspace::run(command),
        Some(Command::Tag(args)) => workspace::tag(args),
        Some(Command::Export(args)) => export::run(&args),
        Some(Command::Compare(args)) => compare::run(&args),
        Some(Command::Open { paths }) => workbench(paths),
        None => workbench(Vec::new()),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("crosscheck: {}", say::safe(&format!("{error:#}")));
            ExitCode::FAILURE
        }
    }
}

/// Opens the workbench: on `paths`, or on the last workspace (the samples the first time).
#[cfg(feature = "gui")]
fn workbench(paths: Vec<PathBuf>) -> anyhow::Result<bool> {
    use crosscheck::gui::{StartWith, run};
    let start = if paths.is_empty() {
        StartWith::Default
    } else {
        StartWith::Paths(paths)
    };
    run(start).map_err(|e| anyhow::anyhow!("the workbench window could not open: {e}"))?;
    Ok(true)
}

#[cfg(not(feature = "gui"))]
fn workbench(_paths: Vec<PathBuf>) -> anyhow::Result<bool> {
    anyhow::bail!(
        "this build has no workbench (built without the `gui` feature); try `crosscheck extract PATH`"
    )
}
