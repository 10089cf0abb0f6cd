//! `crosscheck workspace new|show|add|refresh` and `crosscheck tag`: workspace files from the
//! command line. Every command that changes a workspace loads it, applies actions and saves
//! it atomically; when anything fails, the file is left as it was.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Args, Subcommand, ValueEnum};
use crosscheck::article::{Article, SourceFormat};
use crosscheck::export::{ExportFormat, Scope, export, one_line};
use crosscheck::workspace::persist::{
    self, FileVersion, WriteLock, path_for_workspace, resolve_from_workspace,
};
use crosscheck::workspace::{
    Action, AnalyzedArticle, ClaimId, ClaimStatus, Effect, ReanchorReport, Workspace,
};
use uuid::Uuid;

use super::{inputs, say};

/// `crosscheck workspace ...`.
#[derive(Debug, Subcommand)]
pub enum WorkspaceCommand {
    /// Create a workspace file from article files or folders (.txt, .md, .html).
    New {
        /// The workspace file to create.
        out: PathBuf,
        /// Article files or folders of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Replace OUT if it exists (the old file is kept as OUT.bak).
        #[arg(long)]
        force: bool,
    },
    /// List a workspace's claims with their ids and statuses.
    Show {
        /// The workspace file.
        workspace: PathBuf,
        /// A table for people, or the JSON export of every claim.
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
        /// Only the claims whose merged reviews disagree (see `crosscheck merge`).
        #[arg(long)]
        disputed: bool,
    },
    /// Add articles (files or folders) to a workspace.
    Add {
        /// The workspace file.
        workspace: PathBuf,
        /// Article files or folders of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Re-import articles whose files changed, placing their claims and corrections again.
    Refresh {
        /// The workspace file.
        workspace: PathBuf,
    },
}

/// Layouts of `crosscheck workspace show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// One line per claim.
    Text,
    /// The JSON export of every claim.
    Json,
}

/// `crosscheck tag WS.json CLAIM_ID STATUS`.
#[derive(Debug, Args)]
pub struct TagArgs {
    /// The workspace file.
    workspace: PathBuf,
    /// The claim, e.g. c12 (see `crosscheck workspace show`).
    claim: ClaimId,
    /// The new status.
    #[arg(value_enum)]
    status: StatusArg,
    /// Replace the claim's note.
    #[arg(long)]
    note: Option<String>,
    /// Who reviewed it [default: $USER, else "analyst"].
    #[arg(long)]
    analyst: Option<String>,
}

/// Statuses on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    /// Checked and holds.
    Confirmed,
    /// Checked and could not be confirmed.
    Unconfirmed,
    /// Back to not reviewed.
    Unreviewed,
}

impl From<StatusArg> for ClaimStatus {
    fn from(status: StatusArg) -> Self {
        match status {
            StatusArg::Confirmed => Self::Confirmed,
            StatusArg::Unconfirmed => Self::Unconfirmed,
            StatusArg::Unreviewed => Self::Unreviewed,
        }
    }
}

/// Runs a `workspace` subcommand; returns whether everything worked.
pub fn run(command: WorkspaceCommand) -> anyhow::Result<bool> {
    match command {
        WorkspaceCommand::New { out, paths, force } => new(&out, &paths, force),
        WorkspaceCommand::Show {
            workspace,
            format,
            disputed,
        } => show(&workspace, format, disputed),
        WorkspaceCommand::Add { workspace, paths } => add(&workspace, &paths),
        WorkspaceCommand::Refresh { workspace } => refresh(&workspace),
    }
}

fn open(path: &Path) -> anyhow::Result<Workspace> {
    Ok(persist::load(path)?)
}

/// A workspace opened to be changed and saved back: the write lock is held from before the
/// read until the save, so two commands on one file take turns instead of losing an update.
struct Update {
    lock: WriteLock,
    workspace: Workspace,
    version: FileVersion,
}

impl Update {
    fn open(path: &Path) -> anyhow::Result<Self> {
        let lock = WriteLock::acquire(path)?;
        let (workspace, version) = persist::load_versioned(path)?;
        Ok(Self {
            lock,
            workspace,
            version,
        })
    }

    /// Saves the workspace over the file, which must still be the version read (a program
    /// that ignores the lock may have written it).
    fn save(&self, path: &Path) -> anyhow::Result<()> {
        persist::save_if_unchanged(&self.workspace, path, &self.version, Some(&self.lock))
            .with_context(|| format!("{}: not saved; the file is unchanged", path.display()))?;
        Ok(())
    }
}

