//! The reader: the article with entities coloured by kind, claims underlined in their status
//! colour and boilerplate dimmed or hidden; a hard-wrapped paragraph reads as one. Lines are
//! laid out once and cached (rebuilt only when what they show changes) and only the visible
//! ones are painted. Clicking a claim selects it; dragging selects text for "New claim" or
//! "Mark as ..."; right-clicking an entity offers to change or remove it.

use std::sync::Arc;

use egui::{Galley, Pos2, RichText, Sense, Vec2};

use super::super::intent::Intent;
use super::super::session::Session;
use super::super::theme;
use super::super::view_state::ViewState;
use super::super::widgets::bidi::{self, SourceMap};
use super::super::widgets::highlight::{ClaimMark, Marks, Style, kind_index, line_job};
use super::super::widgets::paragraphs;
use crate::article::ArticleId;
use crate::extract::{Entity, EntityKind};
use crate::span::Span;
use crate::workspace::Action;
use crate::workspace::corrections::EntityCorrection;

/// Everything a laid-out line depends on besides its own marks.
#[derive(Debug, Clone, PartialEq)]
struct LayoutKey {
    article: ArticleId,
    revision: u64,
    width: u32,
    dark_mode: bool,
    visible_kinds: [bool; 6],
    hide_boilerplate: bool,
    selected_claim: Option<crate::workspace::claim::ClaimId>,
    font_size: u32,
}

struct Line {
    span: Span,
    galley: Arc<Galley>,
    /// Where each shown character comes from, when the line was reordered (right-to-left).
    map: Option<SourceMap>,
    hidden: bool,
}

/// The reader's laid-out article.
#[derive(Default)]
pub struct ReaderCache {
    key: Option<LayoutKey>,
    selection: Option<Span>,
    lines: Vec<Line>,
    /// Top of each line, and the total height last.
    tops: Vec<f32>,
    entities: Vec<Entity>,
    claims: Vec<(crate::workspace::claim::ClaimId, ClaimMark)>,
    /// Where the text's top-left corner was last painted, on screen.
    origin: Option<Pos2>,
}

