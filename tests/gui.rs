//! The workbench driven as an analyst would, through accessible labels, keys and the mouse
//! (`egui_kittest`, headless). Dialogs are bypassed through the same code path they feed.
#![cfg(feature = "gui")]

mod gui_support;

use std::path::Path;

use crosscheck::gui::StartWith;
use crosscheck::gui::app::{Intent, WorkbenchApp};
use crosscheck::gui::view_state::{ExportTarget, PathRequest};
use crosscheck::workspace::claim::{ClaimOrigin, ClaimStatus};
use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};

fn harness(start: StartWith, dir: &Path) -> Harness<'static, WorkbenchApp> {
    gui_support::start(gui_support::builder(), start, "tester", dir)
}

/// Steps frames until background loading and saving are done.
fn settle(harness: &mut Harness<'static, WorkbenchApp>) {
    gui_support::wait_until(harness, |app| !gui_support::busy(app));
}

fn selected_status(harness: &Harness<'static, WorkbenchApp>) -> ClaimStatus {
    let app = harness.state();
    app.session
        .workspace
        .claim(app.view.claim.expect("a claim is selected"))
        .unwrap()
        .status
}

/// The kind of the entity starting at `offset` of `article`, corrections applied.
fn entity_kind_at(
    harness: &Harness<'static, WorkbenchApp>,
    article: &crosscheck::article::ArticleId,
    offset: usize,
) -> Option<crosscheck::extract::EntityKind> {
    harness
        .state()
        .session
        .workspace
        .entities(article)?
        .iter()
        .find(|e| e.span.start == offset)
        .map(|e| e.kind)
}

fn press(harness: &mut Harness<'static, WorkbenchApp>, key: Key) {
    harness.key_press(key);
    harness.run_steps(2);
}

fn pointer(harness: &mut Harness<'static, WorkbenchApp>, events: Vec<Event>) {
    for event in events {
        harness.input_mut().events.push(event);
        harness.step();
    }
    harness.run_steps(2);
}

/// A right-click at `pos`, press and release in separate frames as a mouse gives them.
fn right_click(harness: &mut Harness<'static, WorkbenchApp>, pos: Pos2) {
    pointer(
        harness,
        vec![
            Event::PointerMoved(pos),
            button(pos, PointerButton::Secondary, true),
            button(pos, PointerButton::Secondary, false),
        ],
    );
}

/// The article the reader shows, and its text.
fn shown_text(
    harness: &Harness<'static, WorkbenchApp>,
) -> (crosscheck::article::ArticleId, String) {
    let app = harness.state();
    let article = app.view.article.clone().expect("an article is shown");
    let text = app
        .session
        .workspace
        .article(&article)
        .unwrap()
        .article
        .text
        .clone();
    (article, text)
}

/// Drags across the reader from byte `start` to byte `end` of the shown article; returns
/// where the pointer was let go.
fn drag_in_reader(harness: &mut Harness<'static, WorkbenchApp>, start: usize, end: usize) -> Pos2 {
    let from = harness.state().caches.reader.screen_pos_of(start).unwrap();
    let to = harness.state().caches.reader.screen_pos_of(end).unwrap();
    pointer(
        harness,
        vec![
            Event::PointerMoved(from),
            button(from, PointerButton::Primary, true),
            Event::PointerMoved(from + egui::vec2(20.0, 0.0)),
            Event::PointerMoved(to),
            button(to, PointerButton::Primary, false),
        ],
    );
    to
}

/// Drags across the reader from byte `start` to byte `end` of the shown article's `text`;
/// returns the text selected.
fn selected_by_dragging(
    harness: &mut Harness<'static, WorkbenchApp>,
    text: &str,
    start: usize,
    end: usize,
) -> String {
    drag_in_reader(harness, start, end);
    let (_, span) = harness
        .state()
        .view
        .selection
        .clone()
        .expect("dragging selects text");
    text[span.start..span.end].to_owned()
}

fn button(pos: Pos2, button: PointerButton, pressed: bool) -> Event {
    Event::PointerButton {
        pos,
        button,
        pressed,
        modifiers: Modifiers::NONE,
    }
}

