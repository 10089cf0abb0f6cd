//! Every colour the workbench uses: entity kinds and claim statuses, for light and dark
//! themes. The hues are the Okabe–Ito palette, chosen to stay distinguishable with the common
//! forms of colour blindness; statuses also carry a symbol so colour is never the only cue.

use egui::Color32;

use crate::extract::EntityKind;
use crate::workspace::claim::ClaimStatus;

/// The hue of an entity kind (Okabe–Ito).
#[must_use]
pub fn kind_color(kind: EntityKind) -> Color32 {
    match kind {
        EntityKind::Person => Color32::from_rgb(0x00, 0x72, 0xB2), // blue
        EntityKind::Organization => Color32::from_rgb(0xE6, 0x9F, 0x00), // orange
        EntityKind::Location => Color32::from_rgb(0x00, 0x9E, 0x73), // bluish green
        EntityKind::Group => Color32::from_rgb(0xCC, 0x79, 0xA7),  // reddish purple
        EntityKind::Date => Color32::from_rgb(0x56, 0xB4, 0xE9),   // sky blue
        EntityKind::Number => Color32::from_rgb(0xD5, 0x5E, 0x00), // vermillion
    }
}

/// The background behind an entity in the reader: the kind's hue, faint enough to read through.
#[must_use]
pub fn kind_background(kind: EntityKind, dark_mode: bool) -> Color32 {
    let alpha = if dark_mode { 90 } else { 60 };
    kind_color(kind).gamma_multiply_u8(alpha)
}

/// The colour of a claim status: confirmed bluish green, unconfirmed vermillion, unreviewed grey.
#[must_use]
pub fn status_color(status: ClaimStatus, dark_mode: bool) -> Color32 {
    match status {
        ClaimStatus::Confirmed => Color32::from_rgb(0x00, 0x9E, 0x73),
        ClaimStatus::Unconfirmed => Color32::from_rgb(0xD5, 0x5E, 0x00),
        ClaimStatus::Unreviewed => {
            if dark_mode {
                Color32::from_gray(150)
            } else {
                Color32::from_gray(110)
            }
        }
    }
}

/// The status's name.
#[must_use]
pub fn status_label(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::Confirmed => "Confirmed",
        ClaimStatus::Unconfirmed => "Unconfirmed",
        ClaimStatus::Unreviewed => "Unreviewed",
    }
}

/// The symbol shown beside a status, so it reads without colour.
#[must_use]
pub fn status_symbol(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::Confirmed => "✔",
        ClaimStatus::Unconfirmed => "✖",
        ClaimStatus::Unreviewed => "○",
    }
}

/// Boilerplate text: dimmed, never hidden unless the analyst asks.
#[must_use]
pub fn boilerplate_color(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_gray(100)
    } else {
        Color32::from_gray(165)
    }
}

/// The reader's selection and the selected claim's background.
#[must_use]
pub fn selected_claim_background(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgba_unmultiplied(255, 255, 255, 18)
    } else {
        Color32::from_rgba_unmultiplied(0, 0, 0, 14)
    }
}
