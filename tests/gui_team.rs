//! Working as a team in the workbench: File › Merge workspace…, the Adjudicate view driven by
//! the keyboard, undoing an adjudication, and the claims table's Disputed filter.
#![cfg(feature = "gui")]

mod gui_support;
mod workspace_support;

use std::path::{Path, PathBuf};

use assert_cmd::Command as Cli;
use crosscheck::gui::StartWith;
use crosscheck::gui::app::{Intent, WorkbenchApp};
use crosscheck::gui::view_state::{CentralView, PathRequest};
use crosscheck::workspace::claim::{ClaimId, ClaimStatus};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// Two copies of a workspace of the sample articles: claim c2 confirmed by alice in the
/// first, unconfirmed by bob in the second; c1 confirmed in both.
fn two_reviews(folder: &Path) -> (PathBuf, PathBuf) {
    let articles = workspace_support::copy_sample_articles(folder);
    let alice = folder.join("alice.json");
    Cli::cargo_bin("crosscheck")
        .unwrap()
        .args(["-q", "workspace", "new"])
        .arg(&alice)
        .arg(&articles)
        .assert()
        .success();
    let bob = folder.join("bob.json");
    std::fs::copy(&alice, &bob).unwrap();
    for (file, claim, status, analyst) in [
        (&alice, "c1", "confirmed", "alice"),
        (&bob, "c1", "confirmed", "bob"),
        (&alice, "c2", "confirmed", "alice"),
        (&bob, "c2", "unconfirmed", "bob"),
    ] {
        Cli::cargo_bin("crosscheck")
            .unwrap()
            .args(["-q", "tag"])
            .arg(file)
            .args([claim, status, "--analyst", analyst])
            .assert()
            .success();
    }
    (alice, bob)
}

fn settle(harness: &mut Harness<'static, WorkbenchApp>) {
    gui_support::wait_until(harness, |app| !gui_support::busy(app));
}

#[test]
fn merge_from_the_menu_then_adjudicate_with_the_keyboard_and_undo() {
    let folder = tempfile::tempdir().unwrap();
    let (alice, bob) = two_reviews(folder.path());
    let mut harness = gui_support::start(
        gui_support::builder(),
        StartWith::Paths(vec![alice.clone()]),
        "dana",
        folder.path(),
    );
    // The command is on the File menu, enabled once there are articles.
    harness.get_by_label("File").click_accesskit();
    harness.run_steps(4);
    assert!(
        !harness
            .get_by_label_contains("Merge workspace")
            .accesskit_node()
            .is_disabled(),
        "Merge workspace… is offered"
    );
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    // The file the dialog would give, through the same path it feeds.
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .handle(&ctx, Intent::Chose(PathRequest::MergeWorkspaces, vec![bob]));
    settle(&mut harness);

    let app = harness.state();
    assert_eq!(
        app.view.central,
        CentralView::Adjudicate,
        "{:?}",
        app.notices
    );
    assert_eq!(app.session.workspace.disputed_claims().count(), 1);
    assert!(app.session.is_dirty(), "the merge is an unsaved change");
    assert!(
        app.view
            .last_agreement
            .as_ref()
            .is_some_and(|a| a.claims_compared == 2),
        "the agreement of the merged files is measured"
    );
    harness.get_by_label_contains("left to decide");
    harness.get_by_label("Take bob's");
    // The Inspector says so too.
    harness.get_by_label("Disputed: alice confirmed / bob unconfirmed");

    // Key 2: bob's review, decided by dana.
    harness.key_press(Key::Num2);
    harness.run_steps(3);
    let claim = harness
        .state()
        .session
        .workspace
        .claim(ClaimId(2))
        .unwrap()
        .clone();
    assert!(!claim.is_disputed());
    assert_eq!(claim.status, ClaimStatus::Unconfirmed);
    assert_eq!(claim.history.last().unwrap().analyst, "dana");
    let decision = claim.dispute.as_ref().unwrap().decided.as_ref().unwrap();
    assert_eq!(
        (decision.analyst.as_str(), decision.taken),
        ("dana", Some(1)),
        "the record keeps who decided and whose review was taken"
    );
    harness.get_by_label_contains("Every dispute is decided");
    harness.get_by_label_contains("bob's review taken 1 time");
    // On the decided claim, the Inspector keeps the record.
    harness.state_mut().view.claim = Some(ClaimId(2));
    harness.run_steps(2);
    harness.get_by_label_contains("dana took bob's review");

    // Ctrl+Z brings the dispute back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert!(
        harness
            .state()
            .session
            .workspace
            .claim(ClaimId(2))
            .unwrap()
            .is_disputed()
    );

    // The claims table filters the disputed claims.
    harness.get_by_label("Disputed").click_accesskit();
    harness.run_steps(3);
    let app = harness.state();
    let rows = app.view.filter.disputed;
    assert!(rows, "the Disputed filter is on");
}

#[test]
fn a_save_refused_because_the_file_changed_merges_with_the_version_on_disk() {
    let folder = tempfile::tempdir().unwrap();
    let (alice, bob) = two_reviews(folder.path());
    let mut harness = gui_support::start(
        gui_support::builder(),
        StartWith::Paths(vec![alice.clone()]),
        "alice",
        folder.path(),
    );
    // Alice notes c3 here; meanwhile bob's review lands on her file.
    let ctx = harness.ctx.clone();
    harness.state_mut().handle(
        &ctx,
        Intent::Apply(crosscheck::workspace::Action::SetNote {
            claim: ClaimId(3),
            note: "alice's note".into(),
        }),
    );
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::copy(&bob, &alice).unwrap();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut harness);
    assert!(matches!(
        harness.state().view.prompt,
        Some(crosscheck::gui::view_state::Prompt::ChangedOnDisk(_))
    ));
    harness.run_steps(6); // a modal takes a sizing pass before it shows
    harness.get_by_label("Reload (drop my changes)");
    harness
        .get_by_label("Merge with the version on disk")
        .click_accesskit();
    harness.run_steps(2);
    settle(&mut harness);
    let workspace = &harness.state().session.workspace;
    assert!(
        workspace.claim(ClaimId(2)).unwrap().is_disputed(),
        "bob's review meets hers"
    );
    assert_eq!(workspace.claim(ClaimId(3)).unwrap().note, "alice's note");

    // Now the save goes through, over the version the merge has seen.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut harness);
    assert!(
        harness.state().view.prompt.is_none(),
        "{:?}",
        harness.state().notices
    );
    let saved = crosscheck::workspace::persist::load(&alice).unwrap();
    assert!(saved.claim(ClaimId(2)).unwrap().is_disputed());
    assert_eq!(saved.claim(ClaimId(3)).unwrap().note, "alice's note");
}
