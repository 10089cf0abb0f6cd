//! The W3C conformance runner (`w3c_support`) checked on its own: the hand-made examples under
//! `tests/w3c/examples/` pass or fail as written, its `JSONtest` semantics (overrides, and/or
//! conditions, skip and abort, `skipFailures`, `$ref` siblings and URLs) hold, and its formats
//! are the ones the W3C harness applied.

mod w3c_support;

use std::collections::BTreeSet;

use serde_json::Value;
use w3c_support::{Level, Options, Status, Suite, is_date_time, is_uri, vendored_root};

fn example(name: &str) -> Value {
    let path = vendored_root().join("examples").join(name);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

fn failed_sources(report: &w3c_support::Report) -> BTreeSet<String> {
    report
        .failures()
        .into_iter()
        .map(|failure| failure.split_once(": ").unwrap().1.to_owned())
        .collect()
}

#[test]
fn the_vendored_suite_loads_with_its_54_annotation_and_25_container_musts() {
    let suite = Suite::vendored();
    let musts = suite.default_tests().unwrap();
    assert_eq!(
        musts.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(),
        ["annotations/annotationMusts.test"]
    );
    assert_eq!(musts[0].count(), 54);
    for (file, count) in [
        ("collections/collectionMusts.test", 10),
        ("collections/pages/pageMusts.test", 15),
        ("annotations/annotationOptionals.test", 74),
        ("annotations/annotationsAgentOptionals.test", 36),
    ] {
        assert_eq!(suite.load_test(file).unwrap().count(), count, "{file}");
    }
}

#[test]
fn a_conforming_example_passes_every_must() {
    let suite = Suite::vendored();
    let report = suite
        .check(
            &example("conforming-annotation.json"),
            &suite.default_tests().unwrap(),
            Options::default(),
        )
        .unwrap();
    println!("{report}");
    assert_eq!(report.failed_must(), 0, "{report}");
    assert_eq!(report.counts().must, (54, 0));
}

#[test]
fn a_nonconforming_example_fails_the_musts_it_breaks() {
    let suite = Suite::vendored();
    let report = suite
        .check(
            &example("nonconforming-annotation.json"),
            &suite.default_tests().unwrap(),
            Options::default(),
        )
        .unwrap();
    println!("{report}");
    // body and bodyValue together; created without a timezone; a target that is only a
    // source with a selector whose end is negative.
    assert_eq!(
        failed_sources(&report),
        BTreeSet::from(
            [
                "annotations/3.2-targetObjectsRecognized.json",
                "annotations/3.2.5-notBodyBodyValue.json",
                "annotations/3.3.1-annotationCreatedValidated.json",
                "annotations/specificResource/4.2-selectorValidIfPresent.json",
                "annotations/specificResource/4.2-TextDataPositionSelectorValid.json",
            ]
            .map(str::to_owned)
        )
    );
    assert_eq!(report.counts().must, (49, 5));
    assert!(
        report
            .to_string()
            .ends_with("1 annotations, 5 failed MUST assertions")
    );
}

#[test]
fn the_runner_follows_the_jsontest_rules() {
    let suite = Suite::vendored();
    let test = suite.load_test("examples/runner-features.test").unwrap();
    assert_eq!(test.count(), 14);
    let report = suite
        .check(
            &example("conforming-annotation.json"),
            &[test],
            Options::default(),
        )
        .unwrap();
    let results = &report.annotations[0].results;
    let at = |n: &str| format!("examples/runner-features.test assertions{n}");
    let got: Vec<(String, Level, Status, bool)> = results
        .iter()
        .map(|r| (r.source.clone(), r.level, r.status.clone(), r.hidden))
        .collect();
    let want: Vec<(String, Level, Status, bool)> = [
        (
            "annotations/3.1-targetKeyFound.json (overridden)".to_owned(),
            Level::Must,
            Status::Fail,
        ),
        (at("[1] (condition)"), Level::Must, Status::Pass),
        (at("[2] (condition)"), Level::Must, Status::Fail),
        (at("[3][0] (inline)"), Level::Must, Status::Fail),
        (at("[3][1] (inline)"), Level::Must, Status::Skipped),
        (at("[4] (inline)"), Level::Should, Status::Fail),
        (at("[5] (inline)"), Level::May, Status::Fail),
        (at("[6] (condition)"), Level::Must, Status::Pass),
        (at("[7] (inline)"), Level::Must, Status::Pass),
        (at("[8] (inline)"), Level::Must, Status::Pass),
        (at("[9] (inline)"), Level::Must, Status::Fail),
        (at("[10][0][0] (inline)"), Level::Must, Status::Fail),
        (at("[10][1] (inline)"), Level::Must, Status::Skipped),
        (at("[11] (inline)"), Level::Must, Status::Skipped),
    ]
    .into_iter()
    .map(|(source, level, status)| {
        let hidden = level == Level::May && status == Status::Fail;
        (source, level, status, hidden)
    })
    .collect();
    assert_eq!(got, want);
    // A condition reports its children inside itself, not as assertions of their own.
    assert_eq!(
        results[2]
            .children
            .iter()
            .map(|c| c.status.clone())
            .collect::<Vec<_>>(),
        [Status::Fail, Status::Pass]
    );
    let printed = report.to_string();
    assert!(
        printed.contains("FAIL: 5 of 9 MUST assertions failed, 3 skipped"),
        "{printed}"
    );
    assert!(printed.contains("[SHOULD, not counted]"), "{printed}");
    assert!(!printed.contains("[MAY, not counted]"), "{printed}");
}

#[test]
fn an_embedded_annotation_is_checked_with_the_collections_context() {
    let annotation = example("conforming-annotation.json");
    let mut inner = annotation.clone();
    inner.as_object_mut().unwrap().remove("@context");
    let collection = serde_json::json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://crosscheck.example/collections/1",
        "type": "AnnotationCollection",
        "total": 2,
        "first": {
            "id": "https://crosscheck.example/collections/1/page/0",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [inner, annotation],
        },
    });
    let suite = Suite::vendored();
    let tests = suite.default_tests().unwrap();
    let report = suite
        .check(&collection, &tests, Options::default())
        .unwrap();
    assert_eq!(report.failed_must(), 0, "{report}");
    assert_eq!(report.counts().must, (2 * 54 + 25, 0));
    assert_eq!(
        report
            .annotations
            .iter()
            .map(|a| a.label.as_str())
            .collect::<Vec<_>>(),
        ["$.first.items[0]", "$.first.items[1]"]
    );

    let strict = Options {
        inherit_context: false,
        ..Options::default()
    };
    let report = suite.check(&collection, &tests, strict).unwrap();
    assert_eq!(
        report.failures(),
        ["$.first.items[0]: annotations/3.1-annotationContextValidated.json"]
    );
}

