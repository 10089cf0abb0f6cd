//! The exports other tools read: schema.org `ClaimReview` JSON-LD and the brat standoff folder, through the library and the binary.

mod workspace_support;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use crosscheck::article::Article;
use crosscheck::export::brat::{self, ANNOTATION_CONF, BratExport};
use crosscheck::export::{ExportError, ExportFormat, Scope, export, export_brat};
use crosscheck::extract::{Entity, EntityKind, ExtractedClaim, Extraction};
use crosscheck::workspace::{
    Action, AnalyzedArticle, ClaimId, ClaimStatus, Credibility, Grades, Reliability, Workspace,
};
use predicates::prelude::*;
use serde_json::Value;
use uuid::Uuid;
use workspace_support::{at, copy_sample_articles, find, sample_workspace, seoul_workspace};

/// Curly apostrophes, Hangul, Arabic and accents before and inside the annotations, and a
/// claim that runs over a line break.
const KURSK: &str = "\u{feff}서울 — Kim Jong Un’s envoy met محمد الأحمد in Pyongyang.\n\
John Kirby said 3,000 troops had arrived in Kursk.\n\
Zelenskyy’s office said the troops\nwere already fighting, the café owner added.\n\
A reader posted =1+1.";

const KIRBY_CLAIM: &str = "John Kirby said 3,000 troops had arrived in Kursk.";
const ZELENSKYY_CLAIM: &str =
    "Zelenskyy’s office said the troops\nwere already fighting, the café owner added.";
const READER_CLAIM: &str = "A reader posted =1+1.";

fn kursk_article(path: &str, text: &str) -> AnalyzedArticle {
    let mut article = Article::from_bytes(Path::new(path), text.as_bytes()).unwrap();
    article.title = Some("Troops in \u{1b}[1mKursk".to_owned());
    article.published =
        NaiveDate::from_ymd_opt(2024, 10, 24).map(|d| d.and_hms_opt(0, 0, 0).unwrap());
    article.outlet = Some("Yonhap".to_owned());
    let mut extraction = Extraction::default();
    for (needle, kind) in [
        ("서울", EntityKind::Location),
        ("Kim Jong Un", EntityKind::Person),
        ("محمد الأحمد", EntityKind::Person),
        ("Pyongyang", EntityKind::Location),
        ("John Kirby", EntityKind::Person),
        ("3,000", EntityKind::Number),
        ("Kursk", EntityKind::Location),
        ("Zelenskyy", EntityKind::Person),
    ] {
        extraction
            .entities
            .push(Entity::new(find(text, needle), kind));
    }
    extraction.entities.sort_by_key(|e| e.span);
    for quote in [KIRBY_CLAIM, ZELENSKYY_CLAIM, READER_CLAIM] {
        extraction.claims.push(ExtractedClaim {
            span: find(text, quote),
            speaker: None,
            speaker_span: None,
            via: None,
            values: Vec::new(),
            relays: Vec::new(),
        });
    }
    AnalyzedArticle {
        article,
        extraction,
    }
}

/// c1 (Kirby) confirmed B2 with a note by bob, c2 (Zelenskyy's office, over a line break)
/// unconfirmed with credibility 6, c3 unreviewed.
fn kursk_workspace() -> Workspace {
    let mut workspace = Workspace::new(Uuid::from_u128(0x006b_7572_736b));
    workspace
        .apply(Action::AddArticle(Box::new(kursk_article(
            "/news/kursk report.txt",
            KURSK,
        ))))
        .unwrap();
    let actions = [
        Action::SetSpeaker {
            claim: ClaimId(1),
            speaker: Some("John Kirby".into()),
        },
        Action::SetSpeaker {
            claim: ClaimId(2),
            speaker: Some("Zelenskyy’s office".into()),
        },
        Action::SetStatus {
            claim: ClaimId(1),
            status: ClaimStatus::Unconfirmed,
            analyst: "alice".into(),
            at: at(0),
        },
        Action::SetStatus {
            claim: ClaimId(1),
            status: ClaimStatus::Confirmed,
            analyst: "bob".into(),
            at: at(60),
        },
        Action::SetGrades {
            claim: ClaimId(1),
            grades: Grades {
                reliability: Some(Reliability::B),
                credibility: Some(Credibility::ProbablyTrue),
            },
        },
        Action::SetNote {
            claim: ClaimId(1),
            note: "Matches the Pentagon\nbriefing \u{1b}[31mverbatim.".into(),
        },
        Action::SetStatus {
            claim: ClaimId(2),
            status: ClaimStatus::Unconfirmed,
            analyst: "alice".into(),
            at: at(5),
        },
        Action::SetGrades {
            claim: ClaimId(2),
            grades: Grades {
                reliability: None,
                credibility: Some(Credibility::CannotBeJudged),
            },
        },
    ];
    for action in actions {
        workspace.apply(action).unwrap();
    }
    workspace.clear_history();
    workspace
}

