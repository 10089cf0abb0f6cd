//! Exports of the reviewed set: what each format holds, how it escapes, and that the W3C
//! export passes the W3C's own conformance assertions (`../shared/w3c-annotation-tests`).

mod workspace_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use crosscheck::export::{ExportFormat, Scope, export, select};
use crosscheck::workspace::{Action, ClaimId, Workspace};
use serde_json::Value;
use workspace_support::{SEOUL, analyzed, sample_workspace, seoul_workspace};

fn exported(workspace: &Workspace, format: ExportFormat, scope: Scope) -> String {
    let mut bytes = Vec::new();
    export(workspace, format, scope, &mut bytes).unwrap();
    String::from_utf8(bytes).unwrap()
}

#[test]
fn the_default_scope_is_the_reviewed_set_in_reading_order() {
    let workspace = seoul_workspace();
    let ids = |scope| {
        select(&workspace, scope)
            .iter()
            .map(|item| item.claim.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(Scope::Reviewed), [ClaimId(1), ClaimId(2)]);
    assert_eq!(ids(Scope::All), [ClaimId(1), ClaimId(2), ClaimId(3)]);
}

#[test]
fn json_holds_quotes_positions_review_and_trail() {
    let document: Value = serde_json::from_str(&exported(
        &seoul_workspace(),
        ExportFormat::Json,
        Scope::Reviewed,
    ))
    .unwrap();
    assert_eq!(document["format"], "crosscheck-claims");
    assert_eq!(document["scope"], "reviewed");
    assert_eq!(document["articles"].as_array().unwrap().len(), 1);
    let first = &document["claims"][0];
    assert_eq!(first["id"], "c1");
    assert_eq!(
        first["quote"],
        "South Korea’s spy agency said 12,000 troops were sent."
    );
    let start = SEOUL.find("South Korea’s").unwrap();
    assert_eq!(first["start"], start);
    assert_eq!(first["values"], serde_json::json!([12000]));
    assert_eq!(
        (
            first["status"].as_str(),
            first["reliability"].as_str(),
            first["credibility"].as_u64()
        ),
        (Some("confirmed"), Some("B"), Some(2))
    );
    assert_eq!(first["reviewed_by"], "bob");
    assert_eq!(first["reviewed_at"], "2024-10-25T14:30:00+02:00");
    assert_eq!(first["history"].as_array().unwrap().len(), 2);
    assert_eq!(
        document["claims"][1]["links"],
        serde_json::json!([{"relation": "contradicts", "claim": "c1"}])
    );
}

#[test]
fn csv_is_rfc_4180_with_a_bom_and_no_live_formulas() {
    let text = exported(&seoul_workspace(), ExportFormat::Csv, Scope::All);
    assert!(text.starts_with("\u{feff}id,article,quote,speaker,values,status,reliability,credibility,note,reviewed_by,reviewed_at\r\n"));
    assert!(text.ends_with("\r\n"));
    let mut reader =
        csv::ReaderBuilder::new().from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    let row = |n: usize| rows[n].iter().collect::<Vec<_>>();
    assert_eq!(
        row(0),
        [
            "c1",
            "seoul",
            "South Korea’s spy agency said 12,000 troops were sent.",
            "NIS",
            "12000",
            "confirmed",
            "B",
            "2",
            "Relayed by Yonhap <b>twice</b> & \"quoted\";\n=1+1",
            "bob",
            "2024-10-25T14:30:00+02:00",
        ]
    );
    assert_eq!(
        row(1)[2],
        "Kirby said “at least 3,000” soldiers had arrived."
    );
    assert_eq!(
        row(2)[2],
        "'=HYPERLINK(\"http://evil.example\") was posted by a reader.",
        "formula made inert"
    );
    assert_eq!(row(2)[5], "unreviewed");
}

#[test]
fn markdown_brief_is_grouped_by_status_and_escaped() {
    let md = exported(&seoul_workspace(), ExportFormat::Markdown, Scope::All);
    let confirmed = md.find("## Confirmed (1)").unwrap();
    let unconfirmed = md.find("## Unconfirmed (1)").unwrap();
    let unreviewed = md.find("## Unreviewed (1)").unwrap();
    assert!(confirmed < unconfirmed && unconfirmed < unreviewed);
    assert!(md.contains("3 claims: 1 confirmed, 1 unconfirmed, 1 unreviewed, from 1 article."));
    assert!(
        md.contains("### c1 · NIS\n\n> South Korea’s spy agency said 12,000 troops were sent.\n")
    );
    assert!(md.contains("- **Grades:** B2 (usually reliable; probably true)"));
    assert!(md.contains("- **Reviewed:** bob, 2024-10-25 14:30 +02:00"));
    assert!(md.contains("- **Evidence:** contradicts c1"));
    assert!(
        md.contains(r"- **Note:** Relayed by Yonhap \<b\>twice\</b\> \& "),
        "{md}"
    );
    let reviewed = exported(&seoul_workspace(), ExportFormat::Markdown, Scope::Reviewed);
    assert!(!reviewed.contains("Unreviewed"));
}

#[test]
fn html_brief_is_self_contained_and_escaped() {
    let html = exported(&seoul_workspace(), ExportFormat::Html, Scope::Reviewed);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    for external in ["<script", "<link", "src=", "@import", "url("] {
        assert!(
            !html.contains(external),
            "the brief fetches nothing: found {external}"
        );
    }
    assert!(
        html.contains("Relayed by Yonhap &lt;b&gt;twice&lt;/b&gt; &amp; &quot;quoted&quot;;\n=1+1")
    );
    assert!(!html.contains("<b>twice"));
    assert!(
        html.contains("<section class=\"confirmed\">")
            && html.contains("<section class=\"unconfirmed\">")
    );
    assert!(html.contains("<article class=\"claim\" id=\"c1\">"));
    assert!(html.contains(
        "bob, <time datetime=\"2024-10-25T14:30:00+02:00\">2024-10-25 14:30 +02:00</time>"
    ));
    assert!(html.contains("contradicts <a href=\"#c1\">c1</a>"));
    assert!(
        html.contains("<blockquote>Kirby said “at least 3,000” soldiers had arrived.</blockquote>")
    );
    assert!(html.trim_end().ends_with("</html>"));
}

#[test]
fn w3c_positions_count_characters_and_bodies_carry_status_and_note() {
    let workspace = seoul_workspace();
    let document: Value =
        serde_json::from_str(&exported(&workspace, ExportFormat::W3c, Scope::Reviewed)).unwrap();
    assert_eq!(document["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(document["type"], "AnnotationCollection");
    assert_eq!(document["total"], 2);
    let first = &document["first"]["items"][0];
    let selectors = first["target"]["selector"].as_array().unwrap();
    assert_eq!(selectors[0]["type"], "TextQuoteSelector");
    assert_eq!(
        selectors[0]["exact"],
        "South Korea’s spy agency said 12,000 troops were sent."
    );
    assert_eq!(selectors[0]["prefix"], "서울 — ");
    let (start, end) = (
        selectors[1]["start"].as_u64().unwrap() as usize,
        selectors[1]["end"].as_u64().unwrap() as usize,
    );
    let chars: Vec<char> = SEOUL.chars().collect();
    assert_eq!(
        start, 5,
        "서, 울, space, dash, space: five characters (eleven bytes)"
    );
    assert_eq!(
        chars[start..end].iter().collect::<String>(),
        selectors[0]["exact"].as_str().unwrap()
    );

    let bodies = first["body"].as_array().unwrap();
    assert_eq!(
        (bodies[0]["purpose"].as_str(), bodies[0]["value"].as_str()),
        (Some("assessing"), Some("confirmed"))
    );
    assert_eq!(bodies[1]["purpose"], "commenting");
    assert!(
        bodies[1]["value"]
            .as_str()
            .unwrap()
            .starts_with("Relayed by Yonhap")
    );
    assert_eq!(bodies[2]["value"], "Admiralty B2");
    assert_eq!(first["created"], "2024-10-25T14:00:00+02:00");
    assert_eq!(first["modified"], "2024-10-25T14:30:00+02:00");
    assert!(first["id"].as_str().unwrap().starts_with("urn:uuid:"));

    let again: Value =
        serde_json::from_str(&exported(&workspace, ExportFormat::W3c, Scope::All)).unwrap();
    assert_eq!(
        again["first"]["items"][0]["id"], first["id"],
        "a claim keeps its annotation id"
    );
}

#[test]
fn an_empty_w3c_collection_has_no_page_and_orphans_keep_only_their_quote() {
    let mut workspace = seoul_workspace();
    let empty: Value = serde_json::from_str(&exported(
        &Workspace::new(uuid::Uuid::nil()),
        ExportFormat::W3c,
        Scope::All,
    ))
    .unwrap();
    assert_eq!(empty["total"], 0);
    assert!(empty.get("first").is_none());

    let article = workspace.claim(ClaimId(1)).unwrap().article.clone();
    let changed = analyzed(
        "seoul.txt",
        "Kirby said “at least 3,000” soldiers had arrived.",
        &[],
    );
    workspace
        .apply(Action::ReimportArticle {
            article,
            updated: Box::new(changed),
        })
        .unwrap();
    let document: Value =
        serde_json::from_str(&exported(&workspace, ExportFormat::W3c, Scope::Reviewed)).unwrap();
    let items = document["first"]["items"].as_array().unwrap();
    let orphan_selectors = items
        .iter()
        .find(|item| item["body"][0]["value"] == "confirmed")
        .unwrap()["target"]["selector"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(
        orphan_selectors.len(),
        1,
        "no position for a quote that is no longer in the text"
    );
    let placed = items
        .iter()
        .find(|item| item["body"][0]["value"] == "unconfirmed")
        .unwrap();
    assert_eq!(placed["target"]["selector"][1]["start"], 0);
    let md = exported(&workspace, ExportFormat::Markdown, Scope::Reviewed);
    assert!(md.contains("- **Orphaned:** The article changed"));
}

#[test]
fn exports_are_deterministic() {
    let workspace = sample_workspace();
    for format in [
        ExportFormat::Json,
        ExportFormat::Csv,
        ExportFormat::Markdown,
        ExportFormat::Html,
        ExportFormat::W3c,
    ] {
        assert_eq!(
            exported(&workspace, format, Scope::All),
            exported(&workspace, format, Scope::All)
        );
    }
}

/// The W3C runner, `../shared/w3c-annotation-tests/run.py` beside the repository, or where
/// `CROSSCHECK_W3C_TESTS` says.
fn w3c_runner() -> PathBuf {
    std::env::var_os("CROSSCHECK_W3C_TESTS")
        .map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/w3c-annotation-tests"),
            PathBuf::from,
        )
        .join("run.py")
}

/// Whether python3 with the jsonschema package is here; CI installs both.
fn python_with_jsonschema() -> bool {
    Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output()
        .is_ok_and(|out| out.status.success())
}

#[test]
fn w3c_export_passes_the_w3c_conformance_assertions() {
    let runner = w3c_runner();
    assert!(
        runner.is_file(),
        "the W3C runner is missing at {} (set CROSSCHECK_W3C_TESTS)",
        runner.display()
    );
    if !python_with_jsonschema() {
        eprintln!(
            "NOTICE: skipped the W3C conformance run: needs python3 with jsonschema (pip install jsonschema)"
        );
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    for (name, workspace, scope) in [
        ("sample-reviewed", sample_workspace(), Scope::Reviewed),
        ("sample-all", sample_workspace(), Scope::All),
        ("seoul-all", seoul_workspace(), Scope::All),
    ] {
        let path = folder.path().join(format!("{name}.jsonld"));
        std::fs::write(&path, exported(&workspace, ExportFormat::W3c, scope)).unwrap();
        let run = Command::new("python3")
            .arg(&runner)
            .arg("--container")
            .arg(&path)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&run.stdout);
        let verdict = stdout.lines().last().unwrap_or_default();
        eprintln!("{name}: {verdict}");
        assert!(
            run.status.success() && verdict.ends_with(" 0 failed MUST assertions"),
            "{name}: the W3C runner failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
}
