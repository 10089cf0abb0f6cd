//! Every user command with its label and keyboard shortcut, in one table: menus, the Help
//! window and keyboard handling all read from here.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A command the analyst can give from a menu, a button or the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// Start an empty workspace.
    NewWorkspace,
    /// Add article files through the native dialog.
    OpenArticles,
    /// Add every article in a folder.
    OpenFolder,
    /// Open a saved workspace.
    OpenWorkspace,
    /// Merge other analysts' workspace files into this one.
    MergeWorkspace,
    /// Save the workspace to its file.
    Save,
    /// Save the workspace under a new name.
    SaveAs,
    /// Export the reviewed claims.
    Export,
    /// Leave the workbench.
    Quit,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Select the next claim.
    NextClaim,
    /// Select the previous claim.
    PreviousClaim,
    /// Mark the selected claim confirmed.
    Confirm,
    /// Mark the selected claim unconfirmed.
    MarkUnconfirmed,
    /// Return the selected claim to unreviewed.
    MarkUnreviewed,
    /// Put the cursor in the selected claim's note.
    FocusNote,
    /// Delete the selected claim (undo brings it back).
    DeleteClaim,
    /// Put the cursor in the claims filter.
    Find,
    /// Show the keyboard shortcuts.
    Help,
    /// Show the article reader.
    ShowReader,
    /// Show figures side by side.
    ShowFigures,
    /// Show source chains.
    ShowSources,
    /// Show the entity index.
    ShowEntities,
    /// Show the timeline.
    ShowTimeline,
    /// Show the disputed claims to adjudicate.
    ShowAdjudicate,
    /// Adjudicate the selected disputed claim as the first analyst had it.
    TakeFirstPosition,
    /// ... as the second analyst had it.
    TakeSecondPosition,
    /// ... as the third analyst had it.
    TakeThirdPosition,
}

impl Command {
    /// Every command, in the order the Help window lists them.
    pub const ALL: [Self; 29] = [
        Self::NewWorkspace,
        Self::OpenArticles,
        Self::OpenFolder,
        Self::OpenWorkspace,
        Self::MergeWorkspace,
        Self::Save,
        Self::SaveAs,
        Self::Export,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::NextClaim,
        Self::PreviousClaim,
        Self::Confirm,
        Self::MarkUnconfirmed,
        Self::MarkUnreviewed,
        Self::FocusNote,
        Self::DeleteClaim,
        Self::Find,
        Self::Help,
        Self::ShowReader,
        Self::ShowFigures,
        Self::ShowSources,
        Self::ShowEntities,
        Self::ShowTimeline,
        Self::ShowAdjudicate,
        Self::TakeFirstPosition,
        Self::TakeSecondPosition,
        Self::TakeThirdPosition,
    ];

    /// The label on menus and buttons.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::NewWorkspace => "New workspace",
            Self::OpenArticles => "Open articles…",
            Self::OpenFolder => "Open folder…",
            Self::OpenWorkspace => "Open workspace…",
            Self::MergeWorkspace => "Merge workspace…",
            Self::Save => "Save",
            Self::SaveAs => "Save As…",
            Self::Export => "Export reviewed set…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::NextClaim => "Next claim",
            Self::PreviousClaim => "Previous claim",
            Self::Confirm => "Confirmed",
            Self::MarkUnconfirmed => "Unconfirmed",
            Self::MarkUnreviewed => "Unreviewed",
            Self::FocusNote => "Edit note",
            Self::DeleteClaim => "Delete claim",
            Self::Find => "Find claims",
            Self::Help => "Keyboard shortcuts",
            Self::ShowReader => "Reader",
            Self::ShowFigures => "Figures",
            Self::ShowSources => "Sources",
            Self::ShowEntities => "Entities",
            Self::ShowTimeline => "Timeline",
            Self::ShowAdjudicate => "Adjudicate",
            Self::TakeFirstPosition => "Take the first analyst's review",
            Self::TakeSecondPosition => "Take the second analyst's review",
            Self::TakeThirdPosition => "Take the third analyst's review",
        }
    }

    /// The keyboard shortcut, if the command has one.
    #[must_use]
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let plain = |key| KeyboardShortcut::new(Modifiers::NONE, key);
        let command = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        Some(match self {
            Self::OpenArticles => command(Key::O),
            Self::Save => command(Key::S),
            Self::SaveAs => KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::S),
            Self::Quit => command(Key::Q),
            Self::Undo => command(Key::Z),
            Self::Redo => KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z),
            Self::NextClaim => plain(Key::J),
            Self::PreviousClaim => plain(Key::K),
            Self::Confirm => plain(Key::C),
            Self::MarkUnconfirmed => plain(Key::U),
            Self::MarkUnreviewed => plain(Key::Backspace),
            Self::FocusNote => plain(Key::N),
            Self::DeleteClaim => plain(Key::Delete),
            Self::Find => command(Key::F),
            Self::Help => plain(Key::F1),
            Self::ShowReader => command(Key::Num1),
            Self::ShowFigures => command(Key::Num2),
            Self::ShowSources => command(Key::Num3),
            Self::ShowEntities => command(Key::Num4),
            Self::ShowTimeline => command(Key::Num5),
            Self::ShowAdjudicate => command(Key::Num6),
            Self::TakeFirstPosition => plain(Key::Num1),
            Self::TakeSecondPosition => plain(Key::Num2),
            Self::TakeThirdPosition => plain(Key::Num3),
            Self::NewWorkspace
            | Self::OpenFolder
            | Self::OpenWorkspace
            | Self::MergeWorkspace
            | Self::Export => {
                return None;
            }
        })
    }

    /// Single-key shortcuts must not fire while the analyst types into a text field.
    #[must_use]
    pub fn is_plain_key(self) -> bool {
        self.shortcut().is_some_and(|s| s.modifiers.is_none())
    }

    /// The commands whose shortcuts were pressed this frame (consuming the key presses).
    /// Plain-key shortcuts are skipped while a text field has keyboard focus.
    #[must_use]
    pub fn pressed(ctx: &egui::Context) -> Vec<Self> {
        let typing = ctx.memory(|m| m.focused().is_some()) && ctx.egui_wants_keyboard_input();
        let mut pressed = Vec::new();
        ctx.input_mut(|input| {
            // Longer modifier sets first, so Ctrl+Shift+Z is not read as Ctrl+Z.
            let mut commands = Self::ALL.to_vec();
            commands.sort_by_key(|c| {
                std::cmp::Reverse(c.shortcut().map_or(0, |s| {
                    u8::from(s.modifiers.shift) + u8::from(s.modifiers.command)
                }))
            });
            for command in commands {
                let Some(shortcut) = command.shortcut() else {
                    continue;
                };
                if typing && command.is_plain_key() {
                    continue;
                }
                if input.consume_shortcut(&shortcut) {
                    pressed.push(command);
                }
            }
        });
        pressed
    }

    /// The shortcut as text for menus and the Help window (`Ctrl+S`).
    #[must_use]
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        self.shortcut().map(|s| ctx.format_shortcut(&s))
    }
}