#[test]
fn review_loop_save_reopen_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(StartWith::Demo, dir.path());
    assert_eq!(
        harness.state().session.workspace.articles().len(),
        5,
        "the demo opens the five samples"
    );
    assert!(harness.state().session.workspace.claims().len() > 50);

    // Select a claim by clicking its row, confirm it with the button.
    // Rows sense the pointer (their labels are not interactive): click like a mouse.
    harness
        .get_by_label_contains("According to Yonhap News Agency, South Korea")
        .click();
    harness.run_steps(2);
    let first = harness
        .state()
        .view
        .claim
        .expect("clicking a row selects its claim");
    harness
        .get(by().role(Role::Button).label_contains("Confirmed"))
        .click_accesskit();
    harness.run_steps(2);
    assert_eq!(selected_status(&harness), ClaimStatus::Confirmed);
    let history = &harness
        .state()
        .session
        .workspace
        .claim(first)
        .unwrap()
        .history;
    assert_eq!(history.last().unwrap().analyst, "tester");

    // J to the next claim, U marks it unconfirmed; Ctrl+Z undoes that.
    press(&mut harness, Key::J);
    let second = harness.state().view.claim.unwrap();
    assert_ne!(first, second);
    press(&mut harness, Key::U);
    assert_eq!(selected_status(&harness), ClaimStatus::Unconfirmed);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(
        selected_status(&harness),
        ClaimStatus::Unreviewed,
        "undo restored the second claim"
    );
    assert_eq!(
        harness
            .state()
            .session
            .workspace
            .claim(first)
            .unwrap()
            .status,
        ClaimStatus::Confirmed
    );
    press(&mut harness, Key::C);
    assert_eq!(
        selected_status(&harness),
        ClaimStatus::Confirmed,
        "C confirms from the keyboard"
    );

    // A note, typed in the inspector, becomes part of the claim when the field is left.
    harness.get_by_label("Note").focus();
    harness.run_steps(1);
    harness
        .get_by_label("Note")
        .type_text("Matches Yonhap's wording.");
    harness.run_steps(1);
    press(&mut harness, Key::Escape);
    harness.get_by_label("Article text").click_accesskit();
    harness.run_steps(2);
    assert_eq!(
        harness
            .state()
            .session
            .workspace
            .claim(second)
            .unwrap()
            .note,
        "Matches Yonhap's wording."
    );
    assert!(harness.state().session.is_dirty());
    assert!(
        harness.state().title().contains('•'),
        "the title shows unsaved changes: {}",
        harness.state().title()
    );

    // Save As through the path the dialog feeds, then reopen and see the same state.
    let file = dir.path().join("review.json");
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .handle(&ctx, Intent::Chose(PathRequest::SaveAs, vec![file.clone()]));
    settle(&mut harness);
    assert!(file.exists(), "{:?}", harness.state().notices);
    assert!(!harness.state().session.is_dirty());

    let mut reopened = self::harness(StartWith::Paths(vec![file.clone()]), dir.path());
    let workspace = &reopened.state().session.workspace;
    assert_eq!(
        workspace.claim(first).unwrap().status,
        ClaimStatus::Confirmed
    );
    assert_eq!(
        workspace.claim(second).unwrap().status,
        ClaimStatus::Confirmed
    );
    assert_eq!(
        workspace.claim(second).unwrap().note,
        "Matches Yonhap's wording."
    );
    assert_eq!(
        reopened.state().session.path.as_deref(),
        Some(file.as_path())
    );

    // Export the reviewed set as CSV through the menu and the export window.
    reopened.get_by_label("File").click_accesskit();
    reopened.run_steps(2);
    reopened
        .get_by_label_contains("Export reviewed set")
        .click_accesskit();
    reopened.run_steps(6); // a new window takes a sizing pass before it shows
    reopened.get_by_label("CSV (spreadsheet)").click_accesskit();
    reopened.run_steps(1);
    let export = dir.path().join("reviewed.csv");
    reopened.state_mut().caches.pending_export = Some((
        ExportTarget::File(crosscheck::export::ExportFormat::Csv),
        crosscheck::export::Scope::Reviewed,
    ));
    let ctx = reopened.ctx.clone();
    reopened.state_mut().handle(
        &ctx,
        Intent::Chose(PathRequest::Export, vec![export.clone()]),
    );
    // The export runs as a background job; its notice says when the file is complete.
    gui_support::wait_until(&mut reopened, |app| {
        app.notices
            .last()
            .is_some_and(|n| n.text.starts_with("Export"))
    });
    assert!(
        !reopened.state().notices.last().unwrap().error,
        "{:?}",
        reopened.state().notices
    );
    let csv = std::fs::read_to_string(&export).expect("the export was written");
    assert_eq!(
        csv.lines().count(),
        3,
        "a header and the two reviewed claims:\n{csv}"
    );
    assert!(csv.contains("Matches Yonhap's wording."));

    // The same two claims as schema.org ClaimReview, and as a brat folder for INCEpTION,
    // chosen in the export window (still open: no dialog ran in the test).
    reopened
        .get_by_label_contains("schema.org ClaimReview")
        .click_accesskit();
    reopened.run_steps(1);
    let reviews = dir.path().join("reviews.jsonld");
    reopened.state_mut().caches.pending_export = Some((
        ExportTarget::File(crosscheck::export::ExportFormat::ClaimReview),
        crosscheck::export::Scope::Reviewed,
    ));
    reopened.state_mut().handle(
        &ctx,
        Intent::Chose(PathRequest::Export, vec![reviews.clone()]),
    );
    gui_support::wait_until(&mut reopened, |app| {
        app.notices
            .last()
            .is_some_and(|n| n.text.contains("reviews.jsonld"))
    });
    let reviews: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&reviews).unwrap()).unwrap();
    assert_eq!(reviews["@graph"].as_array().unwrap().len(), 2);
    assert_eq!(reviews["@graph"][0]["@type"], "ClaimReview");

    reopened
        .get_by_label_contains("brat standoff folder")
        .click_accesskit();
    reopened.run_steps(1);
    let brat = dir.path().join("brat");
    reopened.state_mut().caches.pending_export = Some((
        ExportTarget::BratFolder,
        crosscheck::export::Scope::Reviewed,
    ));
    reopened.state_mut().handle(
        &ctx,
        Intent::Chose(PathRequest::ExportFolder, vec![brat.clone()]),
    );
    gui_support::wait_until(&mut reopened, |app| {
        app.notices
            .last()
            .is_some_and(|n| n.text.contains("(brat)"))
    });
    let notice = reopened.state().notices.last().unwrap().clone();
    assert!(!notice.error, "{}", notice.text);
    assert!(
        notice.text.starts_with("Exported 2 claims and "),
        "{}",
        notice.text
    );
    assert!(brat.join("annotation.conf").is_file());
    let anns: Vec<_> = std::fs::read_dir(&brat)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "ann"))
        .collect();
    assert!(
        !anns.is_empty(),
        "an .ann file per article with a reviewed claim"
    );
    let claim_lines: usize = anns
        .iter()
        .map(|e| {
            std::fs::read_to_string(e.path())
                .unwrap()
                .lines()
                .filter(|l| {
                    l.split('\t')
                        .nth(1)
                        .is_some_and(|t| t.starts_with("Claim "))
                })
                .count()
        })
        .sum();
    assert_eq!(claim_lines, 2);
}

