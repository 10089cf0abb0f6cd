//! Cross-checking on texts written for these tests: qualifiers and time frames, conflict
//! rules, source chains and independent origins, alias merging and index edits, timeline.

// Figures are parsed from text (`12,000` is exactly 12000.0): exact comparison is the test.
#![allow(clippy::float_cmp)]

use std::path::Path;

use crosscheck::article::Article;
use crosscheck::compare::{
    Bounds, Comparison, Counted, EditError, EntityIndex, FigureGroup, IndexEdit, PlacementBasis,
    SourceKind, TimelineFilter, TimingKind, apply_edit, apply_edits, timeline, workspace_from,
};
use crosscheck::extract::EntityKind;
use crosscheck::workspace::{Action, AnalyzedArticle, ClaimStatus, Credibility, Workspace};

/// A workspace of `(file name, text)` articles.
fn workspace(articles: &[(&str, &str)]) -> Workspace {
    let analyzed = articles.iter().map(|(name, text)| {
        AnalyzedArticle::new(Article::from_bytes(Path::new(name), text.as_bytes()).unwrap())
    });
    let (workspace, refused) = workspace_from(analyzed);
    assert!(refused.is_empty(), "{refused:?}");
    workspace
}

fn compare(workspace: &Workspace) -> Comparison {
    Comparison::build(workspace, &EntityIndex::build(workspace))
}

/// The group holding a figure of `value`.
fn group_with(comparison: &Comparison, value: f64) -> &FigureGroup {
    comparison
        .groups
        .iter()
        .find(|g| g.figures.iter().any(|f| (f.value - value).abs() < 0.5))
        .unwrap_or_else(|| panic!("no group has {value}: {:#?}", comparison.groups))
}

fn values(group: &FigureGroup) -> Vec<f64> {
    group.figures.iter().map(|f| f.value).collect()
}

const BORDER_A: &str = "# Belarus masses troops near Ukrainian border\n\nPublished: 3 March 2025\n\n\
    According to Reuters, Ukraine's State Border Guard Service said that Belarus has deployed about 20,000 soldiers near the border.\n\n\
    The agency added that Belarus plans to send 30,000 troops by April.\n";
const BORDER_B: &str = "# Border tensions rise\n\nPublished: 5 March 2025\n\n\
    Belarus has moved at least 15,000 troops to the frontier, Reuters reported, citing Ukraine's State Border Guard Service.\n";
const BORDER_C: &str = "# Troops along the frontier\n\nPublished: 6 March 2025\n\n\
    Ukraine's border agency said Belarus has stationed 20,000 troops along the border, according to Reuters.\n";
const BORDER_D: &str = "# Pentagon weighs in\n\nPublished: 7 March 2025\n\n\
    The Pentagon said on Friday that Minsk has deployed roughly 8,000 soldiers near the border.\n\n\
    Pentagon spokesperson Sabrina Singh said that Belarus had lost 300 soldiers in training accidents.\n";

fn border() -> Workspace {
    workspace(&[
        ("a.txt", BORDER_A),
        ("b.txt", BORDER_B),
        ("c.txt", BORDER_C),
        ("d.txt", BORDER_D),
    ])
}

#[test]
fn qualifiers_become_intervals() {
    let b = |v, q| Bounds::of(v, q);
    assert_eq!(
        b(12_000.0, None),
        Bounds {
            low: 12_000.0,
            high: Some(12_000.0)
        }
    );
    let approx = b(12_000.0, Some("approximately"));
    assert!((approx.low - 10_800.0).abs() < 1e-6);
    assert!((approx.high.unwrap() - 13_200.0).abs() < 1e-6);
    assert_eq!(
        b(3_000.0, Some("at least")),
        Bounds {
            low: 3_000.0,
            high: None
        }
    );
    assert_eq!(b(3_000.0, Some("over")).high, None);
    assert_eq!(
        b(500.0, Some("up to")),
        Bounds {
            low: 0.0,
            high: Some(500.0)
        }
    );
    assert_eq!(b(500.0, Some("as many as")).low, 0.0);
    assert_eq!(b(500.0, Some("a total of")), b(500.0, None));

    assert!(!approx.meets(b(10_000.0, None)));
    assert!(approx.meets(b(11_000.0, Some("around"))));
    assert!(b(3_000.0, Some("at least")).meets(b(10_000.0, None)));
    assert!(!b(500.0, Some("up to")).meets(b(3_000.0, Some("at least"))));
    // Allowing is not confirming: `at least 3,000` does not corroborate `10,000`.
    assert!(!b(3_000.0, Some("at least")).corroborates(b(10_000.0, None)));
    assert!(approx.corroborates(b(12_500.0, None)));
    assert_eq!(approx.display(), "10,800–13,200");
    assert_eq!(b(3_000.0, Some("at least")).display(), "3,000 or more");
}

