//! The workspace file: one JSON document with a format name and a schema version, written
//! atomically with a backup of the previous file, read back with every invariant checked.
//! Also the recovery file, a separate autosave that never touches the user's file.
//!
//! Output is deterministic: the same workspace always gives the same bytes (ids are ordered,
//! nothing is stamped at save time), so saving an unchanged workspace changes nothing and
//! workspace files diff well. The outer levels are indented; deeper values stay on one line.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::claim::Claim;
use super::corrections::Corrections;
use super::validate::{Parts, ValidationError};
use super::{AnalyzedArticle, NextIds, Workspace};

/// The `format` of a workspace file.
pub const FORMAT: &str = "crosscheck-workspace";
/// The `format` of a recovery file: a workspace file that also names the file it recovers.
pub const RECOVERY_FORMAT: &str = "crosscheck-recovery";
/// The schema version this build writes, and the newest it reads. Version 2 added the
/// entity index edits (`corrections.index_edits`) and articles' `outlet`.
pub const VERSION: u64 = 2;
/// The oldest schema version this build reads. Each version only added optional parts, so an
/// older file reads as a current one without them.
pub const OLDEST_READABLE: u64 = 1;

/// Why a workspace could not be saved. The file that was there is unchanged. Messages name the
/// file and give the operating system's reason in full (no separate `source` to chain).
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The workspace could not be put into JSON (an article path that is not valid Unicode).
    #[error("cannot write the workspace as JSON: {0}")]
    Encode(serde_json::Error),
    /// A file operation failed.
    #[error("{}: {step}: {reason}", path.display())]
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// What was being done.
        step: &'static str,
        /// The operating system's reason.
        reason: io::Error,
    },
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
        next_ids: file.next_ids,
        articles: file.articles,
        claims: file.claims,
        corrections: file.corrections,
    };
    let workspace = Workspace::assemble(parts).map_err(FileProblem::Invalid)?;
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
        Category::Data => match serde_json::from_slice::<Header>(bytes) {
            Ok(header) => match check_header(
                header.format.as_ref().and_then(|f| f.as_str()),
                header.version.as_ref(),
            ) {
                Err(problem) => problem,
                Ok(()) => FileProblem::Malformed {
                    line,
                    column,
                    message: bare_message(error),
                },
            },
            Err(_) => FileProblem::NotAWorkspace { found: None },
        },
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

/// Saves a workspace atomically: the new contents go to a temporary file in the same folder,
/// which is flushed to disk and then renamed over `path`; the previous file is kept as
/// `NAME.json.bak`. Interrupted at any point, `path` holds either the old or the new
/// workspace, complete.
pub fn save(workspace: &Workspace, path: &Path) -> Result<(), SaveError> {
    write_atomically(path, &to_bytes(workspace)?, Backup::Keep)
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
        fs::create_dir_all(folder).map_err(|reason| SaveError::Io {
            path: folder.to_owned(),
            step: "creating the folder",
            reason,
        })?;
    }
    write_atomically(
        recovery_file,
        &encode(workspace, RECOVERY_FORMAT, recovers)?,
        Backup::Skip,
    )
}

/// Opens a recovery file (a plain workspace file works too, with `recovers: None`).
pub fn load_recovery(path: &Path) -> Result<Recovered, OpenError> {
    let error = |problem| OpenError {
        path: path.to_owned(),
        problem,
    };
    let bytes = fs::read(path).map_err(|source| error(FileProblem::Io(source)))?;
    decode(&bytes).map_err(error)
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
/// old file or the new one, never a part. For exports and other files beside workspaces.
pub fn replace_file(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomically(path, bytes, Backup::Skip)
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

/// The backup path kept by [`save`]: `NAME.json.bak` beside `NAME.json`.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Backup {
    Keep,
    Skip,
}

/// Writes `bytes` to `path` by way of a temporary file in the same folder (a rename is atomic
/// only within one file system) that is synced to disk before it replaces `path`.
fn write_atomically(path: &Path, bytes: &[u8], backup: Backup) -> Result<(), SaveError> {
    fn io_error(path: &Path, step: &'static str) -> impl FnOnce(io::Error) -> SaveError {
        let path = path.to_owned();
        move |reason| SaveError::Io { path, step, reason }
    }
    // Replace the file a symbolic link points to, not the link.
    let path = &fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    let name = path.file_name().ok_or_else(|| SaveError::Io {
        path: path.clone(),
        step: "choosing the file",
        reason: io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"),
    })?;
    let existing = fs::metadata(path).ok();

    let prefix = format!(".{}.", name.to_string_lossy());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // What an ordinary new file gets: read-write for everyone, narrowed by the umask.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temporary = builder
        .tempfile_in(folder)
        .map_err(io_error(folder, "creating a temporary file in the folder"))?;
    temporary
        .write_all(bytes)
        .map_err(io_error(temporary.path(), "writing"))?;
    temporary
        .as_file()
        .sync_all()
        .map_err(io_error(temporary.path(), "flushing to disk"))?;
    if let Some(existing) = &existing {
        fs::set_permissions(temporary.path(), existing.permissions())
            .map_err(io_error(temporary.path(), "copying the file's permissions"))?;
    }

    if backup == Backup::Keep && existing.as_ref().is_some_and(fs::Metadata::is_file) {
        keep_backup(path).map_err(io_error(
            &backup_path(path),
            "keeping the previous file as a backup",
        ))?;
    }
    temporary.persist(path).map_err(|error| SaveError::Io {
        path: path.clone(),
        step: "replacing the file",
        reason: error.error,
    })?;
    sync_folder(folder);
    remove_stale_temporaries(folder, &prefix);
    Ok(())
}

/// How long a temporary file must have been left alone before a later save takes it for the
/// remains of an interrupted one (a concurrent save's file is younger).
const STALE_AFTER: std::time::Duration = std::time::Duration::from_mins(10);

/// Deletes temporary files that interrupted saves of the same file left behind. Best effort:
/// they are hidden and harmless, only wasted space.
fn remove_stale_temporaries(folder: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let stale = entry
            .metadata()
            .and_then(|meta| meta.modified())
            .is_ok_and(|modified| modified.elapsed().is_ok_and(|age| age > STALE_AFTER));
        if name.starts_with(prefix) && name.ends_with(".tmp") && stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Makes `NAME.json.bak` the current `NAME.json`: a hard link when the file system allows it
/// (instant, whatever the size), a copy otherwise.
fn keep_backup(path: &Path) -> io::Result<()> {
    let backup = backup_path(path);
    discard_recovery(&backup)?;
    if fs::hard_link(path, &backup).is_err() {
        fs::copy(path, &backup)?;
    }
    Ok(())
}

/// Makes the rename itself durable. Best effort: some file systems cannot sync a folder, and
/// the new file is complete on disk either way.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = fs::File::open(folder) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
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
