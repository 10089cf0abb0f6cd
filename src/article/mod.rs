//! Loading articles: files and folders to decoded text with identity, title, date and
//! boilerplate ranges. The text is kept exactly as loaded; every offset points into it.

pub mod boilerplate;
pub mod decode;
pub mod html;
pub mod metadata;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use boilerplate::{Boilerplate, BoilerplateKind};
pub use decode::{DecodeError, Encoding, Repair};

use crate::file::{ReadError, read_regular};

/// Files larger than this are refused: no news article is this long, and the reader would
/// have to hold and lay out all of it.
pub const MAX_ARTICLE_BYTES: u64 = 32 * 1024 * 1024;

/// A stable identifier: derived from the article's content, so the same file gets the same id
/// on every machine and in every session.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The format a file was read as, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Plain text (`.txt`).
    Text,
    /// Markdown (`.md`, `.markdown`), kept as written.
    Markdown,
    /// HTML (`.html`, `.htm`), reduced to its readable text.
    Html,
}

impl SourceFormat {
    /// The format for a path's extension, or `None` when it is not an article file.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Self::Text),
            "md" | "markdown" => Some(Self::Markdown),
            "html" | "htm" | "xhtml" => Some(Self::Html),
            _ => None,
        }
    }
}

/// One loaded article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id derived from the content.
    pub id: ArticleId,
    /// Where it was loaded from.
    pub path: PathBuf,
    /// How it was read.
    pub format: SourceFormat,
    /// How its bytes were decoded.
    pub encoding: Encoding,
    /// The invalid bytes decoding replaced, when the file was UTF-8 with some damage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repair: Option<Repair>,
    /// SHA-256 of the file's bytes, lower-case hex.
    pub sha256: String,
    /// The text every offset points into: the file itself for UTF-8 text and Markdown, the
    /// decoded text for other encodings, the readable text for HTML.
    pub text: String,
    /// The HTML title or first heading line.
    pub title: Option<String>,
    /// The publication date and time when the text states one.
    pub published: Option<NaiveDateTime>,
    /// The outlet that published it, when the page or text says (`og:site_name`, a
    /// `Source:` line, a wire dateline's agency).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Web-scrape furniture, as ranges of `text`.
    pub boilerplate: Vec<Boilerplate>,
}

impl Article {
    /// Builds an article from a file's bytes; `path` gives its name and format.
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Self, LoadError> {
        let format = SourceFormat::from_path(path).unwrap_or(SourceFormat::Text);
        if bytes.is_empty() {
            return Err(LoadError::Empty {
                path: path.to_owned(),
            });
        }
        let decode::Decoded {
            text: decoded,
            encoding,
            repair,
        } = decode::decode(bytes).map_err(|source| LoadError::Decode {
            path: path.to_owned(),
            source,
        })?;
        let (text, html_title, site) = match format {
            SourceFormat::Html => {
                let page = html::readable_text(&decoded);
                (page.text, page.title, page.site)
            }
            SourceFormat::Text | SourceFormat::Markdown => (decoded, None, None),
        };
        if text
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
            .is_empty()
        {
            return Err(LoadError::Empty {
                path: path.to_owned(),
            });
        }
        let sha256 = hex(&Sha256::digest(bytes));
        let boilerplate = boilerplate::detect(&text);
        let title = html_title.or_else(|| metadata::heading_title(&text, &boilerplate));
        let published = metadata::publication_date(&text);
        let outlet = site.or_else(|| metadata::outlet(&text));
        Ok(Self {
            id: ArticleId(format!("a{}", &sha256[..12])),
            path: path.to_owned(),
            format,
            encoding,
            repair,
            sha256,
            text,
            title,
            published,
            outlet,
            boilerplate,
        })
    }

    /// Reads and builds the article at `path`, a regular file of at most
    /// [`MAX_ARTICLE_BYTES`].
    pub fn load(path: &Path) -> Result<Self, LoadError> {
        let path_owned = || path.to_owned();
        let bytes = read_regular(path, MAX_ARTICLE_BYTES).map_err(|error| match error {
            ReadError::Io(source) => LoadError::Io {
                path: path_owned(),
                source,
            },
            ReadError::NotRegular(kind) => LoadError::NotRegular {
                path: path_owned(),
                kind,
            },
            ReadError::TooLarge { limit } => LoadError::TooLarge {
                path: path_owned(),
                limit,
            },
        })?;
        Self::from_bytes(path, &bytes)
    }

    /// The title, or the file name when the article has none.
    #[must_use]
    pub fn display_title(&self) -> String {
        self.title.clone().unwrap_or_else(|| {
            self.path
                .file_stem()
                .map_or_else(|| self.id.to_string(), |s| s.to_string_lossy().into_owned())
        })
    }

    /// The boilerplate line containing byte `offset`, if any.
    #[must_use]
    pub fn boilerplate_at(&self, offset: usize) -> Option<&Boilerplate> {
        self.boilerplate
            .iter()
            .find(|b| b.span.start <= offset && offset < b.span.end)
    }
}

