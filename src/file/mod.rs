//! Files a user names: read only when they are regular files within a size limit
//! ([`read`]), written atomically under a lock, never over a version the writer did not see
//! ([`write`](mod@write)).

pub mod read;
pub mod write;

pub use read::{ReadError, open_regular, read_limited, read_regular};
pub use write::{Backup, FileVersion, WriteError, WriteLock, backup_path, replace};
