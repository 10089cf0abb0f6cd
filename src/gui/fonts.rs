//! Installs the bundled Hangul, Arabic and Hebrew fonts as fallbacks so names and quotes in
//! those scripts never render as boxes (egui's own fonts cover Latin and Cyrillic), and Hack
//! as a last resort for symbols.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// The bundled fallbacks (`assets/fonts/SOURCES.md` says where each comes from).
const FALLBACKS: [(&str, &[u8]); 3] = [
    (
        "NanumGothic-Hangul",
        include_bytes!("../../assets/fonts/NanumGothic-Hangul.ttf"),
    ),
    (
        // With the presentation forms the reader shapes Arabic into.
        "NotoSansArabic-Subset",
        include_bytes!("../../assets/fonts/NotoSansArabic-Subset.ttf"),
    ),
    (
        "NotoSansHebrew-Subset",
        include_bytes!("../../assets/fonts/NotoSansHebrew-Subset.ttf"),
    ),
];

/// egui's default fonts plus the script fallbacks in both families and Hack for symbols.
#[must_use]
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    for (name, bytes) in FALLBACKS {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .push(name.to_owned());
        }
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

#[cfg(test)]
mod tests {
    use egui::FontId;

    use super::super::widgets::bidi;

    #[test]
    fn every_script_the_workbench_shows_has_glyphs() {
        let ctx = egui::Context::default();
        super::install(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        // Arabic is drawn in its joining forms (presentation forms), so check those.
        for sample in [
            "قال المتحدث إن 10000 جندي وصلوا إلى الحدود، لا",
            "پیشنهاد گزارش",
            "דובר הצבא אמר כי 10000 חיילים הגיעו",
            "김정은 연합뉴스",
            "Зеленський Київ",
        ] {
            for c in bidi::shown_chars(sample) {
                let font = FontId::proportional(14.0);
                assert!(
                    ctx.fonts_mut(|f| f.has_glyph(&font, c)),
                    "no glyph for {c:?} (U+{:04X}) of {sample:?}",
                    c as u32
                );
            }
        }
    }
}
