//! Times each extraction phase over the samples repeated to 10 MB (for finding hot spots).
#![allow(clippy::unchecked_time_subtraction)] // instants taken in order
use std::time::Instant;

use crosscheck::extract::{claims, dates, names, numbers, sentences, token};

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
    let mut samples: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
        .collect();
    samples.sort();
    let mut text = String::new();
    while text.len() < 10 << 20 {
        for s in &samples {
            text.push_str(s);
            text.push_str("\n\n");
        }
    }
    let _ = crosscheck::extract::extract_text("Seoul.", crosscheck::extract::Context::default());
    let t = Instant::now();
    let tokens = token::tokenize(&text);
    let t1 = t.elapsed();
    let sentences = sentences::split(&text, &tokens);
    let t2 = t.elapsed();
    let mut taken = vec![false; tokens.len()];
    let mut entities = dates::find(&text, &tokens, &mut taken, None);
    let t3 = t.elapsed();
    entities.extend(numbers::find(&text, &tokens, &mut taken));
    let t4 = t.elapsed();
    entities.extend(names::find(&text, &tokens, &sentences, &mut taken));
    entities.sort_by_key(|e| e.span);
    let t5 = t.elapsed();
    let claims = claims::find(&text, &tokens, &sentences, &entities, &[]);
    let t6 = t.elapsed();
    eprintln!(
        "tokens {:?} sentences {:?} dates {:?} numbers {:?} names {:?} claims {:?} | {} entities {} claims, {:.1} MB/s",
        t1,
        t2 - t1,
        t3 - t2,
        t4 - t3,
        t5 - t4,
        t6 - t5,
        entities.len(),
        claims.len(),
        text.len() as f64 / t6.as_secs_f64() / 1e6
    );
}
