//! `crosscheck extract`: load articles, extract, print JSON; report each failing file and go on.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use crosscheck::article::{Article, collect_article_paths};
use crosscheck::extract::extract;
use crosscheck::output::ArticleRecord;

use super::ExtractFormat;

/// Returns whether every path loaded.
pub fn run(paths: &[PathBuf], format: ExtractFormat) -> anyhow::Result<bool> {
    let (files, mut errors) = collect_article_paths(paths);
    let mut records = Vec::with_capacity(files.len());
    for file in &files {
        match Article::load(file) {
            Ok(article) => records.push(ArticleRecord::new(&article, &extract(&article))),
            Err(error) => errors.push(error),
        }
    }
    for error in &errors {
        eprintln!("error: {error}");
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        ExtractFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &serde_json::json!({ "articles": records }))?;
            writeln!(out)?;
        }
        ExtractFormat::Jsonl => {
            for record in &records {
                serde_json::to_writer(&mut out, record)?;
                writeln!(out)?;
            }
        }
    }
    out.flush().context("writing the output")?;
    Ok(errors.is_empty())
}