#[test]
fn a_selection_dragged_mid_word_covers_whole_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(StartWith::Demo, dir.path());
    let (_, text) = shown_text(&harness);
    // From inside "significant" to inside "concern".
    let start = text.find("significant concern").unwrap() + 3;
    let end = start + "nificant conc".len();
    assert_eq!(
        selected_by_dragging(&mut harness, &text, start, end),
        "significant concern"
    );
}

#[test]
fn manual_claim_and_entity_correction_with_the_mouse() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(StartWith::Demo, dir.path());
    let (article, text) = shown_text(&harness);
    let claims_before = harness.state().session.workspace.claims().len();

    // Drag across "Get in Touch" and make it a claim from the context menu.
    let start = text.find("significant concern").unwrap();
    let end = start + "significant concern".len();
    let to = drag_in_reader(&mut harness, start, end);
    let (_, span) = harness
        .state()
        .view
        .selection
        .clone()
        .expect("dragging selects text");
    assert_eq!(&text[span.start..span.end], "significant concern");
    right_click(&mut harness, to);
    harness.get_by_label("New claim").click_accesskit();
    harness.run_steps(2);
    let workspace = &harness.state().session.workspace;
    assert_eq!(workspace.claims().len(), claims_before + 1);
    let manual = workspace
        .claim(harness.state().view.claim.unwrap())
        .unwrap();
    assert_eq!(manual.origin, ClaimOrigin::Manual);
    assert_eq!(manual.anchor.quote.exact, "significant concern");

    // Right-click the entity "Vladivostok" and mark it a person instead (once the reader has
    // scrolled to the new claim).
    harness.run_steps(5);
    let offset = text.find("Vladivostok").unwrap();
    let at = harness
        .state()
        .caches
        .reader
        .screen_pos_of(offset + 2)
        .unwrap();
    right_click(&mut harness, at);
    harness.get_by_label("Change kind to").click_accesskit();
    harness.run_steps(2);
    harness
        .get(by().role(Role::Button).label("person"))
        .click_accesskit();
    harness.run_steps(2);
    let corrected = entity_kind_at(&harness, &article, offset).expect("the entity is still there");
    assert_eq!(corrected, crosscheck::extract::EntityKind::Person);

    // Undo takes the correction back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(
        entity_kind_at(&harness, &article, offset).unwrap(),
        crosscheck::extract::EntityKind::Location
    );
}

