//! The workbench after a crash and around saves that could lose work: the recovery file is
//! offered before anything overwrites it, Enter restores it, Esc discards it; edit fields
//! follow undo; a save over a file someone else changed is refused with a choice.
#![cfg(feature = "gui")]

mod gui_support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crosscheck::article::{Article, collect_article_paths};
use crosscheck::gui::StartWith;
use crosscheck::gui::app::WorkbenchApp;
use crosscheck::gui::view_state::Prompt;
use crosscheck::workspace::claim::ClaimStatus;
use crosscheck::workspace::{Action, AnalyzedArticle, Workspace, persist};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};

/// A workspace file made from the sample articles, saved at `dir/review.json`.
fn sample_workspace(dir: &Path) -> PathBuf {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
    let mut workspace = Workspace::new(uuid::Uuid::from_u128(1));
    for file in collect_article_paths(&[samples]).files {
        let article = Article::load(&file).unwrap();
        workspace
            .apply(Action::AddArticle(Box::new(AnalyzedArticle::new(article))))
            .unwrap();
    }
    let path = dir.join("review.json");
    persist::save(&workspace, &path).unwrap();
    path
}

fn start(
    start: StartWith,
    dir: &Path,
    last_workspace: Option<PathBuf>,
) -> Harness<'static, WorkbenchApp> {
    let mut settings = gui_support::settings("tester");
    settings.last_workspace = last_workspace;
    let recovery = dir.join("recovery.json");
    let mut harness = gui_support::builder().build_eframe(move |cc| {
        WorkbenchApp::with_settings(&cc.egui_ctx, start, settings, recovery)
    });
    gui_support::wait_until(&mut harness, |app| !gui_support::busy(app));
    harness
}

/// Steps frames for `duration` of real time (the autosave waits for changes to rest).
fn run_for(harness: &mut Harness<'static, WorkbenchApp>, duration: Duration) {
    let until = Instant::now() + duration;
    while Instant::now() < until {
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn press(harness: &mut Harness<'static, WorkbenchApp>, key: Key) {
    harness.key_press(key);
    harness.run_steps(2);
}

/// Tags the first two claims with the keyboard (J, C, J, U) and waits for the autosave.
fn review_and_wait_for_autosave(harness: &mut Harness<'static, WorkbenchApp>) {
    press(harness, Key::J);
    press(harness, Key::C);
    press(harness, Key::J);
    press(harness, Key::U);
    gui_support::wait_until(harness, |app| {
        app.autosave_state() == "recovery file up to date" && !gui_support::busy(app)
    });
}

fn statuses(workspace: &Workspace) -> Vec<ClaimStatus> {
    workspace.claims().map(|claim| claim.status).collect()
}

#[test]
fn after_a_crash_the_last_workspace_is_offered_its_recovery_and_enter_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_workspace(dir.path());
    let recovery = dir.path().join("recovery.json");

    let mut before_crash = start(StartWith::Paths(vec![file.clone()]), dir.path(), None);
    review_and_wait_for_autosave(&mut before_crash);
    let reviewed = statuses(&before_crash.state().session.workspace);
    assert_eq!(
        reviewed
            .iter()
            .filter(|s| **s != ClaimStatus::Unreviewed)
            .count(),
        2
    );
    // The process dies: nothing saved, nothing cleaned up.
    drop(before_crash);

    let recovered_bytes = std::fs::read(&recovery).unwrap();
    let mut after = start(StartWith::Default, dir.path(), Some(file.clone()));
    assert!(
        matches!(
            after.state().view.prompt,
            Some(Prompt::Recovery { reviewed: 2, .. })
        ),
        "the newer recovery file is offered"
    );
    // While the question is open, nothing overwrites the recovery file.
    run_for(&mut after, Duration::from_secs(4));
    assert_eq!(std::fs::read(&recovery).unwrap(), recovered_bytes);

    press(&mut after, Key::Enter);
    let app = after.state();
    assert!(app.view.prompt.is_none());
    assert_eq!(statuses(&app.session.workspace), reviewed);
    assert!(app.session.is_dirty(), "restored work is marked unsaved");
    assert_eq!(app.session.path.as_deref(), Some(file.as_path()));

    after.key_press_modifiers(Modifiers::COMMAND, Key::S);
    gui_support::wait_until(&mut after, |app| {
        !gui_support::busy(app) && !app.session.is_dirty()
    });
    let saved = persist::load(&file).unwrap();
    assert_eq!(statuses(&saved), reviewed);
    assert!(
        !recovery.exists(),
        "a save that has everything drops the recovery file"
    );
}

#[test]
fn untitled_work_is_restored_in_place_of_the_demo_loading_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery.json");
    let mut before_crash = start(StartWith::Demo, dir.path(), None);
    review_and_wait_for_autosave(&mut before_crash);
    let reviewed = statuses(&before_crash.state().session.workspace);
    drop(before_crash);

    // The demo loads again and would have autosaved over the recovery file.
    let mut after = start(StartWith::Demo, dir.path(), None);
    assert!(matches!(
        after.state().view.prompt,
        Some(Prompt::Recovery { recovers: None, .. })
    ));
    run_for(&mut after, Duration::from_secs(4));
    let on_disk = persist::load_recovery(&recovery).unwrap();
    assert_eq!(statuses(&on_disk.workspace), reviewed);

    press(&mut after, Key::Enter);
    gui_support::wait_until(&mut after, |app| !gui_support::busy(app));
    let app = after.state();
    assert_eq!(statuses(&app.session.workspace), reviewed);
    assert_eq!(app.session.workspace.articles().len(), 5);
    assert!(app.session.is_dirty());
}