fn exported(workspace: &Workspace, format: ExportFormat, scope: Scope) -> String {
    let mut bytes = Vec::new();
    export(workspace, format, scope, &mut bytes).unwrap();
    String::from_utf8(bytes).unwrap()
}

fn claim_reviews(workspace: &Workspace, scope: Scope) -> Vec<Value> {
    let document: Value =
        serde_json::from_str(&exported(workspace, ExportFormat::ClaimReview, scope)).unwrap();
    assert_eq!(document["@context"], "https://schema.org");
    document["@graph"].as_array().unwrap().clone()
}

#[test]
fn a_claim_review_has_every_field() {
    let reviews = claim_reviews(&kursk_workspace(), Scope::Reviewed);
    assert_eq!(reviews.len(), 2, "the unreviewed claim stays out");
    let kirby = &reviews[0];
    assert_eq!(kirby["@type"], "ClaimReview");
    assert_eq!(kirby["identifier"], "c1");
    assert!(kirby["@id"].as_str().unwrap().starts_with("urn:uuid:"));
    assert_eq!(kirby["claimReviewed"], KIRBY_CLAIM);
    assert_eq!(
        kirby["reviewRating"],
        serde_json::json!({
            "@type": "Rating",
            "alternateName": "Confirmed",
            "ratingValue": 4,
            "bestRating": 5,
            "worstRating": 1,
            "ratingExplanation": "Admiralty B2: source usually reliable; information probably true",
        })
    );
    assert_eq!(
        kirby["reviewBody"], "Matches the Pentagon\nbriefing [31mverbatim.",
        "the note, control characters dropped"
    );
    assert_eq!(
        kirby["author"],
        serde_json::json!({"@type": "Person", "name": "bob"}),
        "who set the current status"
    );
    assert_eq!(
        kirby["datePublished"], "2024-10-25",
        "the day of bob's review"
    );
    let item = &kirby["itemReviewed"];
    assert_eq!(item["@type"], "Claim");
    assert_eq!(
        item["author"],
        serde_json::json!({"@type": "Person", "name": "John Kirby"})
    );
    assert_eq!(item["datePublished"], "2024-10-24");
    let appearance = &item["appearance"];
    assert_eq!(appearance["@type"], "CreativeWork");
    assert_eq!(appearance["url"], "file:///news/kursk%20report.txt");
    assert_eq!(appearance["headline"], "Troops in [1mKursk");
    assert_eq!(appearance["datePublished"], "2024-10-24");
    assert_eq!(
        appearance["publisher"],
        serde_json::json!({"@type": "Organization", "name": "Yonhap"})
    );
    assert!(
        appearance["identifier"]
            .as_str()
            .unwrap()
            .starts_with("urn:sha256:")
    );

    let office = &reviews[1];
    assert_eq!(
        office["claimReviewed"],
        "Zelenskyy’s office said the troops were already fighting, the café owner added.",
        "on one line"
    );
    assert_eq!(
        office["reviewRating"],
        serde_json::json!({
            "@type": "Rating",
            "alternateName": "Unconfirmed",
            "ratingExplanation": "Admiralty -6: information truth cannot be judged",
        }),
        "credibility 6 is no point on the scale"
    );
    assert_eq!(
        office["itemReviewed"]["author"],
        serde_json::json!({"@type": "Thing", "name": "Zelenskyy’s office"}),
        "a speaker the entity index does not know"
    );
    assert!(office.get("reviewBody").is_none());
}

