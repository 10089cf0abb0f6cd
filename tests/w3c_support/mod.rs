//! The W3C Web Annotation conformance runner, in Rust: it loads the `JSONtest` files vendored
//! under `tests/w3c/` (w3c/web-annotation-tests) and evaluates their assertions against an
//! export, offline, with the `jsonschema` crate.
//!
//! It ports the semantics of the Python runner the project used before (`run.py`, default
//! options), so both give the same verdict on every assertion:
//!
//! - **Assertion entries** in a `.test` file: a path (no slash: next to the `.test` file; with
//!   a slash: from the top of the suite), an inline schema, `{"assertionFile": path, ...}`
//!   whose local keys override the file's, or a nested list. A condition object
//!   (`assertions` plus `compareWith: and|or`) counts as one assertion.
//! - **Defaults:** `assertionType` `must`, `expectedResult` `valid`, `onUnexpectedResult`
//!   `failAndContinue`. An assertion fails when the outcome differs from `expectedResult`;
//!   then `…AndSkip` skips the rest of its list and `…AndAbort` everything that remains.
//! - **`$ref`** resolves in a flat namespace of definition names (`bodyTarget.json`, …), the
//!   way the W3C harness registered `definitions/*.json`: whatever comes before the file name
//!   (a remote URL, a folder) is ignored, and the definitions are served from the vendored
//!   files, never fetched.
//! - **Keywords next to `$ref` are evaluated** (the harness ran Ajv 4, and the suite relies
//!   on it): `{"$ref": X, k: v}` is checked as `{k: v, "allOf": [{"$ref": X}]}`.
//! - **Formats:** the suite uses only `uri` and `date-time`, checked as the harness's Ajv
//!   "fast" mode did (a uri is a scheme, `:`, then no whitespace; a date-time needs a
//!   timezone). Any other format name is not checked.
//! - **Containers:** the annotations of an `AnnotationCollection` (in `first.items`, following
//!   embedded `next` pages, or a top-level `items`), an `AnnotationPage`, a JSON-LD `@graph` or
//!   a JSON array are checked one by one, an embedded annotation without `@context` with the
//!   enclosing one (JSON-LD scoping); with `container`, the collection and page MUST tests also
//!   run on the top-level collection or page.

#![allow(dead_code)] // each test file uses its own share of the runner

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use jsonschema::{Draft, Registry, Retrieve, Uri, Validator};
use regex::Regex;
use serde_json::{Map, Value};

/// Where the vendored definitions live in the flat `$ref` namespace. `.invalid` never
/// resolves, and nothing is fetched anyway.
const DEFINITIONS_BASE: &str = "https://web-annotation-tests.invalid/definitions/";
/// The base URI of each assertion schema, apart from the definitions so no id collides.
const ASSERTIONS_BASE: &str = "https://web-annotation-tests.invalid/assertions/";
const DRAFT4: &str = "http://json-schema.org/draft-04/schema";

/// The vendored suite: `tests/w3c/`.
pub fn vendored_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/w3c")
}

// ------------------------------------------------------------------------------------------
// Formats: what the W3C harness accepted (Ajv's default "fast" formats), written so Rust's
// regex matches exactly what Python's `re` matched in the runner this ports (checked code
// point by code point against Python 3.11): with IGNORECASE, `[a-z]` there also matches
// U+0130 and U+0131; `\s` also covers the separators U+001C..U+001F; `\d` is Unicode 14's
// decimal digits (Rust's regex knows the 100 digits Unicode 15 and 16 added); and `$` also
// matches before one final newline.
// ------------------------------------------------------------------------------------------

/// A letter of a uri scheme.
const SCHEME_LETTER: &str = r"a-z\u{130}\u{131}";
/// Whitespace.
const SPACE: &str = r"\s\x1C-\x1F";
/// A decimal digit.
const DIGIT: &str = concat!(
    r"[\d--[",
    r"\u{10D40}-\u{10D49}\u{116D0}-\u{116E3}\u{11BF0}-\u{11BF9}\u{11F50}-\u{11F59}\u{16130}-\u{16139}",
    r"\u{16D70}-\u{16D79}\u{1CCF0}-\u{1CCF9}\u{1E4F0}-\u{1E4F9}\u{1E5F1}-\u{1E5FA}",
    r"]]"
);

static URI_FAST: LazyLock<Regex> = LazyLock::new(|| {
    let (letter, space) = (SCHEME_LETTER, SPACE);
    Regex::new(&format!(
        r"(?i)\A[{letter}][{letter}0-9+\-.]*:[^{space}]*\n?\z"
    ))
    .unwrap()
});
static DATE_TIME_FAST: LazyLock<Regex> = LazyLock::new(|| {
    let (d, space) = (DIGIT, SPACE);
    Regex::new(&format!(
        r"(?i)\A{d}{d}{d}{d}-[0-1]{d}-[0-3]{d}[t{space}](?:[0-2]{d}:[0-5]{d}:[0-5]{d}|23:59:60)(?:\.{d}+)?(?:z|[+-]{d}{d}(?::?{d}{d})?)\n?\z"
    ))
    .unwrap()
});

