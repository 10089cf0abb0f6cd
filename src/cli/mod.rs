//! Command-line interface: argument parsing and dispatch to the subcommands.

mod compare;
mod export;
mod extract;
mod inputs;
mod say;
mod team;
mod workspace;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

/// What `--help` says of exit codes; README.md says the same.
const EXIT_CODES: &str = "\
Exit codes:
  0  everything worked
  1  some inputs failed (each is named on stderr); the others were processed
  2  usage error, or a fatal one: an unreadable workspace, nothing processed

Data goes to stdout, diagnostics to stderr (-q: errors only, -v/-vv: more; RUST_LOG overrides).";

/// Crosscheck: cross-check claims across news reports.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// More diagnostics on stderr (-v: debug, -vv: trace).
    #[arg(short, long, global = true, action = clap::ArgAction::Count, conflicts_with = "quiet")]
    verbose: u8,
    /// Only errors on stderr: no progress or warnings.
    #[arg(short, long, global = true)]
    quiet: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Open the workbench on articles, folders or a workspace file (none: the last workspace).
    Open {
        /// Article files, folders, or a workspace `.json`.
        paths: Vec<PathBuf>,
    },
    /// Print the entities and claims found in articles (files, folders or stdin) as JSON.
    Extract(extract::ExtractArgs),
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
    /// Print each article's figure readings (measure, bounds, timing, speaker, source chain):
    /// the map step that `compare --from-figures` reduces, for corpora split across jobs.
    Figures(extract::ExtractArgs),
    /// Merge analysts' copies of a workspace into a new file; disagreements become disputes.
    Merge(team::MergeArgs),
    /// How far analysts' workspaces agree: Cohen's kappa, weighted kappa, Krippendorff's alpha.
    Agreement(team::AgreementArgs),
    /// Print a completion script for a shell (e.g. `crosscheck completions bash > FILE`).
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write one page per command into a folder.
    Manpage {
        /// Write `crosscheck.1` and a page per subcommand here instead.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// Layouts of `crosscheck extract` output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// `{"articles": [...]}`.
    Json,
    /// One article object per line.
    Jsonl,
}

/// Parses the arguments and runs the command; the exit code says whether everything worked
/// (see [`EXIT_CODES`]; clap itself exits 2 on a usage error).
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    say::init(match (cli.quiet, cli.verbose) {
        (true, _) => log::LevelFilter::Error,
        (false, 0) => log::LevelFilter::Info,
        (false, 1) => log::LevelFilter::Debug,
        (false, _) => log::LevelFilter::Trace,
    });
    let result = match cli.command {
        Some(Command::Completions { shell }) => {
            // Into a buffer first: clap_complete panics on a write error such as a closed pipe.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "crosscheck", &mut script);
            to_stdout(&script, "the completion script").map(|()| true)
        }
        Some(Command::Manpage { dir }) => manpage(dir.as_deref()),
        Some(Command::Extract(args)) => extract::run(&args, extract::Stage::Extract),
        Some(Command::Figures(args)) => extract::run(&args, extract::Stage::Figures),
        Some(Command::Workspace { command }) => workspace::run(command),
        Some(Command::Tag(args)) => workspace::tag(args),
        Some(Command::Export(args)) => export::run(&args),
        Some(Command::Compare(args)) => compare::run(&args),
        Some(Command::Merge(args)) => team::run_merge(&args),
        Some(Command::Agreement(args)) => team::run_agreement(&args),
        Some(Command::Open { paths }) => workbench(paths),
        None => workbench(Vec::new()),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(error) => {
            say::error(format_args!("{error:#}"));
            ExitCode::from(2)
        }
    }
}

/// The man page on stdout, or every page written into `dir`.
fn manpage(dir: Option<&Path>) -> anyhow::Result<bool> {
    let command = Cli::command();
    if let Some(dir) = dir {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create the folder", dir.display()))?;
        clap_mangen::generate_to(command, dir)
            .with_context(|| format!("{}: cannot write the man pages", dir.display()))?;
        say::info(format_args!("wrote the man pages to {}", dir.display()));
    } else {
        let mut page = Vec::new();
        clap_mangen::Man::new(command)
            .render(&mut page)
            .context("rendering the man page")?;
        to_stdout(&page, "the man page")?;
    }
    Ok(true)
}

/// Writes `bytes` to stdout.
pub fn to_stdout(bytes: &[u8], what: &str) -> anyhow::Result<()> {
    let mut stdout = io::stdout().lock();
    written_to_stdout(stdout.write_all(bytes).and_then(|()| stdout.flush()), what)
}

/// How writing `what` to stdout ended: a reader that stops early (`| head`) closes the pipe,
/// which is its choice, not an error.
pub fn written_to_stdout(written: io::Result<()>, what: &str) -> anyhow::Result<()> {
    match written {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.with_context(|| format!("writing {what}")),
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
