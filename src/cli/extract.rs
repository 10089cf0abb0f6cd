//! `crosscheck extract` and `crosscheck figures`: articles from files, from paths or documents
//! on stdin, to JSON (entities and claims, or the figure readings a comparison groups); each
//! failing input is reported (as a JSON line of its own with `jsonl`) and the others go on.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::{NaiveDate, NaiveDateTime};
use crosscheck::article::{Article, ArticleId, MAX_ARTICLE_BYTES};
use crosscheck::compare::ArticleFigures;
use crosscheck::output::ArticleRecord;
use crosscheck::workspace::AnalyzedArticle;
use serde_json::{Value, json};

use super::inputs::{self, Input, Taken};
use super::{ExtractFormat, say};

/// `crosscheck extract|figures [PATHS…] [--stdin | --stdin-paths] [--format json|jsonl]`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Output layout: one JSON document, or one line per input as soon as it is done.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
    format: ExtractFormat,
    /// Read documents from stdin, one JSON object a line: `{"id": …, "text": …}` with optional
    /// `url`, `title` and `published` (ISO 8601); each output line carries its `id`.
    #[arg(long, conflicts_with_all = ["paths", "stdin_paths"])]
    stdin: bool,
    /// Read article paths (files or folders) from stdin, one a line.
    #[arg(long, conflicts_with = "paths")]
    stdin_paths: bool,
    /// Article files (.txt, .md, .html) or folders of them.
    #[arg(required_unless_present_any = ["stdin", "stdin_paths"])]
    paths: Vec<PathBuf>,
}

/// What each article becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Its entities and claims (`crosscheck extract`).
    Extract,
    /// Its figure readings, the map step of `compare` (`crosscheck figures`).
    Figures,
}

/// One article's figure readings, as `crosscheck figures` writes them and `compare
/// --from-figures` reads them back.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct FiguresRecord {
    /// The file it was read from (documents on stdin carry their `id` instead).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The article.
    pub article: ArticleId,
    /// Its title.
    pub title: String,
    /// Its figures with their measures, and the organizations it names.
    #[serde(flatten)]
    pub figures: ArticleFigures,
}

impl FiguresRecord {
    fn of(analyzed: AnalyzedArticle, path: Option<&Path>) -> Result<Self, String> {
        let article = analyzed.article.id.clone();
        let title = analyzed.article.display_title();
        let figures = ArticleFigures::of(analyzed).map_err(|e| e.to_string())?;
        Ok(Self {
            path: path.map(|p| p.display().to_string()),
            article,
            title,
            figures,
        })
    }
}

/// Returns whether every input was taken.
pub fn run(args: &ExtractArgs, stage: Stage) -> anyhow::Result<bool> {
    let mut sink = Sink {
        stage,
        format: args.format,
        out: io::BufWriter::new(io::stdout().lock()),
        records: Vec::new(),
        written: Ok(()),
    };
    let taken = if args.stdin {
        documents_from(io::stdin().lock(), &mut sink)
    } else if args.stdin_paths {
        let mut taken = Taken::default();
        for line in io::stdin().lock().lines() {
            let line = line.context("reading paths from stdin")?;
            let path = line.trim_end_matches('\r');
            if !path.is_empty() {
                taken += take_into(&mut sink, &[PathBuf::from(path)]);
            }
        }
        taken
    } else {
        take_into(&mut sink, &args.paths)
    };
    let all_taken = taken.all_taken()?;
    sink.finish().map(|()| all_taken)
}

/// Where records go: kept for one document, or written a line each as they come.
struct Sink<W: Write> {
    stage: Stage,
    format: ExtractFormat,
    out: W,
    records: Vec<Value>,
    written: io::Result<()>,
}

impl<W: Write> Sink<W> {
    /// Returns whether the input was taken.
    fn take(&mut self, input: Input<'_>) -> bool {
        match input {
            Input::Article(path, analyzed) => match self.stage {
                Stage::Extract => {
                    self.push(&ArticleRecord::new(&analyzed.article, &analyzed.extraction));
                    true
                }
                Stage::Figures => match FiguresRecord::of(*analyzed, Some(path)) {
                    Ok(record) => {
                        self.push(&record);
                        true
                    }
                    Err(error) => {
                        let error = format!("{}: {error}", path.display());
                        say::error(&error);
                        self.failed(&json!({ "path": path.display().to_string(), "error": error }));
                        false
                    }
                },
            },
            Input::Failed(path, error) => {
                self.failed(&json!({
                    "path": path.display().to_string(),
                    "error": error,
                }));
                false
            }
        }
    }