#[test]
fn legend_toggles_and_help_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(StartWith::Demo, dir.path());
    harness
        .get(by().role(Role::Button).label_contains("person"))
        .click_accesskit();
    harness.run_steps(2);
    assert!(
        !harness.state().view.visible_kinds[0],
        "the legend hides people"
    );
    press(&mut harness, Key::F1);
    assert!(harness.state().view.show_help, "F1 opens the help window");
    assert!(
        harness.query_by_label("Next claim").is_some(),
        "the help lists the shortcuts"
    );
}

/// A file dropped on the window, as the platform layer hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Opens one article file written from `text` and waits until the reader shows it.
fn open_article(dir: &Path, name: &str, text: &str) -> Harness<'static, WorkbenchApp> {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let mut harness = harness(StartWith::Paths(vec![path]), dir);
    settle(&mut harness);
    harness.run_steps(2);
    harness
}

#[test]
fn hebrew_reads_right_to_left_with_its_figures_left_to_right() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_article(
        dir.path(),
        "hebrew.txt",
        "דיווח מהגבול\n\nדובר הצבא אמר כי 10000 חיילים הגיעו לגבול ביום שלישי (IDF).\n",
    );
    let (_, text) = shown_text(&harness);
    let reader = &harness.state().caches.reader;
    let x = |offset: usize| reader.screen_pos_of(offset).unwrap().x;
    let at = |needle: &str| text.find(needle).unwrap();
    // The paragraph starts at the right: its first word is right of the next ones.
    assert!(x(at("דובר")) > x(at("הצבא")));
    assert!(x(at("הצבא")) > x(at("10000")));
    // A figure inside it still reads 10000, not 00001, and Latin keeps its order.
    assert!(x(at("10000")) < x(at("10000") + 4));
    assert!(x(at("IDF")) < x(at("IDF") + 2));
    // Dragging from inside one word to inside another selects the words between, whole.
    let start = at("הצבא") + 2;
    let end = at("אמר") + 2;
    assert_eq!(
        selected_by_dragging(&mut harness, &text, start, end),
        "הצבא אמר"
    );
}

#[test]
fn arabic_is_joined_right_to_left_and_its_claims_open_with_a_click() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_article(
        dir.path(),
        "arabic.txt",
        "تقرير من الحدود\n\nقال المتحدث باسم الجيش إن 10000 جندي وصلوا إلى الحدود يوم الثلاثاء.\n",
    );
    let (article, text) = shown_text(&harness);
    let at = |needle: &str| text.find(needle).unwrap();
    let (first_word, figure) = {
        let reader = &harness.state().caches.reader;
        (
            reader.screen_pos_of(at("قال")).unwrap(),
            reader.screen_pos_of(at("10000")).unwrap(),
        )
    };
    assert!(first_word.x > figure.x, "the paragraph reads right to left");
    assert!(
        harness
            .query_all_by_label_contains("تقرير")
            .next()
            .is_some(),
        "the title is listed"
    );
    // Clicking the words of the claim selects it.
    let claim = harness
        .state()
        .session
        .workspace
        .claims_of(&article)
        .next()
        .expect("the sentence with a figure is a claim")
        .id;
    pointer(
        &mut harness,
        vec![
            Event::PointerMoved(first_word),
            button(first_word, PointerButton::Primary, true),
            button(first_word, PointerButton::Primary, false),
        ],
    );
    assert_eq!(harness.state().view.claim, Some(claim));
}

