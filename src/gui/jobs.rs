//! Work that must not run on the UI thread: loading and analysing articles (with progress and
//! cancel), opening and saving workspace files, and native file dialogs. Each job runs on its
//! own thread and reports through one channel; the UI drains it every frame.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use super::view_state::PathRequest;
use super::words::counted;
use crate::agreement::{Agreement, Rater, agreement};
use crate::article::{Article, collect_article_paths};
use crate::export::{ExportFormat, Scope};
use crate::workspace::persist::{FileVersion, Recovered, SaveError};
use crate::workspace::{AnalyzedArticle, MergedFile, Workspace, persist};

/// A dialog that answers faster than this was never shown: the system has no dialog service.
const NO_DIALOG_SERVICE: Duration = Duration::from_millis(250);

/// Which load a report belongs to: a load started later (or a restored recovery file)
/// makes the reports of an earlier one stale.
pub type Generation = u64;

/// Workspace files read to be merged in: the files, how far they agree with the open
/// workspace, and the version of each file read.
pub type MergeRead = (Vec<MergedFile>, Box<Agreement>, Vec<(PathBuf, FileVersion)>);

/// What a job reports.
pub enum JobEvent {
    /// One article is loaded and analysed.
    ArticleLoaded(Generation, Box<AnalyzedArticle>),
    /// One file could not be loaded; the message names it.
    LoadFailed(Generation, String),
    /// Something about a file the analyst should know (it was loaded).
    LoadWarning(Generation, String),
    /// A loading job ended (all files done, or cancelled).
    LoadFinished {
        /// The load.
        generation: Generation,
        /// Whether the analyst cancelled it.
        cancelled: bool,
    },
    /// A workspace file was read.
    WorkspaceOpened {
        /// The load.
        generation: Generation,
        /// The file.
        path: PathBuf,
        /// The workspace and the version of the file read, or why it could not be opened.
        result: Result<Box<(Workspace, FileVersion)>, String>,
    },
    /// The recovery file was read at start.
    RecoveryRead(Result<Box<Recovered>, String>),
    /// Workspace files were read to be merged in, with how far they agree with this one.
    ReadForMerge(Result<MergeRead, String>),
    /// The recovery file was written, or could not be.
    Autosaved(Result<(), String>),
    /// A save finished.
    Saved {
        /// The file.
        path: PathBuf,
        /// The revision that was saved.
        revision: u64,
        /// The version written, or why not.
        result: Result<Option<FileVersion>, SaveFailure>,
    },
    /// The cross-check data for a workspace revision is ready.
    Compared {
        /// The revision it was computed from.
        revision: u64,
        /// Figure groups, chains, entity index, timeline.
        data: Box<crate::compare::CrossCheck>,
    },
    /// An export finished.
    Exported {
        /// The file written.
        path: PathBuf,
        /// What was written (`12 claims`), or why it failed.
        result: Result<String, String>,
    },
    /// A file dialog answered.
    Picked {
        /// What the paths are for.
        purpose: PathRequest,
        /// The chosen paths (empty when cancelled).
        paths: Vec<PathBuf>,
        /// Whether the answer came too fast for a dialog to have been shown.
        no_dialog_service: bool,
    },
}

/// Why a save did not happen.
#[derive(Debug, Clone)]
pub enum SaveFailure {
    /// The file changed on disk since it was opened; the analyst chooses what to do.
    ChangedOnDisk(String),
    /// Anything else, in words.
    Other(String),
}

impl std::fmt::Display for SaveFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::ChangedOnDisk(message) | Self::Other(message) => f.write_str(message),
        }
    }
}

/// Progress of the running load.
#[derive(Clone, Default)]
pub struct LoadProgress {
    /// Files finished.
    pub done: Arc<AtomicUsize>,
    /// Files found.
    pub total: Arc<AtomicUsize>,
    /// Set to stop after the current file.
    pub cancel: Arc<AtomicBool>,
}

