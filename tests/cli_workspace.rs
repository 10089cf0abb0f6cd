//! The workspace commands as a script would use them: `workspace new|show|add|refresh`,
//! `tag` and `export`, and what they do with files that are broken or newer.

mod workspace_support;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use workspace_support::copy_sample_articles;

fn crosscheck() -> Command {
    let mut command = Command::cargo_bin("crosscheck").unwrap();
    command.env("USER", "carol");
    command
}

fn sample_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data")
}

/// A folder holding a copy of the sample articles and a workspace made from them.
fn workspace_from_samples() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let articles = copy_sample_articles(folder.path());
    let workspace = folder.path().join("review.json");
    crosscheck()
        .args(["workspace", "new"])
        .arg(&workspace)
        .arg(&articles)
        .assert()
        .success()
        .stderr(predicate::str::contains("created").and(predicate::str::contains("5 articles")));
    (folder, workspace)
}

fn claims(workspace: &Path) -> Vec<Value> {
    let output = crosscheck()
        .args(["workspace", "show", "--format", "json"])
        .arg(workspace)
        .output()
        .unwrap();
    assert!(output.status.success());
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    document["claims"].as_array().unwrap().clone()
}

#[test]
fn new_tag_show_and_export_every_format() {
    let (folder, workspace) = workspace_from_samples();
    let all = claims(&workspace);
    assert!(all.len() > 10);
    assert!(all.iter().all(|claim| claim["status"] == "unreviewed"));
    let stored: Value = serde_json::from_slice(&fs::read(&workspace).unwrap()).unwrap();
    let path = stored["articles"][0]["article"]["path"].as_str().unwrap();
    assert!(
        path.starts_with("articles/"),
        "article paths are stored relative to the workspace: {path}"
    );

    crosscheck()
        .args(["tag"])
        .arg(&workspace)
        .args([
            "c1",
            "confirmed",
            "--note",
            "Matches the NIS briefing.",
            "--analyst",
            "alice",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "c1 unreviewed → confirmed (alice)",
        ));
    crosscheck()
        .arg("tag")
        .arg(&workspace)
        .args(["c2", "unconfirmed"])
        .assert()
        .success();

    crosscheck()
        .args(["workspace", "show"])
        .arg(&workspace)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("1 confirmed, 1 unconfirmed")
                .and(predicate::str::is_match(r"(?m)^c1 +confirmed ").unwrap()),
        );
    let tagged = claims(&workspace);
    assert_eq!(tagged[0]["reviewed_by"], "alice");
    assert_eq!(tagged[0]["note"], "Matches the NIS briefing.");
    assert_eq!(
        tagged[1]["reviewed_by"], "carol",
        "the analyst defaults to $USER"
    );
    assert!(
        tagged[1]["reviewed_at"].as_str().unwrap().len() == 25,
        "RFC 3339 with an offset"
    );

    for (format, marker) in [
        ("json", "\"crosscheck-claims\""),
        ("csv", "id,article,quote,speaker,values,status"),
        ("md", "# Crosscheck brief"),
        ("html", "<!DOCTYPE html>"),
        ("w3c", "\"AnnotationCollection\""),
    ] {
        let out = folder.path().join(format!("export.{format}"));
        crosscheck()
            .arg("export")
            .arg(&workspace)
            .args(["--format", format, "-o"])
            .arg(&out)
            .assert()
            .success()
            .stderr(predicate::str::contains("wrote 2 claims"));
        let written = fs::read_to_string(&out).unwrap();
        assert!(written.contains(marker), "{format}: {written}");
        let to_stdout = crosscheck()
            .arg("export")
            .arg(&workspace)
            .args(["--format", format])
            .output()
            .unwrap();
        assert!(
            to_stdout.stdout == written.as_bytes(),
            "{format}: stdout and file agree"
        );
    }
    let everything = crosscheck()
        .arg("export")
        .arg(&workspace)
        .args(["--format", "json", "--all"])
        .output()
        .unwrap();
    let everything: Value = serde_json::from_slice(&everything.stdout).unwrap();
    assert_eq!(everything["claims"].as_array().unwrap().len(), all.len());
}