/// Why an article could not be loaded. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file or folder could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file holds nothing, or only whitespace.
    #[error("{}: the file is empty", path.display())]
    Empty {
        /// The path.
        path: PathBuf,
    },
    /// The file is larger than [`MAX_ARTICLE_BYTES`].
    #[error("{}: the file is too large (the limit is {limit} bytes)", path.display())]
    TooLarge {
        /// The path.
        path: PathBuf,
        /// The limit in bytes.
        limit: u64,
    },
    /// The path names a FIFO, device, socket or folder where a file was expected.
    #[error("{}: not a regular file (it is {kind})", path.display())]
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is instead.
        kind: &'static str,
    },
    /// The bytes are not text in any encoding Crosscheck reads.
    #[error("{}: {source}", path.display())]
    Decode {
        /// The path.
        path: PathBuf,
        /// What was wrong with the bytes.
        source: DecodeError,
    },
    /// A folder was given but holds no `.txt`, `.md` or `.html` files.
    #[error("{}: no article files (.txt, .md, .html) in this folder", path.display())]
    NoArticles {
        /// The folder.
        path: PathBuf,
    },
    /// The file's name is not valid Unicode, so no workspace or export could name it.
    #[error("{}: the file name is not valid Unicode; rename the file to load it", path.display())]
    NonUnicodeName {
        /// The path.
        path: PathBuf,
    },
    /// A file was given whose extension is not an article format.
    #[error("{}: not an article file (expected .txt, .md or .html)", path.display())]
    NotAnArticle {
        /// The path.
        path: PathBuf,
    },
}

impl LoadError {
    /// The file or folder the error is about.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Self::Io { path, .. }
            | Self::Empty { path }
            | Self::TooLarge { path, .. }
            | Self::NotRegular { path, .. }
            | Self::NonUnicodeName { path }
            | Self::Decode { path, .. }
            | Self::NoArticles { path }
            | Self::NotAnArticle { path } => path,
        }
    }
}

/// The article files found under the paths a user gave.
#[derive(Debug, Default)]
pub struct Collected {
    /// The files to load, in a stable order, each once.
    pub files: Vec<PathBuf>,
    /// Paths that could not be used, each naming its file or folder.
    pub errors: Vec<LoadError>,
    /// Folders and files reached a second time through links, skipped.
    pub revisits: Option<Revisits>,
}

/// Folders or files met again (through a symbolic link loop such as `up -> ..`), reported
/// once for the whole walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revisits {
    /// The first path that led back to something already visited.
    pub first: PathBuf,
    /// How many such paths were skipped.
    pub count: usize,
}

impl std::fmt::Display for Revisits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let others = match self.count {
            0 | 1 => String::new(),
            n => format!(" and {} other paths", n - 1),
        };
        write!(
            f,
            "{}{others}: already visited through another path (a link loop?); skipped",
            self.first.display()
        )
    }
}

/// Expands files and folders into the article files to load, in a stable order. Folders are
/// walked recursively, skipping hidden entries and files that are not articles; a file named
/// explicitly is taken whatever its extension. Every folder and file is visited once, however
/// many links lead to it. Paths that fail are returned as errors beside the ones that work.
#[must_use]
pub fn collect_article_paths(inputs: &[PathBuf]) -> Collected {
    let mut walk = Walk::default();
    for input in inputs {
        match fs::metadata(input) {
            Err(source) => walk.found.errors.push(LoadError::Io {
                path: input.clone(),
                source,
            }),
            Ok(meta) if meta.is_dir() => {
                let before = walk.found.files.len();
                walk.folder(input, &meta);
                if walk.found.files.len() == before {
                    walk.found.errors.push(LoadError::NoArticles {
                        path: input.clone(),
                    });
                }
            }
            Ok(meta) => walk.file(input, &meta),
        }
    }
    walk.found
}

/// A walk over folders that remembers what it has visited.
#[derive(Default)]
struct Walk {
    found: Collected,
    visited: rustc_hash::FxHashSet<Identity>,
}

/// What makes a file or folder the same one whatever path reaches it.
#[cfg(unix)]
type Identity = (u64, u64);
#[cfg(not(unix))]
type Identity = PathBuf;

