//! The workspace file: one JSON document with a format name and a schema version, written
//! atomically with a backup of the previous file, read back with every invariant checked.
//! Also the recovery file, a separate autosave that never touches the user's file.
//!
//! Output is deterministic: the same workspace always gives the same bytes (ids are ordered,
//! nothing is stamped at save time), so saving an unchanged workspace changes nothing and
//! workspace files diff well. The outer levels are indented; deeper values stay on one line.

use std::fs;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::claim::Claim;
use super::corrections::Corrections;
use super::validate::{Parts, ValidationError};
use super::{AnalyzedArticle, MergeSource, NextIds, Workspace};
use crate::file::{Backup, ReadError, WriteError, open_regular, read_limited, replace};
pub use crate::file::{FileVersion, WriteLock, backup_path};

/// The `format` of a workspace file.
pub const FORMAT: &str = "crosscheck-workspace";
/// The `format` of a recovery file: a workspace file that also names the file it recovers.
pub const RECOVERY_FORMAT: &str = "crosscheck-recovery";
/// The schema version this build writes, and the newest it reads. Version 2 added the
/// entity index edits (`corrections.index_edits`) and articles' `outlet`; version 3 the
/// claims' `relays` (found in the text when an older file is read), merged reviews'
/// disputes (`dispute`) and the files merged in (`merged_from`).
pub const VERSION: u64 = 3;

/// The first version that stores claims' relays.
const RELAYS_STORED: u64 = 3;
/// The oldest schema version this build reads. Each version only added optional parts, so an
/// older file reads as a current one without them.
pub const OLDEST_READABLE: u64 = 1;

/// Workspace and recovery files larger than this are refused: a workspace of 10,000 articles
/// with their texts is a few hundred megabytes.
pub const MAX_WORKSPACE_BYTES: u64 = 4 * 1024 * 1024 * 1024;

/// Why a workspace could not be saved. The file that was there is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The workspace could not be put into JSON (an article path that is not valid Unicode).
    #[error("cannot write the workspace as JSON: {0}")]
    Encode(serde_json::Error),
    /// Writing the file failed, or was refused (changed on disk, read-only, busy).
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// Why a workspace file could not be opened. Opening never writes anything. The message names
/// the file and says everything (no separate `source` to chain).
#[derive(Debug, thiserror::Error)]
#[error("{}: {problem}", path.display())]
pub struct OpenError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong with it.
    pub problem: FileProblem,
}

/// What is wrong with a workspace file's contents.
#[derive(Debug, thiserror::Error)]
pub enum FileProblem {
    /// It could not be read.
    #[error("cannot read the file: {0}")]
    Io(io::Error),
    /// It holds nothing.
    #[error("the file is empty")]
    Empty,
    /// It holds only spaces and line breaks.
    #[error("the file holds only whitespace ({0} bytes), no workspace")]
    OnlyWhitespace(u64),
    /// It is a FIFO, device, socket or folder.
    #[error("not a regular file (it is {0})")]
    NotRegular(&'static str),
    /// It is larger than [`MAX_WORKSPACE_BYTES`].
    #[error("the file is too large (the limit is {MAX_WORKSPACE_BYTES} bytes)")]
    TooLarge,
    /// The JSON stops before it is complete.
    #[error(
        "the file ends too early (line {line}, column {column}): it is truncated, perhaps by an interrupted copy; \
         a backup may be next to it as .bak"
    )]
    Truncated {
        /// Where it stops.
        line: usize,
        /// Where it stops.
        column: usize,
    },
    /// It is not JSON.
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    NotJson {
        /// Where.
        line: usize,
        /// Where.
        column: usize,
        /// The parser's words.
        message: String,
    },
    /// It is JSON, but not a Crosscheck workspace.
    #[error("not a Crosscheck workspace (it has no \"format\": \"{FORMAT}\"{})", found.as_ref().map(|f| format!("; it says {f}")).unwrap_or_default())]
    NotAWorkspace {
        /// The format it names, if any.
        found: Option<String>,
    },
    /// A newer Crosscheck wrote it.
    #[error(
        "this workspace was made by a newer Crosscheck (format version {found}; this version reads up to {VERSION}); \
         update Crosscheck to open it"
    )]
    NewerVersion {
        /// The version in the file.
        found: u64,
    },
    /// The version is not one any Crosscheck wrote.
    #[error("unknown workspace format version {found}")]
    UnknownVersion {
        /// The version in the file.
        found: String,
    },
    /// A value has the wrong type or a field is missing or unknown.
    #[error("line {line}, column {column}: {message}")]
    Malformed {
        /// Where.
        line: usize,
        /// Where.
        column: usize,
        /// The parser's words.
        message: String,
    },
    /// The contents do not hold together.
    #[error("{0}")]
    Invalid(ValidationError),
}

