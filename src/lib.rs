//! Crosscheck: load news articles, extract entities, figures and attributed claims, and
//! review them. This library has no GUI; the workbench (feature `gui`) sits on top of it.
//!
//! - [`article`]: files and folders to decoded text with title, date and boilerplate ranges.
//! - [`extract`]: sentences, entities, numbers, dates and claims with speakers.
//! - [`output`]: the `extract` JSON shared by the CLI and the evaluation kit.
//! - [`span`], [`calendar`]: byte ranges and calendar words every layer shares.
//! - [`file`](mod@file): reading user-named files: regular files only, within a size limit.
//! - [`export`]: the reviewed claims as JSON, CSV, Markdown/HTML briefs and W3C annotations.
//! - [`workspace`]: the review model (claims, statuses, corrections, undo) and its JSON file.
//! - [`compare`]: cross-checking: figures side by side, source chains, entity index, timeline.
//! - `gui` (feature `gui`): the eframe workbench over all of the above.

pub mod agreement;
pub mod article;
pub mod calendar;
pub mod compare;
pub mod export;
pub mod extract;
pub mod file;
pub mod output;
pub mod span;
pub mod workspace;

#[cfg(feature = "gui")]
pub mod gui;
