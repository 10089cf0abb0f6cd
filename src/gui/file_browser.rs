//! The in-app file browser, for desktops without a file dialog service: a folder's listing
//! filtered to what the request opens, single or multiple selection, a path field with
//! completion, the name a save suggests, and a question before a file is replaced.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What the chosen paths are for (in the desktop's dialog or this browser).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathRequest {
    /// Articles or folders to add.
    OpenArticles,
    /// A workspace file to open.
    OpenWorkspace,
    /// Workspace files to merge into this one.
    MergeWorkspaces,
    /// Where to save the workspace.
    SaveAs,
    /// Where to write an export.
    Export,
    /// The folder to write a brat export into.
    ExportFolder,
}

/// A folder lists at most this many entries: the listing runs on the UI thread.
const MAX_ENTRIES: usize = 5_000;

/// One file or folder in the listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its name in the folder.
    pub name: String,
    /// Whether it is a folder (a link to one counts).
    pub is_folder: bool,
    /// Its size in bytes (0 for a folder).
    pub bytes: u64,
    /// When it last changed, when the system says.
    pub modified: Option<SystemTime>,
}

/// How a click extends the selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClickMode {
    /// Ctrl (or Cmd): add or remove one entry.
    pub toggle: bool,
    /// Shift: select the range from the last clicked entry.
    pub range: bool,
}

/// The browser's state while it is open (view state: nothing here is saved).
#[derive(Debug, Clone)]
pub struct FileBrowser {
    /// What the chosen paths are for.
    pub request: PathRequest,
    /// The folder listed.
    pub folder: PathBuf,
    /// Its entries that the request can use: folders first, then by name.
    pub entries: Vec<Entry>,
    /// Indices of the selected entries.
    pub selected: BTreeSet<usize>,
    /// The path field: a name in `folder`, a relative or absolute path, or `~/…`.
    pub path: String,
    /// Whether names starting with a dot are listed.
    pub show_hidden: bool,
    /// Why the last step did not work, for the analyst to read.
    pub error: Option<String>,
    /// A file the analyst was asked about replacing; choosing it again replaces it.
    pub confirm_replace: Option<PathBuf>,
    /// Entries left out of a listing longer than the 5,000 it shows.
    pub left_out: usize,
    /// Where a Shift-extended selection started.
    anchor: Option<usize>,
    /// The entry last clicked or moved to.
    cursor: Option<usize>,
    /// The completions of the path field's text as last typed: the field is drawn every
    /// frame, its folder read only when the text changes.
    completed: Option<(String, Vec<String>)>,
}

impl FileBrowser {
    /// A browser for `request` listing `folder`, with `suggested` in the path field (the
    /// name a save or an export proposes).
    #[must_use]
    pub fn new(request: PathRequest, folder: &Path, suggested: Option<String>) -> Self {
        let mut browser = Self {
            request,
            folder: PathBuf::new(),
            entries: Vec::new(),
            selected: BTreeSet::new(),
            path: String::new(),
            show_hidden: false,
            error: None,
            confirm_replace: None,
            left_out: 0,
            anchor: None,
            cursor: None,
            completed: None,
        };
        browser.open_folder(folder);
        browser.path = suggested.unwrap_or_default();
        browser
    }

