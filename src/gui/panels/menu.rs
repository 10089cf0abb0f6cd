//! The menu bar: File, Edit, Review, View and Help, each item a [`Command`].

use super::super::command::Command;
use super::super::intent::Intent;
use super::super::jobs::Task;
use super::Workbench;

/// A menu entry for `command`, with its shortcut shown.
fn item(ui: &mut egui::Ui, command: Command, enabled: bool, intents: &mut Vec<Intent>) {
    let shortcut = command.shortcut_text(ui.ctx()).unwrap_or_default();
    if ui
        .add_enabled(
            enabled,
            egui::Button::new(command.label()).shortcut_text(shortcut),
        )
        .clicked()
    {
        intents.push(Intent::Run(command));
        ui.close();
    }
}

/// Draws the menu bar.
pub fn menu_bar_ui(ui: &mut egui::Ui, w: &mut Workbench<'_>, intents: &mut Vec<Intent>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, Command::NewWorkspace, true, intents);
            item(
                ui,
                Command::OpenArticles,
                !w.jobs.is_running(Task::Dialog),
                intents,
            );
            item(
                ui,
                Command::OpenFolder,
                !w.jobs.is_running(Task::Dialog),
                intents,
            );
            item(
                ui,
                Command::OpenWorkspace,
                !w.jobs.is_running(Task::Dialog),
                intents,
            );
            item(
                ui,
                Command::MergeWorkspace,
                !w.jobs.is_running(Task::Dialog) && w.session.workspace.articles().len() > 0,
                intents,
            );
            ui.menu_button("Recent", |ui| {
                if w.settings.recent.is_empty() {
                    ui.label("No recent workspaces");
                }
                for path in w.settings.recent.clone() {
                    if ui.button(path.display().to_string()).clicked() {
                        intents.push(Intent::OpenRecent(path));
                        ui.close();
                    }
                }
            });
            ui.separator();
            item(ui, Command::Save, !w.jobs.is_running(Task::Save), intents);
            item(ui, Command::SaveAs, !w.jobs.is_running(Task::Save), intents);
            item(
                ui,
                Command::Export,
                w.session.workspace.claims().len() > 0,
                intents,
            );
            ui.separator();
            item(ui, Command::Quit, true, intents);
        });
        ui.menu_button("Edit", |ui| {
            let workspace = &w.session.workspace;
            let undo = workspace
                .undo_label()
                .map_or_else(|| "Undo".to_owned(), |l| format!("Undo {l}"));
            let redo = workspace
                .redo_label()
                .map_or_else(|| "Redo".to_owned(), |l| format!("Redo {l}"));
            for (command, label, enabled) in [
                (Command::Undo, undo, workspace.can_undo()),
                (Command::Redo, redo, workspace.can_redo()),
            ] {
                let shortcut = command.shortcut_text(ui.ctx()).unwrap_or_default();
                if ui
                    .add_enabled(enabled, egui::Button::new(label).shortcut_text(shortcut))
                    .clicked()
                {
                    intents.push(Intent::Run(command));
                    ui.close();
                }
            }
            ui.separator();
            item(ui, Command::Find, true, intents);
            ui.separator();
            ui.horizontal(|ui| {
                let label = ui.label("Analyst:");
                ui.add(egui::TextEdit::singleline(&mut w.settings.analyst).desired_width(120.0))
                    .labelled_by(label.id);
            });
        });
        ui.menu_button("Review", |ui| {
            let selected = w.view.claim.is_some();
            item(ui, Command::NextClaim, true, intents);
            item(ui, Command::PreviousClaim, true, intents);
            ui.separator();
            item(ui, Command::Confirm, selected, intents);
            item(ui, Command::MarkUnconfirmed, selected, intents);
            item(ui, Command::MarkUnreviewed, selected, intents);
            item(ui, Command::FocusNote, selected, intents);
            ui.separator();
            item(ui, Command::DeleteClaim, selected, intents);
        });
        ui.menu_button("View", |ui| {
            egui::widgets::global_theme_preference_buttons(ui);
            ui.checkbox(&mut w.view.hide_boilerplate, "Hide boilerplate");
        });
        ui.menu_button("Help", |ui| item(ui, Command::Help, true, intents));
    });
}