#[test]
fn new_refuses_to_replace_a_file_without_force() {
    let (_folder, workspace) = workspace_from_samples();
    let before = fs::read(&workspace).unwrap();
    crosscheck()
        .args(["workspace", "new"])
        .arg(&workspace)
        .arg(sample_data())
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("already exists").and(predicate::str::contains("--force")),
        );
    assert!(fs::read(&workspace).unwrap() == before);
}

#[test]
fn new_with_nothing_loadable_writes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let workspace = folder.path().join("review.json");
    crosscheck()
        .args(["workspace", "new"])
        .arg(&workspace)
        .arg(folder.path().join("missing.txt"))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("missing.txt")
                .and(predicate::str::contains("not created: nothing processed")),
        );
    assert!(!workspace.exists());
}

#[test]
fn failed_commands_name_the_file_and_leave_it_byte_for_byte() {
    let (folder, workspace) = workspace_from_samples();
    let good = fs::read(&workspace).unwrap();
    let name = workspace.display().to_string();

    crosscheck()
        .arg("tag")
        .arg(&workspace)
        .args(["c9999", "confirmed"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(format!(
            "{name}: there is no claim c9999; the file is unchanged"
        )));
    assert!(fs::read(&workspace).unwrap() == good);
    assert!(
        !folder.path().join("review.json.bak").exists(),
        "nothing was saved"
    );

    let mut newer: Value = serde_json::from_slice(&good).unwrap();
    newer["version"] = (crosscheck::workspace::persist::VERSION + 1).into();
    let broken: [(&str, Vec<u8>, &str); 4] = [
        (
            "truncated",
            good[..good.len() * 2 / 3].to_vec(),
            "the file ends too early",
        ),
        (
            "corrupt",
            good.iter()
                .map(|&b| if b == b'"' { b'\'' } else { b })
                .collect(),
            "not valid JSON at line 2, column 3",
        ),
        (
            "newer",
            serde_json::to_vec(&newer).unwrap(),
            "this workspace was made by a newer Crosscheck",
        ),
        ("empty", Vec::new(), "the file is empty"),
    ];
    for (case, bytes, reason) in broken {
        fs::write(&workspace, &bytes).unwrap();
        for args in [
            vec!["tag", &name, "c1", "confirmed"],
            vec!["workspace", "show", &name],
            vec!["export", &name, "--format", "csv"],
            vec!["workspace", "refresh", &name],
            vec!["workspace", "add", &name, "sample_data"],
        ] {
            crosscheck()
                .args(&args)
                .assert()
                .failure()
                .stdout(predicate::str::is_empty())
                .stderr(predicate::str::contains(format!("{name}: {reason}")));
            assert!(
                fs::read(&workspace).unwrap() == bytes,
                "{case}: {args:?} left the file as it was"
            );
        }
    }
}

#[test]
fn export_never_overwrites_the_workspace() {
    let (_folder, workspace) = workspace_from_samples();
    let before = fs::read(&workspace).unwrap();
    crosscheck()
        .arg("export")
        .arg(&workspace)
        .args(["--format", "csv", "-o"])
        .arg(&workspace)
        .assert()
        .failure()
        .stderr(predicate::str::contains("this is the workspace itself"));
    assert!(fs::read(&workspace).unwrap() == before);
}

#[test]
fn refresh_reanchors_changed_articles_and_lists_orphans() {
    let (folder, workspace) = workspace_from_samples();
    let first = claims(&workspace)[0].clone();
    let quote = first["quote"].as_str().unwrap().to_owned();
    crosscheck()
        .arg("tag")
        .arg(&workspace)
        .args(["c1", "confirmed"])
        .assert()
        .success();

    crosscheck()
        .args(["workspace", "refresh"])
        .arg(&workspace)
        .assert()
        .success()
        .stderr(predicate::str::contains("0 changed articles re-imported"));
    let unchanged = fs::read(&workspace).unwrap();

    // The outlet updates its story: a new lead paragraph, and the tagged sentence is gone.
    let stored: Value = serde_json::from_slice(&unchanged).unwrap();
    let article_path = folder
        .path()
        .join(stored["articles"][0]["article"]["path"].as_str().unwrap());
    let text = fs::read_to_string(&article_path).unwrap();
    fs::write(
        &article_path,
        format!(
            "UPDATE: This story has been revised.\n\n{}",
            text.replacen(&quote, "", 1)
        ),
    )
    .unwrap();

    crosscheck()
        .args(["workspace", "refresh"])
        .arg(&workspace)
        .assert()
        .success()
        .stderr(
            predicate::str::contains("1 changed articles re-imported")
                .and(predicate::str::contains("claim c1 is orphaned"))
                .and(predicate::str::contains("placed exactly")),
        );
    let after = claims(&workspace);
    let orphan = after.iter().find(|claim| claim["id"] == "c1").unwrap();
    assert_eq!(orphan["orphaned"], true);
    assert_eq!(orphan["status"], "confirmed", "the review survives");
    assert_eq!(orphan["quote"], quote.as_str());
    crosscheck()
        .args(["workspace", "show"])
        .arg(&workspace)
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"(?m)^c1 .*\[orphaned\]$").unwrap());
}

