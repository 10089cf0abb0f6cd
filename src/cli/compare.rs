//! `crosscheck compare`: figure groups across articles (or a workspace) with conflicts and
//! independent origins, as Markdown for people or JSON for scripts.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::bail;
use clap::{Args, ValueEnum};
use crosscheck::compare::{Comparison, EntityIndex, FigureGroup, workspace_from};
use crosscheck::export::markdown_text;
use crosscheck::export::one_line;
use crosscheck::workspace::action::index_edit_label;
use crosscheck::workspace::{Workspace, persist};

use super::{inputs, say};

/// `crosscheck compare PATH...|WS.json [--format json|md]`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Article files or folders, or one workspace `.json`.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Markdown for reading, or JSON.
    #[arg(long, value_enum, default_value_t = CompareFormat::Md)]
    format: CompareFormat,
}

/// Layouts of `crosscheck compare` output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// A section per group, a table of its figures.
    Md,
    /// `{"groups": [...]}`.
    Json,
}

/// Returns whether every input loaded.
pub fn run(args: &CompareArgs) -> anyhow::Result<bool> {
    let (workspace, all_loaded) = load(&args.paths)?;
    let (index, skipped) = EntityIndex::build_reporting(&workspace);
    let edits = &workspace.corrections().index_edits;
    for (position, why) in skipped {
        // Not a failure: the comparison stands, only without this edit.
        say::warning(format_args!(
            "index edit {} ({}) not applied: {why}",
            position + 1,
            index_edit_label(&edits[position])
        ));
    }
    let comparison = Comparison::build(&workspace, &index);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match args.format {
        CompareFormat::Json => serde_json::to_writer_pretty(
            &mut out,
            &serde_json::json!({ "groups": comparison.groups }),
        )
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out)),
        CompareFormat::Md => write_markdown(&comparison.groups, &mut out),
    };
    super::written_to_stdout(written.and_then(|()| out.flush()), "the comparison")
        .map(|()| all_loaded)
}

/// A workspace file as it is, or the articles under `paths` in a fresh workspace.
fn load(paths: &[PathBuf]) -> anyhow::Result<(Workspace, bool)> {
    let is_workspace = |p: &Path| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    };
    if let Some(file) = paths.iter().find(|p| is_workspace(p)) {
        if paths.len() > 1 {
            bail!(
                "{}: compare reads either one workspace file or article files and folders, not both",
                file.display()
            );
        }
        return Ok((persist::load(file)?, true));
    }
    let mut articles = Vec::new();
    let all_loaded =
        inputs::analyze_each(paths, None, |_, analyzed| articles.push(analyzed)).all_taken()?;
    let (workspace, refused) = workspace_from(articles);
    for (article, reason) in &refused {
        say::warning(format_args!("article {article} left out: {reason}"));
    }
    if workspace.articles().len() == 0 {
        bail!("no article could be loaded");
    }
    Ok((workspace, all_loaded && refused.is_empty()))
}

/// Conflicting pairs listed per group; the JSON has them all.
const MAX_CONFLICTS_SHOWN: usize = 5;

fn write_markdown(groups: &[FigureGroup], out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "# Figures across articles\n")?;
    if groups.is_empty() {
        writeln!(out, "No figures to compare.")?;
    }
    for group in groups {
        let verdict = if group.conflicting {
            "**conflict**"
        } else {
            "no conflict"
        };
        writeln!(out, "## {}\n", markdown_text(&one_line(&group.label)))?;
        writeln!(
            out,
            "unit: {} · {} figure(s) · {verdict} · {} independent origin(s): {}\n",
            markdown_text(&one_line(&group.unit)),
            group.figures.len(),
            group.independent_origins,
            group
                .origins
                .iter()
                .map(|o| format!(
                    "{} ({}×)",
                    markdown_text(&one_line(&o.source.name)),
                    o.figures
                ))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
        writeln!(
            out,
            "| figure | value | when | claim | article | speaker | source chain | suggested |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|---|")?;
        for f in &group.figures {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                cell(&f.display()),
                cell(&f.bounds.display()),
                cell(&format!("{:?}", f.timing.kind).to_lowercase()),
                f.claim,
                cell(&f.article_title),
                cell(f.speaker.as_deref().unwrap_or("-")),
                cell(&f.chain),
                f.suggested_credibility.credibility.digit(),
            )?;
        }
        if !group.conflicts.is_empty() {
            writeln!(out)?;
        }
        for conflict in group.conflicts.iter().take(MAX_CONFLICTS_SHOWN) {
            // The claim ids tell apart pairs whose figures read alike in different articles.
            writeln!(
                out,
                "- conflict ({} and {}): {}",
                group.figures[conflict.first].claim,
                group.figures[conflict.second].claim,
                markdown_text(&one_line(&conflict.reason))
            )?;
        }
        if group.conflicts.len() > MAX_CONFLICTS_SHOWN {
            writeln!(
                out,
                "- … and {} more conflicting pairs (see --format json)",
                group.conflicts.len() - MAX_CONFLICTS_SHOWN
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// A table cell: one line, clipped, with Markdown and HTML markup shown as written (titles
/// and outlet names come from the articles, which anyone can write).
fn cell(text: &str) -> String {
    let line = one_line(text);
    let clipped = if line.chars().count() > 60 {
        let mut clipped: String = line.chars().take(59).collect();
        clipped.push('…');
        clipped
    } else {
        line
    };
    markdown_text(&clipped)
}
