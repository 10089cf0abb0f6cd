//! Shared setup for the workbench tests: an app on the demo (or other) start, and waiting
//! for its background work.
#![allow(dead_code)] // each test file uses a different part

use std::path::Path;
use std::time::{Duration, Instant};

use crosscheck::gui::{Settings, StartWith, WorkbenchApp};
use egui_kittest::{Harness, HarnessBuilder};

/// Settings for a test analyst, past the first start.
pub fn settings(analyst: &str) -> Settings {
    Settings {
        analyst: analyst.to_owned(),
        started_before: true,
        ..Settings::default()
    }
}

/// A 1400×900 harness builder.
pub fn builder() -> HarnessBuilder<WorkbenchApp> {
    Harness::builder().with_size([1400.0, 900.0])
}

/// Builds the app from `builder`, starting with `start`, its recovery file in `dir`, and
/// waits until its background loading is done.
pub fn start(
    builder: HarnessBuilder<WorkbenchApp>,
    start: StartWith,
    analyst: &str,
    dir: &Path,
) -> Harness<'static, WorkbenchApp> {
    let settings = settings(analyst);
    let recovery = dir.join("recovery.json");
    let mut harness = builder.build_eframe(move |cc| {
        WorkbenchApp::with_settings(&cc.egui_ctx, start, settings, recovery)
    });
    wait_until(&mut harness, |app| !busy(app));
    harness
}

/// Whether the app still has background work running.
pub fn busy(app: &WorkbenchApp) -> bool {
    app.jobs.is_busy()
}

/// Steps frames until `done` holds (a minute at most), then lets the UI settle.
pub fn wait_until(
    harness: &mut Harness<'static, WorkbenchApp>,
    done: impl Fn(&WorkbenchApp) -> bool,
) {
    let deadline = Instant::now() + Duration::from_mins(1);
    loop {
        harness.step();
        if done(harness.state()) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the app's background work did not finish"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run_steps(3);
}