fn new(out: &Path, paths: &[PathBuf], force: bool) -> anyhow::Result<bool> {
    if out.exists() && !force {
        bail!(
            "{}: the file already exists; pass --force to replace it (the old one is kept as .bak)",
            out.display()
        );
    }
    let mut workspace = Workspace::new(Uuid::new_v4());
    let all_loaded = add_articles(&mut workspace, out, paths)
        .with_context(|| format!("{}: not created", out.display()))?;
    if workspace.articles().len() == 0 {
        bail!("{}: not created: no article could be loaded", out.display());
    }
    workspace.clear_history();
    let existed = out.exists();
    persist::save(&workspace, out).with_context(|| {
        if existed {
            format!("{}: not saved; the file is unchanged", out.display())
        } else {
            format!("{}: not created", out.display())
        }
    })?;
    say::info(format_args!(
        "created {}: {} articles, {} claims",
        out.display(),
        workspace.articles().len(),
        workspace.claims().len()
    ));
    Ok(all_loaded)
}

fn add(path: &Path, paths: &[PathBuf]) -> anyhow::Result<bool> {
    let mut update = Update::open(path)?;
    let workspace = &mut update.workspace;
    let (articles, claims) = (workspace.articles().len(), workspace.claims().len());
    let all_loaded = add_articles(workspace, path, paths)
        .with_context(|| format!("{}: unchanged", path.display()))?;
    let (added, new_claims) = (
        workspace.articles().len() - articles,
        workspace.claims().len() - claims,
    );
    if added > 0 {
        update.save(path)?;
    }
    say::info(format_args!(
        "{}: added {added} articles, {new_claims} claims",
        path.display()
    ));
    Ok(all_loaded)
}

/// Loads, analyses and adds every article under `paths`, reporting the ones that fail (and
/// duplicates) on stderr; returns whether all of them went in, or an error if none could be read.
fn add_articles(
    workspace: &mut Workspace,
    workspace_file: &Path,
    paths: &[PathBuf],
) -> anyhow::Result<bool> {
    let mut all_added = true;
    let all_loaded = inputs::analyze_each(paths, Some(workspace_file), |file, mut analyzed| {
        analyzed.article.path = path_for_workspace(file, workspace_file);
        if let Err(refused) = workspace.apply(Action::AddArticle(Box::new(analyzed))) {
            say::warning(format_args!("{}: not added: {refused}", file.display()));
            all_added = false;
        }
    })
    .all_taken()?;
    Ok(all_added && all_loaded)
}

fn show(path: &Path, format: ShowFormat, disputed: bool) -> anyhow::Result<bool> {
    let workspace = open(path)?;
    let scope = if disputed {
        Scope::Disputed
    } else {
        Scope::All
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let written = match format {
        ShowFormat::Json => {
            let mut json = Vec::new();
            export(&workspace, ExportFormat::Json, scope, &mut json)?;
            out.write_all(&json)
        }
        ShowFormat::Text => write_claim_table(&workspace, path, scope, &mut out),
    };
    super::written_to_stdout(written.and_then(|()| out.flush()), "the claims").map(|()| true)
}

/// One line per claim, after a summary line.
fn write_claim_table(
    workspace: &Workspace,
    path: &Path,
    scope: Scope,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let count = |status| workspace.claims().filter(|c| c.status == status).count();
    let disputed = workspace.disputed_claims().count();
    writeln!(
        out,
        "{}: {} articles, {} claims ({} confirmed, {} unconfirmed, {} unreviewed{})",
        say::safe(&path.display().to_string()),
        workspace.articles().len(),
        workspace.claims().len(),
        count(ClaimStatus::Confirmed),
        count(ClaimStatus::Unconfirmed),
        count(ClaimStatus::Unreviewed),
        if disputed > 0 {
            format!("; {disputed} disputed")
        } else {
            String::new()
        },
    )?;
    for item in crosscheck::export::select(workspace, scope) {
        let claim = item.claim;
        let orphaned = if claim.is_orphaned() {
            " [orphaned]"
        } else {
            ""
        };
        let disputed = match claim.dispute.as_ref().filter(|_| claim.is_disputed()) {
            Some(dispute) => format!(
                " [disputed: {}]",
                dispute
                    .positions
                    .iter()
                    .map(|p| format!(
                        "{} {}{}",
                        say::safe(&p.analyst),
                        p.status,
                        p.grades.code().map(|c| format!(" {c}")).unwrap_or_default()
                    ))
                    .collect::<Vec<_>>()
                    .join(" / ")
            ),
            None => String::new(),
        };
        writeln!(
            out,
            "{:<6} {:<11} {:<24} \u{201c}{}\u{201d}  ({}){orphaned}{disputed}",
            claim.id.to_string(),
            claim.status.as_str(),
            say::safe(&clip(claim.speaker.as_deref().unwrap_or("-"), 24)),
            clip(&one_line(&claim.anchor.quote.exact), 80),
            say::safe(&clip(&one_line(&item.article.article.display_title()), 40)),
        )?;
    }
    Ok(())
}

/// At most `width` characters, with an ellipsis when cut.
fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut clipped: String = text.chars().take(width - 1).collect();
    clipped.push('\u{2026}');
    clipped
}

