//! The brat standoff export: a folder of article texts with their entities and claims, for brat and `INCEpTION`.
//!
//! For each article, `NAME.txt` holds the text exactly as analysed (the text every workspace
//! offset points into) and `NAME.ann` its annotations; `annotation.conf` declares every type
//! and attribute used, so brat opens the folder as a collection and `INCEpTION` imports it.
//!
//! - Entities (after the analyst's corrections) are `T` lines typed `Person`,
//!   `Organization`, `Location`, `Group`, `Date` or `Number`.
//! - Each placed claim is a `T` line typed `Claim`, followed by its `A` lines (`Status`:
//!   `Confirmed`, `Unconfirmed` or `Unreviewed`; `Reliability` `A`–`F` and `Credibility`
//!   `1`–`6` when graded) and `#` notes on it: `AnnotatorNotes` (the analyst's note, which
//!   brat shows and edits as the annotation's note), `Speaker` and `ClaimId` (`c12`, the id
//!   in the workspace). A claim whose article changed so that its quote is gone has no place
//!   and is left out (counted in [`BratSummary::unplaced`]).
//!
//! Offsets count characters (Unicode code points) from the start of the text, as brat
//! requires, not the workspace's UTF-8 bytes. A `.ann` line holds no line break, so a span
//! that crosses one is written the way brat itself writes it: as fragments
//! (`start end;start end`) split at line breaks, tabs and other control characters, each
//! fragment trimmed of surrounding whitespace, with the fragments' texts joined by one space
//! in the text column. Notes are written on one line.
//!
//! Which articles: with [`Scope::Reviewed`] those holding at least one reviewed claim (only
//! reviewed claims are written, entities all); with [`Scope::All`] every article and claim.
//! File names come from the article's title (or file name): letters and digits kept, every
//! other run of characters one `-`, at most [`MAX_NAME_BYTES`] bytes, the article id when
//! nothing is left, `-2`, `-3`, ... after a name already taken (compared without case, as
//! some file systems do). Names never hold a path separator or start with a dot, so every
//! file lands in the folder given. Files are written one by one, each atomically (temporary
//! file renamed into place, see [`crate::file::write`]); files an earlier export wrote and
//! this one does not are left as they are.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use super::{ClaimInArticle, ExportError, Scope, one_line, select, status_title};
use crate::article::{Article, ArticleId};
use crate::extract::{Entity, EntityKind};
use crate::file::{Backup, replace};
use crate::span::Span;
use crate::workspace::{AnalyzedArticle, Workspace};

/// The brat configuration file written beside the documents.
pub const CONF_NAME: &str = "annotation.conf";

/// The longest file name stem, in bytes (file systems allow 255; the extension, a `-N`
/// suffix and the temporary name of an atomic write need the rest).
pub const MAX_NAME_BYTES: usize = 80;

/// The text-bound type of claims.
pub const CLAIM_TYPE: &str = "Claim";

/// `annotation.conf`: every entity type, the claim type, and the claims' attributes.
/// Entities lie inside claims (and a claim the analyst marked may cut across one), so any
/// overlap between text-bound annotations is allowed.
pub const ANNOTATION_CONF: &str = "\
# Crosscheck brat export: entity kinds, claims and their review.
[entities]
Person
Organization
Location
Group
Date
Number
Claim

[relations]
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
Status\tArg:Claim, Value:Confirmed|Unconfirmed|Unreviewed
Reliability\tArg:Claim, Value:A|B|C|D|E|F
Credibility\tArg:Claim, Value:1|2|3|4|5|6
";

/// The brat type of an entity kind.
#[must_use]
pub fn entity_type(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Organization => "Organization",
        EntityKind::Location => "Location",
        EntityKind::Group => "Group",
        EntityKind::Date => "Date",
        EntityKind::Number => "Number",
    }
}

/// One article as brat reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BratDocument {
    /// The file name stem: the text is `NAME.txt`, the annotations `NAME.ann`.
    pub name: String,
    /// The article text exactly as analysed.
    pub text: String,
    /// The standoff annotations.
    pub ann: String,
}

/// Everything a brat export writes, before it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BratExport {
    /// One per article, in the workspace's order.
    pub documents: Vec<BratDocument>,
    /// Claims written.
    pub claims: usize,
    /// Entities written.
    pub entities: usize,
    /// Claims in scope left out for having no place in their text.
    pub unplaced: usize,
}

/// What [`export_brat`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BratSummary {
    /// The folder.
    pub folder: PathBuf,
    /// Articles written (a `.txt` and an `.ann` each).
    pub documents: usize,
    /// Claims written.
    pub claims: usize,
    /// Entities written.
    pub entities: usize,
    /// Claims in scope left out for having no place in their text (their article changed
    /// and the quote is gone).
    pub unplaced: usize,
}