/// A `uri` as the harness checked it: a scheme, `:`, then no whitespace.
pub fn is_uri(value: &str) -> bool {
    URI_FAST.is_match(value)
}

/// A `date-time` as the harness checked it: RFC 3339-like, with a timezone.
pub fn is_date_time(value: &str) -> bool {
    DATE_TIME_FAST.is_match(value)
}

// ------------------------------------------------------------------------------------------
// The model: assertions, condition objects, nested lists, test files
// ------------------------------------------------------------------------------------------

/// An assertion's level (`assertionType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Must,
    Should,
    May,
}

impl Level {
    fn parse(value: Option<&Value>) -> Level {
        match value
            .map_or_else(|| "must".to_owned(), text_of)
            .to_lowercase()
            .as_str()
        {
            "should" => Level::Should,
            "may" => Level::May,
            _ => Level::Must,
        }
    }

    /// `must`, `should` or `may`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Must => "must",
            Level::Should => "should",
            Level::May => "may",
        }
    }
}

/// What happens after an unexpected result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Continue,
    Skip,
    Abort,
}

impl Action {
    fn parse(value: Option<&Value>) -> Action {
        match value.and_then(Value::as_str).unwrap_or("failAndContinue") {
            "failAndSkip" | "passAndSkip" => Action::Skip,
            "failAndAbort" | "passAndAbort" => Action::Abort,
            _ => Action::Continue,
        }
    }
}

/// What an assertion says about itself.
#[derive(Debug, Clone)]
struct Meta {
    /// The assertion file relative to the suite, or where in the `.test` file it is.
    source: String,
    level: Level,
    expect_valid: bool,
    on_unexpected: Action,
    message: String,
    title: String,
}

enum Node {
    /// One JSON Schema.
    Leaf {
        meta: Meta,
        validator: Box<Validator>,
    },
    /// A condition object: its children with and/or, reported as one assertion.
    Condition {
        meta: Meta,
        any: bool,
        children: Vec<Node>,
    },
    /// A nested list: `…AndSkip` skips the rest of it.
    Group(Vec<Node>),
}

/// One loaded `.test` file.
pub struct TestFile {
    /// The file, relative to the suite.
    pub label: String,
    pub name: String,
    nodes: Vec<Node>,
    /// Levels whose failures are not reported (`skipFailures`).
    skip_failures: BTreeSet<String>,
}

impl TestFile {
    /// How many assertions it holds (a condition counts as one).
    pub fn count(&self) -> usize {
        fn walk(nodes: &[Node]) -> usize {
            nodes
                .iter()
                .map(|node| match node {
                    Node::Group(inner) => walk(inner),
                    _ => 1,
                })
                .sum()
        }
        walk(&self.nodes)
    }
}

/// The outcome of one assertion on one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Pass,
    Fail,
    Skipped,
}

/// One assertion's verdict.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub source: String,
    pub level: Level,
    pub status: Status,
    pub message: String,
    pub title: String,
    /// A failure at a level the test file lists in `skipFailures`: counted, never printed.
    pub hidden: bool,
    /// A condition's children.
    pub children: Vec<Outcome>,
}

impl Outcome {
    pub fn failed(&self) -> bool {
        self.status == Status::Fail
    }
}

// ------------------------------------------------------------------------------------------
// Loading the suite
// ------------------------------------------------------------------------------------------

/// Refuses every retrieval: the suite is checked offline, from the vendored files only.
struct Offline;

impl Retrieve for Offline {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        Err(format!("{uri} is not a vendored definition (the runner works offline)").into())
    }
}

/// The vendored suite: its definitions, ready for `$ref`s, and the way to load `.test` files.
pub struct Suite {
    root: PathBuf,
    /// Definition name (file name and `id`) → its URI in the registry.
    definitions: BTreeMap<String, String>,
    registry: Registry<'static>,
    /// Format names the suite uses besides `uri` and `date-time`: registered as unchecked.
    other_formats: BTreeSet<String>,
}

fn read_json(path: &Path, what: &str) -> Result<Value, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|err| format!("cannot read {what} {}: {err}", path.display()))?;
    serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|err| format!("{what} {} is not valid JSON: {err}", path.display()))
}

/// Drops `$schema` everywhere after checking it names draft-04, as the Python runner did.
fn strip_schema_keyword(node: &Value, source: &str) -> Result<Value, String> {
    Ok(match node {
        Value::Object(map) => {
            let mut out = Map::new();
            for (key, value) in map {
                if key == "$schema" {
                    match value.as_str() {
                        Some(uri) if uri.trim_end_matches('#') == DRAFT4 => continue,
                        _ => {
                            return Err(format!(
                                "{source}: unsupported $schema {value} (the suite is draft-04)"
                            ));
                        }
                    }
                }
                out.insert(key.clone(), strip_schema_keyword(value, source)?);
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|item| strip_schema_keyword(item, source))
                .collect::<Result<_, _>>()?,
        ),
        other => other.clone(),
    })
}