fn refresh(path: &Path) -> anyhow::Result<bool> {
    let mut update = Update::open(path)?;
    let workspace = &mut update.workspace;
    let stored: Vec<_> = workspace
        .articles()
        .map(|entry| {
            (
                entry.article.id.clone(),
                entry.article.path.clone(),
                entry.article.sha256.clone(),
            )
        })
        .collect();
    let mut all_read = true;
    let mut changed = 0;
    for (id, stored_path, sha256) in stored {
        let file = resolve_from_workspace(&stored_path, path);
        // The paths come from the workspace file, which anyone may have written: only article
        // files are read, and each is named, so no other file slips into the workspace.
        if SourceFormat::from_path(&file).is_none() {
            say::warning(format_args!(
                "{}: not an article file (.txt, .md, .html); not re-read",
                file.display()
            ));
            all_read = false;
            continue;
        }
        say::info(format_args!("reading {}", file.display()));
        let mut article = match Article::load(&file) {
            Ok(article) => article,
            Err(error) => {
                say::warning(format_args!("{error}; the article is kept as it was"));
                all_read = false;
                continue;
            }
        };
        if article.sha256 == sha256 {
            continue;
        }
        article.path = stored_path;
        let updated = match AnalyzedArticle::analyze(article) {
            Ok(analyzed) => Box::new(analyzed),
            Err(failure) => {
                say::error(format_args!("{}: {failure}", file.display()));
                all_read = false;
                continue;
            }
        };
        match workspace.apply(Action::ReimportArticle {
            article: id,
            updated,
        }) {
            Ok(Effect::Reimported(report)) => {
                changed += 1;
                print_report(&file, &report);
            }
            Ok(_) => {}
            Err(refused) => {
                say::warning(format_args!(
                    "{}: not re-imported: {refused}",
                    file.display()
                ));
                all_read = false;
            }
        }
    }
    if changed > 0 {
        update.save(path)?;
    }
    say::info(format_args!(
        "{}: {changed} changed articles re-imported",
        path.display()
    ));
    Ok(all_read)
}

fn print_report(file: &Path, report: &ReanchorReport) {
    say::info(format_args!(
        "{}: {} placed exactly, {} placed approximately, {} orphaned, {} new claims",
        file.display(),
        report.exact.len(),
        report.fuzzy.len(),
        report.orphaned.len(),
        report.new_claims.len()
    ));
    for moved in &report.fuzzy {
        say::info(format_args!(
            "  {} now reads \u{201c}{}\u{201d} (was \u{201c}{}\u{201d})",
            moved.item,
            clip(&one_line(&moved.after), 80),
            clip(&one_line(&moved.before), 80)
        ));
    }
    for orphan in &report.orphaned {
        say::info(format_args!(
            "  {orphan} is orphaned: its text is no longer in the article (kept, without a place)"
        ));
    }
}

/// `crosscheck tag`: sets a claim's status (and note) and saves.
pub fn tag(args: TagArgs) -> anyhow::Result<bool> {
    let path = &args.workspace;
    let mut update = Update::open(path)?;
    let workspace = &mut update.workspace;
    let before = workspace.claim(args.claim).map(|claim| claim.status);
    let analyst = args.analyst.unwrap_or_else(default_analyst);
    let at = chrono::Local::now().fixed_offset();
    let status = ClaimStatus::from(args.status);
    let refused = |error| anyhow::anyhow!("{}: {error}; the file is unchanged", path.display());
    workspace
        .apply(Action::SetStatus {
            claim: args.claim,
            status,
            analyst: analyst.clone(),
            at,
        })
        .map_err(refused)?;
    if let Some(note) = args.note {
        workspace
            .apply(Action::SetNote {
                claim: args.claim,
                note,
            })
            .map_err(refused)?;
    }
    update.save(path)?;
    let before = before.map_or("?", ClaimStatus::as_str);
    say::info(format_args!(
        "{}: {} {before} \u{2192} {status} ({analyst})",
        path.display(),
        args.claim
    ));
    Ok(true)
}

/// `$USER` (or `%USERNAME%`), else "analyst".
fn default_analyst() -> String {
    ["USER", "USERNAME"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .map(|name| name.trim().to_owned())
        .find(|name| !name.is_empty())
        .unwrap_or_else(|| "analyst".to_owned())
}
