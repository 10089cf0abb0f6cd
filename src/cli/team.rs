//! `crosscheck merge` and `crosscheck agreement`: two analysts' copies of a workspace brought
//! back together, and how far they agree.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use sha2::{Digest, Sha256};

use crosscheck::agreement::{Agreement, Rater, agreement};
use crosscheck::workspace::merge::{MergeInput, merge};
use crosscheck::workspace::persist::{self, OpenError};
use crosscheck::workspace::{ClaimStatus, Workspace};

use super::say;

/// `crosscheck merge A.json B.json [MORE…] -o MERGED.json`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The workspace files, the first one's workspace taken as the base.
    #[arg(required = true, num_args = 2..)]
    workspaces: Vec<PathBuf>,
    /// The merged workspace file to write (never one of the inputs).
    #[arg(short, long, value_name = "MERGED")]
    output: PathBuf,
    /// Replace MERGED if it exists (the old one is kept as MERGED.bak).
    #[arg(long)]
    force: bool,
}

/// `crosscheck agreement A.json B.json [MORE…]`.
#[derive(Debug, Args)]
pub struct AgreementArgs {
    /// The workspace files: the claims reviewed in them are compared.
    #[arg(required = true, num_args = 2..)]
    workspaces: Vec<PathBuf>,
    /// A summary for people, JSON, or a Markdown table.
    #[arg(long, value_enum, default_value_t = AgreementFormat::Text)]
    format: AgreementFormat,
}

/// Layouts of `crosscheck agreement`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AgreementFormat {
    /// A summary and the disagreements, one a line.
    Text,
    /// Every figure as one JSON object.
    Json,
    /// Markdown tables.
    Md,
}

/// A workspace file read once: its workspace and the hash of its bytes.
struct Opened {
    name: String,
    sha256: String,
    workspace: Workspace,
}

fn open(path: &Path) -> anyhow::Result<Opened> {
    let bytes =
        std::fs::read(path).with_context(|| format!("{}: cannot read the file", path.display()))?;
    let workspace = persist::from_bytes(&bytes).map_err(|problem| OpenError {
        path: path.to_owned(),
        problem,
    })?;
    Ok(Opened {
        name: path.display().to_string(),
        sha256: format!("{:x}", Sha256::digest(&bytes)),
        workspace,
    })
}

/// Merges the workspaces into a new file; the inputs are only read.
pub fn run_merge(args: &MergeArgs) -> anyhow::Result<bool> {
    let output = &args.output;
    for input in &args.workspaces {
        if same_file(input, output) {
            bail!(
                "{}: the merged workspace cannot replace one of its inputs; name a new file with -o",
                output.display()
            );
        }
    }
    if output.exists() && !args.force {
        bail!(
            "{}: the file already exists; pass --force to replace it (the old one is kept as .bak)",
            output.display()
        );
    }
    let opened: Vec<Opened> = args
        .workspaces
        .iter()
        .map(|path| open(path))
        .collect::<anyhow::Result<_>>()?;
    let inputs: Vec<MergeInput<'_>> = opened
        .iter()
        .map(|o| MergeInput {
            file: &o.name,
            sha256: &o.sha256,
            workspace: &o.workspace,
        })
        .collect();
    let (merged, report) = merge(&inputs)?;
    persist::save(&merged, output)?;
    for file in &report.already_merged {
        say::warning(format_args!(
            "{}: already merged (the same bytes); left out",
            say::safe(file)
        ));
    }
    for surface in &report.rule_conflicts {
        say::warning(format_args!(
            "the files set the rule for \u{201c}{}\u{201d} differently; the first file's is kept",
            say::safe(surface)
        ));
    }
    say::info(format_args!(
        "merged {} files into {}: {} claims matched, {} added, {} articles added, {} disputed (see `crosscheck workspace show --disputed`)",
        inputs.len(),
        output.display(),
        report.matched,
        report.added_claims,
        report.added_articles,
        report.disputed
    ));
    Ok(true)
}

/// Whether two paths name one file (the second may not exist yet).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Prints the agreement between the workspaces.
pub fn run_agreement(args: &AgreementArgs) -> anyhow::Result<bool> {
    let opened: Vec<Opened> = args
        .workspaces
        .iter()
        .map(|path| open(path))
        .collect::<anyhow::Result<_>>()?;
    let raters: Vec<Rater<'_>> = opened
        .iter()
        .map(|o| Rater {
            file: &o.name,
            workspace: &o.workspace,
        })
        .collect();
    let report = agreement(&raters);
    let mut out = Vec::new();
    match args.format {
        AgreementFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report).context("writing the JSON")?;
            out.push(b'\n');
        }
        AgreementFormat::Text => write_text(&report, &mut out)?,
        AgreementFormat::Md => write_markdown(&report, &mut out)?,
    }
    super::to_stdout(&out, "the agreement")?;
    Ok(true)
}

