//! Two analysts, one corpus: `crosscheck merge` and `crosscheck agreement` on workspaces
//! tagged differently, the dispute they leave and its adjudication, and the bad inputs.

mod workspace_support;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use crosscheck::workspace::merge::{MergeError, MergeInput, MergeReport, merge};
use crosscheck::workspace::persist;
use crosscheck::workspace::{
    Action, ActionError, ClaimId, ClaimStatus, Credibility, Grades, Reliability, Workspace,
};
use predicates::prelude::*;
use serde_json::Value;
use workspace_support::{at, copy_sample_articles, seoul_workspace};

fn crosscheck() -> Command {
    Command::cargo_bin("crosscheck").unwrap()
}

/// A workspace of the sample articles, and two copies of it in `folder`.
fn two_copies(folder: &Path) -> (PathBuf, PathBuf) {
    let articles = copy_sample_articles(folder);
    let a = folder.join("alice.json");
    crosscheck()
        .args(["workspace", "new"])
        .arg(&a)
        .arg(&articles)
        .assert()
        .success();
    let b = folder.join("bob.json");
    fs::copy(&a, &b).unwrap();
    (a, b)
}

fn tag(workspace: &Path, claim: &str, status: &str, analyst: &str) {
    crosscheck()
        .arg("-q")
        .arg("tag")
        .arg(workspace)
        .args([claim, status, "--analyst", analyst])
        .assert()
        .success();
}

fn agreement_json(files: &[&Path]) -> Value {
    let output = crosscheck()
        .arg("agreement")
        .args(files)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn agreement_reports_kappa_as_computed_by_hand_and_lists_the_disagreements() {
    let folder = tempfile::tempdir().unwrap();
    let (a, b) = two_copies(folder.path());
    // Ten claims reviewed by both: 4 confirmed by both, 3 unconfirmed by both, 2
    // confirmed/unconfirmed, 1 unconfirmed/confirmed. p_o = 0.7; rows (6, 4), columns (5, 5):
    // p_e = 0.6 * 0.5 + 0.4 * 0.5 = 0.5; kappa = (0.7 - 0.5) / 0.5 = 0.4.
    let plan = [
        ("confirmed", "confirmed"),
        ("confirmed", "confirmed"),
        ("confirmed", "confirmed"),
        ("confirmed", "confirmed"),
        ("unconfirmed", "unconfirmed"),
        ("unconfirmed", "unconfirmed"),
        ("unconfirmed", "unconfirmed"),
        ("confirmed", "unconfirmed"),
        ("confirmed", "unconfirmed"),
        ("unconfirmed", "confirmed"),
    ];
    for (n, (alice, bob)) in plan.iter().enumerate() {
        let claim = format!("c{}", n + 1);
        tag(&a, &claim, alice, "alice");
        tag(&b, &claim, bob, "bob");
    }
    // Reviewed by one analyst only: not compared.
    tag(&a, "c11", "confirmed", "alice");
    let report = agreement_json(&[&a, &b]);
    assert_eq!(report["claims_compared"], 10);
    assert!((report["observed_agreement"].as_f64().unwrap() - 0.7).abs() < 1e-9);
    assert!((report["cohen_kappa"].as_f64().unwrap() - 0.4).abs() < 1e-9);
    assert_eq!(
        report["confusion"]["counts"],
        serde_json::json!([[4, 2], [1, 3]])
    );
    let disagreements: Vec<&str> = report["disagreements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["claim"].as_str().unwrap())
        .collect();
    assert_eq!(disagreements, ["c8", "c9", "c10"]);
    assert!(
        report.get("krippendorff_alpha").is_none(),
        "two files: no alpha"
    );
    // The text and Markdown formats say the same.
    crosscheck()
        .arg("agreement")
        .args([&a, &b])
        .assert()
        .success()
        .stdout(predicate::str::contains("Cohen's kappa (status): 0.400"));
    crosscheck()
        .arg("agreement")
        .args([&a, &b])
        .args(["--format", "md"])
        .assert()
        .success()
        .stdout(predicate::str::contains("| Cohen's κ (status) | 0.400 |"));
}

#[test]
fn kappa_undefined_is_said_not_printed_as_nan() {
    let folder = tempfile::tempdir().unwrap();
    let (a, b) = two_copies(folder.path());
    for claim in ["c1", "c2", "c3"] {
        tag(&a, claim, "confirmed", "alice");
        tag(&b, claim, "confirmed", "bob");
    }
    let report = agreement_json(&[&a, &b]);
    assert_eq!(report["cohen_kappa"], Value::Null);
    assert!(report["notes"][0].as_str().unwrap().contains("undefined"));
    crosscheck()
        .arg("agreement")
        .args([&a, &b])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Cohen's kappa (status): undefined",
        ))
        .stdout(predicate::str::contains("NaN").not());
}

