//! The cross-checking views driven through the keyboard and accessible labels: figures side
//! by side, sources, the entity index and the timeline, each leading back to the reader.
#![cfg(feature = "gui")]

mod gui_support;

use crosscheck::compare::CrossCheck;
use crosscheck::gui::jobs::Task;
use crosscheck::gui::view_state::CentralView;
use crosscheck::gui::{StartWith, WorkbenchApp};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};

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
    let kirby_mentions = kirby.mentions.clone();
    harness
        .get_by_label_contains(&format!("{name}  ·"))
        .click_accesskit();
    harness.run_steps(2);
    assert_eq!(harness.state().view.entity.as_deref(), Some(key.as_str()));
    // Each mention is a link showing its context; pick the first written as the surname alone.
    let surname_alone = kirby_mentions
        .iter()
        .position(|m| m.text == "Kirby")
        .expect("a mention of Kirby alone");
    harness
        .get_all(by().role(Role::Link))
        .nth(surname_alone)
        .expect("every mention is listed as a link")
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

/// Steps until the cross-check data is computed for the workspace as it is now.
fn recompared(harness: &mut Harness<'static, WorkbenchApp>) -> std::sync::Arc<CrossCheck> {
    gui_support::wait_until(harness, |app| {
        app.caches
            .crosscheck
            .as_ref()
            .is_some_and(|(revision, _)| *revision == app.session.workspace.revision())
    });
    harness
        .state()
        .caches
        .crosscheck
        .as_ref()
        .unwrap()
        .1
        .clone()
}

fn index_edit_count(harness: &Harness<'static, WorkbenchApp>) -> usize {
    harness
        .state()
        .session
        .workspace
        .corrections()
        .index_edits
        .len()
}

fn type_into(harness: &mut Harness<'static, WorkbenchApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run_steps(1);
    harness.get_by_label(label).type_text(text);
    harness.run_steps(2);
}

#[test]
fn entity_index_edits_merge_rename_split_undo_withdraw_and_persist() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    show(&mut harness, Key::Num4, CentralView::Entities);
    let data = recompared(&mut harness);
    let house = data.index.resolve("White House").expect("indexed").clone();
    let council = data
        .index
        .resolve("National Security Council")
        .expect("indexed")
        .clone();
    assert_ne!(house.key, council.key, "two entities before the merge");

    // Find the White House, select it, and merge the council into it.
    type_into(&mut harness, "Search entities:", "White House");
    harness
        .get_by_label_contains(&format!("{}  ·", house.name))
        .click_accesskit();
    harness.run_steps(2);
    assert_eq!(
        harness.state().view.entity.as_deref(),
        Some(house.key.as_str())
    );
    type_into(&mut harness, "Merge into this:", "Security Council");
    harness
        .get_by_label_contains(&format!("Merge “{}”", council.name))
        .click_accesskit();
    harness.run_steps(2);
    let data = recompared(&mut harness);
    let merged = data.index.entry(&house.key).expect("the White House stays");
    assert!(merged.answers_to("National Security Council"));
    assert!(data.index.entry(&council.key).is_none());
    assert_eq!(
        merged.mention_count(),
        house.mention_count() + council.mention_count()
    );

    // Rename it with the keyboard (Enter), then undo the rename.
    type_into(&mut harness, "New name:", "US executive");
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    let data = recompared(&mut harness);
    assert_eq!(data.index.entry(&house.key).unwrap().name, "US executive");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    let data = recompared(&mut harness);
    assert_eq!(data.index.entry(&house.key).unwrap().name, house.name);
    assert_eq!(
        index_edit_count(&harness),
        1,
        "undo took back the rename, not the merge"
    );

    // Split the council's form back out, under its own name.
    let alias = data
        .index
        .entry(&house.key)
        .unwrap()
        .aliases
        .iter()
        .find(|a| council.aliases.iter().any(|c| c.text == a.text))
        .expect("the council's forms joined the entry")
        .clone();
    let form = alias.text.clone();
    harness
        .get(
            by().role(Role::CheckBox)
                .label(&format!("{form} ({})", alias.count)),
        )
        .click_accesskit();
    harness.run_steps(2);
    harness.get_by_label("Split off").click_accesskit();
    harness.run_steps(2);
    let data = recompared(&mut harness);
    let split = data
        .index
        .entries()
        .iter()
        .find(|e| e.name == form && e.key != house.key)
        .expect("the split-off entity is listed");
    assert!(split.mention_count() > 0);
    assert_eq!(index_edit_count(&harness), 2);

    // Save, reopen: the edits are part of the workspace file.
    let file = dir.path().join("edited.json");
    let ctx = harness.ctx.clone();
    harness.state_mut().handle(
        &ctx,
        crosscheck::gui::app::Intent::Chose(
            crosscheck::gui::view_state::PathRequest::SaveAs,
            vec![file.clone()],
        ),
    );
    gui_support::wait_until(&mut harness, |app| !gui_support::busy(app));
    let reopened = crosscheck::workspace::persist::load(&file).unwrap();
    assert_eq!(
        reopened.corrections().index_edits,
        harness.state().session.workspace.corrections().index_edits
    );

    // Withdraw the merge from the list of edits: the split no longer fits and says so.
    harness
        .get_by_label_contains("Your index edits (2")
        .click_accesskit();
    harness.run_steps(3);
    harness
        .get_all_by_label("Withdraw")
        .next()
        .expect("each edit can be withdrawn")
        .click_accesskit();
    harness.run_steps(2);
    let data = recompared(&mut harness);
    assert!(
        data.index.entry(&council.key).is_some(),
        "the council is back"
    );
    assert_eq!(data.skipped_edits.len(), 1, "{:?}", data.skipped_edits);
    harness.run_steps(2);
    assert!(
        harness
            .query_all_by_label_contains("not applied")
            .next()
            .is_some(),
        "the edit that no longer fits says why"
    );
}

