//! Reading one claim's figures: the words around each number give its measure (actor,
//! counted class, event, rate), its bounds and its time frame.

use super::measures::{
    CAPTURE_WORDS, DEATH_WORDS, LOSS_WORDS, WOUND_WORDS, adverb_rate, counted, event_of, period,
};
use super::{
    Bounds, ClaimRef, Corpus, Counted, CredibilitySuggestion, Datelike, Doc, Entity, EntityIndex,
    EntityKind, Event, Figure, Measure, NaiveDate, PAST_PERIODS, Quantity, Rate, SourceChain, Span,
    Timing, TimingKind, Words, date_bounds, lexicon, names,
};

lexicon!(
    /// Words that make a figure a plan or a forecast.
    pub(super) static PROJECTION_WORDS =
        "projection-words.txt", "future-modals.txt", "speculative-modals.txt"
);

lexicon!(
    /// Words that make a figure a count reached so far.
    pub(super) static SO_FAR_WORDS = "so-far-words.txt", "so-far-auxiliaries.txt"
);

lexicon!(
    /// Besides [`PAST_PERIODS`], words that place a figure before the report.
    pub(super) static EARLIER_WORDS = "earlier-words.txt"
);

/// The figures of one claim, with the measure each reports.
pub(super) fn figures_of_claim(
    corpus: &Corpus<'_>,
    index: &EntityIndex,
    claim: &ClaimRef<'_>,
    chain: &SourceChain,
) -> Vec<(Measure, Figure)> {
    let doc = &corpus.docs[claim.doc];
    let words = Words::new(doc.text(), claim.span);
    let numbers: Vec<(&Entity, &Quantity)> = doc
        .entities_within(claim.span)
        .iter()
        .filter(|e| e.kind == EntityKind::Number)
        .filter_map(|e| Some((e, e.quantity.as_deref()?)))
        .collect();
    let mut out: Vec<(Measure, Figure)> = Vec::new();
    let mut range_low: Option<(&Entity, f64)> = None;
    for (i, &(entity, quantity)) in numbers.iter().enumerate() {
        if let Some(&(next, next_quantity)) = numbers.get(i + 1)
            && is_range(doc.text(), (entity, quantity), (next, next_quantity))
        {
            // `10,000 to 12,000 troops`: one figure, read at the second number.
            range_low = Some((entity, quantity.value));
            continue;
        }
        let low = range_low.take();
        let first = low.map_or(entity, |(e, _)| e);
        let written = doc
            .text()
            .get(first.span.start..entity.span.end)
            .unwrap_or_default();
        let reading = Reading::new(&words, first.span, entity.span, quantity);
        let fresh = counted(quantity, written).or_else(|| reading.casualty_without_noun(quantity));
        let measure = match fresh {
            Some(counted) => {
                let mut measure = Measure {
                    actor: None,
                    counted,
                    event: Event::Unspecified,
                    rate: reading.rate(),
                };
                reading.classify_event(&mut measure);
                measure.actor = reading.actor(doc, index, &measure.counted);
                if measure.actor.is_none() {
                    // `..., with around 1,500 soldiers already deployed`, `... and that more
                    // than 100 have been killed`: the sentence's actor.
                    measure.actor = out.last().and_then(|(m, _)| m.actor.clone());
                }
                measure
            }
            // `about 3,000 troops, a number that could rise to 10,000 or more`.
            None => match out.last() {
                Some((previous, _)) if reading.continues_previous(quantity) => previous.clone(),
                _ => continue,
            },
        };
        let trailing = reading.trailing_qualifier();
        let own_qualifier = trailing
            .map(|(written, _)| written.to_owned())
            .or_else(|| quantity.qualifier.clone());
        let own_bounds = Bounds::of(
            quantity.value,
            trailing
                .map(|(_, meaning)| meaning)
                .or(quantity.qualifier.as_deref()),
        );
        let bounds = match low {
            Some((_, low)) => Bounds {
                low,
                high: own_bounds.high,
            },
            None => own_bounds,
        };
        let qualifier = match low {
            Some((low_entity, _)) => low_entity
                .quantity
                .as_ref()
                .and_then(|q| q.qualifier.clone())
                .or_else(|| reading.between().then(|| "between".to_owned())),
            None => own_qualifier,
        };
        let c = claim.claim;
        out.push((
            measure,
            Figure {
                claim: c.id,
                article: c.article.clone(),
                article_title: doc.entry.article.display_title(),
                published: doc.entry.article.published,
                span: Span::new(first.span.start, entity.span.end),
                text: names::clean(written),
                value: quantity.value,
                unit: quantity.unit.clone(),
                qualifier,
                bounds,
                timing: reading.timing(doc),
                clause: reading.clause_text(),
                speaker: c.speaker.clone(),
                origin: chain.origin().clone(),
                chain: chain.display(),
                status: c.status,
                analyst_credibility: c.grades.credibility,
                suggested_credibility: CredibilitySuggestion::not_compared(),
            },
        ));
    }
    out
}