#[test]
fn troop_figures_from_four_outlets_form_one_group_with_frames() {
    let comparison = compare(&border());
    let troops = group_with(&comparison, 20_000.0);
    assert_eq!(troops.measure.counted, Counted::Personnel);
    assert_eq!(troops.measure.actor.as_deref(), Some("Belarus"));
    assert_eq!(
        values(troops),
        [20_000.0, 30_000.0, 15_000.0, 20_000.0, 8_000.0]
    );
    let kinds: Vec<TimingKind> = troops.figures.iter().map(|f| f.timing.kind).collect();
    assert_eq!(
        kinds,
        [
            TimingKind::AsOf,
            TimingKind::By,
            TimingKind::AsOf,
            TimingKind::AsOf,
            TimingKind::AsOf
        ]
    );
    let qualifiers: Vec<Option<&str>> = troops
        .figures
        .iter()
        .map(|f| f.qualifier.as_deref())
        .collect();
    assert_eq!(
        qualifiers,
        [Some("about"), None, Some("at least"), None, Some("roughly")]
    );
    // Soldiers lost are casualties, another measure.
    let lost = group_with(&comparison, 300.0);
    assert_eq!(lost.measure.counted, Counted::Casualties);
    assert_ne!(lost.id, troops.id);
}

#[test]
fn a_later_lower_total_conflicts_and_a_projection_does_not() {
    let comparison = compare(&border());
    let troops = group_with(&comparison, 20_000.0);
    assert!(troops.conflicting);
    // 20,000 on 3 March cannot fall to at most 8,800 by 7 March.
    let pairs: Vec<(f64, f64)> = troops
        .conflicts
        .iter()
        .map(|c| {
            (
                troops.figures[c.first].value,
                troops.figures[c.second].value,
            )
        })
        .collect();
    assert!(pairs.contains(&(20_000.0, 8_000.0)), "{pairs:?}");
    assert!(pairs.contains(&(15_000.0, 8_000.0)));
    // 30,000 by April is a projection: it contradicts none of the counts so far.
    assert!(
        pairs.iter().all(|&(a, b)| a != 30_000.0 && b != 30_000.0),
        "{pairs:?}"
    );
    assert!(
        troops.conflicts[0].reason.contains("before"),
        "{}",
        troops.conflicts[0].reason
    );
}

#[test]
fn earlier_at_least_and_a_later_projection_agree_but_two_totals_conflict() {
    let text = "# Deployment figures\n\nPublished: 20 October 2024\n\n\
        Officials said that Belarus has deployed at least 3,000 troops to the border earlier this month.\n\n\
        Belarus plans to send 10,000 troops by December, the Pentagon said.\n";
    let other = "# Another count\n\nPublished: 21 October 2024\n\n\
        Interfax reported that Belarus intends to send approximately 12,000 troops.\n\n\
        Reuters said that Belarus is preparing to dispatch 10,000 soldiers.\n";
    let comparison = compare(&workspace(&[("x.txt", text), ("y.txt", other)]));
    let troops = group_with(&comparison, 3_000.0);
    assert_eq!(values(troops), [3_000.0, 10_000.0, 12_000.0, 10_000.0]);
    let timing: Vec<TimingKind> = troops.figures.iter().map(|f| f.timing.kind).collect();
    assert_eq!(
        timing,
        [
            TimingKind::AsOf,
            TimingKind::By,
            TimingKind::Eventual,
            TimingKind::Eventual
        ]
    );
    assert_eq!(
        troops.figures[0].timing.cue.as_deref(),
        Some("earlier this month")
    );
    assert_eq!(troops.figures[1].timing.cue.as_deref(), Some("by December"));
    // Only the two eventual totals clash: approximately 12,000 against 10,000.
    assert_eq!(troops.conflicts.len(), 1, "{:#?}", troops.conflicts);
    let c = &troops.conflicts[0];
    assert_eq!(
        (
            troops.figures[c.first].value,
            troops.figures[c.second].value
        ),
        (12_000.0, 10_000.0)
    );
    assert!(c.reason.contains("same total"), "{}", c.reason);
}

