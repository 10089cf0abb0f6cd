//! Save and load times of a large workspace: 1,000 articles and 20,000 claims, half of them
//! reviewed with notes and grades. Aim: each under 250 ms.

#![allow(missing_docs)] // criterion_group! generates an undocumented function

mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::workspace::persist::{load, save};
use support::{ARTICLES, CLAIMS_PER_ARTICLE, synthetic_workspace};

fn save_and_load(c: &mut Criterion) {
    let workspace = synthetic_workspace();
    assert_eq!(workspace.claims().len(), ARTICLES * CLAIMS_PER_ARTICLE);
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("large.json");
    save(&workspace, &path).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    eprintln!("workspace file: {:.1} MB", size as f64 / 1e6);

    let mut group = c.benchmark_group("workspace 1000 articles, 20000 claims");
    group.sample_size(20);
    group.bench_function("save", |b| {
        b.iter(|| save(black_box(&workspace), &path).unwrap());
    });
    group.bench_function("load", |b| b.iter(|| black_box(load(&path).unwrap())));
    group.finish();
}

criterion_group!(benches, save_and_load);
criterion_main!(benches);
