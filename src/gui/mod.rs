//! The workbench: an eframe application over the library. Panels read the workspace and push
//! intents; every change to the workspace is an `Action` applied by the app in one place.

pub mod app;
pub mod command;
pub mod demo;
pub mod file_browser;
pub mod fonts;
pub mod intent;
pub mod jobs;
pub mod notice;
pub mod panels;
pub mod session;
pub mod settings;
pub mod theme;
pub mod view_state;
pub mod widgets;
pub mod words;

pub use app::{StartWith, WorkbenchApp};
pub use settings::Settings;

/// The window's application id (Wayland `app_id`, X11 `WM_CLASS`): the desktop entry
/// `assets/crosscheck.desktop` names it as `StartupWMClass` so docks group the window with it.
pub const APP_ID: &str = "crosscheck";

/// The window icon, the PNG rendering of `assets/icons/crosscheck.svg`.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/crosscheck.png");

/// The decoded window icon; eframe's default if it could not be decoded (a test checks it can).
fn window_icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(ICON_PNG)
        .inspect_err(|error| log::warn!("the window icon could not be decoded: {error}"))
        .ok()
}

/// Opens the workbench window and runs it until it closes.
pub fn run(start: StartWith) -> eframe::Result {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Crosscheck")
        .with_app_id(APP_ID)
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size([800.0, 500.0])
        .with_drag_and_drop(true);
    if let Some(icon) = window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "Crosscheck",
        options,
        Box::new(move |cc| Ok(Box::new(WorkbenchApp::new(cc, start)))),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_decodes_to_a_square() {
        let icon = super::window_icon().expect("the bundled PNG decodes");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    }
}
