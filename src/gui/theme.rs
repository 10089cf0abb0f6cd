//! Every colour the workbench uses: entity kinds and claim statuses, for light and dark
//! themes. Entity kinds are told apart by a tint behind the words, chosen so that every two
//! tints stay far apart (at least ΔE 18 in CIELAB) for normal vision and under simulated
//! protanopia, deuteranopia and tritanopia, while the text on them keeps its contrast (the
//! test below checks both); statuses also carry a symbol so colour is never the only cue.

use egui::{Color32, RichText};

use crate::extract::EntityKind;
use crate::workspace::claim::ClaimStatus;

/// The tint behind an entity of `kind` in the reader, the legend and every chip naming a
/// kind: near the Okabe–Ito hue families (person blue, organization orange, location green,
/// group purple, date sky blue, number vermillion), moved in lightness and chroma until the
/// six stay distinct with each common form of colour blindness.
#[must_use]
pub fn kind_background(kind: EntityKind, dark_mode: bool) -> Color32 {
    let [r, g, b] = if dark_mode {
        match kind {
            EntityKind::Person => [0x2A, 0x4B, 0x58],
            EntityKind::Organization => [0x5A, 0x41, 0x37],
            EntityKind::Location => [0x02, 0x26, 0x05],
            EntityKind::Group => [0x2D, 0x02, 0x4D],
            EntityKind::Date => [0x0C, 0x70, 0x95],
            EntityKind::Number => [0xB4, 0x36, 0x2A],
        }
    } else {
        match kind {
            EntityKind::Person => [0x3E, 0xAC, 0xD2],
            EntityKind::Organization => [0xD0, 0x92, 0x7A],
            EntityKind::Location => [0x86, 0xD4, 0x6B],
            EntityKind::Group => [0xE2, 0xCA, 0xE8],
            EntityKind::Date => [0x8B, 0xA5, 0xAC],
            EntityKind::Number => [0xFB, 0x7C, 0x3F],
        }
    };
    Color32::from_rgb(r, g, b)
}

/// The text on an entity tint: near black on the light tints, near white on the dark ones.
#[must_use]
pub fn entity_text_color(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_gray(0xEB)
    } else {
        Color32::from_gray(0x14)
    }
}

/// `text` as a chip in the colours of `kind`, as the reader shows its entities.
#[must_use]
pub fn kind_chip(text: impl Into<String>, kind: EntityKind, dark_mode: bool) -> RichText {
    RichText::new(text)
        .background_color(kind_background(kind, dark_mode))
        .color(entity_text_color(dark_mode))
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

/// A status as the tables show it: symbol and name, in its colour.
#[must_use]
pub fn status_text(status: ClaimStatus, dark_mode: bool) -> RichText {
    RichText::new(format!(
        "{} {}",
        status_symbol(status),
        status_label(status)
    ))
    .color(status_color(status, dark_mode))
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

#[cfg(test)]
mod tests {
    //! The palette measured as the module doc promises: colour-blindness simulated with the
    //! matrices of Machado, Oliveira and Fernandes (2009, severity 1) on linear RGB, distances
    //! in CIELAB (D65), contrast as WCAG defines it.
    use super::*;

    const SIMULATIONS: [(&str, [[f64; 3]; 3]); 4] = [
        (
            "normal",
            [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
        ),
        (
            "protanopia",
            [
                [0.152_286, 1.052_583, -0.204_868],
                [0.114_503, 0.786_281, 0.099_216],
                [-0.003_882, -0.048_116, 1.051_998],
            ],
        ),
        (
            "deuteranopia",
            [
                [0.367_322, 0.860_646, -0.227_968],
                [0.280_085, 0.672_501, 0.047_413],
                [-0.011_820, 0.042_940, 0.968_881],
            ],
        ),
        (
            "tritanopia",
            [
                [1.255_528, -0.076_749, -0.178_779],
                [-0.078_411, 0.930_809, 0.147_602],
                [0.004_733, 0.691_367, 0.303_900],
            ],
        ),
    ];

    fn linear(c: Color32) -> [f64; 3] {
        [c.r(), c.g(), c.b()].map(|v| {
            let v = f64::from(v) / 255.0;
            if v <= 0.040_45 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        })
    }

    fn simulated(c: Color32, m: &[[f64; 3]; 3]) -> [f64; 3] {
        let l = linear(c);
        [0, 1, 2].map(|i| (m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2]).clamp(0.0, 1.0))
    }

    fn lab([red, green, blue]: [f64; 3]) -> [f64; 3] {
        let curve = |t: f64| {
            if t > 0.008_856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        let x = curve((0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.950_47);
        let y = curve(0.2126 * red + 0.7152 * green + 0.0722 * blue);
        let z = curve((0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.088_83);
        [116.0 * y - 16.0, 500.0 * (x - y), 200.0 * (y - z)]
    }

    fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
    }

    fn contrast(a: Color32, b: Color32) -> f64 {
        let luminance = |c: Color32| {
            let [r, g, b] = linear(c);
            0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05
        };
        let (x, y) = (luminance(a), luminance(b));
        x.max(y) / x.min(y)
    }

    #[test]
    fn every_two_kinds_stay_apart_with_each_form_of_colour_blindness() {
        for dark in [false, true] {
            for (vision, matrix) in &SIMULATIONS {
                for (i, &a) in EntityKind::ALL.iter().enumerate() {
                    for &b in &EntityKind::ALL[i + 1..] {
                        let seen = |k| lab(simulated(kind_background(k, dark), matrix));
                        let distance = delta_e(seen(a), seen(b));
                        assert!(
                            distance >= 18.0,
                            "{a:?} and {b:?} ({vision}, dark {dark}): ΔE {distance:.1}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn entity_text_stays_readable_on_every_tint() {
        for dark in [false, true] {
            let least = if dark { 4.5 } else { 7.0 };
            for kind in EntityKind::ALL {
                let ratio = contrast(kind_background(kind, dark), entity_text_color(dark));
                assert!(ratio >= least, "{kind:?} dark {dark}: {ratio:.1}:1");
            }
        }
    }
}