#[test]
fn unreviewed_claims_go_out_only_with_all() {
    let workspace = kursk_workspace();
    let all = claim_reviews(&workspace, Scope::All);
    assert_eq!(all.len(), 3);
    let reader = &all[2];
    assert_eq!(reader["identifier"], "c3");
    assert_eq!(
        reader["reviewRating"],
        serde_json::json!({"@type": "Rating", "alternateName": "Unreviewed"})
    );
    assert!(reader.get("author").is_none() && reader.get("datePublished").is_none());
    assert!(reader["itemReviewed"].get("author").is_none(), "no speaker");
    assert_eq!(
        all[0]["@id"],
        claim_reviews(&workspace, Scope::Reviewed)[0]["@id"],
        "a review keeps its id"
    );

    let seoul = claim_reviews(&seoul_workspace(), Scope::Reviewed);
    assert_eq!(seoul.len(), 2);
    let empty = claim_reviews(&Workspace::new(Uuid::nil()), Scope::All);
    assert!(empty.is_empty());
}

#[test]
fn claim_review_and_brat_are_deterministic() {
    let workspace = sample_workspace();
    for scope in [Scope::Reviewed, Scope::All] {
        assert_eq!(
            exported(&workspace, ExportFormat::ClaimReview, scope),
            exported(&workspace, ExportFormat::ClaimReview, scope)
        );
        assert_eq!(
            brat::documents(&workspace, scope),
            brat::documents(&workspace, scope)
        );
    }
    assert_eq!(ExportFormat::ClaimReview.extension(), "jsonld");
}

/// One `T` line: type, fragments in characters, text column.
struct TextBound {
    id: String,
    kind: String,
    fragments: Vec<(usize, usize)>,
    text: String,
}

fn text_bounds(ann: &str) -> Vec<TextBound> {
    ann.lines()
        .filter(|line| line.starts_with('T'))
        .map(|line| {
            let mut fields = line.split('\t');
            let id = fields.next().unwrap().to_owned();
            let (kind, offsets) = fields.next().unwrap().split_once(' ').unwrap();
            let text = fields.next().unwrap().to_owned();
            assert!(fields.next().is_none(), "{line}");
            let fragments = offsets
                .split(';')
                .map(|pair| {
                    let (start, end) = pair.split_once(' ').unwrap();
                    (start.parse().unwrap(), end.parse().unwrap())
                })
                .collect();
            TextBound {
                id,
                kind: kind.to_owned(),
                fragments,
                text,
            }
        })
        .collect()
}

/// The characters `start..end` of `text`, as brat counts them.
fn chars(text: &str, (start, end): (usize, usize)) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn only_document(export: &BratExport) -> &brat::BratDocument {
    assert_eq!(export.documents.len(), 1);
    &export.documents[0]
}

#[test]
fn brat_offsets_count_characters_and_split_at_line_breaks() {
    let export = brat::documents(&kursk_workspace(), Scope::All);
    let document = only_document(&export);
    assert_eq!(
        document.text, KURSK,
        "the text exactly as analysed, BOM included"
    );
    let bounds = text_bounds(&document.ann);
    assert_eq!(bounds.len(), 8 + 3);
    for bound in &bounds {
        let selected: Vec<String> = bound
            .fragments
            .iter()
            .map(|&fragment| chars(&document.text, fragment))
            .collect();
        assert_eq!(selected.join(" "), bound.text, "{}", bound.id);
    }
    let line = |text: &str| {
        document
            .ann
            .lines()
            .find(|line| line.ends_with(&format!("\t{text}")))
            .unwrap_or_else(|| panic!("no line for {text}:\n{}", document.ann))
            .to_owned()
    };
    // BOM, 서, 울, space, dash, space: Kim starts at character 6.
    assert_eq!(line("Kim Jong Un"), "T2\tPerson 6 17\tKim Jong Un");
    assert_eq!(line("محمد الأحمد"), "T3\tPerson 30 41\tمحمد الأحمد");
    let zelenskyy = bounds
        .iter()
        .find(|b| b.kind == "Claim" && b.fragments.len() == 2);
    let zelenskyy = zelenskyy.expect("the claim over a line break is two fragments");
    assert_eq!(
        zelenskyy.text,
        "Zelenskyy’s office said the troops were already fighting, the café owner added."
    );
    assert!(!document.ann.contains('\r') && !document.ann.contains('\u{1b}'));

    // The claims' review, one line each.
    let ann = &document.ann;
    let kirby = &bounds.iter().find(|b| b.text == KIRBY_CLAIM).unwrap().id;
    for expected in [
        format!("\tStatus {kirby} Confirmed"),
        format!("\tReliability {kirby} B"),
        format!("\tCredibility {kirby} 2"),
        format!("\tAnnotatorNotes {kirby}\tMatches the Pentagon briefing [31mverbatim."),
        format!("\tSpeaker {kirby}\tJohn Kirby"),
        format!("\tClaimId {kirby}\tc1"),
        format!("\tStatus {} Unconfirmed", zelenskyy.id),
        format!("\tCredibility {} 6", zelenskyy.id),
    ] {
        assert_eq!(
            ann.lines().filter(|line| line.contains(&expected)).count(),
            1,
            "{expected} in\n{ann}"
        );
    }
    let reader = &bounds.iter().find(|b| b.text == READER_CLAIM).unwrap().id;
    assert!(ann.contains(&format!("\tStatus {reader} Unreviewed")));
    assert_eq!((export.claims, export.entities, export.unplaced), (3, 8, 0));

    let reviewed = brat::documents(&kursk_workspace(), Scope::Reviewed);
    let claims = text_bounds(&only_document(&reviewed).ann)
        .into_iter()
        .filter(|b| b.kind == "Claim")
        .count();
    assert_eq!(claims, 2, "the unreviewed claim stays out by default");
}

