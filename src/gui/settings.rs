//! What the workbench remembers between sessions (eframe storage): the last and recent
//! workspaces, the analyst's name, the reader's legend and the folder last browsed.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// Settings that outlive a session (eframe storage).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The workspace to reopen.
    pub last_workspace: Option<PathBuf>,
    /// Recently used workspace files, newest first.
    pub recent: Vec<PathBuf>,
    /// The analyst's name, recorded with every status change.
    pub analyst: String,
    /// Whether the workbench has started before (the first start opens the demo).
    pub started_before: bool,
    /// Entity kinds shown in the reader.
    pub visible_kinds: [bool; 6],
    /// Hide boilerplate instead of dimming it.
    pub hide_boilerplate: bool,
    /// The folder the in-app file browser last chose from.
    pub last_browsed: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            last_workspace: None,
            recent: Vec::new(),
            analyst: std::env::var("USER")
                .ok()
                .filter(|u| !u.is_empty())
                .unwrap_or_else(|| "analyst".to_owned()),
            started_before: false,
            visible_kinds: [true; 6],
            hide_boilerplate: false,
            last_browsed: None,
        }
    }
}
