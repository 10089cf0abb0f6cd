//! Writing files so that nothing is ever half-written or silently overwritten.
//!
//! A file is replaced by a synced temporary file renamed over it, under an advisory lock that
//! other Crosscheck processes respect, and only if it is still the version the caller read.
//! The previous version is kept as `NAME.bak` by linking it to a temporary name and renaming
//! that over the old backup, so at every instant the file exists (old or new) and so does the
//! backup (older or old). Temporary files of interrupted writes are removed by the next write,
//! which holds the lock and so knows that no other write is under way.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

/// How long a write waits for another Crosscheck writing the same file.
const LOCK_WAIT: Duration = Duration::from_secs(10);

/// Why a file could not be written. The file that was there is unchanged. Messages name the
/// file and give the operating system's reason in full (no separate `source` to chain).
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The file on disk is not the version the caller read: another program or Crosscheck
    /// window wrote it since, and writing would lose those changes.
    #[error(
        "{}: the file changed on disk since it was opened (another program or Crosscheck window saved it); \
         not saved, so that neither version is lost: reload it, or save under another name",
        path.display()
    )]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },
    /// Another Crosscheck held the file's lock for longer than a write waits.
    #[error("{}: another Crosscheck is writing this file; not saved, try again", path.display())]
    Busy {
        /// The file.
        path: PathBuf,
    },
    /// The file is read-only, or the user may not write it.
    #[error(
        "{}: the file is read-only; not saved (save under another name, or make it writable)",
        path.display()
    )]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
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

fn io_error(path: &Path, step: &'static str) -> impl FnOnce(io::Error) -> WriteError {
    let path = path.to_owned();
    move |reason| WriteError::Io { path, step, reason }
}

/// What tells one version of a file on disk from another: its identity (every replacement is
/// a new file, with a new inode), size and modification time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileVersion {
    len: u64,
    modified: Option<SystemTime>,
    identity: (u64, u64),
}

impl FileVersion {
    /// The version described by `meta`.
    #[must_use]
    pub fn of(meta: &fs::Metadata) -> Self {
        #[cfg(unix)]
        let identity = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let identity = (0, 0);
        Self {
            len: meta.len(),
            modified: meta.modified().ok(),
            identity,
        }
    }

    /// The version of the file now at `path`; `None` when there is none.
    #[must_use]
    pub fn current(path: &Path) -> Option<Self> {
        fs::metadata(path).ok().map(|meta| Self::of(&meta))
    }
}

/// An advisory lock on a file's writes, held until dropped. It lives on a hidden sidecar
/// (`.NAME.lock`), because the file itself is replaced by every write; the holder removes the
/// sidecar before letting go, and a waiter that then finds its sidecar gone tries again, so no
/// lock file is left behind and two holders never overlap.
#[derive(Debug)]
pub struct WriteLock {
    file: File,
    sidecar: PathBuf,
}

impl WriteLock {
    /// Takes the lock for writes to `target`, waiting a few seconds for another holder.
    pub fn acquire(target: &Path) -> Result<Self, WriteError> {
        let target = resolved(target);
        let sidecar = sibling(&target, ".", ".lock");
        let started = Instant::now();
        loop {
            let file = OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&sidecar)
                .map_err(io_error(&sidecar, "creating the lock file in the folder"))?;
            match file.try_lock() {
                // The sidecar may have been removed by the holder we waited for: the lock
                // counts only on the file that is still there.
                Ok(()) if same_file(&file, &sidecar) => return Ok(Self { file, sidecar }),
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => {
                    if started.elapsed() >= LOCK_WAIT {
                        return Err(WriteError::Busy { path: target });
                    }
                    thread::sleep(Duration::from_millis(20));
                }
                Err(fs::TryLockError::Error(reason)) => {
                    return Err(io_error(&sidecar, "locking")(reason));
                }
            }
        }
    }
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        // Removed while still held, so nobody can take a lock on it in between.
        let _ = fs::remove_file(&self.sidecar);
        let _ = self.file.unlock();
    }
}

/// Whether the open `file` is the one now at `path`.
fn same_file(file: &File, path: &Path) -> bool {
    match (file.metadata(), fs::metadata(path)) {
        (Ok(open), Ok(named)) => {
            FileVersion::of(&open).identity == FileVersion::of(&named).identity
        }
        _ => false,
    }
}

/// Whether the previous version is kept as `NAME.bak`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backup {
    /// Keep it.
    Keep,
    /// Do not.
    Skip,
}

