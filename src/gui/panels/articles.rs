//! The article list: title, file, date and claim counts by status for every article.

use egui::RichText;

use super::super::app::Intent;
use super::super::session::Session;
use super::super::theme;
use super::super::view_state::ViewState;
use crate::workspace::claim::ClaimStatus;

/// Lists the articles; a click shows one in the reader.
pub fn articles_ui(
    ui: &mut egui::Ui,
    session: &Session,
    view: &ViewState,
    intents: &mut Vec<Intent>,
) {
    let workspace = &session.workspace;
    ui.horizontal(|ui| {
        ui.heading("Articles");
        ui.label(format!("({})", workspace.articles().len()));
    });
    if workspace.articles().len() == 0 {
        ui.label("No articles yet. Use File › Open articles…, open a folder, or drop files here.");
        return;
    }
    ui.separator();
    let dark = ui.visuals().dark_mode;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for analyzed in workspace.articles() {
                let article = &analyzed.article;
                let mut counts = [0usize; 3];
                for claim in workspace.claims_of(&article.id) {
                    counts[match claim.status {
                        ClaimStatus::Unreviewed => 0,
                        ClaimStatus::Confirmed => 1,
                        ClaimStatus::Unconfirmed => 2,
                    }] += 1;
                }
                let selected = view.article.as_ref() == Some(&article.id);
                let frame = egui::Frame::group(ui.style()).fill(if selected {
                    ui.visuals().selection.bg_fill.gamma_multiply(0.35)
                } else {
                    egui::Color32::TRANSPARENT
                });
                let response = frame
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.add(
                            egui::Label::new(RichText::new(article.display_title()).strong())
                                .wrap(),
                        );
                        let file = article
                            .path
                            .file_name()
                            .map(|f| f.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        let date = article.published.map_or_else(
                            || "no date".to_owned(),
                            |d| d.format("%Y-%m-%d").to_string(),
                        );
                        ui.add(
                            egui::Label::new(
                                RichText::new(format!("{file} · {date}")).small().weak(),
                            )
                            .truncate(),
                        );
                        ui.horizontal(|ui| {
                            for (status, count) in [
                                (ClaimStatus::Unreviewed, counts[0]),
                                (ClaimStatus::Confirmed, counts[1]),
                                (ClaimStatus::Unconfirmed, counts[2]),
                            ] {
                                ui.label(
                                    RichText::new(format!(
                                        "{} {count}",
                                        theme::status_symbol(status)
                                    ))
                                    .small()
                                    .color(theme::status_color(status, dark)),
                                )
                                .on_hover_text(format!(
                                    "{count} {}",
                                    super::claims::status_label(status).to_lowercase()
                                ));
                            }
                        });
                    })
                    .response
                    .interact(egui::Sense::click());
                if response.clicked() {
                    intents.push(Intent::SelectArticle(article.id.clone()));
                }
            }
        });
}