/// The brat documents of the claims `scope` takes, in memory.
#[must_use]
pub fn documents(workspace: &Workspace, scope: Scope) -> BratExport {
    let chosen = select(workspace, scope);
    let mut taken = reserved_names();
    let mut export = BratExport {
        documents: Vec::new(),
        claims: 0,
        entities: 0,
        unplaced: 0,
    };
    let mut by_article: HashMap<&ArticleId, Vec<&ClaimInArticle<'_>>> = HashMap::new();
    for item in &chosen {
        by_article
            .entry(&item.claim.article)
            .or_default()
            .push(item);
    }
    for entry in workspace.articles() {
        let id = &entry.article.id;
        let claims = by_article.remove(id).unwrap_or_default();
        if scope == Scope::Reviewed && claims.is_empty() {
            continue;
        }
        let entities = workspace.entities(id).unwrap_or_default();
        let ann = annotations(entry, &entities, &claims, &mut export);
        export.documents.push(BratDocument {
            name: unique_name(&entry.article, &mut taken),
            text: entry.article.text.clone(),
            ann,
        });
    }
    export
}

/// Writes the brat export into `folder` (created when missing): `NAME.txt` and `NAME.ann`
/// per article and `annotation.conf`; see the module docs. Stops at the first file that
/// cannot be written; the files written before it stay.
pub fn export_brat(
    workspace: &Workspace,
    scope: Scope,
    folder: &Path,
) -> Result<BratSummary, ExportError> {
    let export = documents(workspace, scope);
    if folder.exists() && !folder.is_dir() {
        return Err(ExportError::NotAFolder {
            path: folder.to_owned(),
        });
    }
    fs::create_dir_all(folder).map_err(|reason| ExportError::Folder {
        path: folder.to_owned(),
        reason,
    })?;
    for document in &export.documents {
        write_file(
            &folder.join(format!("{}.txt", document.name)),
            document.text.as_bytes(),
        )?;
        write_file(
            &folder.join(format!("{}.ann", document.name)),
            document.ann.as_bytes(),
        )?;
    }
    write_file(&folder.join(CONF_NAME), ANNOTATION_CONF.as_bytes())?;
    Ok(BratSummary {
        folder: folder.to_owned(),
        documents: export.documents.len(),
        claims: export.claims,
        entities: export.entities,
        unplaced: export.unplaced,
    })
}

/// Replaces a file of the export atomically. An entry of that name that is not a regular
/// file (a link, a folder, a device) is refused: the export writes only inside its folder.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    if let Ok(meta) = fs::symlink_metadata(path)
        && !meta.file_type().is_file()
    {
        return Err(ExportError::Occupied {
            path: path.to_owned(),
        });
    }
    replace(path, bytes, Backup::Skip, None, None)?;
    Ok(())
}

/// The `.ann` text of one article.
fn annotations(
    entry: &AnalyzedArticle,
    entities: &[Entity],
    claims: &[&ClaimInArticle<'_>],
    export: &mut BratExport,
) -> String {
    let text = &entry.article.text;
    let chars = CharOffsets::new(text);
    let mut ann = String::new();
    let (mut t, mut a, mut n) = (0, 0, 0);
    for entity in entities {
        let Some(bound) = text_bound(text, entity.span, &chars) else {
            continue;
        };
        t += 1;
        export.entities += 1;
        let _ = writeln!(ann, "T{t}\t{} {bound}", entity_type(entity.kind));
    }
    for item in claims {
        let claim = item.claim;
        let Some(bound) = claim
            .anchor
            .span
            .and_then(|span| text_bound(text, span, &chars))
        else {
            export.unplaced += 1;
            continue;
        };
        t += 1;
        export.claims += 1;
        let _ = writeln!(ann, "T{t}\t{CLAIM_TYPE} {bound}");
        let mut attribute = |name: &str, value: &str| {
            a += 1;
            let _ = writeln!(ann, "A{a}\t{name} T{t} {value}");
        };
        attribute("Status", status_title(claim.status));
        if let Some(reliability) = claim.grades.reliability {
            attribute("Reliability", &reliability.letter().to_string());
        }
        if let Some(credibility) = claim.grades.credibility {
            attribute("Credibility", &credibility.digit().to_string());
        }
        let notes = [
            ("AnnotatorNotes", one_line(&claim.note)),
            (
                "Speaker",
                claim.speaker.as_deref().map(one_line).unwrap_or_default(),
            ),
            ("ClaimId", claim.id.to_string()),
        ];
        for (kind, note) in notes {
            if !note.is_empty() {
                n += 1;
                let _ = writeln!(ann, "#{n}\t{kind} T{t}\t{note}");
            }
        }
    }
    ann
}

/// Character (code point) offsets of byte offsets into one text.
struct CharOffsets {
    /// The byte offset where each character starts.
    starts: Vec<usize>,
}

impl CharOffsets {
    fn new(text: &str) -> Self {
        Self {
            starts: text.char_indices().map(|(at, _)| at).collect(),
        }
    }

    /// The number of characters before byte `offset` (a char boundary).
    fn at(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start < offset)
    }
}

