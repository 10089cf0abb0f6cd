//! Cross-checking the five sample articles, through the library and `crosscheck compare`:
//! the troop figures form one group with a conflict, and Yonhap's NIS reports are one origin.

// Figures are parsed from text (`12,000` is exactly 12000.0): exact comparison is the test.
#![allow(clippy::float_cmp)]

use std::path::PathBuf;

use assert_cmd::Command;
use crosscheck::article::{Article, collect_article_paths};
use crosscheck::compare::{Comparison, EntityIndex, FigureGroup, TimingKind, workspace_from};
use crosscheck::workspace::{Action, AnalyzedArticle, IndexEdit, Workspace};
use serde_json::Value;

fn samples() -> Workspace {
    let crosscheck::article::Collected { files, errors, .. } =
        collect_article_paths(&[PathBuf::from("sample_data")]);
    assert!(errors.is_empty(), "{errors:?}");
    let articles = files
        .iter()
        .map(|f| AnalyzedArticle::new(Article::load(f).unwrap()));
    let (workspace, refused) = workspace_from(articles);
    assert!(refused.is_empty());
    workspace
}

fn troop_group(comparison: &Comparison) -> &FigureGroup {
    comparison
        .groups
        .iter()
        .find(|g| g.figures.iter().any(|f| f.value == 12_000.0))
        .expect("a group holds the 12,000 troops")
}

/// `(value, speaker, article file stem)` of each figure.
fn rows(workspace: &Workspace, group: &FigureGroup) -> Vec<(f64, String, String)> {
    group
        .figures
        .iter()
        .map(|f| {
            let path = &workspace.article(&f.article).unwrap().article.path;
            (
                f.value,
                f.speaker.clone().unwrap_or_default().replace('’', "'"),
                path.file_stem().unwrap().to_string_lossy()[..3].to_owned(),
            )
        })
        .collect()
}

#[test]
fn troop_figures_are_one_group_with_speakers_articles_and_a_conflict() {
    let workspace = samples();
    let comparison = Comparison::build(&workspace, &EntityIndex::build(&workspace));
    let troops = troop_group(&comparison);
    assert_eq!(troops.label, "North Korea · troops deployed");
    assert_eq!(troops.unit, "troops");
    let mut distinct: Vec<u64> = troops.figures.iter().map(|f| f.value as u64).collect();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct, [1_500, 3_000, 10_000, 12_000]);
    let nis = "National Intelligence Service";
    let described = "South Korea's intelligence agency";
    let expected: Vec<(f64, String, String)> = [
        (12_000.0, nis, "000"),
        (1_500.0, nis, "000"),
        (3_000.0, "White House", "001"),
        (10_000.0, described, "001"),
        (10_000.0, "National Security Council", "002"),
        (10_000.0, "National Security Council", "002"),
        (10_000.0, "Volodymyr Zelenskiy", "003"),
        (1_500.0, described, "003"),
    ]
    .into_iter()
    .map(|(v, s, a)| (v, s.to_owned(), a.to_owned()))
    .collect();
    assert_eq!(rows(&workspace, troops), expected);

    let qualifiers: Vec<Option<&str>> = troops
        .figures
        .iter()
        .map(|f| f.qualifier.as_deref())
        .collect();
    assert_eq!(
        qualifiers,
        [
            Some("approximately"),
            Some("around"),
            Some("at least"),
            Some("a total of"),
            Some("approximately"),
            Some("around"),
            None,
            None
        ]
    );
    let timing: Vec<TimingKind> = troops.figures.iter().map(|f| f.timing.kind).collect();
    assert_eq!(timing[0], TimingKind::Eventual, "plans to send 12,000");
    assert_eq!(timing[2], TimingKind::AsOf, "deployed earlier this month");
    assert_eq!(timing[3], TimingKind::By, "by December");

    // 12,000 and 10,000 as the same eventual total conflict; 3,000 earlier this month and
    // 10,000 by December do not.
    assert!(troops.conflicting);
    for conflict in &troops.conflicts {
        let pair = [
            troops.figures[conflict.first].value,
            troops.figures[conflict.second].value,
        ];
        assert!(pair.contains(&12_000.0), "{}", conflict.reason);
        assert!(!pair.contains(&3_000.0), "{}", conflict.reason);
    }
}

#[test]
fn yonhap_relayed_nis_figures_are_one_origin() {
    let workspace = samples();
    let comparison = Comparison::build(&workspace, &EntityIndex::build(&workspace));
    let troops = troop_group(&comparison);
    let nis: Vec<_> = troops
        .origins
        .iter()
        .filter(|o| o.source.name == "National Intelligence Service")
        .collect();
    assert_eq!(nis.len(), 1, "{:#?}", troops.origins);
    assert_eq!(nis[0].figures, 4);
    assert_eq!(nis[0].articles, 3);
    let first = &troops.figures[0];
    assert_eq!(
        comparison
            .chain(first.claim)
            .unwrap()
            .relays()
            .map(|l| l.source.name.as_str())
            .collect::<Vec<_>>(),
        ["Yonhap"]
    );
    assert!(
        first
            .chain
            .starts_with("National Intelligence Service → Yonhap → ")
    );
    // NIS, the White House, the NSC and Zelenskiy.
    assert_eq!(troops.independent_origins, 4, "{:#?}", troops.origins);
}

