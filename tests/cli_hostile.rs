//! The binary against what a hostile tester or a careless user hands it: files that are not
//! files, link loops, damaged encodings, crafted names and workspaces, two writers at once.
//! Each case once crashed, hung, lost work or printed something it should not have.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn crosscheck() -> Command {
    let mut command = Command::cargo_bin("crosscheck").unwrap();
    command.env("USER", "carol");
    command
}

const STORY: &str = "Troops arrive\n\nJohn Kirby said on Friday that at least 3,000 North Korean \
                     troops had arrived in Russia.\n\nThe ministry said 12,000 more would follow.\n";

fn extract_json(paths: &[&Path]) -> (Value, String, bool) {
    let output = crosscheck().arg("extract").args(paths).output().unwrap();
    let json = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    (
        json,
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.success(),
    )
}

fn workspace_with_story(folder: &Path) -> PathBuf {
    let article = folder.join("story.txt");
    fs::write(&article, STORY).unwrap();
    let workspace = folder.join("review.json");
    crosscheck()
        .args(["workspace", "new"])
        .arg(&workspace)
        .arg(&article)
        .assert()
        .success();
    workspace
}

#[test]
fn one_bad_file_never_stops_the_others() {
    let folder = tempfile::tempdir().unwrap();
    fs::write(folder.path().join("a.txt"), STORY).unwrap();
    // Once a panic: a text ending in a Markdown rule.
    fs::write(folder.path().join("b.md"), format!("{STORY}\n---\n-")).unwrap();
    fs::write(
        folder.path().join("c.txt"),
        b"\x7fELF\x02\x01\x01\0\0\0binary",
    )
    .unwrap();
    // Once a stack overflow: one tag with many quoted attributes.
    let attributes: Vec<String> = (0..30_000).map(|i| format!("a{i}=\"v\"")).collect();
    fs::write(
        folder.path().join("d.html"),
        format!("<p {}>Kirby spoke.</p>", attributes.join(" ")),
    )
    .unwrap();
    let (json, stderr, success) = extract_json(&[folder.path()]);
    assert!(!success, "a file failed, so the exit code says so");
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 3, "{stderr}");
    assert!(
        stderr.contains("c.txt") && stderr.contains("binary"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn fifos_devices_and_link_loops_are_named_and_skipped() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path().join("articles");
    fs::create_dir(&root).unwrap();
    fs::write(root.join("a.txt"), STORY).unwrap();
    std::os::unix::fs::symlink("..", root.join("up")).unwrap();
    std::os::unix::fs::symlink(".", root.join("self")).unwrap();
    let fifo = root.join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // Without the fix this waits forever for a writer to the FIFO.
    let output = crosscheck()
        .arg("extract")
        .arg(&root)
        .arg("/dev/zero")
        .timeout(std::time::Duration::from_mins(1))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 1, "{stderr}");
    assert!(stderr.contains("pipe.txt: not a regular file"), "{stderr}");
    assert!(stderr.contains("/dev/zero: not a regular file"), "{stderr}");
    assert_eq!(
        stderr.matches("already visited").count(),
        1,
        "one warning for the loops: {stderr}"
    );
}

#[test]
fn damaged_utf8_stays_utf8_and_utf16_without_a_mark_is_read() {
    let folder = tempfile::tempdir().unwrap();
    let damaged = folder.path().join("damaged.txt");
    let mut bytes = "Kyiv – “Київ” said so.\n".repeat(20).into_bytes();
    let first_bad = bytes.len();
    bytes.extend_from_slice(b"caf\xE9 ");
    bytes.extend_from_slice(STORY.as_bytes());
    fs::write(&damaged, &bytes).unwrap();
    let utf16 = folder.path().join("utf16.txt");
    fs::write(
        &utf16,
        STORY
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let (json, stderr, success) = extract_json(&[&damaged, &utf16]);
    assert!(success, "{stderr}");
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles[0]["encoding"], "UTF-8");
    assert!(
        stderr.contains("1 invalid UTF-8 byte sequence")
            && stderr.contains(&format!("byte {}", first_bad + 3)),
        "{stderr}"
    );
    assert_eq!(articles[1]["encoding"], "UTF-16LE");
}

