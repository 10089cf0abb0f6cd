//! Command-line interface: argument parsing and dispatch to the subcommands.

mod export;
mod extract;
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
        None => {
            eprintln!(
                "crosscheck: the workbench is not built yet; try `crosscheck extract sample_data`"
            );
            Ok(false)
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("crosscheck: {error:#}");
            ExitCode::FAILURE
        }
    }
}