#[test]
fn escape_discards_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery.json");
    let mut before_crash = start(StartWith::Demo, dir.path(), None);
    review_and_wait_for_autosave(&mut before_crash);
    drop(before_crash);

    let mut after = start(StartWith::Demo, dir.path(), None);
    assert!(after.state().view.prompt.is_some());
    press(&mut after, Key::Escape);
    assert!(after.state().view.prompt.is_none());
    assert!(!recovery.exists());
    assert!(
        statuses(&after.state().session.workspace)
            .iter()
            .all(|s| *s == ClaimStatus::Unreviewed)
    );
}

#[test]
fn inspector_fields_follow_undo_and_never_write_back_a_stale_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = start(StartWith::Demo, dir.path(), None);
    press(&mut harness, Key::J);
    let claim = harness.state().view.claim.unwrap();

    harness
        .get(by().label("Note").role(Role::MultilineTextInput))
        .focus();
    harness.run_steps(2);
    harness
        .get(by().label("Note").role(Role::MultilineTextInput))
        .type_text("Matches the NIS briefing");
    harness.run_steps(2);
    // Leaving the field makes the note one undoable action.
    press(&mut harness, Key::Escape);
    harness
        .get(by().label("Speaker").role(Role::TextInput))
        .focus();
    harness.run_steps(2);
    let note = |h: &Harness<'static, WorkbenchApp>| {
        h.state()
            .session
            .workspace
            .claim(claim)
            .unwrap()
            .note
            .clone()
    };
    assert_eq!(note(&harness), "Matches the NIS briefing");

    let speaker = |h: &Harness<'static, WorkbenchApp>| {
        h.state()
            .session
            .workspace
            .claim(claim)
            .unwrap()
            .speaker
            .clone()
    };
    let extracted = speaker(&harness);
    harness
        .get(by().label("Speaker").role(Role::TextInput))
        .type_text(" Else");
    press(&mut harness, Key::Enter);
    assert!(speaker(&harness).unwrap().ends_with(" Else"));

    // Undo both with the keyboard, no field having the cursor.
    for _ in 0..2 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run_steps(2);
    }
    assert_eq!(note(&harness), "");
    assert_eq!(speaker(&harness), extracted);
    assert_eq!(
        harness.state().view.speaker_draft.text,
        extracted.unwrap_or_default()
    );
    assert_eq!(
        harness.state().view.note_draft.text,
        "",
        "the field shows the undone value"
    );

    // Typing into the field now starts from the real value, not the stale one.
    harness
        .get(by().label("Note").role(Role::MultilineTextInput))
        .focus();
    harness.run_steps(2);
    harness
        .get(by().label("Note").role(Role::MultilineTextInput))
        .type_text("Fresh");
    press(&mut harness, Key::Escape);
    harness
        .get(by().label("Speaker").role(Role::TextInput))
        .focus();
    harness.run_steps(2);
    assert_eq!(note(&harness), "Fresh");
}

#[test]
fn undo_counts_as_a_change_for_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery.json");
    let mut harness = start(StartWith::Demo, dir.path(), None);
    review_and_wait_for_autosave(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    gui_support::wait_until(&mut harness, |app| {
        app.autosave_state() == "recovery file up to date" && !gui_support::busy(app)
    });
    let on_disk = persist::load_recovery(&recovery).unwrap();
    assert_eq!(
        statuses(&on_disk.workspace),
        statuses(&harness.state().session.workspace),
        "the recovery file has the undo"
    );
}

#[test]
fn a_save_over_a_file_changed_on_disk_is_refused_with_a_choice() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_workspace(dir.path());
    let mut harness = start(StartWith::Paths(vec![file.clone()]), dir.path(), None);
    press(&mut harness, Key::J);
    press(&mut harness, Key::C);

    // Someone else saves the file meanwhile.
    let mut theirs = persist::load(&file).unwrap();
    let last = theirs.claims().last().unwrap().id;
    theirs
        .apply(Action::SetNote {
            claim: last,
            note: "their note".into(),
        })
        .unwrap();
    std::thread::sleep(Duration::from_millis(20));
    persist::save(&theirs, &file).unwrap();
    let their_bytes = std::fs::read(&file).unwrap();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    gui_support::wait_until(&mut harness, |app| !gui_support::busy(app));
    assert!(matches!(
        harness.state().view.prompt,
        Some(Prompt::ChangedOnDisk(_))
    ));
    assert_eq!(
        std::fs::read(&file).unwrap(),
        their_bytes,
        "their save is kept"
    );
    harness.get_by_label("Reload (drop my changes)");
    harness.get_by_label("Save as…");
    press(&mut harness, Key::Escape);
    assert!(harness.state().view.prompt.is_none());
    assert!(
        harness.state().session.is_dirty(),
        "our changes are still open"
    );
}
