//! What a figure counts and what befalls it: counted nouns by class, currencies, event
//! verbs and rate words.

use super::{Counted, Event, Quantity, Rate, lexicon};

/// Counted nouns by class.
pub(super) const UNIT_CLASSES: &[(&[&str], Counted)] = &[
    (
        &[
            "troops",
            "troop",
            "soldiers",
            "soldier",
            "forces",
            "servicemen",
            "servicemembers",
            "personnel",
            "fighters",
            "mercenaries",
            "marines",
            "sailors",
            "conscripts",
            "recruits",
            "reservists",
            "paratroopers",
            "commandos",
            "infantry",
            "infantrymen",
            "militants",
            "combatants",
            "workers",
        ],
        Counted::Personnel,
    ),
    (&["casualties", "losses"], Counted::Casualties),
    (
        &["deaths", "dead", "fatalities", "killed", "bodies", "lives"],
        Counted::Deaths,
    ),
    (&["wounded", "injured", "injuries"], Counted::Wounded),
    (&["prisoners", "captives", "pows"], Counted::Prisoners),
    (
        &[
            "people",
            "civilians",
            "residents",
            "persons",
            "individuals",
            "children",
            "women",
            "men",
        ],
        Counted::People,
    ),
    (
        &[
            "shells",
            "rounds",
            "munitions",
            "projectiles",
            "bullets",
            "cartridges",
        ],
        Counted::Munitions,
    ),
    (&["missiles", "rockets"], Counted::Missiles),
    (&["drones", "uavs"], Counted::Drones),
    (&["tanks", "vehicles", "apcs", "trucks"], Counted::Vehicles),
    (
        &[
            "aircraft",
            "jets",
            "planes",
            "helicopters",
            "warplanes",
            "fighter jets",
        ],
        Counted::Aircraft,
    ),
    (&["ships", "vessels", "warships", "boats"], Counted::Ships),
];

lexicon!(
    /// Nouns a small number counts without being a measure anyone cross-checks (`two
    /// countries`, `three times`), and durations.
    pub(super) static NOT_MEASURES = "not-measures.txt", "units.txt"
);

/// Below this, a number counting an unknown noun is description, not a measure.
pub(super) const SMALL_COUNT: f64 = 10.0;

pub(super) const CURRENCIES: &[(&str, &str)] = &[
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₩", "KRW"),
    ("₽", "RUB"),
    ("₴", "UAH"),
    ("dollars", "USD"),
    ("euros", "EUR"),
    ("pounds", "GBP"),
    ("won", "KRW"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("hryvnias", "UAH"),
    ("yuan", "CNY"),
    ("yen", "JPY"),
];

pub(super) fn counted(quantity: &Quantity, written: &str) -> Option<Counted> {
    if let Some((_, code)) = CURRENCIES
        .iter()
        .find(|(sign, _)| written.starts_with(sign))
    {
        return Some(Counted::Money((*code).to_owned()));
    }
    let unit = quantity.unit.as_deref()?.to_lowercase();
    if unit == "%" || unit == "percent" || unit == "per cent" {
        return Some(Counted::Percent);
    }
    if let Some((_, code)) = CURRENCIES.iter().find(|(word, _)| *word == unit) {
        return Some(Counted::Money((*code).to_owned()));
    }
    if let Some((_, class)) = UNIT_CLASSES
        .iter()
        .find(|(nouns, _)| nouns.contains(&unit.as_str()))
    {
        return Some(class.clone());
    }
    if quantity.value < SMALL_COUNT || NOT_MEASURES.contains_as_written(&unit) {
        return None;
    }
    Some(Counted::Other(unit))
}

/// Verb stems by event, for things that move; people and troops have their own reading.
pub(super) const EVENT_STEMS: &[(&[&str], Event)] = &[
    (
        &[
            "deploy", "dispatch", "station", "mobiliz", "mobilis", "relocat", "arriv", "sen",
            "moved", "move",
        ],
        Event::Deployed,
    ),
    (
        &[
            "suppl",
            "provid",
            "deliver",
            "ship",
            "transfer",
            "export",
            "sold",
            "sell",
            "gave",
            "give",
            "donat",
            "came from",
            "come from",
        ],
        Event::Supplied,
    ),
    (
        &[
            "fire", "fired", "firing", "use", "used", "using", "launch", "expend", "consum",
        ],
        Event::Used,
    ),
    (&["produc", "manufactur", "made", "make"], Event::Produced),
    (
        &["destroy", "shot down", "downed", "intercept", "eliminat"],
        Event::Destroyed,
    ),
    (
        &["displac", "fled", "flee", "evacuat", "uproot"],
        Event::Displaced,
    ),
];

lexicon!(
    /// Words near people counted that say what befell them: lost, killed, wounded, captured.
    pub(super) static LOSS_WORDS = "loss-words.txt"
);

lexicon!(pub(super) static DEATH_WORDS = "death-words.txt");

lexicon!(pub(super) static WOUND_WORDS = "wound-words.txt");

lexicon!(pub(super) static CAPTURE_WORDS = "capture-words.txt");

pub(super) fn event_of(word: &str) -> Option<Event> {
    EVENT_STEMS.iter().find_map(|(stems, event)| {
        stems
            .iter()
            .any(|stem| {
                if *stem == "sen" {
                    matches!(word, "send" | "sends" | "sent" | "sending")
                } else {
                    word.starts_with(stem)
                }
            })
            .then_some(*event)
    })
}

pub(super) fn period(word: &str) -> Option<Rate> {
    match word {
        "day" => Some(Rate::Day),
        "week" => Some(Rate::Week),
        "month" => Some(Rate::Month),
        "year" | "annum" => Some(Rate::Year),
        _ => None,
    }
}

pub(super) fn adverb_rate(word: &str) -> Option<Rate> {
    match word {
        "daily" => Some(Rate::Day),
        "weekly" => Some(Rate::Week),
        "monthly" => Some(Rate::Month),
        "annually" | "yearly" | "annual" => Some(Rate::Year),
        _ => None,
    }
}
