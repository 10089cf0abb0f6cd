//! Unit tests of the figure rules: bounds from qualifiers, counted classes and events, and
//! the verdicts between two figures.

use super::conflicts::{Verdict, judge};
use super::corroboration;
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
            description: None,
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
fn figures_are_grouped_as_people_write_them() {
    assert_eq!(grouped(12_000.0), "12,000");
    assert_eq!(grouped(1_500.5), "1,500.5");
    assert_eq!(grouped(-2_500_000.0), "-2,500,000");
    assert_eq!(grouped(42.0), "42");
    assert_eq!(separated(40_000), "40,000");
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

/// What judging every pair of figures one by one gives: the reference the class-based
/// judging must equal.
fn judged_pair_by_pair(
    figures: &[Figure],
    cumulative: bool,
) -> (usize, Vec<CredibilitySuggestion>) {
    let n = figures.len();
    let (mut agree, mut clash) = (vec![Vec::new(); n], vec![Vec::new(); n]);
    let mut pairs = 0;
    for i in 0..n {
        for j in i + 1..n {
            match judge(&figures[i], &figures[j], cumulative) {
                Verdict::Agree => {
                    agree[i].push(j);
                    agree[j].push(i);
                }
                Verdict::Conflict(_) => {
                    clash[i].push(j);
                    clash[j].push(i);
                    pairs += 1;
                }
                Verdict::Undecided => {}
            }
        }
    }
    let suggestions = (0..n)
        .map(|i| {
            let own = &figures[i].origin.independent().key;
            let names = |others: &[usize]| {
                let mut names: Vec<String> = others
                    .iter()
                    .map(|&k| figures[k].origin.independent())
                    .filter(|o| &o.key != own)
                    .map(|o| o.name.clone())
                    .collect();
                names.sort();
                names.dedup();
                names
            };
            let repeats = (0..n)
                .filter(|&k| k != i && &figures[k].origin.independent().key == own)
                .count();
            CredibilitySuggestion::from_corroboration(names(&agree[i]), names(&clash[i]), repeats)
        })
        .collect();
    (pairs, suggestions)
}

/// A small deterministic generator (xorshift), so the cases are the same on every run.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % sides as u64).unwrap()
    }
}

#[test]
fn judging_by_class_equals_judging_every_pair() {
    use TimingKind::{AsOf, By, Eventual, Unstated};
    let mut dice = Dice(0x9E37_79B9_7F4A_7C15);
    let windows = [
        None,
        Some((day(2024, 10, 1), day(2024, 10, 31))),
        Some((day(2024, 10, 16), day(2024, 10, 16))),
        Some((day(2024, 12, 1), day(2024, 12, 31))),
    ];
    let values = [3_000.0, 10_000.0, 11_500.0, 12_000.0, 20_000.0];
    let qualifiers = [None, Some("approximately"), Some("at least"), Some("up to")];
    let kinds = [AsOf, By, Eventual, Unstated];
    for case in 0..300 {
        let n = 1 + dice.roll(24);
        let articles = 1 + dice.roll(6);
        let figures: Vec<Figure> = (0..n)
            .map(|_| {
                let origin = ["NIS", "NSC", "Kyiv", "Yonhap"][dice.roll(4)];
                let mut f = figure(
                    origin,
                    values[dice.roll(values.len())],
                    qualifiers[dice.roll(qualifiers.len())],
                    kinds[dice.roll(kinds.len())],
                    windows[dice.roll(windows.len())],
                );
                f.article = ArticleId(format!("a{}", dice.roll(articles)));
                if dice.roll(3) == 0 {
                    f.timing.cue = Some("already".into());
                }
                if f.timing.kind == By && dice.roll(2) == 0 {
                    f.timing.date = Some(DateValue::Day(day(2024, 12, 1)));
                }
                f
            })
            .collect();
        let cumulative = case % 4 != 0;
        let judged = corroboration::judge_group(&figures, cumulative);
        let (pairs, suggestions) = judged_pair_by_pair(&figures, cumulative);
        assert_eq!(judged.conflicting_pairs, pairs, "case {case}: {figures:#?}");
        assert_eq!(judged.suggestions, suggestions, "case {case}: {figures:#?}");
        let shown: usize = judged.strongest.iter().map(|c| c.alike).sum();
        assert!(shown <= pairs && (pairs == 0) == judged.strongest.is_empty());
        for c in &judged.strongest {
            assert!(matches!(
                judge(&figures[c.first], &figures[c.second], cumulative),
                Verdict::Conflict(_)
            ));
        }
        let clustered: usize = judged.clusters.iter().map(|c| c.figures).sum();
        assert!(clustered <= n && (pairs == 0) == judged.clusters.is_empty());
    }
}