/// The names `annotation.conf` declares: entity types, and attribute names with their values.
fn declared() -> (BTreeSet<String>, BTreeSet<(String, String)>) {
    let mut entities = BTreeSet::new();
    let mut attributes = BTreeSet::new();
    let mut section = "";
    for line in ANNOTATION_CONF.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[') {
            section = name.trim_end_matches(']');
            continue;
        }
        match section {
            "entities" => {
                entities.insert(line.to_owned());
            }
            "attributes" => {
                let (name, arguments) = line.split_once('\t').unwrap();
                let values = arguments.split("Value:").nth(1).unwrap();
                for value in values.split('|') {
                    attributes.insert((name.to_owned(), value.to_owned()));
                }
            }
            _ => {}
        }
    }
    (entities, attributes)
}

#[test]
fn annotation_conf_declares_every_type_and_value_used() {
    let (entities, attributes) = declared();
    for kind in EntityKind::ALL {
        assert!(entities.contains(brat::entity_type(kind)));
    }
    for workspace in [kursk_workspace(), sample_workspace(), seoul_workspace()] {
        for document in brat::documents(&workspace, Scope::All).documents {
            for bound in text_bounds(&document.ann) {
                assert!(entities.contains(&bound.kind), "{} undeclared", bound.kind);
            }
            for line in document.ann.lines().filter(|line| line.starts_with('A')) {
                let fields: Vec<&str> = line.split(['\t', ' ']).collect();
                let used = (fields[1].to_owned(), fields[3].to_owned());
                assert!(attributes.contains(&used), "{line} undeclared");
            }
        }
    }
}

#[test]
fn the_brat_folder_is_written_safely_with_unique_names() {
    let mut workspace = kursk_workspace();
    // A second article with the same title, its claim reviewed.
    let twin = kursk_article("/news/twin.txt", &format!("{KURSK}\nMore."));
    workspace.apply(Action::AddArticle(Box::new(twin))).unwrap();
    workspace
        .apply(Action::SetStatus {
            claim: ClaimId(4),
            status: ClaimStatus::Confirmed,
            analyst: "bob".into(),
            at: at(1),
        })
        .unwrap();

    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("brat").join("kursk");
    let summary = export_brat(&workspace, Scope::Reviewed, &folder).unwrap();
    assert_eq!((summary.documents, summary.claims), (2, 3));
    let mut names: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Troops-in-1mKursk-2.ann",
            "Troops-in-1mKursk-2.txt",
            "Troops-in-1mKursk.ann",
            "Troops-in-1mKursk.txt",
            "annotation.conf",
        ],
        "no temporary or lock file left"
    );
    assert_eq!(
        fs::read(folder.join("Troops-in-1mKursk.txt")).unwrap(),
        KURSK.as_bytes()
    );
    let first = fs::read(folder.join("Troops-in-1mKursk.ann")).unwrap();

    // Again: the same files, replaced.
    export_brat(&workspace, Scope::Reviewed, &folder).unwrap();
    assert_eq!(
        fs::read(folder.join("Troops-in-1mKursk.ann")).unwrap(),
        first
    );

    let not_a_folder = root.path().join("file");
    fs::write(&not_a_folder, "x").unwrap();
    assert!(matches!(
        export_brat(&workspace, Scope::Reviewed, &not_a_folder),
        Err(ExportError::NotAFolder { .. })
    ));

    #[cfg(unix)]
    {
        let outside = root.path().join("outside.txt");
        fs::write(&outside, "keep me").unwrap();
        fs::remove_file(folder.join("Troops-in-1mKursk.txt")).unwrap();
        std::os::unix::fs::symlink(&outside, folder.join("Troops-in-1mKursk.txt")).unwrap();
        let refused = export_brat(&workspace, Scope::Reviewed, &folder).unwrap_err();
        assert!(matches!(refused, ExportError::Occupied { .. }), "{refused}");
        assert_eq!(fs::read_to_string(&outside).unwrap(), "keep me");
    }
}

