//! Reading the files a user names: only regular files, never more bytes than a limit.
//!
//! A path can name a FIFO (reading waits forever for a writer), a device (`/dev/zero` never
//! ends) or a socket. Their metadata says nothing about how much they hold, so the type is
//! checked before opening and again on the opened handle, and the limit is enforced while
//! reading, not taken from the metadata.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The operating system refused (missing file, no permission, ...).
    #[error("{0}")]
    Io(#[from] io::Error),
    /// The path names a folder, FIFO, device or socket.
    #[error("not a regular file (it is {0})")]
    NotRegular(&'static str),
    /// The file holds more than the limit.
    #[error(
        "the file is too large (more than {} bytes; the limit is {limit})",
        limit
    )]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
}

/// Opens `path` for reading if it is a regular file (a symbolic link to one is fine).
pub fn open_regular(path: &Path) -> Result<File, ReadError> {
    // Checked before opening: opening a FIFO for reading blocks until a writer comes.
    check_regular(&fs::metadata(path)?)?;
    let file = File::open(path)?;
    // Checked again on the handle, in case the path was replaced in between.
    check_regular(&file.metadata()?)?;
    Ok(file)
}

/// Reads all of `path`, a regular file of at most `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_regular(path)?;
    read_limited(file, limit)
}

/// Reads `reader` to its end, refusing it once it gives more than `limit` bytes.
pub fn read_limited(reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

fn check_regular(meta: &fs::Metadata) -> Result<(), ReadError> {
    let kind = meta.file_type();
    if kind.is_file() {
        return Ok(());
    }
    Err(ReadError::NotRegular(describe(kind)))
}

/// What a file that is not a regular file is, in words.
fn describe(kind: fs::FileType) -> &'static str {
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    "not a file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_are_read_within_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, b"12345").unwrap();
        assert_eq!(read_regular(&path, 5).unwrap(), b"12345");
        assert!(matches!(
            read_regular(&path, 4),
            Err(ReadError::TooLarge { limit: 4 })
        ));
        assert!(matches!(
            read_regular(dir.path(), 10),
            Err(ReadError::NotRegular("a folder"))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_without_reading() {
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 10),
            Err(ReadError::NotRegular("a device"))
        ));
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|status| status.success()) {
            // Opening it would wait forever for a writer.
            assert!(matches!(
                read_regular(&fifo, 10),
                Err(ReadError::NotRegular("a FIFO (named pipe)"))
            ));
        }
    }

    #[test]
    fn the_limit_holds_for_endless_readers() {
        assert!(matches!(
            read_limited(io::repeat(b' '), 1000),
            Err(ReadError::TooLarge { limit: 1000 })
        ));
    }
}
