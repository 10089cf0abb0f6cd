//! Right-to-left text for egui, which lays text out left to right: Arabic letters take their
//! joining forms, each wrapped row is put in visual order by the Unicode bidirectional
//! algorithm, and every shown character keeps its source byte, so clicks, selections and
//! highlights still point into the article's text.
//!
//! egui 0.37 shapes each run of one font with harfrust, which reverses a run of Hebrew or
//! Arabic letters and then confuses egui's one-glyph-per-character bookkeeping (extra
//! glyphs, wrong cursors). So every right-to-left letter goes to egui already in visual
//! order and in a section of its own, where reversing one glyph changes nothing.

use std::ops::Range;
use std::sync::{Arc, LazyLock};

use ar_reshaper::{ArabicReshaper, ReshaperConfig};
use egui::Galley;
use egui::text::{ByteIndex, LayoutJob, LayoutSection, TextWrapping};
use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo};

/// A character as shown, and the byte of the source text it stands for.
type Shown = (char, usize);

/// Whether `text` needs reordering or shaping: it has letters of a right-to-left script or
/// a right-to-left mark.
#[must_use]
pub fn has_rtl(text: &str) -> bool {
    text.chars()
        .any(|c| is_rtl_letter(c) || matches!(c, '\u{200F}' | '\u{202B}' | '\u{202E}' | '\u{2067}'))
}

