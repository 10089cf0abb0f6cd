//! `crosscheck extract` run as a user would: on the bundled samples and on bad input.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn crosscheck() -> Command {
    Command::cargo_bin("crosscheck").expect("the binary is built")
}

fn json_output(args: &[&str]) -> (Value, std::process::Output) {
    let output = crosscheck().args(args).output().unwrap();
    let value = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    (value, output)
}

#[test]
fn extracts_the_sample_folder() {
    let (json, output) = json_output(&["extract", "sample_data"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(
        articles.len(),
        5,
        "the five sample articles, workspace fixtures skipped"
    );
    for article in articles {
        let text = fs::read_to_string(article["path"].as_str().unwrap()).unwrap();
        assert_eq!(article["sha256"].as_str().unwrap().len(), 64);
        for entity in article["entities"].as_array().unwrap() {
            let (start, end) = (
                entity["start"].as_u64().unwrap() as usize,
                entity["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                &text[start..end],
                entity["text"].as_str().unwrap(),
                "offsets are bytes into the file"
            );
        }
        assert!(!article["claims"].as_array().unwrap().is_empty());
    }
    let troops: Vec<f64> = articles
        .iter()
        .flat_map(|a| a["entities"].as_array().unwrap().iter())
        .filter(|e| e["unit"] == "troops")
        .map(|e| e["value"].as_f64().unwrap())
        .collect();
    assert!(
        troops.contains(&12000.0) && troops.contains(&3000.0),
        "{troops:?}"
    );
}

#[test]
fn jsonl_gives_one_article_per_line() {
    let output = crosscheck()
        .args(["extract", "--format", "jsonl", "sample_data"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let lines: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    assert!(lines.iter().all(|l| l["entities"].is_array()));
}

#[test]
fn bad_inputs_are_reported_one_line_each_and_the_rest_still_load() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(
        root.join("binary.txt"),
        [0x7F, b'E', b'L', b'F', 0, 0, 1, 2, 0, 0],
    )
    .unwrap();
    fs::write(root.join("empty.txt"), "").unwrap();
    fs::write(
        root.join("latin1.txt"),
        b"Caf\xE9 owner Jos\xE9 Garc\xEDa said 12 people came.",
    )
    .unwrap();
    fs::create_dir(root.join("nothing-here")).unwrap();
    fs::write(root.join("nothing-here/notes.pdf"), "x").unwrap();
    let good = Path::new("sample_data/000_48b00cfcbf5a8e27.txt");

    let output = crosscheck()
        .arg("extract")
        .arg(root.join("binary.txt"))
        .arg(root.join("empty.txt"))
        .arg(root.join("latin1.txt"))
        .arg(root.join("missing.txt"))
        .arg(root.join("nothing-here"))
        .arg(good)
        .output()
        .unwrap();
    assert!(!output.status.success(), "a failure shows in the exit code");
    let stderr = String::from_utf8(output.stderr).unwrap();
    let errors: Vec<&str> = stderr.lines().collect();
    assert_eq!(errors.len(), 4, "{stderr}");
    assert!(
        errors
            .iter()
            .any(|l| l.contains("binary.txt") && l.contains("binary"))
    );
    assert!(
        errors
            .iter()
            .any(|l| l.contains("empty.txt") && l.contains("empty"))
    );
    assert!(
        errors
            .iter()
            .any(|l| l.contains("missing.txt") && l.contains("No such file"))
    );
    assert!(
        errors
            .iter()
            .any(|l| l.contains("nothing-here") && l.contains("no article files"))
    );

    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(
        articles.len(),
        2,
        "the Windows-1252 file and the good one still load"
    );
    assert_eq!(articles[0]["encoding"], "Windows-1252");
}

#[test]
fn utf16_and_html_files_load() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Kirby said 3,000 troops arrived in Vladivostok on Friday.";
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    fs::write(dir.path().join("a.txt"), utf16).unwrap();
    fs::write(dir.path().join("b.html"), format!("<html><head><title>T</title><script>x()</script></head><body><p>{text}</p></body></html>")).unwrap();
    let (json, output) = json_output(&["extract", dir.path().to_str().unwrap()]);
    assert!(output.status.success());
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles[0]["encoding"], "UTF-16LE");
    assert_eq!(articles[1]["title"], "T");
    for article in articles {
        assert!(
            article["entities"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["text"] == "3,000" && e["value"] == 3000)
        );
    }
}

#[test]
fn missing_path_alone_fails_with_a_message() {
    crosscheck()
        .args(["extract", "definitely/not/here.txt"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("definitely/not/here.txt"));
}

/// The JSON values of stdout's lines.
fn json_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect()
}

#[test]
fn documents_on_stdin_come_back_a_line_each_with_their_id_in_order() {
    let input = [
        r#"{"id": "doc-1", "text": "The ministry said 1,200 people had left the town on Monday.", "url": "https://example.org/1", "published": "2024-10-16"}"#,
        "not json",
        r#"{"id": 2, "text": "  "}"#,
        r#"{"text": "An article without an id."}"#,
        "",
        r#"{"id": "doc-5", "text": "Officials said 300 troops were killed.", "title": "Losses"}"#,
    ]
    .join("\n");
    let output = crosscheck()
        .args(["extract", "--stdin", "--format", "jsonl"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "some inputs failed");
    let lines = json_lines(&output.stdout);
    assert_eq!(lines.len(), 5, "one line per input, blank lines skipped");
    assert_eq!(lines[0]["id"], "doc-1");
    assert_eq!(lines[0]["url"], "https://example.org/1");
    assert_eq!(lines[0]["published"], "2024-10-16T00:00:00");
    assert_eq!(lines[0]["claims"][0]["id"], "doc-1-c1");
    assert_eq!(lines[0]["claims"][0]["values"][0], 1200);
    assert_eq!(
        (lines[1]["line"].as_u64(), lines[1]["id"].is_null()),
        (Some(2), true)
    );
    assert!(lines[1]["error"].as_str().is_some());
    assert_eq!(lines[2]["id"], 2, "a numeric id comes back as a number");
    assert!(lines[2]["error"].as_str().unwrap().contains("empty"));
    assert!(lines[3]["error"].as_str().unwrap().contains("\"id\""));
    assert_eq!(lines[4]["id"], "doc-5");
    assert_eq!(lines[4]["title"], "Losses");
    let errors = lines.iter().filter(|l| l.get("error").is_some()).count();
    assert_eq!(errors, 3, "a batch job can count the failures");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("stdin line 2"), "{stderr}");
}

#[test]
fn nothing_but_bad_documents_on_stdin_is_a_fatal_error() {
    crosscheck()
        .args(["extract", "--stdin", "--format", "jsonl"])
        .write_stdin("{}\n[1, 2]\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing processed"));
}

#[test]
fn paths_on_stdin_are_read_in_order_and_failures_are_lines_of_their_own() {
    let folder = tempfile::tempdir().unwrap();
    let story = folder.path().join("story.txt");
    fs::write(&story, "The agency said 40 flights were cancelled.\n").unwrap();
    let output = crosscheck()
        .args(["extract", "--stdin-paths", "--format", "jsonl"])
        .write_stdin(format!(
            "{}\n{}\n",
            folder.path().join("missing.txt").display(),
            story.display()
        ))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output.stdout);
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["path"].as_str().unwrap().ends_with("missing.txt"));
    assert!(lines[0]["error"].as_str().is_some());
    assert!(lines[1]["path"].as_str().unwrap().ends_with("story.txt"));
    assert!(lines[1]["claims"].as_array().is_some());
}

#[test]
fn stdin_and_paths_together_are_a_usage_error() {
    crosscheck()
        .args(["extract", "--stdin", "sample_data"])
        .assert()
        .code(2);
    crosscheck().args(["extract"]).assert().code(2);
}