/// Replaces `target` with `bytes` atomically; see the module docs. `expect` is the version
/// the caller read (`None`: whatever is there may go); `held` a lock the caller already holds
/// for a read-modify-write. A target that is not a regular file (`/dev/stdout`, a FIFO) is
/// written straight to. Returns the version written.
pub fn replace(
    target: &Path,
    bytes: &[u8],
    backup: Backup,
    expect: Option<&FileVersion>,
    held: Option<&WriteLock>,
) -> Result<Option<FileVersion>, WriteError> {
    let target = &resolved(target);
    let existing = fs::metadata(target).ok();
    if existing.as_ref().is_some_and(|meta| !meta.is_file()) {
        write_straight(target, bytes)?;
        return Ok(None);
    }
    let _own_lock = match held {
        Some(_) => None,
        None => Some(WriteLock::acquire(target)?),
    };
    if let Some(expected) = expect
        && FileVersion::current(target).is_some_and(|now| now != *expected)
    {
        return Err(WriteError::ChangedOnDisk {
            path: target.clone(),
        });
    }
    if let Some(meta) = &existing {
        check_writable(target, meta)?;
    }
    let folder = folder_of(target);
    remove_leftover_temporaries(target);

    let prefix = temporary_prefix(target);
    let mut temporary = temporary_builder(&prefix)
        .tempfile_in(folder)
        .map_err(io_error(folder, "creating a temporary file in the folder"))?;
    temporary
        .write_all(bytes)
        .map_err(io_error(temporary.path(), "writing"))?;
    if let Some(meta) = &existing {
        keep_mode_and_owner(temporary.as_file(), meta)
            .map_err(io_error(temporary.path(), "copying the file's permissions"))?;
    }
    temporary
        .as_file()
        .sync_all()
        .map_err(io_error(temporary.path(), "flushing to disk"))?;
    let written = temporary
        .as_file()
        .metadata()
        .map(|meta| FileVersion::of(&meta))
        .ok();

    if backup == Backup::Keep && existing.is_some() {
        keep_backup(target).map_err(io_error(
            &backup_path(target),
            "keeping the previous file as a backup",
        ))?;
    }
    temporary
        .persist(target)
        .map_err(|error| io_error(target, "replacing the file")(error.error))?;
    sync_folder(folder);
    Ok(written)
}

/// The backup kept by [`replace`]: `NAME.bak` beside `NAME`.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// The file a symbolic link points to, so that the link stays a link.
fn resolved(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    }
}

/// `.NAME<suffix>` beside `NAME`, with `prefix` before the name.
fn sibling(path: &Path, prefix: &str, suffix: &str) -> PathBuf {
    let mut name = std::ffi::OsString::from(prefix);
    name.push(path.file_name().unwrap_or_default());
    name.push(suffix);
    path.with_file_name(name)
}

/// Temporary files are `.NAME.XXXXXX.tmp`: hidden, and recognisable as ours.
const RANDOM_CHARS: usize = 6;

fn temporary_prefix(target: &Path) -> String {
    format!(
        ".{}.",
        target.file_name().unwrap_or_default().to_string_lossy()
    )
}

fn temporary_builder(prefix: &str) -> tempfile::Builder<'_, 'static> {
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(prefix)
        .suffix(".tmp")
        .rand_bytes(RANDOM_CHARS);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // What an ordinary new file gets: read-write for everyone, narrowed by the umask.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder
}

/// Deletes what interrupted writes of `target` left behind, whatever its age: the caller
/// holds the lock, so no other write is under way.
fn remove_leftover_temporaries(target: &Path) {
    let prefix = temporary_prefix(target);
    let Ok(entries) = fs::read_dir(folder_of(target)) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(random) = name
            .to_str()
            .and_then(|name| name.strip_prefix(prefix.as_str()))
            .and_then(|rest| rest.strip_suffix(".tmp"))
        else {
            continue;
        };
        if random.len() == RANDOM_CHARS && random.bytes().all(|b| b.is_ascii_alphanumeric()) {
            // Best effort: a leftover is hidden and harmless, only wasted space.
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Refuses a file the user may not write. Replacing it by a rename needs only the folder's
/// permission, which would silently defeat the file's own.
fn check_writable(target: &Path, meta: &fs::Metadata) -> Result<(), WriteError> {
    let read_only = || WriteError::ReadOnly {
        path: target.to_owned(),
    };
    // Checked on the mode too: an administrator may open anything for writing.
    if meta.permissions().readonly() {
        return Err(read_only());
    }
    match OpenOptions::new().write(true).open(target) {
        Ok(_) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::PermissionDenied => Err(read_only()),
        Err(error) => Err(io_error(target, "opening the file for writing")(error)),
    }
}

/// The new file gets the old one's mode and, where the system allows, its owner.
fn keep_mode_and_owner(file: &File, meta: &fs::Metadata) -> io::Result<()> {
    file.set_permissions(meta.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let new = file.metadata()?;
        if (new.uid(), new.gid()) != (meta.uid(), meta.gid()) {
            // Only an administrator may give a file away; anyone else keeps the file as theirs.
            let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
        }
    }
    Ok(())
}

/// Makes `NAME.bak` the current `NAME`: linked (or copied) to a temporary name first, then
/// renamed over the old backup, so a backup exists at every instant.
fn keep_backup(target: &Path) -> io::Result<()> {
    let prefix = temporary_prefix(target);
    let staged = temporary_builder(&prefix).make_in(folder_of(target), |staged| {
        if fs::hard_link(target, staged).is_err() {
            fs::copy(target, staged)?;
        }
        Ok(())
    })?;
    let ((), staged) = staged.into_parts();
    staged
        .persist(backup_path(target))
        .map_err(|error| error.error)?;
    Ok(())
}

/// Writes to something that is not a regular file (a terminal, a pipe, a device) directly:
/// there is nothing to replace and nothing to keep.
fn write_straight(target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let mut file = OpenOptions::new()
        .write(true)
        .open(target)
        .map_err(io_error(target, "opening for writing"))?;
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .map_err(io_error(target, "writing"))
}

/// Makes the rename itself durable. Best effort: some file systems cannot sync a folder, and
/// the new file is complete on disk either way.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = File::open(folder) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}