#[test]
fn rates_counts_and_small_numbers_are_kept_apart() {
    let text = "# War of attrition\n\nPublished: 2 May 2024\n\n\
        Russia has suffered an average of over 1,200 casualties per day, British intelligence said.\n\n\
        Analysts said Russia fires about 10,000 shells a day, while North Korea has supplied three million shells.\n\n\
        The two countries signed the agreement after half of the delegates left the hall in the capital.\n";
    let comparison = compare(&workspace(&[("r.txt", text)]));
    let per_day = group_with(&comparison, 1_200.0);
    assert_eq!(per_day.label, "Russia · casualties per day");
    let fired = group_with(&comparison, 10_000.0);
    assert_eq!(fired.measure.counted, Counted::Munitions);
    assert!(fired.label.contains("per day"), "{}", fired.label);
    let supplied = group_with(&comparison, 3_000_000.0);
    assert_ne!(supplied.id, fired.id);
    assert_eq!(supplied.measure.actor.as_deref(), Some("North Korea"));
    assert!(
        comparison
            .groups
            .iter()
            .all(|g| g.figures.iter().all(|f| f.value >= 10.0)),
        "small counts are not measures"
    );
}

#[test]
fn relays_and_citations_build_chains_with_one_origin() {
    let comparison = compare(&border());
    let troops = group_with(&comparison, 20_000.0);
    // Three outlets relay Reuters' report of the border service; the Pentagon is another.
    assert_eq!(troops.independent_origins, 2, "{:#?}", troops.origins);
    let names: Vec<&str> = troops
        .origins
        .iter()
        .map(|o| o.source.name.as_str())
        .collect();
    assert_eq!(names, ["State Border Guard Service", "Pentagon"]);
    assert_eq!(troops.origins[0].articles, 3);
    for figure in &troops.figures[..4] {
        assert!(
            figure.chain.starts_with("State Border Guard Service →")
                || figure.chain.starts_with("(State Border Guard Service)"),
            "{}",
            figure.chain
        );
    }
    // `Reuters reported, citing X`: X is deeper than Reuters.
    let b = comparison.chain(troops.figures[2].claim).unwrap();
    let roles: Vec<(&str, _)> = b
        .links
        .iter()
        .map(|l| (l.source.name.as_str(), l.role))
        .collect();
    assert_eq!(roles[0].0, "State Border Guard Service");
    assert_eq!(roles[1].0, "Reuters");
    assert_eq!(b.links.last().unwrap().source.kind, SourceKind::Outlet);
    // `Ukraine's border agency` is the service the other articles name.
    let c = comparison.chain(troops.figures[3].claim).unwrap();
    assert_eq!(c.origin().name, "State Border Guard Service");
    assert_eq!(
        c.origin().written.as_deref(),
        Some("Ukraine's border agency")
    );
}

#[test]
fn yonhap_style_relays_told_and_spokespeople() {
    let seoul = "# Spy agency briefs lawmakers\n\nPublished: 18 October 2024\n\n\
        According to Yonhap News Agency, South Korea's National Intelligence Service said that North Korea has sent 1,500 soldiers to Russia.\n\n\
        A senior official told Reuters that North Korea has sent 1,500 troops so far.\n";
    let tokyo = "# Troops on the move\n\nPublished: 19 October 2024\n\n\
        South Korea's spy agency said North Korea has dispatched around 1,500 troops, Yonhap reported.\n\n\
        Pentagon spokesperson Sabrina Singh said North Korea has sent 1,500 soldiers. The Pentagon also said the soldiers were training.\n";
    let comparison = compare(&workspace(&[("s.txt", seoul), ("t.txt", tokyo)]));
    let troops = group_with(&comparison, 1_500.0);
    assert_eq!(troops.figures.len(), 4);
    let chains: Vec<String> = troops.figures.iter().map(|f| f.chain.clone()).collect();
    assert!(
        chains[0].starts_with("National Intelligence Service → Yonhap →"),
        "{chains:?}"
    );
    assert!(chains[1].contains("→ Reuters →"), "{chains:?}");
    assert!(
        chains[2].starts_with("National Intelligence Service →"),
        "{chains:?}"
    );
    assert!(
        chains[3].starts_with("Sabrina Singh for Pentagon →"),
        "{chains:?}"
    );
    // NIS (twice, through Yonhap), an official, the Pentagon: three origins, all agreeing.
    assert_eq!(troops.independent_origins, 3, "{:#?}", troops.origins);
    assert!(!troops.conflicting);
    let nis = &troops.figures[0].suggested_credibility;
    assert_eq!(nis.credibility, Credibility::Confirmed, "{nis:?}");
    assert_eq!(nis.agreeing.len(), 2);
}