/// The names a schema document answers to in the flat `$ref` namespace.
fn doc_names(doc: &Value, file_name: Option<&str>) -> BTreeSet<String> {
    let mut names: BTreeSet<String> = file_name.into_iter().map(str::to_owned).collect();
    if let Some(id) = doc.get("id").and_then(Value::as_str) {
        names.insert(id.rsplit('/').next().unwrap_or(id).to_owned());
    }
    names
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = text
                .get(i + 1..i + 3)
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Keywords whose value is a map of schemas, a list of schemas, or one schema (draft-04).
const SCHEMA_MAPS: [&str; 4] = [
    "properties",
    "patternProperties",
    "definitions",
    "dependencies",
];
const SCHEMA_LISTS: [&str; 3] = ["allOf", "anyOf", "oneOf"];
const SCHEMA_ONE: [&str; 3] = ["not", "additionalItems", "additionalProperties"];

/// Rewrites a schema for the `jsonschema` crate: every `$ref` to another file points at the
/// vendored definition of that name, and keywords beside a `$ref` are kept by moving the
/// `$ref` into `allOf`. Walks the same schema positions as the Python runner did.
struct Rewriter<'a> {
    definitions: &'a BTreeMap<String, String>,
    own_names: &'a BTreeSet<String>,
    formats: &'a mut BTreeSet<String>,
    source: &'a str,
}

impl Rewriter<'_> {
    fn schema(&mut self, node: &Value) -> Result<Value, String> {
        let Value::Object(map) = node else {
            return Ok(node.clone());
        };
        let mut out = Map::new();
        let mut reference = None;
        for (key, value) in map {
            let key = key.as_str();
            let rewritten = if key == "$ref" && value.is_string() {
                reference = Some(self.reference(value.as_str().unwrap_or_default())?);
                continue;
            } else if SCHEMA_MAPS.contains(&key) && value.is_object() {
                let mut inner = Map::new();
                for (name, sub) in value.as_object().into_iter().flatten() {
                    inner.insert(name.clone(), self.schema(sub)?);
                }
                Value::Object(inner)
            } else if SCHEMA_LISTS.contains(&key) && value.is_array() {
                self.list(value)?
            } else if SCHEMA_ONE.contains(&key) {
                self.schema(value)?
            } else if key == "items" {
                if value.is_array() {
                    self.list(value)?
                } else {
                    self.schema(value)?
                }
            } else {
                if key == "format"
                    && let Some(name) = value.as_str()
                {
                    self.formats.insert(name.to_owned());
                }
                value.clone()
            };
            out.insert(key.to_owned(), rewritten);
        }
        if let Some(reference) = reference {
            let target = serde_json::json!({ "$ref": reference });
            if out.is_empty() {
                return Ok(target);
            }
            // A sibling keyword is evaluated too: {"$ref": X, k: v} = {k: v, allOf: [.., X]}.
            match out.get_mut("allOf") {
                Some(Value::Array(all)) => all.push(target),
                _ => {
                    out.insert("allOf".to_owned(), Value::Array(vec![target]));
                }
            }
        }
        Ok(Value::Object(out))
    }

    fn list(&mut self, value: &Value) -> Result<Value, String> {
        Ok(Value::Array(
            value
                .as_array()
                .into_iter()
                .flatten()
                .map(|sub| self.schema(sub))
                .collect::<Result<_, _>>()?,
        ))
    }

    /// `file#fragment` → the vendored definition named by the last path segment of `file`.
    fn reference(&self, reference: &str) -> Result<String, String> {
        let (file, fragment) = reference.split_once('#').unwrap_or((reference, ""));
        if file.is_empty() {
            return Ok(reference.to_owned());
        }
        let name = percent_decode(file.trim_end_matches('/').rsplit('/').next().unwrap_or(""));
        if self.own_names.contains(&name) {
            return Ok(format!("#{fragment}"));
        }
        let uri = self.definitions.get(&name).ok_or_else(|| {
            format!(
                "{}: cannot resolve $ref {reference:?} to a vendored definition (known: {})",
                self.source,
                self.definitions
                    .keys()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })?;
        Ok(format!("{uri}#{fragment}"))
    }
}

impl Suite {
    /// The suite vendored under `tests/w3c/`.
    pub fn vendored() -> Suite {
        Suite::load(&vendored_root()).unwrap_or_else(|err| panic!("the vendored suite: {err}"))
    }

