//! `crosscheck figures` (map) and `crosscheck compare --from-figures` (reduce) run as a batch
//! job would: split however the corpus is, they give what `compare` gives on the articles.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn crosscheck() -> Command {
    Command::cargo_bin("crosscheck").expect("the binary is built")
}

/// Runs the binary, returning stdout and the exit code.
fn run(args: &[&str], stdin: Option<&[u8]>) -> (Vec<u8>, i32, String) {
    let mut command = crosscheck();
    command.args(args);
    if let Some(stdin) = stdin {
        command.write_stdin(stdin.to_vec());
    }
    let output = command.output().unwrap();
    (
        output.stdout,
        output.status.code().unwrap(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn sample_paths() -> Vec<String> {
    let mut paths: Vec<String> = fs::read_dir("sample_data")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.display().to_string())
        .collect();
    paths.sort();
    paths
}

#[test]
fn map_then_reduce_gives_the_comparison_of_the_articles() {
    for format in ["json", "md"] {
        let (whole, code, stderr) = run(&["compare", "--format", format, "sample_data"], None);
        assert_eq!(code, 0, "{stderr}");
        let (mapped, code, stderr) = run(&["figures", "--format", "jsonl", "sample_data"], None);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(
            String::from_utf8(mapped.clone()).unwrap().lines().count(),
            5,
            "one line per article"
        );
        let (reduced, code, stderr) = run(
            &["compare", "--from-figures", "--format", format, "-"],
            Some(&mapped),
        );
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(
            String::from_utf8(reduced).unwrap(),
            String::from_utf8(whole).unwrap(),
            "--format {format}"
        );
    }
}

#[test]
fn the_corpus_can_be_mapped_in_parts() {
    let dir = tempfile::tempdir().unwrap();
    let paths = sample_paths();
    let (first, second) = paths.split_at(2);
    let mut parts = Vec::new();
    for (n, part) in [first, second].into_iter().enumerate() {
        let mut args = vec!["figures", "--format", "jsonl"];
        args.extend(part.iter().map(String::as_str));
        let (mapped, code, stderr) = run(&args, None);
        assert_eq!(code, 0, "{stderr}");
        let file = dir.path().join(format!("part-{n}.jsonl"));
        fs::write(&file, mapped).unwrap();
        parts.push(file.display().to_string());
    }
    let mut args = vec!["compare", "--from-figures", "--format", "json"];
    args.extend(parts.iter().map(String::as_str));
    let (reduced, code, stderr) = run(&args, None);
    assert_eq!(code, 0, "{stderr}");
    let (whole, _, _) = run(&["compare", "--format", "json", "sample_data"], None);
    assert_eq!(
        String::from_utf8_lossy(&reduced),
        String::from_utf8_lossy(&whole)
    );

    // A part given twice (a retried task) counts once.
    args.push(&parts[0]);
    let (again, code, stderr) = run(&args, None);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&again),
        String::from_utf8_lossy(&whole)
    );
}