/// Whether the shaper would set `c`'s run right to left: Hebrew, Arabic (with its digits
/// and presentation forms), Syriac, Thaana, N'Ko and the scripts between.
fn is_rtl_letter(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// `text` as a one-line label shows it: right-to-left runs in visual order, Arabic joined,
/// a right-to-left text aligned right. Where it does not fit the width left in `ui`, the
/// row ends in "…" at its logical end (the left of a right-to-left row), so the start of
/// the text stays in view. Text with nothing to reorder passes through as it is.
#[must_use]
pub fn line(ui: &egui::Ui, text: impl Into<egui::RichText>) -> egui::WidgetText {
    // Room for the "…" that replaces the rest of a row that does not fit.
    const ELLIPSIS_ROOM: f32 = 14.0;
    let text = text.into();
    if !has_rtl(text.text()) {
        return text.into();
    }
    let mut styled = styled_job(ui, text);
    // One line: line breaks read as spaces (the same byte length, so sources hold).
    styled.text = styled.text.replace(['\n', '\r'], " ");
    styled.wrap.max_width = (ui.available_width() - ELLIPSIS_ROOM).max(ELLIPSIS_ROOM);
    let (job, _) = visual_job(&styled, |job| ui.fonts_mut(|f| f.layout_job(job)), Some(1));
    job.into()
}

/// The characters `text` is drawn with on one row per line, left to right, with Arabic in
/// its joining forms (for tests of what the fonts must cover).
#[cfg(test)]
#[must_use]
pub fn shown_chars(text: &str) -> Vec<char> {
    visual(text).into_iter().map(|(c, _)| c).collect()
}

/// The characters of `text` as shown on one row per line, left to right.
#[cfg(test)]
fn visual(text: &str) -> Vec<Shown> {
    let mut out = Vec::with_capacity(text.len());
    let mut start = 0;
    for line in text.split('\n') {
        if start > 0 {
            out.push(('\n', start - 1));
        }
        let shown = shaped(line);
        let (_, rows) = reorder(line, &shown, std::slice::from_ref(&(0..shown.len())));
        out.extend(rows.into_iter().flatten().map(|(c, b)| (c, start + b)));
        start += line.len() + 1;
    }
    out
}

/// `text` as one section in the style `ui` gives it.
fn styled_job(ui: &egui::Ui, text: egui::RichText) -> LayoutJob {
    let mut job = LayoutJob::default();
    text.append_to(
        &mut job,
        ui.style(),
        egui::FontSelection::Default,
        egui::Align::LEFT,
    );
    job
}

/// A wrapping label that reads right to left where its text does.
pub fn wrapped_label(ui: &mut egui::Ui, text: egui::RichText) -> egui::Response {
    if !has_rtl(text.text()) {
        return ui.add(egui::Label::new(text).wrap());
    }
    let mut job = styled_job(ui, text);
    job.wrap.max_width = ui.available_width();
    let laid = lay_out(job, |job| ui.fonts_mut(|f| f.layout_job(job)));
    ui.add(egui::Label::new(laid.galley))
}

/// A laid-out paragraph, and which source byte each of its characters shows.
pub struct Laid {
    /// What to paint.
    pub galley: Arc<Galley>,
    /// `None` when the galley shows the text as it is, character for character.
    pub map: Option<SourceMap>,
}

/// For each character of a reordered galley's text (row breaks included), the byte of the
/// source text it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceMap(Vec<usize>);

impl SourceMap {
    /// The source byte shown at galley character `index`; `end` past the last one.
    #[must_use]
    pub fn byte_at(&self, index: usize, end: usize) -> usize {
        self.0.get(index).copied().unwrap_or(end)
    }

    /// The galley character that shows source byte `byte`, or the one showing the nearest
    /// byte before it (the alef of a lam–alef ligature is shown by the lam's character).
    #[must_use]
    pub fn index_of(&self, byte: usize) -> usize {
        self.0
            .iter()
            .enumerate()
            .filter(|(_, b)| **b <= byte)
            .max_by_key(|(i, b)| (**b, std::cmp::Reverse(*i)))
            .map_or(0, |(i, _)| i)
    }
}

/// Lays out `job`, one paragraph in logical order without line breaks, as the eye reads
/// it: wrapped where it would wrap, each row in visual order, a right-to-left paragraph
/// aligned right. Text with nothing to reorder goes to `layout` unchanged.
pub fn lay_out(job: LayoutJob, mut layout: impl FnMut(LayoutJob) -> Arc<Galley>) -> Laid {
    if !has_rtl(&job.text) {
        return Laid {
            galley: layout(job),
            map: None,
        };
    }
    let (visual, sources) = visual_job(&job, &mut layout, None);
    Laid {
        galley: layout(visual),
        map: Some(SourceMap(sources)),
    }
}

/// The job that shows `job` (one paragraph, logical order) in visual order, wrapped as
/// `job` wraps, and the source byte of each of its characters. With `max_rows`, the rows
/// after those are left out and the last one kept ends in "…".
fn visual_job(
    job: &LayoutJob,
    mut layout: impl FnMut(LayoutJob) -> Arc<Galley>,
    max_rows: Option<usize>,
) -> (LayoutJob, Vec<usize>) {
    let shown = shaped(&job.text);
    // Wrapping does not depend on the order of a row's words, so wrap in logical order.
    let mut logical = LayoutJob {
        wrap: TextWrapping {
            max_rows: usize::MAX,
            ..job.wrap.clone()
        },
        ..LayoutJob::default()
    };
    append_styled(&mut logical, job, &shown, 0.0, &mut Vec::new());
    let wrapped = layout(logical);
    let mut rows = Vec::with_capacity(wrapped.rows.len());
    let mut start = 0;
    for row in &wrapped.rows {
        let end = (start + row.char_count_including_newline().0).min(shown.len());
        rows.push(start..end);
        start = end;
    }
    if start < shown.len() {
        rows.push(start..shown.len());
    }
    let cut = max_rows.is_some_and(|max| rows.len() > max);
    rows.truncate(max_rows.unwrap_or(usize::MAX));
    let (rtl, mut visual) = reorder(&job.text, &shown, &rows);
    if cut && let Some(last) = visual.last_mut() {
        let ellipsis = ('…', job.text.len());
        if rtl {
            last.insert(0, ellipsis);
        } else {
            last.push(ellipsis);
        }
    }

    let width = job.wrap.max_width;
    let mut out = LayoutJob {
        wrap: TextWrapping {
            max_width: f32::INFINITY,
            ..job.wrap.clone()
        },
        ..LayoutJob::default()
    };
    let mut sources = Vec::with_capacity(shown.len() + rows.len());
    for (index, row) in visual.iter().enumerate() {
        if index > 0 {
            let first = rows[index].start;
            let byte = shown.get(first).map_or(job.text.len(), |s| s.1);
            append_styled(&mut out, job, &[('\n', byte)], 0.0, &mut sources);
        }
        let row_width = wrapped.rows.get(index).map_or(0.0, |r| r.rect().width());
        let indent = if rtl && width.is_finite() {
            (width - row_width).max(0.0)
        } else {
            0.0
        };
        append_styled(&mut out, job, row, indent, &mut sources);
    }
    (out, sources)
}

/// Appends `chars` to `out`, each in the format `job` gives its source byte, and each
/// right-to-left letter in a section of its own (see the module comment); the first section
/// gets `indent` of leading space. Records each character's source in `sources`.
fn append_styled(
    out: &mut LayoutJob,
    job: &LayoutJob,
    chars: &[Shown],
    indent: f32,
    sources: &mut Vec<usize>,
) {
    let section_of = |byte: usize| {
        job.sections
            .partition_point(|s| s.byte_range.end.0 <= byte)
            .min(job.sections.len().saturating_sub(1))
    };
    let mut indent = indent;
    let mut piece = String::new();
    let mut current = None;
    let mut flush = |out: &mut LayoutJob, piece: &mut String, section: Option<usize>| {
        if let Some(format) = section.and_then(|s| job.sections.get(s)) {
            // Pushed, not appended: `append` merges a section into a like-formatted one.
            let start = out.text.len();
            out.text.push_str(piece);
            out.sections.push(LayoutSection {
                leading_space: indent,
                byte_range: ByteIndex(start)..ByteIndex(out.text.len()),
                format: format.format.clone(),
            });
            indent = 0.0;
        }
        piece.clear();
    };
    for &(c, byte) in chars {
        let section = Some(section_of(byte));
        let alone = is_rtl_letter(c);
        if (section != current || alone) && !piece.is_empty() {
            flush(out, &mut piece, current);
        }
        current = section;
        piece.push(c);
        sources.push(byte);
        if alone {
            flush(out, &mut piece, current);
        }
    }
    if !piece.is_empty() {
        flush(out, &mut piece, current);
    }
}

/// `text` in logical order with Arabic letters in their joining forms; a lam before an
/// alef becomes one ligature, which stands for the lam's byte.
fn shaped(text: &str) -> Vec<Shown> {
    static SHAPER: LazyLock<ArabicReshaper> = LazyLock::new(|| {
        ArabicReshaper::new(ReshaperConfig {
            // Keep every character, so the output lines up with the input one to one.
            delete_harakat: false,
            support_ligatures: false,
            ..ReshaperConfig::default()
        })
    });
    let logical = || text.char_indices().map(|(b, c)| (c, b)).collect();
    if !text.chars().any(|c| ('\u{0600}'..='\u{08FF}').contains(&c)) {
        return logical();
    }
    // The shaper drops joiners (U+200D) and nothing else. The leading space keeps it from
    // underflowing on a text that starts with a diacritic.
    let kept: Vec<usize> = text
        .char_indices()
        .filter(|(_, c)| *c != '\u{200D}')
        .map(|(b, _)| b)
        .collect();
    let reshaped = SHAPER.reshape(format!(" {text}"));
    if reshaped.chars().count() != kept.len() + 1 {
        // Not the one-to-one output it promises: show the letters unjoined, in place.
        return logical();
    }
    join_lam_alef(reshaped.chars().skip(1).zip(kept).collect())
}

/// Replaces a lam in initial or medial form followed by an alef in final form with the
/// lam–alef ligature Arabic requires.
fn join_lam_alef(shown: Vec<Shown>) -> Vec<Shown> {
    // An alef's final form, then the ligature's isolated and final forms.
    const ALEFS: [(char, char, char); 4] = [
        ('\u{FE82}', '\u{FEF5}', '\u{FEF6}'), // with madda above
        ('\u{FE84}', '\u{FEF7}', '\u{FEF8}'), // with hamza above
        ('\u{FE88}', '\u{FEF9}', '\u{FEFA}'), // with hamza below
        ('\u{FE8E}', '\u{FEFB}', '\u{FEFC}'), // plain
    ];
    let mut out: Vec<Shown> = Vec::with_capacity(shown.len());
    for (c, byte) in shown {
        let ligature = ALEFS
            .iter()
            .find(|a| a.0 == c)
            .and_then(|&(_, isolated, last)| {
                match out.last()?.0 {
                    '\u{FEDF}' => Some(isolated), // lam, initial
                    '\u{FEE0}' => Some(last),     // lam, medial
                    _ => None,
                }
            });
        match (ligature, out.last_mut()) {
            (Some(ligature), Some(lam)) => lam.0 = ligature,
            _ => out.push((c, byte)),
        }
    }
    out
}

/// Whether the paragraph `text` reads right to left, and the characters of each row (index
/// ranges of `shown`, which is `text` shaped) in visual order, left to right. The levels are
/// resolved once for the paragraph and each row is reordered on its own (rules L1 and L2),
/// so a long paragraph costs its length, not its length times its rows.
fn reorder(text: &str, shown: &[Shown], rows: &[Range<usize>]) -> (bool, Vec<Vec<Shown>>) {
    let bidi = ParagraphBidiInfo::new(text, None);
    let paragraph = bidi.paragraph_level;
    let rows = rows
        .iter()
        .map(|row| {
            let chars = &shown[row.start.min(shown.len())..row.end.min(shown.len())];
            let class = |c: &Shown| bidi.original_classes[c.1];
            let mut levels: Vec<Level> = chars.iter().map(|c| bidi.levels[c.1]).collect();
            // L1: separators, and the white space before them or at the row's end, take the
            // paragraph's level.
            let mut trailing = true;
            for (at, c) in chars.iter().enumerate().rev() {
                match class(c) {
                    BidiClass::S | BidiClass::B => {
                        levels[at] = paragraph;
                        trailing = true;
                    }
                    BidiClass::WS
                    | BidiClass::FSI
                    | BidiClass::LRI
                    | BidiClass::RLI
                    | BidiClass::PDI
                    | BidiClass::BN
                    | BidiClass::LRE
                    | BidiClass::RLE
                    | BidiClass::LRO
                    | BidiClass::RLO
                    | BidiClass::PDF
                        if trailing =>
                    {
                        levels[at] = paragraph;
                    }
                    _ => trailing = false,
                }
            }
            // L2, and mirrored brackets inside right-to-left runs.
            ParagraphBidiInfo::reorder_visual(&levels)
                .into_iter()
                .map(|at| {
                    let (c, byte) = chars[at];
                    if levels[at].is_rtl() {
                        (mirrored(c), byte)
                    } else {
                        (c, byte)
                    }
                })
                .collect()
        })
        .collect();
    (paragraph.is_rtl(), rows)
}

/// The mirror image of a paired punctuation mark, as drawn inside right-to-left text.
fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visual(text: &str) -> String {
        super::visual(text).into_iter().map(|(c, _)| c).collect()
    }

    #[test]
    fn latin_text_is_not_reordered() {
        assert!(!has_rtl("Kirby said 3,000 «troops» (AFP)"));
        assert_eq!(visual("Kirby said 3,000"), "Kirby said 3,000");
    }

    #[test]
    fn lines_are_reordered_one_by_one_and_keep_their_sources() {
        let text = "שלום\nab";
        let shown = super::visual(text);
        assert_eq!(visual(text), "םולש\nab");
        assert_eq!(shown[4], ('\n', 8));
        assert_eq!(shown[5], ('a', 9));
    }

    #[test]
    fn hebrew_reads_right_to_left_with_numbers_left_to_right() {
        // "said 10000 soldiers": the digits keep their order inside the reversed line.
        let text = "אמר 10000 חיילים";
        assert_eq!(visual(text), "םילייח 10000 רמא");
    }

    #[test]
    fn latin_inside_hebrew_keeps_its_order_and_brackets_mirror() {
        assert_eq!(visual("שלום (IDF) עולם"), "םלוע (IDF) םולש");
    }

    #[test]
    fn hebrew_inside_english_is_reversed_in_place() {
        assert_eq!(visual("The paper שלום said"), "The paper םולש said");
    }

    #[test]
    fn arabic_letters_take_joining_forms() {
        // "salam": seen, lam, alef, meem. Seen initial, then lam–alef (final), then meem
        // isolated (alef does not join forward); drawn right to left.
        let shown = shaped("سلام");
        let forms: String = shown.iter().map(|s| s.0).collect();
        assert_eq!(forms, "\u{FEB3}\u{FEFC}\u{FEE1}");
        assert_eq!(
            shown.iter().map(|s| s.1).collect::<Vec<_>>(),
            vec![0, 2, 6],
            "the ligature stands for the lam"
        );
        assert_eq!(visual("سلام"), "\u{FEE1}\u{FEFC}\u{FEB3}");
    }

    #[test]
    fn arabic_figures_are_not_reversed() {
        // "killed 10000": the Western digits read 10000, not 00001.
        let text = "قتل 10000";
        let shown = visual(text);
        assert!(shown.starts_with("10000 "), "{shown:?}");
    }

    #[test]
    fn a_leading_diacritic_or_joiner_does_not_break_shaping() {
        for text in ["\u{064B}سلام", "سل\u{200D}ام", "\u{200D}", "\u{064B}"] {
            let shown = shaped(text);
            assert!(shown.iter().all(|s| text.is_char_boundary(s.1)), "{text:?}");
        }
    }

    #[test]
    fn a_long_right_to_left_line_keeps_its_start_in_view() {
        let ctx = egui::Context::default();
        crate::gui::fonts::install(&ctx);
        let mut row = Vec::new();
        for _ in 0..2 {
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                ui.set_max_width(160.0);
                let text = line(ui, "דובר הצבא אמר כי 10000 חיילים הגיעו לגבול ביום שלישי");
                let (_, galley, _) = egui::Label::new(text).truncate().layout_in_ui(ui);
                row = galley
                    .rows
                    .iter()
                    .map(|r| {
                        r.glyphs
                            .iter()
                            .map(|g| (g.chr, g.max_x()))
                            .collect::<Vec<_>>()
                    })
                    .collect::<Vec<_>>();
            });
            output.textures_delta.clear();
        }
        assert_eq!(row.len(), 1, "one row");
        let glyphs = &row[0];
        assert_eq!(
            glyphs.first().map(|g| g.0),
            Some('…'),
            "cut at the left, the logical end"
        );
        assert_eq!(
            glyphs.last().map(|g| g.0),
            Some('ד'),
            "the first word stays at the right"
        );
        assert!(glyphs.last().unwrap().1 <= 160.0);
    }

    #[test]
    fn each_row_reorders_as_the_unicode_algorithm_reorders_that_line() {
        for text in [
            "דובר הצבא אמר כי 10000 חיילים (IDF) הגיעו.",
            "The paper שלום עולם said 3,000 «troops» arrived",
            "قال المتحدث إن 1,500 مدني غادروا (AFP) المنطقة",
            "abc 123 אבג 456 def",
        ] {
            let shown: Vec<Shown> = text.char_indices().map(|(b, c)| (c, b)).collect();
            let bidi = ParagraphBidiInfo::new(text, None);
            let expected: String = bidi.reorder_line(0..text.len()).chars().collect();
            let (_, rows) = reorder(text, &shown, std::slice::from_ref(&(0..shown.len())));
            let ours: String = rows[0].iter().map(|&(c, _)| c).collect();
            // The library does not mirror brackets; compare with them set aside.
            let plain = |s: &str| s.replace(['(', ')', '«', '»'], "|");
            assert_eq!(plain(&ours), plain(&expected), "{text}");
        }
    }

    #[test]
    fn a_paragraph_on_two_rows_starts_at_the_right_of_the_first() {
        let text = "אחת שתיים שלוש ארבע";
        let shown: Vec<Shown> = text.char_indices().map(|(b, c)| (c, b)).collect();
        let split = text.chars().take_while(|c| *c != 'ש').count() + "שתיים ".chars().count();
        let (rtl, rows) = reorder(text, &shown, &[0..split, split..shown.len()]);
        let row = |n: usize| rows[n].iter().map(|&(c, _)| c).collect::<String>();
        assert!(rtl);
        assert_eq!(row(0).trim(), "םייתש תחא");
        assert_eq!(row(1), "עברא שולש");
    }

    #[test]
    fn source_map_finds_each_byte() {
        let map = SourceMap(vec![6, 4, 2, 0]);
        assert_eq!(map.byte_at(1, 8), 4);
        assert_eq!(map.byte_at(9, 8), 8);
        assert_eq!(map.index_of(4), 1);
        assert_eq!(map.index_of(5), 1, "a byte inside a character maps to it");
    }
}
