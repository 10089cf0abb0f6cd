//! The claims table: every claim with its speaker, figures, article and status; sortable,
//! filterable, virtualized so tens of thousands of rows scroll smoothly.

use egui::{Align, RichText};
use egui_extras::{Column as TableColumn, TableBuilder};

use super::super::intent::Intent;
use super::super::session::Session;
use super::super::theme;
use super::super::view_state::{ClaimFilter, Column, ViewState};
use super::super::widgets::bidi;
use super::super::widgets::labelled;
use crate::export::one_line;
use crate::workspace::Workspace;
use crate::workspace::claim::{Claim, ClaimId, ClaimStatus};

const ROW_HEIGHT: f32 = 22.0;

/// The claims passing `filter`, in `sort` order.
#[must_use]
pub fn filtered_sorted(
    workspace: &Workspace,
    filter: &ClaimFilter,
    sort: (Column, bool),
) -> Vec<ClaimId> {
    let text = filter.text.to_lowercase();
    let entity = filter.entity.to_lowercase();
    // Each claim's article position, looked up once: a sort compares a claim many times.
    let article_position = |claim: &Claim| {
        workspace
            .article_position(&claim.article)
            .unwrap_or(usize::MAX)
    };
    let mut claims: Vec<(usize, &Claim)> = workspace
        .claims()
        .filter(|c| filter.status.is_none_or(|s| c.status == s))
        .filter(|c| !filter.disputed || c.is_disputed())
        .filter(|c| match &filter.figure_unit {
            None => true,
            Some(unit) if unit.is_empty() => !c.values.is_empty(),
            Some(unit) => claim_units(workspace, c).iter().any(|u| u == unit),
        })
        .filter(|c| {
            text.is_empty()
                || c.anchor.quote.exact.to_lowercase().contains(&text)
                || c.speaker
                    .as_deref()
                    .is_some_and(|s| s.to_lowercase().contains(&text))
                || c.note.to_lowercase().contains(&text)
        })
        .filter(|c| entity.is_empty() || mentions_entity(workspace, c, &entity))
        .map(|c| (article_position(c), c))
        .collect();
    let (column, ascending) = sort;
    claims.sort_by(|&(a_at, a), &(b_at, b)| {
        let order = match column {
            Column::Text => a.anchor.quote.exact.cmp(&b.anchor.quote.exact),
            Column::Speaker => a.speaker.cmp(&b.speaker),
            Column::Figures => a
                .values
                .first()
                .partial_cmp(&b.values.first())
                .unwrap_or(std::cmp::Ordering::Equal),
            Column::Article => a_at.cmp(&b_at),
            Column::Status => status_rank(a.status).cmp(&status_rank(b.status)),
        }
        .then_with(|| a_at.cmp(&b_at))
        .then_with(|| {
            a.anchor
                .span
                .map(|s| s.start)
                .cmp(&b.anchor.span.map(|s| s.start))
        });
        if ascending { order } else { order.reverse() }
    });
    claims.into_iter().map(|(_, c)| c.id).collect()
}

fn status_rank(status: ClaimStatus) -> u8 {
    match status {
        ClaimStatus::Unreviewed => 0,
        ClaimStatus::Unconfirmed => 1,
        ClaimStatus::Confirmed => 2,
    }
}

/// The units the claim's figures count (`troops`, `%`).
fn claim_units(workspace: &Workspace, claim: &Claim) -> Vec<String> {
    let (Some(article), Some(span)) = (workspace.article(&claim.article), claim.anchor.span) else {
        return Vec::new();
    };
    article
        .extraction
        .entities
        .iter()
        .filter(|e| span.contains(e.span))
        .filter_map(|e| e.quantity.as_ref().and_then(|q| q.unit.clone()))
        .collect()
}

