//! The workbench application: owns the session, the view state and the background jobs.
//! Panels read state and push [`Intent`]s; the app carries them out in one place, so every
//! change to the workspace is an `Action` and undo covers everything.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::Local;

use super::command::Command;
use super::file_browser::FileBrowser;
pub use super::intent::{Intent, PromptAnswer};
use super::jobs::{JobEvent, Jobs, SaveFailure, Task};
use super::notice::{MESSAGES_KEPT, Notice};
use super::panels;
use super::session::Session;
use super::settings::Settings;
use super::view_state::{AfterPrompt, CentralView, ExportTarget, PathRequest, Prompt, ViewState};
use crate::workspace::claim::{ClaimId, ClaimStatus};
use crate::workspace::persist::{FileVersion, Recovered};
use crate::workspace::{Action, ActionError, Effect, Workspace, persist};

/// How long changes rest before they are written to the recovery file.
const AUTOSAVE_DELAY: Duration = Duration::from_secs(3);
/// How long a frame may spend taking in background reports (loaded articles, mostly).
const DRAIN_BUDGET: Duration = Duration::from_millis(8);

/// Where the recovery file of an earlier session stands. Until the analyst has answered,
/// nothing autosaves: the recovery file may hold the only copy of a morning's review.
#[derive(Debug, Default)]
enum RecoveryState {
    /// Nothing to offer (none found, stale, or answered).
    #[default]
    Settled,
    /// Being read at start.
    Reading,
    /// Offered to the analyst, who has not answered yet.
    Offered(Box<Recovered>),
}

/// Where the workbench starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartWith {
    /// The last workspace, or the demo on the first start.
    Default,
    /// An empty workspace.
    Empty,
    /// The bundled sample articles.
    Demo,
    /// These articles, folders or a workspace file.
    Paths(Vec<PathBuf>),
}

const SETTINGS_KEY: &str = "crosscheck-settings";
const MAX_RECENT: usize = 8;

/// The workbench.
pub struct WorkbenchApp {
    /// The open workspace.
    pub session: Session,
    /// Selection, filters and open windows.
    pub view: ViewState,
    /// Background work.
    pub jobs: Jobs,
    /// Persistent settings.
    pub settings: Settings,
    /// Messages for the analyst, newest last.
    pub notices: Vec<Notice>,
    /// Caches for the panels.
    pub caches: panels::Caches,
    recovery_file: PathBuf,
    recovery: RecoveryState,
    /// The last autosave failure reported, so a failing disk is reported once, not every time.
    autosave_error: Option<String>,
    /// The workspace revision last seen and when it was first seen: any change (an action,
    /// undo, redo, a loaded article) restarts the autosave delay.
    last_change: Option<(u64, Instant)>,
    title: String,
    quitting: bool,
    /// The load of the demo, while the analyst has changed nothing: once it has loaded, the
    /// workspace has nothing to save.
    demo_untouched: Option<super::jobs::Generation>,
    /// Run after a save finishes (for "save, then quit").
    after_save: Option<AfterPrompt>,
}

