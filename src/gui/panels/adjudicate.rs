//! The Adjudicate view: disputed claims with each analyst's review side by side, the choice
//! of one as an undoable action, and how far the analysts agreed.

use egui::RichText;

use super::super::command::Command;
use super::super::intent::Intent;
use super::super::session::Session;
use super::super::view_state::ViewState;
use super::super::words::counted;
use crate::agreement::Agreement;
use crate::workspace::{Claim, ClaimStatus, Position};

/// The view: agreement figures, the disputed claims, and the selected one's positions.
pub fn adjudicate_ui(
    ui: &mut egui::Ui,
    session: &Session,
    analyst: &str,
    view: &mut ViewState,
    intents: &mut Vec<Intent>,
) {
    let workspace = &session.workspace;
    let disputed: Vec<&Claim> = workspace.disputed_claims().collect();
    let merged = workspace.merged_from().len();
    ui.heading("Adjudicate");
    ui.label(format!(
        "{} left to decide · {} merged in",
        counted(disputed.len(), "disputed claim"),
        counted(merged, "file"),
    ));
    decided_ui(ui, workspace);
    if let Some(agreement) = &view.last_agreement {
        agreement_ui(ui, agreement);
    }
    ui.separator();
    if disputed.is_empty() {
        ui.label(if merged == 0 {
            "No disputes: merge another analyst's workspace (File › Merge workspace…) to compare reviews."
        } else {
            "Every dispute is decided."
        });
        return;
    }
    // The selected claim, if it is disputed; else the first dispute.
    let selected = view
        .claim
        .and_then(|id| disputed.iter().find(|c| c.id == id).copied())
        .unwrap_or(disputed[0]);
    view.claim = Some(selected.id);
    egui::ScrollArea::vertical()
        .id_salt("disputes")
        .max_height(ui.available_height() * 0.4)
        .show(ui, |ui| {
            for claim in &disputed {
                let text = format!(
                    "{}  {}",
                    claim.id,
                    crate::export::one_line(&claim.anchor.quote.exact)
                );
                if ui.selectable_label(claim.id == selected.id, text).clicked() {
                    view.claim = Some(claim.id);
                }
            }
        });
    ui.separator();
    ui.label(
        RichText::new(format!(
            "{} \u{201c}{}\u{201d}",
            selected.id, selected.anchor.quote.exact
        ))
        .strong(),
    );
    let Some(dispute) = &selected.dispute else {
        return;
    };
    let choices = [
        Command::TakeFirstPosition,
        Command::TakeSecondPosition,
        Command::TakeThirdPosition,
    ];
    egui::Grid::new("positions")
        .num_columns(7)
        .striped(true)
        .show(ui, |ui| {
            for heading in ["", "Analyst", "Status", "Grade", "Speaker", "Note", "File"] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for (n, position) in dispute.positions.iter().enumerate() {
                let label = format!("Take {}'s", position.analyst);
                let button = ui.button(label);
                let hint = choices
                    .get(n)
                    .and_then(|c| c.shortcut_text(ui.ctx()))
                    .map_or_else(String::new, |key| format!("Key {key}"));
                if button.on_hover_text(hint).clicked() {
                    intents.push(Intent::Apply(adjudication(selected, position, analyst)));
                }
                position_cells(ui, position);
                ui.end_row();
            }
        });
    // Neither analyst's review: a status of the adjudicator's own, keeping the claim's grades
    // and speaker (edit them in the Inspector).
    ui.horizontal(|ui| {
        ui.label("Or decide:");
        for status in [ClaimStatus::Confirmed, ClaimStatus::Unconfirmed] {
            if ui.button(status.as_str()).clicked() {
                intents.push(Intent::Apply(crate::workspace::Action::Adjudicate {
                    claim: selected.id,
                    status,
                    grades: selected.grades,
                    speaker: selected.speaker.clone(),
                    analyst: analyst.to_owned(),
                    at: chrono::Local::now().fixed_offset(),
                }));
            }
        }
    });
    ui.label(
        RichText::new(
            "J/K: next or previous dispute · 1, 2, 3: take that analyst's review · Ctrl+Z: undo",
        )
        .small()
        .weak(),
    );
}

/// How the disputes decided so far went: whose review was taken how often.
fn decided_ui(ui: &mut egui::Ui, workspace: &crate::workspace::Workspace) {
    let mut decided = 0;
    let mut own = 0;
    let mut taken: Vec<(String, usize)> = Vec::new();
    for dispute in workspace.claims().filter_map(|c| c.dispute.as_ref()) {
        let Some(decision) = &dispute.decided else {
            continue;
        };
        decided += 1;
        match decision.taken.and_then(|n| dispute.positions.get(n)) {
            Some(position) => match taken.iter_mut().find(|(a, _)| *a == position.analyst) {
                Some((_, n)) => *n += 1,
                None => taken.push((position.analyst.clone(), 1)),
            },
            None => own += 1,
        }
    }
    if decided == 0 {
        return;
    }
    let mut parts: Vec<String> = taken
        .iter()
        .map(|(analyst, n)| format!("{analyst}'s review taken {}", counted(*n, "time")))
        .collect();
    if own > 0 {
        parts.push(format!("{own} decided otherwise"));
    }
    ui.label(format!(
        "{} decided: {}",
        counted(decided, "dispute"),
        parts.join(", ")
    ));
}

fn position_cells(ui: &mut egui::Ui, position: &Position) {
    ui.label(&position.analyst);
    ui.label(position.status.as_str());
    ui.label(position.grades.code().unwrap_or_else(|| "—".to_owned()));
    ui.label(position.speaker.as_deref().unwrap_or("—"));
    ui.label(if position.note.is_empty() {
        "—"
    } else {
        &position.note
    });
    ui.label(RichText::new(&position.file).small().weak());
}

/// Deciding `claim` as `position` had it, by the session's analyst, now.
fn adjudication(claim: &Claim, position: &Position, analyst: &str) -> crate::workspace::Action {
    crate::workspace::Action::Adjudicate {
        claim: claim.id,
        status: position.status,
        grades: position.grades,
        speaker: position.speaker.clone(),
        analyst: analyst.to_owned(),
        at: chrono::Local::now().fixed_offset(),
    }
}

fn agreement_ui(ui: &mut egui::Ui, agreement: &Agreement) {
    let figure =
        |value: Option<f64>| value.map_or_else(|| "undefined".to_owned(), |v| format!("{v:.3}"));
    ui.label(format!(
        "When merged: {} compared, observed agreement {}, Cohen's κ {}",
        counted(agreement.claims_compared, "claim"),
        figure(agreement.observed_agreement),
        figure(agreement.cohen_kappa),
    ));
    if let Some(alpha) = &agreement.krippendorff_alpha {
        ui.label(format!(
            "Krippendorff's α: status {}, reliability {}, credibility {}",
            figure(alpha.status),
            figure(alpha.reliability),
            figure(alpha.credibility)
        ));
    }
    for note in &agreement.notes {
        ui.label(RichText::new(note).small().weak());
    }
}
