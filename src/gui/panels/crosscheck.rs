//! The cross-checking views: figures of the same measure side by side with conflicts and
//! independent origins, source chains and the timeline of reported events (the entity index
//! has its own file). The comparison is computed off the UI thread once per revision.

use std::collections::BTreeMap;

use egui::{RichText, Sense, Stroke, vec2};

use super::super::app::Intent;
use super::super::session::Session;
use super::super::theme;
use super::super::view_state::{CentralView, ViewState};
use super::super::widgets::labelled;
use super::super::words::counted;
use crate::compare::{
    Comparison, EditError, EntityIndex, FigureGroup, Timeline, TimelineFilter, separated,
};
use crate::workspace::claim::{ClaimStatus, Grades};
use crate::workspace::{Action, Workspace};

/// The cross-check data for one workspace revision.
pub struct CrossCheck {
    /// Figure groups and source chains.
    pub comparison: Comparison,
    /// Every entity across the workspace, after the analyst's index edits.
    pub index: EntityIndex,
    /// The index edits that could not be applied: their position and why.
    pub skipped_edits: Vec<(usize, EditError)>,
    /// Claims placed on the time axis.
    pub timeline: Timeline,
}

impl CrossCheck {
    /// Computes everything for `workspace` (slow for large workspaces: run it on a thread).
    #[must_use]
    pub fn compute(workspace: &Workspace) -> Self {
        let (index, skipped_edits) = EntityIndex::build_reporting(workspace);
        let comparison = Comparison::build(workspace, &index);
        let timeline = crate::compare::timeline(workspace, &index);
        Self {
            comparison,
            index,
            skipped_edits,
            timeline,
        }
    }
}

/// The tab bar over the central area; `outdated` when the cross-check views show an older
/// revision while the current one is computed.
pub fn view_tabs_ui(ui: &mut egui::Ui, view: &mut ViewState, outdated: bool) {
    ui.horizontal(|ui| {
        for (central, command) in [
            (
                CentralView::Reader,
                super::super::command::Command::ShowReader,
            ),
            (
                CentralView::Figures,
                super::super::command::Command::ShowFigures,
            ),
            (
                CentralView::Sources,
                super::super::command::Command::ShowSources,
            ),
            (
                CentralView::Entities,
                super::super::command::Command::ShowEntities,
            ),
            (
                CentralView::Timeline,
                super::super::command::Command::ShowTimeline,
            ),
            (
                CentralView::Adjudicate,
                super::super::command::Command::ShowAdjudicate,
            ),
        ] {
            let shortcut = command.shortcut_text(ui.ctx()).unwrap_or_default();
            if ui
                .add(egui::Button::selectable(
                    view.central == central,
                    command.label(),
                ))
                .on_hover_text(shortcut)
                .clicked()
            {
                view.central = central;
            }
        }
        if outdated && !matches!(view.central, CentralView::Reader | CentralView::Adjudicate) {
            ui.separator();
            ui.spinner();
            ui.label(
                RichText::new("updating with your latest change…")
                    .small()
                    .weak(),
            );
        }
    });
    ui.separator();
}

/// Shows the selected cross-check view, or a note while it is computed.
pub fn crosscheck_ui(
    ui: &mut egui::Ui,
    session: &Session,
    view: &mut ViewState,
    data: Option<&CrossCheck>,
    intents: &mut Vec<Intent>,
) {
    let Some(data) = data else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Comparing the articles…");
        });
        return;
    };
    match view.central {
        CentralView::Reader | CentralView::Adjudicate => {}
        CentralView::Figures => figures_ui(ui, session, view, data, intents),
        CentralView::Sources => sources_ui(ui, data, intents),
        CentralView::Entities => super::entities::entities_ui(ui, session, view, data, intents),
        CentralView::Timeline => timeline_ui(ui, view, data, intents),
    }
}

fn figures_ui(
    ui: &mut egui::Ui,
    session: &Session,
    view: &mut ViewState,
    data: &CrossCheck,
    intents: &mut Vec<Intent>,
) {
    let groups = &data.comparison.groups;
    if groups.is_empty() {
        ui.label("No figures to compare yet: open articles that report numbers.");
        return;
    }
    ui.label(format!(
        "{} across articles · {} with conflicting figures",
        counted(groups.len(), "measure"),
        groups.iter().filter(|g| g.conflicting).count()
    ));
    // Figure tables are wide (speaker, chain, article, status, grade): scroll both ways.
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for group in groups {
                group_ui(ui, session, view, group, intents);
            }
        });
}

