//! The article list: title, file, date and claim counts by status for every article, in
//! fixed-height rows so only the visible ones are drawn.

use egui::RichText;

use super::super::intent::Intent;
use super::super::session::Session;
use super::super::theme;
use super::super::view_state::ViewState;
use super::super::widgets::bidi;
use super::{StatusCounts, status_slot};
use crate::workspace::claim::ClaimStatus;

const ROW_HEIGHT: f32 = 46.0;

/// Lists the articles; a click shows one in the reader.
pub fn articles_ui(
    ui: &mut egui::Ui,
    session: &Session,
    view: &ViewState,
    counts: &StatusCounts,
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
    let articles: Vec<_> = workspace.articles().collect();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, articles.len(), |ui, range| {
            for analyzed in &articles[range] {
                let article = &analyzed.article;
                let per_status = counts
                    .by_article
                    .get(&article.id)
                    .copied()
                    .unwrap_or_default();
                let selected = view.article.as_ref() == Some(&article.id);
                let (rect, response) = ui.allocate_exact_size(
                    egui::vec2(ui.available_width(), ROW_HEIGHT),
                    egui::Sense::click(),
                );
                if selected || response.hovered() {
                    let fill = if selected {
                        ui.visuals().selection.bg_fill.gamma_multiply(0.35)
                    } else {
                        ui.visuals().widgets.hovered.weak_bg_fill
                    };
                    ui.painter().rect_filled(rect, 4.0, fill);
                }
                let title = article.display_title();
                response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &title));
                let mut row = ui
                    .new_child(egui::UiBuilder::new().max_rect(rect.shrink2(egui::vec2(6.0, 3.0))));
                row.add(
                    egui::Label::new(bidi::line(&row, RichText::new(&title).strong()))
                        .truncate()
                        .selectable(false),
                );
                row.horizontal(|ui| {
                    let date = article.published.map_or_else(
                        || "no date".to_owned(),
                        |d| d.format("%Y-%m-%d").to_string(),
                    );
                    // The outlet when the article names it, else where it came from.
                    let file = article.outlet.clone().unwrap_or_else(|| {
                        article
                            .path
                            .file_name()
                            .map(|f| f.to_string_lossy().into_owned())
                            .unwrap_or_default()
                    });
                    for status in [
                        ClaimStatus::Unreviewed,
                        ClaimStatus::Confirmed,
                        ClaimStatus::Unconfirmed,
                    ] {
                        let count = per_status[status_slot(status)];
                        ui.label(
                            RichText::new(format!("{} {count}", theme::status_symbol(status)))
                                .small()
                                .color(theme::status_color(status, dark)),
                        );
                    }
                    ui.add(
                        egui::Label::new(RichText::new(format!("{date} · {file}")).small().weak())
                            .truncate()
                            .selectable(false),
                    );
                });
                if response.clicked() {
                    intents.push(Intent::SelectArticle(article.id.clone()));
                }
            }
        });
}