#[test]
fn credibility_suggestions_follow_corroboration() {
    use crosscheck::compare::CredibilitySuggestion as S;
    let names = |n: &[&str]| n.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        S::from_corroboration(names(&["A", "B"]), vec![], 0).credibility,
        Credibility::Confirmed
    );
    assert_eq!(
        S::from_corroboration(names(&["A"]), vec![], 0).credibility,
        Credibility::ProbablyTrue
    );
    assert_eq!(
        S::from_corroboration(names(&["A"]), names(&["B"]), 0).credibility,
        Credibility::PossiblyTrue
    );
    assert_eq!(
        S::from_corroboration(vec![], names(&["B"]), 0).credibility,
        Credibility::Doubtful
    );
    assert_eq!(
        S::from_corroboration(vec![], names(&["B", "C"]), 0).credibility,
        Credibility::Improbable
    );
    let alone = S::from_corroboration(vec![], vec![], 2);
    assert_eq!(alone.credibility, Credibility::CannotBeJudged);
    assert!(alone.reason.contains("not independent"), "{}", alone.reason);
    // The analyst's grade wins.
    assert_eq!(
        alone.effective(Some(Credibility::ProbablyTrue)),
        Credibility::ProbablyTrue
    );
    assert_eq!(alone.effective(None), Credibility::CannotBeJudged);
}

#[test]
fn aliases_merge_across_articles() {
    let one = "# Talks\n\nPublished: 1 May 2025\n\n\
        The U.S. and the Democratic People's Republic of Korea (DPRK) met in Geneva on Monday. \
        White House spokesperson John Kirby said the talks went well. Kirby added that the DPRK would return. \
        The National Intelligence Service said that Volodymyr Zelenskiy had been told.\n";
    let two = "# Talks end\n\nPublished: 2 May 2025\n\n\
        The United States said North Korea had agreed. US officials said the NIS was informed. \
        Kirby said more talks would follow, and Volodymyr Zelensky welcomed them.\n";
    let index = EntityIndex::build(&workspace(&[("1.txt", one), ("2.txt", two)]));
    let entry = |name: &str| {
        index
            .resolve(name)
            .unwrap_or_else(|| panic!("{name} is not in {:#?}", index.entries()))
    };
    let us = entry("US");
    assert_eq!(us.name, "United States");
    assert!(us.answers_to("U.S.") && us.answers_to("United States"));
    assert_eq!(us.articles.len(), 2);
    assert_eq!(entry("DPRK").key, entry("North Korea").key);
    let kirby = entry("Kirby");
    assert_eq!(kirby.name, "John Kirby");
    assert_eq!(kirby.kind, EntityKind::Person);
    assert_eq!(us.kind, EntityKind::Location);
    assert_eq!(kirby.mention_count(), 3);
    assert_eq!(entry("NIS").name, "National Intelligence Service");
    assert_eq!(
        entry("Volodymyr Zelensky").key,
        entry("Volodymyr Zelenskiy").key
    );
    // Mentions point into the text.
    let m = &kirby.mentions[0];
    assert!(one[m.span.start..m.span.end].contains("Kirby"));
}

