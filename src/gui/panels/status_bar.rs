//! The status bar: claim counts by status, the dirty marker, autosave state, loading progress
//! and the latest message.

use egui::RichText;

use super::super::intent::Intent;
use super::super::jobs::Task;
use super::super::theme;
use super::Workbench;
use crate::workspace::claim::ClaimStatus;

/// Draws the status bar.
pub fn status_bar_ui(
    ui: &mut egui::Ui,
    w: &Workbench<'_>,
    counts: [usize; 3],
    intents: &mut Vec<Intent>,
) {
    ui.horizontal(|ui| {
        let dark = ui.visuals().dark_mode;
        for (status, count) in [
            (ClaimStatus::Confirmed, counts[1]),
            (ClaimStatus::Unconfirmed, counts[2]),
            (ClaimStatus::Unreviewed, counts[0]),
        ] {
            ui.label(
                RichText::new(format!(
                    "{} {count} {}",
                    theme::status_symbol(status),
                    theme::status_label(status).to_lowercase()
                ))
                .color(theme::status_color(status, dark)),
            );
        }
        ui.separator();
        if w.session.is_dirty() {
            ui.label(RichText::new("• unsaved changes").strong())
                .on_hover_text(w.autosave);
        } else if w.session.path.is_none() {
            // An untitled workspace as it loaded (the demo): nothing was ever saved.
            ui.label("no changes");
        } else {
            ui.label("saved");
        }
        ui.label(
            RichText::new(format!("autosave: {}", w.autosave))
                .small()
                .weak(),
        );
        if let Some(path) = &w.jobs.opening {
            ui.separator();
            ui.spinner();
            ui.label(format!("Opening {}…", file_name(path)));
        }
        if w.jobs.is_running(Task::Save) {
            ui.separator();
            ui.spinner();
            ui.label("Saving…");
        }
        if w.jobs.is_running(Task::Export) {
            ui.separator();
            ui.spinner();
            ui.label("Exporting…");
        }
        if let Some(progress) = &w.jobs.loading {
            ui.separator();
            let (done, total) = progress.counts();
            let fraction = if total == 0 {
                0.0
            } else {
                done as f32 / total as f32
            };
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(160.0)
                    .text(format!("Loading {done}/{total}")),
            );
            if ui.button("Cancel").clicked() {
                intents.push(Intent::CancelLoad);
            }
        }
        if let Some(notice) = w.notices.last() {
            ui.separator();
            let text = RichText::new(&notice.text);
            let text = if notice.error {
                text.color(ui.visuals().error_fg_color)
            } else {
                text
            };
            // The latest message, one line; the whole log a click away.
            let response = ui
                .add(
                    egui::Label::new(text)
                        .truncate()
                        .sense(egui::Sense::click()),
                )
                .on_hover_text(format!(
                    "{}\n\nClick for every message ({}).",
                    notice.text,
                    w.notices.len()
                ));
            if response.clicked() {
                intents.push(Intent::ShowMessages);
            }
        }
    });
}

/// The last component of `path`, for a short message.
fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}
