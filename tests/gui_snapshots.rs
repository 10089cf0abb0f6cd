//! Image snapshots of the workbench's main screens (kittest's wgpu renderer; Mesa's software
//! Vulkan in CI). Update with `UPDATE_SNAPSHOTS=1 cargo test --test gui_snapshots` and look
//! at the new images before committing them.
#![cfg(feature = "gui")]

mod gui_support;

use chrono::{FixedOffset, TimeZone};
use crosscheck::gui::StartWith;
use crosscheck::gui::app::{Intent, WorkbenchApp};
use crosscheck::gui::jobs::Task;
use crosscheck::workspace::Action;
use crosscheck::workspace::claim::ClaimStatus;
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotOptions};

/// Whether a Vulkan loader and driver are installed (Mesa's lavapipe in CI). Without them a
/// developer's `cargo test` skips the images with a notice; CI (`CI=true`) always renders.
fn can_render() -> bool {
    let loader = [
        "/usr/lib/x86_64-linux-gnu/libvulkan.so.1",
        "/usr/lib/aarch64-linux-gnu/libvulkan.so.1",
        "/usr/lib/libvulkan.so.1",
        "/usr/lib64/libvulkan.so.1",
    ]
    .iter()
    .any(|p| std::path::Path::new(p).exists());
    let driver = std::fs::read_dir("/usr/share/vulkan/icd.d").is_ok_and(|mut d| d.next().is_some());
    if loader && driver || std::env::var_os("CI").is_some() {
        return true;
    }
    eprintln!(
        "SKIPPED image snapshots: no Vulkan driver (apt-get install mesa-vulkan-drivers libvulkan1)"
    );
    false
}

/// The software rasterizer differs by a stray anti-aliased pixel between runs now and then;
/// anything more than a handful of pixels is a real change.
fn options() -> SnapshotOptions {
    SnapshotOptions::new().max_failed_pixels(8)
}

fn harness(dark: bool, dir: &std::path::Path) -> Harness<'static, WorkbenchApp> {
    let mut harness = gui_support::start(
        gui_support::builder().wgpu(),
        StartWith::Demo,
        "snapshot",
        dir,
    );
    harness.ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    // Review two claims at a fixed time so the status history renders the same every run.
    let at = FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2024, 10, 17, 9, 30, 0)
        .unwrap();
    let ids: Vec<_> = harness
        .state()
        .session
        .workspace
        .claims()
        .take(3)
        .map(|c| c.id)
        .collect();
    let ctx = harness.ctx.clone();
    for (id, status) in [
        (ids[1], ClaimStatus::Confirmed),
        (ids[2], ClaimStatus::Unconfirmed),
    ] {
        harness.state_mut().handle(
            &ctx,
            Intent::Apply(Action::SetStatus {
                claim: id,
                status,
                analyst: "snapshot".into(),
                at,
            }),
        );
    }
    // Selected without scrolling the reader to it, so every run shows the same part of the text.
    harness.state_mut().view.claim = Some(ids[2]);
    harness.state_mut().view.scroll_to_claim = false;
    harness.state_mut().view.scroll_to_offset = Some(0);
    // Panels settle their sizes over the first frames; give them time before any image.
    harness.run_steps(30);
    harness
}

#[test]
fn workbench_light() {
    if !can_render() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(false, dir.path());
    harness.snapshot_options("workbench_light", &options());
}

#[test]
fn workbench_dark_with_help() {
    if !can_render() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(true, dir.path());
    harness.key_press(egui::Key::F1);
    harness.run_steps(6);
    assert!(harness.query_by_label("Next claim").is_some());
    harness.snapshot_options("workbench_dark_help", &options());
}

#[test]
fn figures_view() {
    if !can_render() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(false, dir.path());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    gui_support::wait_until(&mut harness, |app| {
        app.caches.crosscheck.is_some() && !app.jobs.is_running(Task::Compare)
    });
    harness.run_steps(6);
    harness.snapshot_options("figures_view", &options());
}