#[test]
fn index_edits_merge_split_rename_as_data() {
    let text = "# Ministries\n\nPublished: 1 May 2025\n\n\
        The Pentagon said the drills began. The Department of Defense said they would last a week. \
        Reuters said Jordan and Jordan Smith met in Amman.\n";
    let index = EntityIndex::build(&workspace(&[("m.txt", text)]));
    let pentagon = index.resolve("Pentagon").unwrap().key.clone();
    let dod = index.resolve("Department of Defense").unwrap().key.clone();
    assert_ne!(pentagon, dod);

    let edits = vec![
        IndexEdit::Merge {
            into: dod.clone(),
            merged: vec![pentagon.clone()],
        },
        IndexEdit::Rename {
            entry: dod.clone(),
            name: "US Department of Defense".into(),
        },
        IndexEdit::Split {
            entry: dod.clone(),
            forms: vec!["Pentagon".into()],
            name: "Pentagon building".into(),
        },
        IndexEdit::Rename {
            entry: "person:Nobody".into(),
            name: "x".into(),
        },
    ];
    let json = serde_json::to_string(&edits).unwrap();
    assert_eq!(
        serde_json::from_str::<Vec<IndexEdit>>(&json).unwrap(),
        edits
    );

    let (edited, skipped) = apply_edits(&index, &edits);
    assert_eq!(
        skipped,
        [(3, EditError::UnknownEntry("person:Nobody".into()))]
    );
    let merged = edited.entry(&dod).unwrap();
    assert_eq!(merged.name, "US Department of Defense");
    assert_eq!(
        merged.mention_count(),
        1,
        "the split took the Pentagon mention back out"
    );
    let split = edited.entry("organization:Pentagon building").unwrap();
    assert_eq!(split.aliases[0].text, "Pentagon");
    assert!(edited.entry(&pentagon).is_none());
    // The original is untouched: edits are pure.
    assert!(index.entry(&pentagon).is_some());

    let mut copy = index.clone();
    let place = copy.resolve("Amman").map(|e| e.key.clone()).unwrap();
    let err = apply_edit(
        &mut copy,
        &IndexEdit::Merge {
            into: dod,
            merged: vec![place],
        },
    );
    assert!(matches!(err, Err(EditError::KindMismatch { .. })));
    assert_eq!(copy, index, "a refused edit changes nothing");
}

#[test]
fn merged_sources_count_once_after_an_index_edit() {
    let one = "# A\n\nPublished: 3 March 2025\n\nThe Pentagon said that Belarus has deployed 8,000 soldiers.\n";
    let two = "# B\n\nPublished: 3 March 2025\n\nThe Department of Defense said that Belarus has deployed 8,000 soldiers.\n";
    let mut ws = workspace(&[("1.txt", one), ("2.txt", two)]);
    let index = EntityIndex::build(&ws);
    let before = Comparison::build(&ws, &index);
    assert_eq!(group_with(&before, 8_000.0).independent_origins, 2);

    // The analyst's merge is an action on the workspace; the index it builds follows it.
    ws.apply(Action::EditIndex(IndexEdit::Merge {
        into: index.resolve("Pentagon").unwrap().key.clone(),
        merged: vec![index.resolve("Department of Defense").unwrap().key.clone()],
    }))
    .unwrap();
    let (merged, skipped) = EntityIndex::build_reporting(&ws);
    assert!(skipped.is_empty());
    assert!(
        merged
            .resolve("Department of Defense")
            .unwrap()
            .answers_to("Pentagon")
    );
    let after = Comparison::build(&ws, &merged);
    assert_eq!(group_with(&after, 8_000.0).independent_origins, 1);

    // Undo takes the merge back.
    ws.undo().unwrap();
    let unmerged = EntityIndex::build(&ws);
    assert_eq!(
        group_with(&Comparison::build(&ws, &unmerged), 8_000.0).independent_origins,
        2
    );
}

#[test]
fn index_edits_that_no_longer_fit_are_skipped_and_reported() {
    let text = "# A\n\nPublished: 3 March 2025\n\nThe Pentagon said the drills began.\n";
    let mut ws = workspace(&[("1.txt", text)]);
    let unedited = EntityIndex::build_unedited(&ws);
    ws.apply(Action::EditIndex(IndexEdit::Rename {
        entry: "organization:Ministry of Silence".into(),
        name: "Quiet Ministry".into(),
    }))
    .unwrap();
    let (index, skipped) = EntityIndex::build_reporting(&ws);
    assert_eq!(
        skipped,
        [(
            0,
            EditError::UnknownEntry("organization:Ministry of Silence".into())
        )]
    );
    assert_eq!(index, unedited, "a skipped edit changes nothing");
    // An edit that is wrong on its face is refused outright.
    assert!(
        ws.apply(Action::EditIndex(IndexEdit::Rename {
            entry: unedited.entries()[0].key.clone(),
            name: "  ".into(),
        }))
        .is_err()
    );
    ws.apply(Action::RemoveIndexEdit { position: 0 }).unwrap();
    assert!(ws.corrections().index_edits.is_empty());
}