impl ReaderCache {
    fn refresh(
        &mut self,
        ui: &egui::Ui,
        session: &Session,
        view: &ViewState,
        article: &ArticleId,
        width: f32,
    ) {
        let workspace = &session.workspace;
        let Some(analyzed) = workspace.article(article) else {
            return;
        };
        let text = &analyzed.article.text;
        let font = egui::TextStyle::Body.resolve(ui.style());
        let key = LayoutKey {
            article: article.clone(),
            revision: workspace.revision(),
            width: width.round() as u32,
            dark_mode: ui.visuals().dark_mode,
            visible_kinds: view.visible_kinds,
            hide_boilerplate: view.hide_boilerplate,
            selected_claim: view.claim,
            font_size: (font.size * 10.0) as u32,
        };
        let selection = view
            .selection
            .as_ref()
            .filter(|(a, _)| a == article)
            .map(|(_, s)| *s);
        let full = self.key.as_ref() != Some(&key);
        if !full && selection == self.selection {
            return;
        }
        if full {
            self.entities = workspace.entities(article).unwrap_or_default();
            // Sorted and non-overlapping, so each line finds its entities by binary search.
            self.entities.sort_by_key(|e| e.span);
            self.claims = workspace
                .claims_of(article)
                .filter_map(|c| {
                    c.anchor.span.map(|span| {
                        (
                            c.id,
                            ClaimMark {
                                span,
                                status: c.status,
                                selected: view.claim == Some(c.id),
                            },
                        )
                    })
                })
                .collect();
            self.claims.sort_by_key(|(_, m)| m.span.start);
        }
        let marks_claims: Vec<ClaimMark> = self.claims.iter().map(|(_, m)| *m).collect();
        let marks = Marks {
            entities: &self.entities,
            claims: &marks_claims,
            boilerplate: &analyzed.article.boilerplate,
            visible_kinds: view.visible_kinds,
            selection,
        };
        let style = Style {
            font,
            text_color: ui.visuals().text_color(),
            selection_color: ui.visuals().selection.bg_fill.gamma_multiply(0.6),
            dark_mode: ui.visuals().dark_mode,
        };
        let layout = |span: Span| {
            // Only this line's entities: a long article must not scan them all per line.
            let first = marks.entities.partition_point(|e| e.span.end <= span.start);
            let end = first + marks.entities[first..].partition_point(|e| e.span.start < span.end);
            let line_marks = Marks {
                entities: &marks.entities[first..end],
                ..marks
            };
            let mut job = line_job(text, span, &line_marks, &style);
            job.wrap.max_width = width;
            bidi::lay_out(job, |job| ui.fonts_mut(|f| f.layout_job(job)))
        };
        if full {
            let boilerplate: Vec<Span> = analyzed
                .article
                .boilerplate
                .iter()
                .map(|b| b.span)
                .collect();
            self.lines = paragraphs::reader_lines(text, &boilerplate)
                .into_iter()
                .map(|span| {
                    let hidden = view.hide_boilerplate
                        && analyzed.article.boilerplate.iter().any(|b| {
                            b.span.start <= span.start && span.end <= b.span.end && !span.is_empty()
                        });
                    let laid = layout(span);
                    Line {
                        span,
                        galley: laid.galley,
                        map: laid.map,
                        hidden,
                    }
                })
                .collect();
        } else {
            // Only the lines the old or new selection touches change.
            for line in &mut self.lines {
                let touched = |s: Option<Span>| {
                    s.is_some_and(|s| s.start <= line.span.end && s.end >= line.span.start)
                };
                if touched(selection) || touched(self.selection) {
                    let laid = layout(line.span);
                    line.galley = laid.galley;
                    line.map = laid.map;
                }
            }
        }
        self.tops.clear();
        let mut y = 0.0;
        for line in &self.lines {
            self.tops.push(y);
            if !line.hidden {
                y += line.galley.size().y;
            }
        }
        self.tops.push(y);
        self.key = Some(key);
        self.selection = selection;
    }

    /// The byte offset under a point in content coordinates.
    fn offset_at(&self, text: &str, pos: Vec2) -> Option<usize> {
        let index = self
            .tops
            .partition_point(|&top| top <= pos.y)
            .checked_sub(1)?;
        let line = self.lines.get(index)?;
        let cursor = line
            .galley
            .cursor_from_pos(Vec2::new(pos.x, pos.y - self.tops[index]));
        let line_text = &text[line.span.start..line.span.end];
        let byte = match &line.map {
            // The character under the pointer, whichever way its run reads: the cursor is the
            // nearest edge, and in a right-to-left run the edge after a character is its left.
            Some(map) => {
                let index = cursor.index.0;
                let edge = line
                    .galley
                    .pos_from_cursor(egui::text::CCursor::new(index))
                    .min
                    .x;
                let under = if pos.x < edge {
                    index.saturating_sub(1)
                } else {
                    index
                };
                map.byte_at(under, line_text.len())
            }
            None => line_text
                .char_indices()
                .nth(cursor.index.0)
                .map_or(line_text.len(), |(b, _)| b),
        };
        Some(line.span.start + byte)
    }

    fn entity_at(&self, offset: usize) -> Option<&Entity> {
        self.entities
            .iter()
            .find(|e| e.span.start <= offset && offset < e.span.end)
    }

    /// The innermost (shortest) claim containing `offset`.
    fn claim_at(&self, offset: usize) -> Option<crate::workspace::claim::ClaimId> {
        self.claims
            .iter()
            .filter(|(_, m)| m.span.start <= offset && offset < m.span.end)
            .min_by_key(|(_, m)| m.span.len())
            .map(|(id, _)| *id)
    }

