//! The CSV export: one row per claim (RFC 4180: comma-separated, CRLF line ends, quoted where
//! needed), with a UTF-8 byte-order mark so spreadsheets read accents and Hangul correctly,
//! and every cell a spreadsheet would take for a formula made inert.

use std::io::Write;

use super::{ExportError, Scope, figures, rfc3339, select};
use crate::workspace::Workspace;

/// The header row.
pub const COLUMNS: [&str; 11] = [
    "id",
    "article",
    "quote",
    "speaker",
    "values",
    "status",
    "reliability",
    "credibility",
    "note",
    "reviewed_by",
    "reviewed_at",
];

/// The UTF-8 byte-order mark that tells spreadsheet programs the file is UTF-8.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// Writes the CSV export.
pub fn write(workspace: &Workspace, scope: Scope, out: &mut dyn Write) -> Result<(), ExportError> {
    out.write_all(BOM)?;
    let mut table = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    table.write_record(COLUMNS)?;
    for item in select(workspace, scope) {
        let claim = item.claim;
        let review = claim.last_review();
        let row = [
            claim.id.to_string(),
            item.article.article.display_title(),
            claim.anchor.quote.exact.clone(),
            claim.speaker.clone().unwrap_or_default(),
            figures(claim),
            claim.status.as_str().to_owned(),
            claim
                .grades
                .reliability
                .map(|r| r.letter().to_string())
                .unwrap_or_default(),
            claim
                .grades
                .credibility
                .map(|c| c.digit().to_string())
                .unwrap_or_default(),
            claim.note.clone(),
            review
                .map(|change| change.analyst.clone())
                .unwrap_or_default(),
            review.map(rfc3339).unwrap_or_default(),
        ];
        table.write_record(row.iter().map(|cell| inert(cell).into_owned()))?;
    }
    table.flush()?;
    Ok(())
}

/// A cell a spreadsheet will not evaluate: text starting with `=`, `+`, `-`, `@` (or a tab or
/// carriage return, which some programs skip before looking) gets a leading apostrophe, as
/// OWASP advises against CSV injection.
#[must_use]
pub fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    let cell = super::without_controls(cell);
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn formula_starts_are_neutralised_and_other_text_is_kept() {
        for risky in ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\t=1"] {
            assert_eq!(inert(risky), format!("'{risky}"));
        }
        // Control characters other than line breaks and tabs are dropped first.
        assert_eq!(inert("\r=1"), "'=1");
        assert_eq!(inert("a\u{1b}[31mb\0c"), "a[31mbc");
        for plain in ["12000", "Kirby said", "", "a=b", "'quoted"] {
            assert_eq!(inert(plain), plain);
        }
    }
}