#[test]
fn timeline_places_claims_by_event_date_not_report_date() {
    let text = "# Week in review\n\nPublished: Friday, 18 October 2024\n\n\
        On 14 October, President Volodymyr Zelenskyy accused North Korea of sending troops.\n\n\
        North Korea deployed 1,500 soldiers earlier this month, the agency said.\n\n\
        Kirby said on Wednesday that the troops are training in eastern Russia.\n\n\
        Officials expect 10,000 troops to arrive by December, a source said.\n\n\
        The sanctions committee says that nothing is certain in this war.\n";
    let mut ws = workspace(&[("w.txt", text)]);
    let index = EntityIndex::build(&ws);
    let t = timeline(&ws, &index);
    let placed: Vec<(String, String, PlacementBasis)> = t
        .items
        .iter()
        .filter_map(|i| {
            let p = i.placement?;
            Some((
                i.text.chars().take(12).collect(),
                p.date.to_string(),
                p.basis,
            ))
        })
        .collect();
    assert_eq!(
        placed,
        [
            (
                "North Korea ".to_owned(),
                "2024-10-01".to_owned(),
                PlacementBasis::Event
            ),
            (
                "On 14 Octobe".to_owned(),
                "2024-10-14".to_owned(),
                PlacementBasis::Event
            ),
            (
                "Kirby said o".to_owned(),
                "2024-10-16".to_owned(),
                PlacementBasis::Event
            ),
            (
                "The sanction".to_owned(),
                "2024-10-18".to_owned(),
                PlacementBasis::Report
            ),
            (
                "Officials ex".to_owned(),
                "2024-12-01".to_owned(),
                PlacementBasis::Event
            ),
        ]
    );
    assert!(
        t.items
            .iter()
            .all(|i| i.reported.unwrap().date().to_string() == "2024-10-18")
    );

    // Filters: by entity, by status, report-dated items out.
    let north_korea = index.resolve("North Korea").unwrap().key.clone();
    let by_entity = TimelineFilter {
        entity: Some(north_korea),
        ..TimelineFilter::all()
    };
    assert_eq!(t.filtered(&by_entity).count(), 2);
    let events_only = TimelineFilter {
        include_report_dated: false,
        ..TimelineFilter::all()
    };
    assert_eq!(t.filtered(&events_only).count(), 4);

    let first = t.items[0].claim;
    ws.apply(Action::SetStatus {
        claim: first,
        status: ClaimStatus::Confirmed,
        analyst: "test".into(),
        at: chrono::DateTime::parse_from_rfc3339("2024-10-20T10:00:00+00:00").unwrap(),
    })
    .unwrap();
    let t = timeline(&ws, &index);
    let confirmed = TimelineFilter {
        statuses: vec![ClaimStatus::Confirmed],
        ..TimelineFilter::all()
    };
    let shown: Vec<_> = t.filtered(&confirmed).map(|i| i.claim).collect();
    assert_eq!(shown, [first]);
    assert_eq!(
        t.extent().map(|(a, b)| (a.to_string(), b.to_string())),
        Some(("2024-10-01".into(), "2024-12-01".into()))
    );
}

#[test]
fn ranges_plans_and_casualties_without_a_noun() {
    let wire = "North Korea to send 12,000 troops to help Russia, Seoul says\n\nOctober 18, 2024\n\n\
        SEOUL, Oct 18 (Reuters) - North Korea has decided to send 12,000 troops to support Russia's war in Ukraine, South Korea's spy agency said on Friday, according to Yonhap news agency.\n\n\
        The National Intelligence Service said 1,500 special forces had already been transported to Vladivostok.\n";
    let later = "N. Korean troops killed in Kursk\n\nNovember 19, 2024\n\n\
        South Korea's National Intelligence Service said Tuesday that North Korea has sent about 11,000 troops to Russia and that more than 100 have been killed in combat.\n\n\
        Ukraine's defense minister, Rustem Umerov, told the BBC that 10,000 to 12,000 North Korean troops will be deployed in Kursk by December.\n\n\
        Ukrainian President Volodymyr Zelensky said 3,000 North Korean soldiers had been killed or wounded.\n";
    let comparison = compare(&workspace(&[("w.txt", wire), ("l.txt", later)]));
    let troops = group_with(&comparison, 11_000.0);
    assert_eq!(values(troops), [12_000.0, 1_500.0, 11_000.0, 12_000.0]);
    assert_eq!(
        troops.figures[0].timing.kind,
        TimingKind::Eventual,
        "decided to send"
    );
    assert_eq!(troops.figures[1].timing.kind, TimingKind::AsOf);
    let range = &troops.figures[3];
    assert_eq!(range.text, "10,000 to 12,000");
    assert_eq!(
        range.bounds,
        Bounds {
            low: 10_000.0,
            high: Some(12_000.0)
        }
    );
    assert_eq!(range.timing.kind, TimingKind::By);
    // The wire's plan and the later count are one origin relayed and told apart from the
    // minister's, who spoke to the BBC.
    assert!(range.chain.contains("→ BBC →"), "{}", range.chain);
    assert!(!troops.conflicting, "{:#?}", troops.conflicts);
    assert_eq!(troops.independent_origins, 2);

    let killed = group_with(&comparison, 100.0);
    assert_eq!(killed.measure.counted, Counted::Deaths);
    assert_eq!(killed.measure.actor.as_deref(), Some("North Korea"));
    let killed_or_wounded = group_with(&comparison, 3_000.0);
    assert_eq!(killed_or_wounded.measure.counted, Counted::Casualties);
}

