//! The cross-checking views: figures of the same measure side by side with conflicts and
//! independent origins, source chains and the timeline of reported events (the entity index
//! has its own file). The comparison is computed off the UI thread once per revision.

use std::collections::BTreeMap;

use egui::RichText;

use super::super::intent::Intent;
use super::super::session::Session;
use super::super::theme;
use super::super::view_state::{CentralView, ViewState};
use super::super::widgets::labelled;
use super::super::words::counted;
use crate::compare::{
    CrossCheck, FigureGroup, PlacementBasis, TimelineFilter, TimelineItem, calendar_ticks,
    dense_range, separated,
};
use crate::workspace::Action;
use crate::workspace::claim::{ClaimStatus, Grades};
use chrono::NaiveDate;
use egui_plot::{GridInput, GridMark, HoverPosition, Line, MarkerShape, Plot, Points};

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

/// About how wide the figures table's other columns are together (figure, range, status,
/// credibility with its button), in points.
const FIXED_COLUMNS: f32 = 600.0;

/// How many characters the speaker, source chain and article cells show: the width the other
/// columns leave them, at about 7 points a character; the whole text is on hover. Below about
/// 1,400 points of window the table scrolls sideways.
fn cell_chars(available_width: f32) -> usize {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to a small positive count"
    )]
    let chars = ((available_width - FIXED_COLUMNS) / 3.0 / 7.0).clamp(14.0, 60.0) as usize;
    chars
}

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

/// `text` clipped to `chars` characters, with the whole on hover.
fn clipped_label(ui: &mut egui::Ui, text: &str, chars: usize) {
    if text.chars().count() > chars {
        let short: String = text.chars().take(chars - 1).chain(['…']).collect();
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
    let chars = cell_chars(ui.available_width());
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
                clipped_label(ui, figure.speaker.as_deref().unwrap_or("—"), chars);
                clipped_label(ui, &figure.chain, chars);
                clipped_label(ui, &figure.article_title, chars);
                ui.label(theme::status_text(figure.status, dark));
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
        if ui
            .button("Fit to the events")
            .on_hover_text("Back to the first view (0)")
            .clicked()
        {
            view.timeline_reset = true;
        }
    });
    ui.label(
        RichText::new(
            "● the event's date · ○ the report's date · colour: status · drag to pan, scroll or +/− to zoom, ←/→ to move, 0 to fit · click a dot to open its claim",
        )
        .small()
        .weak(),
    );
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
    let items: Vec<&TimelineItem> = data
        .timeline
        .filtered(&filter)
        .filter(|item| item.placement.is_some())
        .collect();
    let placed: Vec<NaiveDate> = items
        .iter()
        .filter_map(|i| i.placement.map(|p| p.date))
        .collect();
    let Some((from, to)) = dense_range(&placed) else {
        ui.label("No claim in the workspace reports a datable event.");
        return;
    };
    timeline_keys(ui, view);
    let dark = ui.visuals().dark_mode;
    let lanes = items.len() as f64;
    let reset = std::mem::take(&mut view.timeline_reset);
    let mut plot = Plot::new("timeline")
        .id(timeline_id())
        .show_axes([true, false])
        .show_grid([true, false])
        .allow_zoom([true, false])
        .allow_scroll([true, false])
        .allow_drag([true, false])
        .allow_boxed_zoom(false)
        .default_x_bounds(day_number(from), day_number(to))
        .default_y_bounds(-1.0, lanes)
        // Room below for the note on events outside the view.
        .height((ui.available_height() - 24.0).max(120.0))
        .x_grid_spacer(calendar_grid)
        .x_axis_formatter(|mark, range| calendar_label(mark.value, range))
        .label_formatter(|hover| {
            let HoverPosition::NearDataPoint { position, .. } = hover else {
                return None;
            };
            let item = items.get(lane_of(position.y)?)?;
            let placement = item.placement?;
            let kind = match placement.basis {
                PlacementBasis::Event => "event",
                PlacementBasis::Report => "reported",
            };
            // Short lines: the label is drawn inside the plot, beside the pointer.
            Some(format!(
                "{} ({kind})\n{}\n{}",
                placement.date,
                wrapped(&item.article_title, 48, 1),
                wrapped(&item.text, 48, 4)
            ))
        });
    if reset {
        plot = plot.reset();
    }
    let response = plot.show(ui, |plot_ui| {
        let bounds = plot_ui.plot_bounds();
        let (left, right) = (bounds.min()[0], bounds.max()[0]);
        // Edge marks sit just inside the frame, so they are drawn whole.
        let inset = (right - left) * 0.008;
        for status in [
            ClaimStatus::Unreviewed,
            ClaimStatus::Confirmed,
            ClaimStatus::Unconfirmed,
        ] {
            let color = theme::status_color(status, dark);
            let (mut events, mut reports, mut before, mut after) =
                (Vec::new(), Vec::new(), Vec::new(), Vec::new());
            for (lane, item) in items.iter().enumerate().filter(|(_, i)| i.status == status) {
                let Some(placement) = item.placement else {
                    continue;
                };
                let y = lane as f64;
                let x = day_number(placement.date);
                if let Some(reported) = item.reported.map(|r| r.date())
                    && reported != placement.date
                {
                    let report_x = day_number(reported);
                    plot_ui.line(
                        Line::new("", vec![[x, y], [report_x, y]])
                            .color(color.gamma_multiply(0.4))
                            .allow_hover(false),
                    );
                    reports.push([report_x, y]);
                }
                // Beyond the view: marked at its edge, pointing the way to it.
                if x < left {
                    before.push([left + inset, y]);
                } else if x > right {
                    after.push([right - inset, y]);
                }
                events.push([x, y]);
            }
            let name = theme::status_label(status);
            plot_ui.points(
                Points::new(name, events)
                    .color(color)
                    .radius(4.5)
                    .filled(true),
            );
            plot_ui.points(
                Points::new(format!("{name} (report date)"), reports)
                    .color(color)
                    .radius(4.0)
                    .filled(false),
            );
            for (marks, shape) in [(before, MarkerShape::Left), (after, MarkerShape::Right)] {
                plot_ui.points(
                    Points::new("", marks)
                        .color(color)
                        .radius(5.0)
                        .shape(shape)
                        .allow_hover(false),
                );
            }
        }
        let clicked = plot_ui.response().clicked();
        let pointer = plot_ui.pointer_coordinate();
        (clicked.then_some(pointer).flatten(), (left, right))
    });
    let (click, shown) = response.inner;
    view.timeline_days = Some(shown);
    if let Some(at) = click
        && let Some(item) = lane_of(at.y).and_then(|lane| items.get(lane))
        && let Some(placement) = item.placement
    {
        // Within a few pixels of the dot (or of its report date).
        let per_pixel = (shown.1 - shown.0) / f64::from(response.response.rect.width().max(1.0));
        let near = |day: f64| (at.x - day).abs() <= 8.0 * per_pixel;
        if near(day_number(placement.date))
            || item.reported.is_some_and(|r| near(day_number(r.date())))
        {
            intents.push(Intent::SelectClaim(item.claim));
        }
    }
    let outside: usize = placed
        .iter()
        .filter(|d| {
            let x = day_number(**d);
            x < shown.0 || x > shown.1
        })
        .count();
    if outside > 0 {
        ui.label(
            RichText::new(format!(
                "{} outside this view, marked ◀ ▶ at its edges: scroll out or press 0 for all.",
                counted(outside, "event")
            ))
            .small(),
        );
    }
}

