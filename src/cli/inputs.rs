//! The articles a command is given: folders walked, each file loaded and analysed on its own,
//! so one bad file is reported by name and never stops the others.

use std::path::{Path, PathBuf};

use crosscheck::article::{Article, collect_article_paths};
use crosscheck::workspace::AnalyzedArticle;

use super::say;

/// How many inputs a command took and how many failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Taken {
    /// Articles analysed and handed on.
    pub articles: usize,
    /// Inputs that could not be taken, each reported on stderr.
    pub failed: usize,
}

impl std::ops::AddAssign for Taken {
    fn add_assign(&mut self, other: Self) {
        self.articles += other.articles;
        self.failed += other.failed;
    }
}

impl Taken {
    /// Whether every input was taken (exit code 0 or 1); an error when inputs failed and
    /// none was taken, as nothing was processed (exit code 2).
    pub fn all_taken(self) -> anyhow::Result<bool> {
        if self.articles == 0 && self.failed > 0 {
            anyhow::bail!(
                "nothing processed: none of the {} inputs could be read as an article",
                self.failed
            );
        }
        Ok(self.failed == 0)
    }
}

/// One input, in input order: an article analysed, or a file that failed (named on stderr).
pub enum Input<'a> {
    /// The file and its analysed article (boxed: it is large beside a failure).
    Article(&'a Path, Box<AnalyzedArticle>),
    /// The file or folder and why it could not be taken.
    Failed(&'a Path, String),
}

/// Loads and analyses every article under `paths`, handing each to `each` in order; files
/// that fail are reported on stderr. `skip` is a file never to take as an article (the
/// workspace being added to).
pub fn analyze_each(
    paths: &[PathBuf],
    skip: Option<&Path>,
    mut each: impl FnMut(&Path, AnalyzedArticle),
) -> Taken {
    take_each(paths, skip, |input| {
        if let Input::Article(path, article) = input {
            each(path, *article);
        }
    })
}

/// As [`analyze_each`], handing on the failures too.
pub fn take_each(paths: &[PathBuf], skip: Option<&Path>, mut each: impl FnMut(Input<'_>)) -> Taken {
    let found = collect_article_paths(paths);
    let mut taken = Taken {
        articles: 0,
        failed: found.errors.len(),
    };
    for error in &found.errors {
        say::error(error);
        each(Input::Failed(error.path(), error.to_string()));
    }
    if let Some(revisits) = &found.revisits {
        say::warning(revisits);
    }
    let skip = skip.and_then(|path| std::fs::canonicalize(path).ok());
    for file in &found.files {
        if skip.is_some() && std::fs::canonicalize(file).ok() == skip {
            let message = format!(
                "{}: this is the workspace itself, not an article; skipped",
                file.display()
            );
            say::error(&message);
            each(Input::Failed(file, message));
            taken.failed += 1;
            continue;
        }
        let article = match Article::load(file) {
            Ok(article) => article,
            Err(error) => {
                say::error(&error);
                each(Input::Failed(file, error.to_string()));
                taken.failed += 1;
                continue;
            }
        };
        if let Some(repair) = article.repair {
            say::warning(format_args!("{}: {repair}", file.display()));
        }
        match AnalyzedArticle::analyze(article) {
            Ok(analyzed) => {
                say::debug(format_args!(
                    "{}: {} entities, {} claims",
                    file.display(),
                    analyzed.extraction.entities.len(),
                    analyzed.extraction.claims.len()
                ));
                taken.articles += 1;
                each(Input::Article(file, Box::new(analyzed)));
            }
            Err(failure) => {
                let message = format!("{}: {failure}", file.display());
                say::error(&message);
                each(Input::Failed(file, message));
                taken.failed += 1;
            }
        }
    }
    taken
}
