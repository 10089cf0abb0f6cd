//! The Entities view: every entity across the workspace with its aliases and mentions, and
//! the analyst's merge, split and rename edits of the index (with the list to withdraw them).

use egui::RichText;

use super::super::intent::Intent;
use super::super::session::Session;
use super::super::theme;
use super::super::view_state::{IndexEditDraft, ViewState};
use super::super::widgets::bidi;
use super::super::widgets::labelled;
use super::super::words::counted;
use crate::compare::CrossCheck;
use crate::compare::{EntityIndex, IndexEntry, apply_edit};
use crate::workspace::action::index_edit_label;
use crate::workspace::{Action, IndexEdit};

/// How many merge candidates the search offers at once.
const MERGE_CANDIDATES: usize = 8;

/// Draws the Entities view.
pub fn entities_ui(
    ui: &mut egui::Ui,
    session: &Session,
    view: &mut ViewState,
    data: &CrossCheck,
    intents: &mut Vec<Intent>,
) {
    ui.horizontal(|ui| {
        labelled::text_field(
            ui,
            "Search entities:",
            &mut view.entity_search,
            "name or alias",
            200.0,
        );
        ui.label(counted(data.index.entries().len(), "entity"));
    });
    edits_list_ui(ui, session, data, intents);
    let needle = view.entity_search.to_lowercase();
    let entries: Vec<&IndexEntry> = data
        .index
        .entries()
        .iter()
        .filter(|e| {
            needle.is_empty() || e.answers_to(&needle) || e.name.to_lowercase().contains(&needle)
        })
        .collect();
    ui.columns(2, |columns| {
        entry_list_ui(&mut columns[0], view, &entries);
        let ui = &mut columns[1];
        let Some(entry) = view.entity.as_deref().and_then(|key| data.index.entry(key)) else {
            ui.label("Select an entity to see its aliases and every mention, and to edit it.");
            return;
        };
        entry_ui(ui, session, view, &data.index, entry, intents);
    });
}

/// The analyst's index edits, newest last, each with a button to withdraw it; edits that no
/// longer fit the workspace say why.
fn edits_list_ui(
    ui: &mut egui::Ui,
    session: &Session,
    data: &CrossCheck,
    intents: &mut Vec<Intent>,
) {
    let edits = &session.workspace.corrections().index_edits;
    if edits.is_empty() {
        return;
    }
    let not_applied = data.skipped_edits.len();
    let title = if not_applied == 0 {
        format!("Your index edits ({})", edits.len())
    } else {
        format!(
            "Your index edits ({}, {not_applied} not applied)",
            edits.len()
        )
    };
    egui::CollapsingHeader::new(title)
        .id_salt("index_edits")
        .show(ui, |ui| {
            for (position, edit) in edits.iter().enumerate() {
                ui.horizontal(|ui| {
                    if ui
                        .small_button("Withdraw")
                        .on_hover_text("Undo this edit of the index, wherever it is in the history")
                        .clicked()
                    {
                        intents.push(Intent::Apply(Action::RemoveIndexEdit { position }));
                    }
                    ui.label(index_edit_label(edit));
                    if let Some((_, why)) = data.skipped_edits.iter().find(|(i, _)| *i == position)
                    {
                        ui.label(
                            RichText::new(format!("⚠ not applied: {why}"))
                                .color(ui.visuals().warn_fg_color),
                        );
                    }
                });
            }
        });
}

fn entry_list_ui(ui: &mut egui::Ui, view: &mut ViewState, entries: &[&IndexEntry]) {
    egui::ScrollArea::vertical()
        .id_salt("entity_list")
        .auto_shrink([false, false])
        .show_rows(ui, 20.0, entries.len(), |ui, range| {
            for entry in &entries[range] {
                let text = RichText::new(format!(
                    "{}  ·  {} · {}",
                    entry.name,
                    counted(entry.mention_count(), "mention"),
                    counted(entry.articles.len(), "article")
                ));
                let selected = view.entity.as_deref() == Some(entry.key.as_str());
                ui.horizontal(|ui| {
                    let dark = ui.visuals().dark_mode;
                    ui.label(theme::kind_chip("  ", entry.kind, dark))
                        .on_hover_text(entry.kind.as_str());
                    if ui.add(egui::Button::selectable(selected, text)).clicked() {
                        view.entity = Some(entry.key.clone());
                    }
                });
            }
        });
}

