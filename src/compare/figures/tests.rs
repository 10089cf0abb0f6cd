//! Unit tests of the figure rules: bounds from qualifiers, counted classes and events, and
//! the verdicts between two figures.

use super::conflicts::{Verdict, judge};
use super::measures::{counted, event_of};
use super::*;
use crate::compare::sources::SourceKind;

fn quantity(value: f64, unit: Option<&str>) -> Quantity {
    Quantity {
        value,
        unit: unit.map(str::to_owned),
        qualifier: None,
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A figure from `origin`, `value` under `qualifier`, holding as `kind` in `window`.
fn figure(
    origin: &str,
    value: f64,
    qualifier: Option<&str>,
    kind: TimingKind,
    window: Option<(NaiveDate, NaiveDate)>,
) -> Figure {
    Figure {
        claim: ClaimId(1),
        article: ArticleId(format!("a-{origin}")),
        article_title: "T".into(),
        published: None,
        span: Span::new(0, 1),
        text: value.to_string(),
        value,
        unit: Some("troops".into()),
        qualifier: qualifier.map(str::to_owned),
        bounds: Bounds::of(value, qualifier),
        timing: Timing {
            kind,
            date: None,
            window,
            cue: None,
        },
        clause: String::new(),
        speaker: Some(origin.into()),
        origin: Source {
            key: origin.into(),
            name: origin.into(),
            kind: SourceKind::Organization,
            written: None,
            speaks_for: None,
        },
        chain: origin.into(),
        status: ClaimStatus::Unreviewed,
        analyst_credibility: None,
        suggested_credibility: CredibilitySuggestion {
            credibility: Credibility::CannotBeJudged,
            reason: String::new(),
            agreeing: Vec::new(),
            conflicting: Vec::new(),
        },
    }
}

#[test]
fn qualifiers_make_intervals() {
    let exact = Bounds::of(12_000.0, None);
    assert_eq!(exact.display(), "12,000");
    let about = Bounds::of(12_000.0, Some("approximately"));
    assert_eq!(about.display(), "10,800–13,200");
    let at_least = Bounds::of(3_000.0, Some("at least"));
    assert_eq!(at_least.display(), "3,000 or more");
    let up_to = Bounds::of(500.0, Some("up to"));
    assert_eq!((up_to.low, up_to.high), (0.0, Some(500.0)));
    let nearly = Bounds::of(100.0, Some("nearly"));
    assert_eq!((nearly.low, nearly.high), (90.0, Some(100.0)));

    assert!(about.meets(Bounds::of(11_000.0, None)));
    assert!(!about.meets(Bounds::of(10_000.0, None)));
    // "at least 3,000" allows 10,000 but does not confirm it.
    assert!(at_least.meets(exact));
    assert!(!at_least.corroborates(exact));
    assert!(about.corroborates(Bounds::of(12_500.0, Some("about"))));
}

#[test]
fn counted_classes_currencies_and_small_counts() {
    assert_eq!(
        counted(&quantity(12_000.0, Some("soldiers")), "12,000"),
        Some(Counted::Personnel)
    );
    assert_eq!(
        counted(&quantity(4e9, None), "$4bn"),
        Some(Counted::Money("USD".into()))
    );
    assert_eq!(
        counted(&quantity(3.0, Some("%")), "3%"),
        Some(Counted::Percent)
    );
    assert_eq!(
        counted(&quantity(300.0, Some("rubles")), "300"),
        Some(Counted::Money("RUB".into()))
    );
    // "two countries" describes; it is no measure anyone cross-checks.
    assert_eq!(counted(&quantity(2.0, Some("countries")), "two"), None);
    assert_eq!(
        counted(&quantity(50.0, Some("tanks")), "50"),
        Some(Counted::Vehicles)
    );
}

#[test]
fn verbs_give_events() {
    assert_eq!(event_of("sent"), Some(Event::Deployed));
    assert_eq!(event_of("deployed"), Some(Event::Deployed));
    assert_eq!(event_of("evacuated"), Some(Event::Displaced));
    assert_eq!(event_of("fled"), Some(Event::Displaced));
    // "sen" stands for send only, not "senior" or "senate".
    assert_eq!(event_of("senior"), None);
}

#[test]
fn verdicts_between_two_figures() {
    use TimingKind::{AsOf, Eventual};
    let october = Some((day(2024, 10, 1), day(2024, 10, 31)));
    let december = Some((day(2024, 12, 1), day(2024, 12, 31)));

    // The same eventual total: overlapping values agree, apart values conflict.
    let plan = figure("NIS", 12_000.0, Some("approximately"), Eventual, None);
    let near = figure("NSC", 11_500.0, None, Eventual, None);
    let apart = figure("Kyiv", 10_000.0, None, Eventual, None);
    assert!(matches!(judge(&plan, &near, true), Verdict::Agree));
    assert!(matches!(judge(&plan, &apart, true), Verdict::Conflict(_)));

    // A growing count: an earlier count may be lower, never higher than a later one.
    let early_low = figure("A", 3_000.0, None, AsOf, october);
    let late_high = figure("B", 10_000.0, None, AsOf, december);
    assert!(matches!(
        judge(&early_low, &late_high, true),
        Verdict::Undecided
    ));
    let early_high = figure("A", 12_000.0, Some("at least"), AsOf, october);
    let late_low = figure("B", 10_000.0, None, AsOf, december);
    assert!(matches!(
        judge(&early_high, &late_low, true),
        Verdict::Conflict(_)
    ));
    // The same pair of a measure that does not only grow gets no verdict.
    assert!(matches!(
        judge(&early_high, &late_low, false),
        Verdict::Undecided
    ));
}
