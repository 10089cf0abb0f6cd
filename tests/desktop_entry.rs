//! The freedesktop entry and icons in `assets/` agree with the binary and the window they
//! launch: the command exists, the icon files exist, the window class matches the app id.
#![cfg(feature = "gui")]

use std::collections::HashMap;
use std::path::Path;

fn assets() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/assets"))
}

/// The `[Desktop Entry]` group's keys.
fn desktop_entry() -> HashMap<String, String> {
    let text = std::fs::read_to_string(assets().join("crosscheck.desktop")).unwrap();
    let mut lines = text.lines().filter(|line| !line.starts_with('#'));
    assert_eq!(
        lines.next(),
        Some("[Desktop Entry]"),
        "the group comes first"
    );
    lines
        .take_while(|line| !line.starts_with('['))
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let (key, value) = line.split_once('=').expect("key=value");
            (key.to_owned(), value.to_owned())
        })
        .collect()
}

#[test]
fn the_entry_has_what_launchers_need() {
    let entry = desktop_entry();
    for key in ["Type", "Name", "Comment", "Exec", "Icon", "Categories"] {
        assert!(entry.contains_key(key), "missing {key}");
    }
    assert_eq!(entry["Type"], "Application");
    assert_eq!(entry["Terminal"], "false");
    assert!(entry["Categories"].ends_with(';'));
}

#[test]
fn the_window_class_is_the_app_id() {
    assert_eq!(desktop_entry()["StartupWMClass"], crosscheck::gui::APP_ID);
}

#[test]
fn the_icon_exists_as_svg_and_png() {
    let icon = &desktop_entry()["Icon"];
    let svg = std::fs::read_to_string(assets().join(format!("icons/{icon}.svg"))).unwrap();
    assert!(svg.contains("<svg"), "an SVG document");
    let png = std::fs::read(assets().join(format!("icons/{icon}.png"))).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG file");
}

#[test]
fn exec_runs_a_command_the_binary_has() {
    let exec = &desktop_entry()["Exec"];
    let mut words = exec.split_whitespace();
    assert_eq!(words.next(), Some("crosscheck"));
    let subcommand = words.next().expect("a subcommand");
    assert_eq!(words.next(), Some("%F"), "files from the launcher");
    assert_eq!(words.next(), None);
    // The subcommand exists and takes no file as well as many (a launch with no file).
    let help = assert_cmd::Command::cargo_bin("crosscheck")
        .unwrap()
        .args([subcommand, "--help"])
        .output()
        .unwrap();
    assert!(help.status.success());
    let usage = String::from_utf8(help.stdout).unwrap();
    assert!(usage.contains("[PATHS]..."), "paths are optional: {usage}");
}