/// `0.412`, or `undefined`.
fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "undefined".to_owned(), |v| format!("{v:.3}"))
}

fn write_text(report: &Agreement, out: &mut Vec<u8>) -> std::io::Result<()> {
    writeln!(out, "files: {}", say::safe(&report.files.join(", ")))?;
    writeln!(
        out,
        "claims reviewed in both of the first two: {}",
        report.claims_compared
    )?;
    writeln!(
        out,
        "observed agreement: {}",
        figure(report.observed_agreement)
    )?;
    writeln!(
        out,
        "Cohen's kappa (status): {}",
        figure(report.cohen_kappa)
    )?;
    for (grade, kappa) in [
        ("reliability", &report.weighted_kappa.reliability),
        ("credibility", &report.weighted_kappa.credibility),
    ] {
        writeln!(
            out,
            "weighted kappa ({grade}, {} pairs): linear {}, quadratic {}",
            kappa.pairs,
            figure(kappa.linear),
            figure(kappa.quadratic)
        )?;
    }
    if let Some(alpha) = &report.krippendorff_alpha {
        writeln!(
            out,
            "Krippendorff's alpha ({} claims): status {}, reliability {}, credibility {}",
            alpha.units,
            figure(alpha.status),
            figure(alpha.reliability),
            figure(alpha.credibility)
        )?;
    }
    let [[cc, cu], [uc, uu]] = report.confusion.counts;
    writeln!(out, "confusion (rows: first file, columns: second):")?;
    writeln!(out, "               confirmed  unconfirmed")?;
    writeln!(out, "  confirmed    {cc:>9}  {cu:>11}")?;
    writeln!(out, "  unconfirmed  {uc:>9}  {uu:>11}")?;
    for note in &report.notes {
        writeln!(out, "note: {note}")?;
    }
    writeln!(out, "disagreements: {}", report.disagreements.len())?;
    for d in &report.disagreements {
        let values: Vec<String> = d.values.iter().map(Option::as_ref).map(judgement).collect();
        writeln!(
            out,
            "  {:<6} {}  \u{201c}{}\u{201d}",
            d.claim.to_string(),
            say::safe(&values.join(" | ")),
            crosscheck::export::one_line(&d.text)
        )?;
    }
    Ok(())
}

fn judgement(value: Option<&crosscheck::agreement::Judgement>) -> String {
    match value {
        None => "(no such claim)".to_owned(),
        Some(j) if j.status == ClaimStatus::Unreviewed => "unreviewed".to_owned(),
        Some(j) => format!(
            "{}{}{}",
            j.status,
            j.grades
                .as_ref()
                .map(|g| format!(" {g}"))
                .unwrap_or_default(),
            j.analyst
                .as_ref()
                .map(|a| format!(" ({a})"))
                .unwrap_or_default()
        ),
    }
}

fn write_markdown(report: &Agreement, out: &mut Vec<u8>) -> std::io::Result<()> {
    let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
    writeln!(out, "# Agreement\n")?;
    writeln!(out, "| measure | value |\n|---|---|")?;
    writeln!(out, "| claims compared | {} |", report.claims_compared)?;
    writeln!(
        out,
        "| observed agreement | {} |",
        figure(report.observed_agreement)
    )?;
    writeln!(
        out,
        "| Cohen's κ (status) | {} |",
        figure(report.cohen_kappa)
    )?;
    for (grade, kappa) in [
        ("reliability", &report.weighted_kappa.reliability),
        ("credibility", &report.weighted_kappa.credibility),
    ] {
        writeln!(
            out,
            "| weighted κ, {grade} (linear / quadratic, {} pairs) | {} / {} |",
            kappa.pairs,
            figure(kappa.linear),
            figure(kappa.quadratic)
        )?;
    }
    if let Some(alpha) = &report.krippendorff_alpha {
        writeln!(
            out,
            "| Krippendorff's α: status / reliability / credibility ({} claims) | {} / {} / {} |",
            alpha.units,
            figure(alpha.status),
            figure(alpha.reliability),
            figure(alpha.credibility)
        )?;
    }
    for note in &report.notes {
        writeln!(out, "\n{}", cell(note))?;
    }
    writeln!(out, "\n## Disagreements\n")?;
    let header: Vec<String> = report.files.iter().map(|f| cell(f)).collect();
    writeln!(out, "| claim | text | {} |", header.join(" | "))?;
    writeln!(out, "|---|---|{}", "---|".repeat(header.len()))?;
    for d in &report.disagreements {
        let values: Vec<String> = d
            .values
            .iter()
            .map(|v| cell(&judgement(v.as_ref())))
            .collect();
        writeln!(
            out,
            "| {} | {} | {} |",
            d.claim,
            cell(&crosscheck::export::one_line(&d.text)),
            values.join(" | ")
        )?;
    }
    Ok(())
}