    /// Where the character at byte `offset` was last painted, on screen (its centre).
    #[must_use]
    pub fn screen_pos_of(&self, offset: usize) -> Option<Pos2> {
        let origin = self.origin?;
        let index = self
            .lines
            .iter()
            .position(|l| l.span.start <= offset && offset < l.span.end.max(l.span.start + 1))?;
        let line = &self.lines[index];
        let text_before = offset - line.span.start;
        let char_index = match &line.map {
            Some(map) => map.index_of(text_before),
            None => line_char_index(&line.galley, text_before),
        };
        let rect = line
            .galley
            .pos_from_cursor(egui::text::CCursor::new(char_index));
        Some(origin + Vec2::new(rect.center().x + 1.0, self.tops[index] + rect.center().y))
    }

    /// The vertical position of `offset`, for scrolling to it.
    fn y_of(&self, offset: usize) -> Option<f32> {
        let index = self
            .lines
            .partition_point(|l| l.span.end < offset)
            .min(self.lines.len().checked_sub(1)?);
        Some(self.tops[index])
    }
}

/// The character index of byte offset `byte` within a line laid out in `galley`.
fn line_char_index(galley: &Galley, byte: usize) -> usize {
    galley
        .text()
        .char_indices()
        .take_while(|(b, _)| *b < byte)
        .count()
}

/// What was right-clicked, remembered while its menu is open.
#[derive(Debug, Clone, PartialEq)]
enum MenuTarget {
    Entity(Span, EntityKind, String),
    Selection(Span, String),
}