#[test]
fn dropped_folder_loads_and_hangul_and_cyrillic_render() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("dropped");
    std::fs::create_dir(&articles).unwrap();
    std::fs::write(
        articles.join("seoul.txt"),
        "Seoul Briefing\n\nSouth Korea’s spy agency said 김정은 (Kim Jong Un) sent 1,500 troops, \
         according to 연합뉴스. Зеленський said Київ expects 10,000 more.\n",
    )
    .unwrap();
    let mut harness = harness(StartWith::Empty, dir.path());
    assert_eq!(harness.state().session.workspace.articles().len(), 0);

    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(articles.clone())));
    harness.step();
    settle(&mut harness);
    let app = harness.state();
    assert_eq!(
        app.session.workspace.articles().len(),
        1,
        "the dropped folder's article loaded: {:?}",
        app.notices
    );
    // The reader shows it; the harness would have panicked on any glyph missing from the fonts.
    assert!(
        harness
            .query_all_by_label_contains("Seoul Briefing")
            .next()
            .is_some()
    );
    let article = app.view.article.clone().unwrap();
    let text = &app
        .session
        .workspace
        .article(&article)
        .unwrap()
        .article
        .text;
    assert!(text.contains("김정은") && text.contains("Зеленський"));
}

#[test]
fn quitting_the_untouched_demo_asks_nothing_but_a_tagged_demo_asks_to_save() {
    use crosscheck::gui::view_state::{AfterPrompt, Prompt};
    let dir = tempfile::tempdir().unwrap();
    let mut untouched = harness(StartWith::Demo, dir.path());
    settle(&mut untouched);
    assert!(untouched.state().session.workspace.articles().len() == 5);
    assert!(
        !untouched.state().session.is_dirty(),
        "the demo as it loaded has nothing to save"
    );
    untouched.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    untouched.run_steps(2);
    assert!(
        untouched.state().view.prompt.is_none(),
        "no question on quit"
    );

    let dir = tempfile::tempdir().unwrap();
    let mut tagged = harness(StartWith::Demo, dir.path());
    settle(&mut tagged);
    press(&mut tagged, Key::J);
    press(&mut tagged, Key::C);
    assert!(tagged.state().session.is_dirty(), "a tag is work to keep");
    tagged.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    tagged.run_steps(2);
    assert_eq!(
        tagged.state().view.prompt,
        Some(Prompt::UnsavedChanges(AfterPrompt::Quit))
    );
}

#[test]
fn delete_removes_the_selected_claim_moves_on_and_undo_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(StartWith::Demo, dir.path());
    settle(&mut harness);
    let claims = |h: &Harness<'static, WorkbenchApp>| h.state().session.workspace.claims().len();
    let before = claims(&harness);
    press(&mut harness, Key::J);
    press(&mut harness, Key::J);
    let first = harness.state().view.claim.unwrap();
    press(&mut harness, Key::Delete);
    assert_eq!(claims(&harness), before - 1);
    assert!(harness.state().session.workspace.claim(first).is_none());
    let next = harness
        .state()
        .view
        .claim
        .expect("the next claim is selected");
    assert_ne!(next, first);
    assert!(
        harness
            .state()
            .notices
            .last()
            .is_some_and(|n| n.text.starts_with(&format!("Deleted {first}")))
    );
    // The Review menu offers it by its label too.
    harness.get_by_label("Review").click_accesskit();
    harness.run_steps(2);
    harness
        .get_all_by_label_contains("Delete claim")
        .find(|node| {
            !node
                .accesskit_node()
                .label()
                .unwrap_or_default()
                .starts_with('🗑')
        })
        .expect("the menu item")
        .click_accesskit();
    harness.run_steps(2);
    assert_eq!(claims(&harness), before - 2);
    assert!(harness.state().session.workspace.claim(next).is_none());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(claims(&harness), before, "undo brings both back");
    assert!(harness.state().session.workspace.claim(first).is_some());
}