/// Rows a group's table shows at first; more on request (a group can hold thousands).
const FIGURE_ROWS_PAGE: usize = 50;

/// Longest source chain or title a cell shows; the whole text is on hover.
const CELL_CHARS: usize = 48;

fn group_ui(
    ui: &mut egui::Ui,
    session: &Session,
    view: &mut ViewState,
    group: &FigureGroup,
    intents: &mut Vec<Intent>,
) {
    let dark = ui.visuals().dark_mode;
    let conflict_color = theme::status_color(ClaimStatus::Unconfirmed, dark);
    let title = RichText::new(format!(
        "{}{} · {} · {}",
        if group.conflicting { "⚠ " } else { "" },
        group.label,
        counted(group.figures.len(), "figure"),
        counted(group.independent_origins, "independent origin"),
    ))
    .strong();
    let title = if group.conflicting {
        title.color(conflict_color)
    } else {
        title
    };
    egui::CollapsingHeader::new(title)
        .id_salt(&group.id)
        .default_open(group.figures.len() > 1)
        .show(ui, |ui| {
            let origins: Vec<String> = group
                .origins
                .iter()
                .map(|o| format!("{} ({}×)", o.source.name, o.figures))
                .collect();
            ui.label(
                RichText::new(format!(
                    "unit: {} · origins: {}",
                    group.unit,
                    origins.join(", ")
                ))
                .small(),
            );
            if group.conflicting {
                // The sides first: which values stand against which, and how widely each is
                // reported; the pairs themselves follow the table.
                let sides: Vec<String> = group
                    .clusters
                    .iter()
                    .map(|c| {
                        format!(
                            "{} from {} ({})",
                            c.typical,
                            counted(c.articles, "report"),
                            counted(c.origins, "origin")
                        )
                    })
                    .collect();
                ui.label(
                    RichText::new(format!(
                        "⚠ {}: {}",
                        counted(group.conflicting_pairs, "conflicting pair"),
                        sides.join("  vs  ")
                    ))
                    .color(conflict_color),
                );
            }
            let shown = view
                .figure_rows
                .get(&group.id)
                .copied()
                .unwrap_or(FIGURE_ROWS_PAGE)
                .min(group.figures.len());
            figure_table_ui(ui, session, group, shown, intents);
            if shown < group.figures.len() {
                let more = (group.figures.len() - shown).min(FIGURE_ROWS_PAGE * 4);
                ui.horizontal(|ui| {
                    ui.label(format!(
                        "Showing {} of {}.",
                        separated(shown),
                        counted(group.figures.len(), "figure")
                    ));
                    if ui
                        .button(format!("Show {} more", separated(more)))
                        .clicked()
                    {
                        view.figure_rows.insert(group.id.clone(), shown + more);
                    }
                });
            }
            conflicts_ui(ui, group, conflict_color, intents);
        });
}

/// The strongest conflicting pairs, each standing for the pairs that read alike.
fn conflicts_ui(
    ui: &mut egui::Ui,
    group: &FigureGroup,
    conflict_color: egui::Color32,
    intents: &mut Vec<Intent>,
) {
    if group.conflicts.is_empty() {
        return;
    }
    ui.label(RichText::new("Strongest conflicts").strong());
    for conflict in &group.conflicts {
        let (first, second) = (
            &group.figures[conflict.first],
            &group.figures[conflict.second],
        );
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("⚠").color(conflict_color));
            for figure in [first, second] {
                if ui
                    .link(format!("{} ({})", figure.display(), figure.claim))
                    .on_hover_text(&figure.article_title)
                    .clicked()
                {
                    intents.push(Intent::SelectClaim(figure.claim));
                }
            }
            if conflict.alike > 1 {
                ui.label(
                    RichText::new(format!(
                        "and {} like them",
                        counted(conflict.alike - 1, "other pair")
                    ))
                    .weak(),
                );
            }
        });
        ui.label(
            RichText::new(&conflict.reason)
                .small()
                .color(conflict_color),
        );
    }
    let listed: usize = group.conflicts.iter().map(|c| c.alike).sum();
    if group.conflicting_pairs > listed {
        ui.label(
            RichText::new(format!(
                "… and {} more",
                counted(group.conflicting_pairs - listed, "conflicting pair")
            ))
            .weak(),
        );
    }
}

