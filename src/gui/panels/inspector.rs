//! The inspector: the selected claim's status, note, speaker, Admiralty grades, evidence links
//! and status history. Edits become actions when the analyst finishes a field.

use egui::RichText;

use super::super::command::Command;
use super::super::intent::Intent;
use super::super::session::Session;
use super::super::theme;
use super::super::view_state::ViewState;
use super::super::widgets::bidi;
use crate::export::one_line;
use crate::workspace::Action;
use crate::workspace::claim::{Claim, ClaimStatus, Credibility, Relation, Reliability};

/// Shows the selected claim, or a hint when none is selected.
pub fn inspector_ui(
    ui: &mut egui::Ui,
    session: &Session,
    view: &mut ViewState,
    analyst: &str,
    intents: &mut Vec<Intent>,
) {
    ui.heading("Inspector");
    ui.separator();
    let Some(claim) = view.claim.and_then(|id| session.workspace.claim(id)) else {
        ui.label("Select a claim in the table or the reader (J/K step through them).");
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            claim_ui(ui, session, view, analyst, claim, intents);
        });
}

fn claim_ui(
    ui: &mut egui::Ui,
    session: &Session,
    view: &mut ViewState,
    analyst: &str,
    claim: &Claim,
    intents: &mut Vec<Intent>,
) {
    let dark = ui.visuals().dark_mode;
    let workspace = &session.workspace;
    let article = workspace
        .article(&claim.article)
        .map(|a| a.article.display_title())
        .unwrap_or_default();
    ui.label(bidi::line(
        ui,
        RichText::new(format!("Claim {} · {article}", claim.id))
            .small()
            .weak(),
    ));
    bidi::wrapped_label(
        ui,
        RichText::new(quoted(&one_line(&claim.anchor.quote.exact))).italics(),
    );
    if let Some(via) = &claim.via {
        ui.label(RichText::new(format!("relayed via {via}")).small());
    }
    dispute_ui(ui, claim, intents);
    ui.add_space(6.0);

    ui.horizontal_wrapped(|ui| {
        for (status, command) in [
            (ClaimStatus::Confirmed, Command::Confirm),
            (ClaimStatus::Unconfirmed, Command::MarkUnconfirmed),
            (ClaimStatus::Unreviewed, Command::MarkUnreviewed),
        ] {
            let text = RichText::new(format!(
                "{} {}",
                theme::status_symbol(status),
                command.label()
            ))
            .color(theme::status_color(status, dark));
            let shortcut = command.shortcut_text(ui.ctx()).unwrap_or_default();
            let button =
                egui::Button::selectable(claim.status == status, text).shortcut_text(shortcut);
            if ui.add(button).clicked() && claim.status != status {
                intents.push(Intent::Run(command));
            }
        }
    });
    ui.label(
        RichText::new(format!("Reviewing as {analyst}"))
            .small()
            .weak(),
    );
    ui.add_space(6.0);

    // Note: typed into a draft; it becomes one undoable action when the field loses focus.
    let label = ui.label(RichText::new("Note").strong());
    let note_id = ui.make_persistent_id("inspector_note");
    let draft = view
        .note_draft
        .follow(claim.id, &claim.note, ui.memory(|m| m.has_focus(note_id)));
    let note = ui
        .add(
            egui::TextEdit::multiline(&mut draft.text)
                .id(note_id)
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .hint_text("Why it holds or not; sources checked"),
        )
        .labelled_by(label.id);
    if view.focus_note {
        note.request_focus();
        view.focus_note = false;
    }
    if note.lost_focus() && draft.text != claim.note {
        intents.push(Intent::Apply(Action::SetNote {
            claim: claim.id,
            note: draft.text.clone(),
        }));
    }

    let label = ui.label(RichText::new("Speaker").strong());
    let speaker_id = ui.make_persistent_id("inspector_speaker");
    let current = claim.speaker.clone().unwrap_or_default();
    let speaker =
        view.speaker_draft
            .follow(claim.id, &current, ui.memory(|m| m.has_focus(speaker_id)));
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut speaker.text)
                .id(speaker_id)
                .hint_text("who asserts it (empty: the outlet)")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if field.lost_focus() && speaker.text.trim() != current {
        let value = Some(speaker.text.trim().to_owned()).filter(|s| !s.is_empty());
        intents.push(Intent::Apply(Action::SetSpeaker {
            claim: claim.id,
            speaker: value,
        }));
    }
    ui.add_space(6.0);

    grades_ui(ui, claim, intents);
    ui.add_space(6.0);
    evidence_ui(ui, session, claim, intents);
    ui.add_space(6.0);

    ui.label(RichText::new("Status history").strong());
    if claim.history.is_empty() {
        ui.label(RichText::new("Not reviewed yet.").weak());
    }
    for change in claim.history.iter().rev() {
        ui.label(
            RichText::new(format!(
                "{} {} by {} · {}",
                theme::status_symbol(change.status),
                theme::status_label(change.status),
                change.analyst,
                change.at.format("%Y-%m-%d %H:%M")
            ))
            .color(theme::status_color(change.status, dark))
            .small(),
        );
    }
    ui.add_space(6.0);
    if ui
        .button("🗑 Delete claim")
        .on_hover_text("Remove this claim (undo brings it back)")
        .clicked()
    {
        intents.push(Intent::Run(Command::DeleteClaim));
    }
}