    /// Loads `definitions/*.json` of the suite at `root`.
    pub fn load(root: &Path) -> Result<Suite, String> {
        let root = root
            .canonicalize()
            .map_err(|err| format!("{}: {err}", root.display()))?;
        let folder = root.join("definitions");
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
            .map_err(|err| {
                format!(
                    "{} does not look like the suite (no definitions/ folder): {err}",
                    root.display()
                )
            })?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        paths.sort();
        if paths.is_empty() {
            return Err(format!("no definitions/*.json in {}", root.display()));
        }

        // Pass 1: names. The first file to claim a name keeps it, as in the Python runner.
        let mut docs = Vec::new();
        let mut definitions = BTreeMap::new();
        for path in &paths {
            let file_name = path.file_name().unwrap().to_string_lossy().into_owned();
            let source = format!("definitions/{file_name}");
            let doc = strip_schema_keyword(&read_json(path, "definition file")?, &source)?;
            let names = doc_names(&doc, Some(&file_name));
            let uri = format!("{DEFINITIONS_BASE}{file_name}");
            for name in &names {
                definitions
                    .entry(name.clone())
                    .or_insert_with(|| uri.clone());
            }
            docs.push((source, uri, names, doc));
        }

        // Pass 2: rewrite and register each under its URI, as draft-04.
        let mut other_formats = BTreeSet::new();
        let mut resources = Vec::new();
        for (source, uri, names, doc) in &docs {
            let rewritten = Rewriter {
                definitions: &definitions,
                own_names: names,
                formats: &mut other_formats,
                source,
            }
            .schema(doc)?;
            resources.push((uri.clone(), Draft::Draft4.create_resource(rewritten)));
        }
        let registry = Registry::new()
            .retriever(Offline)
            .extend(resources)
            .and_then(jsonschema::RegistryBuilder::prepare)
            .map_err(|err| format!("the definitions do not form a registry: {err}"))?;
        Ok(Suite {
            root,
            definitions,
            registry,
            other_formats,
        })
    }

    /// The suite's file label for `path`: relative to the suite when inside it.
    fn label(&self, path: &Path) -> String {
        path.strip_prefix(&self.root).map_or_else(
            |_| path.display().to_string(),
            |rel| rel.to_string_lossy().replace('\\', "/"),
        )
    }

    /// The `JSONtest` rules: no slash → next to the `.test` file; otherwise from the top of
    /// the suite.
    fn assertion_path(&self, reference: &str, test_dir: &Path) -> Result<PathBuf, String> {
        if reference.starts_with("http://") || reference.starts_with("https://") {
            return Err(format!(
                "remote assertion {reference} is not supported (the runner works offline)"
            ));
        }
        Ok(if reference.contains('/') {
            self.root.join(reference.trim_start_matches('/'))
        } else {
            test_dir.join(reference)
        })
    }

    fn assertion_file(path: &Path) -> Result<Map<String, Value>, String> {
        match read_json(path, "assertion file")? {
            Value::Object(map) => Ok(map),
            _ => Err(format!(
                "assertion file {} is not a JSON object",
                path.display()
            )),
        }
    }

    fn compile(&self, raw: &Map<String, Value>, source: &str) -> Result<Node, String> {
        let schema = strip_schema_keyword(&Value::Object(raw.clone()), source)?;
        let file_name = (!source.contains(' ')).then(|| source.rsplit('/').next().unwrap_or(""));
        let own_names = doc_names(&schema, file_name);
        let mut formats = self.other_formats.clone();
        let rewritten = Rewriter {
            definitions: &self.definitions,
            own_names: &own_names,
            formats: &mut formats,
            source,
        }
        .schema(&schema)?;
        let mut options = jsonschema::options()
            .with_draft(Draft::Draft4)
            .with_registry(&self.registry)
            .with_retriever(Offline)
            .with_base_uri(format!(
                "{ASSERTIONS_BASE}{}",
                source.replace(|c: char| !c.is_ascii_alphanumeric() && c != '.', "-")
            ))
            .should_validate_formats(true)
            .with_format("uri", is_uri)
            .with_format("date-time", is_date_time);
        for name in formats {
            if name != "uri" && name != "date-time" {
                options = options.with_format(name, |_: &str| true);
            }
        }
        let validator = options
            .build(&rewritten)
            .map_err(|err| format!("{source}: invalid JSON Schema: {err}"))?;
        let expected = raw.get("expectedResult").map(text_of);
        Ok(Node::Leaf {
            meta: Meta {
                source: source.to_owned(),
                level: Level::parse(raw.get("assertionType")),
                expect_valid: expected.as_deref() != Some("invalid"),
                on_unexpected: Action::parse(raw.get("onUnexpectedResult")),
                message: message(raw).unwrap_or_else(|| {
                    format!(
                        "Result was not {}",
                        expected.unwrap_or_else(|| "valid".to_owned())
                    )
                }),
                title: plain_title(raw.get("title")),
            },
            validator: Box::new(validator),
        })
    }

