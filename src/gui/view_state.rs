//! View-only state: what is selected, filtered, hidden or open. None of it is part of the
//! workspace, so none of it is saved in the workspace file or undone.

use crate::article::ArticleId;
use crate::export::ExportFormat;
use crate::extract::EntityKind;
use crate::span::Span;
use crate::workspace::claim::{ClaimId, ClaimStatus};

pub use super::file_browser::PathRequest;

/// Columns of the claims table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Column {
    /// The claim's words.
    Text,
    /// Who asserts it.
    Speaker,
    /// Its figures.
    Figures,
    /// Its article.
    Article,
    /// Its status.
    Status,
}

/// What the central area shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CentralView {
    /// The selected article.
    #[default]
    Reader,
    /// Figures of the same measure across articles, with conflicts.
    Figures,
    /// Source chains and independent origins.
    Sources,
    /// Every entity across the workspace.
    Entities,
    /// Claims on a time axis by the date of the event they report.
    Timeline,
    /// Disputed claims with each analyst's review, to decide.
    Adjudicate,
}

/// The claims table's filters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ClaimFilter {
    /// Show only this status.
    pub status: Option<ClaimStatus>,
    /// Show only claims with a figure counting this unit (`troops`), or with any figure when "".
    pub figure_unit: Option<String>,
    /// Show only claims mentioning this entity (case-insensitive text).
    pub entity: String,
    /// Show only claims containing this text (case-insensitive), in quote, speaker or note.
    pub text: String,
    /// Show only claims whose merged reviews disagree.
    pub disputed: bool,
}

/// What the analyst is typing in the Entities view to edit one entry, before it becomes an
/// action. It belongs to one entry: selecting another starts a fresh draft.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexEditDraft {
    /// The key of the entry the draft is for.
    pub entry: String,
    /// The new name.
    pub rename: String,
    /// The search for an entity to merge into this one.
    pub merge_search: String,
    /// The forms ticked to split off.
    pub split_forms: Vec<String>,
    /// The split-off entity's name.
    pub split_name: String,
    /// Why the last edit could not be made.
    pub error: Option<String>,
}

impl IndexEditDraft {
    /// The draft for `entry`: the current one if it is for that entry, else a fresh one.
    pub fn for_entry(&mut self, entry: &str) -> &mut Self {
        if self.entry != entry {
            *self = Self {
                entry: entry.to_owned(),
                ..Self::default()
            };
        }
        self
    }
}

/// A pending question to the analyst.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompt {
    /// Closing or replacing a workspace with unsaved changes: save, discard or cancel.
    UnsavedChanges(AfterPrompt),
    /// A recovery file newer than its workspace was found at start.
    Recovery {
        /// The workspace file it belongs to; `None` for work never saved.
        recovers: Option<std::path::PathBuf>,
        /// How many claims it holds.
        claims: usize,
        /// How many of them are reviewed.
        reviewed: usize,
    },
    /// A save was refused: the file changed on disk since it was opened.
    ChangedOnDisk(std::path::PathBuf),
}

/// What to do once unsaved changes are dealt with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AfterPrompt {
    /// Close the window.
    Quit,
    /// Start an empty workspace.
    NewWorkspace,
    /// Pick a workspace file to open.
    OpenWorkspace,
    /// Open this workspace file (from the Recent menu).
    OpenFile(std::path::PathBuf),
}

/// An edit field's text before it becomes an action, and the value it started from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldDraft {
    /// The claim being edited.
    pub claim: Option<ClaimId>,
    /// The workspace's value when the draft was last in step with it.
    pub base: String,
    /// The text in the field.
    pub text: String,
}

impl FieldDraft {
    /// The draft for `claim`'s field, in step with the workspace: when the value changed
    /// elsewhere (undo, redo, another panel) and the analyst is not typing in the field, the
    /// field shows the new value, so a stale text can never be saved over it.
    pub fn follow(&mut self, claim: ClaimId, value: &str, editing: bool) -> &mut Self {
        let other_claim = self.claim != Some(claim);
        if other_claim || (self.base != value && !editing) {
            *self = Self {
                claim: Some(claim),
                base: value.to_owned(),
                text: value.to_owned(),
            };
        } else if self.base != value {
            // Changed under the analyst's cursor: what they type now replaces the new value.
            value.clone_into(&mut self.base);
        }
        self
    }
}

/// What an export writes: one file in a format, or a folder of brat standoff files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportTarget {
    /// One file (CSV, JSON, a brief, W3C or `ClaimReview` JSON-LD).
    File(ExportFormat),
    /// A `.txt` and `.ann` per article and `annotation.conf`, for brat and `INCEpTION`.
    BratFolder,
}