/// What ends a fragment of a text-bound annotation: what brat's own reader would take for a
/// line break (Python's `splitlines`), tabs, and every other control character.
fn breaks_fragment(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// `START END[;START END...]\tTEXT` for `span` of `text`, in characters; `None` when the
/// span is not in the text or holds nothing but whitespace and control characters.
fn text_bound(text: &str, span: Span, chars: &CharOffsets) -> Option<String> {
    let covered = span.text(text)?;
    let mut pieces = Vec::new();
    let mut piece_start = 0;
    for (at, c) in covered.char_indices() {
        if breaks_fragment(c) {
            pieces.push(piece_start..at);
            piece_start = at + c.len_utf8();
        }
    }
    pieces.push(piece_start..covered.len());
    let mut offsets = Vec::new();
    let mut words = Vec::new();
    for range in pieces {
        let piece = &covered[range.clone()];
        let trimmed = piece.trim();
        if trimmed.is_empty() {
            continue;
        }
        let start = span.start + range.start + (piece.len() - piece.trim_start().len());
        let end = start + trimmed.len();
        offsets.push(format!("{} {}", chars.at(start), chars.at(end)));
        words.push(trimmed);
    }
    if offsets.is_empty() {
        return None;
    }
    Some(format!("{}\t{}", offsets.join(";"), words.join(" ")))
}

/// Names a document may not take: device names Windows reserves whatever the extension.
fn reserved_names() -> HashSet<String> {
    let mut names: HashSet<String> = ["con", "prn", "aux", "nul"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    for n in 1..=9 {
        names.insert(format!("com{n}"));
        names.insert(format!("lpt{n}"));
    }
    names
}

/// The article's file name stem, not yet in `taken` (compared lower-case), then taken.
fn unique_name(article: &Article, taken: &mut HashSet<String>) -> String {
    let base = base_name(article);
    let mut name = base.clone();
    let mut n = 1;
    while !taken.insert(name.to_lowercase()) {
        n += 1;
        name = format!("{base}-{n}");
    }
    name
}

/// Letters and digits of the title (or file name), other runs as one `-`, at most
/// [`MAX_NAME_BYTES`] bytes (a longer title is cut after its last whole word); the article
/// id when nothing is left.
fn base_name(article: &Article) -> String {
    let mut name = String::new();
    let mut cut = false;
    for c in article.display_title().chars() {
        let add = if c.is_alphanumeric() {
            Some(c)
        } else if !name.is_empty() && !name.ends_with('-') {
            Some('-')
        } else {
            None
        };
        if let Some(add) = add {
            if name.len() + add.len_utf8() > MAX_NAME_BYTES {
                cut = true;
                break;
            }
            name.push(add);
        }
    }
    // A title cut short ends at a word boundary when it has one.
    if cut
        && !name.ends_with('-')
        && let Some(boundary) = name.rfind('-')
    {
        name.truncate(boundary);
    }
    let name = name.trim_end_matches('-');
    if name.is_empty() {
        article.id.to_string()
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bound(text: &str, needle: &str) -> String {
        let start = text.find(needle).unwrap();
        let span = Span::new(start, start + needle.len());
        text_bound(text, span, &CharOffsets::new(text)).unwrap()
    }

    #[test]
    fn offsets_count_characters() {
        let text = "서울 — Zelenskyy’s café said so.";
        assert_eq!(bound(text, "Zelenskyy’s café"), "5 21\tZelenskyy’s café");
        assert_eq!(bound(text, "said"), "22 26\tsaid");
    }

    #[test]
    fn line_breaks_split_a_span_into_trimmed_fragments() {
        let text = "A said the\r\n  troops \u{2028}left\tnow.";
        assert_eq!(
            bound(text, "said the\r\n  troops \u{2028}left\tnow"),
            "2 10;14 20;22 26;27 30\tsaid the troops left now"
        );
        let blank = "a\n \n b";
        assert_eq!(
            text_bound(blank, Span::new(1, 4), &CharOffsets::new(blank)),
            None
        );
    }

    #[test]
    fn names_are_plain_short_and_unique() {
        let article = |title: &str| {
            let mut article =
                Article::from_bytes(Path::new("x.txt"), b"Some text of an article.").unwrap();
            article.title = Some(title.to_owned());
            article
        };
        let mut taken = reserved_names();
        let mut name = |title: &str| unique_name(&article(title), &mut taken);
        assert_eq!(name("U.S. warns: ../../etc/passwd"), "U-S-warns-etc-passwd");
        assert_eq!(name("u.s. WARNS — etc/passwd"), "u-s-WARNS-etc-passwd-2");
        assert_eq!(name("서울, 10월"), "서울-10월");
        assert_eq!(name("..."), article("...").id.to_string());
        assert_eq!(name("NUL"), "NUL-2");
        let long = name(&"word ".repeat(40));
        assert_eq!(long, ["word"; 16].join("-"));
        let at_a_word = name(&format!("{} Potential Combat", "Troops ".repeat(10)));
        assert_eq!(at_a_word, format!("{}Potential", "Troops-".repeat(10)));
        let mid_word = name(&format!("{} Potentially", "Troops ".repeat(10)));
        assert_eq!(
            mid_word,
            ["Troops"; 10].join("-"),
            "cut after the last whole word"
        );
    }
}
