//! Builds the reader's text layout: one `LayoutJob` per line, with entities tinted by kind,
//! claims underlined in their status colour, boilerplate dimmed and the selection shown.
//! A pure function of its inputs, so the caller can cache the result.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Stroke};

use super::super::theme;
use crate::article::Boilerplate;
use crate::extract::{Entity, EntityKind};
use crate::span::Span;
use crate::workspace::claim::ClaimStatus;

/// A claim as the reader marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClaimMark {
    /// Where it is.
    pub span: Span,
    /// Its status, for the underline colour.
    pub status: ClaimStatus,
    /// Whether it is the selected claim.
    pub selected: bool,
}

/// What the reader shows over the text.
#[derive(Debug, Clone, Copy)]
pub struct Marks<'a> {
    /// Entities, sorted by position.
    pub entities: &'a [Entity],
    /// Claims, sorted by start.
    pub claims: &'a [ClaimMark],
    /// Boilerplate lines, sorted.
    pub boilerplate: &'a [Boilerplate],
    /// Which entity kinds the legend shows.
    pub visible_kinds: [bool; 6],
    /// The analyst's current text selection, if any.
    pub selection: Option<Span>,
}

/// How the text is drawn.
#[derive(Debug, Clone)]
pub struct Style {
    /// The reading font.
    pub font: FontId,
    /// Ordinary text colour.
    pub text_color: Color32,
    /// Background of selected text.
    pub selection_color: Color32,
    /// Whether the dark theme is on.
    pub dark_mode: bool,
}

/// The index of `kind` in [`Marks::visible_kinds`].
#[must_use]
pub fn kind_index(kind: EntityKind) -> usize {
    EntityKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// Lays out the text of `line` (a byte range of `text` without its final line break; one
/// inside it is shown as a space).
#[must_use]
pub fn line_job(text: &str, line: Span, marks: &Marks<'_>, style: &Style) -> LayoutJob {
    let mut job = LayoutJob::default();
    // Cut the line wherever any mark starts or ends, then format each piece.
    let mut cuts: Vec<usize> = vec![line.start, line.end];
    let inside = |s: Span| s.start < line.end && s.end > line.start;
    let clamp = |offset: usize| offset.clamp(line.start, line.end);
    for e in marks.entities.iter().filter(|e| inside(e.span)) {
        cuts.extend([clamp(e.span.start), clamp(e.span.end)]);
    }
    for c in marks.claims.iter().filter(|c| inside(c.span)) {
        cuts.extend([clamp(c.span.start), clamp(c.span.end)]);
    }
    for b in marks.boilerplate.iter().filter(|b| inside(b.span)) {
        cuts.extend([clamp(b.span.start), clamp(b.span.end)]);
    }
    if let Some(selection) = marks.selection.filter(|s| inside(*s)) {
        cuts.extend([clamp(selection.start), clamp(selection.end)]);
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();

    for pair in cuts.windows(2) {
        let piece = Span::new(pair[0], pair[1]);
        if piece.is_empty() {
            continue;
        }
        // A line break inside a reflowed paragraph reads as a space (one byte for one, so
        // offsets hold).
        let words = text[piece.start..piece.end].replace(['\n', '\r'], " ");
        job.append(&words, 0.0, piece_format(piece, marks, style));
    }
    if job.text.is_empty() {
        // An empty line still takes a line's height.
        job.append(
            "",
            0.0,
            TextFormat::simple(style.font.clone(), style.text_color),
        );
    }
    job
}

fn piece_format(piece: Span, marks: &Marks<'_>, style: &Style) -> TextFormat {
    let mut format = TextFormat::simple(style.font.clone(), style.text_color);
    let covers = |s: Span| s.start <= piece.start && piece.end <= s.end;
    if marks.boilerplate.iter().any(|b| covers(b.span)) {
        format.color = theme::boilerplate_color(style.dark_mode);
        format.italics = true;
    }
    if let Some(entity) = marks.entities.iter().find(|e| covers(e.span))
        && marks.visible_kinds[kind_index(entity.kind)]
    {
        format.background = theme::kind_background(entity.kind, style.dark_mode);
        format.color = theme::entity_text_color(style.dark_mode);
    }
    if let Some(claim) = marks.claims.iter().rev().find(|c| covers(c.span)) {
        let width = if claim.selected { 2.5 } else { 1.5 };
        format.underline = Stroke::new(width, theme::status_color(claim.status, style.dark_mode));
        if claim.selected && format.background == Color32::TRANSPARENT {
            format.background = theme::selected_claim_background(style.dark_mode);
        }
    }
    if marks.selection.is_some_and(covers) {
        format.background = style.selection_color;
    }
    format
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style() -> Style {
        Style {
            font: FontId::proportional(14.0),
            text_color: Color32::BLACK,
            selection_color: Color32::YELLOW,
            dark_mode: false,
        }
    }

    #[test]
    fn pieces_follow_marks_and_cover_the_line() {
        let text = "Kirby said 3,000 troops.\nNext";
        let entities = [
            Entity::new(Span::new(0, 5), EntityKind::Person),
            Entity::new(Span::new(11, 16), EntityKind::Number),
        ];
        let claims = [ClaimMark {
            span: Span::new(0, 24),
            status: ClaimStatus::Confirmed,
            selected: false,
        }];
        let marks = Marks {
            entities: &entities,
            claims: &claims,
            boilerplate: &[],
            visible_kinds: [true; 6],
            selection: None,
        };
        let job = line_job(text, Span::new(0, 24), &marks, &style());
        assert_eq!(job.text, "Kirby said 3,000 troops.");
        assert_eq!(job.sections.len(), 4);
        assert_ne!(
            job.sections[0].format.background,
            Color32::TRANSPARENT,
            "the person is tinted"
        );
        assert_eq!(job.sections[1].format.background, Color32::TRANSPARENT);
        assert!(
            job.sections.iter().all(|s| s.format.underline.width > 0.0),
            "the whole claim is underlined"
        );
    }

    #[test]
    fn hidden_kinds_are_not_tinted() {
        let text = "Kirby";
        let entities = [Entity::new(Span::new(0, 5), EntityKind::Person)];
        let mut visible = [true; 6];
        visible[kind_index(EntityKind::Person)] = false;
        let marks = Marks {
            entities: &entities,
            claims: &[],
            boilerplate: &[],
            visible_kinds: visible,
            selection: None,
        };
        let job = line_job(text, Span::new(0, 5), &marks, &style());
        assert_eq!(job.sections[0].format.background, Color32::TRANSPARENT);
    }
}