/// Whether two numbers make a range: `10,000 to 12,000 troops`, `8,000-9,000`, `between 5
/// and 7 million` (the first has no noun of its own, or the same one; the second is larger).
pub(super) fn is_range(
    text: &str,
    (low, low_q): (&Entity, &Quantity),
    (high, high_q): (&Entity, &Quantity),
) -> bool {
    let between = text
        .get(low.span.end..high.span.start)
        .unwrap_or("x")
        .trim();
    matches!(between, "to" | "-" | "–" | "—" | "and" | "or")
        && (low_q.unit.is_none() || low_q.unit == high_q.unit)
        && high_q.unit.is_some()
        && low_q.value < high_q.value
}

/// The words around one number: the clause before it and after its counted noun.
pub(super) struct Reading<'w, 't> {
    words: &'w Words<'t>,
    /// First token of the number.
    number: usize,
    /// One past its last token.
    number_end: usize,
    /// The counted noun's token (or the number's last token).
    unit: usize,
    /// Clause start (before the number) and end (after the noun).
    from: usize,
    to: usize,
}

impl<'w, 't> Reading<'w, 't> {
    /// The reading of the number at `number` (a range starts at `first`).
    fn new(words: &'w Words<'t>, first: Span, number: Span, quantity: &Quantity) -> Self {
        let start = words.index_at(first.start);
        let number_end = words.index_at(number.end).max(start + 1);
        let unit = quantity
            .unit
            .as_deref()
            .and_then(|u| {
                let u = u.to_lowercase();
                (number_end..(number_end + 6).min(words.len())).find(|&k| words.lower(k) == u)
            })
            .unwrap_or(number_end - 1);
        let clause_end = words.clause_end(unit);
        // `..., and that more than 100 have been killed`: another statement starts.
        let to = (unit + 1..clause_end)
            .find(|&k| starts_another_phrase(words, k))
            .unwrap_or(clause_end);
        Self {
            words,
            number: start,
            number_end,
            unit,
            from: words.clause_start(start),
            to,
        }
    }

    /// A number with no noun that goes on the figure before it: `could rise to 10,000`,
    /// `bringing the total to 12,000`, `10,000 or more`.
    fn continues_previous(&self, quantity: &Quantity) -> bool {
        let cue_before = (self.number.saturating_sub(3)..self.number).any(|k| {
            matches!(
                self.words.lower(k),
                "to" | "reach"
                    | "reaches"
                    | "reaching"
                    | "reached"
                    | "total"
                    | "totaling"
                    | "totalling"
            )
        });
        quantity.unit.is_none() && (cue_before || self.trailing_qualifier().is_some())
    }

    /// A bound written after the figure: `10,000 or more`, `500 or so`, `200-plus`; with
    /// the qualifier it means.
    fn trailing_qualifier(&self) -> Option<(&'static str, &'static str)> {
        const TRAILING: &[(&str, &str)] = &[
            ("or more", "at least"),
            ("and more", "at least"),
            ("plus", "at least"),
            ("or so", "approximately"),
            ("or fewer", "at most"),
            ("or less", "at most"),
        ];
        let at = |k: usize| {
            TRAILING
                .iter()
                .find(|(phrase, _)| self.words.phrase_at(k, phrase))
                .copied()
        };
        let glued = self.number_end;
        let after_noun = self.unit + 1;
        at(glued)
            .or_else(|| at(glued + 1).filter(|_| self.words.lower(glued) == "-"))
            .or_else(|| {
                (after_noun < self.words.len())
                    .then(|| at(after_noun))
                    .flatten()
            })
    }

    /// `between 8,000 and 10,000`.
    fn between(&self) -> bool {
        self.number > 0 && self.words.lower(self.number - 1) == "between"
    }

