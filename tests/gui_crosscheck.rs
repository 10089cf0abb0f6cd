//! The cross-checking views driven through the keyboard and accessible labels: figures side
//! by side, sources, the entity index and the timeline, each leading back to the reader.
#![cfg(feature = "gui")]

mod gui_support;

use crosscheck::gui::jobs::Task;
use crosscheck::gui::view_state::CentralView;
use crosscheck::gui::{StartWith, WorkbenchApp};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(dir: &std::path::Path) -> Harness<'static, WorkbenchApp> {
    gui_support::start(gui_support::builder(), StartWith::Demo, "tester", dir)
}

fn show(harness: &mut Harness<'static, WorkbenchApp>, key: Key, view: CentralView) {
    harness.key_press_modifiers(Modifiers::COMMAND, key);
    gui_support::wait_until(harness, |app| {
        app.caches.crosscheck.is_some() && !app.jobs.is_running(Task::Compare)
    });
    assert_eq!(harness.state().view.central, view);
}

#[test]
fn figures_side_by_side_lead_to_the_claim() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    show(&mut harness, Key::Num2, CentralView::Figures);
    // The troop figures from four outlets stand in one group, flagged as conflicting.
    assert!(
        harness
            .query_all_by_label_contains("troops")
            .next()
            .is_some(),
        "a troops group is listed"
    );
    assert!(
        harness.query_all_by_label_contains("⚠").next().is_some(),
        "a conflict is flagged"
    );
    for figure in ["12,000", "10,000", "3,000", "1,500"] {
        assert!(
            harness.query_all_by_label_contains(figure).next().is_some(),
            "{figure} is shown"
        );
    }
    harness
        .get_by_label_contains("at least 3,000")
        .click_accesskit();
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(
        app.view.central,
        CentralView::Reader,
        "a figure opens its claim in the reader"
    );
    let claim = app
        .session
        .workspace
        .claim(app.view.claim.unwrap())
        .unwrap();
    assert!(claim.anchor.quote.exact.contains("at least 3,000"));
}

#[test]
fn entity_index_jumps_to_a_mention_and_other_views_render() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    show(&mut harness, Key::Num4, CentralView::Entities);
    harness.get_by_label("Search entities:").focus();
    harness.run_steps(1);
    // Any entity with several mentions will do; the index merges aliases like Kirby / John Kirby.
    let app = harness.state();
    let data = app.caches.crosscheck.as_ref().unwrap().1.clone();
    let kirby = data.index.resolve("Kirby").expect("Kirby is indexed");
    assert!(
        kirby.aliases.iter().any(|a| a.text == "John Kirby")
            && kirby.aliases.iter().any(|a| a.text == "Kirby"),
        "{:?}",
        kirby.aliases
    );
    let key = kirby.key.clone();
    let name = kirby.name.clone();
    harness
        .get_by_label_contains(&format!("{name}  ·"))
        .click_accesskit();
    harness.run_steps(2);
    assert_eq!(harness.state().view.entity.as_deref(), Some(key.as_str()));
    harness
        .get_all_by_label_contains("“Kirby” in")
        .next()
        .expect("mentions are listed")
        .click_accesskit();
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(app.view.central, CentralView::Reader);
    let (article, span) = app
        .view
        .selection
        .clone()
        .expect("the mention is selected in the reader");
    assert_eq!(
        &app.session
            .workspace
            .article(&article)
            .unwrap()
            .article
            .text[span.start..span.end],
        "Kirby"
    );

    show(&mut harness, Key::Num3, CentralView::Sources);
    assert!(
        harness
            .query_all_by_label_contains("National Intelligence Service")
            .next()
            .is_some()
    );
    show(&mut harness, Key::Num5, CentralView::Timeline);
    assert!(
        harness
            .query_all_by_label_contains("Timeline status")
            .next()
            .is_some()
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    harness.run_steps(2);
    assert_eq!(harness.state().view.central, CentralView::Reader);
}