#[test]
fn extract_into_a_closed_pipe_is_quiet() {
    let folder = tempfile::tempdir().unwrap();
    for n in 0..40 {
        fs::write(folder.path().join(format!("{n}.txt")), STORY).unwrap();
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("crosscheck"))
        .arg("extract")
        .arg(folder.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // `| head` that stopped reading
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    assert!(
        output.stderr.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[cfg(unix)]
#[test]
fn names_with_control_characters_are_printed_escaped_and_odd_names_skipped_by_name() {
    use std::os::unix::ffi::OsStrExt;
    let folder = tempfile::tempdir().unwrap();
    fs::write(folder.path().join("ok.txt"), STORY).unwrap();
    fs::write(folder.path().join("evil\u{1b}[31m.txt"), b"\0\0\0").unwrap();
    let latin1 = folder
        .path()
        .join(std::ffi::OsStr::from_bytes(b"caf\xE9.txt"));
    fs::write(&latin1, STORY).unwrap();
    let workspace = folder.path().join("review.json");
    let output = crosscheck()
        .args(["workspace", "new"])
        .arg(&workspace)
        .arg(folder.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(stderr.contains("evil\\u{1b}[31m.txt"), "{stderr}");
    assert!(
        stderr.contains("caf") && stderr.contains("not valid Unicode"),
        "{stderr}"
    );
    assert!(workspace.exists(), "the other files still made a workspace");
}

#[test]
fn adding_a_workspace_to_itself_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    let workspace = workspace_with_story(folder.path());
    let before = fs::read(&workspace).unwrap();
    crosscheck()
        .args(["workspace", "add"])
        .arg(&workspace)
        .arg(&workspace)
        .assert()
        .failure()
        .stderr(predicate::str::contains("the workspace itself"));
    assert_eq!(fs::read(&workspace).unwrap(), before);
}

#[test]
fn two_writers_at_once_lose_no_update() {
    let folder = tempfile::tempdir().unwrap();
    let workspace = workspace_with_story(folder.path());
    // Each writer tags its own claim; run them all at once, twice over.
    let bin = assert_cmd::cargo::cargo_bin("crosscheck");
    for round in 0..2 {
        let children: Vec<_> = ["c1", "c2", "c1", "c2", "c1", "c2"]
            .iter()
            .enumerate()
            .map(|(n, claim)| {
                let status = if (n + round) % 2 == 0 {
                    "confirmed"
                } else {
                    "unconfirmed"
                };
                std::process::Command::new(&bin)
                    .args(["tag"])
                    .arg(&workspace)
                    .args([
                        claim,
                        status,
                        "--note",
                        format!("round {round} writer {n}").as_str(),
                    ])
                    .env("USER", "carol")
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
    let stored: Value = serde_json::from_slice(&fs::read(&workspace).unwrap()).unwrap();
    // Every one of the twelve tags is in the claims' histories: none was overwritten.
    let changes: usize = stored["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|claim| claim["history"].as_array().unwrap().len())
        .sum();
    assert_eq!(changes, 12);
    let leftovers: Vec<_> = fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[cfg(unix)]
#[test]
fn a_read_only_workspace_is_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let workspace = workspace_with_story(folder.path());
    fs::set_permissions(&workspace, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&workspace).unwrap();
    crosscheck()
        .arg("tag")
        .arg(&workspace)
        .args(["c1", "confirmed"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("read-only"));
    assert_eq!(fs::read(&workspace).unwrap(), before);
    assert_eq!(
        fs::metadata(&workspace).unwrap().permissions().mode() & 0o777,
        0o444
    );
}

#[cfg(unix)]
#[test]
fn export_to_a_device_writes_to_it() {
    let folder = tempfile::tempdir().unwrap();
    let workspace = workspace_with_story(folder.path());
    crosscheck()
        .args(["export", "--all", "--format", "csv", "-o", "/dev/null"])
        .arg(&workspace)
        .assert()
        .success();
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device_like()
    );
}

/// `FileType::is_char_device` lives in an extension trait; this keeps the assertion readable.
trait CharDevice {
    fn is_char_device_like(&self) -> bool;
}

#[cfg(unix)]
impl CharDevice for fs::FileType {
    fn is_char_device_like(&self) -> bool {
        use std::os::unix::fs::FileTypeExt;
        self.is_char_device()
    }
}

#[test]
fn refresh_reads_only_article_files_and_names_each() {
    let folder = tempfile::tempdir().unwrap();
    let workspace = workspace_with_story(folder.path());
    let secret = folder.path().join("secret");
    fs::write(&secret, "password: hunter2\n").unwrap();
    // A crafted workspace points its article at another file.
    let mut document: Value = serde_json::from_slice(&fs::read(&workspace).unwrap()).unwrap();
    document["articles"][0]["article"]["path"] = Value::from(secret.display().to_string());
    fs::write(&workspace, serde_json::to_vec_pretty(&document).unwrap()).unwrap();
    let output = crosscheck()
        .args(["workspace", "refresh"])
        .arg(&workspace)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("not an article file"), "{stderr}");
    let stored = fs::read_to_string(&workspace).unwrap();
    assert!(!stored.contains("hunter2"));

    // An article file is read, and said so.
    let mut document: Value = serde_json::from_str(&stored).unwrap();
    document["articles"][0]["article"]["path"] = Value::from("story.txt");
    fs::write(&workspace, serde_json::to_vec_pretty(&document).unwrap()).unwrap();
    crosscheck()
        .args(["workspace", "refresh"])
        .arg(&workspace)
        .assert()
        .success()
        .stderr(predicate::str::contains("reading").and(predicate::str::contains("story.txt")));
}

/// A change made to a workspace document.
type Damage = Box<dyn Fn(&mut Value)>;

#[test]
fn crafted_workspaces_are_refused_with_the_reason() {
    let folder = tempfile::tempdir().unwrap();
    let workspace = workspace_with_story(folder.path());
    let good: Value = serde_json::from_slice(&fs::read(&workspace).unwrap()).unwrap();
    let cases: Vec<(&str, Damage, &str)> = vec![
        (
            "counter at its limit",
            Box::new(|d| d["next_ids"]["claim"] = Value::from(u64::MAX)),
            "largest possible value",
        ),
        (
            "format key damaged",
            Box::new(|d| {
                let format = d.as_object_mut().unwrap().remove("format").unwrap();
                d["formax"] = format;
            }),
            "line",
        ),
    ];
    for (name, damage, expected) in cases {
        let mut document = good.clone();
        damage(&mut document);
        let path = folder.path().join(format!("{name}.json"));
        fs::write(&path, serde_json::to_vec_pretty(&document).unwrap()).unwrap();
        crosscheck()
            .args(["workspace", "show"])
            .arg(&path)
            .assert()
            .failure()
            .stderr(
                predicate::str::contains(expected)
                    .and(predicate::str::contains("not a Crosscheck").not()),
            );
    }
    let blank = folder.path().join("blank.json");
    fs::write(&blank, " \n".repeat(1 << 20)).unwrap();
    crosscheck()
        .args(["workspace", "show"])
        .arg(&blank)
        .assert()
        .failure()
        .stderr(predicate::str::contains("only whitespace"));
}

#[test]
fn a_workspace_that_cannot_be_created_is_not_called_unchanged() {
    let folder = tempfile::tempdir().unwrap();
    fs::write(folder.path().join("story.txt"), STORY).unwrap();
    crosscheck()
        .args(["workspace", "new"])
        .arg(folder.path().join("missing/review.json"))
        .arg(folder.path().join("story.txt"))
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("not created")
                .and(predicate::str::contains("unchanged").not()),
        );
}

#[test]
fn markdown_outputs_show_markup_from_articles_as_text() {
    let folder = tempfile::tempdir().unwrap();
    let article = folder.path().join("page.html");
    fs::write(
        &article,
        "<html><head><title>&lt;img src=x onerror=alert(1)&gt; Troops</title>\
         <meta property=\"og:site_name\" content=\"&lt;script&gt;x&lt;/script&gt;\"></head>\
         <body><p>John Kirby said on Friday that at least 3,000 troops had arrived.</p>\
         <p>The ministry said 12,000 more troops would follow.</p></body></html>",
    )
    .unwrap();
    let output = crosscheck()
        .args(["compare", "--format", "md"])
        .arg(&article)
        .output()
        .unwrap();
    let markdown = String::from_utf8_lossy(&output.stdout);
    // Escaped as `\<img`, Markdown shows the text instead of making an element.
    let live = markdown.replace("\\<", "");
    assert!(markdown.contains("\\<img"), "{markdown}");
    assert!(
        !live.contains("<img") && !live.contains("<script"),
        "{markdown}"
    );

    // A file name with blank lines stays inside its line of the brief.
    let odd = folder.path().join("two\n\nparagraphs `x`.txt");
    fs::write(&odd, STORY).unwrap();
    let workspace = folder.path().join("review.json");
    crosscheck()
        .args(["workspace", "new"])
        .arg(&workspace)
        .arg(&odd)
        .assert()
        .success();
    let brief = crosscheck()
        .args(["export", "--all", "--format", "md"])
        .arg(&workspace)
        .output()
        .unwrap();
    let brief = String::from_utf8_lossy(&brief.stdout);
    assert!(!brief.contains("two\n\nparagraphs"), "{brief}");
}

#[cfg(unix)]
#[test]
fn saves_killed_at_any_moment_leave_the_file_and_its_backup_whole() {
    let folder = tempfile::tempdir().unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
    let workspace = folder.path().join("review.json");
    crosscheck()
        .args(["workspace", "new"])
        .arg(&workspace)
        .arg(&samples)
        .assert()
        .success();
    crosscheck()
        .arg("tag")
        .arg(&workspace)
        .args(["c1", "confirmed"])
        .assert()
        .success();
    let bin = assert_cmd::cargo::cargo_bin("crosscheck");
    for round in 0..40u64 {
        let mut child = std::process::Command::new(&bin)
            .arg("tag")
            .arg(&workspace)
            .args([
                "c2",
                "confirmed",
                "--note",
                &"n".repeat(1000 * round as usize),
            ])
            .env("USER", "carol")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Spread the kills over the whole run: start-up, reading, writing, renaming.
        std::thread::sleep(std::time::Duration::from_micros(round * 1500));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        for file in [workspace.clone(), crosscheck::file::backup_path(&workspace)] {
            crosscheck::workspace::persist::load(&file)
                .unwrap_or_else(|e| panic!("round {round}: {}: {e}", file.display()));
        }
    }
    // The next save clears what the killed ones left behind.
    crosscheck()
        .arg("tag")
        .arg(&workspace)
        .args(["c3", "confirmed"])
        .assert()
        .success();
    let mut names: Vec<_> = fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["review.json", "review.json.bak"]);
}