impl FileProblem {
    /// The same problem, `lines` further down the file.
    fn lines_later(self, lines: usize) -> Self {
        match self {
            Self::Truncated { line, column } => Self::Truncated {
                line: line + lines,
                column,
            },
            Self::NotJson {
                line,
                column,
                message,
            } => Self::NotJson {
                line: line + lines,
                column,
                message,
            },
            Self::Malformed {
                line,
                column,
                message,
            } => Self::Malformed {
                line: line + lines,
                column,
                message,
            },
            other => other,
        }
    }
}

/// A workspace read from a recovery file.
#[derive(Debug)]
pub struct Recovered {
    /// The workspace as it was autosaved.
    pub workspace: Workspace,
    /// The workspace file it belongs to; `None` for a workspace never saved.
    pub recovers: Option<PathBuf>,
}

/// The file as written. Review data comes first and the long article texts last, so a person
/// opening the file finds the claims at once.
#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    recovers: Option<&'a Path>,
    id: Uuid,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    merged_from: &'a [MergeSource],
    next_ids: NextIds,
    claims: Vec<&'a Claim>,
    corrections: &'a Corrections,
    articles: Vec<&'a AnalyzedArticle>,
}

/// The file as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileIn {
    format: String,
    version: u64,
    #[serde(default)]
    recovers: Option<PathBuf>,
    id: Uuid,
    #[serde(default)]
    merged_from: Vec<MergeSource>,
    next_ids: NextIds,
    claims: Vec<Claim>,
    corrections: Corrections,
    articles: Vec<AnalyzedArticle>,
}

/// Just enough of a file to say what it is, when reading all of it failed.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
    // Fields only a workspace has: with them, a file without a `format` is a damaged
    // workspace, not some other JSON.
    id: Option<serde::de::IgnoredAny>,
    next_ids: Option<serde::de::IgnoredAny>,
    claims: Option<serde::de::IgnoredAny>,
    articles: Option<serde::de::IgnoredAny>,
}

impl Header {
    /// Most of a workspace's own fields are there (other JSON may have one, like `articles`).
    fn looks_like_a_workspace(&self) -> bool {
        let present = [
            self.id.is_some(),
            self.next_ids.is_some(),
            self.claims.is_some(),
            self.articles.is_some(),
        ];
        present.into_iter().filter(|&p| p).count() >= 3
    }
}

/// The workspace file's bytes.
pub fn to_bytes(workspace: &Workspace) -> Result<Vec<u8>, SaveError> {
    encode(workspace, FORMAT, None)
}

fn encode(
    workspace: &Workspace,
    format: &'static str,
    recovers: Option<&Path>,
) -> Result<Vec<u8>, SaveError> {
    let file = FileOut {
        format,
        version: VERSION,
        recovers,
        id: workspace.id,
        merged_from: &workspace.merged_from,
        next_ids: workspace.next_ids,
        claims: workspace.claims.values().collect(),
        corrections: &workspace.corrections,
        articles: workspace.articles().collect(),
    };
    let mut bytes = Vec::with_capacity(1 << 16);
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut bytes, LayeredFormatter::default());
    file.serialize(&mut serializer).map_err(SaveError::Encode)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Reads a workspace (or recovery) file's bytes, checking everything.