/// The claim's figures as the analyst reads them, each with what it counts: `12,000 troops
/// · 1,500 soldiers`.
fn figures_text(workspace: &Workspace, claim: &Claim) -> String {
    let quantities: Vec<&crate::extract::Quantity> =
        match (workspace.article(&claim.article), claim.anchor.span) {
            (Some(article), Some(span)) => article
                .extraction
                .entities
                .iter()
                .filter(|e| span.contains(e.span))
                .filter_map(|e| e.quantity.as_deref())
                .collect(),
            _ => Vec::new(),
        };
    claim
        .values
        .iter()
        .map(|&value| {
            let figure = crate::compare::grouped(value);
            #[allow(clippy::float_cmp)] // the same number, read once and copied
            let unit = quantities
                .iter()
                .find(|q| q.value == value)
                .and_then(|q| q.unit.as_deref());
            match unit {
                Some("%") => format!("{figure}%"),
                Some(unit) => format!("{figure} {unit}"),
                None => figure,
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Whether an entity whose text contains `needle` lies inside the claim.
fn mentions_entity(workspace: &Workspace, claim: &Claim, needle: &str) -> bool {
    let (Some(article), Some(span)) = (workspace.article(&claim.article), claim.anchor.span) else {
        return false;
    };
    let text = &article.article.text;
    article
        .extraction
        .entities
        .iter()
        .filter(|e| span.contains(e.span))
        .any(|e| {
            text.get(e.span.start..e.span.end)
                .is_some_and(|t| t.to_lowercase().contains(needle))
                || e.canonical
                    .as_deref()
                    .is_some_and(|c| c.to_lowercase().contains(needle))
        })
}

/// Every unit any claim's figures count, for the filter menu.
fn all_units(workspace: &Workspace) -> Vec<String> {
    let mut units: Vec<String> = workspace
        .articles()
        .flat_map(|a| {
            a.extraction
                .entities
                .iter()
                .filter_map(|e| e.quantity.as_ref().and_then(|q| q.unit.clone()))
        })
        .collect();
    units.sort();
    units.dedup();
    units
}

/// The filter bar and the table.
pub fn claims_table_ui(
    ui: &mut egui::Ui,
    session: &Session,
    view: &mut ViewState,
    rows: &[ClaimId],
    intents: &mut Vec<Intent>,
) {
    let workspace = &session.workspace;
    filter_bar_ui(ui, workspace, view, rows.len());
    ui.separator();

    let selected_row = view.claim.and_then(|c| rows.iter().position(|r| *r == c));
    // Speaker and article share what the status and figures columns leave, with the claim
    // text taking the rest.
    let width = ui.available_width();
    let flexible = (width - 112.0 - 40.0).max(300.0);
    let speaker_width = (flexible * 0.2).clamp(80.0, 220.0);
    // Figures carry their unit (`12,000 troops · 1,500 soldiers`).
    let figures_width = (flexible * 0.16).clamp(80.0, 200.0);
    let article_width = (flexible * 0.22).clamp(80.0, 260.0);
    let mut table = TableBuilder::new(ui)
        .id_salt("claims_table")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(Align::Center))
        // Status first: it is what the analyst scans for, and must never be clipped away.
        .column(TableColumn::exact(112.0))
        .column(TableColumn::remainder().at_least(140.0).clip(true))
        .column(
            TableColumn::initial(speaker_width)
                .at_least(60.0)
                .clip(true),
        )
        .column(
            TableColumn::initial(figures_width)
                .at_least(50.0)
                .clip(true),
        )
        .column(
            TableColumn::initial(article_width)
                .at_least(60.0)
                .clip(true),
        )
        .min_scrolled_height(0.0)
        .auto_shrink([false, false]);
    // Widths the analyst dragged hold until the window changes; then the columns share the
    // new width, so the last never hides under the Inspector.
    if view
        .claims_table_width
        .is_some_and(|last| (last - width).abs() > 1.0)
    {
        table.reset();
    }
    view.claims_table_width = Some(width);
    if view.scroll_table_to_claim {
        if let Some(row) = selected_row {
            table = table.scroll_to_row(row, Some(Align::Center));
        }
        view.scroll_table_to_claim = false;
    }
    table
        .header(24.0, |mut header| {
            for (column, label) in [
                (Column::Status, "Status"),
                (Column::Text, "Claim"),
                (Column::Speaker, "Speaker"),
                (Column::Figures, "Figures"),
                (Column::Article, "Article"),
            ] {
                header.col(|ui| {
                    let arrow = match view.sort {
                        (c, true) if c == column => " ⏶",
                        (c, false) if c == column => " ⏷",
                        _ => "",
                    };
                    let response = ui.add(
                        egui::Button::new(RichText::new(format!("{label}{arrow}")).strong())
                            .frame(false),
                    );
                    if response
                        .on_hover_text(format!("Sort by {}", label.to_lowercase()))
                        .clicked()
                    {
                        view.sort = if view.sort.0 == column {
                            (column, !view.sort.1)
                        } else {
                            (column, true)
                        };
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                let Some(claim) = workspace.claim(rows[row.index()]) else {
                    return;
                };
                row.set_selected(view.claim == Some(claim.id));
                row.col(|ui| {
                    let dark = ui.visuals().dark_mode;
                    ui.label(theme::status_text(claim.status, dark));
                });
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(bidi::line(ui, one_line(&claim.anchor.quote.exact)))
                            .truncate()
                            .selectable(false),
                    );
                });
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(bidi::line(ui, claim.speaker.as_deref().unwrap_or("—")))
                            .truncate()
                            .selectable(false),
                    );
                });
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(figures_text(workspace, claim))
                            .truncate()
                            .selectable(false),
                    );
                });
                row.col(|ui| {
                    let title = workspace
                        .article(&claim.article)
                        .map(|a| a.article.display_title())
                        .unwrap_or_default();
                    ui.add(
                        egui::Label::new(bidi::line(ui, title))
                            .truncate()
                            .selectable(false),
                    );
                });
                if row.response().clicked() {
                    intents.push(Intent::SelectClaim(claim.id));
                }
            });
        });
}