/// Triage with a filter: each C or U takes the claim out of the "Unreviewed" list, and J goes
/// on to the claim after it, not back to the top.
#[test]
fn tagging_in_a_filtered_list_goes_on_to_the_next_claim() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(StartWith::Demo, dir.path());
    harness.state_mut().view.filter.status = Some(ClaimStatus::Unreviewed);
    harness.run_steps(2);
    let rows = |harness: &mut Harness<'static, WorkbenchApp>| {
        let app = harness.state_mut();
        let workspace = app.session.workspace.clone();
        let view = app.view.clone();
        app.caches.claim_rows(&workspace, &view).to_vec()
    };
    let before = rows(&mut harness);
    assert!(before.len() >= 4);
    press(&mut harness, Key::J);
    press(&mut harness, Key::J);
    assert_eq!(harness.state().view.claim, Some(before[1]));
    press(&mut harness, Key::C);
    press(&mut harness, Key::J);
    assert_eq!(
        harness.state().view.claim,
        Some(before[2]),
        "J goes on to the claim after the one just tagged"
    );
    press(&mut harness, Key::U);
    press(&mut harness, Key::K);
    assert_eq!(
        harness.state().view.claim,
        Some(before[0]),
        "K goes back to the claim before it"
    );
}

/// Esc closes the Help and Export windows, as it answers every prompt.
#[test]
fn escape_closes_the_open_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(StartWith::Demo, dir.path());
    press(&mut harness, Key::F1);
    assert!(harness.state().view.show_help);
    press(&mut harness, Key::Escape);
    assert!(
        !harness.state().view.show_help,
        "Esc closed the Help window"
    );

    harness.get_by_label("File").click_accesskit();
    harness.run_steps(2);
    harness
        .get_by_label_contains("Export reviewed set")
        .click_accesskit();
    harness.run_steps(6);
    assert!(harness.state().view.show_export);
    press(&mut harness, Key::Escape);
    assert!(
        !harness.state().view.show_export,
        "Esc closed the Export window"
    );
}

#[test]
fn long_messages_are_read_whole_in_the_message_log() {
    // A file that cannot be read gives a message longer than the status bar.
    let dir = tempfile::tempdir().unwrap();
    let missing = dir
        .path()
        .join("a-folder-with-a-rather-long-name/and-an-article-that-is-not-there-at-all.txt");
    let mut harness = harness(StartWith::Paths(vec![missing]), dir.path());
    let message = harness
        .state()
        .notices
        .last()
        .expect("the failure is reported")
        .text
        .clone();
    assert!(
        message.contains("and-an-article-that-is-not-there-at-all.txt"),
        "{message}"
    );
    harness.get_by_label(&message).click_accesskit();
    harness.run_steps(2);
    assert!(harness.state().view.show_messages, "a click opens the log");
    harness.run_steps(2);
    assert!(
        harness.query_all_by_label("Clear").next().is_some(),
        "the log window is shown"
    );
    assert!(
        harness.query_all_by_label(&message).count() >= 2,
        "the whole message stands in the log, beside the status bar"
    );
    harness.get_by_label("Clear").click();
    harness.run_steps(2);
    assert!(harness.state().notices.is_empty(), "Clear empties the log");
    assert!(harness.query_by_label("No messages yet.").is_some());
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(!harness.state().view.show_messages, "Esc closes the log");
}

#[test]
fn the_filter_bar_is_one_row_in_a_1280_by_720_window() {
    let dir = tempfile::tempdir().unwrap();
    // A little narrower than the screen, as a window with its frame on a 1280 display.
    let harness = gui_support::start(
        Harness::builder().with_size([1240.0, 690.0]),
        StartWith::Demo,
        "tester",
        dir.path(),
    );
    let top = |label: &str| harness.get_by_label(label).rect().top();
    let row = top("Find:");
    for label in ["Entity:", "Status:", "Figures:"] {
        assert!(
            (top(label) - row).abs() < 4.0,
            "{label} is on the Find row ({} vs {row})",
            top(label)
        );
    }
}

