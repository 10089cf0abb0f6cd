//! What panels ask of the app: [`Intent`]s, carried out in one place after the frame is
//! drawn, and the answers to prompts. Panels depend on this, never on the app itself.

use std::path::PathBuf;

use super::command::Command;
use super::view_state::{ExportTarget, PathRequest};
use crate::article::ArticleId;
use crate::export::Scope;
use crate::workspace::Action;
use crate::workspace::claim::ClaimId;

/// What a panel asks the app to do.
#[derive(Debug)]
pub enum Intent {
    /// Run a command.
    Run(Command),
    /// Change the workspace.
    Apply(Action),
    /// Select a claim (and its article), scrolling the reader and table to it.
    SelectClaim(ClaimId),
    /// Show an article in the reader.
    SelectArticle(ArticleId),
    /// Show a mention in the reader, selected.
    ShowMention(ArticleId, crate::span::Span),
    /// Load these files or folders.
    LoadPaths(Vec<PathBuf>),
    /// Export the claims to a file (or a folder) chosen next.
    Export(ExportTarget, Scope),
    /// Cancel the running load.
    CancelLoad,
    /// Open the message log.
    ShowMessages,
    /// Empty the message log.
    ClearMessages,
    /// Answer the pending prompt.
    Answer(PromptAnswer),
    /// Show the in-app file browser for a request (where there is no native dialog).
    Browse(PathRequest),
    /// Use the paths chosen for a request, in the in-app browser or by a test.
    Chose(PathRequest, Vec<PathBuf>),
    /// Open a recently used workspace (after dealing with unsaved changes).
    OpenRecent(PathBuf),
}

/// Answers to the prompts in [`Prompt`](super::view_state::Prompt).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptAnswer {
    /// Save first, then go on.
    Save,
    /// Go on without saving, or restore the recovery file.
    Discard,
    /// Stay.
    Cancel,
    /// Restore the recovery file.
    Restore,
    /// Read the file again from disk, dropping the unsaved changes.
    Reload,
    /// Save under another name.
    SaveAs,
    /// Merge the version on disk into this one (then save over it).
    MergeWithDisk,
}