    fn build(&self, entry: &Value, test_dir: &Path, at: &str) -> Result<Node, String> {
        match entry {
            Value::Array(list) => {
                if list.is_empty() {
                    return Err(format!("{at}: empty nested assertion list"));
                }
                Ok(Node::Group(
                    list.iter()
                        .enumerate()
                        .map(|(i, e)| self.build(e, test_dir, &format!("{at}[{i}]")))
                        .collect::<Result<_, _>>()?,
                ))
            }
            Value::String(reference) => {
                let path = self.assertion_path(reference, test_dir)?;
                self.compile(&Self::assertion_file(&path)?, &self.label(&path))
            }
            Value::Object(map) if map.contains_key("assertions") => {
                let children = match map.get("assertions") {
                    Some(Value::Array(children)) if !children.is_empty() => children,
                    _ => {
                        return Err(format!(
                            "{at}: condition object needs a non-empty 'assertions' list"
                        ));
                    }
                };
                let expected = map.get("expectedResult").map(text_of);
                Ok(Node::Condition {
                    meta: Meta {
                        source: format!("{at} (condition)"),
                        level: Level::parse(map.get("assertionType")),
                        expect_valid: expected.as_deref() != Some("invalid"),
                        on_unexpected: Action::parse(map.get("onUnexpectedResult")),
                        message: message(map)
                            .unwrap_or_else(|| "None of the required alternatives held".to_owned()),
                        title: plain_title(map.get("title")),
                    },
                    any: map
                        .get("compareWith")
                        .is_some_and(|how| text_of(how).to_lowercase() == "or"),
                    children: children
                        .iter()
                        .enumerate()
                        .map(|(i, e)| self.build(e, test_dir, &format!("{at}.assertions[{i}]")))
                        .collect::<Result<_, _>>()?,
                })
            }
            Value::Object(map) if map.contains_key("assertionFile") => {
                let file = map.get("assertionFile").map(text_of).unwrap_or_default();
                let path = self.assertion_path(&file, test_dir)?;
                let mut merged = Self::assertion_file(&path)?;
                for (key, value) in map {
                    if key != "assertionFile" {
                        merged.insert(key.clone(), value.clone());
                    }
                }
                self.compile(&merged, &format!("{} (overridden)", self.label(&path)))
            }
            Value::Object(map) => self.compile(map, &format!("{at} (inline)")),
            other => Err(format!(
                "{at}: assertion entry must be a path, object or list, not {other}"
            )),
        }
    }

    /// Loads a `.test` file (or a single assertion file), given relative to the suite or as a
    /// path.
    pub fn load_test(&self, file: impl AsRef<Path>) -> Result<TestFile, String> {
        let file = file.as_ref();
        let path = [self.root.join(file), file.to_path_buf()]
            .into_iter()
            .find(|candidate| candidate.is_file())
            .ok_or_else(|| {
                format!(
                    "test file not found: {} (looked in {})",
                    file.display(),
                    self.root.display()
                )
            })?;
        let path = path.canonicalize().map_err(|err| err.to_string())?;
        let mut data = read_json(&path, "test file")?;
        let label = self.label(&path);
        if data.is_object() && data.get("assertions").is_none() {
            // A bare assertion file: run just that one.
            let name = plain_title(Some(data.get("title").unwrap_or(&Value::from(&*label))));
            let file_name = path.file_name().unwrap().to_string_lossy().into_owned();
            data = serde_json::json!({"name": name, "assertions": [file_name]});
        }
        let entries = match data.get("assertions") {
            Some(Value::Array(entries)) if !entries.is_empty() => entries,
            _ => {
                return Err(format!(
                    "{label}: not a JSONtest file (needs a non-empty 'assertions' list)"
                ));
            }
        };
        let test_dir = path.parent().unwrap_or(&self.root);
        let nodes = entries
            .iter()
            .enumerate()
            .map(|(i, e)| self.build(e, test_dir, &format!("{label} assertions[{i}]")))
            .collect::<Result<_, _>>()?;
        let skip_failures = data
            .get("skipFailures")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|level| text_of(level).to_lowercase())
            .collect();
        Ok(TestFile {
            name: data.get("name").map_or_else(|| label.clone(), text_of),
            label,
            nodes,
            skip_failures,
        })
    }

    /// The default annotation tests: every `annotations/**/*Musts*.test` (today one file,
    /// `annotations/annotationMusts.test`, 54 MUST assertions).
    pub fn default_tests(&self) -> Result<Vec<TestFile>, String> {
        fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, found);
                } else if path.extension().is_some_and(|ext| ext == "test")
                    && path
                        .file_name()
                        .is_some_and(|name| name.to_string_lossy().contains("Musts"))
                {
                    found.push(path);
                }
            }
        }
        let mut found = Vec::new();
        walk(&self.root.join("annotations"), &mut found);
        found.sort();
        if found.is_empty() {
            return Err(format!(
                "no annotations/**/*Musts*.test in {}",
                self.root.display()
            ));
        }
        found.iter().map(|path| self.load_test(path)).collect()
    }

    /// The MUST tests for a top-level collection or page, if `doc` is one.
    fn container_tests(&self, doc: &Value) -> Result<Vec<TestFile>, String> {
        let kinds = types(doc);
        let mut files = Vec::new();
        if kinds.contains("AnnotationCollection") {
            files.push("collections/collectionMusts.test");
            if doc.get("first").is_some_and(Value::is_object) {
                files.push("collections/pages/pageMusts.test");
            }
        } else if kinds.contains("AnnotationPage") {
            files.push("collections/pages/pageMusts.test");
        }
        files.into_iter().map(|file| self.load_test(file)).collect()
    }

    /// Checks every annotation of `doc` against `tests`, and with `container` the top-level
    /// collection or page against the collection and page MUST tests.
    pub fn check(
        &self,
        doc: &Value,
        tests: &[TestFile],
        options: Options,
    ) -> Result<Report, String> {
        let (shape, items, mut notes) = extract_annotations(doc, options.inherit_context)?;
        let annotations = items
            .into_iter()
            .map(|item| {
                let name = annotation_name(&item.annotation);
                Checked {
                    results: run(tests, &item.annotation),
                    label: item.label,
                    name,
                    note: item.note,
                }
            })
            .collect::<Vec<_>>();
        let mut container = None;
        if options.container {
            let tests = self.container_tests(doc)?;
            if tests.is_empty() {
                notes.push(
                    "container checks asked for, but the top-level document is not an \
                     AnnotationCollection or AnnotationPage"
                        .to_owned(),
                );
            } else {
                container = Some(Checked {
                    label: format!(
                        "[container] {}",
                        tests
                            .iter()
                            .map(|t| t.label.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    name: String::new(),
                    results: run(&tests, doc),
                    note: None,
                });
            }
        }
        if annotations.is_empty() && container.is_none() {
            return Err("no annotations found to check".to_owned());
        }
        Ok(Report {
            shape,
            notes,
            tests: tests
                .iter()
                .map(|t| format!("{} ({} assertions)", t.label, t.count()))
                .collect(),
            annotations,
            container,
        })
    }
}

fn text_of(value: &Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_owned)
}