impl LoadProgress {
    /// `(done, total)`.
    #[must_use]
    pub fn counts(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}

/// What a load reports, before it is stamped with its generation.
enum LoadReport {
    Loaded(Box<AnalyzedArticle>),
    Failed(String),
    Warning(String),
}

impl LoadReport {
    fn into_event(self, generation: Generation) -> JobEvent {
        match self {
            Self::Loaded(article) => JobEvent::ArticleLoaded(generation, article),
            Self::Failed(message) => JobEvent::LoadFailed(generation, message),
            Self::Warning(message) => JobEvent::LoadWarning(generation, message),
        }
    }
}

/// A job of which at most one runs at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    /// Saving the workspace to the user's file.
    Save,
    /// Writing the recovery file.
    Autosave,
    /// A native file dialog.
    Dialog,
    /// Computing the cross-check views' data.
    Compare,
    /// Writing an export file.
    Export,
    /// Reading the recovery file at start.
    ReadRecovery,
}

/// The job runner.
pub struct Jobs {
    sender: Sender<JobEvent>,
    receiver: Receiver<JobEvent>,
    ctx: egui::Context,
    /// The load in progress, if any.
    pub loading: Option<LoadProgress>,
    /// The workspace file being opened, if any.
    pub opening: Option<PathBuf>,
    /// The current load; reports of older ones are dropped.
    generation: Generation,
    /// The single-instance jobs under way.
    running: Vec<Task>,
}

