//! Briefs for people: the chosen claims grouped by status (confirmed, unconfirmed, then
//! unreviewed), each with its quote, speaker, article, figures, grades, review and note, as
//! Markdown or as one self-contained HTML page.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Write;

use super::{ClaimInArticle, ExportError, Scope, figures, one_line, rfc3339, select};
use crate::workspace::{
    Claim, ClaimId, ClaimStatus, Credibility, Grades, Reliability, StatusChange, Workspace,
};

/// A status group's heading.
fn heading(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::Confirmed => "Confirmed",
        ClaimStatus::Unconfirmed => "Unconfirmed",
        ClaimStatus::Unreviewed => "Unreviewed",
    }
}

/// `3 confirmed, 2 unconfirmed, from 2 articles`.
fn summary(chosen: &[ClaimInArticle<'_>]) -> String {
    if chosen.is_empty() {
        return "No claims to report: none has been reviewed yet.".to_owned();
    }
    let counts: Vec<String> = ClaimStatus::ALL
        .into_iter()
        .filter_map(|status| {
            let n = chosen
                .iter()
                .filter(|item| item.claim.status == status)
                .count();
            (n > 0).then(|| format!("{n} {status}"))
        })
        .collect();
    let articles = chosen
        .iter()
        .map(|item| &item.claim.article)
        .collect::<BTreeSet<_>>()
        .len();
    let plural = if articles == 1 { "" } else { "s" };
    format!(
        "{} claims: {}, from {articles} article{plural}.",
        chosen.len(),
        counts.join(", ")
    )
}

/// `B2 (usually reliable; probably true)`.
fn grades_text(grades: Grades) -> Option<String> {
    let code = grades.code()?;
    let meanings: Vec<&str> = [
        grades.reliability.map(Reliability::meaning),
        grades.credibility.map(Credibility::meaning),
    ]
    .into_iter()
    .flatten()
    .collect();
    Some(format!("{code} ({})", meanings.join("; ")))
}

/// `supports c3; contradicts c9`.
fn evidence(claim: &Claim, mut link_to: impl FnMut(ClaimId) -> String) -> Option<String> {
    let links: Vec<String> = claim
        .links
        .iter()
        .map(|link| format!("{} {}", link.relation.as_str(), link_to(link.claim)))
        .collect();
    (!links.is_empty()).then(|| links.join("; "))
}

fn title_line(item: &ClaimInArticle<'_>) -> String {
    match &item.claim.speaker {
        Some(speaker) => format!("{} \u{b7} {}", item.claim.id, one_line(speaker)),
        None => format!("{} \u{b7} the outlet's own report", item.claim.id),
    }
}

/// A review time for people: `2024-10-25 14:30 +02:00`.
fn readable_time(change: &StatusChange) -> String {
    change.at.format("%Y-%m-%d %H:%M %:z").to_string()
}

const ORPHANED: &str = "The article changed and this quote is no longer in it.";

/// Writes the Markdown brief.
pub fn write_markdown(
    workspace: &Workspace,
    scope: Scope,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let chosen = select(workspace, scope);
    let mut md = String::new();
    let _ = writeln!(
        md,
        "# Crosscheck brief\n\n{}",
        markdown_text(&summary(&chosen))
    );
    for (status, group) in by_status(&chosen) {
        let _ = writeln!(md, "\n## {} ({})", heading(status), group.len());
        for item in group {
            let claim = item.claim;
            let article = &item.article.article;
            let _ = writeln!(md, "\n### {}\n", markdown_text(&title_line(item)));
            let _ = writeln!(
                md,
                "> {}\n",
                markdown_text(&one_line(&claim.anchor.quote.exact))
            );
            let mut fact = |label: &str, value: String| {
                let _ = writeln!(md, "- **{label}:** {value}");
            };
            fact(
                "Article",
                format!(
                    "{} (`{}`)",
                    markdown_text(&article.display_title()),
                    one_line(&article.path.display().to_string()).replace('`', "'")
                ),
            );
            for (label, value) in plain_facts(claim) {
                fact(label, markdown_text(&value));
            }
            if let Some(review) = claim.last_review() {
                fact(
                    "Reviewed",
                    format!(
                        "{}, {}",
                        markdown_text(&review.analyst),
                        readable_time(review)
                    ),
                );
            }
            if let Some(links) = evidence(claim, |id| id.to_string()) {
                fact("Evidence", links);
            }
            if claim.is_orphaned() {
                fact("Orphaned", ORPHANED.to_owned());
            }
            if !claim.note.trim().is_empty() {
                fact("Note", markdown_text(&one_line(&claim.note)));
            }
        }
    }
    out.write_all(md.as_bytes())?;
    Ok(())
}

/// The claims grouped by status, in [`ClaimStatus::ALL`] order, leaving out empty groups.
fn by_status<'c, 'w>(
    chosen: &'c [ClaimInArticle<'w>],
) -> impl Iterator<Item = (ClaimStatus, Vec<&'c ClaimInArticle<'w>>)> {
    ClaimStatus::ALL.into_iter().filter_map(move |status| {
        let group: Vec<_> = chosen
            .iter()
            .filter(|item| item.claim.status == status)
            .collect();
        (!group.is_empty()).then_some((status, group))
    })
}

/// The facts both briefs show as plain text, in order: figures, relay, grades.
fn plain_facts(claim: &Claim) -> impl Iterator<Item = (&'static str, String)> {
    [
        (!claim.values.is_empty()).then(|| ("Figures", figures(claim))),
        claim.via.clone().map(|via| ("Via", via)),
        grades_text(claim.grades).map(|grades| ("Grades", grades)),
    ]
    .into_iter()
    .flatten()
}