/// `errorMessage`, unless missing or empty (false, 0, "", [] or {}, as Python saw it).
fn message(map: &Map<String, Value>) -> Option<String> {
    let truthy = |m: &&Value| match m {
        Value::Null => false,
        Value::Bool(yes) => *yes,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    };
    map.get("errorMessage").filter(truthy).map(text_of)
}

/// Markdown-ish titles as plain text.
fn plain_title(title: Option<&Value>) -> String {
    static LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[([^\]]*)\]\([^)]*\)").unwrap());
    static SPACE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+").unwrap());
    let text = title.map(text_of).unwrap_or_default();
    let text = LINK.replace_all(&text, "$1").replace("**", "");
    let chars: Vec<char> = text.chars().collect();
    let word = |c: Option<&char>| c.is_some_and(char::is_ascii_alphanumeric);
    let kept: String = chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            c != '_'
                || (word(i.checked_sub(1).and_then(|p| chars.get(p))) && word(chars.get(i + 1)))
        })
        .map(|(_, &c)| c)
        .collect();
    SPACE.replace_all(kept.trim(), " ").into_owned()
}

// ------------------------------------------------------------------------------------------
// Evaluation (JSONtest semantics)
// ------------------------------------------------------------------------------------------

fn outcome(meta: &Meta, test: &TestFile, status: Status, children: Vec<Outcome>) -> Outcome {
    Outcome {
        hidden: status == Status::Fail
            && meta.level != Level::Must
            && test.skip_failures.contains(meta.level.as_str()),
        source: meta.source.clone(),
        level: meta.level,
        status,
        message: meta.message.clone(),
        title: meta.title.clone(),
        children,
    }
}

fn skipped(node: &Node, test: &TestFile, out: &mut Vec<Outcome>) {
    match node {
        Node::Group(inner) => inner.iter().for_each(|n| skipped(n, test, out)),
        Node::Leaf { meta, .. } | Node::Condition { meta, .. } => {
            out.push(outcome(meta, test, Status::Skipped, Vec::new()));
        }
    }
}

/// Runs an assertion list in order; after an unexpected result the assertion's
/// `onUnexpectedResult` decides: go on, skip the rest of this list, or abort all that remains.
fn evaluate(nodes: &[Node], instance: &Value, test: &TestFile) -> (Action, Vec<Outcome>) {
    let mut action = Action::Continue;
    let mut results = Vec::new();
    for node in nodes {
        if action != Action::Continue {
            skipped(node, test, &mut results);
            continue;
        }
        match node {
            Node::Group(inner) => {
                let (inner_action, inner_results) = evaluate(inner, instance, test);
                results.extend(inner_results);
                if inner_action == Action::Abort {
                    action = Action::Abort;
                }
            }
            Node::Condition {
                meta,
                any,
                children,
            } => {
                let (inner_action, inner_results) = evaluate(children, instance, test);
                let mut ran = inner_results.iter().filter(|r| r.status != Status::Skipped);
                let mut ok = if *any {
                    ran.any(|r| !r.failed())
                } else {
                    ran.all(|r| !r.failed())
                };
                if !meta.expect_valid {
                    ok = !ok;
                }
                let status = if ok { Status::Pass } else { Status::Fail };
                results.push(outcome(meta, test, status, inner_results));
                if inner_action == Action::Abort {
                    action = Action::Abort;
                } else if !ok {
                    action = meta.on_unexpected;
                }
            }
            Node::Leaf { meta, validator } => {
                let ok = validator.is_valid(instance) == meta.expect_valid;
                let status = if ok { Status::Pass } else { Status::Fail };
                results.push(outcome(meta, test, status, Vec::new()));
                if !ok {
                    action = meta.on_unexpected;
                }
            }
        }
    }
    (action, results)
}

fn run(tests: &[TestFile], instance: &Value) -> Vec<Outcome> {
    tests
        .iter()
        .flat_map(|test| evaluate(&test.nodes, instance, test).1)
        .collect()
}

// ------------------------------------------------------------------------------------------
// Input: a single annotation, an array, a collection or page, a JSON-LD @graph
// ------------------------------------------------------------------------------------------

