//! Installs the bundled Hangul font as a fallback so Korean names never render as boxes
//! (egui's own fonts cover Latin and Cyrillic), and Hack as a last resort for symbols.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

const HANGUL: &str = "NanumGothic-Hangul";

/// egui's default fonts plus the Hangul fallback in both families and Hack for symbols.
#[must_use]
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        HANGUL.to_owned(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../assets/fonts/NanumGothic-Hangul.ttf"
        ))),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(HANGUL.to_owned());
    }
    // Hack (egui's monospace font) has arrows and geometric symbols Ubuntu lacks (→, ●).
    fonts
        .families
        .entry(FontFamily::Proportional)
        .or_default()
        .push("Hack".to_owned());
    fonts
}

/// Installs [`definitions`] into `ctx`.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