/// Shrinking the window shares the new width among the table's columns: the last one ends
/// inside the table's panel, not under the Inspector.
#[test]
fn the_claims_table_follows_the_window_when_it_shrinks() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = gui_support::start(
        Harness::builder().with_size([1920.0, 1050.0]),
        StartWith::Demo,
        "tester",
        dir.path(),
    );
    harness.set_size(egui::vec2(1240.0, 690.0));
    harness.run_steps(4);
    let article = harness
        .query_all_by_label_contains("Article")
        .find(|node| {
            let label = node.accesskit_node().label().unwrap_or_default();
            label == "Article" || label.starts_with("Article ⏶") || label.starts_with("Article ⏷")
        })
        .expect("the Article column's header")
        .rect();
    let inspector = harness.get_by_label("Inspector").rect();
    assert!(
        article.right() <= inspector.left(),
        "the Article column ({article:?}) is left of the Inspector ({inspector:?})"
    );
}

/// Without a desktop file dialog, the in-app browser opens several articles (folders
/// browsed, files selected with Ctrl), completes a typed path with Tab, suggests a name for
/// Save as, asks before replacing, and closes on Esc.
#[test]
fn the_file_browser_opens_articles_and_saves_under_a_suggested_name() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(inbox.join("older")).unwrap();
    std::fs::write(inbox.join("a.txt"), "Kirby said 3,000 troops arrived.\n").unwrap();
    std::fs::write(inbox.join("b.txt"), "Reuters said 2,000 troops left.\n").unwrap();
    std::fs::write(inbox.join("scan.pdf"), "%PDF").unwrap();
    let mut harness = harness(StartWith::Empty, dir.path());
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .handle(&ctx, Intent::Browse(PathRequest::OpenArticles));
    harness.run_steps(2);
    assert!(harness.query_by_label("Open articles").is_some());

    // Type the start of the folder's path and complete it with Tab.
    harness.get_by_label("Path").focus();
    harness.run_steps(1);
    harness
        .get_by_label("Path")
        .type_text(&format!("{}/inb", dir.path().display()));
    harness.run_steps(1);
    press(&mut harness, Key::Tab);
    let typed = harness.state().view.browser.as_ref().unwrap().path.clone();
    assert!(
        typed.ends_with("/inbox/"),
        "Tab completed the folder: {typed}"
    );
    press(&mut harness, Key::Enter);
    let listed: Vec<String> = harness
        .state()
        .view
        .browser
        .as_ref()
        .unwrap()
        .entries
        .iter()
        .map(|e| e.name.clone())
        .collect();
    assert_eq!(listed, ["older", "a.txt", "b.txt"], "folders first; no PDF");

    // Click one article, Ctrl-click the other, open both.
    harness.get_by_label_contains("a.txt").click();
    harness.run_steps(2);
    harness
        .get_by_label_contains("b.txt")
        .click_modifiers(Modifiers::COMMAND);
    harness.run_steps(2);
    harness.get_by_label("Open").click();
    harness.run_steps(2);
    assert!(harness.state().view.browser.is_none(), "the browser closed");
    settle(&mut harness);
    assert_eq!(harness.state().session.workspace.articles().len(), 2);

    // Save as: the name is suggested; an existing file is replaced only when confirmed.
    std::fs::write(inbox.join("workspace.json"), "{}").unwrap();
    harness
        .state_mut()
        .handle(&ctx, Intent::Browse(PathRequest::SaveAs));
    harness.run_steps(2);
    {
        let browser = harness.state().view.browser.as_ref().unwrap();
        assert_eq!(browser.path, "workspace.json", "the name is suggested");
        assert!(browser.folder.ends_with("inbox"), "in the folder last used");
    }
    harness.get_by_label("Save").click();
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("already exists").is_some());
    harness.get_by_label("Replace").click();
    harness.run_steps(2);
    settle(&mut harness);
    let saved = std::fs::read_to_string(inbox.join("workspace.json")).unwrap();
    assert!(
        saved.contains("Kirby"),
        "the workspace replaced the old file"
    );

    // Esc closes the browser without choosing anything.
    harness
        .state_mut()
        .handle(&ctx, Intent::Browse(PathRequest::OpenWorkspace));
    harness.run_steps(2);
    press(&mut harness, Key::Escape);
    assert!(harness.state().view.browser.is_none());
    assert_eq!(harness.state().session.workspace.articles().len(), 2);
}

