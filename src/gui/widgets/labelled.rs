//! Filter controls with a leading label that is also their accessible name.

use crate::workspace::claim::ClaimStatus;

use super::super::theme::status_label;

/// A single-line text field after `label`, with a grey `hint` while empty.
pub fn text_field(
    ui: &mut egui::Ui,
    label: &str,
    text: &mut String,
    hint: &str,
    width: f32,
) -> egui::Response {
    let label = ui.label(label);
    ui.add(
        egui::TextEdit::singleline(text)
            .hint_text(hint)
            .desired_width(width),
    )
    .labelled_by(label.id)
}

/// A choice of one claim status, or any, after `label`.
pub fn status_filter(ui: &mut egui::Ui, label: &str, status: &mut Option<ClaimStatus>) {
    let label_response = ui.label(label);
    egui::ComboBox::from_id_salt(label)
        .width(100.0)
        .selected_text(status.map_or("Any status", status_label))
        .show_ui(ui, |ui| {
            ui.selectable_value(status, None, "Any status");
            for choice in [
                ClaimStatus::Unreviewed,
                ClaimStatus::Confirmed,
                ClaimStatus::Unconfirmed,
            ] {
                ui.selectable_value(status, Some(choice), status_label(choice));
            }
        })
        .response
        .labelled_by(label_response.id);
}