fn grades_ui(ui: &mut egui::Ui, claim: &Claim, intents: &mut Vec<Intent>) {
    ui.label(RichText::new("Admiralty grades").strong());
    let mut grades = claim.grades;
    ui.horizontal(|ui| {
        let text = grades
            .reliability
            .map_or_else(|| "—".to_owned(), |r| r.letter().to_string());
        egui::ComboBox::from_label("Source reliability")
            .selected_text(text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut grades.reliability, None, "— not graded");
                for r in Reliability::ALL {
                    ui.selectable_value(
                        &mut grades.reliability,
                        Some(r),
                        format!("{} – {}", r.letter(), r.meaning()),
                    );
                }
            });
    });
    ui.horizontal(|ui| {
        let text = grades
            .credibility
            .map_or_else(|| "—".to_owned(), |c| c.digit().to_string());
        egui::ComboBox::from_label("Information credibility")
            .selected_text(text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut grades.credibility, None, "— not graded");
                for c in Credibility::ALL {
                    ui.selectable_value(
                        &mut grades.credibility,
                        Some(c),
                        format!("{} – {}", c.digit(), c.meaning()),
                    );
                }
            });
    });
    if grades != claim.grades {
        intents.push(Intent::Apply(Action::SetGrades {
            claim: claim.id,
            grades,
        }));
    }
}

fn evidence_ui(ui: &mut egui::Ui, session: &Session, claim: &Claim, intents: &mut Vec<Intent>) {
    let workspace = &session.workspace;
    ui.label(RichText::new("Evidence").strong());
    for link in &claim.links {
        ui.horizontal(|ui| {
            // The remove button first and the link cut to the panel: a long quote must not
            // stretch the Inspector (its whole text is on hover).
            if ui
                .small_button("✖")
                .on_hover_text("Remove this link")
                .clicked()
            {
                intents.push(Intent::Apply(Action::Unlink {
                    from: claim.id,
                    to: link.claim,
                }));
            }
            let other = workspace
                .claim(link.claim)
                .map(|c| one_line(&c.anchor.quote.exact))
                .unwrap_or_default();
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            if ui
                .link(format!(
                    "{} {}: “{other}”",
                    link.relation.as_str(),
                    link.claim
                ))
                .on_hover_text(format!("{other}\n\nClick to go to that claim"))
                .clicked()
            {
                intents.push(Intent::SelectClaim(link.claim));
            }
        });
    }
    let id = ui.scope_id().with(("link_target", claim.id));
    let mut target: String = ui.data_mut(|d| d.get_temp::<String>(id).unwrap_or_default());
    ui.horizontal(|ui| {
        let label = ui.label("Link to claim");
        ui.add(
            egui::TextEdit::singleline(&mut target)
                .hint_text("id, e.g. 12")
                .desired_width(60.0),
        )
        .labelled_by(label.id);
        for relation in [Relation::Supports, Relation::Contradicts] {
            if ui.button(relation.as_str()).clicked() {
                if let Ok(to) = target.trim().trim_start_matches('#').parse() {
                    intents.push(Intent::Apply(Action::Link {
                        from: claim.id,
                        relation,
                        to,
                    }));
                }
                target.clear();
            }
        }
    });
    ui.data_mut(|d| d.insert_temp(id, target));
}

/// Merged reviews that disagree on the claim: each analyst's, and a way to the Adjudicate
/// view; once decided, who decided and whose review was taken.
fn dispute_ui(ui: &mut egui::Ui, claim: &Claim, intents: &mut Vec<Intent>) {
    let Some(dispute) = &claim.dispute else {
        return;
    };
    let reviews: Vec<String> = dispute
        .positions
        .iter()
        .map(|p| {
            let grade = p.grades.code().map(|c| format!(" {c}")).unwrap_or_default();
            format!("{} {}{grade}", p.analyst, p.status)
        })
        .collect();
    match &dispute.decided {
        None => {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("Disputed: {}", reviews.join(" / ")))
                        .color(ui.visuals().warn_fg_color),
                );
                if ui.small_button("Adjudicate").clicked() {
                    intents.push(Intent::Run(Command::ShowAdjudicate));
                }
            });
        }
        Some(decision) => {
            let taken = decision
                .taken
                .and_then(|n| dispute.positions.get(n))
                .map_or_else(
                    || "a decision of their own".to_owned(),
                    |p| format!("{}'s review", p.analyst),
                );
            ui.label(
                RichText::new(format!(
                    "Reviews differed ({}); {} took {taken}",
                    reviews.join(" / "),
                    decision.analyst
                ))
                .small(),
            );
        }
    }
}

/// The claim's words in quotation marks, unless they open with their own (a quoted
/// statement: `“We are concerned,” he said.`), which would double them.
fn quoted(text: &str) -> String {
    if text.starts_with(['“', '"', '‘', '\'', '«', '„']) {
        text.to_owned()
    } else {
        format!("“{text}”")
    }
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn a_claim_is_quoted_once() {
        assert_eq!(quoted("Troops arrived."), "“Troops arrived.”");
        assert_eq!(
            quoted("“We are concerned,” he said."),
            "“We are concerned,” he said."
        );
    }
}