/// How a run treats its input.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Also run the collection and page MUST tests on a top-level collection or page.
    pub container: bool,
    /// Check an embedded annotation without `@context` with the enclosing one.
    pub inherit_context: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            container: true,
            inherit_context: true,
        }
    }
}

fn types(value: &Value) -> BTreeSet<String> {
    let Some(map) = value.as_object() else {
        return BTreeSet::new();
    };
    match map.get("type").or_else(|| map.get("@type")) {
        Some(Value::String(kind)) => BTreeSet::from([kind.clone()]),
        Some(Value::Array(kinds)) => kinds
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => BTreeSet::new(),
    }
}

struct Item {
    label: String,
    annotation: Value,
    note: Option<String>,
}

fn embedded(annotation: &Value, label: String, context: Option<&Value>, inherit: bool) -> Item {
    if let (true, Some(map), Some(context)) = (inherit, annotation.as_object(), context)
        && !map.contains_key("@context")
    {
        let mut with_context = Map::new();
        with_context.insert("@context".to_owned(), context.clone());
        with_context.extend(map.clone());
        return Item {
            label,
            annotation: Value::Object(with_context),
            note: Some("@context inherited from the enclosing document".to_owned()),
        };
    }
    Item {
        label,
        annotation: annotation.clone(),
        note: None,
    }
}

fn note_inherited(items: &[Item], kind: &str, notes: &mut Vec<String>) {
    let inherited = items.iter().filter(|item| item.note.is_some()).count();
    if inherited > 0 {
        notes.push(format!(
            "{inherited} embedded annotation(s) without @context were checked with the {kind}'s @context"
        ));
    }
}

type Extracted = (String, Vec<Item>, Vec<String>);

fn extract_annotations(doc: &Value, inherit: bool) -> Result<Extracted, String> {
    let mut notes = Vec::new();
    let map = match doc {
        Value::Array(list) => {
            let items = list
                .iter()
                .enumerate()
                .map(|(i, a)| Item {
                    label: format!("[{i}]"),
                    annotation: a.clone(),
                    note: None,
                })
                .collect();
            return Ok((format!("JSON array of {}", list.len()), items, notes));
        }
        Value::Object(map) => map,
        _ => {
            return Err(
                "the top-level JSON value is not an Annotation, an array of annotations or an \
                 AnnotationCollection"
                    .to_owned(),
            );
        }
    };
    let context = map.get("@context").filter(|c| !c.is_null());
    let kinds = types(doc);

    if let (Some(Value::Array(graph)), true) = (map.get("@graph"), kinds.is_empty()) {
        let items: Vec<Item> = graph
            .iter()
            .enumerate()
            .map(|(i, a)| embedded(a, format!("$.@graph[{i}]"), context, inherit))
            .collect();
        note_inherited(&items, "document", &mut notes);
        return Ok((format!("JSON-LD @graph of {}", items.len()), items, notes));
    }

    let is_collection = kinds.contains("AnnotationCollection");
    let is_page = kinds.contains("AnnotationPage");
    let looks_like_container = is_collection
        || is_page
        || (!kinds.contains("Annotation")
            && !map.contains_key("target")
            && (map.contains_key("items") || map.get("first").is_some_and(Value::is_object)));
    if !looks_like_container {
        return Ok((
            "single annotation".to_owned(),
            vec![Item {
                label: "(document)".to_owned(),
                annotation: doc.clone(),
                note: None,
            }],
            notes,
        ));
    }
    let kind = if is_collection {
        "AnnotationCollection"
    } else if is_page {
        "AnnotationPage"
    } else {
        "container"
    };

    let mut items = Vec::new();
    let mut take = |page: &Map<String, Value>, at: &str, notes: &mut Vec<String>| {
        let entries = match page.get("items") {
            None | Some(Value::Null) => {
                notes.push(format!("{at} has no 'items'"));
                return;
            }
            Some(Value::Array(list)) => list.clone(),
            Some(one) => vec![one.clone()],
        };
        for (i, a) in entries.iter().enumerate() {
            let label = format!("{at}.items[{i}]");
            if let Some(link) = a.as_str() {
                notes.push(format!(
                    "{label} is a reference ({link}), not an embedded annotation: not checked"
                ));
                continue;
            }
            items.push(embedded(a, label, context, inherit));
        }
    };
    if map.contains_key("items") {
        take(map, "$", &mut notes);
    }
    let mut page = map.get("first");
    let mut at = "$.first".to_owned();
    while let Some(mut current) = page {
        if let Value::Array(one) = current
            && one.len() == 1
        {
            current = &one[0];
        }
        if let Value::String(link) = current {
            notes.push(format!(
                "{at} is a link ({link}); pages are not fetched, so its annotations are not checked"
            ));
            break;
        }
        let Value::Object(page_map) = current else {
            break;
        };
        take(page_map, &at, &mut notes);
        page = page_map.get("next");
        at.push_str(".next");
    }
    note_inherited(&items, kind, &mut notes);
    Ok((kind.to_owned(), items, notes))
}