#[test]
fn a_large_group_leads_with_its_figures_and_summarizes_its_conflicts() {
    // Sixty reports of one deployment, half saying 10,000 troops and half 12,000, all as the
    // eventual total: 900 conflicting pairs, shown as two sides and a few pairs, never listed
    // one by one, and a table that shows its first rows with more on request.
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    for n in 0..60 {
        let figure = if n % 2 == 0 { "10,000" } else { "12,000" };
        std::fs::write(
            articles.join(format!("report-{n:02}.txt")),
            format!(
                "Report {n}\n\nOfficials in Kyiv said North Korea plans to send {figure} \
                 troops to Russia in total.\n"
            ),
        )
        .unwrap();
    }
    let mut harness = gui_support::start(
        gui_support::builder(),
        StartWith::Paths(vec![articles]),
        "tester",
        dir.path(),
    );
    show(&mut harness, Key::Num2, CentralView::Figures);
    let group = {
        let app = harness.state();
        let data = &app.caches.crosscheck.as_ref().unwrap().1;
        data.comparison.groups[0].clone()
    };
    assert_eq!(group.figures.len(), 60, "{}", group.label);
    assert_eq!(group.conflicting_pairs, 30 * 30);
    assert!(
        harness
            .query_all_by_label_contains("900 conflicting pairs")
            .next()
            .is_some(),
        "the conflicts are counted, not listed"
    );
    assert!(
        harness
            .query_all_by_label_contains("10,000 from 30 reports")
            .next()
            .is_some()
            && harness
                .query_all_by_label_contains("12,000 from 30 reports")
                .next()
                .is_some(),
        "the two sides are named with how widely each is reported"
    );
    harness.get_by_label_contains("Showing 50 of 60 figures");
    harness.get_by_label("Show 10 more").click_accesskit();
    harness.run_steps(2);
    assert!(
        harness
            .query_all_by_label_contains("Showing 50 of 60")
            .next()
            .is_none(),
        "every figure is shown after asking"
    );
    assert_eq!(harness.state().view.figure_rows.get(&group.id), Some(&60));
}

#[test]
fn the_claims_table_gives_figures_with_separators_and_units() {
    let dir = tempfile::tempdir().unwrap();
    let harness = harness(dir.path());
    assert!(
        harness
            .query_all_by_label_contains("12,000 troops · 1,500 soldiers")
            .next()
            .is_some(),
        "the figures column reads as the article does"
    );
    assert!(
        harness
            .query_all_by_label_contains("12000; 1500")
            .next()
            .is_none(),
        "never the bare values"
    );
}

#[test]
fn the_timeline_fits_the_events_zooms_pans_and_marks_what_lies_outside() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    show(&mut harness, Key::Num5, CentralView::Timeline);
    harness.run_steps(3);
    // The samples' events lie in October 2024, and one claim recalls 2006: the first view
    // holds the autumn, and marks the lone event at its edge instead of stretching to it.
    let (left, right) = harness
        .state()
        .view
        .timeline_days
        .expect("the timeline is drawn");
    assert!(
        right - left < 60.0,
        "the view spans weeks, not years: {}",
        right - left
    );
    assert!(
        harness
            .query_all_by_label_contains("1 event outside this view")
            .next()
            .is_some()
    );
    // + zooms in around the middle, → moves later, 0 fits again.
    harness.key_press(Key::Plus);
    harness.run_steps(3);
    let (l2, r2) = harness.state().view.timeline_days.unwrap();
    assert!(
        r2 - l2 < (right - left) * 0.9,
        "zoomed in: {} < {}",
        r2 - l2,
        right - left
    );
    harness.key_press(Key::ArrowRight);
    harness.run_steps(3);
    let (l3, _) = harness.state().view.timeline_days.unwrap();
    assert!(l3 > l2, "moved later");
    harness.key_press(Key::Num0);
    harness.run_steps(3);
    let (l4, r4) = harness.state().view.timeline_days.unwrap();
    assert!(
        (l4 - left).abs() < 0.5 && (r4 - right).abs() < 0.5,
        "fitted again"
    );
    harness.get_by_label("Fit to the events").click_accesskit();
    harness.run_steps(3);
    assert_eq!(harness.state().view.timeline_days, Some((l4, r4)));
}