/// Shows the selected article.
pub fn reader_ui(
    ui: &mut egui::Ui,
    session: &Session,
    view: &mut ViewState,
    cache: &mut ReaderCache,
    intents: &mut Vec<Intent>,
) {
    let Some(article_id) = view
        .article
        .clone()
        .filter(|a| session.workspace.article(a).is_some())
    else {
        ui.centered_and_justified(|ui| ui.label("Open articles to read them here: File › Open articles…, or drop files on the window."));
        return;
    };
    let analyzed = session
        .workspace
        .article(&article_id)
        .expect("checked above");
    let article = &analyzed.article;
    // A right-to-left title aligns right, as its text does.
    bidi::wrapped_label(ui, RichText::new(article.display_title()).heading());
    ui.horizontal_wrapped(|ui| {
        let date = article
            .published
            .map(|d| d.format("%Y-%m-%d %H:%M").to_string());
        ui.label(
            RichText::new(format!(
                "{} · {}{}",
                article.path.display(),
                article.encoding.label(),
                date.map(|d| format!(" · published {d}"))
                    .unwrap_or_default()
            ))
            .small()
            .weak(),
        );
    });
    legend_ui(ui, view);
    ui.separator();

    let width = ui.available_width() - 16.0;
    cache.refresh(ui, session, view, &article_id, width.max(100.0));
    let text = &article.text;
    let total = *cache.tops.last().unwrap_or(&0.0);

    let mut scroll = egui::ScrollArea::vertical()
        .id_salt(("reader", &article_id))
        .auto_shrink([false, false]);
    if view.scroll_to_claim {
        if let Some(y) = view
            .claim
            .and_then(|c| session.workspace.claim(c))
            .and_then(|c| c.anchor.span)
            .and_then(|s| cache.y_of(s.start))
        {
            scroll = scroll.vertical_scroll_offset((y - 80.0).max(0.0));
        }
        view.scroll_to_claim = false;
    }
    if let Some(offset) = view.scroll_to_offset.take()
        && let Some(y) = cache.y_of(offset)
    {
        scroll = scroll.vertical_scroll_offset((y - 80.0).max(0.0));
    }
    scroll.show_viewport(ui, |ui, viewport| {
        let (rect, response) = ui.allocate_exact_size(Vec2::new(width, total), Sense::click_and_drag());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Document, true, "Article text"));
        let origin = rect.min;
        cache.origin = Some(origin);
        // Paint only the lines in view.
        let first = cache.tops.partition_point(|&t| t < viewport.min.y).saturating_sub(1);
        for (index, line) in cache.lines.iter().enumerate().skip(first) {
            let top = cache.tops[index];
            if top > viewport.max.y {
                break;
            }
            if !line.hidden {
                ui.painter().galley(origin + Vec2::new(0.0, top), line.galley.clone(), ui.visuals().text_color());
            }
        }
        let content_pos = |p: Pos2| p - origin;
        // Hover: the entity's kind and value.
        if let Some(pos) = response.hover_pos()
            && let Some(entity) = cache.offset_at(text, content_pos(pos)).and_then(|o| cache.entity_at(o)).cloned() {
                response.clone().on_hover_ui_at_pointer(|ui| entity_tooltip_ui(ui, text, &entity));
            }
        // Drag selects text; a click selects the claim under the pointer.
        if response.drag_started_by(egui::PointerButton::Primary) {
            // Anchor where the button went down, not where the drag threshold was crossed.
            let press = ui.input(|i| i.pointer.press_origin()).or_else(|| response.interact_pointer_pos());
            if let Some(offset) = press.and_then(|p| cache.offset_at(text, content_pos(p))) {
                ui.data_mut(|d| d.insert_temp(ui.scope_id().with("drag_anchor"), offset));
            }
        }
        if response.dragged_by(egui::PointerButton::Primary) {
            let anchor: Option<usize> = ui.data(|d| d.get_temp(ui.scope_id().with("drag_anchor")));
            if let (Some(anchor), Some(offset)) = (anchor, response.interact_pointer_pos().and_then(|p| cache.offset_at(text, content_pos(p)))) {
                // Whole words: a claim or a name never starts or ends mid-word.
                let span = Span::new(anchor.min(offset), anchor.max(offset)).snapped_to_words(text);
                view.selection = (!span.is_empty()).then(|| (article_id.clone(), span));
            }
        }
        if response.clicked() {
            view.selection = None;
            if let Some(claim) = response.interact_pointer_pos().and_then(|p| cache.offset_at(text, content_pos(p))).and_then(|o| cache.claim_at(o)) {
                intents.push(Intent::SelectClaim(claim));
            }
        }
        if response.secondary_clicked() {
            let target = match view.selection.as_ref().filter(|(a, _)| *a == article_id) {
                Some((_, span)) => Some(MenuTarget::Selection(*span, text[span.start..span.end].to_owned())),
                None => response
                    .interact_pointer_pos()
                    .and_then(|p| cache.offset_at(text, content_pos(p)))
                    .and_then(|o| cache.entity_at(o))
                    .map(|e| MenuTarget::Entity(e.span, e.kind, text[e.span.start..e.span.end].to_owned())),
            };
            ui.data_mut(|d| d.insert_temp(ui.scope_id().with("menu_target"), target));
        }
        let target: Option<MenuTarget> = ui.data(|d| d.get_temp(ui.scope_id().with("menu_target"))).flatten();
        response.context_menu(|ui| match &target {
            Some(MenuTarget::Selection(span, words)) => selection_menu_ui(ui, &article_id, *span, words, view, intents),
            Some(MenuTarget::Entity(span, kind, words)) => entity_menu_ui(ui, &article_id, *span, *kind, words, intents),
            None => {
                ui.label("Select text to make a claim or mark an entity; right-click an entity to change it.");
            }
        });
    });
}

fn legend_ui(ui: &mut egui::Ui, view: &mut ViewState) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Show:");
        let dark = ui.visuals().dark_mode;
        for kind in EntityKind::ALL {
            let index = kind_index(kind);
            let on = view.visible_kinds[index];
            // The chip is drawn exactly as the reader draws the kind: the same background on
            // the same panel, no button fill under it. Off, it is struck through.
            let label = format!(" {} ", kind.as_str());
            let text = if on {
                theme::kind_chip(label, kind, dark)
            } else {
                RichText::new(label).strikethrough().weak()
            };
            let response = ui
                .add(egui::Button::new(text).frame(false).selected(on))
                .on_hover_text(format!("Colour {} mentions", kind.as_str()));
            if response.clicked() {
                view.visible_kinds[index] = !on;
            }
        }
        ui.separator();
        let label = if view.hide_boilerplate {
            "Show boilerplate"
        } else {
            "Hide boilerplate"
        };
        if ui
            .button(label)
            .on_hover_text("Web-scrape furniture is dimmed; hide it entirely")
            .clicked()
        {
            view.hide_boilerplate = !view.hide_boilerplate;
        }
    });
}