/// The Timeline's keys, when no text field has the cursor: + and − zoom, ← and → move,
/// 0 fits the view to the events again.
fn timeline_keys(ui: &egui::Ui, view: &mut ViewState) {
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let Some((left, right)) = view.timeline_days else {
        return;
    };
    let width = right - left;
    let (zoom, pan, fit) = ui.input(|i| {
        let zoom = if i.key_pressed(egui::Key::Plus) || i.key_pressed(egui::Key::Equals) {
            Some(0.8)
        } else if i.key_pressed(egui::Key::Minus) {
            Some(1.25)
        } else {
            None
        };
        let pan = if i.key_pressed(egui::Key::ArrowLeft) {
            -0.2
        } else if i.key_pressed(egui::Key::ArrowRight) {
            0.2
        } else {
            0.0
        };
        (zoom, pan, i.key_pressed(egui::Key::Num0))
    });
    if fit {
        view.timeline_reset = true;
        return;
    }
    if zoom.is_none() && pan == 0.0 {
        return;
    }
    let center = f64::midpoint(left, right) + pan * width;
    let half = width * zoom.unwrap_or(1.0) / 2.0;
    if let Some(mut memory) = egui_plot::PlotMemory::load(ui.ctx(), timeline_id()) {
        let bounds = memory.bounds();
        let y = (bounds.min()[1], bounds.max()[1]);
        memory.set_bounds(egui_plot::PlotBounds::from_min_max(
            [center - half, y.0],
            [center + half, y.1],
        ));
        memory.auto_bounds = false.into();
        memory.store(ui.ctx(), timeline_id());
    }
}

/// The Timeline plot's id, where its zoom and pan are kept between frames.
fn timeline_id() -> egui::Id {
    egui::Id::unique("crosscheck_timeline")
}

/// `text` in lines of at most `width` characters, broken between words, at most `lines` of
/// them (the last ends in `…` when text is left over).
fn wrapped(text: &str, width: usize, lines: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut line));
            if out.len() == lines {
                if let Some(last) = out.last_mut() {
                    last.push('…');
                }
                return out.join("\n");
            }
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push(line);
    }
    out.join("\n")
}

/// Days since 1970-01-01: the Timeline's x.
fn day_number(date: NaiveDate) -> f64 {
    #[allow(clippy::cast_precision_loss)] // days, far below 2^52
    let days = (date - NaiveDate::default()).num_days() as f64;
    days
}

fn date_of(day: f64) -> NaiveDate {
    #[allow(clippy::cast_possible_truncation)] // days on the axis, far inside i64
    let days = day.round() as i64;
    NaiveDate::default()
        .checked_add_signed(chrono::Duration::days(days))
        .unwrap_or_default()
}

/// The lane (the item's row) a y coordinate is in.
fn lane_of(y: f64) -> Option<usize> {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // checked non-negative
    let lane = (y >= -0.5).then(|| y.round().max(0.0) as usize);
    lane
}

/// Grid lines on calendar boundaries (weeks, months, years) for the days in view.
#[allow(clippy::needless_pass_by_value)] // the signature egui_plot asks of a grid spacer
fn calendar_grid(input: GridInput) -> Vec<GridMark> {
    let (from, to) = (date_of(input.bounds.0), date_of(input.bounds.1));
    calendar_ticks(from, to, 10)
        .into_iter()
        .map(|tick| GridMark {
            value: day_number(tick.date),
            #[allow(clippy::cast_precision_loss)]
            step_size: tick.unit_days as f64,
        })
        .collect()
}

/// The label of a grid line: the date, as fine as the marks in view.
fn calendar_label(day: f64, range: &std::ops::RangeInclusive<f64>) -> String {
    let (from, to) = (date_of(*range.start()), date_of(*range.end()));
    let date = date_of(day);
    calendar_ticks(from, to, 10)
        .into_iter()
        .find(|tick| tick.date == date)
        .map(|tick| tick.label)
        .unwrap_or_default()
}