pub fn from_bytes(bytes: &[u8]) -> Result<Workspace, FileProblem> {
    decode(bytes).map(|recovered| recovered.workspace)
}

fn decode(bytes: &[u8]) -> Result<Recovered, FileProblem> {
    // Some editors put a byte-order mark before hand-edited JSON.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileProblem::Empty);
    }
    let file: FileIn = serde_json::from_slice(bytes).map_err(|error| explain(bytes, &error))?;
    check_header(Some(&file.format), Some(&file.version.into()))?;
    let parts = Parts {
        id: file.id,
        merged_from: file.merged_from,
        next_ids: file.next_ids,
        articles: file.articles,
        claims: file.claims,
        corrections: file.corrections,
    };
    let mut workspace = Workspace::assemble(parts).map_err(FileProblem::Invalid)?;
    if file.version < RELAYS_STORED {
        workspace.find_relays_in_text();
    }
    Ok(Recovered {
        workspace,
        recovers: file.recovers,
    })
}

/// Turns a parse failure into the most useful message: what the file is, if it is not a
/// current workspace, else where the JSON breaks.
fn explain(bytes: &[u8], error: &serde_json::Error) -> FileProblem {
    use serde_json::error::Category;
    let (line, column) = (error.line(), error.column());
    match error.classify() {
        Category::Eof => FileProblem::Truncated { line, column },
        Category::Syntax | Category::Io => FileProblem::NotJson {
            line,
            column,
            message: bare_message(error),
        },
        Category::Data => {
            let malformed = || FileProblem::Malformed {
                line,
                column,
                message: bare_message(error),
            };
            match serde_json::from_slice::<Header>(bytes) {
                Ok(header) => match check_header(
                    header.format.as_ref().and_then(|f| f.as_str()),
                    header.version.as_ref(),
                ) {
                    // A damaged `format` key in a file with a workspace's fields: say where.
                    Err(FileProblem::NotAWorkspace { found: None })
                        if header.looks_like_a_workspace() =>
                    {
                        malformed()
                    }
                    Err(problem) => problem,
                    Ok(()) => malformed(),
                },
                Err(_) => FileProblem::NotAWorkspace { found: None },
            }
        }
    }
}

/// `serde_json`'s message without its trailing " at line L column C", which we say our way.
fn bare_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_owned(),
        None => message,
    }
}

fn check_header(
    format: Option<&str>,
    version: Option<&serde_json::Value>,
) -> Result<(), FileProblem> {
    match format {
        Some(FORMAT | RECOVERY_FORMAT) => {}
        Some(other) => {
            return Err(FileProblem::NotAWorkspace {
                found: Some(format!("\"{other}\"")),
            });
        }
        None => return Err(FileProblem::NotAWorkspace { found: None }),
    }
    match version.and_then(serde_json::Value::as_u64) {
        Some(OLDEST_READABLE..=VERSION) => Ok(()),
        Some(found) if found > VERSION => Err(FileProblem::NewerVersion { found }),
        _ => Err(FileProblem::UnknownVersion {
            found: version.map_or_else(|| "(none)".to_owned(), ToString::to_string),
        }),
    }
}

/// Opens a workspace file. Nothing is written, whatever the outcome.
pub fn load(path: &Path) -> Result<Workspace, OpenError> {
    load_recovery(path).map(|recovered| recovered.workspace)
}

/// Opens a workspace file and says which version of it was read, so that a later save can
/// refuse to overwrite a version it did not see ([`save_if_unchanged`]).
pub fn load_versioned(path: &Path) -> Result<(Workspace, FileVersion), OpenError> {
    let file = read_file(path)?;
    let recovered = file.decode(path)?;
    Ok((recovered.workspace, file.version))
}

/// Leading whitespace up to this much is kept, so the parser's line numbers are the file's.
const KEPT_LEADING_WHITESPACE: usize = 64 * 1024;