#[test]
fn briefed_by_and_trailing_reported_put_the_real_origin_first() {
    let text = "# Troops in Kursk\n\nPublished: Oct. 28, 2024\n\n\
        South Korean lawmakers, briefed by the NIS, said some 3,000 North Korean troops had been sent to Russia.\n\n\
        Officials in Kyiv said 2,000 North Korean soldiers had arrived in the Kursk region, The Washington Post reported.\n";
    let comparison = compare(&workspace(&[("k.txt", text)]));
    let troops = group_with(&comparison, 3_000.0);
    let chains: Vec<&str> = troops.figures.iter().map(|f| f.chain.as_str()).collect();
    assert!(
        chains[0].starts_with("NIS → South Korean lawmakers →")
            || chains[0].starts_with("National Intelligence Service → South Korean lawmakers →"),
        "{chains:?}"
    );
    assert!(
        chains[1].starts_with("Officials in Kyiv → The Washington Post →"),
        "{chains:?}"
    );
    assert_eq!(troops.independent_origins, 2);
}

#[test]
fn unattributed_figures_copied_word_for_word_are_one_origin() {
    let line = "Russia has suffered an average of over 1,200 casualties per day in its ongoing military operations.";
    let a = format!("# A\n\nPublished: 1 May 2024\n\n{line}\n");
    let b = format!("# B\n\nPublished: 2 May 2024\n\nRecent reports indicate that {line}\n");
    let c = "# C\n\nPublished: 3 May 2024\n\nRussia is losing about 1,100 casualties per day on average in the east.\n";
    let comparison = compare(&workspace(&[("a.txt", &a), ("b.txt", &b), ("c.txt", c)]));
    let per_day = group_with(&comparison, 1_200.0);
    assert_eq!(values(per_day), [1_200.0, 1_200.0, 1_100.0]);
    // a and b print the same words: one origin; c is worded on its own.
    assert_eq!(per_day.independent_origins, 2, "{:#?}", per_day.origins);
    assert!(
        per_day.figures[1]
            .origin
            .written
            .as_deref()
            .is_some_and(|w| w.starts_with("same words as"))
    );
}

#[test]
fn tolls_are_deaths_counted_where_they_happen() {
    let a = "# Quake toll rises\n\nPublished: 7 February 2023\n\n\
        At least 5,000 people were killed in Turkey and Syria after a powerful earthquake, officials said on Tuesday.\n\n\
        Turkey's disaster agency AFAD said 3,419 people had died in Turkey and more than 20,000 were injured.\n";
    let b = "# Rescuers race against time\n\nPublished: 8 February 2023\n\n\
        The death toll in Turkey rose to 5,894, AFAD said on Wednesday.\n";
    let comparison = compare(&workspace(&[("a.txt", a), ("b.txt", b)]));
    let turkey = group_with(&comparison, 3_419.0);
    assert_eq!(turkey.label, "Turkey · deaths");
    assert_eq!(values(turkey), [3_419.0, 5_894.0]);
    assert!(!turkey.conflicting, "a toll that rises is no contradiction");
    assert_eq!(
        group_with(&comparison, 5_000.0).label,
        "Turkey and Syria · deaths"
    );
    assert_eq!(
        group_with(&comparison, 20_000.0).measure.counted,
        Counted::Wounded
    );
}

