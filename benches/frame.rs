//! CPU time per workbench frame with 1,000 articles and 20,000 claims loaded, while scrolling
//! the claims table and the reader (headless: layout and tessellation, no GPU). Aim: median
//! under 4 ms.

#![allow(missing_docs)] // criterion_group! generates an undocumented function

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::gui::session::Session;
use crosscheck::gui::{Settings, StartWith, WorkbenchApp};
use egui::{Event, MouseWheelSource, MouseWheelUnit, Pos2, RawInput, Rect, TouchPhase, vec2};

const SCREEN: Rect = Rect::from_min_max(Pos2::ZERO, Pos2::new(1400.0, 900.0));

fn wheel(over: Pos2, down: bool) -> Vec<Event> {
    let delta = vec2(0.0, if down { -60.0 } else { 60.0 });
    vec![
        Event::PointerMoved(over),
        Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta,
            phase: TouchPhase::Move,
            source: MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        },
    ]
}

fn frame_times(c: &mut Criterion) {
    let recovery = tempfile::tempdir().unwrap();
    let ctx = egui::Context::default();
    let settings = Settings {
        started_before: true,
        ..Settings::default()
    };
    let mut app = WorkbenchApp::with_settings(
        &ctx,
        StartWith::Empty,
        settings,
        recovery.path().join("recovery.json"),
    );
    app.session = Session::new(support::synthetic_workspace(), None);
    app.view.article = app
        .session
        .workspace
        .articles()
        .nth(500)
        .map(|a| a.article.id.clone());
    app.view.claim = app.session.workspace.claims().nth(10_000).map(|c| c.id);

    let mut frame = |events: Vec<Event>| {
        let input = RawInput {
            screen_rect: Some(SCREEN),
            events,
            ..RawInput::default()
        };
        let output = ctx.run_ui(input, |ui| app.frame_ui(ui));
        std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
    };
    for _ in 0..5 {
        frame(Vec::new()); // lay out and fill the caches once
    }

    let mut group = c.benchmark_group("frame 1000 articles 20000 claims");
    let mut step = 0u32;
    // The claims table sits below the reader, the reader in the middle.
    let table = Pos2::new(600.0, 780.0);
    let reader = Pos2::new(600.0, 300.0);
    group.bench_function("scroll claims table", |b| {
        b.iter(|| {
            step += 1;
            frame(wheel(table, step % 200 < 100));
        });
    });
    group.bench_function("scroll reader", |b| {
        b.iter(|| {
            step += 1;
            frame(wheel(reader, step % 40 < 20));
        });
    });
    group.bench_function("idle", |b| b.iter(|| frame(Vec::new())));
    group.finish();
}

criterion_group!(benches, frame_times);
criterion_main!(benches);
