//! `crosscheck extract`: load articles, extract, print JSON; report each failing file and go on.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Context;
use crosscheck::output::ArticleRecord;

use super::{ExtractFormat, inputs};

/// Returns whether every path loaded.
pub fn run(paths: &[PathBuf], format: ExtractFormat) -> anyhow::Result<bool> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut records = Vec::new();
    let mut written = Ok(());
    let all_loaded = inputs::analyze_each(paths, None, |_, analyzed| {
        let record = ArticleRecord::new(&analyzed.article, &analyzed.extraction);
        match format {
            // One document: kept until the end (records are small beside the articles).
            ExtractFormat::Json => records.push(record),
            // One line per article, as soon as it is ready.
            ExtractFormat::Jsonl if written.is_ok() => {
                written = serde_json::to_writer(&mut out, &record)
                    .map_err(io::Error::from)
                    .and_then(|()| writeln!(out));
            }
            ExtractFormat::Jsonl => {}
        }
    })
    .all_taken()?;
    if format == ExtractFormat::Json {
        written =
            serde_json::to_writer_pretty(&mut out, &serde_json::json!({ "articles": records }))
                .map_err(io::Error::from)
                .and_then(|()| writeln!(out));
    }
    match written.and_then(|()| out.flush()) {
        // `extract | head` closes the pipe early: that is the reader's choice, not an error.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(all_loaded),
        other => other.context("writing the output").map(|()| all_loaded),
    }
}
