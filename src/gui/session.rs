//! The open workspace as the workbench holds it: the workspace itself, the file it belongs to
//! and whether it has changed since it was saved. Every change goes through [`Session::apply`].

use std::path::PathBuf;

use crate::workspace::persist::FileVersion;
use crate::workspace::{Action, ActionError, Effect, Workspace};

/// The open workspace and its file.
pub struct Session {
    /// The workspace: articles, claims, review state, history.
    pub workspace: Workspace,
    /// Where it is saved; `None` until the first Save As.
    pub path: Option<PathBuf>,
    /// The version of the file at `path` this session read or wrote last: a save over any
    /// other version would lose someone's changes.
    pub version: Option<FileVersion>,
    /// The workspace revision at the last save (or load).
    saved_revision: u64,
    /// The revision last written to the recovery file.
    pub autosaved_revision: u64,
}

impl Session {
    /// A session for a workspace that matches the file at `path` (or is new when `None`).
    #[must_use]
    pub fn new(workspace: Workspace, path: Option<PathBuf>) -> Self {
        let revision = workspace.revision();
        // A new, unsaved workspace with articles in it counts as changed.
        let saved_revision = if path.is_none() && workspace.articles().len() > 0 {
            u64::MAX
        } else {
            revision
        };
        Self {
            workspace,
            path,
            version: None,
            saved_revision,
            autosaved_revision: revision,
        }
    }

    /// Applies one change.
    pub fn apply(&mut self, action: Action) -> Result<Effect, ActionError> {
        self.workspace.apply(action)
    }

    /// Whether there are changes the file does not have.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.workspace.revision() != self.saved_revision
    }

    /// Records that the workspace at `revision` is now in the file at `path`, as `version`.
    pub fn mark_saved(&mut self, path: PathBuf, revision: u64, version: Option<FileVersion>) {
        self.path = Some(path);
        self.version = version;
        self.saved_revision = revision;
    }

    /// Undoes the last change.
    pub fn undo(&mut self) -> Option<String> {
        self.workspace.undo()
    }

    /// Redoes the last undone change.
    pub fn redo(&mut self) -> Option<String> {
        self.workspace.redo()
    }

    /// Marks an untitled workspace the analyst has not changed (the demo as it loaded) as
    /// having nothing to save: closing it asks nothing, and no recovery file is written.
    pub fn mark_untouched(&mut self) {
        self.saved_revision = self.workspace.revision();
        self.autosaved_revision = self.saved_revision;
    }

    /// Marks the workspace as differing from its file (restored from a recovery file).
    pub fn mark_dirty(&mut self) {
        self.saved_revision = u64::MAX;
    }

    /// The file name for the title bar.
    #[must_use]
    pub fn display_name(&self) -> String {
        self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || "Untitled workspace".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}
