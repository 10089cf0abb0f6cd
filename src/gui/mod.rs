//! The workbench: an eframe application over the library. Panels read the workspace and push
//! intents; every change to the workspace is an `Action` applied by the app in one place.

pub mod app;
pub mod command;
pub mod demo;
pub mod fonts;
pub mod jobs;
pub mod panels;
pub mod session;
pub mod theme;
pub mod view_state;
pub mod widgets;

pub use app::{Settings, StartWith, WorkbenchApp};

/// Opens the workbench window and runs it until it closes.
pub fn run(start: StartWith) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Crosscheck")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "Crosscheck",
        options,
        Box::new(move |cc| Ok(Box::new(WorkbenchApp::new(cc, start)))),
    )
}
