//! What users of command-line tools rely on: exit codes 0/1/2, data on stdout and diagnostics
//! on stderr (`-q`, `-v`, `RUST_LOG`), shell completions and the man page.

use std::fs;
use std::io::Read;
use std::process::Stdio;

use assert_cmd::Command;
use predicates::prelude::*;

fn crosscheck() -> Command {
    Command::cargo_bin("crosscheck").expect("the binary is built")
}

/// A folder with one good article and one binary file.
fn mixed_folder() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    fs::write(
        folder.path().join("story.txt"),
        "Officials said on Monday that 1,200 people had left the town, according to the ministry.\n",
    )
    .unwrap();
    fs::write(
        folder.path().join("noise.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 3],
    )
    .unwrap();
    folder
}

#[test]
fn exit_code_0_when_everything_worked() {
    crosscheck()
        .args(["extract", "sample_data"])
        .assert()
        .code(0);
}

#[test]
fn exit_code_1_when_some_inputs_failed_and_the_others_were_processed() {
    let folder = mixed_folder();
    let output = crosscheck()
        .arg("extract")
        .arg(folder.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    assert_eq!(json["articles"].as_array().unwrap().len(), 1);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("noise.txt"),
        "the failed input is named: {stderr}"
    );
}

#[test]
fn exit_code_2_for_usage_errors_and_fatal_ones() {
    // A usage error (clap's own).
    crosscheck()
        .args(["extract", "--no-such-flag", "sample_data"])
        .assert()
        .code(2);
    crosscheck().args(["export"]).assert().code(2);
    // Nothing processed: every input failed.
    let folder = mixed_folder();
    fs::remove_file(folder.path().join("story.txt")).unwrap();
    crosscheck()
        .arg("extract")
        .arg(folder.path())
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("nothing processed"));
    crosscheck()
        .args(["extract", "no/such/file.txt"])
        .assert()
        .code(2);
    // An unreadable workspace.
    let broken = folder.path().join("broken.json");
    fs::write(&broken, "{ not json").unwrap();
    crosscheck()
        .args(["workspace", "show"])
        .arg(&broken)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.json"));
}

#[test]
fn help_documents_the_exit_codes() {
    crosscheck().arg("--help").assert().code(0).stdout(
        predicate::str::contains("Exit codes:")
            .and(predicate::str::contains("1  some inputs failed"))
            .and(predicate::str::contains("2  usage error")),
    );
}

#[test]
fn reports_go_to_stderr_and_quiet_silences_them() {
    let folder = tempfile::tempdir().unwrap();
    let workspace = folder.path().join("ws.json");
    crosscheck()
        .args(["workspace", "new"])
        .arg(&workspace)
        .arg("sample_data")
        .assert()
        .code(0)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("created").and(predicate::str::contains("5 articles")));
    crosscheck()
        .args(["-q", "workspace", "new", "--force"])
        .arg(&workspace)
        .arg("sample_data")
        .assert()
        .code(0)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::is_empty());
    // Errors still show under -q.
    crosscheck()
        .args(["-q", "workspace", "show", "no/such/ws.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/ws.json"));
}

#[test]
fn verbose_and_rust_log_control_the_detail() {
    let story = "sample_data";
    crosscheck()
        .args(["extract", story])
        .assert()
        .code(0)
        .stderr(predicate::str::is_empty());
    crosscheck()
        .args(["-v", "extract", story])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("debug:").and(predicate::str::contains("claims")));
    crosscheck()
        .env("RUST_LOG", "crosscheck=debug")
        .args(["extract", story])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("debug:"));
    let folder = mixed_folder();
    crosscheck()
        .env("RUST_LOG", "off")
        .arg("extract")
        .arg(folder.path())
        .assert()
        .code(1)
        .stderr(predicate::str::is_empty());
}

#[test]
fn completions_for_every_shell_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = crosscheck().args(["completions", shell]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        for word in ["crosscheck", "extract", "workspace", "export", "compare"] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    crosscheck().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn completions_into_a_closed_pipe_do_not_panic() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("crosscheck"))
        .args(["completions", "zsh"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // `| head` that stopped reading
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn the_man_page_is_roff_with_every_command() {
    let output = crosscheck().arg("manpage").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(page.contains(".TH crosscheck 1"), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH SUBCOMMANDS", "Exit codes:"] {
        assert!(page.contains(section), "man page lacks {section}");
    }
    let folder = tempfile::tempdir().unwrap();
    let pages = folder.path().join("man1");
    crosscheck()
        .args(["manpage", "--dir"])
        .arg(&pages)
        .assert()
        .code(0);
    for name in [
        "crosscheck.1",
        "crosscheck-extract.1",
        "crosscheck-workspace-new.1",
    ] {
        let page = fs::read_to_string(pages.join(name)).unwrap();
        assert!(page.starts_with(".ie") || page.contains(".TH"), "{name}");
    }
}
