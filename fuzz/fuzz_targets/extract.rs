//! Fuzz target: extraction on any text never panics; entities stay sorted, apart and on
//! char boundaries; figures stay finite.
#![no_main]

use crosscheck::extract::{Context, extract_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let extraction = extract_text(text, Context::default());
    let mut end = 0;
    for entity in &extraction.entities {
        assert!(entity.span.start >= end, "entities overlap");
        assert!(entity.span.text(text).is_some());
        assert!(entity.quantity.as_ref().is_none_or(|q| q.value.is_finite()));
        end = entity.span.end;
    }
    for claim in &extraction.claims {
        assert!(claim.span.text(text).is_some());
    }
});