    /// `more than 100 have been killed`: a number with no noun, then a casualty verb.
    fn casualty_without_noun(&self, quantity: &Quantity) -> Option<Counted> {
        if quantity.unit.is_some() || quantity.value < 1.0 {
            return None;
        }
        // `the death toll rose to 5,894`.
        let before = self.before();
        let recent = before.start.max(self.number.saturating_sub(6))..before.end;
        if recent.clone().any(|k| self.words.lower(k) == "toll") {
            let casualty = recent
                .clone()
                .any(|k| self.words.lower(k).starts_with("casualt"));
            return Some(if casualty {
                Counted::Casualties
            } else {
                Counted::Deaths
            });
        }
        let next: Vec<&str> = (self.number_end..(self.number_end + 5).min(self.to))
            .map(|k| self.words.lower(k))
            .collect();
        let has = |list: &[&str]| next.iter().any(|w| list.contains(w));
        match (has(DEATH_WORDS.entries()), has(WOUND_WORDS.entries())) {
            (true, true) => Some(Counted::Casualties),
            (true, false) => Some(Counted::Deaths),
            (false, true) => Some(Counted::Wounded),
            (false, false) => has(CAPTURE_WORDS.entries()).then_some(Counted::Prisoners),
        }
    }

    fn before(&self) -> std::ops::Range<usize> {
        self.from..self.number
    }

    fn after(&self) -> std::ops::Range<usize> {
        (self.unit + 1).min(self.to)..self.to
    }