fn annotation_name(annotation: &Value) -> String {
    annotation
        .get("id")
        .or_else(|| annotation.get("@id"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

// ------------------------------------------------------------------------------------------
// Reports
// ------------------------------------------------------------------------------------------

/// The verdicts on one checked object: an annotation, or the container.
#[derive(Debug, Clone)]
pub struct Checked {
    pub label: String,
    /// The annotation's id, if any.
    pub name: String,
    pub results: Vec<Outcome>,
    pub note: Option<String>,
}

impl Checked {
    /// The failed MUST assertions.
    pub fn failed_must(&self) -> impl Iterator<Item = &Outcome> {
        self.results
            .iter()
            .filter(|r| r.failed() && r.level == Level::Must)
    }
}

/// Passed and failed assertions of each level, and how many were skipped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub must: (usize, usize),
    pub should: (usize, usize),
    pub may: (usize, usize),
    pub skipped: usize,
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "MUST {} passed, {} failed; SHOULD {} passed, {} failed; MAY {} passed, {} failed; {} skipped",
            self.must.0,
            self.must.1,
            self.should.0,
            self.should.1,
            self.may.0,
            self.may.1,
            self.skipped
        )
    }
}

/// A whole run.
#[derive(Debug, Clone)]
pub struct Report {
    pub shape: String,
    pub notes: Vec<String>,
    /// The test files run on each annotation, with their sizes.
    pub tests: Vec<String>,
    pub annotations: Vec<Checked>,
    pub container: Option<Checked>,
}

impl Report {
    fn checked(&self) -> impl Iterator<Item = &Checked> {
        self.annotations.iter().chain(&self.container)
    }

    /// Failed MUST assertions, over the annotations and the container: the number the
    /// Python runner printed last and turned into its exit status.
    pub fn failed_must(&self) -> usize {
        self.checked().map(|c| c.failed_must().count()).sum()
    }

    /// Every failed MUST assertion as `label: source`.
    pub fn failures(&self) -> Vec<String> {
        self.checked()
            .flat_map(|c| {
                c.failed_must()
                    .map(move |r| format!("{}: {}", c.label, r.source))
            })
            .collect()
    }

    /// Passed and failed assertions per level.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for result in self.checked().flat_map(|c| &c.results) {
            let slot = match result.level {
                Level::Must => &mut counts.must,
                Level::Should => &mut counts.should,
                Level::May => &mut counts.may,
            };
            match result.status {
                Status::Pass => slot.0 += 1,
                Status::Fail => slot.1 += 1,
                Status::Skipped => counts.skipped += 1,
            }
        }
        counts
    }
}

/// The report as the Python runner printed it (without its verbose details).
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        writeln!(out, "tests: {}", self.tests.join(", "))?;
        writeln!(
            out,
            "input: {}, {} annotation(s) to check",
            self.shape,
            self.annotations.len()
        )?;
        for note in &self.notes {
            writeln!(out, "note: {note}")?;
        }
        let total = self.annotations.len();
        let mut other = 0;
        let mut show = |out: &mut String, header: &str, checked: &Checked| -> fmt::Result {
            let must_failed: Vec<&Outcome> = checked.failed_must().collect();
            let must_run = checked
                .results
                .iter()
                .filter(|r| r.level == Level::Must && r.status != Status::Skipped)
                .count();
            let skipped = checked
                .results
                .iter()
                .filter(|r| r.status == Status::Skipped)
                .count();
            let mut status = if must_failed.is_empty() {
                format!("ok: {must_run} MUST assertions passed")
            } else {
                format!(
                    "FAIL: {} of {must_run} MUST assertions failed",
                    must_failed.len()
                )
            };
            if skipped > 0 {
                write!(status, ", {skipped} skipped")?;
            }
            writeln!(out, "{header}  {status}")?;
            for r in &must_failed {
                writeln!(out, "    - {}\n      {}", r.source, r.message)?;
            }
            for r in checked
                .results
                .iter()
                .filter(|r| r.failed() && r.level != Level::Must && !r.hidden)
            {
                other += 1;
                writeln!(
                    out,
                    "    - [{}, not counted] {}\n      {}",
                    r.level.as_str().to_uppercase(),
                    r.source,
                    r.message
                )?;
            }
            Ok(())
        };
        for (i, checked) in self.annotations.iter().enumerate() {
            let mut header = format!("[{}/{total}] {}", i + 1, checked.label);
            if !checked.name.is_empty() {
                write!(header, " {}", checked.name)?;
            }
            show(&mut out, &header, checked)?;
        }
        if let Some(container) = &self.container {
            show(&mut out, &container.label, container)?;
        }
        if other > 0 {
            writeln!(
                out,
                "({other} SHOULD/MAY assertion(s) not met; not counted as failures)"
            )?;
        }
        let container_failed = self
            .container
            .as_ref()
            .map_or(0, |c| c.failed_must().count());
        if container_failed > 0 {
            writeln!(
                out,
                "container: {container_failed} failed MUST assertions (included below)"
            )?;
        }
        write!(
            out,
            "{total} annotations, {} failed MUST assertions",
            self.failed_must()
        )?;
        f.write_str(&out)
    }
}