    /// The window's title.
    #[must_use]
    pub fn title(&self) -> &'static str {
        match self.request {
            PathRequest::OpenArticles => "Open articles",
            PathRequest::OpenWorkspace => "Open workspace",
            PathRequest::MergeWorkspaces => "Merge workspaces",
            PathRequest::SaveAs => "Save workspace as",
            PathRequest::Export => "Export to file",
            PathRequest::ExportFolder => "Export into folder",
        }
    }

    /// The label of the button that chooses.
    #[must_use]
    pub fn action_label(&self) -> &'static str {
        match (self.request, &self.confirm_replace) {
            (PathRequest::SaveAs | PathRequest::Export, Some(_)) => "Replace",
            (PathRequest::SaveAs, None) => "Save",
            (PathRequest::Export, None) => "Export",
            (PathRequest::ExportFolder, _) => "Export here",
            (PathRequest::MergeWorkspaces, _) => "Merge",
            (PathRequest::OpenArticles | PathRequest::OpenWorkspace, _) => "Open",
        }
    }

    /// Whether several entries can be chosen at once.
    #[must_use]
    pub fn multiple(&self) -> bool {
        matches!(
            self.request,
            PathRequest::OpenArticles | PathRequest::MergeWorkspaces
        )
    }

    /// Whether the request writes a file (so a name may be new, and an old file is replaced).
    #[must_use]
    pub fn saves(&self) -> bool {
        matches!(self.request, PathRequest::SaveAs | PathRequest::Export)
    }

    /// Whether a file with this name is listed for the request.
    fn shows_file(&self, name: &str) -> bool {
        let extension = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let is = |allowed: &[&str]| extension.as_deref().is_some_and(|e| allowed.contains(&e));
        match self.request {
            PathRequest::OpenArticles => is(&["txt", "md", "markdown", "html", "htm"]),
            PathRequest::OpenWorkspace | PathRequest::MergeWorkspaces | PathRequest::SaveAs => {
                is(&["json"])
            }
            PathRequest::Export => true,
            PathRequest::ExportFolder => false,
        }
    }

    /// Lists `folder`. When it cannot be read, the listing stays as it was and says why.
    pub fn open_folder(&mut self, folder: &Path) {
        let folder = folder
            .canonicalize()
            .unwrap_or_else(|_| folder.to_path_buf());
        match self.list(&folder) {
            Ok((entries, left_out)) => {
                self.folder = folder;
                self.entries = entries;
                self.left_out = left_out;
                self.selected.clear();
                self.anchor = None;
                self.cursor = None;
                self.error = None;
                self.confirm_replace = None;
            }
            Err(error) => {
                self.error = Some(format!("Cannot open {}: {error}", folder.display()));
            }
        }
    }

    /// Lists the parent folder.
    pub fn up(&mut self) {
        if let Some(parent) = self.folder.parent().map(Path::to_path_buf) {
            self.open_folder(&parent);
        }
    }

    /// Lists the folder again (after "show hidden" changes, say).
    pub fn refresh(&mut self) {
        let folder = self.folder.clone();
        self.open_folder(&folder);
    }

    fn list(&self, folder: &Path) -> std::io::Result<(Vec<Entry>, usize)> {
        let mut entries = Vec::new();
        let mut left_out = 0;
        for item in std::fs::read_dir(folder)? {
            let Ok(item) = item else { continue };
            let name = item.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') && !self.show_hidden {
                continue;
            }
            // Follows links, so a link to a folder opens like one.
            let metadata = std::fs::metadata(item.path()).ok();
            let is_folder = metadata.as_ref().is_some_and(std::fs::Metadata::is_dir);
            if !is_folder && !self.shows_file(&name) {
                continue;
            }
            if entries.len() == MAX_ENTRIES {
                left_out += 1;
                continue;
            }
            entries.push(Entry {
                name,
                is_folder,
                bytes: metadata
                    .as_ref()
                    .filter(|m| m.is_file())
                    .map_or(0, std::fs::Metadata::len),
                modified: metadata.and_then(|m| m.modified().ok()),
            });
        }
        entries.sort_by(|a, b| {
            b.is_folder
                .cmp(&a.is_folder)
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
                .then_with(|| a.name.cmp(&b.name))
        });
        Ok((entries, left_out))
    }

    /// A click on entry `index`: selects it (or extends the selection), and puts its name
    /// in the path field.
    pub fn click(&mut self, index: usize, mode: ClickMode) {
        if index >= self.entries.len() {
            return;
        }
        self.confirm_replace = None;
        self.error = None;
        self.cursor = Some(index);
        match (self.multiple(), self.anchor) {
            (true, Some(anchor)) if mode.range => {
                self.selected = (anchor.min(index)..=anchor.max(index)).collect();
            }
            (true, _) if mode.toggle => {
                if !self.selected.remove(&index) {
                    self.selected.insert(index);
                }
                self.anchor = Some(index);
            }
            _ => {
                self.selected = BTreeSet::from([index]);
                self.anchor = Some(index);
            }
        }
        self.path = self.selection_text();
    }

    /// Moves the selection by `step` entries (the arrow keys); with `extend` (Shift), the
    /// selection grows from where it started instead.
    pub fn step(&mut self, step: isize, extend: bool) {
        if self.entries.is_empty() {
            return;
        }
        let last = self.entries.len() - 1;
        let next = match self.cursor {
            Some(at) => at.saturating_add_signed(step).min(last),
            None if step < 0 => last,
            None => 0,
        };
        let mode = ClickMode {
            toggle: false,
            range: extend,
        };
        self.click(next, mode);
    }

    /// The path field's text for the selection: one name, or each name quoted.
    fn selection_text(&self) -> String {
        let names: Vec<&str> = self
            .selected
            .iter()
            .filter_map(|&i| self.entries.get(i))
            .filter(|e| !e.is_folder || self.request == PathRequest::OpenArticles)
            .map(|e| e.name.as_str())
            .collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => (*one).to_owned(),
            many => many
                .iter()
                .map(|n| format!("\"{n}\""))
                .collect::<Vec<_>>()
                .join(" "),
        }
    }

    /// A double click on entry `index`: a folder opens, a file is chosen.
    pub fn activate(&mut self, index: usize) -> Option<Vec<PathBuf>> {
        let entry = self.entries.get(index)?.clone();
        if entry.is_folder {
            self.open_folder(&self.folder.join(&entry.name));
            None
        } else {
            self.selected = BTreeSet::from([index]);
            self.path = entry.name;
            self.choose()
        }
    }

    /// `text` (from the path field) as a path: `~/` is the home folder, a relative path is
    /// taken from the listed folder.
    fn resolve(&self, text: &str) -> PathBuf {
        let home = std::env::var_os("HOME").map(PathBuf::from);
        let in_home = if text == "~" {
            Some("")
        } else {
            text.strip_prefix("~/")
        };
        match (in_home, home) {
            (Some(rest), Some(home)) => home.join(rest),
            _ => self.folder.join(text),
        }
    }

    /// The paths the path field names: several when it holds quoted names.
    fn named(&self) -> Vec<PathBuf> {
        let text = self.path.trim();
        if text.starts_with('"') {
            text.split('"')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(|n| self.resolve(n))
                .collect()
        } else if text.is_empty() {
            Vec::new()
        } else {
            vec![self.resolve(text)]
        }
    }

    /// The OK button (or Enter): the chosen paths, or `None` when the browser stays open: a
    /// typed folder was opened instead, a file is missing, or replacing one needs a yes.
    pub fn choose(&mut self) -> Option<Vec<PathBuf>> {
        self.error = None;
        let named = self.named();
        if named.is_empty() {
            // With nothing typed, the listed folder is the one meant.
            if self.request == PathRequest::ExportFolder {
                return Some(vec![self.folder.clone()]);
            }
            self.error = Some(
                if self.saves() {
                    "Type a file name."
                } else {
                    "Select a file, or type its name."
                }
                .to_owned(),
            );
            return None;
        }
        // One folder typed or selected opens in the listing; Open articles may take folders
        // as part of a selection of several.
        if let [only] = named.as_slice()
            && only.is_dir()
            && !(self.request == PathRequest::OpenArticles && self.selected.len() > 1)
        {
            if self.request == PathRequest::ExportFolder && self.path.trim().is_empty() {
                return Some(vec![only.clone()]);
            }
            let only = only.clone();
            self.open_folder(&only);
            self.path.clear();
            return None;
        }
        if self.saves() {
            let target = named[0].clone();
            if target.parent().is_some_and(|p| !p.is_dir()) {
                self.error = Some(format!(
                    "There is no folder {}.",
                    target.parent().unwrap_or(&target).display()
                ));
                return None;
            }
            if target.exists() && self.confirm_replace.as_ref() != Some(&target) {
                self.error = Some(format!(
                    "{} already exists. Replace it?",
                    target.file_name().map_or_else(
                        || target.display().to_string(),
                        |n| n.to_string_lossy().into_owned()
                    )
                ));
                self.confirm_replace = Some(target);
                return None;
            }
            return Some(vec![target]);
        }
        if self.request == PathRequest::ExportFolder {
            return Some(named);
        }
        if let Some(missing) = named.iter().find(|p| !p.exists()) {
            self.error = Some(format!("There is no file {}.", missing.display()));
            return None;
        }
        if !self.multiple() {
            return Some(named.into_iter().take(1).collect());
        }
        Some(named)
    }

    /// Names in the typed path's folder that start with its last part, for completion; the
    /// folder is read again only when the text has changed.
    pub fn completions(&mut self) -> &[String] {
        if self
            .completed
            .as_ref()
            .is_none_or(|(text, _)| *text != self.path)
        {
            self.completed = Some((self.path.clone(), self.read_completions()));
        }
        self.completed
            .as_ref()
            .map_or(&[], |(_, names)| names.as_slice())
    }

    fn read_completions(&self) -> Vec<String> {
        let text = self.path.trim_start();
        if text.starts_with('"') {
            return Vec::new();
        }
        let (folder_part, prefix) = match text.rfind('/') {
            Some(slash) => (&text[..=slash], &text[slash + 1..]),
            None => ("", text),
        };
        let folder = if folder_part.is_empty() {
            self.folder.clone()
        } else {
            self.resolve(folder_part)
        };
        let Ok(items) = std::fs::read_dir(&folder) else {
            return Vec::new();
        };
        let prefix_lower = prefix.to_lowercase();
        let mut names: Vec<String> = items
            .filter_map(Result::ok)
            .take(MAX_ENTRIES)
            .filter_map(|item| {
                let name = item.file_name().to_string_lossy().into_owned();
                let hidden = name.starts_with('.') && !prefix.starts_with('.');
                let matches = name.to_lowercase().starts_with(&prefix_lower);
                (!hidden && matches && name != prefix).then(|| {
                    let folder = std::fs::metadata(item.path()).is_ok_and(|m| m.is_dir());
                    if folder {
                        format!("{folder_part}{name}/")
                    } else {
                        format!("{folder_part}{name}")
                    }
                })
            })
            .collect();
        names.sort_by_key(|n| n.to_lowercase());
        names
    }

    /// Tab in the path field: completes as far as every candidate agrees.
    pub fn complete(&mut self) {
        let candidates = self.completions().to_vec();
        let Some(first) = candidates.first() else {
            return;
        };
        let common = candidates.iter().skip(1).fold(first.clone(), |common, c| {
            common
                .chars()
                .zip(c.chars())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect()
        });
        if common.chars().count() > self.path.trim_start().chars().count() {
            self.path = common;
            self.confirm_replace = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "A.md", "notes.pdf", "work.json", ".hidden.txt"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join("reports")).unwrap();
        std::fs::write(dir.path().join("reports/c.txt"), "x").unwrap();
        dir
    }

    fn names(browser: &FileBrowser) -> Vec<&str> {
        browser.entries.iter().map(|e| e.name.as_str()).collect()
    }

    #[test]
    fn lists_folders_first_then_the_files_the_request_opens() {
        let dir = folder();
        let articles = FileBrowser::new(PathRequest::OpenArticles, dir.path(), None);
        assert_eq!(names(&articles), ["reports", "A.md", "b.txt"]);
        let workspaces = FileBrowser::new(PathRequest::OpenWorkspace, dir.path(), None);
        assert_eq!(names(&workspaces), ["reports", "work.json"]);
        let folders = FileBrowser::new(PathRequest::ExportFolder, dir.path(), None);
        assert_eq!(names(&folders), ["reports"]);
        let mut hidden = FileBrowser::new(PathRequest::OpenArticles, dir.path(), None);
        hidden.show_hidden = true;
        hidden.refresh();
        assert!(names(&hidden).contains(&".hidden.txt"));
    }

    #[test]
    fn several_articles_are_chosen_with_ctrl_and_shift() {
        let dir = folder();
        let mut browser = FileBrowser::new(PathRequest::OpenArticles, dir.path(), None);
        browser.click(1, ClickMode::default());
        browser.click(
            2,
            ClickMode {
                toggle: true,
                range: false,
            },
        );
        assert_eq!(browser.path, "\"A.md\" \"b.txt\"");
        let chosen = browser.choose().expect("two files chosen");
        assert_eq!(
            chosen,
            [browser.folder.join("A.md"), browser.folder.join("b.txt")]
        );
        browser.click(0, ClickMode::default());
        browser.click(
            2,
            ClickMode {
                toggle: false,
                range: true,
            },
        );
        assert_eq!(browser.selected.len(), 3, "shift selects the range");
        assert_eq!(
            browser.choose().unwrap().len(),
            3,
            "a folder among them loads too"
        );
    }

    #[test]
    fn a_workspace_is_one_file_and_a_folder_opens_in_the_listing() {
        let dir = folder();
        let mut browser = FileBrowser::new(PathRequest::OpenWorkspace, dir.path(), None);
        browser.click(0, ClickMode::default());
        browser.click(
            1,
            ClickMode {
                toggle: true,
                range: false,
            },
        );
        assert_eq!(browser.selected.len(), 1, "no multiple selection here");
        assert_eq!(browser.activate(0), None, "a double click opens the folder");
        assert!(browser.folder.ends_with("reports"));
        browser.up();
        browser.path = "reports".into();
        assert_eq!(browser.choose(), None);
        assert!(browser.folder.ends_with("reports"), "a typed folder opens");
        browser.path = "missing.json".into();
        assert_eq!(browser.choose(), None);
        assert!(browser.error.as_deref().unwrap().contains("no file"));
    }

    #[test]
    fn a_save_suggests_a_name_and_asks_before_replacing() {
        let dir = folder();
        let mut browser =
            FileBrowser::new(PathRequest::SaveAs, dir.path(), Some("review.json".into()));
        assert_eq!(browser.path, "review.json");
        assert_eq!(
            browser.choose(),
            Some(vec![browser.folder.join("review.json")])
        );
        browser.path = "work.json".into();
        assert_eq!(browser.choose(), None, "asks first");
        assert_eq!(browser.action_label(), "Replace");
        assert_eq!(
            browser.choose(),
            Some(vec![browser.folder.join("work.json")])
        );
        browser.path = "nowhere/x.json".into();
        assert_eq!(browser.choose(), None);
        assert!(browser.error.as_deref().unwrap().contains("no folder"));
    }

    #[test]
    fn tab_completes_names_and_folders() {
        let dir = folder();
        let mut browser = FileBrowser::new(PathRequest::OpenArticles, dir.path(), None);
        browser.path = "re".into();
        browser.complete();
        assert_eq!(browser.path, "reports/");
        browser.complete();
        assert_eq!(browser.path, "reports/c.txt", "then into the folder");
        browser.path = "w".into();
        assert_eq!(browser.completions(), ["work.json"]);
        browser.path = "zzz".into();
        browser.complete();
        assert_eq!(browser.path, "zzz", "nothing to complete");
    }

    #[test]
    fn an_unreadable_folder_keeps_the_listing_and_says_why() {
        let dir = folder();
        let mut browser = FileBrowser::new(PathRequest::OpenArticles, dir.path(), None);
        let before = browser.entries.clone();
        browser.open_folder(&dir.path().join("no such folder"));
        assert_eq!(browser.entries, before);
        assert!(browser.error.as_deref().unwrap().starts_with("Cannot open"));
    }

    #[test]
    fn arrow_keys_move_the_selection_and_shift_extends_it() {
        let dir = folder();
        let mut browser = FileBrowser::new(PathRequest::OpenArticles, dir.path(), None);
        browser.step(1, false);
        assert_eq!(browser.selected, BTreeSet::from([0]));
        browser.step(1, false);
        browser.step(1, false);
        browser.step(1, false);
        assert_eq!(browser.selected, BTreeSet::from([2]), "stops at the last");
        assert_eq!(browser.path, "b.txt");
        browser.step(-1, true);
        assert_eq!(browser.selected, BTreeSet::from([1, 2]), "Shift extends");
        assert_eq!(browser.path, "\"A.md\" \"b.txt\"");
        browser.step(-1, true);
        assert_eq!(browser.selected, BTreeSet::from([0, 1, 2]));
        browser.step(1, false);
        assert_eq!(
            browser.selected,
            BTreeSet::from([1]),
            "without Shift, one again"
        );
    }
}
