//! Fuzz target: any bytes as a text, Markdown or HTML file: decoding, HTML reduction, cleaning
//! and extraction must never panic, hang or abort.
#![no_main]

use std::path::Path;

use crosscheck::article::Article;
use crosscheck::extract::extract;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&format, bytes)) = data.split_first() else {
        return;
    };
    let name = match format % 3 {
        0 => "page.html",
        1 => "story.md",
        _ => "story.txt",
    };
    if let Ok(article) = Article::from_bytes(Path::new(name), bytes) {
        let extraction = extract(&article);
        for entity in &extraction.entities {
            assert!(entity.span.text(&article.text).is_some());
        }
    }
});