#[test]
fn a_description_is_matched_against_organizations_named_in_other_articles() {
    // One article names "South Korea's National Intelligence Service"; another only says
    // "South Korea's intelligence agency". Mapped apart, reduced together, the description
    // still means the NIS: one origin, not two.
    let dir = tempfile::tempdir().unwrap();
    let named = dir.path().join("named.txt");
    let described = dir.path().join("described.txt");
    fs::write(
        &named,
        "Seoul, October 18\n\nSouth Korea's National Intelligence Service said on Friday that \
         North Korea had sent about 1,500 troops to Russia.\n",
    )
    .unwrap();
    fs::write(
        &described,
        "Seoul, October 19\n\nSouth Korea's intelligence agency said that North Korea had sent \
         1,500 troops to Russia, the first of a larger deployment.\n",
    )
    .unwrap();
    // In the folder's order, so that the figures come as `compare` on the folder reads them;
    // the description comes before the organization it means.
    let mut parts = Vec::new();
    for file in [&described, &named] {
        let (mapped, code, stderr) = run(
            &["figures", "--format", "jsonl", &file.display().to_string()],
            None,
        );
        assert_eq!(code, 0, "{stderr}");
        parts.extend(mapped);
    }
    let (reduced, code, stderr) = run(
        &["compare", "--from-figures", "--format", "json", "-"],
        Some(&parts),
    );
    assert_eq!(code, 0, "{stderr}");
    let (whole, _, _) = run(
        &[
            "compare",
            "--format",
            "json",
            &dir.path().display().to_string(),
        ],
        None,
    );
    assert_eq!(
        String::from_utf8_lossy(&reduced),
        String::from_utf8_lossy(&whole)
    );
    let groups: Value = serde_json::from_slice(&reduced).unwrap();
    let troops = &groups["groups"][0];
    let origins: Vec<&str> = troops["origins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["source"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(origins, ["National Intelligence Service"], "{troops:#}");
    assert_eq!(troops["independent_origins"], 1);
}

#[test]
fn failures_are_lines_of_their_own_and_the_reduce_counts_them() {
    let dir = tempfile::tempdir().unwrap();
    for path in sample_paths().iter().take(2) {
        let name = Path::new(path).file_name().unwrap();
        fs::copy(path, dir.path().join(name)).unwrap();
    }
    fs::write(dir.path().join("broken.txt"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    let (mapped, code, _) = run(
        &[
            "figures",
            "--format",
            "jsonl",
            &dir.path().display().to_string(),
        ],
        None,
    );
    assert_eq!(code, 1, "a failed input shows in the exit code");
    let lines: Vec<Value> = String::from_utf8(mapped.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    let failed: Vec<&Value> = lines.iter().filter(|l| l.get("error").is_some()).collect();
    assert_eq!(failed.len(), 1);
    assert!(failed[0]["path"].as_str().unwrap().ends_with("broken.txt"));

    // The reduce groups what it can, names what it could not read, and exits 1.
    let mut input = mapped;
    input.extend_from_slice(b"{\"not\": \"a record\"}\nnot json at all\n");
    let (reduced, code, stderr) = run(
        &["compare", "--from-figures", "--format", "json", "-"],
        Some(&input),
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("the map step failed"), "{stderr}");
    assert!(stderr.contains("line 5: not a figures record"), "{stderr}");
    let groups: Value = serde_json::from_slice(&reduced).unwrap();
    assert!(!groups["groups"].as_array().unwrap().is_empty());
}

#[test]
fn documents_on_stdin_are_mapped_with_their_ids() {
    let text = fs::read_to_string(&sample_paths()[1]).unwrap();
    let documents = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "doc-1", "text": text, "published": "2024-10-18"}),
        serde_json::json!({"id": 2, "text": ""}),
    );
    let (mapped, code, _) = run(
        &["figures", "--stdin", "--format", "jsonl"],
        Some(documents.as_bytes()),
    );
    assert_eq!(code, 1, "the empty document failed");
    let lines: Vec<Value> = String::from_utf8(mapped)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["id"], "doc-1");
    assert_eq!(lines[0]["article"], "doc-1");
    assert!(!lines[0]["readings"].as_array().unwrap().is_empty());
    assert_eq!(lines[1]["id"], 2);
    assert!(lines[1]["error"].as_str().unwrap().contains("empty"));
}

#[test]
fn a_document_is_the_same_whatever_batch_it_comes_in() {
    // An untitled document is named by its id, not its line: split into batches (as GNU
    // parallel or Spark split a stream), the readings are those of the whole stream.
    let text = "Officials in Kyiv said North Korea plans to send 10,000 troops to Russia.";
    let documents: Vec<String> = (0..4)
        .map(|n| serde_json::json!({"id": format!("d{n}"), "text": text}).to_string() + "\n")
        .collect();
    let (whole, _, _) = run(
        &["figures", "--stdin", "--format", "jsonl"],
        Some(documents.concat().as_bytes()),
    );
    let mut batched = Vec::new();
    for batch in documents.chunks(2) {
        let (mapped, code, stderr) = run(
            &["figures", "--stdin", "--format", "jsonl"],
            Some(batch.concat().as_bytes()),
        );
        assert_eq!(code, 0, "{stderr}");
        batched.extend(mapped);
    }
    assert_eq!(
        String::from_utf8(batched).unwrap(),
        String::from_utf8(whole).unwrap()
    );
}