#[test]
fn formats_are_what_the_w3c_harness_accepted() {
    for uri in [
        "http://www.w3.org/ns/anno.jsonld",
        "urn:uuid:6a0e8d1c-0000-4000-8000-000000000001",
        "urn:sha256:ab12",
        "HTTPS://EXAMPLE.ORG/ü",
        "mailto:",
        "http://example.org/\n",
    ] {
        assert!(is_uri(uri), "{uri}");
    }
    for not_uri in [
        "",
        "example.org/page",
        "1http://x",
        "http://a b",
        "http://a\tb",
        "http://a\u{1c}b",
    ] {
        assert!(!is_uri(not_uri), "{not_uri:?}");
    }
    for date_time in [
        "2024-10-25T14:30:00+02:00",
        "2024-10-25T14:30:00Z",
        "2024-10-25t14:30:00.123z",
        "2024-10-25 14:30:00-0500",
        "2024-10-25T23:59:60+00",
        "2024-10-25T24:30:00Z", // the harness checked the shape, not the clock
        "2024-10-25T14:30:00Z\n", // and Python's `$` let one final newline through
    ] {
        assert!(is_date_time(date_time), "{date_time}");
    }
    for not_date_time in [
        "2024-10-25T14:30:00",
        "2024-10-25",
        "24-10-25T14:30:00Z",
        "2024-10-25T14:30:00+2:00",
    ] {
        assert!(!is_date_time(not_date_time), "{not_date_time}");
    }
}
