//! The workbench while it loads 10,000 articles, and after: every frame is drawn as the
//! window would draw it (headless: layout and tessellation, no GPU), about 60 times a second,
//! while the background load runs.
//!
//! Prints the longest frames during the load (the UI thread must never wait: the progress
//! bar moves and menus answer several times a second), how often the progress shown changed,
//! and then the median frame with all 10,000 articles loaded, idle and scrolling the claims
//! table (aim: under 8 ms).
//!
//! `cargo bench --bench loading` (optionally `-- 2000` for another corpus size).

use std::time::{Duration, Instant};

use crosscheck::gui::{Settings, StartWith, WorkbenchApp};
use egui::{Event, MouseWheelSource, MouseWheelUnit, Pos2, RawInput, Rect, TouchPhase, vec2};

const SCREEN: Rect = Rect::from_min_max(Pos2::ZERO, Pos2::new(1280.0, 720.0));
const FRAME_INTERVAL: Duration = Duration::from_millis(16);

fn main() {
    let articles: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let corpus = tempfile::tempdir().expect("a temporary folder");
    let samples: Vec<String> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/sample_data"))
            .expect("the sample articles")
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
            .map(|e| std::fs::read_to_string(e.path()).expect("a sample"))
            .collect();
    for n in 0..articles {
        // Numbered, so every copy is a different text (the workspace refuses duplicates).
        let text = format!("Copy {n}\n\n{}", samples[n % samples.len()]);
        std::fs::write(corpus.path().join(format!("{n:05}.txt")), text).expect("written");
    }

    let state = tempfile::tempdir().expect("a temporary folder");
    let ctx = egui::Context::default();
    let settings = Settings {
        started_before: true,
        ..Settings::default()
    };
    let mut app = WorkbenchApp::with_settings(
        &ctx,
        StartWith::Paths(vec![corpus.path().to_path_buf()]),
        settings,
        state.path().join("recovery.json"),
    );
    let frame = |app: &mut WorkbenchApp, events: Vec<Event>| {
        let input = RawInput {
            screen_rect: Some(SCREEN),
            events,
            ..RawInput::default()
        };
        let started = Instant::now();
        let output = ctx.run_ui(input, |ui| app.frame_ui(ui));
        std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
        started.elapsed()
    };

    // The load, drawn as it goes.
    let started = Instant::now();
    let mut frames = Vec::new();
    let mut shown = (0, 0);
    let mut last_change = Instant::now();
    let mut longest_still = Duration::ZERO;
    while app.jobs.is_busy() || app.session.workspace.articles().len() < articles {
        let took = frame(&mut app, Vec::new());
        frames.push(took);
        let progress = app
            .jobs
            .loading
            .as_ref()
            .map(crosscheck::gui::jobs::LoadProgress::counts);
        if let Some(counts) = progress
            && counts != shown
        {
            longest_still = longest_still.max(last_change.elapsed());
            shown = counts;
            last_change = Instant::now();
        }
        if started.elapsed() > Duration::from_mins(10) {
            eprintln!("gave up after 10 minutes");
            break;
        }
        std::thread::sleep(FRAME_INTERVAL.saturating_sub(took));
    }
    let load = started.elapsed();
    frames.sort_unstable();
    let percentile = |p: f64| {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )]
        let index = ((frames.len() - 1) as f64 * p).round() as usize;
        frames[index]
    };
    println!(
        "load {articles} articles: {:.1} s, {} frames drawn meanwhile; frame median {:.1} ms, \
         p99 {:.1} ms, longest {:.1} ms; longest time the progress shown stood still {:.2} s",
        load.as_secs_f64(),
        frames.len(),
        ms(percentile(0.5)),
        ms(percentile(0.99)),
        ms(*frames.last().unwrap_or(&Duration::ZERO)),
        longest_still.as_secs_f64(),
    );

    // Loaded: idle frames and scrolling the claims table.
    for _ in 0..10 {
        frame(&mut app, Vec::new());
    }
    let idle = median((0..200).map(|_| frame(&mut app, Vec::new())).collect());
    let table = Pos2::new(600.0, 600.0);
    let scroll = median(
        (0..200)
            .map(|step| frame(&mut app, wheel(table, step % 100 < 50)))
            .collect(),
    );
    println!(
        "{} articles, {} claims loaded: frame median idle {:.2} ms, scrolling the claims table {:.2} ms",
        app.session.workspace.articles().len(),
        app.session.workspace.claims().len(),
        ms(idle),
        ms(scroll),
    );
}

fn wheel(over: Pos2, down: bool) -> Vec<Event> {
    vec![
        Event::PointerMoved(over),
        Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta: vec2(0.0, if down { -60.0 } else { 60.0 }),
            phase: TouchPhase::Move,
            source: MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        },
    ]
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}