/// A workspace or recovery file as read: its JSON, and how many lines of leading whitespace
/// were dropped before it (added back to the line numbers of any error).
struct FileBytes {
    json: Vec<u8>,
    dropped_lines: usize,
    version: FileVersion,
}

impl FileBytes {
    fn decode(&self, path: &Path) -> Result<Recovered, OpenError> {
        decode(&self.json).map_err(|problem| OpenError {
            path: path.to_owned(),
            problem: problem.lines_later(self.dropped_lines),
        })
    }
}

/// Reads a workspace or recovery file: a regular file, at most [`MAX_WORKSPACE_BYTES`] of
/// JSON after any leading whitespace, which is skipped as it is read rather than kept (a
/// gigabyte of blanks is never held in memory).
fn read_file(path: &Path) -> Result<FileBytes, OpenError> {
    let error = |problem| OpenError {
        path: path.to_owned(),
        problem,
    };
    let from_read = |read: ReadError| match read {
        ReadError::Io(reason) => FileProblem::Io(reason),
        ReadError::NotRegular(kind) => FileProblem::NotRegular(kind),
        ReadError::TooLarge { .. } => FileProblem::TooLarge,
    };
    let file = open_regular(path).map_err(|read| error(from_read(read)))?;
    let version = FileVersion::of(&file.metadata().map_err(|e| error(FileProblem::Io(e)))?);
    let mut reader = io::BufReader::with_capacity(1 << 16, file);
    let (mut skipped, mut dropped_lines) = (0u64, 0usize);
    let mut leading = Vec::new();
    loop {
        let buffer = reader.fill_buf().map_err(|e| error(FileProblem::Io(e)))?;
        if buffer.is_empty() {
            return Err(error(if skipped == 0 {
                FileProblem::Empty
            } else {
                FileProblem::OnlyWhitespace(skipped)
            }));
        }
        let blank = buffer
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        leading.extend_from_slice(&buffer[..blank]);
        if leading.len() > KEPT_LEADING_WHITESPACE {
            dropped_lines += leading.split(|&b| b == b'\n').count() - 1;
            leading.clear();
        }
        let more = blank == buffer.len();
        reader.consume(blank);
        skipped += blank as u64;
        if !more {
            break;
        }
    }
    let rest = read_limited(reader, MAX_WORKSPACE_BYTES).map_err(|read| error(from_read(read)))?;
    leading.extend_from_slice(&rest);
    Ok(FileBytes {
        json: leading,
        dropped_lines,
        version,
    })
}

/// Saves a workspace atomically: the new contents go to a temporary file in the same folder,
/// which is flushed to disk and then renamed over `path`; the previous file is kept as
/// `NAME.json.bak`. Interrupted at any point, `path` holds either the old or the new
/// workspace, complete. Whatever is at `path` is replaced (a new file, or Save As over a file
/// the user chose); see [`save_if_unchanged`] for a file that was opened.
pub fn save(workspace: &Workspace, path: &Path) -> Result<(), SaveError> {
    replace(path, &to_bytes(workspace)?, Backup::Keep, None, None)?;
    Ok(())
}

/// Saves a workspace over the file it was opened from, refusing if the file on disk is no
/// longer `opened` (another program or Crosscheck saved it since):
/// [`WriteError::ChangedOnDisk`]. `held` is the write lock of a read-modify-write, when the
/// caller holds it since before reading. Returns the version written, to expect next time.
pub fn save_if_unchanged(
    workspace: &Workspace,
    path: &Path,
    opened: &FileVersion,
    held: Option<&WriteLock>,
) -> Result<Option<FileVersion>, SaveError> {
    Ok(replace(
        path,
        &to_bytes(workspace)?,
        Backup::Keep,
        Some(opened),
        held,
    )?)
}