impl Jobs {
    /// A runner that wakes `ctx` whenever a job reports.
    #[must_use]
    pub fn new(ctx: egui::Context) -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            ctx,
            loading: None,
            opening: None,
            generation: 0,
            running: Vec::new(),
        }
    }

    /// Whether a `task` is under way.
    #[must_use]
    pub fn is_running(&self, task: Task) -> bool {
        self.running.contains(&task)
    }

    /// Whether any background work is under way.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        self.loading.is_some() || self.opening.is_some() || !self.running.is_empty()
    }

    fn started(&mut self, task: Task) {
        self.running.push(task);
    }

    fn finished(&mut self, task: Task) {
        if let Some(at) = self.running.iter().position(|&t| t == task) {
            self.running.swap_remove(at);
        }
    }

    /// The next report that has arrived, skipping those of superseded loads; `None` when
    /// there is none yet. Taken one at a time, so the window can stop when its frame is full.
    pub fn next_event(&mut self) -> Option<JobEvent> {
        let current = self.generation;
        loop {
            let event = self.receiver.try_recv().ok()?;
            let stale = match &event {
                JobEvent::ArticleLoaded(generation, _)
                | JobEvent::LoadFailed(generation, _)
                | JobEvent::LoadWarning(generation, _) => *generation != current,
                JobEvent::LoadFinished { generation, .. } => {
                    // Only the current load's end clears the progress bar.
                    if *generation == current {
                        self.loading = None;
                    }
                    *generation != current
                }
                JobEvent::WorkspaceOpened { generation, .. } => {
                    if *generation == current {
                        self.opening = None;
                    }
                    *generation != current
                }
                JobEvent::Saved { .. } => {
                    self.finished(Task::Save);
                    false
                }
                JobEvent::Autosaved(_) => {
                    self.finished(Task::Autosave);
                    false
                }
                JobEvent::Picked { .. } | JobEvent::ReadForMerge(_) => {
                    self.finished(Task::Dialog);
                    false
                }
                JobEvent::Compared { .. } => {
                    self.finished(Task::Compare);
                    false
                }
                JobEvent::Exported { .. } => {
                    self.finished(Task::Export);
                    false
                }
                JobEvent::RecoveryRead(_) => {
                    self.finished(Task::ReadRecovery);
                    false
                }
            };
            if !stale {
                return Some(event);
            }
        }
    }

    /// Stops the running load and the workspace being opened, and drops whatever they still
    /// report: the workspace they were meant for has been replaced.
    pub fn supersede_loads(&mut self) {
        if let Some(running) = self.loading.take() {
            running.cancel.store(true, Ordering::Relaxed);
        }
        self.opening = None;
        self.generation += 1;
    }

    fn spawn(
        &self,
        name: &str,
        job: impl FnOnce(Sender<JobEvent>, egui::Context) + Send + 'static,
    ) {
        let sender = self.sender.clone();
        let ctx = self.ctx.clone();
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || job(sender, ctx))
            .expect("the system can start a thread");
    }

    /// Loads and analyses the articles in `paths` (files or folders).
    pub fn load_articles(&mut self, paths: Vec<PathBuf>) {
        self.load(move |progress, report| {
            let found = collect_article_paths(&paths);
            for error in found.errors {
                report(LoadReport::Failed(error.to_string()));
            }
            if let Some(revisits) = found.revisits {
                report(LoadReport::Warning(revisits.to_string()));
            }
            progress.total.store(found.files.len(), Ordering::Relaxed);
            found
                .files
                .into_iter()
                .map(|file| Box::new(move || Article::load(&file)) as Box<dyn FnOnce() -> _ + Send>)
                .collect()
        });
    }

    /// Loads articles given as bytes (the bundled demo).
    /// Loads embedded article files (the demo); returns the load's generation.
    pub fn load_embedded(&mut self, files: Vec<(PathBuf, &'static [u8])>) -> Generation {
        self.load(move |progress, _| {
            progress.total.store(files.len(), Ordering::Relaxed);
            files
                .into_iter()
                .map(|(path, bytes)| {
                    Box::new(move || Article::from_bytes(&path, bytes))
                        as Box<dyn FnOnce() -> _ + Send>
                })
                .collect()
        })
    }

    #[allow(clippy::type_complexity)] // a list of deferred loads, read once here
    fn load(
        &mut self,
        plan: impl FnOnce(
            &LoadProgress,
            &dyn Fn(LoadReport),
        )
            -> Vec<Box<dyn FnOnce() -> Result<Article, crate::article::LoadError> + Send>>
        + Send
        + 'static,
    ) -> Generation {
        if let Some(running) = &self.loading {
            running.cancel.store(true, Ordering::Relaxed);
        }
        self.generation += 1;
        let generation = self.generation;
        let progress = LoadProgress::default();
        self.loading = Some(progress.clone());
        self.spawn("load articles", move |sender, ctx| {
            let report = |report: LoadReport| {
                tell(&sender, report.into_event(generation));
                ctx.request_repaint();
            };
            let loads = plan(&progress, &report);
            let mut cancelled = false;
            for load in loads {
                if progress.cancel.load(Ordering::Relaxed) {
                    cancelled = true;
                    break;
                }
                match load() {
                    Ok(article) => {
                        let name = article.path.display().to_string();
                        if let Some(repair) = article.repair {
                            report(LoadReport::Warning(format!("{name}: {repair}")));
                        }
                        // One text that trips a defect never stops the others.
                        match AnalyzedArticle::analyze(article) {
                            Ok(analyzed) => report(LoadReport::Loaded(Box::new(analyzed))),
                            Err(failure) => {
                                report(LoadReport::Failed(format!("{name}: {failure}")));
                            }
                        }
                    }
                    Err(error) => report(LoadReport::Failed(error.to_string())),
                }
                progress.done.fetch_add(1, Ordering::Relaxed);
            }
            tell(
                &sender,
                JobEvent::LoadFinished {
                    generation,
                    cancelled,
                },
            );
            ctx.request_repaint();
        });
        generation
    }

    /// Reads the workspace file at `path`, superseding any load under way.
    pub fn open_workspace(&mut self, path: PathBuf) {
        self.supersede_loads();
        let generation = self.generation;
        self.opening = Some(path.clone());
        self.spawn("open workspace", move |sender, ctx| {
            let result = persist::load_versioned(&path)
                .map(Box::new)
                .map_err(|e| e.to_string());
            tell(
                &sender,
                JobEvent::WorkspaceOpened {
                    generation,
                    path,
                    result,
                },
            );
            ctx.request_repaint();
        });
    }

    /// Reads workspace files to merge into `current`, and measures how far they agree with
    /// it; nothing is changed until the app applies the merge.
    pub fn read_for_merge(&mut self, paths: Vec<PathBuf>, current: Workspace) {
        self.started(Task::Dialog);
        self.spawn("read workspaces to merge", move |sender, ctx| {
            let mut versions = Vec::new();
            let mut read = |path: &PathBuf| -> Result<MergedFile, String> {
                let meta = std::fs::metadata(path)
                    .map_err(|e| format!("{}: cannot read the file: {e}", path.display()))?;
                versions.push((path.clone(), FileVersion::of(&meta)));
                let bytes = std::fs::read(path)
                    .map_err(|e| format!("{}: cannot read the file: {e}", path.display()))?;
                let workspace = persist::from_bytes(&bytes)
                    .map_err(|problem| format!("{}: {problem}", path.display()))?;
                Ok(MergedFile {
                    file: path.display().to_string(),
                    sha256: format!("{:x}", <sha2::Sha256 as sha2::Digest>::digest(&bytes)),
                    workspace: Arc::new(workspace),
                })
            };
            let files = paths.iter().map(&mut read).collect::<Result<Vec<_>, _>>();
            let result = files.map(|files| {
                let mut raters = vec![Rater {
                    file: "this workspace",
                    workspace: &current,
                }];
                raters.extend(files.iter().map(|f| Rater {
                    file: &f.file,
                    workspace: &f.workspace,
                }));
                let measured = Box::new(agreement(&raters));
                (files, measured, versions)
            });
            tell(&sender, JobEvent::ReadForMerge(result));
            ctx.request_repaint();
        });
    }

    /// Reads the recovery file.
    pub fn read_recovery(&mut self, recovery: PathBuf) {
        self.started(Task::ReadRecovery);
        self.spawn("read recovery file", move |sender, ctx| {
            let result = persist::load_recovery(&recovery)
                .map(Box::new)
                .map_err(|e| e.to_string());
            tell(&sender, JobEvent::RecoveryRead(result));
            ctx.request_repaint();
        });
    }

    /// Saves a copy of the workspace to `path` (atomically, keeping a backup). `opened` is the
    /// version of the file the workspace came from: the save is refused if the file is no
    /// longer that version. `None` replaces whatever is there (a new file, or Save As).
    pub fn save(&mut self, workspace: Workspace, path: PathBuf, opened: Option<FileVersion>) {
        self.started(Task::Save);
        self.spawn("save workspace", move |sender, ctx| {
            let revision = workspace.revision();
            let result = match &opened {
                Some(version) => persist::save_if_unchanged(&workspace, &path, version, None),
                None => {
                    persist::save(&workspace, &path).map(|()| persist::FileVersion::current(&path))
                }
            }
            .map_err(|error| match error {
                SaveError::Write(crate::file::WriteError::ChangedOnDisk { .. }) => {
                    SaveFailure::ChangedOnDisk(error.to_string())
                }
                other => SaveFailure::Other(other.to_string()),
            });
            tell(
                &sender,
                JobEvent::Saved {
                    path,
                    revision,
                    result,
                },
            );
            ctx.request_repaint();
        });
    }

    /// Computes the cross-check views' data from a copy of the workspace.
    pub fn compare(&mut self, workspace: Workspace) {
        self.started(Task::Compare);
        self.spawn("compare", move |sender, ctx| {
            let revision = workspace.revision();
            let data = Box::new(crate::compare::CrossCheck::compute(&workspace));
            tell(&sender, JobEvent::Compared { revision, data });
            ctx.request_repaint();
        });
    }

    /// Exports a copy of the workspace's claims to `path`, replacing it atomically: a failed
    /// export (a full disk) leaves any earlier file whole.
    pub fn export(
        &mut self,
        workspace: Workspace,
        format: ExportFormat,
        scope: Scope,
        path: PathBuf,
    ) {
        self.started(Task::Export);
        self.spawn("export", move |sender, ctx| {
            let mut bytes = Vec::new();
            let result = crate::export::export(&workspace, format, scope, &mut bytes)
                .map_err(|e| e.to_string())
                .and_then(|()| persist::replace_file(&path, &bytes).map_err(|e| e.to_string()))
                .map(|()| counted(crate::export::select(&workspace, scope).len(), "claim"));
            tell(&sender, JobEvent::Exported { path, result });
            ctx.request_repaint();
        });
    }

    /// Writes a brat standoff folder (a `.txt` and `.ann` per article) into `folder`.
    pub fn export_brat(&mut self, workspace: Workspace, scope: Scope, folder: PathBuf) {
        self.started(Task::Export);
        self.spawn("export", move |sender, ctx| {
            let result = crate::export::export_brat(&workspace, scope, &folder)
                .map(|summary| {
                    format!(
                        "{} and {} from {} (brat)",
                        counted(summary.claims, "claim"),
                        counted(summary.entities, "entity"),
                        counted(summary.documents, "article")
                    )
                })
                .map_err(|e| e.to_string());
            tell(
                &sender,
                JobEvent::Exported {
                    path: folder,
                    result,
                },
            );
            ctx.request_repaint();
        });
    }

    /// Writes the recovery file (autosave), beside the user's file, never over it.
    pub fn autosave(
        &mut self,
        workspace: Workspace,
        recovery: PathBuf,
        workspace_file: Option<PathBuf>,
    ) {
        self.started(Task::Autosave);
        self.spawn("autosave", move |sender, ctx| {
            let result = persist::save_recovery(&workspace, &recovery, workspace_file.as_deref())
                .map_err(|e| e.to_string());
            tell(&sender, JobEvent::Autosaved(result));
            ctx.request_repaint();
        });
    }

    /// Shows the native dialog for `purpose` on a thread of its own, in `start_in` and with
    /// `suggested` as the file name (for a save).
    pub fn pick(
        &mut self,
        purpose: PathRequest,
        start_in: Option<&Path>,
        suggested: Option<String>,
    ) {
        self.started(Task::Dialog);
        let start_in = start_in.map(Path::to_path_buf);
        self.spawn("file dialog", move |sender, ctx| {
            let started = Instant::now();
            let mut dialog = rfd::FileDialog::new();
            if let Some(dir) = &start_in {
                dialog = dialog.set_directory(dir);
            }
            if let Some(name) = &suggested {
                dialog = dialog.set_file_name(name);
            }
            let paths = match purpose {
                PathRequest::OpenArticles => dialog
                    .add_filter("Articles", &["txt", "md", "markdown", "html", "htm"])
                    .pick_files()
                    .unwrap_or_default(),
                PathRequest::OpenWorkspace => dialog
                    .add_filter("Crosscheck workspace", &["json"])
                    .pick_file()
                    .into_iter()
                    .collect(),
                PathRequest::MergeWorkspaces => dialog
                    .add_filter("Crosscheck workspace", &["json"])
                    .pick_files()
                    .unwrap_or_default(),
                PathRequest::SaveAs => dialog
                    .add_filter("Crosscheck workspace", &["json"])
                    .save_file()
                    .into_iter()
                    .collect(),
                PathRequest::Export => dialog.save_file().into_iter().collect(),
                PathRequest::ExportFolder => dialog.pick_folder().into_iter().collect(),
            };
            let no_dialog_service = paths.is_empty() && started.elapsed() < NO_DIALOG_SERVICE;
            tell(
                &sender,
                JobEvent::Picked {
                    purpose,
                    paths,
                    no_dialog_service,
                },
            );
            ctx.request_repaint();
        });
    }

    /// Shows the native folder dialog.
    pub fn pick_folder(&mut self) {
        self.started(Task::Dialog);
        self.spawn("folder dialog", move |sender, ctx| {
            let started = Instant::now();
            let paths: Vec<PathBuf> = rfd::FileDialog::new().pick_folder().into_iter().collect();
            let no_dialog_service = paths.is_empty() && started.elapsed() < NO_DIALOG_SERVICE;
            tell(
                &sender,
                JobEvent::Picked {
                    purpose: PathRequest::OpenArticles,
                    paths,
                    no_dialog_service,
                },
            );
            ctx.request_repaint();
        });
    }
}

/// Hands a job's result to the window. The send fails only when the window has closed (the
/// app is quitting and nobody is left to show it): that is logged, not dropped unseen.
fn tell(sender: &Sender<JobEvent>, event: JobEvent) {
    if sender.send(event).is_err() {
        log::debug!("a background job finished after the window closed; its result is dropped");
    }
}