#[test]
fn three_files_give_krippendorffs_alpha() {
    let folder = tempfile::tempdir().unwrap();
    let (a, b) = two_copies(folder.path());
    let c = folder.path().join("carol.json");
    fs::copy(&a, &c).unwrap();
    for (claim, statuses) in [
        ("c1", ["confirmed", "confirmed", "confirmed"]),
        ("c2", ["unconfirmed", "unconfirmed", "confirmed"]),
        ("c3", ["confirmed", "confirmed", "confirmed"]),
        ("c4", ["unconfirmed", "unconfirmed", "unconfirmed"]),
    ] {
        for (file, status) in [&a, &b, &c].into_iter().zip(statuses) {
            tag(file, claim, status, "x");
        }
    }
    let report = agreement_json(&[&a, &b, &c]);
    let alpha = &report["krippendorff_alpha"];
    assert_eq!(alpha["units"], 4);
    // Units (C C C) (U U C) (C C C) (U U U), each ordered pair weighted 1 / (m - 1) = 1/2:
    // o_CC = 6, o_UU = 4, o_CU = o_UC = 1; n_C = 7, n_U = 5, n = 12.
    // D_o = o_CU + o_UC = 2, D_e = 2 * 7 * 5 / 11 = 70 / 11; alpha = 1 - 22 / 70.
    let expected = 1.0 - 22.0 / 70.0;
    assert!(
        (alpha["status"].as_f64().unwrap() - expected).abs() < 1e-9,
        "{alpha}"
    );
}

#[test]
fn merging_keeps_both_reviews_agreed_statuses_and_disputes() {
    let folder = tempfile::tempdir().unwrap();
    let (a, b) = two_copies(folder.path());
    tag(&a, "c1", "confirmed", "alice");
    tag(&b, "c1", "confirmed", "bob");
    tag(&a, "c2", "confirmed", "alice");
    tag(&b, "c2", "unconfirmed", "bob");
    tag(&b, "c3", "unconfirmed", "bob");
    crosscheck()
        .arg("-q")
        .arg("tag")
        .arg(&a)
        .args([
            "c4",
            "confirmed",
            "--analyst",
            "alice",
            "--note",
            "seen in the readout",
        ])
        .assert()
        .success();
    crosscheck()
        .arg("-q")
        .arg("tag")
        .arg(&b)
        .args([
            "c4",
            "confirmed",
            "--analyst",
            "bob",
            "--note",
            "matches Yonhap",
        ])
        .assert()
        .success();
    let (a_bytes, b_bytes) = (fs::read(&a).unwrap(), fs::read(&b).unwrap());
    let merged = folder.path().join("merged.json");
    crosscheck()
        .arg("merge")
        .args([&a, &b])
        .arg("-o")
        .arg(&merged)
        .assert()
        .success()
        .stderr(predicate::str::contains("1 disputed"));
    assert_eq!(fs::read(&a).unwrap(), a_bytes, "inputs are never modified");
    assert_eq!(fs::read(&b).unwrap(), b_bytes, "inputs are never modified");

    let workspace = persist::load(&merged).unwrap();
    let claim = |n| workspace.claim(ClaimId(n)).unwrap();
    // Agreed: that status, both reviews in the history.
    assert_eq!(claim(1).status, ClaimStatus::Confirmed);
    assert!(!claim(1).is_disputed());
    let analysts: Vec<&str> = claim(1)
        .history
        .iter()
        .map(|c| c.analyst.as_str())
        .collect();
    assert_eq!(analysts.len(), 2);
    assert!(analysts.contains(&"alice") && analysts.contains(&"bob"));
    // Disagreed: disputed, both positions kept.
    let dispute = claim(2).dispute.as_ref().unwrap();
    let positions: Vec<(&str, ClaimStatus)> = dispute
        .positions
        .iter()
        .map(|p| (p.analyst.as_str(), p.status))
        .collect();
    assert_eq!(
        positions,
        [
            ("alice", ClaimStatus::Confirmed),
            ("bob", ClaimStatus::Unconfirmed)
        ]
    );
    // Reviewed by one: that review, no dispute.
    assert_eq!(claim(3).status, ClaimStatus::Unconfirmed);
    assert!(!claim(3).is_disputed());
    // Both notes survive.
    assert!(claim(4).note.contains("seen in the readout"));
    assert!(claim(4).note.contains("matches Yonhap"));
    assert_eq!(workspace.merged_from().len(), 1);

    // show: the JSON marks disputes, --disputed lists only them.
    let output = crosscheck()
        .args(["workspace", "show"])
        .arg(&merged)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let shown: Value = serde_json::from_slice(&output.stdout).unwrap();
    let disputed: Vec<&Value> = shown["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["disputed"] == true)
        .collect();
    assert_eq!(disputed.len(), 1);
    assert_eq!(disputed[0]["id"], "c2");
    assert!(
        shown["claims"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["disputed"].is_boolean())
    );
    crosscheck()
        .args(["workspace", "show"])
        .arg(&merged)
        .arg("--disputed")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "[disputed: alice confirmed / bob unconfirmed]",
        ))
        .stdout(predicate::str::contains("c1 ").not());
}