    /// The record of a document from stdin, carrying the caller's `id` (and `url`).
    fn document(
        &self,
        analyzed: AnalyzedArticle,
        id: Value,
        url: Option<String>,
    ) -> Result<Value, String> {
        let mut record = match self.stage {
            Stage::Extract => {
                serde_json::to_value(ArticleRecord::new(&analyzed.article, &analyzed.extraction))
            }
            Stage::Figures => serde_json::to_value(FiguresRecord::of(analyzed, None)?),
        }
        .map_err(|e| e.to_string())?;
        record["id"] = id;
        if let Some(url) = url {
            record["url"] = Value::String(url);
        }
        Ok(record)
    }

    fn push(&mut self, record: &impl serde::Serialize) {
        match self.format {
            // One document: kept until the end, as JSON (the article itself is not kept).
            ExtractFormat::Json => match serde_json::to_value(record) {
                Ok(value) => self.records.push(value),
                Err(error) => self.written = Err(io::Error::from(error)),
            },
            // Written straight from the record: no copy as a JSON tree.
            ExtractFormat::Jsonl => self.line(record),
        }
    }

    /// A failed input: a line of its own in `jsonl`, so a batch job can count them; the
    /// message is on stderr already.
    fn failed(&mut self, failure: &Value) {
        if self.format == ExtractFormat::Jsonl {
            self.line(failure);
        }
    }

    fn line(&mut self, value: &impl serde::Serialize) {
        if self.written.is_ok() {
            self.written = serde_json::to_writer(&mut self.out, value)
                .map_err(io::Error::from)
                .and_then(|()| writeln!(self.out));
        }
    }

    fn finish(mut self) -> anyhow::Result<()> {
        if self.format == ExtractFormat::Json && self.written.is_ok() {
            self.written = serde_json::to_writer_pretty(
                &mut self.out,
                &json!({ "articles": std::mem::take(&mut self.records) }),
            )
            .map_err(io::Error::from)
            .and_then(|()| writeln!(self.out));
        }
        super::written_to_stdout(self.written.and_then(|()| self.out.flush()), "the output")
    }
}

/// Takes the articles under `paths` into `sink`, counting those it could not make a record
/// of as failed.
fn take_into(sink: &mut Sink<impl Write>, paths: &[PathBuf]) -> Taken {
    let mut unrecorded = 0;
    let mut taken = inputs::take_each(paths, None, |input| {
        let article = matches!(input, Input::Article(..));
        if !sink.take(input) && article {
            unrecorded += 1;
        }
    });
    taken.articles -= unrecorded;
    taken.failed += unrecorded;
    taken
}

/// A document on stdin.
#[derive(Debug, serde::Deserialize)]
struct Document {
    /// The caller's id, a string or a number, given back as it came.
    id: Value,
    text: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    published: Option<String>,
}

/// Reads JSON-line documents from `reader` and analyses each as it comes.
fn documents_from(mut reader: impl BufRead, sink: &mut Sink<impl Write>) -> Taken {
    let mut taken = Taken::default();
    let mut buffer = Vec::new();
    for number in 1.. {
        match bounded_line(&mut reader, &mut buffer) {
            Ok(Line::End) => break,
            Ok(Line::Blank) => {}
            Ok(Line::TooLong) => {
                let error = format!(
                    "line longer than the {} MiB an article may have; skipped",
                    MAX_ARTICLE_BYTES / (1024 * 1024)
                );
                failed_document(sink, &mut taken, number, &Value::Null, &error);
            }
            Ok(Line::Text) => match document(&buffer) {
                Ok(document) => {
                    let id = document.id.clone();
                    let record = analyze_document(document, number)
                        .and_then(|(analyzed, id, url)| sink.document(analyzed, id, url));
                    match record {
                        Ok(record) => {
                            taken.articles += 1;
                            sink.push(&record);
                        }
                        Err(error) => failed_document(sink, &mut taken, number, &id, &error),
                    }
                }
                Err((id, error)) => failed_document(sink, &mut taken, number, &id, &error),
            },
            Err(error) => {
                let error = format!("cannot read stdin: {error}");
                failed_document(sink, &mut taken, number, &Value::Null, &error);
                break;
            }
        }
    }
    taken
}