#[test]
fn trailing_bounds_numbers_that_go_on_and_statement_dates() {
    let text = "# US says North Korean troops in Russia\n\nPublished: Oct. 23, 2024\n\n\
        North Korea has sent about 3,000 troops to Russia, the US said on Wednesday, a number that could rise to 10,000 or more by December.\n\n\
        Secretary of State Antony Blinken said on Thursday that 8,000 North Korean soldiers had been deployed to the Kursk region.\n\n\
        US National Security Council spokesman John Kirby said that between 8,000 and 10,000 North Korean troops are in Kursk.\n";
    let comparison = compare(&workspace(&[("u.txt", text)]));
    let troops = group_with(&comparison, 3_000.0);
    assert_eq!(values(troops), [3_000.0, 10_000.0, 8_000.0, 10_000.0]);
    let more = &troops.figures[1];
    assert_eq!(more.display(), "10,000 or more (by December)");
    assert_eq!(
        more.bounds,
        Bounds {
            low: 10_000.0,
            high: None
        }
    );
    let between = &troops.figures[3];
    assert_eq!(between.display(), "between 8,000 and 10,000");
    assert_eq!(
        between.bounds,
        Bounds {
            low: 8_000.0,
            high: Some(10_000.0)
        }
    );
    // Blinken spoke on Thursday 17 October, before the 3,000 of Wednesday 23 October.
    let blinken = &troops.figures[2];
    assert_eq!(
        blinken.timing.window.map(|w| w.0.to_string()).as_deref(),
        Some("2024-10-17")
    );
    assert!(
        troops
            .conflicts
            .iter()
            .any(|c| c.reason.contains("comes before")),
        "{:#?}",
        troops.conflicts
    );
    assert_eq!(
        troops.figures[3].chain.split(" → ").next(),
        Some("John Kirby for National Security Council")
    );
}

#[test]
fn chains_end_at_the_outlet_the_article_names() {
    let wire = "# Quake toll rises\n\nANKARA, Feb 7 (Reuters) - Turkey's disaster agency said 3,000 people were rescued, according to Anadolu.\n";
    let page = "<html><head><meta property=\"og:site_name\" content=\"Kyiv Independent\"><title>Drones</title></head>\
        <body><p>Ukraine's air force said 40 drones were shot down, citing radar data.</p></body></html>";
    let nameless = "# Notes\n\nThe ministry said 12 drones were shot down.\n";
    let mut ws = Workspace::new(uuid::Uuid::nil());
    for (name, text) in [
        ("wire.txt", wire),
        ("page.html", page),
        ("notes.md", nameless),
    ] {
        let article = Article::from_bytes(Path::new(name), text.as_bytes()).unwrap();
        ws.apply(Action::AddArticle(Box::new(AnalyzedArticle::new(article))))
            .unwrap();
    }
    let outlets: Vec<String> = ws
        .articles()
        .map(|a| a.article.outlet.clone().unwrap_or_default())
        .collect();
    assert_eq!(outlets, ["Reuters", "Kyiv Independent", ""]);
    let comparison = Comparison::build(&ws, &EntityIndex::build(&ws));
    let last_links: Vec<String> = comparison
        .chains
        .iter()
        .map(|c| c.links.last().unwrap().source.name.clone())
        .collect();
    assert!(last_links.iter().any(|n| n == "Reuters"), "{last_links:?}");
    assert!(
        last_links.iter().any(|n| n == "Kyiv Independent"),
        "{last_links:?}"
    );
    assert!(
        last_links.iter().any(|n| n == "Notes"),
        "an article without outlet ends at its title: {last_links:?}"
    );
}

#[test]
fn a_reporter_named_at_the_end_relays_the_speaker() {
    let text = "# Drones\n\nPublished: 3 March 2025\n\n\
        South Korea's National Intelligence Service estimated last week that as many as 12,000 troops would be deployed, Yonhap news agency reported.\n\n\
        The ministry said 40 drones were downed, a spokesman added.\n";
    let ws = workspace(&[("d.txt", text)]);
    let comparison = Comparison::build(&ws, &EntityIndex::build(&ws));
    let chains: Vec<String> = comparison
        .chains
        .iter()
        .map(crosscheck::compare::SourceChain::display)
        .collect();
    assert!(
        chains
            .iter()
            .any(|c| c.starts_with("National Intelligence Service → Yonhap →")),
        "{chains:?}"
    );
    // A closing phrase that names no organization relays nothing.
    assert!(
        !chains.iter().any(|c| c.contains("spokesman →")),
        "{chains:?}"
    );
}