    fn clause_text(&self) -> String {
        let span = self.words.span(self.from, self.to);
        self.words.text[span.start..span.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whose figure: a nationality or country on the counted noun (`10,000 North Korean
    /// soldiers`), else the clause's subject before the number (`Pyongyang is preparing to
    /// send`), else a passive agent after it (`used by Russia`).
    fn actor(&self, doc: &Doc<'_>, index: &EntityIndex, counted: &Counted) -> Option<String> {
        let article = &doc.entry.article.id;
        let is_actor = |e: &&Entity| {
            matches!(
                e.kind,
                EntityKind::Location | EntityKind::Group | EntityKind::Organization
            )
        };
        let name = |e: &Entity| {
            let entry_name = index
                .entry_at(article, e.span)
                .map(|entry| entry.name.clone())
                .or_else(|| e.canonical.clone())
                .unwrap_or_else(|| names::clean(e.span.text(doc.text()).unwrap_or_default()));
            names::country_of_seat(&entry_name).map_or(entry_name, str::to_owned)
        };
        let modifier = self.words.span(self.number_end, self.unit);
        if let Some(e) = doc.entities_within(modifier).iter().find(is_actor) {
            return Some(name(e));
        }
        let before = self.words.span(self.before().start, self.before().end);
        if let Some(e) = doc.entities_within(before).iter().rev().find(is_actor) {
            return Some(name(e));
        }
        let after = self.after();
        // Deaths and injuries are counted where they happen: `3,419 people died in Turkey`,
        // `killed in Turkey and Syria` (a measure of its own).
        if matches!(
            counted,
            Counted::Deaths | Counted::Wounded | Counted::Casualties | Counted::People
        ) && let Some(place) = self.place_after(doc, &name)
        {
            return Some(place);
        }
        for k in after.clone() {
            if self.words.lower(k) == "by"
                && k > after.start
                && self.words.lower(k - 1).ends_with("ed")
            {
                let agent = self.words.span(k + 1, (k + 5).min(after.end));
                if let Some(e) = doc.entities_within(agent).iter().find(is_actor) {
                    return Some(name(e));
                }
            }
        }
        None
    }

    /// The places after `in` in the phrase after the noun, joined (`Turkey and Syria`).
    fn place_after(&self, doc: &Doc<'_>, name: &dyn Fn(&Entity) -> String) -> Option<String> {
        let after = self.after();
        let k = after.clone().find(|&k| self.words.lower(k) == "in")?;
        let window = self.words.span(k + 1, (k + 8).min(after.end));
        let mut places: Vec<&Entity> = Vec::new();
        for e in doc.entities_within(window) {
            let gap_from = places
                .last()
                .map_or(self.words.tokens[k].span().end, |p| p.span.end);
            let gap = doc.text().get(gap_from..e.span.start).unwrap_or("x").trim();
            let joins = if places.is_empty() {
                // `in Turkey`, `in southern Turkey`, `in the east of Ukraine` is too far.
                gap.split_whitespace().count() <= 2
                    && gap.chars().all(|c| c.is_alphabetic() || c == ' ')
            } else {
                matches!(gap, "and" | "," | ", and" | "and the")
            };
            if e.kind != EntityKind::Location || !joins {
                break;
            }
            places.push(e);
        }
        if places.is_empty() {
            return None;
        }
        let mut names: Vec<String> = places.iter().map(|e| name(e)).collect();
        names.dedup();
        Some(names.join(" and "))
    }

    /// `per day`, `a year`, `daily`, `annually` after the noun or before the number.
    fn rate(&self) -> Option<Rate> {
        let after = self.after();
        let near_after = after.start..(after.start + 3).min(after.end);
        for k in near_after {
            let w = self.words.lower(k);
            if matches!(w, "per" | "a" | "each" | "every" | "an")
                && let Some(rate) = k
                    .checked_add(1)
                    .filter(|&n| n < self.words.len())
                    .and_then(|n| period(self.words.lower(n)))
            {
                return Some(rate);
            }
            if let Some(rate) = adverb_rate(w) {
                return Some(rate);
            }
        }
        self.before().find_map(|k| adverb_rate(self.words.lower(k)))
    }

    /// Sets the event (and for troops killed or wounded, what is counted).
    fn classify_event(&self, measure: &mut Measure) {
        let nearest: Vec<usize> = self.before().rev().chain(self.after()).collect();
        let has = |list: &[&str]| nearest.iter().any(|&k| list.contains(&self.words.lower(k)));
        match measure.counted {
            Counted::Personnel | Counted::People => {
                if has(DEATH_WORDS.entries()) && has(WOUND_WORDS.entries()) {
                    measure.counted = Counted::Casualties;
                } else if has(DEATH_WORDS.entries()) {
                    measure.counted = Counted::Deaths;
                } else if has(WOUND_WORDS.entries()) {
                    measure.counted = Counted::Wounded;
                } else if has(CAPTURE_WORDS.entries()) {
                    measure.counted = Counted::Prisoners;
                } else if has(LOSS_WORDS.entries()) {
                    measure.counted = Counted::Casualties;
                } else if measure.counted == Counted::Personnel {
                    // Troops that are counted are troops somewhere: deployed.
                    measure.event = Event::Deployed;
                } else if nearest
                    .iter()
                    .any(|&k| event_of(self.words.lower(k)) == Some(Event::Displaced))
                {
                    measure.event = Event::Displaced;
                }
            }
            Counted::Casualties | Counted::Deaths | Counted::Wounded | Counted::Prisoners => {}
            _ => {
                measure.event = nearest
                    .iter()
                    .find_map(|&k| {
                        let w = self.words.lower(k);
                        let two = (k + 1 < self.words.len())
                            .then(|| format!("{w} {}", self.words.lower(k + 1)));
                        two.as_deref().and_then(event_of).or_else(|| event_of(w))
                    })
                    .filter(|e| *e != Event::Deployed)
                    .or_else(|| {
                        has(&["sent", "send", "sending", "sends"]).then_some(Event::Supplied)
                    })
                    .unwrap_or(Event::Unspecified);
            }
        }
    }

    /// The time frame: a `by` date, a plan or forecast, a count so far (at a date, or
    /// earlier than the report), or unstated.
    fn timing(&self, doc: &Doc<'_>) -> Timing {
        let published = doc.entry.article.published.map(|p| p.date());
        let window = self.words.span(self.from, self.to);
        let mut by_date = None;
        let mut at_date = None;
        for date in doc
            .entities_within(window)
            .iter()
            .filter(|e| e.kind == EntityKind::Date)
        {
            let k = self.words.index_at(date.span.start);
            let preposition = k.checked_sub(1).map(|p| self.words.lower(p));
            let written = date.span.text(doc.text()).unwrap_or_default().to_owned();
            if matches!(preposition, Some("by" | "before" | "until" | "through")) {
                by_date = Some((
                    date.date,
                    format!("{} {written}", preposition.unwrap_or("by")),
                ));
            } else if at_date.is_none() {
                at_date = Some((date.date, written));
            }
        }
        let earlier = (self.from..self.to).find_map(|k| {
            // The periods first: `earlier this month` before `earlier`.
            PAST_PERIODS
                .entries()
                .iter()
                .chain(EARLIER_WORDS.entries())
                .find(|p| self.words.phrase_at(k, p))
                .copied()
        });
        let tense = self.tense();
        let so_far_cue = (self.from..self.to).find_map(|k| {
            ["already", "so far", "to date", "thus far"]
                .into_iter()
                .find(|p| self.words.phrase_at(k, p))
        });

        if let Some((date, cue)) = by_date
            && tense != Tense::SoFar
        {
            return Timing {
                kind: TimingKind::By,
                date,
                window: date.map(date_bounds),
                cue: Some(cue),
            };
        }
        if tense == Tense::Projected && so_far_cue.is_none() {
            let cue = (self.from..self.number)
                .rev()
                .find(|&k| PROJECTION_WORDS.contains_as_written(self.words.lower(k)))
                .or_else(|| {
                    self.after()
                        .find(|&k| PROJECTION_WORDS.contains_as_written(self.words.lower(k)))
                })
                .map(|k| self.words.lower(k).to_owned());
            return Timing {
                kind: TimingKind::Eventual,
                date: None,
                window: None,
                cue,
            };
        }
        if let Some((date, cue)) = at_date {
            return Timing {
                kind: TimingKind::AsOf,
                date,
                window: date.map(date_bounds),
                cue: Some(cue),
            };
        }
        // `the NIS said on Friday that ...`: a count so far holds on the day it was stated.
        let statement_day = doc
            .entities_within(self.words.span(0, self.words.len()))
            .iter()
            .filter(|e| e.kind == EntityKind::Date && !window.contains(e.span))
            .find(|e| {
                let k = self.words.index_at(e.span.start);
                k > 0 && self.words.lower(k - 1) == "on"
            })
            .and_then(|e| e.date)
            .map(date_bounds);
        let report_day = statement_day.or(published.map(|p| (p, p)));
        match (earlier, so_far_cue, tense) {
            (Some(phrase), _, _) => Timing {
                kind: TimingKind::AsOf,
                date: None,
                window: published.map(|p| (earlier_start(phrase, p), p)),
                cue: Some(phrase.to_owned()),
            },
            (None, Some(cue), _) => Timing {
                kind: TimingKind::AsOf,
                date: None,
                window: report_day,
                cue: Some(cue.to_owned()),
            },
            (None, None, Tense::SoFar) => Timing {
                kind: TimingKind::AsOf,
                date: None,
                window: report_day,
                cue: None,
            },
            _ => Timing {
                kind: TimingKind::Unstated,
                date: None,
                window: report_day,
                cue: None,
            },
        }
    }

    /// The tense of the verb governing the number: the nearest cue before it, else after.
    fn tense(&self) -> Tense {
        let classify = |k: usize| {
            let w = self.words.lower(k);
            // `has decided to send 12,000`: an infinitive before the number is a plan.
            let infinitive = w == "to"
                && k + 1 < self.number
                && self.words.tokens[k + 1].kind == crate::extract::token::TokenKind::Word;
            if infinitive || PROJECTION_WORDS.contains_as_written(w) {
                Some(Tense::Projected)
            } else if SO_FAR_WORDS.contains_as_written(w) {
                Some(Tense::SoFar)
            } else {
                None
            }
        };
        self.before()
            .rev()
            .find_map(classify)
            .or_else(|| self.after().find_map(classify))
            .unwrap_or(Tense::Unknown)
    }
}

/// Words that begin another statement inside a clause: `..., and that more than 100 ...`.
pub(super) fn starts_another_phrase(words: &Words<'_>, k: usize) -> bool {
    let next = (k + 1 < words.len()).then(|| words.lower(k + 1));
    match words.lower(k) {
        "that" | "which" | "who" | "while" | "but" | "whereas" | "although" | "though"
        | "because" => true,
        "and" => {
            next.is_some_and(|n| {
                matches!(
                    n,
                    "that"
                        | "the"
                        | "a"
                        | "an"
                        | "some"
                        | "more"
                        | "many"
                        | "several"
                        | "most"
                        | "all"
                        | "about"
                        | "around"
                        | "over"
                        | "nearly"
                        | "at"
                        | "up"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "another"
                        | "other"
                )
            }) || words
                .tokens
                .get(k + 1)
                .is_some_and(|t| t.kind == crate::extract::token::TokenKind::Number)
        }
        _ => false,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    Projected,
    SoFar,
    Unknown,
}

/// How far back `earlier this month` and its kind reach from the report date.
pub(super) fn earlier_start(phrase: &str, published: NaiveDate) -> NaiveDate {
    let month_start = published.with_day(1).unwrap_or(published);
    match phrase {
        "earlier this month" => month_start,
        "earlier this week" => published - chrono::Days::new(7),
        "earlier this year" => published.with_ordinal(1).unwrap_or(published),
        "last week" => published - chrono::Days::new(14),
        "last month" => month_start
            .pred_opt()
            .and_then(|d| d.with_day(1))
            .unwrap_or(month_start),
        "last year" => NaiveDate::from_ymd_opt(published.year() - 1, 1, 1).unwrap_or(published),
        _ => NaiveDate::MIN,
    }
}