fn failed_document(
    sink: &mut Sink<impl Write>,
    taken: &mut Taken,
    line: usize,
    id: &Value,
    error: &str,
) {
    say::error(format_args!("stdin line {line} (id {id}): {error}"));
    taken.failed += 1;
    sink.failed(&json!({ "id": id, "line": line, "error": error }));
}

/// The document on a line, or its id (when readable) and what is wrong with it.
fn document(line: &[u8]) -> Result<Document, (Value, String)> {
    let value: Value = serde_json::from_slice(line).map_err(|e| (Value::Null, e.to_string()))?;
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    if !(id.is_string() || id.is_number()) {
        return Err((id, "needs an \"id\" (a string or a number)".to_owned()));
    }
    serde_json::from_value(value).map_err(|e| (id, e.to_string()))
}

/// The document analysed, with the caller's id and url.
fn analyze_document(
    document: Document,
    line: usize,
) -> Result<(AnalyzedArticle, Value, Option<String>), String> {
    if document.text.trim().is_empty() {
        return Err("\"text\" is empty".to_owned());
    }
    let published = document
        .published
        .as_deref()
        .map(|text| {
            iso_date_time(text).ok_or_else(|| {
                format!("\"published\": {text:?} is not an ISO 8601 date (YYYY-MM-DD[THH:MM:SS])")
            })
        })
        .transpose()?;
    let mut article = Article::from_bytes(
        Path::new(&format!("<stdin>:{line}")),
        document.text.as_bytes(),
    )
    .map_err(|e| e.to_string())?;
    article.id = ArticleId(match &document.id {
        Value::String(id) => id.clone(),
        other => other.to_string(),
    });
    if let Some(title) = document.title {
        article.title = Some(title);
    } else if article.title.is_none() {
        // Named by its id, never by its place in the stream: a document is the same
        // article whichever batch or partition it comes in.
        article.title = Some(article.id.0.clone());
    }
    if published.is_some() {
        article.published = published;
    }
    let analyzed = AnalyzedArticle::analyze(article).map_err(|e| e.to_string())?;
    Ok((analyzed, document.id, document.url))
}

fn iso_date_time(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M"))
        .ok()
        .or_else(|| {
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .and_then(|day| day.and_hms_opt(0, 0, 0))
        })
}

enum Line {
    Text,
    Blank,
    TooLong,
    End,
}

/// Reads one line into `buffer` (without its end), never holding more than an article's size
/// limit: a longer line is read past and reported.
fn bounded_line(reader: &mut impl BufRead, buffer: &mut Vec<u8>) -> io::Result<Line> {
    buffer.clear();
    let read = io::Read::take(&mut *reader, MAX_ARTICLE_BYTES + 1).read_until(b'\n', buffer)?;
    if read == 0 {
        return Ok(Line::End);
    }
    if buffer.last() == Some(&b'\n') {
        buffer.pop();
    } else if buffer.len() as u64 > MAX_ARTICLE_BYTES {
        // Skip the rest of the line, a chunk at a time.
        loop {
            let chunk = reader.fill_buf()?;
            if chunk.is_empty() {
                break;
            }
            if let Some(end) = chunk.iter().position(|&b| b == b'\n') {
                reader.consume(end + 1);
                break;
            }
            let len = chunk.len();
            reader.consume(len);
        }
        buffer.clear();
        return Ok(Line::TooLong);
    }
    if buffer.iter().all(u8::is_ascii_whitespace) {
        return Ok(Line::Blank);
    }
    Ok(Line::Text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_over_the_limit_is_skipped_whole_and_the_next_one_read() {
        let mut input = vec![b'x'; usize::try_from(MAX_ARTICLE_BYTES).unwrap() + 10];
        input.extend_from_slice(b"\n{\"id\":1}\n");
        let mut reader = io::BufReader::new(&input[..]);
        let mut buffer = Vec::new();
        assert!(matches!(
            bounded_line(&mut reader, &mut buffer),
            Ok(Line::TooLong)
        ));
        assert!(matches!(
            bounded_line(&mut reader, &mut buffer),
            Ok(Line::Text)
        ));
        assert_eq!(buffer, b"{\"id\":1}");
        assert!(matches!(
            bounded_line(&mut reader, &mut buffer),
            Ok(Line::End)
        ));
    }

    #[test]
    fn published_accepts_dates_and_date_times() {
        assert!(iso_date_time("2024-10-16").is_some());
        assert!(iso_date_time("2024-10-16T09:30").is_some());
        assert!(iso_date_time("2024-10-16T09:30:05").is_some());
        assert!(iso_date_time("16/10/2024").is_none());
    }
}