impl Walk {
    /// Records `path` as visited; false when it was visited before.
    fn first_visit(&mut self, path: &Path, meta: &fs::Metadata) -> bool {
        #[cfg(unix)]
        let identity = {
            use std::os::unix::fs::MetadataExt;
            let _ = path;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let identity = {
            let _ = meta;
            fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
        };
        if self.visited.insert(identity) {
            return true;
        }
        let revisits = self.found.revisits.get_or_insert_with(|| Revisits {
            first: path.to_owned(),
            count: 0,
        });
        revisits.count += 1;
        false
    }

    fn file(&mut self, path: &Path, meta: &fs::Metadata) {
        if path.to_str().is_none() {
            self.found.errors.push(LoadError::NonUnicodeName {
                path: path.to_owned(),
            });
        } else if self.first_visit(path, meta) {
            self.found.files.push(path.to_owned());
        }
    }

    fn folder(&mut self, dir: &Path, meta: &fs::Metadata) {
        if !self.first_visit(dir, meta) {
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(source) => {
                return self.found.errors.push(LoadError::Io {
                    path: dir.to_owned(),
                    source,
                });
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."))
            })
            .collect();
        paths.sort();
        for path in paths {
            // Following links, as a user expects of a folder of articles; loops are cut by
            // the visited set.
            let Ok(meta) = fs::metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                self.folder(&path, &meta);
            } else if SourceFormat::from_path(&path).is_some() {
                self.file(&path, &meta);
            }
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_article_keeps_bytes_and_finds_title_date_and_boilerplate() {
        let raw = "spot_imgspot_img\n\nTroops Arrive in Vladivostok\n\nWednesday, 16 October 2024, 02:55\nKirby said so.\n\nGet in Touch\n";
        let article = Article::from_bytes(Path::new("x/story.txt"), raw.as_bytes()).unwrap();
        assert_eq!(article.text, raw);
        assert_eq!(
            article.title.as_deref(),
            Some("Troops Arrive in Vladivostok")
        );
        assert_eq!(
            article.published.unwrap().to_string(),
            "2024-10-16 02:55:00"
        );
        assert_eq!(article.boilerplate.len(), 2);
        assert!(article.id.0.starts_with('a') && article.id.0.len() == 13);
        assert_eq!(article.sha256.len(), 64);
    }

    #[test]
    fn same_bytes_same_id() {
        let a = Article::from_bytes(Path::new("a.txt"), b"Seoul said so.").unwrap();
        let b = Article::from_bytes(Path::new("elsewhere/b.txt"), b"Seoul said so.").unwrap();
        assert_eq!(a.id, b.id);
    }

    #[test]
    fn empty_and_whitespace_files_are_refused() {
        assert!(matches!(
            Article::from_bytes(Path::new("e.txt"), b""),
            Err(LoadError::Empty { .. })
        ));
        assert!(matches!(
            Article::from_bytes(Path::new("e.txt"), b" \n\t\n"),
            Err(LoadError::Empty { .. })
        ));
    }

    #[test]
    fn html_article_uses_readable_text() {
        let page = b"<html><head><title>Seoul responds</title></head><body><p>Yoon spoke.</p></body></html>";
        let article = Article::from_bytes(Path::new("p.html"), page).unwrap();
        assert_eq!(article.format, SourceFormat::Html);
        assert_eq!(article.title.as_deref(), Some("Seoul responds"));
        assert_eq!(article.text, "Seoul responds\n\nYoon spoke.");
    }

    #[test]
    fn folders_are_walked_recursively_skipping_hidden_and_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("sub/.hidden")).unwrap();
        for name in [
            "b.txt",
            "a.md",
            "sub/c.html",
            "sub/.hidden/d.txt",
            ".e.txt",
            "notes.pdf",
        ] {
            fs::write(root.join(name), "text").unwrap();
        }
        let Collected { files, errors, .. } = collect_article_paths(&[root.to_owned()]);
        let names: Vec<_> = files
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.md", "b.txt", "sub/c.html"]);
        assert!(errors.is_empty());

        let empty = tempfile::tempdir().unwrap();
        let Collected { files, errors, .. } =
            collect_article_paths(&[empty.path().to_owned(), root.join("missing.txt")]);
        assert!(files.is_empty());
        assert!(matches!(errors[0], LoadError::NoArticles { .. }));
        assert!(matches!(errors[1], LoadError::Io { .. }));
    }

    #[cfg(unix)]
    #[test]
    fn link_loops_are_walked_once_and_reported_once() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("articles");
        fs::create_dir_all(root.join("inner")).unwrap();
        fs::write(root.join("a.txt"), "text").unwrap();
        fs::write(root.join("inner/b.txt"), "text").unwrap();
        symlink("..", root.join("inner/up")).unwrap();
        symlink(".", root.join("self")).unwrap();
        symlink("a.txt", root.join("again.txt")).unwrap();
        let found = collect_article_paths(&[root.clone(), root.join("a.txt")]);
        let names: Vec<_> = found
            .files
            .iter()
            .map(|p| {
                p.strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(names, ["a.txt", "inner/b.txt"]);
        assert!(found.errors.is_empty());
        let revisits = found.revisits.unwrap();
        assert_eq!(revisits.count, 4, "{revisits}");
    }

    #[cfg(unix)]
    #[test]
    fn files_that_are_not_regular_or_have_no_unicode_name_are_named_and_skipped() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let odd = dir.path().join(std::ffi::OsStr::from_bytes(b"caf\xE9.txt"));
        fs::write(&odd, "Kirby said so.").unwrap();
        fs::write(dir.path().join("b.txt"), "Kirby said so.").unwrap();
        let found = collect_article_paths(&[dir.path().to_owned()]);
        assert_eq!(found.files, [dir.path().join("b.txt")]);
        assert!(matches!(&found.errors[..], [LoadError::NonUnicodeName { path }] if *path == odd));
        assert!(matches!(
            Article::load(Path::new("/dev/zero")),
            Err(LoadError::NotRegular {
                kind: "a device",
                ..
            })
        ));
    }
}
