//! The workbench's panels and the caches they share. Each panel reads the session and view
//! state and pushes [`Intent`]s; none of them changes the workspace directly.

mod adjudicate;
mod articles;
mod claims;
mod crosscheck;
mod dialogs;
mod entities;
mod file_browser;
mod inspector;
mod menu;
mod reader;
mod status_bar;

use std::collections::HashMap;

use super::intent::Intent;
use super::jobs::Jobs;
use super::notice::Notice;
use super::session::Session;
use super::settings::Settings;
use super::view_state::{ClaimFilter, Column, ExportTarget, ViewState};
use crate::article::ArticleId;
use crate::compare::CrossCheck;
use crate::export::Scope;
use crate::workspace::Workspace;
use crate::workspace::claim::ClaimId;
use crate::workspace::claim::ClaimStatus;

pub use reader::ReaderCache;

/// What the claims table shows, for one workspace revision, filter and sort.
type RowsKey = (u64, ClaimFilter, (Column, bool));

/// Claims per status (unreviewed, confirmed, unconfirmed), in total and per article.
#[derive(Default)]
pub struct StatusCounts {
    /// Over the whole workspace.
    pub total: [usize; 3],
    /// Per article.
    pub by_article: HashMap<ArticleId, [usize; 3]>,
}

/// The index of a status in [`StatusCounts`] arrays.
#[must_use]
pub fn status_slot(status: ClaimStatus) -> usize {
    match status {
        ClaimStatus::Unreviewed => 0,
        ClaimStatus::Confirmed => 1,
        ClaimStatus::Unconfirmed => 2,
    }
}

/// Derived data kept between frames, rebuilt only when what it derives from changes.
#[derive(Default)]
pub struct Caches {
    rows: Option<(RowsKey, Vec<ClaimId>)>,
    counts: Option<(u64, StatusCounts)>,
    /// The reader's laid-out lines.
    pub reader: ReaderCache,
    /// The export waiting for its file name.
    pub pending_export: Option<(ExportTarget, Scope)>,
    /// The cross-check views' data and the workspace revision it was computed from.
    pub crosscheck: Option<(u64, std::sync::Arc<CrossCheck>)>,
}

impl Caches {
    /// Claims per status, counted in one pass per workspace revision.
    pub fn status_counts(&mut self, workspace: &Workspace) -> &StatusCounts {
        let revision = workspace.revision();
        if self.counts.as_ref().is_none_or(|(r, _)| *r != revision) {
            let mut counts = StatusCounts::default();
            for claim in workspace.claims() {
                let slot = status_slot(claim.status);
                counts.total[slot] += 1;
                counts.by_article.entry(claim.article.clone()).or_default()[slot] += 1;
            }
            self.counts = Some((revision, counts));
        }
        &self.counts.as_ref().expect("filled above").1
    }

    /// The claims table's rows: filtered and sorted claim ids.
    pub fn claim_rows(&mut self, workspace: &Workspace, view: &ViewState) -> &[ClaimId] {
        let key: RowsKey = (workspace.revision(), view.filter.clone(), view.sort);
        if self.rows.as_ref().is_none_or(|(k, _)| *k != key) {
            let rows = claims::filtered_sorted(workspace, &view.filter, view.sort);
            self.rows = Some((key, rows));
        }
        &self.rows.as_ref().expect("filled above").1
    }
}

/// A side panel keeps the width its content used, so a short or wrapped message (while
/// loading, or with nothing selected) would shrink it for good; claim the whole width instead.
fn fill_panel_width(ui: &mut egui::Ui) {
    ui.set_min_width(ui.available_width());
}

/// The app's parts the panels draw from, lent for one frame: they read the session, jobs and
/// messages, keep their view state, caches and settings, and ask for everything else with
/// [`Intent`]s.
pub struct Workbench<'a> {
    /// The open workspace.
    pub session: &'a Session,
    /// Selection, filters and open windows.
    pub view: &'a mut ViewState,
    /// What the panels derive and keep between frames.
    pub caches: &'a mut Caches,
    /// The analyst's name (edited in the Edit menu) and the recent workspaces.
    pub settings: &'a mut Settings,
    /// What runs in the background.
    pub jobs: &'a Jobs,
    /// Messages for the analyst, newest last.
    pub notices: &'a [Notice],
    /// Whether the recovery file holds the latest changes, in words.
    pub autosave: &'static str,
}

/// Lays out the whole workbench for one frame.
pub fn workbench_ui(ui: &mut egui::Ui, mut w: Workbench<'_>, intents: &mut Vec<Intent>) {
    egui::Panel::top("menu_bar").show(ui, |ui| menu::menu_bar_ui(ui, &mut w, intents));
    let totals = w.caches.status_counts(&w.session.workspace).total;
    egui::Panel::bottom("status_bar")
        .show(ui, |ui| status_bar::status_bar_ui(ui, &w, totals, intents));
    // Side panels take a share of the window, and never more than a bound share of it: a
    // long evidence link or title cannot widen one for good, at 1280×720 as at 1920×1080.
    let width = ui.available_width();
    egui::Panel::left("articles")
        .resizable(true)
        .default_size((width * 0.18).clamp(180.0, 320.0))
        .min_size(160.0)
        .max_size((width * 0.3).max(200.0))
        .show(ui, |ui| {
            fill_panel_width(ui);
            let counts = w.caches.status_counts(&w.session.workspace);
            articles::articles_ui(ui, w.session, w.view, counts, intents);
        });
    egui::Panel::right("inspector")
        .resizable(true)
        .default_size((width * 0.23).clamp(250.0, 420.0))
        .min_size(240.0)
        .max_size((width * 0.4).max(280.0))
        .show(ui, |ui| {
            fill_panel_width(ui);
            inspector::inspector_ui(ui, w.session, w.view, &w.settings.analyst, intents);
        });
    egui::Panel::bottom("claims")
        .resizable(true)
        .default_size(280.0)
        .min_size(120.0)
        .show(ui, |ui| {
            let rows = w.caches.claim_rows(&w.session.workspace, w.view).to_vec();
            claims::claims_table_ui(ui, w.session, w.view, &rows, intents);
        });
    egui::CentralPanel::default().show(ui, |ui| {
        let outdated = w
            .caches
            .crosscheck
            .as_ref()
            .is_some_and(|(revision, _)| *revision != w.session.workspace.revision());
        crosscheck::view_tabs_ui(ui, w.view, outdated);
        if w.view.central == super::view_state::CentralView::Adjudicate {
            adjudicate::adjudicate_ui(ui, w.session, &w.settings.analyst, w.view, intents);
        } else if w.view.central == super::view_state::CentralView::Reader {
            reader::reader_ui(ui, w.session, w.view, &mut w.caches.reader, intents);
        } else {
            // Shown while a newer revision is computed, so the view never goes blank.
            let data = w.caches.crosscheck.as_ref().map(|(_, data)| data.clone());
            crosscheck::crosscheck_ui(ui, w.session, w.view, data.as_deref(), intents);
        }
    });
    dialogs::dialogs_ui(ui.ctx(), &mut w, intents);
    file_browser::file_browser_ui(ui.ctx(), &mut w.view.browser, intents);
}