/// `text` clipped to [`CELL_CHARS`], with the whole on hover.
fn clipped_label(ui: &mut egui::Ui, text: &str) {
    if text.chars().count() > CELL_CHARS {
        let short: String = text.chars().take(CELL_CHARS - 1).chain(['…']).collect();
        ui.label(short).on_hover_text(text);
    } else {
        ui.label(text);
    }
}

fn figure_table_ui(
    ui: &mut egui::Ui,
    session: &Session,
    group: &FigureGroup,
    rows: usize,
    intents: &mut Vec<Intent>,
) {
    let dark = ui.visuals().dark_mode;
    egui::Grid::new(("figures", &group.id))
        .striped(true)
        .num_columns(7)
        .show(ui, |ui| {
            for header in [
                "Figure",
                "Range",
                "Speaker",
                "Source chain",
                "Article",
                "Status",
                "Credibility",
            ] {
                ui.label(RichText::new(header).strong());
            }
            ui.end_row();
            for figure in &group.figures[..rows] {
                if ui
                    .link(figure.display())
                    .on_hover_text(&figure.clause)
                    .clicked()
                {
                    intents.push(Intent::SelectClaim(figure.claim));
                }
                ui.label(figure.bounds.display());
                ui.label(figure.speaker.as_deref().unwrap_or("—"));
                clipped_label(ui, &figure.chain);
                clipped_label(ui, &figure.article_title);
                ui.label(
                    RichText::new(format!(
                        "{} {}",
                        theme::status_symbol(figure.status),
                        theme::status_label(figure.status)
                    ))
                    .color(theme::status_color(figure.status, dark)),
                );
                let suggestion = &figure.suggested_credibility;
                ui.horizontal(|ui| {
                    if let Some(graded) = figure.analyst_credibility {
                        ui.label(format!("{} (analyst)", graded.digit()));
                    } else {
                        ui.label(format!("suggested {}", suggestion.credibility.digit()))
                            .on_hover_text(&suggestion.reason);
                        if ui
                            .small_button("Accept")
                            .on_hover_text(&suggestion.reason)
                            .clicked()
                        {
                            let reliability = session
                                .workspace
                                .claim(figure.claim)
                                .and_then(|c| c.grades.reliability);
                            intents.push(Intent::Apply(Action::SetGrades {
                                claim: figure.claim,
                                grades: Grades {
                                    reliability,
                                    credibility: Some(suggestion.credibility),
                                },
                            }));
                        }
                    }
                });
                ui.end_row();
            }
        });
}

fn sources_ui(ui: &mut egui::Ui, data: &CrossCheck, intents: &mut Vec<Intent>) {
    // Chains grouped by where they start: one origin repeated by many outlets counts once.
    let mut by_origin: BTreeMap<String, Vec<&crate::compare::SourceChain>> = BTreeMap::new();
    for chain in data.comparison.chains.iter().filter(|c| c.is_attributed()) {
        by_origin
            .entry(chain.origin().name.clone())
            .or_default()
            .push(chain);
    }
    if by_origin.is_empty() {
        ui.label("No attributed claims yet.");
        return;
    }
    ui.label(format!(
        "{} origins behind {} attributed claims",
        by_origin.len(),
        by_origin.values().map(Vec::len).sum::<usize>()
    ));
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut origins: Vec<_> = by_origin.into_iter().collect();
            origins.sort_by_key(|(_, chains)| std::cmp::Reverse(chains.len()));
            for (origin, chains) in origins {
                let articles: std::collections::BTreeSet<_> =
                    chains.iter().map(|c| &c.article).collect();
                egui::CollapsingHeader::new(
                    RichText::new(format!(
                        "{origin} · {} in {}",
                        counted(chains.len(), "claim"),
                        counted(articles.len(), "article")
                    ))
                    .strong(),
                )
                .id_salt(("origin", &origin))
                .show(ui, |ui| {
                    for chain in chains {
                        if ui
                            .link(format!("{} · {}", chain.claim, chain.display()))
                            .clicked()
                        {
                            intents.push(Intent::SelectClaim(chain.claim));
                        }
                    }
                });
            }
        });
}