/// Text that Markdown shows as written: its markup characters escaped, and a line start that
/// would read as a list, heading or quote defused.
#[must_use]
pub fn markdown_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 8);
    // A line break would end a list item or table row; other controls are never wanted.
    for c in text.chars().map(|c| if c.is_control() { ' ' } else { c }) {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&'
        ) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    // `- x`, `+ x` and `12. x` would start a list where the text is a line of its own.
    if escaped.starts_with(['-', '+']) {
        escaped.insert(0, '\\');
    } else if let Some(digits) = escaped
        .find(|c: char| !c.is_ascii_digit())
        .filter(|&n| n > 0)
        && escaped[digits..].starts_with(['.', ')'])
    {
        escaped.insert(digits, '\\');
    }
    escaped
}

/// Writes the HTML brief: one page with its styles inline, nothing fetched.
pub fn write_html(
    workspace: &Workspace,
    scope: Scope,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let chosen = select(workspace, scope);
    let exported: BTreeSet<ClaimId> = chosen.iter().map(|item| item.claim.id).collect();
    let mut html = String::new();
    html.push_str(HTML_HEAD);
    let _ = writeln!(
        html,
        "<header>\n<h1>Crosscheck brief</h1>\n<p class=\"summary\">{}</p>\n</header>",
        escape_html(&summary(&chosen))
    );
    for (status, group) in by_status(&chosen) {
        let _ = writeln!(
            html,
            "<section class=\"{status}\">\n<h2>{} <span class=\"count\">({})</span></h2>",
            heading(status),
            group.len()
        );
        for item in group {
            let claim = item.claim;
            let article = &item.article.article;
            let _ = writeln!(html, "<article class=\"claim\" id=\"{}\">", claim.id);
            let _ = writeln!(html, "<h3>{}</h3>", escape_html(&title_line(item)));
            let _ = writeln!(
                html,
                "<blockquote>{}</blockquote>",
                escape_html(&one_line(&claim.anchor.quote.exact))
            );
            html.push_str("<dl>\n");
            let mut fact = |label: &str, value: String| {
                let _ = writeln!(html, "<dt>{label}</dt><dd>{value}</dd>");
            };
            fact(
                "Article",
                format!(
                    "{} <span class=\"path\">{}</span>",
                    escape_html(&article.display_title()),
                    escape_html(&article.path.display().to_string())
                ),
            );
            for (label, value) in plain_facts(claim) {
                fact(label, escape_html(&value));
            }
            if let Some(review) = claim.last_review() {
                fact(
                    "Reviewed",
                    format!(
                        "{}, <time datetime=\"{}\">{}</time>",
                        escape_html(&review.analyst),
                        rfc3339(review),
                        readable_time(review)
                    ),
                );
            }
            let link_to = |id: ClaimId| {
                if exported.contains(&id) {
                    format!("<a href=\"#{id}\">{id}</a>")
                } else {
                    id.to_string()
                }
            };
            if let Some(links) = evidence(claim, link_to) {
                fact("Evidence", links);
            }
            if claim.is_orphaned() {
                fact("Orphaned", ORPHANED.to_owned());
            }
            html.push_str("</dl>\n");
            if !claim.note.trim().is_empty() {
                let _ = writeln!(
                    html,
                    "<p class=\"note\">{}</p>",
                    escape_html(claim.note.trim())
                );
            }
            html.push_str("</article>\n");
        }
        html.push_str("</section>\n");
    }
    html.push_str("</body>\n</html>\n");
    out.write_all(html.as_bytes())?;
    Ok(())
}

/// Text safe inside HTML elements and quoted attributes.
#[must_use]
pub fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' | '\t' => escaped.push(c),
            c if c.is_control() => {}
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

const HTML_HEAD: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Crosscheck">
<title>Crosscheck brief</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; }
h1 { margin-bottom: 0.25rem; }
.summary { color: #555; }
h2 { border-bottom: 2px solid #ccc; padding-bottom: 0.25rem; margin-top: 2.5rem; }
.confirmed h2 { border-color: #2e7d32; }
.unconfirmed h2 { border-color: #c62828; }
.count { color: #777; font-weight: normal; }
.claim { margin: 1.5rem 0; padding: 0.75rem 1rem; border-left: 4px solid #ccc; background: #fafafa; break-inside: avoid; }
.confirmed .claim { border-color: #2e7d32; }
.unconfirmed .claim { border-color: #c62828; }
h3 { margin: 0 0 0.5rem; font-size: 1rem; }
blockquote { margin: 0 0 0.75rem; font-style: italic; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0; font-size: 0.9rem; }
dt { font-weight: 600; color: #555; }
dd { margin: 0; }
.path { color: #777; font-family: ui-monospace, monospace; font-size: 0.8rem; }
.note { white-space: pre-wrap; margin: 0.75rem 0 0; padding: 0.5rem; background: #fff8e1; }
@media print { body { margin: 0; max-width: none; } .claim { background: none; } }
</style>
</head>
<body>
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escaping_covers_markup_and_quotes() {
        assert_eq!(
            escape_html(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
    }

    #[test]
    fn markdown_text_shows_as_written() {
        assert_eq!(
            markdown_text("*not bold* [link](x) <b> #1 a|b"),
            r"\*not bold\* \[link\](x) \<b\> \#1 a\|b"
        );
        assert_eq!(markdown_text("- not a list"), r"\- not a list");
        assert_eq!(markdown_text("2024. A year"), r"2024\. A year");
        assert_eq!(markdown_text("12,000 troops"), "12,000 troops");
    }
}
