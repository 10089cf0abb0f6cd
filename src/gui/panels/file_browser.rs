//! The in-app file browser's window: the folder's listing, the path field with completion
//! and the buttons. Enter chooses, Tab completes, ↑/↓ move the selection (Shift extends
//! it), Esc closes it.

use egui::{Key, RichText};

use super::super::file_browser::{ClickMode, FileBrowser};
use super::super::intent::Intent;
use super::super::view_state::PathRequest;
use crate::compare::separated;

const ROW_HEIGHT: f32 = 22.0;

/// Shows the browser in `slot`, if one is open; closes it when the analyst chooses (pushing
/// [`Intent::Chose`]) or cancels.
pub fn file_browser_ui(
    ctx: &egui::Context,
    slot: &mut Option<FileBrowser>,
    intents: &mut Vec<Intent>,
) {
    let Some(browser) = slot.as_mut() else {
        return;
    };
    let (escape, enter, down, up, shift) = ctx.input(|i| {
        (
            i.key_pressed(Key::Escape),
            i.key_pressed(Key::Enter),
            i.key_pressed(Key::ArrowDown),
            i.key_pressed(Key::ArrowUp),
            i.modifiers.shift,
        )
    });
    if escape {
        *slot = None;
        return;
    }
    let mut chosen = None;
    let mut cancel = false;
    let moved = if down {
        browser.step(1, shift);
        true
    } else if up {
        browser.step(-1, shift);
        true
    } else {
        false
    };
    if enter {
        chosen = browser.choose();
    }
    let field_id = egui::Id::unique("file_browser_path");
    egui::Modal::new(egui::Id::unique("file_browser")).show(ctx, |ui| {
        let screen = ctx.content_rect();
        ui.set_width((screen.width() - 80.0).clamp(360.0, 760.0));
        ui.heading(browser.title());
        ui.horizontal(|ui| {
            if ui
                .button("⬆ Up")
                .on_hover_text("The folder above this one")
                .clicked()
            {
                browser.up();
            }
            if let Some(home) = std::env::var_os("HOME")
                && ui.button("Home").clicked()
            {
                browser.open_folder(std::path::Path::new(&home));
            }
            ui.add(
                egui::Label::new(RichText::new(browser.folder.display().to_string()).monospace())
                    .truncate(),
            );
        });
        listing_ui(ui, browser, &mut chosen, moved, screen.height());
        ui.horizontal(|ui| {
            if ui
                .checkbox(&mut browser.show_hidden, "Show hidden files")
                .changed()
            {
                browser.refresh();
            }
            if browser.left_out > 0 {
                ui.label(
                    RichText::new(format!("{} more not listed", separated(browser.left_out)))
                        .weak(),
                );
            }
        });
        ui.add_space(4.0);
        path_field_ui(ui, browser, field_id);
        if let Some(error) = &browser.error {
            ui.label(RichText::new(error).color(ui.visuals().error_fg_color));
        }
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            if ui.button(browser.action_label()).clicked() {
                chosen = browser.choose();
            }
            if browser.request == PathRequest::OpenArticles
                && ui
                    .button("Open this folder")
                    .on_hover_text("Every article in the listed folder and the folders inside it")
                    .clicked()
            {
                chosen = Some(vec![browser.folder.clone()]);
            }
            if ui.button("Cancel").clicked() {
                cancel = true;
            }
        });
    });
    if let Some(paths) = chosen {
        let request = browser.request;
        *slot = None;
        intents.push(Intent::Chose(request, paths));
    } else if cancel {
        *slot = None;
    }
}