fn timeline_ui(
    ui: &mut egui::Ui,
    view: &mut ViewState,
    data: &CrossCheck,
    intents: &mut Vec<Intent>,
) {
    ui.horizontal(|ui| {
        labelled::text_field(
            ui,
            "Entity:",
            &mut view.timeline_entity,
            "e.g. Kirby",
            140.0,
        );
        labelled::status_filter(ui, "Timeline status:", &mut view.timeline_status);
    });
    ui.label(RichText::new("filled dot: the event's date · ring: the report's date · colour: status; click a dot to open its claim").small().weak());
    let entity = Some(view.timeline_entity.trim())
        .filter(|t| !t.is_empty())
        .and_then(|name| data.index.resolve(name))
        .map(|e| e.key.clone());
    let filter = TimelineFilter {
        entity,
        statuses: view.timeline_status.into_iter().collect(),
        include_report_dated: true,
        include_undated: false,
    };
    let items: Vec<_> = data
        .timeline
        .filtered(&filter)
        .filter(|item| item.placement.is_some())
        .collect();
    let Some((first, last)) = data.timeline.extent() else {
        ui.label("No claim in the workspace reports a datable event.");
        return;
    };
    let days = (last - first).num_days().max(1) as f32;
    let dark = ui.visuals().dark_mode;
    let lane = 22.0;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let width = ui.available_width();
            let (rect, _) = ui.allocate_exact_size(
                vec2(width, lane * (items.len() as f32 + 2.0)),
                Sense::hover(),
            );
            let painter = ui.painter_at(rect);
            let x_of = |date: chrono::NaiveDate| {
                rect.left() + 20.0 + (width - 40.0) * (date - first).num_days() as f32 / days
            };
            let axis_y = rect.top() + 12.0;
            painter.line_segment(
                [
                    egui::pos2(rect.left() + 20.0, axis_y),
                    egui::pos2(rect.right() - 20.0, axis_y),
                ],
                Stroke::new(1.0, ui.visuals().weak_text_color()),
            );
            // The ends of the axis label inwards, so neither is cut off at the panel's edge.
            for (date, align) in [
                (first, egui::Align2::LEFT_BOTTOM),
                (last, egui::Align2::RIGHT_BOTTOM),
            ] {
                painter.text(
                    egui::pos2(x_of(date), axis_y - 2.0),
                    align,
                    date.to_string(),
                    egui::FontId::proportional(11.0),
                    ui.visuals().text_color(),
                );
            }
            for (row, item) in items.iter().enumerate() {
                let y = axis_y + lane * (row as f32 + 1.0);
                let color = theme::status_color(item.status, dark);
                let Some(placement) = item.placement else {
                    continue;
                };
                let event = egui::pos2(x_of(placement.date), y);
                if let Some(reported) = item
                    .reported
                    .map(|r| r.date())
                    .filter(|r| *r != placement.date)
                {
                    let report = egui::pos2(x_of(reported), y);
                    painter
                        .line_segment([event, report], Stroke::new(1.0, color.gamma_multiply(0.5)));
                    painter.circle_stroke(report, 4.0, Stroke::new(1.5, color));
                }
                painter.circle_filled(event, 5.0, color);
                let hit = egui::Rect::from_center_size(event, vec2(14.0, 14.0));
                let response = ui.interact(
                    hit,
                    ui.scope_id().with(("timeline", item.claim)),
                    Sense::click(),
                );
                let response = response.on_hover_text(format!(
                    "{} · {}\n{}",
                    placement.date, item.article_title, item.text
                ));
                if response.clicked() {
                    intents.push(Intent::SelectClaim(item.claim));
                }
                let label: String = format!(
                    "{} · {}",
                    item.speaker.as_deref().unwrap_or(&item.article_title),
                    item.text
                )
                .chars()
                .take(110)
                .collect();
                // Labels run away from the nearer edge, so late events stay readable.
                let (anchor, align) = if event.x > rect.center().x {
                    (event - vec2(9.0, 0.0), egui::Align2::RIGHT_CENTER)
                } else {
                    (event + vec2(9.0, 0.0), egui::Align2::LEFT_CENTER)
                };
                painter.text(
                    anchor,
                    align,
                    label,
                    egui::FontId::proportional(11.0),
                    ui.visuals().text_color().gamma_multiply(0.8),
                );
            }
        });
}