fn filter_bar_ui(ui: &mut egui::Ui, workspace: &Workspace, view: &mut ViewState, shown: usize) {
    // Fields share the width, so the bar stays one row down to a 1280-pixel window.
    let room = ui.available_width();
    let find_width = (room * 0.16).clamp(80.0, 220.0);
    let entity_width = (room * 0.09).clamp(56.0, 140.0);
    let figures_width = (room * 0.09).clamp(64.0, 120.0);
    ui.horizontal_wrapped(|ui| {
        ui.strong("Claims");
        ui.label(format!("{shown} of {}", workspace.claims().len()));
        ui.separator();
        let find = labelled::text_field(
            ui,
            "Find:",
            &mut view.filter.text,
            "text, speaker or note",
            find_width,
        );
        if view.focus_filter {
            find.request_focus();
            view.focus_filter = false;
        }
        labelled::text_field(
            ui,
            "Entity:",
            &mut view.filter.entity,
            "e.g. Kirby",
            entity_width,
        );
        labelled::status_filter(ui, "Status:", &mut view.filter.status);
        if workspace.disputed_claims().next().is_some() || view.filter.disputed {
            ui.checkbox(&mut view.filter.disputed, "Disputed")
                .on_hover_text("Only the claims whose merged reviews disagree");
        }
        let figure_text = match &view.filter.figure_unit {
            None => "Any".to_owned(),
            Some(u) if u.is_empty() => "With figures".to_owned(),
            Some(u) => u.clone(),
        };
        let label = ui.label("Figures:");
        egui::ComboBox::from_id_salt("figure_filter")
            .width(figures_width)
            .selected_text(figure_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.filter.figure_unit, None, "Any");
                ui.selectable_value(
                    &mut view.filter.figure_unit,
                    Some(String::new()),
                    "With figures",
                );
                for unit in all_units(workspace) {
                    ui.selectable_value(&mut view.filter.figure_unit, Some(unit.clone()), unit);
                }
            })
            .response
            .labelled_by(label.id);
        if view.filter != ClaimFilter::default() && ui.button("Clear filters").clicked() {
            view.filter = ClaimFilter::default();
        }
    });
}
