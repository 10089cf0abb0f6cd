//! Windows over the workbench: keyboard help, export options, and questions to the analyst
//! (unsaved changes, recovery, a typed path where no native dialog exists).

use super::super::command::Command;
use super::super::intent::{Intent, PromptAnswer};
use super::super::view_state::{AfterPrompt, ExportTarget, Prompt};
use super::Workbench;
use crate::export::{ExportFormat, Scope};

/// The exports as the export window offers them.
const TARGETS: [(ExportTarget, &str); 7] = [
    (ExportTarget::File(ExportFormat::Csv), "CSV (spreadsheet)"),
    (ExportTarget::File(ExportFormat::Json), "JSON"),
    (ExportTarget::File(ExportFormat::Markdown), "Markdown brief"),
    (ExportTarget::File(ExportFormat::Html), "HTML brief"),
    (
        ExportTarget::File(ExportFormat::W3c),
        "W3C Web Annotation (JSON-LD)",
    ),
    (
        ExportTarget::File(ExportFormat::ClaimReview),
        "schema.org ClaimReview (JSON-LD)",
    ),
    (
        ExportTarget::BratFolder,
        "brat standoff folder (brat, INCEpTION)",
    ),
];

/// Shows whichever windows are open.
pub fn dialogs_ui(ctx: &egui::Context, w: &mut Workbench<'_>, intents: &mut Vec<Intent>) {
    // Esc closes the topmost window; a prompt answers its own Esc.
    if w.view.prompt.is_none()
        && (w.view.show_export || w.view.show_help || w.view.show_messages)
        && ctx.input(|i| i.key_pressed(egui::Key::Escape))
    {
        if w.view.show_export {
            w.view.show_export = false;
        } else if w.view.show_messages {
            w.view.show_messages = false;
        } else {
            w.view.show_help = false;
        }
    }
    if w.view.show_help {
        help_ui(ctx, &mut w.view.show_help);
    }
    if w.view.show_messages {
        messages_ui(ctx, w, intents);
    }
    if w.view.show_export {
        export_ui(ctx, w, intents);
    }
    if let Some(prompt) = w.view.prompt.clone() {
        prompt_ui(ctx, w, &prompt, intents);
    }
}

/// Every message of the session, newest first, wrapped to be read whole.
fn messages_ui(ctx: &egui::Context, w: &mut Workbench<'_>, intents: &mut Vec<Intent>) {
    let mut open = true;
    egui::Window::new("Messages")
        .open(&mut open)
        .collapsible(false)
        .default_width(560.0)
        .max_height(ctx.content_rect().height() * 0.7)
        .show(ctx, |ui| {
            if w.notices.is_empty() {
                ui.label("No messages yet.");
                return;
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                for notice in w.notices.iter().rev() {
                    ui.horizontal_top(|ui| {
                        ui.label(
                            egui::RichText::new(notice.at.format("%H:%M:%S").to_string())
                                .monospace()
                                .weak(),
                        );
                        let text = egui::RichText::new(&notice.text);
                        let text = if notice.error {
                            text.color(ui.visuals().error_fg_color)
                        } else {
                            text
                        };
                        ui.add(egui::Label::new(text).wrap());
                    });
                    ui.separator();
                }
            });
            if ui.button("Clear").clicked() {
                intents.push(Intent::ClearMessages);
            }
        });
    if !open {
        w.view.show_messages = false;
    }
}

fn help_ui(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                for command in Command::ALL {
                    if let Some(text) = command.shortcut_text(ctx) {
                        ui.label(command.label());
                        ui.monospace(text);
                        ui.end_row();
                    }
                }
            });
            ui.label("Single-key shortcuts work when no text field has the cursor.");
        });
}