#[test]
fn casualties_and_shells_are_other_measures_and_small_words_none() {
    let workspace = samples();
    let comparison = Comparison::build(&workspace, &EntityIndex::build(&workspace));
    let find = |value: f64| {
        comparison
            .groups
            .iter()
            .find(|g| g.figures.iter().any(|f| f.value == value))
    };
    let casualties = find(1_200.0).expect("the casualties figure");
    assert_eq!(casualties.label, "Russia · casualties per day");
    let shells = find(3_000_000.0).expect("the shells figure");
    assert_eq!(shells.unit, "shells");
    assert!(shells.label.contains("per year"));
    assert_ne!(casualties.id, troop_group(&comparison).id);
    assert!(find(2.0).is_none(), "`two countries` is not a measure");
    assert!(find(0.5).is_none(), "`half` is not a measure");
}

/// `crosscheck compare --format json PATH`, which must succeed: the JSON and what went to
/// stderr.
fn compare_json(path: impl AsRef<std::ffi::OsStr>) -> (Value, String) {
    let output = crosscheck()
        .args(["compare", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "{stderr}");
    (serde_json::from_slice(&output.stdout).unwrap(), stderr)
}

fn crosscheck() -> Command {
    Command::cargo_bin("crosscheck").expect("the binary is built")
}

#[test]
fn cli_prints_groups_as_json_and_markdown() {
    let (json, _) = compare_json("sample_data");
    let groups = json["groups"].as_array().unwrap();
    let troops = &groups[0];
    assert_eq!(troops["label"], "North Korea · troops deployed");
    assert_eq!(troops["unit"], "troops");
    assert_eq!(troops["conflicting"], true);
    assert_eq!(troops["independent_origins"], 4);
    let figure = &troops["figures"][0];
    for field in [
        "value",
        "qualifier",
        "claim",
        "article",
        "speaker",
        "origin",
    ] {
        assert!(!figure[field].is_null(), "{field} missing in {figure}");
    }
    assert_eq!(figure["origin"]["name"], "National Intelligence Service");
    let zelenskiy = troops["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["speaker"] == "Volodymyr Zelenskiy")
        .expect("Zelenskiy's figure is in the group");
    let zelenskiy_claim = zelenskiy["claim"].as_str().unwrap().to_owned();

    let output = crosscheck()
        .args(["compare", "sample_data"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let md = String::from_utf8(output.stdout).unwrap();
    assert!(md.contains("## North Korea · troops deployed"), "{md}");
    assert!(md.contains("**conflict**"));
    assert!(md.contains("4 independent origin(s)"));
    assert!(
        md.contains("**1 conflicting pair**: 10,000 from 1 report"),
        "{md}"
    );
    let pair = md
        .lines()
        .find(|l| l.starts_with("- conflict (c3 in "))
        .expect("the conflicting pair is listed");
    assert!(
        pair.contains(&format!(" and {zelenskiy_claim} in "))
            && pair.contains("approximately 12,000"),
        "{pair}"
    );
}

#[test]
fn cli_reads_a_workspace_file_and_refuses_mixing() {
    let (json, _) = compare_json("sample_data/workspaces/v1.json");
    assert!(json["groups"].is_array());

    let output = crosscheck()
        .args(["compare", "sample_data/workspaces/v1.json", "sample_data"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("not both"));

    let output = crosscheck()
        .args(["compare", "no/such/folder"])
        .output()
        .unwrap();
    assert!(!output.status.success());
}

#[test]
fn cli_follows_the_index_edits_saved_in_a_workspace_and_warns_of_stale_ones() {
    let origins = |file: &std::path::Path| {
        let (json, stderr) = compare_json(file);
        let troops = json["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| {
                g["figures"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|f| f["value"] == 12_000.0)
            })
            .expect("the troop group")
            .clone();
        (troops["independent_origins"].as_u64().unwrap(), stderr)
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("edited.json");
    let mut workspace = samples();
    crosscheck::workspace::persist::save(&workspace, &file).unwrap();
    let (before, warnings) = origins(&file);
    assert_eq!(warnings, "");

    // The analyst decides the NSC speaks for the White House.
    let index = EntityIndex::build(&workspace);
    workspace
        .apply(Action::EditIndex(IndexEdit::Merge {
            into: index.resolve("White House").unwrap().key.clone(),
            merged: vec![
                index
                    .resolve("National Security Council")
                    .unwrap()
                    .key
                    .clone(),
            ],
        }))
        .unwrap();
    workspace
        .apply(Action::EditIndex(IndexEdit::Rename {
            entry: "organization:Ministry of Silence".into(),
            name: "Quiet".into(),
        }))
        .unwrap();
    crosscheck::workspace::persist::save(&workspace, &file).unwrap();
    let (after, warnings) = origins(&file);
    assert_eq!(after + 1, before, "the merged sources count once");
    assert!(
        warnings.contains("index edit 2") && warnings.contains("not applied"),
        "{warnings}"
    );
}