/// The folder's entries: a click selects (Ctrl adds, Shift extends), a double click opens a
/// folder or chooses a file.
fn listing_ui(
    ui: &mut egui::Ui,
    browser: &mut FileBrowser,
    chosen: &mut Option<Vec<std::path::PathBuf>>,
    scroll_to_selection: bool,
    screen_height: f32,
) {
    let height = (screen_height * 0.45).clamp(120.0, 420.0);
    let width = ui.available_width();
    let mut clicked = None;
    let mut activated = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::ScrollArea::vertical()
            .max_height(height)
            .min_scrolled_height(height)
            .auto_shrink([false, false])
            .show_rows(ui, ROW_HEIGHT, browser.entries.len(), |ui, rows| {
                for index in rows {
                    let entry = &browser.entries[index];
                    let selected = browser.selected.contains(&index);
                    let name = if entry.is_folder {
                        format!("📁 {}", entry.name)
                    } else {
                        entry.name.clone()
                    };
                    let size = if entry.is_folder {
                        String::new()
                    } else {
                        human_size(entry.bytes)
                    };
                    let modified = entry.modified.map_or_else(String::new, |m| {
                        chrono::DateTime::<chrono::Local>::from(m)
                            .format("%Y-%m-%d %H:%M")
                            .to_string()
                    });
                    // One row, one button: the name left, its size and date right.
                    let response = ui.add(
                        egui::Button::selectable(selected, name)
                            .right_text(RichText::new(format!("{size:>9}   {modified}")).weak())
                            .min_size(egui::vec2(width - 24.0, ROW_HEIGHT - 2.0))
                            .truncate(),
                    );
                    if response.double_clicked() {
                        activated = Some(index);
                    } else if response.clicked() {
                        clicked = Some((index, ui.input(|i| i.modifiers)));
                    }
                    if scroll_to_selection && selected {
                        response.scroll_to_me(None);
                    }
                }
            });
        if browser.entries.is_empty() {
            ui.label(RichText::new("No folders or matching files here.").weak());
        }
    });
    if let Some(index) = activated {
        *chosen = browser.activate(index);
    } else if let Some((index, modifiers)) = clicked {
        browser.click(
            index,
            ClickMode {
                toggle: modifiers.command,
                range: modifiers.shift,
            },
        );
    }
}

/// The path field: a name in the listed folder or a path (`~/` is home). Tab completes it;
/// the candidates show below and take a click.
fn path_field_ui(ui: &mut egui::Ui, browser: &mut FileBrowser, field_id: egui::Id) {
    let completions = browser.completions().to_vec();
    ui.horizontal(|ui| {
        let label = ui.label(if browser.saves() { "Name" } else { "Path" });
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut browser.path)
                    .id(field_id)
                    .lock_focus(true)
                    .hint_text("a name here, or a path (Tab completes)")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        // Typing in the field (not choosing in the list) is where the keyboard starts.
        if !ui.memory(|m| m.focused().is_some()) {
            field.request_focus();
        }
        if field.changed() {
            browser.confirm_replace = None;
            browser.error = None;
        }
        if field.has_focus() && ui.input(|i| i.key_pressed(Key::Tab)) {
            browser.complete();
            move_cursor_to_end(ui.ctx(), field_id, &browser.path);
        }
    });
    if !completions.is_empty() && !browser.path.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Tab:").weak().small());
            for name in completions.iter().take(8) {
                if ui.small_button(name).clicked() {
                    browser.path.clone_from(name);
                    move_cursor_to_end(ui.ctx(), field_id, &browser.path);
                }
            }
            if completions.len() > 8 {
                ui.label(
                    RichText::new(format!("+{}", completions.len() - 8))
                        .weak()
                        .small(),
                );
            }
        });
    }
}

fn move_cursor_to_end(ctx: &egui::Context, id: egui::Id, text: &str) {
    if let Some(mut state) = egui::TextEdit::load_state(ctx, id) {
        let end = egui::text::CCursor::new(text.chars().count());
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::one(end)));
        state.store(ctx, id);
    }
}

/// `1.2 MB`, `340 KB`, `12 B`.
fn human_size(bytes: u64) -> String {
    #[expect(clippy::cast_precision_loss, reason = "a size shown to one decimal")]
    let value = bytes as f64;
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.0} KB", value / 1e3),
        1_000_000..1_000_000_000 => format!("{:.1} MB", value / 1e6),
        _ => format!("{:.1} GB", value / 1e9),
    }
}

#[cfg(test)]
mod tests {
    use super::human_size;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_size(12), "12 B");
        assert_eq!(human_size(340_400), "340 KB");
        assert_eq!(human_size(1_230_000), "1.2 MB");
    }
}