impl WorkbenchApp {
    /// Creates the app inside eframe: fonts, settings, then what to open.
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, start: StartWith) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        Self::with_settings(&cc.egui_ctx, start, settings, default_recovery_file())
    }

    /// Creates the app with explicit settings and recovery file (tests use this).
    #[must_use]
    pub fn with_settings(
        ctx: &egui::Context,
        start: StartWith,
        settings: Settings,
        recovery_file: PathBuf,
    ) -> Self {
        super::fonts::install(ctx);
        let view = ViewState {
            visible_kinds: settings.visible_kinds,
            hide_boilerplate: settings.hide_boilerplate,
            ..ViewState::default()
        };
        let mut app = Self {
            session: Session::new(Workspace::new(uuid::Uuid::new_v4()), None),
            view,
            jobs: Jobs::new(ctx.clone()),
            settings,
            notices: Vec::new(),
            caches: panels::Caches::default(),
            recovery_file,
            recovery: RecoveryState::Settled,
            autosave_error: None,
            last_change: None,
            title: String::new(),
            quitting: false,
            demo_untouched: None,
            after_save: None,
        };
        app.start(start);
        app
    }

    fn load_demo(&mut self) {
        self.demo_untouched = Some(self.jobs.load_embedded(super::demo::samples()));
    }

    fn start(&mut self, start: StartWith) {
        let first_start = !self.settings.started_before;
        self.settings.started_before = true;
        match start {
            StartWith::Empty => {}
            StartWith::Demo => self.load_demo(),
            StartWith::Paths(paths) => {
                let (workspaces, articles): (Vec<PathBuf>, Vec<PathBuf>) =
                    paths.into_iter().partition(|p| {
                        p.extension()
                            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                    });
                if let Some(workspace) = workspaces.into_iter().next() {
                    self.jobs.open_workspace(workspace);
                }
                if !articles.is_empty() {
                    self.jobs.load_articles(articles);
                }
            }
            StartWith::Default => match self.settings.last_workspace.clone().filter(|p| p.exists())
            {
                Some(path) => self.jobs.open_workspace(path),
                None if first_start || self.settings.last_workspace.is_none() => {
                    self.load_demo();
                }
                None => {}
            },
        }
        // Read off the UI thread; it is offered when read, if newer than its workspace.
        if start_allows_recovery(&self.recovery_file) {
            self.recovery = RecoveryState::Reading;
            self.jobs.read_recovery(self.recovery_file.clone());
        }
    }

    /// Offers a recovery file just read, if it holds changes its workspace file lacks.
    fn offer_recovery(&mut self, recovered: Box<Recovered>) {
        let newer = recovered
            .recovers
            .as_ref()
            .is_none_or(|workspace| persist::recovery_is_newer(&self.recovery_file, workspace));
        if !newer {
            // Saved after it was written: the workspace file has everything.
            self.recovery = RecoveryState::Settled;
            return;
        }
        self.view.prompt = Some(Prompt::Recovery {
            recovers: recovered.recovers.clone(),
            claims: recovered.workspace.claims().len(),
            reviewed: recovered
                .workspace
                .claims()
                .filter(|c| c.status != ClaimStatus::Unreviewed)
                .count(),
        });
        self.recovery = RecoveryState::Offered(recovered);
    }

    /// Whether a recovery file waits for the analyst's answer (nothing may overwrite it).
    #[must_use]
    pub fn recovery_pending(&self) -> bool {
        !matches!(self.recovery, RecoveryState::Settled)
    }

    /// The analyst's name for status changes.
    #[must_use]
    pub fn analyst(&self) -> &str {
        &self.settings.analyst
    }

    fn notify(&mut self, text: impl Into<String>, error: bool) {
        self.notices.push(Notice {
            text: text.into(),
            error,
            at: chrono::Local::now(),
        });
        if self.notices.len() > MESSAGES_KEPT {
            self.notices.remove(0);
        }
    }

    /// Carries out one intent.
    pub fn handle(&mut self, ctx: &egui::Context, intent: Intent) {
        match intent {
            Intent::Run(command) => self.run(ctx, command),
            Intent::Apply(action) => self.apply(action),
            Intent::SelectClaim(id) => self.select_claim(id),
            Intent::ClearMessages => self.notices.clear(),
            Intent::ShowMessages => self.view.show_messages = true,
            Intent::SelectArticle(id) => {
                self.view.central = CentralView::Reader;
                self.view.article = Some(id);
                self.view.selection = None;
            }
            Intent::ShowMention(article, span) => {
                self.view.central = CentralView::Reader;
                self.view.article = Some(article.clone());
                self.view.selection = Some((article, span));
                self.view.scroll_to_offset = Some(span.start);
            }
            Intent::LoadPaths(paths) => self.jobs.load_articles(paths),
            Intent::Export(target, scope) => {
                self.caches.pending_export = Some((target, scope));
                self.view.show_export = false;
                self.pick(target.path_request());
            }
            Intent::CancelLoad => {
                if let Some(loading) = &self.jobs.loading {
                    loading
                        .cancel
                        .store(true, std::sync::atomic::Ordering::Relaxed);
                }
            }
            Intent::Answer(answer) => self.answer(ctx, answer),
            Intent::OpenRecent(path) => self.guard_unsaved(ctx, AfterPrompt::OpenFile(path)),
            Intent::Browse(request) => self.browse(request),
            Intent::Chose(request, paths) => {
                self.view.browser = None;
                self.use_picked(request, paths);
            }
        }
    }

    /// Applies an action, reporting a refusal instead of failing.
    pub fn apply(&mut self, action: Action) {
        self.demo_untouched = None;
        let label = action.label();
        match self.session.apply(action) {
            Ok(Effect::ClaimAdded(id)) => self.select_claim(id),
            Ok(Effect::Merged(report)) => {
                self.notify(
                    format!(
                        "Merged: {} claims matched, {} added, {} articles added, {} disputed.",
                        report.matched, report.added_claims, report.added_articles, report.disputed
                    ),
                    false,
                );
                if report.disputed > 0 {
                    self.view.central = CentralView::Adjudicate;
                }
            }
            Ok(
                Effect::ArticleAdded { .. }
                | Effect::Done
                | Effect::Corrected(_)
                | Effect::Reimported(_),
            ) => {}
            Err(error) => {
                let why = super::words::refusal(&error, &self.session.workspace);
                self.notify(format!("{label}: {why}"), true);
            }
        }
    }

    fn select_claim(&mut self, id: ClaimId) {
        self.view.claim_row = self
            .caches
            .claim_rows(&self.session.workspace, &self.view)
            .iter()
            .position(|row| *row == id);
        if let Some(claim) = self.session.workspace.claim(id) {
            self.view.central = CentralView::Reader;
            self.view.article = Some(claim.article.clone());
            self.view.claim = Some(id);
            self.view.scroll_to_claim = true;
            self.view.scroll_table_to_claim = true;
            self.view.selection = None;
        }
    }

    fn set_status(&mut self, status: ClaimStatus) {
        let Some(claim) = self.view.claim else {
            self.notify("Select a claim first (J/K or click one).", false);
            return;
        };
        let at = Local::now().fixed_offset();
        self.apply(Action::SetStatus {
            claim,
            status,
            analyst: self.settings.analyst.clone(),
            at,
        });
    }

    /// Runs a command.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::NewWorkspace => self.guard_unsaved(ctx, AfterPrompt::NewWorkspace),
            Command::OpenArticles => self.pick(PathRequest::OpenArticles),
            Command::OpenFolder => self.jobs.pick_folder(),
            Command::OpenWorkspace => self.guard_unsaved(ctx, AfterPrompt::OpenWorkspace),
            Command::MergeWorkspace => self.pick(PathRequest::MergeWorkspaces),
            Command::Save => match self.session.path.clone() {
                Some(path) => self.save_to(path),
                None => self.pick(PathRequest::SaveAs),
            },
            Command::SaveAs => self.pick(PathRequest::SaveAs),
            Command::Export => self.view.show_export = true,
            Command::Quit => self.guard_unsaved(ctx, AfterPrompt::Quit),
            Command::Undo => {
                self.demo_untouched = None;
                if let Some(label) = self.session.undo() {
                    self.notify(format!("Undid: {label}"), false);
                }
            }
            Command::Redo => {
                self.demo_untouched = None;
                if let Some(label) = self.session.redo() {
                    self.notify(format!("Redid: {label}"), false);
                }
            }
            Command::NextClaim => self.step_claim(1),
            Command::PreviousClaim => self.step_claim(-1),
            Command::Confirm => self.set_status(ClaimStatus::Confirmed),
            Command::MarkUnconfirmed => self.set_status(ClaimStatus::Unconfirmed),
            Command::MarkUnreviewed => self.set_status(ClaimStatus::Unreviewed),
            Command::FocusNote => self.view.focus_note = true,
            Command::DeleteClaim => self.delete_selected_claim(),
            Command::Find => self.view.focus_filter = true,
            Command::Help => self.view.show_help = !self.view.show_help,
            Command::ShowReader => self.view.central = CentralView::Reader,
            Command::ShowFigures => self.view.central = CentralView::Figures,
            Command::ShowSources => self.view.central = CentralView::Sources,
            Command::ShowEntities => self.view.central = CentralView::Entities,
            Command::ShowTimeline => self.view.central = CentralView::Timeline,
            Command::ShowAdjudicate => self.view.central = CentralView::Adjudicate,
            Command::TakeFirstPosition => self.take_position(0),
            Command::TakeSecondPosition => self.take_position(1),
            Command::TakeThirdPosition => self.take_position(2),
        }
    }

    /// J/K: the next or previous claim in the claims table's current order.
    /// Deletes the selected claim and selects the one after it in the table (or before it,
    /// for the last), so Delete can be pressed again as J would step.
    fn delete_selected_claim(&mut self) {
        let Some(claim) = self.view.claim else {
            self.notify("Select a claim first (J/K or click one).", false);
            return;
        };
        let neighbour = {
            let rows = self.caches.claim_rows(&self.session.workspace, &self.view);
            rows.iter().position(|r| *r == claim).and_then(|p| {
                rows.get(p + 1)
                    .or_else(|| p.checked_sub(1).and_then(|q| rows.get(q)))
                    .copied()
            })
        };
        self.apply(Action::DeleteClaim { claim });
        if self.session.workspace.claim(claim).is_none() {
            self.view.claim = None;
            if let Some(next) = neighbour {
                self.select_claim(next);
            }
            self.notify(format!("Deleted {claim}; Ctrl+Z brings it back."), false);
        }
    }

    /// Adjudicates the selected disputed claim as the `n`-th analyst reviewed it.
    fn take_position(&mut self, n: usize) {
        let chosen = self
            .view
            .claim
            .and_then(|id| self.session.workspace.claim(id))
            .filter(|claim| claim.is_disputed())
            .and_then(|claim| Some((claim.id, claim.dispute.as_ref()?.positions.get(n)?.clone())));
        let Some((claim, position)) = chosen else {
            // Elsewhere 1, 2, 3 mean nothing unless a disputed claim is selected.
            if self.view.central == CentralView::Adjudicate {
                self.notify("Select a disputed claim first (J/K or click one).", false);
            }
            return;
        };
        self.apply(Action::Adjudicate {
            claim,
            status: position.status,
            grades: position.grades,
            speaker: position.speaker,
            analyst: self.settings.analyst.clone(),
            at: Local::now().fixed_offset(),
        });
        // On to the next dispute.
        if self.view.central == CentralView::Adjudicate {
            self.view.claim = self
                .session
                .workspace
                .disputed_claims()
                .next()
                .map(|c| c.id);
        }
    }

    fn step_claim(&mut self, step: isize) {
        if self.view.central == CentralView::Adjudicate {
            self.step_dispute(step);
            return;
        }
        let rows = self.caches.claim_rows(&self.session.workspace, &self.view);
        // The selected claim may have left the filtered list (tagged while "Unreviewed" is
        // shown): the claim after it now stands in its row.
        let left_row = self.view.claim.and(self.view.claim_row);
        if let Some(next) = stepped(rows, self.view.claim, left_row, step) {
            self.select_claim(next);
        }
    }

    /// J/K in the Adjudicate view: the next or previous disputed claim.
    fn step_dispute(&mut self, step: isize) {
        let disputed: Vec<ClaimId> = self
            .session
            .workspace
            .disputed_claims()
            .map(|c| c.id)
            .collect();
        if let Some(next) = stepped(&disputed, self.view.claim, None, step) {
            self.view.claim = Some(next);
        }
    }

    fn guard_unsaved(&mut self, ctx: &egui::Context, then: AfterPrompt) {
        if self.session.is_dirty() {
            self.view.prompt = Some(Prompt::UnsavedChanges(then));
        } else {
            self.proceed(ctx, then);
        }
    }

    fn proceed(&mut self, ctx: &egui::Context, then: AfterPrompt) {
        match then {
            AfterPrompt::Quit => {
                self.quitting = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            AfterPrompt::NewWorkspace => {
                self.replace_session(Session::new(Workspace::new(uuid::Uuid::new_v4()), None));
            }
            AfterPrompt::OpenWorkspace => self.pick(PathRequest::OpenWorkspace),
            AfterPrompt::OpenFile(path) => self.jobs.open_workspace(path),
        }
    }

    fn answer(&mut self, ctx: &egui::Context, answer: PromptAnswer) {
        let prompt = self.view.prompt.take();
        match (prompt, answer) {
            (Some(Prompt::UnsavedChanges(then)), PromptAnswer::Save) => {
                self.after_save = Some(then);
                self.run(ctx, Command::Save);
            }
            (Some(Prompt::UnsavedChanges(then)), PromptAnswer::Discard) => {
                if !self.recovery_pending() {
                    self.discard_recovery_file();
                }
                let version = self.session.version.clone();
                self.session =
                    Session::new(self.session.workspace.clone(), self.session.path.clone());
                self.session.version = version;
                self.proceed(ctx, then);
            }
            (Some(Prompt::Recovery { .. }), PromptAnswer::Restore) => self.restore_recovery(),
            (Some(Prompt::Recovery { .. }), _) => {
                self.recovery = RecoveryState::Settled;
                self.discard_recovery_file();
                self.notify("Discarded the recovery file.", false);
            }
            (Some(Prompt::ChangedOnDisk(path)), PromptAnswer::Reload) => {
                self.jobs.open_workspace(path);
            }
            (Some(Prompt::ChangedOnDisk(path)), PromptAnswer::MergeWithDisk) => {
                self.jobs
                    .read_for_merge(vec![path], self.session.workspace.clone());
            }
            (Some(Prompt::ChangedOnDisk(_)), PromptAnswer::SaveAs) => {
                self.run(ctx, Command::SaveAs);
            }
            (Some(Prompt::ChangedOnDisk(_)), PromptAnswer::Cancel) => self.after_save = None,
            _ => {}
        }
    }

    /// Makes the offered recovery file the open workspace, marked unsaved, in place of
    /// whatever started loading meanwhile.
    fn restore_recovery(&mut self) {
        let RecoveryState::Offered(recovered) = std::mem::take(&mut self.recovery) else {
            return;
        };
        self.jobs.supersede_loads();
        let Recovered {
            workspace,
            recovers,
        } = *recovered;
        let mut session = Session::new(workspace, recovers.clone());
        // Saving over the workspace file is what restoring means: expect it as it is now.
        session.version = recovers.as_deref().and_then(FileVersion::current);
        session.mark_dirty();
        self.replace_session(session);
        if let Some(path) = &recovers {
            self.remember_workspace(path);
        }
        // Written again at once, so the recovery file keeps up with what is open.
        self.last_change = Some((self.session.workspace.revision(), Instant::now()));
        self.session.autosaved_revision = u64::MAX;
        self.notify(
            "Restored the unsaved changes from the recovery file; save to keep them.",
            false,
        );
    }

    fn discard_recovery_file(&mut self) {
        if let Err(error) = persist::discard_recovery(&self.recovery_file) {
            self.notify(
                format!(
                    "The recovery file {} could not be deleted: {error}",
                    self.recovery_file.display()
                ),
                true,
            );
        }
    }

    fn replace_session(&mut self, session: Session) {
        self.session = session;
        // A question still waiting (a recovery file found at start) outlives the swap.
        self.view = ViewState {
            visible_kinds: self.view.visible_kinds,
            hide_boilerplate: self.view.hide_boilerplate,
            prompt: self.view.prompt.take(),
            ..ViewState::default()
        };
        self.caches = panels::Caches::default();
        self.view.article = self
            .session
            .workspace
            .articles()
            .next()
            .map(|a| a.article.id.clone());
    }

    fn save_to(&mut self, path: PathBuf) {
        if self.jobs.is_running(Task::Save) {
            self.notify("A save is already running.", false);
            return;
        }
        // Over the file this session read, only if nobody has written it since.
        let opened = if self.session.path.as_ref() == Some(&path) {
            self.session.version.clone()
        } else {
            None
        };
        self.jobs.save(self.session.workspace.clone(), path, opened);
    }

    /// Asks for paths for `purpose` in the desktop's file dialog (where there is none, the
    /// in-app browser), starting in the folder [`Self::start_folder`] gives, with the name a
    /// save or an export proposes.
    fn pick(&mut self, purpose: PathRequest) {
        let suggested = self.suggested_name(purpose);
        let folder = self.start_folder();
        self.jobs.pick(purpose, folder.as_deref(), suggested);
    }

    /// The workspace's folder, else the folder last chosen from.
    fn start_folder(&self) -> Option<PathBuf> {
        self.session
            .path
            .as_deref()
            .and_then(Path::parent)
            .filter(|p| p.is_dir())
            .map(Path::to_path_buf)
            .or_else(|| self.settings.last_browsed.clone().filter(|p| p.is_dir()))
    }

    /// Opens the in-app file browser for `purpose`: in the workspace's folder (else the
    /// folder last browsed, else home), with the name a save or an export proposes.
    fn browse(&mut self, purpose: PathRequest) {
        let folder = self
            .start_folder()
            .or_else(|| std::env::var_os("HOME").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("."));
        let suggested = self.suggested_name(purpose);
        self.view.browser = Some(FileBrowser::new(purpose, &folder, suggested));
    }

    /// The file name a save or an export proposes: the workspace's own name, and for an
    /// export that name with what the export holds.
    fn suggested_name(&self, purpose: PathRequest) -> Option<String> {
        let stem = self
            .session
            .path
            .as_deref()
            .and_then(Path::file_stem)
            .map_or_else(
                || "workspace".to_owned(),
                |s| s.to_string_lossy().into_owned(),
            );
        match purpose {
            PathRequest::SaveAs => Some(format!("{stem}.json")),
            PathRequest::Export => match self.caches.pending_export {
                Some((ExportTarget::File(format), _)) => {
                    Some(format!("{stem}-claims.{}", format.extension()))
                }
                _ => None,
            },
            _ => None,
        }
    }

    fn use_picked(&mut self, purpose: PathRequest, paths: Vec<PathBuf>) {
        if let Some(folder) = paths.first().and_then(|p| {
            if p.is_dir() {
                Some(p.as_path())
            } else {
                p.parent()
            }
        }) {
            self.settings.last_browsed = Some(folder.to_path_buf());
        }
        let Some(first) = paths.first().cloned() else {
            return;
        };
        match purpose {
            PathRequest::OpenArticles => self.jobs.load_articles(paths),
            PathRequest::OpenWorkspace => self.jobs.open_workspace(first),
            PathRequest::MergeWorkspaces => self
                .jobs
                .read_for_merge(paths, self.session.workspace.clone()),
            PathRequest::SaveAs => self.save_to(with_extension(first, "json")),
            PathRequest::Export | PathRequest::ExportFolder => {
                let Some((target, scope)) = self.caches.pending_export.take() else {
                    return;
                };
                if self.jobs.is_running(Task::Export) {
                    self.notify(
                        "An export is already running; try again when it is done.",
                        true,
                    );
                    return;
                }
                let workspace = self.session.workspace.clone();
                match target {
                    ExportTarget::File(format) => {
                        let path = with_extension(first, format.extension());
                        self.jobs.export(workspace, format, scope, path);
                    }
                    ExportTarget::BratFolder => self.jobs.export_brat(workspace, scope, first),
                }
            }
        }
    }

    fn remember_workspace(&mut self, path: &Path) {
        self.settings.last_workspace = Some(path.to_owned());
        self.settings.recent.retain(|p| p != path);
        self.settings.recent.insert(0, path.to_owned());
        self.settings.recent.truncate(MAX_RECENT);
    }

    /// Handles what background jobs reported.
    fn drain_jobs(&mut self, ctx: &egui::Context) {
        // Thousands of articles may be waiting: take what fits in a frame and leave the rest
        // for the next, so the window keeps drawing and answering while a big load lands.
        let started = Instant::now();
        while started.elapsed() < DRAIN_BUDGET {
            let Some(event) = self.jobs.next_event() else {
                break;
            };
            match event {
                JobEvent::ArticleLoaded(_, analyzed) => {
                    let id = analyzed.article.id.clone();
                    let title = analyzed.article.display_title();
                    match self.session.apply(Action::AddArticle(analyzed)) {
                        Ok(_) => {
                            if self.view.article.is_none() {
                                self.view.article = Some(id);
                            }
                        }
                        Err(ActionError::DuplicateArticle(_)) => self.notify(
                            format!("“{title}” is already in the workspace (the same text)"),
                            false,
                        ),
                        Err(error) => {
                            let why = super::words::refusal(&error, &self.session.workspace);
                            self.notify(format!("{title}: {why}"), true);
                        }
                    }
                }
                JobEvent::LoadFailed(_, message) => self.notify(message, true),
                JobEvent::LoadWarning(_, message) => self.notify(message, false),
                JobEvent::ReadForMerge(result) => match result {
                    Ok((files, measured, versions)) => {
                        self.view.last_agreement = Some(*measured);
                        // Merging in the workspace's own file as it is now on disk: the next
                        // save writes over that version, which this merge has seen.
                        if let Some(path) = &self.session.path
                            && let Some((_, version)) = versions.iter().find(|(p, _)| p == path)
                        {
                            self.session.version = Some(version.clone());
                        }
                        self.apply(Action::Merge(files));
                    }
                    Err(message) => self.notify(message, true),
                },
                JobEvent::RecoveryRead(result) => match result {
                    Ok(recovered) => self.offer_recovery(recovered),
                    Err(error) => {
                        self.recovery = RecoveryState::Settled;
                        self.notify(
                            format!("The recovery file could not be read: {error}"),
                            true,
                        );
                    }
                },
                JobEvent::LoadFinished {
                    generation,
                    cancelled,
                } => {
                    let demo = self.demo_untouched.take_if(|demo| *demo == generation);
                    if cancelled {
                        self.notify("Loading cancelled; the articles loaded so far stay.", false);
                    } else if demo.is_some() && self.session.path.is_none() {
                        // The bundled demo, as it loaded: quitting it asks nothing.
                        self.session.mark_untouched();
                    }
                }
                JobEvent::WorkspaceOpened { path, result, .. } => match result {
                    Ok(opened) => {
                        let (workspace, version) = *opened;
                        let mut session = Session::new(workspace, Some(path.clone()));
                        session.version = Some(version);
                        self.replace_session(session);
                        self.remember_workspace(&path);
                        self.notify(format!("Opened {}", path.display()), false);
                    }
                    Err(error) => self.notify(error, true),
                },
                JobEvent::Saved {
                    path,
                    revision,
                    result,
                } => match result {
                    Ok(version) => {
                        self.session.mark_saved(path.clone(), revision, version);
                        self.remember_workspace(&path);
                        // Changes made while the save ran are still only in the recovery file;
                        // an unanswered recovery file is the analyst's to decide on.
                        if !self.session.is_dirty() && !self.recovery_pending() {
                            self.discard_recovery_file();
                        }
                        self.notify(format!("Saved {}", path.display()), false);
                        if let Some(then) = self.after_save.take() {
                            self.proceed(ctx, then);
                        }
                    }
                    Err(SaveFailure::ChangedOnDisk(message)) => {
                        self.notify(format!("Not saved: {message}"), true);
                        self.view.prompt = Some(Prompt::ChangedOnDisk(path));
                    }
                    Err(SaveFailure::Other(error)) => {
                        self.after_save = None;
                        self.notify(format!("Not saved: {error}"), true);
                    }
                },
                JobEvent::Autosaved(result) => {
                    match result {
                        Ok(()) => self.autosave_error = None,
                        // Reported once: the analyst must know their work is not protected.
                        Err(error) if self.autosave_error.as_ref() != Some(&error) => {
                            self.notify(format!("Autosave failed: {error}"), true);
                            self.autosave_error = Some(error);
                        }
                        Err(_) => {}
                    }
                    // A recovery write that was under way when the workspace was saved lands
                    // after the save discarded the old one: a clean session needs none.
                    if !self.session.is_dirty() && !self.recovery_pending() {
                        self.discard_recovery_file();
                    }
                }
                JobEvent::Compared { revision, data } => {
                    self.caches.crosscheck = Some((revision, std::sync::Arc::from(data)));
                }
                JobEvent::Exported { path, result } => match result {
                    Ok(what) => {
                        self.notify(format!("Exported {what} to {}", path.display()), false);
                    }
                    Err(error) => self.notify(
                        format!("Export to {} failed: {error}", path.display()),
                        true,
                    ),
                },
                JobEvent::Picked {
                    purpose,
                    paths,
                    no_dialog_service,
                } => {
                    if no_dialog_service {
                        self.browse(purpose);
                    } else {
                        self.use_picked(purpose, paths);
                    }
                }
            }
        }
        if started.elapsed() >= DRAIN_BUDGET {
            // Reports are still waiting: draw the next frame at once to take more.
            ctx.request_repaint();
        }
    }

    /// Notes when the workspace last changed, whatever changed it.
    fn note_change(&mut self) {
        let revision = self.session.workspace.revision();
        if self.last_change.is_none_or(|(seen, _)| seen != revision) {
            self.last_change = Some((revision, Instant::now()));
        }
    }

    /// Writes the recovery file once changes have rested a moment.
    fn autosave_if_due(&mut self) {
        let Some((revision, at)) = self.last_change else {
            return;
        };
        // One write at a time, so an older copy never lands over a newer one; and never over
        // a recovery file the analyst has not answered for.
        if at.elapsed() < AUTOSAVE_DELAY
            || self.recovery_pending()
            || self.jobs.is_running(Task::Autosave)
            || revision == self.session.autosaved_revision
            || !self.session.is_dirty()
        {
            return;
        }
        self.session.autosaved_revision = revision;
        self.jobs.autosave(
            self.session.workspace.clone(),
            self.recovery_file.clone(),
            self.session.path.clone(),
        );
    }

    /// Recomputes the cross-check data when a cross-check view shows an outdated revision.
    fn compare_if_needed(&mut self) {
        let revision = self.session.workspace.revision();
        let current = self
            .caches
            .crosscheck
            .as_ref()
            .is_some_and(|(r, _)| *r == revision);
        if self.view.central != CentralView::Reader
            && !current
            && !self.jobs.is_running(Task::Compare)
            && self.jobs.loading.is_none()
        {
            self.jobs.compare(self.session.workspace.clone());
        }
    }

    /// Whether an autosave has caught up with the latest change.
    #[must_use]
    pub fn autosave_state(&self) -> &'static str {
        if !self.session.is_dirty() {
            "nothing to recover"
        } else if self.session.autosaved_revision == self.session.workspace.revision() {
            "recovery file up to date"
        } else {
            "changes not yet in the recovery file"
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let dirty = if self.session.is_dirty() { " •" } else { "" };
        let title = format!("{}{dirty} — Crosscheck", self.session.display_name());
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && !self.quitting
            && self.session.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.view.prompt = Some(Prompt::UnsavedChanges(AfterPrompt::Quit));
        }
    }

    /// Draws one frame and carries out what the analyst asked for.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.drain_jobs(&ctx);
        self.handle_close_request(&ctx);
        // While a question is open, the keyboard answers it, not the workbench.
        let mut intents: Vec<Intent> = if self.view.prompt.is_some() || self.view.browser.is_some()
        {
            Vec::new()
        } else {
            Command::pressed(&ctx)
                .into_iter()
                .map(Intent::Run)
                .collect()
        };
        intents.extend(dropped_files(&ctx).map(Intent::LoadPaths));
        let autosave = self.autosave_state();
        let workbench = panels::Workbench {
            session: &self.session,
            view: &mut self.view,
            caches: &mut self.caches,
            settings: &mut self.settings,
            jobs: &self.jobs,
            notices: &self.notices,
            autosave,
        };
        panels::workbench_ui(ui, workbench, &mut intents);
        for intent in intents {
            self.handle(&ctx, intent);
        }
        self.settings.visible_kinds = self.view.visible_kinds;
        self.settings.hide_boilerplate = self.view.hide_boilerplate;
        self.note_change();
        self.autosave_if_due();
        self.compare_if_needed();
        self.update_title(&ctx);
        if self
            .last_change
            .is_some_and(|(_, at)| at.elapsed() < AUTOSAVE_DELAY)
            || self.jobs.loading.is_some()
        {
            ctx.request_repaint_after(Duration::from_millis(500));
        }
    }

    /// The title the window shows.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }
}