#[test]
fn orphaned_claims_are_left_out_of_brat_and_counted() {
    let mut workspace = seoul_workspace();
    let article = workspace.claim(ClaimId(1)).unwrap().article.clone();
    let changed = workspace_support::analyzed(
        "seoul.txt",
        "Kirby said “at least 3,000” soldiers had arrived.",
        &[],
    );
    workspace
        .apply(Action::ReimportArticle {
            article,
            updated: Box::new(changed),
        })
        .unwrap();
    let export = brat::documents(&workspace, Scope::Reviewed);
    assert_eq!((export.claims, export.unplaced), (1, 1));
}

fn crosscheck() -> Command {
    let mut command = Command::cargo_bin("crosscheck").unwrap();
    command.env("USER", "carol");
    command
}

/// A workspace made from copies of the sample articles, its first claim tagged.
fn tagged_samples() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let articles = copy_sample_articles(folder.path());
    let workspace = folder.path().join("review.json");
    crosscheck()
        .args(["workspace", "new"])
        .arg(&workspace)
        .arg(&articles)
        .assert()
        .success();
    crosscheck()
        .arg("tag")
        .arg(&workspace)
        .args(["c1", "confirmed", "--note", "Seen in the readout."])
        .assert()
        .success();
    (folder, workspace)
}

#[test]
fn the_binary_writes_claim_review_and_brat() {
    let (folder, workspace) = tagged_samples();

    let stdout = crosscheck()
        .arg("export")
        .arg(&workspace)
        .args(["--format", "claimreview"])
        .output()
        .unwrap();
    assert!(stdout.status.success());
    let document: Value = serde_json::from_slice(&stdout.stdout).unwrap();
    let graph = document["@graph"].as_array().unwrap();
    assert_eq!(graph.len(), 1);
    assert_eq!(graph[0]["author"]["name"], "carol");
    assert_eq!(graph[0]["reviewBody"], "Seen in the readout.");
    assert_eq!(graph[0]["reviewRating"]["alternateName"], "Confirmed");
    assert!(
        graph[0]["itemReviewed"]["appearance"]["url"]
            .as_str()
            .unwrap()
            .starts_with("articles/"),
        "the path as the workspace stores it"
    );

    let file = folder.path().join("reviews.jsonld");
    crosscheck()
        .arg("export")
        .arg(&workspace)
        .args(["--format", "claimreview", "--all", "-o"])
        .arg(&file)
        .assert()
        .success();
    let all: Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    assert!(all["@graph"].as_array().unwrap().len() > 10);

    let brat_folder = folder.path().join("brat");
    crosscheck()
        .arg("export")
        .arg(&workspace)
        .args(["--format", "brat", "-o"])
        .arg(&brat_folder)
        .assert()
        .success()
        .stderr(
            predicate::str::contains("wrote 1 claims")
                .and(predicate::str::contains("from 1 articles")),
        );
    let files: Vec<PathBuf> = fs::read_dir(&brat_folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(files.len(), 3, "{files:?}");
    assert!(brat_folder.join("annotation.conf").is_file());
    let ann = files
        .iter()
        .find(|path| path.extension().is_some_and(|ext| ext == "ann"))
        .unwrap();
    let ann = fs::read_to_string(ann).unwrap();
    assert!(ann.contains("\tAnnotatorNotes T") && ann.contains("\tSeen in the readout.\n"));
    assert!(ann.contains(" Confirmed\n"));
}

#[test]
fn brat_without_a_folder_is_a_usage_error() {
    let (_folder, workspace) = tagged_samples();
    crosscheck()
        .arg("export")
        .arg(&workspace)
        .args(["--format", "brat"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--output"));
}
