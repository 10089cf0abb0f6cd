//! Reusable widgets of the workbench.

pub mod highlight;
pub mod labelled;