impl eframe::App for WorkbenchApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}

/// Files and folders dropped on the window this frame.
fn dropped_files(ctx: &egui::Context) -> Option<Vec<PathBuf>> {
    let paths: Vec<PathBuf> = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| !p.as_os_str().is_empty())
            .collect()
    });
    (!paths.is_empty()).then_some(paths)
}

fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(extension)
    }
}

/// A recovery file that cannot even be opened is not worth offering.
fn start_allows_recovery(recovery: &Path) -> bool {
    std::fs::metadata(recovery).is_ok_and(|m| m.len() > 0)
}

/// `$XDG_STATE_HOME/crosscheck/recovery.json`, else `~/.local/state/crosscheck/recovery.json`.
#[must_use]
pub fn default_recovery_file() -> PathBuf {
    let state = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/state")))
        .unwrap_or_else(std::env::temp_dir);
    state.join("crosscheck").join("recovery.json")
}

/// The claim `step` rows from `current` in `rows`, clamped to the ends. A `current` not in
/// `rows` that stood at `left_row` is taken to have left it there: forward lands on the claim
/// now in that row, back on the one before. With neither, forward starts at the top and back
/// at the bottom.
fn stepped(
    rows: &[ClaimId],
    current: Option<ClaimId>,
    left_row: Option<usize>,
    step: isize,
) -> Option<ClaimId> {
    let last = rows.len().checked_sub(1)?;
    let position = current.and_then(|c| rows.iter().position(|r| *r == c));
    let next = match (position, left_row) {
        (Some(p), _) => p.saturating_add_signed(step).min(last),
        (None, Some(row)) if step > 0 => row.min(last),
        (None, Some(row)) => row.saturating_sub(1).min(last),
        (None, None) if step > 0 => 0,
        (None, None) => last,
    };
    Some(rows[next])
}