/// One entry: its kind, value and aliases, the edit controls, then every mention.
fn entry_ui(
    ui: &mut egui::Ui,
    session: &Session,
    view: &mut ViewState,
    index: &EntityIndex,
    entry: &IndexEntry,
    intents: &mut Vec<Intent>,
) {
    ui.heading(&entry.name);
    ui.label(theme::kind_chip(
        entry.kind.as_str(),
        entry.kind,
        ui.visuals().dark_mode,
    ));
    if let Some(value) = &entry.value {
        ui.label(format!("value: {value}"));
    }
    let aliases: Vec<String> = entry
        .aliases
        .iter()
        .map(|a| format!("{} ({})", a.text, a.count))
        .collect();
    ui.label(format!("aliases: {}", aliases.join(", ")));
    egui::CollapsingHeader::new("Edit this entity")
        .id_salt("edit_entity")
        .default_open(true)
        .show(ui, |ui| {
            let draft = view.index_draft.for_entry(&entry.key);
            if let Some(edit) = edit_controls_ui(ui, draft, index, entry) {
                // Check against the index shown, so a mistake is explained here and now
                // rather than stored and skipped.
                match apply_edit(&mut index.clone(), &edit) {
                    Ok(()) => {
                        *draft = IndexEditDraft::default();
                        intents.push(Intent::Apply(Action::EditIndex(edit)));
                    }
                    Err(error) => draft.error = Some(error.to_string()),
                }
            }
            if let Some(error) = &draft.error {
                ui.label(RichText::new(error).color(ui.visuals().error_fg_color));
            }
        });
    ui.separator();
    ui.label(format!(
        "{} in {} · click one to read it in place",
        counted(entry.mention_count(), "mention"),
        counted(entry.articles.len(), "article")
    ));
    // Mentions of a frequent entity run into the thousands: lay out only the visible rows.
    egui::ScrollArea::vertical()
        .id_salt("mentions")
        .auto_shrink([false, false])
        .show_rows(ui, 20.0, entry.mentions.len(), |ui, rows| {
            for mention in &entry.mentions[rows] {
                let Some(article) = session.workspace.article(&mention.article) else {
                    continue;
                };
                let title = article.article.display_title();
                let context = mention_in_context(ui, &article.article.text, mention.span);
                ui.horizontal(|ui| {
                    ui.add_sized(
                        [120.0, 18.0],
                        egui::Label::new(bidi::line(ui, RichText::new(&title).small().weak()))
                            .truncate(),
                    );
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                    if ui
                        .link(context)
                        .on_hover_text(format!(
                            "“{}” in {title}: show it in the reader",
                            mention.text
                        ))
                        .clicked()
                    {
                        intents.push(Intent::ShowMention(mention.article.clone(), mention.span));
                    }
                });
            }
        });
}

/// The mention in its line, a few words before and more after, on one line, the mention
/// itself in the strong text colour (the rest takes the link's colour).
fn mention_in_context(ui: &egui::Ui, text: &str, span: crate::span::Span) -> egui::text::LayoutJob {
    const BEFORE: usize = 20;
    const AFTER: usize = 60;
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let before = &text[line_start..span.start];
    let after = &text[span.end..line_end];
    let cut_before = before
        .char_indices()
        .rev()
        .nth(BEFORE)
        .map_or(0, |(i, _)| i);
    let cut_after = after
        .char_indices()
        .nth(AFTER)
        .map_or(after.len(), |(i, _)| i);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = egui::TextFormat::simple(font.clone(), egui::Color32::PLACEHOLDER);
    let strong = egui::TextFormat::simple(font, ui.visuals().strong_text_color());
    let mut job = egui::text::LayoutJob::default();
    let ellipsis = |cut: bool| if cut { "…" } else { "" };
    job.append(
        &format!(
            "{}{}",
            ellipsis(cut_before > 0),
            before[cut_before..].trim_start()
        ),
        0.0,
        plain.clone(),
    );
    job.append(&text[span.start..span.end], 0.0, strong);
    job.append(
        &format!(
            "{}{}",
            after[..cut_after].trim_end(),
            ellipsis(cut_after < after.len())
        ),
        0.0,
        plain,
    );
    job
}