/// Autosaves to a recovery file, creating its folder if needed. `recovers` names the
/// workspace file the changes belong to (`None` for one never saved). The user's own file is
/// not touched; where recovery files live is the caller's choice.
pub fn save_recovery(
    workspace: &Workspace,
    recovery_file: &Path,
    recovers: Option<&Path>,
) -> Result<(), SaveError> {
    if let Some(folder) = recovery_file
        .parent()
        .filter(|folder| !folder.as_os_str().is_empty())
    {
        fs::create_dir_all(folder).map_err(|reason| WriteError::Io {
            path: folder.to_owned(),
            step: "creating the folder",
            reason,
        })?;
    }
    replace(
        recovery_file,
        &encode(workspace, RECOVERY_FORMAT, recovers)?,
        Backup::Skip,
        None,
        None,
    )?;
    Ok(())
}

/// Opens a recovery file (a plain workspace file works too, with `recovers: None`).
pub fn load_recovery(path: &Path) -> Result<Recovered, OpenError> {
    read_file(path)?.decode(path)
}

/// Whether the recovery file exists and was written after the workspace file (or the
/// workspace file is gone): then it holds changes the workspace file lacks and is worth
/// offering at start.
#[must_use]
pub fn recovery_is_newer(recovery: &Path, workspace: &Path) -> bool {
    let modified = |path: &Path| fs::metadata(path).and_then(|meta| meta.modified());
    match (modified(recovery), modified(workspace)) {
        (Ok(recovered), Ok(saved)) => recovered > saved,
        (Ok(_), Err(_)) => true,
        (Err(_), _) => false,
    }
}

/// Deletes the recovery file, e.g. after a save or when the analyst declines it; a missing
/// file is not an error.
pub fn discard_recovery(recovery: &Path) -> io::Result<()> {
    match fs::remove_file(recovery) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

/// Replaces the file at `path` with `bytes` atomically (without a backup): readers see the
/// old file or the new one, never a part. For exports and other files beside workspaces; a
/// target that is not a regular file (`/dev/stdout`) is written straight to.
pub fn replace_file(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    replace(path, bytes, Backup::Skip, None, None)?;
    Ok(())
}

/// How to store an article's path in a workspace saved at `workspace_file`: relative to the
/// workspace's folder when the article lies inside it (the two can then move together),
/// absolute otherwise. Paths that cannot be resolved are kept as given.
#[must_use]
pub fn path_for_workspace(article: &Path, workspace_file: &Path) -> PathBuf {
    let folder = workspace_file
        .parent()
        .filter(|f| !f.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let (Ok(article), Ok(folder)) = (fs::canonicalize(article), fs::canonicalize(folder)) else {
        return article.to_owned();
    };
    article
        .strip_prefix(&folder)
        .map_or(article.clone(), Path::to_path_buf)
}

/// Where an article path stored by [`path_for_workspace`] points, for a workspace at
/// `workspace_file`.
#[must_use]
pub fn resolve_from_workspace(stored: &Path, workspace_file: &Path) -> PathBuf {
    let folder = workspace_file.parent().unwrap_or(Path::new(""));
    folder.join(stored)
}

/// Indents the outer levels of the document and writes deeper values on one line each: one
/// line per claim field, per article field, per list of entities.
#[derive(Debug, Default)]
struct LayeredFormatter {
    depth: usize,
    has_value: bool,
}

/// Levels deeper than this are written compactly.
const INDENTED_LEVELS: usize = 4;

impl LayeredFormatter {
    fn indented(&self) -> bool {
        self.depth <= INDENTED_LEVELS
    }

    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        let indented = self.indented();
        self.depth -= 1;
        if indented && self.has_value {
            self.new_line(writer)?;
        }
        writer.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        match (first, self.indented()) {
            (_, true) => {
                if !first {
                    writer.write_all(b",")?;
                }
                self.new_line(writer)
            }
            (true, false) => Ok(()),
            (false, false) => writer.write_all(b", "),
        }
    }

    fn new_line<W: ?Sized + Write>(&self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b"\n")?;
        for _ in 0..self.depth {
            writer.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for LayeredFormatter {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}