fn export_ui(ctx: &egui::Context, w: &mut Workbench<'_>, intents: &mut Vec<Intent>) {
    let id = egui::Id::unique("export_choice");
    let (mut target, mut scope): (ExportTarget, Scope) = ctx
        .data(|d| d.get_temp(id))
        .unwrap_or((ExportTarget::File(ExportFormat::Csv), Scope::Reviewed));
    let mut open = true;
    egui::Window::new("Export reviewed set")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label("Format");
            for (choice, label) in TARGETS {
                ui.radio_value(&mut target, choice, label);
            }
            ui.separator();
            ui.radio_value(
                &mut scope,
                Scope::Reviewed,
                "Reviewed claims only (confirmed or unconfirmed)",
            );
            ui.radio_value(&mut scope, Scope::All, "Every claim");
            if w.session.workspace.disputed_claims().next().is_some() || scope == Scope::Disputed {
                ui.radio_value(&mut scope, Scope::Disputed, "Disputed claims only");
            }
            ui.separator();
            if ui.button("Export…").clicked() {
                intents.push(Intent::Export(target, scope));
            }
        });
    ctx.data_mut(|d| d.insert_temp(id, (target, scope)));
    if !open {
        w.view.show_export = false;
    }
}

fn prompt_ui(
    ctx: &egui::Context,
    w: &mut Workbench<'_>,
    prompt: &Prompt,
    intents: &mut Vec<Intent>,
) {
    // The keyboard answers the question: Enter takes the default, Escape backs out.
    let (enter, escape) = ctx.input(|i| {
        (
            i.key_pressed(egui::Key::Enter),
            i.key_pressed(egui::Key::Escape),
        )
    });
    let keyed = match prompt {
        Prompt::Recovery { .. } if enter => Some(PromptAnswer::Restore),
        Prompt::Recovery { .. } if escape => Some(PromptAnswer::Discard),
        Prompt::UnsavedChanges(_) | Prompt::ChangedOnDisk(_) if escape => {
            Some(PromptAnswer::Cancel)
        }
        _ => None,
    };
    if let Some(answer) = keyed {
        intents.push(Intent::Answer(answer));
        return;
    }
    egui::Modal::new(egui::Id::unique("prompt")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        match prompt {
            Prompt::UnsavedChanges(then) => {
                let doing = match then {
                    AfterPrompt::Quit => "quitting",
                    AfterPrompt::NewWorkspace => "starting a new workspace",
                    AfterPrompt::OpenWorkspace | AfterPrompt::OpenFile(_) => "opening another workspace",
                };
                ui.heading("Unsaved changes");
                ui.label(format!("Save the changes to {} before {doing}?", w.session.display_name()));
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        intents.push(Intent::Answer(PromptAnswer::Save));
                    }
                    if ui.button("Don't save").clicked() {
                        intents.push(Intent::Answer(PromptAnswer::Discard));
                    }
                    if ui.button("Cancel").clicked() {
                        intents.push(Intent::Answer(PromptAnswer::Cancel));
                    }
                });
            }
            Prompt::Recovery { recovers, claims, reviewed } => {
                ui.heading("Recover unsaved work?");
                let whose = recovers.as_ref().map_or_else(
                    || "an untitled workspace".to_owned(),
                    |path| path.display().to_string(),
                );
                ui.label(format!(
                    "Crosscheck found changes to {whose} that were never saved, newer than the workspace file: \
                     {claims} {}, {reviewed} reviewed.",
                    if *claims == 1 { "claim" } else { "claims" }
                ));
                ui.label("Restore (Enter) opens them, marked unsaved; Discard (Esc) deletes them.");
                ui.horizontal(|ui| {
                    if ui.button("Restore").clicked() {
                        intents.push(Intent::Answer(PromptAnswer::Restore));
                    }
                    if ui.button("Discard").clicked() {
                        intents.push(Intent::Answer(PromptAnswer::Discard));
                    }
                });
            }
            Prompt::ChangedOnDisk(path) => {
                ui.heading("The file changed on disk");
                ui.label(format!(
                    "{} was saved by another program or Crosscheck window since you opened it. \
                     Your changes were not saved, so that neither version is lost.",
                    path.display()
                ));
                ui.horizontal(|ui| {
                    if ui.button("Save as…").clicked() {
                        intents.push(Intent::Answer(PromptAnswer::SaveAs));
                    }
                    if ui.button("Merge with the version on disk").clicked() {
                        intents.push(Intent::Answer(PromptAnswer::MergeWithDisk));
                    }
                    if ui.button("Reload (drop my changes)").clicked() {
                        intents.push(Intent::Answer(PromptAnswer::Reload));
                    }
                    if ui.button("Cancel").clicked() {
                        intents.push(Intent::Answer(PromptAnswer::Cancel));
                    }
                });
            }
        }
    });
}
