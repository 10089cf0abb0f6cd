//! Extraction throughput (MB/s, one thread) on the sample articles repeated to over 10 MB.
#![allow(missing_docs)] // criterion's macros generate undocumented functions

use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crosscheck::article::{Article, collect_article_paths};
use crosscheck::extract::{Context, extract_text};

const TARGET_BYTES: usize = 10 * 1024 * 1024;

fn corpus() -> String {
    let files =
        collect_article_paths(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_data")])
            .files;
    let samples: Vec<String> = files
        .iter()
        .map(|f| Article::load(f).unwrap().text)
        .collect();
    let mut corpus = String::with_capacity(TARGET_BYTES + 16 * 1024);
    while corpus.len() < TARGET_BYTES {
        for sample in &samples {
            corpus.push_str(sample);
            corpus.push_str("\n\n");
        }
    }
    corpus
}

fn extraction_throughput(c: &mut Criterion) {
    let corpus = corpus();
    // Warm the lazily parsed gazetteer so it is not timed.
    let _ = extract_text("Seoul.", Context::default());
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(corpus.len() as u64));
    group.sample_size(10);
    group.bench_function("samples_x10MB", |b| {
        b.iter(|| extract_text(std::hint::black_box(&corpus), Context::default()));
    });
    group.finish();
}

criterion_group!(benches, extraction_throughput);

criterion_main!(benches);
