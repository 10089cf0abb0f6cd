//! Reusable widgets of the workbench.

pub mod bidi;
pub mod highlight;
pub mod labelled;
pub mod paragraphs;
