//! `crosscheck compare`: figure groups across articles (or a workspace, or the readings of
//! `crosscheck figures`) with conflicts and independent origins, as Markdown for people or
//! JSON for scripts.

use std::collections::HashSet;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use crosscheck::article::ArticleId;
use crosscheck::compare::{
    ArticleFigures, Comparison, EntityIndex, FigureGroup, FigureReading, Organizations, separated,
};
use crosscheck::export::markdown_text;
use crosscheck::export::one_line;
use crosscheck::workspace::action::index_edit_label;
use crosscheck::workspace::persist;

use super::extract::FiguresRecord;
use super::{inputs, say};

/// `crosscheck compare PATH...|WS.json|--from-figures FILE... [--format json|md]`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Article files or folders, or one workspace `.json`; with `--from-figures`, files of
    /// figure readings (`-` for stdin).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The paths hold the JSON lines of `crosscheck figures --format jsonl` (the map step):
    /// group them (the reduce step). Lines of one article repeated later are skipped.
    #[arg(long)]
    from_figures: bool,
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
    let is_workspace = |p: &Path| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    };
    let (groups, all_loaded) = if args.from_figures {
        let (gathered, all_read) = read_figures(&args.paths)?;
        (gathered.reduce(), all_read)
    } else if let Some(file) = args.paths.iter().find(|p| is_workspace(p)) {
        if args.paths.len() > 1 {
            bail!(
                "{}: compare reads either one workspace file or article files and folders, not both",
                file.display()
            );
        }
        (compare_workspace(file)?, true)
    } else {
        let (gathered, all_taken) = readings_of_articles(&args.paths)?;
        (gathered.reduce(), all_taken)
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match args.format {
        CompareFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &serde_json::json!({ "groups": groups }))
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(out))
        }
        CompareFormat::Md => write_markdown(&groups, &mut out),
    };
    super::written_to_stdout(written.and_then(|()| out.flush()), "the comparison")
        .map(|()| all_loaded)
}

/// The groups of a workspace, with the analyst's entity index edits.
fn compare_workspace(file: &Path) -> anyhow::Result<Vec<FigureGroup>> {
    let workspace = persist::load(file)?;
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
    Ok(Comparison::build(&workspace, &index).groups)
}

/// Figure readings gathered article by article, in input order; an article seen before (the
/// same text) is left out.
#[derive(Default)]
struct Gathered {
    readings: Vec<FigureReading>,
    organizations: Organizations,
    articles: HashSet<ArticleId>,
}

impl Gathered {
    /// Keeps an article's figures unless it was taken already; returns whether they were
    /// kept. (A record with no article id carries organizations only.)
    fn take(&mut self, article: ArticleId, figures: ArticleFigures) -> bool {
        if !article.0.is_empty() && !self.articles.insert(article) {
            return false;
        }
        self.readings.extend(figures.readings);
        self.organizations.extend(figures.organizations);
        true
    }

    fn reduce(self) -> Vec<FigureGroup> {
        ArticleFigures::reduce(self.readings, self.organizations.as_slice())
    }
}

/// The articles under `paths`, each analysed and read for figures on its own and then
/// dropped: only the readings are held, so a large corpus fits.
fn readings_of_articles(paths: &[PathBuf]) -> anyhow::Result<(Gathered, bool)> {
    let mut gathered = Gathered::default();
    let mut left_out = 0;
    let taken = inputs::analyze_each(paths, None, |path, analyzed| {
        let article = analyzed.article.id.clone();
        match ArticleFigures::of(analyzed) {
            Ok(found) => {
                if !gathered.take(article, found) {
                    say::warning(format_args!(
                        "{}: the same text as an article before it; left out",
                        path.display()
                    ));
                }
            }
            Err(error) => {
                say::error(format_args!("{}: left out: {error}", path.display()));
                left_out += 1;
            }
        }
    });
    if taken.articles == left_out {
        bail!("no article could be loaded");
    }
    Ok((gathered, taken.all_taken()? && left_out == 0))
}

/// The readings in files of `crosscheck figures --format jsonl` (`-`: stdin). Lines that are
/// not readings are reported and skipped; error lines of the map step count as failures.
fn read_figures(paths: &[PathBuf]) -> anyhow::Result<(Gathered, bool)> {
    let mut gathered = Gathered::default();
    let mut all_read = true;
    for path in paths {
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            Box::new(std::io::BufReader::new(
                std::fs::File::open(path)
                    .with_context(|| format!("cannot open {}", path.display()))?,
            ))
        };
        for (number, line) in reader.lines().enumerate() {
            let line = line.with_context(|| format!("cannot read {}", path.display()))?;
            if line.trim().is_empty() {
                continue;
            }
            let at = format!("{} line {}", path.display(), number + 1);
            match serde_json::from_str::<FiguresRecord>(&line) {
                Ok(record) => {
                    gathered.take(record.article, record.figures);
                }
                Err(error) => {
                    all_read = false;
                    let failed = serde_json::from_str::<serde_json::Value>(&line)
                        .ok()
                        .and_then(|v| v.get("error").and_then(|e| e.as_str()).map(str::to_owned));
                    match failed {
                        Some(why) => say::error(format_args!("{at}: the map step failed: {why}")),
                        None => say::error(format_args!("{at}: not a figures record: {error}")),
                    }
                }
            }
        }
    }
    Ok((gathered, all_read))
}

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
        if group.conflicting {
            let sides = group
                .clusters
                .iter()
                .map(|c| {
                    format!(
                        "{} from {} report{} ({} origin{})",
                        c.typical,
                        c.articles,
                        plural(c.articles),
                        c.origins,
                        plural(c.origins)
                    )
                })
                .collect::<Vec<_>>()
                .join(" vs ");
            writeln!(
                out,
                "**{} conflicting pair{}**: {}\n",
                separated(group.conflicting_pairs),
                plural(group.conflicting_pairs),
                markdown_text(&sides)
            )?;
        }
        for conflict in &group.conflicts {
            // The claim ids tell apart pairs whose figures read alike in different articles.
            let (first, second) = (
                &group.figures[conflict.first],
                &group.figures[conflict.second],
            );
            let alike = match conflict.alike {
                1 => String::new(),
                n => format!(" ({} pairs read alike)", separated(n)),
            };
            writeln!(
                out,
                "- conflict ({} in {} and {} in {}){alike}: {}",
                first.claim,
                cell(&first.article_title),
                second.claim,
                cell(&second.article_title),
                markdown_text(&one_line(&conflict.reason))
            )?;
        }
        let shown: usize = group.conflicts.iter().map(|c| c.alike).sum();
        if group.conflicting_pairs > shown {
            writeln!(
                out,
                "- … and {} more conflicting pairs",
                separated(group.conflicting_pairs - shown)
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
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