/// Rename, merge and split controls; returns the edit the analyst asked for this frame.
fn edit_controls_ui(
    ui: &mut egui::Ui,
    draft: &mut IndexEditDraft,
    index: &EntityIndex,
    entry: &IndexEntry,
) -> Option<IndexEdit> {
    let mut asked = None;
    let submitted = |response: &egui::Response, ui: &egui::Ui| {
        response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
    };

    ui.horizontal(|ui| {
        let label = ui.label("New name:");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut draft.rename)
                    .hint_text(&entry.name)
                    .desired_width(180.0),
            )
            .labelled_by(label.id);
        let ready = !draft.rename.trim().is_empty() && draft.rename.trim() != entry.name;
        if (ui.add_enabled(ready, egui::Button::new("Rename")).clicked() || submitted(&field, ui))
            && ready
        {
            asked = Some(IndexEdit::Rename {
                entry: entry.key.clone(),
                name: draft.rename.trim().to_owned(),
            });
        }
    });

    ui.horizontal(|ui| {
        let label = ui.label("Merge into this:");
        ui.add(
            egui::TextEdit::singleline(&mut draft.merge_search)
                .hint_text(format!("another {}", entry.kind))
                .desired_width(180.0),
        )
        .labelled_by(label.id);
    });
    let needle = draft.merge_search.trim().to_lowercase();
    if !needle.is_empty() {
        let candidates: Vec<&IndexEntry> = index
            .entries()
            .iter()
            .filter(|e| e.kind == entry.kind && e.key != entry.key)
            .filter(|e| e.answers_to(&needle) || e.name.to_lowercase().contains(&needle))
            .take(MERGE_CANDIDATES)
            .collect();
        if candidates.is_empty() {
            ui.label(RichText::new(format!("No other {} matches.", entry.kind)).weak());
        }
        for candidate in candidates {
            let text = format!(
                "Merge “{}” ({} mentions)",
                candidate.name,
                candidate.mention_count()
            );
            if ui.button(text).clicked() {
                asked = Some(IndexEdit::Merge {
                    into: entry.key.clone(),
                    merged: vec![candidate.key.clone()],
                });
            }
        }
    }

    if entry.aliases.len() > 1 {
        ui.label("Split off the mentions written as:");
        ui.horizontal_wrapped(|ui| {
            for alias in &entry.aliases {
                let mut ticked = draft.split_forms.contains(&alias.text);
                if ui
                    .checkbox(&mut ticked, format!("{} ({})", alias.text, alias.count))
                    .changed()
                {
                    if ticked {
                        draft.split_forms.push(alias.text.clone());
                    } else {
                        draft.split_forms.retain(|f| *f != alias.text);
                    }
                }
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label("as a new entity named:");
            let hint = draft.split_forms.first().cloned().unwrap_or_default();
            ui.add(
                egui::TextEdit::singleline(&mut draft.split_name)
                    .hint_text(hint)
                    .desired_width(160.0),
            )
            .labelled_by(label.id);
            let name = Some(draft.split_name.trim())
                .filter(|n| !n.is_empty())
                .or_else(|| draft.split_forms.first().map(String::as_str))
                .map(str::to_owned);
            let ready = !draft.split_forms.is_empty() && name.is_some();
            if ui
                .add_enabled(ready, egui::Button::new("Split off"))
                .clicked()
                && let Some(name) = name
            {
                asked = Some(IndexEdit::Split {
                    entry: entry.key.clone(),
                    forms: draft.split_forms.clone(),
                    name,
                });
            }
        });
    }
    asked
}