impl ExportTarget {
    /// The dialog that asks where it goes.
    #[must_use]
    pub fn path_request(self) -> PathRequest {
        match self {
            Self::File(_) => PathRequest::Export,
            Self::BratFolder => PathRequest::ExportFolder,
        }
    }
}

/// Everything about the view that is not the workspace.
// Independent toggles and one-frame requests (scroll, focus), not an encoded state machine.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone)]
pub struct ViewState {
    /// What the central area shows.
    pub central: CentralView,
    /// The entity index entry shown in the Entities view.
    pub entity: Option<String>,
    /// The Entities view's search text.
    pub entity_search: String,
    /// The Entities view's edit of the selected entry, as typed so far.
    pub index_draft: IndexEditDraft,
    /// Figures view: how many rows each group (by id) shows, when more than the first page.
    pub figure_rows: std::collections::HashMap<String, usize>,
    /// The claims table's width as last drawn: when the window changes it, the columns are
    /// laid out afresh for the new width.
    pub claims_table_width: Option<f32>,
    /// The Timeline view's entity filter.
    pub timeline_entity: String,
    /// The Timeline view's status filter.
    pub timeline_status: Option<ClaimStatus>,
    /// The days the Timeline shows, as last drawn (days since 1970-01-01).
    pub timeline_days: Option<(f64, f64)>,
    /// Go back to the Timeline's first view on the next frame.
    pub timeline_reset: bool,
    /// The article in the reader.
    pub article: Option<ArticleId>,
    /// The claim in the inspector.
    pub claim: Option<ClaimId>,
    /// Its row in the claims table when it was selected: after a tag moves it out of a
    /// filtered list, J and K go on from there instead of from the top.
    pub claim_row: Option<usize>,
    /// Which entity kinds the reader colours, in [`EntityKind::ALL`] order.
    pub visible_kinds: [bool; 6],
    /// Hide boilerplate lines instead of dimming them.
    pub hide_boilerplate: bool,
    /// Claims table filters.
    pub filter: ClaimFilter,
    /// Claims table sort column and direction.
    pub sort: (Column, bool),
    /// The analyst's text selection in the reader.
    pub selection: Option<(ArticleId, Span)>,
    /// Scroll the reader to the selected claim on the next frame.
    pub scroll_to_claim: bool,
    /// Scroll the reader to this byte offset on the next frame.
    pub scroll_to_offset: Option<usize>,
    /// Scroll the claims table to the selected claim on the next frame.
    pub scroll_table_to_claim: bool,
    /// Focus the note field on the next frame.
    pub focus_note: bool,
    /// Focus the filter field on the next frame.
    pub focus_filter: bool,
    /// The note being typed, before it becomes an action.
    pub note_draft: FieldDraft,
    /// The speaker being typed, before it becomes an action.
    pub speaker_draft: FieldDraft,
    /// Whether the Help window is open.
    pub show_help: bool,
    /// Whether the export window is open.
    pub show_export: bool,
    /// Whether the message log is open.
    pub show_messages: bool,
    /// A question waiting for an answer.
    pub prompt: Option<Prompt>,
    /// The in-app file browser, while it is open (where there is no native dialog).
    pub browser: Option<super::file_browser::FileBrowser>,
    /// How far the analysts agreed, as measured when their files were last merged in.
    pub last_agreement: Option<crate::agreement::Agreement>,
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            central: CentralView::Reader,
            entity: None,
            entity_search: String::new(),
            index_draft: IndexEditDraft::default(),
            figure_rows: std::collections::HashMap::new(),
            claims_table_width: None,
            timeline_entity: String::new(),
            timeline_status: None,
            timeline_days: None,
            timeline_reset: false,
            article: None,
            claim: None,
            claim_row: None,
            visible_kinds: [true; 6],
            hide_boilerplate: false,
            filter: ClaimFilter::default(),
            sort: (Column::Article, true),
            selection: None,
            scroll_to_claim: false,
            scroll_to_offset: None,
            scroll_table_to_claim: false,
            focus_note: false,
            focus_filter: false,
            note_draft: FieldDraft::default(),
            speaker_draft: FieldDraft::default(),
            show_help: false,
            show_messages: false,
            show_export: false,
            prompt: None,
            browser: None,
            last_agreement: None,
        }
    }
}

impl ViewState {
    /// Whether the reader colours entities of `kind`.
    #[must_use]
    pub fn shows(&self, kind: EntityKind) -> bool {
        self.visible_kinds[super::widgets::highlight::kind_index(kind)]
    }
}
