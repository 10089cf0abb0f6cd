//! The batch path as a job runs it: the release binary on corpora of 1,000 and 10,000 articles
//! and on one 10 MB file, timing each command and reading its peak memory. Medians of three
//! runs. Each run goes through a fresh copy of this program (`--measure`), whose only child
//! is the command, so that its children's peak resident set (`getrusage`) is the command's.
//!
//! `cargo bench --no-default-features --bench batch` (`BATCH_RUNS=N` for more runs).
#![allow(missing_docs)]

#[cfg(unix)]
fn main() {
    unix::main();
}

#[cfg(not(unix))]
fn main() {
    eprintln!("the batch benchmark reads peak memory with getrusage, which needs a Unix");
}

#[cfg(unix)]
mod unix {
    use std::fs;
    use std::path::{Path, PathBuf};
    use std::process::{Command, Stdio};
    use std::time::Instant;

    use nix::sys::resource::{UsageWho, getrusage};

    const BINARY: &str = env!("CARGO_BIN_EXE_crosscheck");

    /// The sample articles' texts.
    fn samples() -> Vec<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
        let mut names: Vec<PathBuf> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        names.sort();
        names
            .iter()
            .map(|p| fs::read_to_string(p).unwrap().trim_end().to_owned())
            .collect()
    }

    /// `count` articles, the samples repeated, each numbered so that no two are the same text.
    fn corpus(dir: &Path, count: usize, samples: &[String]) -> u64 {
        fs::create_dir_all(dir).unwrap();
        let mut bytes = 0;
        for i in 0..count {
            let text = format!("{}\n\nReference {i}.\n", samples[i % samples.len()]);
            bytes += text.len() as u64;
            fs::write(dir.join(format!("a{i:05}.txt")), text).unwrap();
        }
        bytes
    }

    /// One file of at least `size` bytes, the samples over and over.
    fn big_file(path: &Path, size: usize, samples: &[String]) -> u64 {
        let mut text = String::with_capacity(size + 16 * 1024);
        while text.len() < size {
            for sample in samples {
                text.push_str(sample);
                text.push_str("\n\n");
            }
        }
        fs::write(path, &text).unwrap();
        text.len() as u64
    }

    /// Wall time (s) and peak resident memory (MiB) of one run, its stdout thrown away.
    fn run_once(args: &[&str]) -> (f64, f64) {
        let measured = Command::new(std::env::current_exe().unwrap())
            .arg("--measure")
            .args(args)
            .output()
            .unwrap();
        assert!(measured.status.success(), "crosscheck {args:?} failed");
        let report = String::from_utf8(measured.stdout).unwrap();
        let mut numbers = report.split_whitespace().map(|n| n.parse::<f64>().unwrap());
        let seconds = numbers.next().unwrap();
        let peak_kib = numbers.next().unwrap();
        (seconds, peak_kib / 1024.0)
    }

    /// `--measure ARGS`: runs crosscheck once and prints its time (s) and peak memory (KiB).
    fn measure_child(args: &[String]) {
        let started = Instant::now();
        let status = Command::new(BINARY)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("the crosscheck binary runs");
        let seconds = started.elapsed().as_secs_f64();
        // Exit code 1 says some inputs failed; anything else is a broken run.
        assert!(status.code().is_some_and(|c| c <= 1), "{status}");
        let usage = getrusage(UsageWho::RUSAGE_CHILDREN).unwrap();
        // ru_maxrss is in KiB on Linux.
        println!("{seconds} {}", usage.max_rss());
    }

    fn median(mut values: Vec<f64>) -> f64 {
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    }

    fn measure(label: &str, args: &[&str], bytes: Option<u64>, runs: usize) {
        let results: Vec<(f64, f64)> = (0..runs).map(|_| run_once(args)).collect();
        let time = median(results.iter().map(|r| r.0).collect());
        let peak = median(results.iter().map(|r| r.1).collect());
        #[allow(clippy::cast_precision_loss)]
        let throughput = bytes.map_or_else(String::new, |b| {
            format!("{:>8.1} MiB/s", b as f64 / (1024.0 * 1024.0) / time)
        });
        println!("{label:<52} {time:>8.2} s {peak:>9.1} MiB {throughput}");
    }

    pub fn main() {
        let args: Vec<String> = std::env::args().skip(1).collect();
        if args.first().is_some_and(|a| a == "--measure") {
            return measure_child(&args[1..]);
        }
        // `cargo bench` passes `--bench`; any other argument is a filter, as with criterion.
        let filter = std::env::args()
            .skip(1)
            .find(|a| !a.starts_with("--"))
            .unwrap_or_default();
        let runs: usize = std::env::var("BATCH_RUNS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(3);
        let samples = samples();
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("1000");
        let large = dir.path().join("10000");
        let small_bytes = corpus(&small, 1_000, &samples);
        let large_bytes = corpus(&large, 10_000, &samples);
        let big = dir.path().join("big.txt");
        let big_bytes = big_file(&big, 10 * 1024 * 1024, &samples);
        let figures = dir.path().join("figures.jsonl");
        let mapped = Command::new(BINARY)
            .args(["-q", "figures", "--format", "jsonl"])
            .arg(&large)
            .output()
            .unwrap();
        fs::write(&figures, mapped.stdout).unwrap();
        // The workbench's path: a saved workspace, compared with its corpus-wide index.
        let workspace = dir.path().join("10000.json");
        let created = Command::new(BINARY)
            .args(["-q", "workspace", "new"])
            .arg(&workspace)
            .arg(&large)
            .status()
            .unwrap();
        assert!(created.success());

        let path = |p: &Path| p.display().to_string();
        let (small, large, big, figures) = (path(&small), path(&large), path(&big), path(&figures));
        let workspace = path(&workspace);
        println!(
            "{:<52} {:>10} {:>13} {:>14}",
            "command (median of runs)", "time", "peak memory", "throughput"
        );
        let cases: Vec<(&str, Vec<&str>, Option<u64>)> = vec![
            (
                "extract --format jsonl, 10,000 articles",
                vec!["-q", "extract", "--format", "jsonl", &large],
                Some(large_bytes),
            ),
            (
                "extract --format jsonl, one 10 MB file",
                vec!["-q", "extract", "--format", "jsonl", &big],
                Some(big_bytes),
            ),
            (
                "compare --format json, 1,000 articles",
                vec!["-q", "compare", "--format", "json", &small],
                Some(small_bytes),
            ),
            (
                "compare --format json, 10,000 articles",
                vec!["-q", "compare", "--format", "json", &large],
                Some(large_bytes),
            ),
            (
                "figures --format jsonl (map), 10,000 articles",
                vec!["-q", "figures", "--format", "jsonl", &large],
                Some(large_bytes),
            ),
            (
                "compare --format json, a 10,000-article workspace",
                vec!["-q", "compare", "--format", "json", &workspace],
                None,
            ),
            (
                "compare --from-figures (reduce), 10,000 articles",
                vec![
                    "-q",
                    "compare",
                    "--from-figures",
                    "--format",
                    "json",
                    &figures,
                ],
                None,
            ),
        ];
        for (label, args, bytes) in cases {
            if label.contains(filter.as_str()) {
                measure(label, &args, bytes, runs);
            }
        }
    }
}
