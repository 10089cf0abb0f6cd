//! Exports of the reviewed set: what each format holds, how it escapes, and that the W3C
//! export passes the W3C's own conformance assertions (vendored under `tests/w3c/`, run by
//! `w3c_support`).

mod w3c_support;
mod workspace_support;

use std::collections::BTreeSet;

use crosscheck::export::{ExportFormat, Scope, export, select};
use crosscheck::workspace::{Action, ClaimId, Workspace};
use serde_json::Value;
use w3c_support::{Options, Suite, TestFile};
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

/// The W3C exports the conformance run covers.
fn w3c_exports() -> Vec<(&'static str, Value)> {
    [
        ("sample-reviewed", sample_workspace(), Scope::Reviewed),
        ("sample-all", sample_workspace(), Scope::All),
        ("seoul-all", seoul_workspace(), Scope::All),
    ]
    .into_iter()
    .map(|(name, workspace, scope)| {
        let text = exported(&workspace, ExportFormat::W3c, scope);
        (name, serde_json::from_str(&text).unwrap())
    })
    .collect()
}

/// The annotation tests: the MUSTs, and the optional tests for the SHOULD and MAY counts.
fn annotation_tests(suite: &Suite) -> Vec<TestFile> {
    let mut tests = suite.default_tests().unwrap();
    for optional in [
        "annotations/annotationOptionals.test",
        "annotations/annotationsAgentOptionals.test",
    ] {
        tests.push(suite.load_test(optional).unwrap());
    }
    tests
}

#[test]
fn w3c_export_passes_the_w3c_conformance_assertions() {
    let suite = Suite::vendored();
    let tests = annotation_tests(&suite);
    for (name, document) in w3c_exports() {
        let report = suite.check(&document, &tests, Options::default()).unwrap();
        let annotations = report.annotations.len();
        let counts = report.counts();
        println!("{name}: {annotations} annotations; {counts}");
        assert_eq!(report.failed_must(), 0, "{name}:\n{report}");
        assert_eq!(
            annotations,
            document["total"].as_u64().unwrap() as usize,
            "{name}: every annotation checked"
        );
        assert!(annotations > 0, "{name}: something to check");
        assert_eq!(
            counts.must,
            (54 * annotations + 10 + 15, 0),
            "{name}: each annotation ran the 54 MUSTs, the collection 10 and its page 15"
        );
    }
}

/// The failed MUST assertions of `document` as `object: assertion file`.
fn must_failures(suite: &Suite, document: &Value) -> BTreeSet<String> {
    let report = suite
        .check(
            document,
            &suite.default_tests().unwrap(),
            Options::default(),
        )
        .unwrap();
    println!("{report}");
    report.failures().into_iter().collect()
}

#[test]
fn the_w3c_conformance_run_fails_a_broken_export() {
    const CONTAINER: &str =
        "[container] collections/collectionMusts.test, collections/pages/pageMusts.test";
    let suite = Suite::vendored();
    let (_, document) = w3c_exports().pop().unwrap();
    assert!(must_failures(&suite, &document).is_empty());
    let set = |failures: &[&str]| -> BTreeSet<String> {
        failures.iter().map(|f| (*f).to_owned()).collect()
    };

    // The page's items must be annotations too.
    let mut wrong_type = document.clone();
    wrong_type["first"]["items"][0]["type"] = "Highlight".into();
    assert_eq!(
        must_failures(&suite, &wrong_type),
        set(&[
            "$.first.items[0]: annotations/3.1-annotationTypeValidated.json",
            &format!("{CONTAINER}: collections/pages/5.2-pageItemsValidated.json"),
        ])
    );

    let mut no_target = document.clone();
    no_target["first"]["items"][1]
        .as_object_mut()
        .unwrap()
        .remove("target");
    assert_eq!(
        must_failures(&suite, &no_target),
        set(&[
            "$.first.items[1]: annotations/3.1-targetKeyFound.json",
            "$.first.items[1]: annotations/3.2-targetObjectsRecognized.json",
        ])
    );

    let mut no_timezone = document.clone();
    no_timezone["first"]["items"][2]["created"] = "2024-10-25T14:00:00".into();
    assert_eq!(
        must_failures(&suite, &no_timezone),
        set(&["$.first.items[2]: annotations/3.3.1-annotationCreatedValidated.json"])
    );

    // Without the collection's @context, no annotation has one either.
    let mut no_context = document.clone();
    no_context.as_object_mut().unwrap().remove("@context");
    assert_eq!(
        must_failures(&suite, &no_context),
        set(&[
            "$.first.items[0]: annotations/3.1-annotationContextValidated.json",
            "$.first.items[1]: annotations/3.1-annotationContextValidated.json",
            "$.first.items[2]: annotations/3.1-annotationContextValidated.json",
            &format!("{CONTAINER}: collections/5.1-collectionContextValidated.json"),
            &format!("{CONTAINER}: collections/pages/5.2-pageContextValidated.json"),
        ])
    );
}