fn entity_tooltip_ui(ui: &mut egui::Ui, text: &str, entity: &Entity) {
    ui.label(theme::kind_chip(entity.kind.as_str(), entity.kind, ui.visuals().dark_mode).strong());
    ui.label(format!("“{}”", &text[entity.span.start..entity.span.end]));
    if let Some(q) = &entity.quantity {
        let value = crate::output::number_json(q.value);
        let unit = q
            .unit
            .as_deref()
            .map(|u| format!(" {u}"))
            .unwrap_or_default();
        let qualifier = q
            .qualifier
            .as_deref()
            .map(|q| format!(" ({q})"))
            .unwrap_or_default();
        ui.label(format!("= {value}{unit}{qualifier}"));
    }
    if let Some(date) = entity.date {
        ui.label(format!("= {}", date.iso()));
    }
    if let Some(canonical) = &entity.canonical {
        ui.label(format!("= {canonical}"));
    }
}

fn selection_menu_ui(
    ui: &mut egui::Ui,
    article: &ArticleId,
    span: Span,
    words: &str,
    view: &mut ViewState,
    intents: &mut Vec<Intent>,
) {
    let short: String = words.chars().take(40).collect();
    if ui.button("New claim").clicked() {
        intents.push(Intent::Apply(Action::AddClaim {
            article: article.clone(),
            span,
            speaker: None,
        }));
        view.selection = None;
        ui.close();
    }
    ui.separator();
    for kind in EntityKind::ALL {
        if ui.button(format!("Mark as {}", kind.as_str())).clicked() {
            intents.push(Intent::Apply(Action::CorrectEntity {
                article: article.clone(),
                span,
                correction: EntityCorrection::Mark(kind),
            }));
            view.selection = None;
            ui.close();
        }
    }
    ui.menu_button(format!("Always treat “{short}” as…"), |ui| {
        for kind in EntityKind::ALL {
            if ui.button(kind.as_str()).clicked() {
                intents.push(Intent::Apply(Action::SetRule {
                    surface: words.to_owned(),
                    correction: EntityCorrection::Mark(kind),
                }));
                view.selection = None;
                ui.close();
            }
        }
    });
}

fn entity_menu_ui(
    ui: &mut egui::Ui,
    article: &ArticleId,
    span: Span,
    kind: EntityKind,
    words: &str,
    intents: &mut Vec<Intent>,
) {
    ui.label(RichText::new(format!("“{words}” · {}", kind.as_str())).strong());
    ui.menu_button("Change kind to", |ui| {
        for other in EntityKind::ALL.into_iter().filter(|k| *k != kind) {
            if ui.button(other.as_str()).clicked() {
                intents.push(Intent::Apply(Action::CorrectEntity {
                    article: article.clone(),
                    span,
                    correction: EntityCorrection::Mark(other),
                }));
                ui.close();
            }
        }
    });
    if ui.button("Not an entity (remove)").clicked() {
        intents.push(Intent::Apply(Action::CorrectEntity {
            article: article.clone(),
            span,
            correction: EntityCorrection::Remove,
        }));
        ui.close();
    }
    ui.separator();
    ui.menu_button(format!("Everywhere, treat “{words}” as"), |ui| {
        for other in EntityKind::ALL {
            if ui.button(other.as_str()).clicked() {
                intents.push(Intent::Apply(Action::SetRule {
                    surface: words.to_owned(),
                    correction: EntityCorrection::Mark(other),
                }));
                ui.close();
            }
        }
    });
    if ui
        .button(format!("Everywhere, “{words}” is not an entity"))
        .clicked()
    {
        intents.push(Intent::Apply(Action::SetRule {
            surface: words.to_owned(),
            correction: EntityCorrection::Remove,
        }));
        ui.close();
    }
}