/// A text wrapped at a fixed width (wire copy, mail) reads as paragraphs: the lines of one
/// paragraph flow on one line of the reader, and selection still maps to the text.
#[test]
fn hard_line_breaks_inside_a_paragraph_are_reflowed() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_article(
        dir.path(),
        "wire.txt",
        "Wire copy\n\n\
         The Pentagon said on Tuesday that about 10,000 North Korean\n\
         troops had moved to the Kursk region, where they were\n\
         expected to join Russian units in the coming weeks, and\n\
         that the figure could grow.\n",
    );
    let (_, text) = shown_text(&harness);
    let (end_of_first, start_of_second) = {
        let reader = &harness.state().caches.reader;
        let at = |needle: &str| reader.screen_pos_of(text.find(needle).unwrap()).unwrap();
        (at("Korean"), at("troops had"))
    };
    assert!(
        (end_of_first.y - start_of_second.y).abs() < 1.0 && start_of_second.x > end_of_first.x,
        "the second line of the paragraph goes on after the first ({end_of_first:?}, {start_of_second:?})"
    );
    // Dragging across the joined break selects the words on both sides.
    let start = text.find("North").unwrap() + 2;
    let end = text.find("troops had").unwrap() + 3;
    assert_eq!(
        selected_by_dragging(&mut harness, &text, start, end),
        "North Korean\ntroops"
    );
}

/// A claim whose evidence links quote long claims keeps the Inspector's width: the links are
/// cut to the panel, not the panel stretched to them.
#[test]
fn long_evidence_links_do_not_widen_the_inspector() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(StartWith::Demo, dir.path());
    let ctx = harness.ctx.clone();
    let claims: Vec<_> = {
        let workspace = &harness.state().session.workspace;
        let mut claims: Vec<_> = workspace.claims().collect();
        claims.sort_by_key(|c| std::cmp::Reverse(c.anchor.quote.exact.len()));
        claims.iter().map(|c| c.id).collect()
    };
    let (plain, long_ones) = (claims[claims.len() - 1], &claims[..3]);
    harness.state_mut().handle(&ctx, Intent::SelectClaim(plain));
    harness.run_steps(3);
    let width =
        |harness: &Harness<'static, WorkbenchApp>| harness.get_by_label("Note").rect().width();
    let before = width(&harness);
    for &long in long_ones {
        harness.state_mut().handle(
            &ctx,
            Intent::Apply(crosscheck::workspace::Action::Link {
                from: plain,
                relation: crosscheck::workspace::claim::Relation::Supports,
                to: long,
            }),
        );
    }
    harness.run_steps(4);
    assert!(
        harness.query_all_by_label_contains("supports c").count() >= 3,
        "the links are shown"
    );
    let after = width(&harness);
    assert!(
        after <= before + 1.0,
        "the Inspector kept its width: {before} before the links, {after} after"
    );
}

/// While a large folder loads in the background, the menus answer at once and articles keep
/// landing: the window takes the loaded articles a slice per frame.
#[test]
fn menus_answer_while_a_large_folder_loads() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let sample = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample_data/001_e40d02d29da63f7d.txt"
    ))
    .unwrap();
    for n in 0..1_500 {
        std::fs::write(
            corpus.join(format!("{n:04}.txt")),
            format!("Copy {n}\n\n{sample}"),
        )
        .unwrap();
    }
    let mut harness = harness(StartWith::Empty, dir.path());
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .handle(&ctx, Intent::LoadPaths(vec![corpus]));
    // Wait until some articles have landed, so the window is busy taking them in.
    gui_support::wait_until(&mut harness, |app| {
        app.session.workspace.articles().len() >= 20
    });
    assert!(harness.state().jobs.loading.is_some(), "still loading");
    let before = harness.state().session.workspace.articles().len();
    harness.get_by_label("File").click_accesskit();
    harness.run_steps(2);
    assert!(
        harness.query_by_label_contains("Open articles").is_some(),
        "the File menu opened within two frames, mid-load"
    );
    assert!(
        harness.state().jobs.loading.is_some(),
        "the load was still running"
    );
    std::thread::sleep(std::time::Duration::from_millis(300));
    harness.run_steps(2);
    let after = harness.state().session.workspace.articles().len();
    assert!(
        after > before,
        "articles kept landing meanwhile ({before} → {after})"
    );
    harness.state_mut().handle(&ctx, Intent::CancelLoad);
    settle(&mut harness);
}