#[test]
fn merging_a_file_with_itself_or_twice_changes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let (a, b) = two_copies(folder.path());
    tag(&a, "c1", "confirmed", "alice");
    tag(&b, "c2", "unconfirmed", "bob");
    let itself = folder.path().join("itself.json");
    crosscheck()
        .arg("merge")
        .args([&a, &a])
        .arg("-o")
        .arg(&itself)
        .assert()
        .success();
    assert_eq!(fs::read(&itself).unwrap(), fs::read(&a).unwrap());
    let once = folder.path().join("once.json");
    let twice = folder.path().join("twice.json");
    crosscheck()
        .arg("merge")
        .args([&a, &b])
        .arg("-o")
        .arg(&once)
        .assert()
        .success();
    crosscheck()
        .arg("merge")
        .args([&once, &b])
        .arg("-o")
        .arg(&twice)
        .assert()
        .success();
    assert_eq!(fs::read(&twice).unwrap(), fs::read(&once).unwrap());
}

/// Two workspaces made separately (different ids) from the same articles.
#[test]
fn claims_of_unrelated_workspaces_are_matched_by_their_anchor() {
    let mut a = seoul_workspace();
    let b_base = seoul_workspace();
    let mut b = Workspace::new(uuid::Uuid::from_u128(7));
    for entry in b_base.articles() {
        b.apply(Action::AddArticle(Box::new(entry.clone())))
            .unwrap();
    }
    // b numbers its claims differently: a manual claim first.
    let first = b.claims().next().unwrap().clone();
    let target = a.claims().find(|c| c.anchor == first.anchor).unwrap().id;
    a.apply(Action::SetStatus {
        claim: target,
        status: ClaimStatus::Confirmed,
        analyst: "alice".into(),
        at: at(1),
    })
    .unwrap();
    b.apply(Action::SetStatus {
        claim: first.id,
        status: ClaimStatus::Unconfirmed,
        analyst: "bob".into(),
        at: at(2),
    })
    .unwrap();
    let (merged, report) = merge_two(&a, &b);
    assert_eq!(report.added_claims, 0, "every claim found its match");
    assert_eq!(merged.claims().len(), a.claims().len());
    assert!(merged.claim(target).unwrap().is_disputed());
}

#[test]
fn adjudicating_settles_a_dispute_and_undo_brings_it_back() {
    let (mut merged, id) = disputed_merge();
    assert!(merged.claim(id).unwrap().is_disputed());
    let grades = Grades {
        reliability: Some(Reliability::B),
        credibility: Some(Credibility::ProbablyTrue),
    };
    merged
        .apply(Action::Adjudicate {
            claim: id,
            status: ClaimStatus::Confirmed,
            grades,
            speaker: Some("Ministry".into()),
            analyst: "dana".into(),
            at: at(5),
        })
        .unwrap();
    let settled = merged.claim(id).unwrap();
    assert!(!settled.is_disputed());
    let decision = settled.dispute.as_ref().unwrap().decided.as_ref().unwrap();
    assert_eq!(decision.analyst, "dana");
    assert_eq!(
        decision.taken, None,
        "a speaker of dana's own: neither position"
    );
    assert_eq!(
        settled.dispute.as_ref().unwrap().positions.len(),
        2,
        "positions kept"
    );
    assert_eq!(settled.status, ClaimStatus::Confirmed);
    assert_eq!(settled.grades, grades);
    assert_eq!(
        settled.history.last().unwrap().analyst,
        "dana",
        "who decided is recorded"
    );
    // Saved and read back, then undone.
    let reread = persist::from_bytes(&persist::to_bytes(&merged).unwrap()).unwrap();
    assert!(!reread.claim(id).unwrap().is_disputed());
    merged.undo();
    assert!(merged.claim(id).unwrap().is_disputed());
    // Only a disputed claim can be adjudicated.
    let other = merged.claims().find(|c| !c.is_disputed()).unwrap().id;
    assert_eq!(
        merged.apply(Action::Adjudicate {
            claim: other,
            status: ClaimStatus::Confirmed,
            grades: Grades::default(),
            speaker: None,
            analyst: "dana".into(),
            at: at(6),
        }),
        Err(ActionError::NotDisputed(other))
    );
}