#[test]
fn add_brings_in_new_articles_and_skips_known_ones() {
    let folder = tempfile::tempdir().unwrap();
    let workspace = folder.path().join("review.json");
    let first = sample_data().join("000_48b00cfcbf5a8e27.txt");
    crosscheck()
        .args(["workspace", "new"])
        .arg(&workspace)
        .arg(&first)
        .assert()
        .success();
    crosscheck()
        .args(["workspace", "add"])
        .arg(&workspace)
        .arg(sample_data())
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("added 4 articles")
                .and(predicate::str::contains("is already in the workspace")),
        );
    let document: Value = serde_json::from_slice(&fs::read(&workspace).unwrap()).unwrap();
    assert_eq!(document["articles"].as_array().unwrap().len(), 5);
}

/// Kills `crosscheck tag` at moments spread over its whole run, saves included: whatever the
/// moment, the workspace file is the old one or the new one, complete.
#[cfg(unix)]
#[test]
fn killing_a_command_during_its_save_never_leaves_a_broken_workspace() {
    use std::time::Instant;

    let folder = tempfile::tempdir().unwrap();
    let articles = folder.path().join("articles");
    fs::create_dir(&articles).unwrap();
    // Enough text that a save takes a while.
    let sample = fs::read_to_string(sample_data().join("001_e40d02d29da63f7d.txt")).unwrap();
    for n in 0..40 {
        fs::write(
            articles.join(format!("{n:02}.txt")),
            format!("Report {n}.\n\n{sample}"),
        )
        .unwrap();
    }
    let workspace = folder.path().join("review.json");
    crosscheck()
        .args(["workspace", "new"])
        .arg(&workspace)
        .arg(&articles)
        .assert()
        .success();
    let original = fs::read(&workspace).unwrap();

    let binary = assert_cmd::cargo::cargo_bin("crosscheck");
    let tag = |status: &str| {
        let mut command = std::process::Command::new(&binary);
        command
            .arg("tag")
            .arg(&workspace)
            .args(["c1", status])
            .env("USER", "carol");
        command
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        command
    };
    let started = Instant::now();
    assert!(tag("confirmed").status().unwrap().success());
    let full_run = started.elapsed();
    let mut states = std::collections::HashSet::new();
    for step in 1..=24u32 {
        let mut child = tag(if step % 2 == 0 {
            "confirmed"
        } else {
            "unconfirmed"
        })
        .spawn()
        .unwrap();
        std::thread::sleep(full_run * step / 20);
        let _ = child.kill();
        child.wait().unwrap();
        let bytes = fs::read(&workspace).unwrap();
        assert!(
            bytes.len() > original.len() / 2,
            "step {step}: the file is whole"
        );
        let show = crosscheck()
            .args(["workspace", "show", "--format", "json"])
            .arg(&workspace)
            .output()
            .unwrap();
        assert!(
            show.status.success(),
            "step {step}: {}",
            String::from_utf8_lossy(&show.stderr)
        );
        states.insert(bytes);
    }
    assert!(
        states.len() > 1,
        "some runs finished their save: the kills were spread over the run"
    );
    let interrupted = fs::read_dir(folder.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count();
    eprintln!("{interrupted} saves were interrupted after their temporary file was created");
}
