//! The articles a command is given: folders walked, each file loaded and analysed on its own,
//! so one bad file is reported by name and never stops the others.

use std::path::{Path, PathBuf};

use crosscheck::article::{Article, collect_article_paths};
use crosscheck::workspace::AnalyzedArticle;

use super::say;

/// Loads and analyses every article under `paths`, handing each to `each` in order; files
/// that fail are reported on stderr. `skip` is a file never to take as an article (the
/// workspace being added to). Returns whether every file was taken.
pub fn analyze_each(
    paths: &[PathBuf],
    skip: Option<&Path>,
    mut each: impl FnMut(&Path, AnalyzedArticle),
) -> bool {
    let found = collect_article_paths(paths);
    let mut all_taken = found.errors.is_empty();
    for error in &found.errors {
        say::error(error);
    }
    if let Some(revisits) = &found.revisits {
        say::warning(revisits);
    }
    let skip = skip.and_then(|path| std::fs::canonicalize(path).ok());
    for file in &found.files {
        if skip.is_some() && std::fs::canonicalize(file).ok() == skip {
            say::error(format_args!(
                "{}: this is the workspace itself, not an article; skipped",
                file.display()
            ));
            all_taken = false;
            continue;
        }
        let article = match Article::load(file) {
            Ok(article) => article,
            Err(error) => {
                say::error(error);
                all_taken = false;
                continue;
            }
        };
        if let Some(repair) = article.repair {
            say::warning(format_args!("{}: {repair}", file.display()));
        }
        match AnalyzedArticle::analyze(article) {
            Ok(analyzed) => each(file, analyzed),
            Err(failure) => {
                say::error(format_args!("{}: {failure}", file.display()));
                all_taken = false;
            }
        }
    }
    all_taken
}