#[test]
fn bad_inputs_get_a_clear_message_and_nothing_is_written() {
    let folder = tempfile::tempdir().unwrap();
    let (a, b) = two_copies(folder.path());
    let merged = folder.path().join("merged.json");
    let not_a_workspace = folder.path().join("notes.json");
    fs::write(&not_a_workspace, br#"{"hello": "world"}"#).unwrap();
    let mut newer: Value = serde_json::from_slice(&fs::read(&a).unwrap()).unwrap();
    newer["version"] = 99.into();
    let newer_file = folder.path().join("newer.json");
    fs::write(&newer_file, serde_json::to_vec(&newer).unwrap()).unwrap();
    let other_folder = tempfile::tempdir().unwrap();
    let unrelated = other_folder.path().join("other.json");
    let lone = other_folder.path().join("lone.txt");
    fs::write(
        &lone,
        "Officials said 12 people were hurt in the storm on Monday.",
    )
    .unwrap();
    crosscheck()
        .args(["workspace", "new"])
        .arg(&unrelated)
        .arg(&lone)
        .assert()
        .success();
    for (second, expected) in [
        (&not_a_workspace, "not a Crosscheck workspace"),
        (&newer_file, "newer Crosscheck"),
        (&unrelated, "no article in common"),
    ] {
        crosscheck()
            .arg("merge")
            .args([&a, second])
            .arg("-o")
            .arg(&merged)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(expected));
        assert!(!merged.exists(), "nothing written for {expected}");
    }
    // The output may not replace an input.
    crosscheck()
        .arg("merge")
        .args([&a, &b])
        .arg("-o")
        .arg(&b)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot replace one of its inputs"));
    // One file is not a merge.
    crosscheck()
        .arg("merge")
        .arg(&a)
        .arg("-o")
        .arg(&merged)
        .assert()
        .code(2);
    assert!(matches!(
        merge(&[MergeInput {
            file: "a",
            sha256: "1",
            workspace: &seoul_workspace()
        }]),
        Err(MergeError::TooFew)
    ));
}

#[test]
fn a_dispute_loaded_from_disk_is_checked() {
    let (mut merged, id) = disputed_merge();
    merged
        .apply(Action::Adjudicate {
            claim: id,
            status: ClaimStatus::Confirmed,
            grades: merged.claim(id).unwrap().grades,
            speaker: merged.claim(id).unwrap().speaker.clone(),
            analyst: "dana".into(),
            at: at(2),
        })
        .unwrap();
    let mut document: Value = serde_json::from_slice(&persist::to_bytes(&merged).unwrap()).unwrap();
    let claim = document["claims"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| c["dispute"].is_object())
        .unwrap();
    assert_eq!(claim["dispute"]["decided"]["taken"], 0);
    claim["dispute"]["decided"]["taken"] = 9.into();
    let error = persist::from_bytes(&serde_json::to_vec(&document).unwrap()).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("takes a position that is not there"),
        "{error}"
    );
    claim_positions_truncated(&mut document);
    let error = persist::from_bytes(&serde_json::to_vec(&document).unwrap()).unwrap_err();
    assert!(
        error.to_string().contains("fewer than two positions"),
        "{error}"
    );
}

/// Leaves the dispute with one position.
fn claim_positions_truncated(document: &mut Value) {
    let claim = document["claims"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| c["dispute"].is_object())
        .unwrap();
    claim["dispute"]["decided"]["taken"] = 0.into();
    claim["dispute"]["positions"]
        .as_array_mut()
        .unwrap()
        .truncate(1);
}

/// The Seoul workspace's first claim confirmed by alice in one copy and unconfirmed by bob in
/// another, merged: one dispute.
fn disputed_merge() -> (Workspace, ClaimId) {
    let mut a = seoul_workspace();
    let mut b = a.clone();
    let id = a.claims().next().unwrap().id;
    for (workspace, status, analyst) in [
        (&mut a, ClaimStatus::Confirmed, "alice"),
        (&mut b, ClaimStatus::Unconfirmed, "bob"),
    ] {
        workspace
            .apply(Action::SetStatus {
                claim: id,
                status,
                analyst: analyst.into(),
                at: at(1),
            })
            .unwrap();
    }
    (merge_two(&a, &b).0, id)
}

/// `a` merged with `b`, named `a.json` and `b.json`.
fn merge_two(a: &Workspace, b: &Workspace) -> (Workspace, MergeReport) {
    merge(&[
        MergeInput {
            file: "a.json",
            sha256: "a",
            workspace: a,
        },
        MergeInput {
            file: "b.json",
            sha256: "b",
            workspace: b,
        },
    ])
    .unwrap()
}
