//! Claims: body sentences that assert a checkable fact or report an assertion, with who
//! asserts them (`Kirby stated`, `according to Yonhap`, `he added` → the last speaker) and the
//! figures they carry.

use super::names::REPORTING_VERBS_SET;
use super::sentences::Sentence;
use super::token::{Token, TokenKind};
use super::{Entity, EntityKind, ExtractedClaim};
use crate::article::Boilerplate;
use crate::extract::lexicon::{lowercase, word_set};
use crate::span::Span;

/// Claims are sentences of at least this many words; shorter ones are captions and labels.
const MIN_CLAIM_WORDS: usize = 6;

/// Words that open a subordinate clause at the start of a sentence; a reporting verb inside it
/// (`While the U.S. has not confirmed ...,`) is not the sentence's attribution.
const SUBORDINATORS: &[&str] = &[
    "while", "although", "though", "if", "because", "when", "since", "after", "before", "as",
    "unless", "whereas", "once", "until",
];
word_set!(static SUBORDINATORS_SET = SUBORDINATORS;);

/// Words between a subject and its verb: `Kirby also said`, `the agency had earlier reported`.
const AUXILIARIES: &[&str] = &[
    "also",
    "further",
    "has",
    "have",
    "had",
    "earlier",
    "recently",
    "previously",
    "not",
    "yet",
    "already",
    "reportedly",
    "publicly",
    "repeatedly",
    "later",
    "then",
    "once",
    "again",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "will",
    "would",
    "could",
    "may",
    "might",
    "can",
    "should",
    "did",
    "does",
    "do",
    "separately",
    "similarly",
    "privately",
    "initially",
    "first",
    "subsequently",
    "had",
    "still",
    "now",
    "just",
    "too",
    "likewise",
    "openly",
    "officially",
];
word_set!(static AUXILIARIES_SET = AUXILIARIES;);

/// Common nouns that can head a described speaker: `US officials`, `the spy agency`.
const SPEAKER_NOUNS: &[&str] = &[
    "official",
    "officials",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "spokespeople",
    "agency",
    "ministry",
    "source",
    "sources",
    "government",
    "authorities",
    "military",
    "army",
    "police",
    "analysts",
    "analyst",
    "experts",
    "expert",
    "diplomats",
    "diplomat",
    "lawmakers",
    "leaders",
    "leader",
    "president",
    "minister",
    "ambassador",
    "envoy",
    "intelligence",
    "service",
    "office",
    "department",
    "committee",
    "council",
    "commission",
    "media",
    "outlet",
    "newspaper",
    "observers",
    "residents",
    "witnesses",
    "allies",
    "administration",
    "embassy",
    "command",
    "prosecutors",
    "investigators",
    "researchers",
    "officers",
    "commander",
    "commanders",
    "state",
    "states",
    "kingdom",
    "korea",
    "nations",
    "people",
    "spy",
];
word_set!(static SPEAKER_NOUNS_SET = SPEAKER_NOUNS;);

/// Nouns that report without speaking: `Recent reports indicate ...` has no speaker.
const NOT_SPEAKERS: &[&str] = &[
    "reports",
    "report",
    "data",
    "figures",
    "statistics",
    "studies",
    "analysis",
    "images",
    "footage",
    "evidence",
    "comments",
    "remarks",
];
word_set!(static NOT_SPEAKERS_SET = NOT_SPEAKERS;);

/// Words of an outlet's analysis: a sentence built on them, with no figure or date and no
/// speaker, is commentary rather than a claim.
const COMMENTARY_WORDS: &[&str] = &[
    "underscores",
    "underscore",
    "underscoring",
    "highlights",
    "highlighting",
    "suggesting",
    "implications",
    "complexity",
    "dynamics",
];
word_set!(static COMMENTARY_WORDS_SET = COMMENTARY_WORDS;);

/// `raises concerns`, `sparked fears`: the first word of an evaluative pair ...
const STIRS: &[&str] = &[
    "raises", "raised", "raising", "sparked", "sparks", "sparking", "fuels", "fueled", "fuelled",
    "fuelling", "fueling",
];
word_set!(static STIRS_SET = STIRS;);

/// ... and the second (`widespread` may sit between them).
const STIRRED: &[&str] = &[
    "concern",
    "concerns",
    "fears",
    "questions",
    "alarm",
    "speculation",
    "widespread",
];
word_set!(static STIRRED_SET = STIRRED;);

/// Line labels that are never claims.
const NON_CLAIM_LABELS: &[&str] = &[
    "photo",
    "photos",
    "source",
    "sources",
    "image",
    "images",
    "credit",
    "video",
    "caption",
    "background",
    "file",
    "pictured",
];
word_set!(static NON_CLAIM_LABELS_SET = NON_CLAIM_LABELS;);

/// Finds the claims among `sentences`.
#[must_use]
pub fn find(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    entities: &[Entity],
    boilerplate: &[Boilerplate],
) -> Vec<ExtractedClaim> {
    let finder = Finder {
        text,
        tokens,
        entities,
        first_entity: first_entity_at_each_token(tokens, entities),
    };
    let mut claims: Vec<ExtractedClaim> = Vec::new();
    let mut quote_open = false;
    // The previous claim's speaker and the token where its sentence ended: an unattributed
    // sentence right after it may continue the statement.
    let mut last_speaker: Option<(String, usize)> = None;
    let mut discourse = Discourse::default();
    for sentence in sentences {
        let opens_in_quote = quote_open;
        quote_open = finder.quote_state_after(sentence, quote_open);
        if overlaps_any(boilerplate, sentence.span) {
            continue;
        }
        let Some(start) = finder.body_start(sentence) else {
            continue;
        };
        if !finder.is_claim(start, sentence.tokens.end) {
            continue;
        }
        let attributions = finder.attributions(start, sentence.tokens.end, &discourse);
        let subject = finder.subject_person(start, sentence.tokens.end);
        let paragraph_continues = last_speaker
            .as_ref()
            .is_some_and(|&(_, end)| !finder.paragraph_break_between(end, start));
        let starts_with_quote = finder.tokens[start].kind == TokenKind::Punct
            && finder.tokens[start].text(text).starts_with(['“', '"']);

        let clauses = finder.clauses(start, sentence.tokens.end, &attributions);
        for (range, attribution) in clauses {
            let (speaker, speaker_span, via) = match attribution {
                Some(a) => (a.speaker, a.span, a.via),
                // A quotation that goes on, or an unattributed quote right after a statement,
                // keeps that statement's speaker.
                None if opens_in_quote
                    || starts_with_quote
                    || paragraph_continues && finder.continues_statement(start) =>
                {
                    (last_speaker.as_ref().map(|(s, _)| s.clone()), None, None)
                }
                None => (None, None, None),
            };
            if speaker.is_none() && finder.is_commentary(range.start, range.end) {
                if !opens_in_quote {
                    last_speaker = None;
                }
                continue;
            }
            let span = Span::new(
                tokens[range.start].span.start,
                tokens[range.end - 1].span.end,
            );
            let values = finder
                .entities_in(range.start, range.end)
                .iter()
                .filter(|e| e.kind == EntityKind::Number)
                .filter_map(|e| e.quantity.as_ref().map(|q| q.value))
                .collect();
            claims.push(ExtractedClaim {
                span,
                speaker: speaker.clone(),
                speaker_span,
                via,
                values,
            });
            if let Some(speaker) = speaker {
                discourse.recent_speaker = Some(speaker.clone());
                last_speaker = Some((speaker, sentence.tokens.end));
            } else if !opens_in_quote {
                last_speaker = None;
            }
        }
        discourse.previous_subject = subject;
    }
    claims
}

/// What earlier sentences leave for pronouns to refer to.
#[derive(Debug, Clone, Default)]
struct Discourse {
    /// The latest named speaker, even across narration.
    recent_speaker: Option<String>,
    /// The person who is the subject of the previous sentence (`President Biden, while ...`).
    previous_subject: Option<String>,
}

/// Who a sentence (or clause) says asserts it.
#[derive(Debug, Clone)]
struct Attribution {
    speaker: Option<String>,
    span: Option<Span>,
    via: Option<String>,
    /// The first token of the subject, where a second clause would start.
    subject_start: usize,
}

struct Finder<'a> {
    text: &'a str,
    tokens: &'a [Token],
    entities: &'a [Entity],
    /// For each token (and one past the last), the index of the first entity starting at or
    /// after it: entity lookups by token range cost no search.
    first_entity: Vec<usize>,
}

impl Finder<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }

    /// The entities lying inside tokens `from..to`.
    fn entities_in(&self, from: usize, to: usize) -> &[Entity] {
        if from >= to {
            return &[];
        }
        let end = self.tokens[to - 1].span.end;
        let first = self.first_entity[from];
        let within = self.entities[first..]
            .iter()
            .take_while(|e| e.span.end <= end)
            .count();
        &self.entities[first..first + within]
    }

    fn lower(&self, i: usize) -> std::borrow::Cow<'_, str> {
        lowercase(self.word(i))
    }

    fn is_quote(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Punct && self.word(i).starts_with(['“', '”', '"'])
    }

    fn quote_state_after(&self, sentence: &Sentence, mut open: bool) -> bool {
        if self.tokens[sentence.tokens.start].newlines_before >= 1 && !open {
            open = false;
        }
        for i in sentence.tokens.clone() {
            match self.word(i) {
                "“" => open = true,
                "”" => open = false,
                "\"" => open = !open,
                _ => {}
            }
        }
        open
    }

    fn paragraph_break_between(&self, previous_end: usize, start: usize) -> bool {
        (previous_end..=start.min(self.tokens.len() - 1))
            .any(|i| self.tokens[i].newlines_before >= 1)
    }

    /// Where the claim text starts: after a dateline or label (`WASHINGTON:`, `Details:`) or
    /// a bullet. `None` for caption and source lines, which are never claims.
    fn body_start(&self, sentence: &Sentence) -> Option<usize> {
        let range = sentence.tokens.clone();
        let mut start = range.start;
        while start < range.end
            && self.tokens[start].kind == TokenKind::Punct
            && self.word(start).starts_with(['•', '*', '-', '–', '—', '·'])
        {
            start += 1;
        }
        start = self.after_dateline(start, range.end);
        // A label of one to four capitalised words before a colon.
        if let Some(colon) =
            (start..range.end.min(start + 5)).find(|&i| self.tokens[i].is_punct(self.text, ':'))
        {
            let label_words = (start..colon).all(|i| {
                self.tokens[i].is_capitalized()
                    || self.tokens[i].kind == TokenKind::Word
                        && self.word(i).chars().all(|c| !c.is_lowercase())
            });
            if label_words && colon > start {
                if colon == start + 1 && NON_CLAIM_LABELS_SET.contains(self.word(start)) {
                    return None;
                }
                start = colon + 1;
            }
        }
        // A caption anywhere ("Kim Jong Un. Photo: Getty Images") is not a claim.
        if (start..range.end.saturating_sub(1)).any(|i| {
            self.tokens[i + 1].is_punct(self.text, ':')
                && self.tokens[i].is_capitalized()
                && NON_CLAIM_LABELS_SET.contains(self.word(i))
        }) {
            return None;
        }
        (start < range.end).then_some(start)
    }

    /// Skips a wire dateline: `ANKARA, Feb 7 (Reuters) - `, `LONDON — `. It opens with a
    /// place in capitals and runs through capitalised words, commas, dates and a bracketed
    /// agency to a dash.
    fn after_dateline(&self, start: usize, end: usize) -> usize {
        // A sentence of bullets alone ends where it starts: nothing to skip.
        if start >= end {
            return start;
        }
        let opens_in_capitals = self.tokens[start].kind == TokenKind::Word
            && self
                .word(start)
                .chars()
                .filter(|c| c.is_alphabetic())
                .count()
                >= 3
            && !self.word(start).chars().any(char::is_lowercase);
        if !opens_in_capitals {
            return start;
        }
        for i in start + 1..end.min(start + 12) {
            let t = &self.tokens[i];
            let w = self.word(i);
            if t.kind == TokenKind::Punct && matches!(w, "-" | "–" | "—") && t.space_before {
                return i + 1;
            }
            let dateline_part = matches!(t.kind, TokenKind::Number)
                || t.is_capitalized()
                || matches!(w, "," | "(" | ")" | ".")
                || w.chars().all(|c| !c.is_lowercase());
            if !dateline_part {
                break;
            }
        }
        start
    }

    /// A claim ends like a sentence and is long enough to assert something.
    fn is_claim(&self, start: usize, end: usize) -> bool {
        let words = (start..end)
            .filter(|&i| matches!(self.tokens[i].kind, TokenKind::Word | TokenKind::Number))
            .count();
        let last = (start..end).rev().find(|&i| {
            !(self.tokens[i].kind == TokenKind::Punct
                && self.word(i).starts_with(['”', '"', '’', '\'', ')']))
        });
        let terminated = last.is_some_and(|i| self.word(i).starts_with(['.', '!', '?', '…']))
            || (start..end).rev().take(2).any(|i| {
                self.tokens[i].kind == TokenKind::Punct && self.word(i).starts_with(['”', '"'])
            });
        let question = last.is_some_and(|i| self.word(i) == "?");
        words >= MIN_CLAIM_WORDS && terminated && !question
    }

    /// The outlet's own analysis ("The situation underscores the complex dynamics ..."): no
    /// figure, no date, and built on an evaluative phrase rather than a reported fact.
    fn is_commentary(&self, start: usize, end: usize) -> bool {
        let checkable = self
            .entities_in(start, end)
            .iter()
            .any(|e| matches!(e.kind, EntityKind::Number | EntityKind::Date));
        !checkable
            && (start..end).any(|i| {
                let word = self.word(i);
                COMMENTARY_WORDS_SET.contains(word)
                    || i + 1 < end && {
                        let next = self.word(i + 1);
                        STIRS_SET.contains(word) && STIRRED_SET.contains(next)
                            || matches!(word, "could" | "may" | "might")
                                && matches!(next, "indicate" | "signal" | "suggest")
                    }
            })
    }

    /// A sentence with no attribution of its own continues the last statement when its
    /// subject is a pronoun or it is passive reporting (`It was also noted ...`).
    fn continues_statement(&self, start: usize) -> bool {
        let first = self.lower(start);
        matches!(
            first.as_ref(),
            "he" | "she" | "they" | "it" | "this" | "these" | "if"
        )
    }

    /// Every reporting verb in the sentence's main clause, with its subject resolved.
    fn attributions(&self, start: usize, end: usize, discourse: &Discourse) -> Vec<Attribution> {
        let main_start = self.main_clause_start(start, end);
        let mut found = Vec::new();
        let mut in_quote = false;
        for v in start..end {
            if self.is_quote(v) {
                in_quote = match self.word(v) {
                    "“" => true,
                    "”" => false,
                    _ => !in_quote,
                };
                continue;
            }
            if in_quote
                || v < main_start
                || !self.tokens[v].is_lowercase()
                || !REPORTING_VERBS_SET.contains(self.word(v))
            {
                continue;
            }
            if let Some(a) = self.subject_of(v, start, end, discourse) {
                found.push(a);
            }
        }
        if found.is_empty() {
            if let Some(a) = self.according_to(start, end) {
                found.push(a);
            }
        } else if let Some(relay) = self.according_to(start, end) {
            // "According to Yonhap, the NIS said ...": the NIS speaks, Yonhap relays.
            if found[0].speaker != relay.speaker {
                found[0].via = relay.speaker;
            }
        }
        found
    }

    /// After an opening subordinate clause (`While the U.S. has not confirmed it, ...`).
    fn main_clause_start(&self, start: usize, end: usize) -> usize {
        if self.tokens[start].kind == TokenKind::Word
            && SUBORDINATORS_SET.contains(self.word(start))
            && let Some(comma) = (start..end).find(|&i| self.tokens[i].is_punct(self.text, ','))
        {
            return comma + 1;
        }
        start
    }

    /// The subject of the reporting verb at `v`: before it (`Kirby said`), after it
    /// (`”, said John Kirby`), through a relative pronoun (`the agency, which estimates`), an
    /// apposition (`Ambassador, Sergiy Kyslytsya, added`) or a coordination (`... but considers`).
    fn subject_of(
        &self,
        v: usize,
        start: usize,
        end: usize,
        discourse: &Discourse,
    ) -> Option<Attribution> {
        let mut k = v;
        while k > start && AUXILIARIES_SET.contains(self.word(k - 1)) {
            k -= 1;
        }
        // "pointed out" and similar particles do not matter; inversion does.
        if k > start
            && self.tokens[k - 1].is_punct(self.text, ',')
            && (k - 1 == start || self.is_quote(k - 2) || self.is_quote(k - 1))
            || k > start && self.is_quote(k - 1)
        {
            return self.subject_after(v, end);
        }
        if k > start + 1 && self.tokens[k - 1].is_punct(self.text, ',') && self.is_quote(k - 2) {
            return self.subject_after(v, end);
        }
        if k > start && matches!(self.lower(k - 1).as_ref(), "which" | "who") {
            k -= 1;
            if k > start && self.tokens[k - 1].is_punct(self.text, ',') {
                k -= 1;
            }
        } else if k > start && self.tokens[k - 1].is_punct(self.text, ',') {
            // Apposition: "Russia’s UN Ambassador, Vassily Nebenzia, dismissed". When the
            // phrase between the commas names nobody ("Jason Esteves, a Democrat from Atlanta,
            // called"; "the committee, which had backed it, said"), the subject is before it.
            // A person before a role wins too ("Colette Kress, Nvidia's finance chief, said").
            k -= 1;
            let inner = self.noun_phrase_start(k, start);
            if !self.names(inner, k, &[EntityKind::Person])
                && let Some(comma) = (start..k)
                    .rev()
                    .take(16)
                    .find(|&i| self.tokens[i].is_punct(self.text, ','))
            {
                let outer = self.noun_phrase_start(comma, start);
                if self.names(outer, comma, &[EntityKind::Person])
                    || !self.names_someone(inner, k) && self.names_someone(outer, comma)
                {
                    return self.noun_phrase(outer, comma, discourse);
                }
            }
        }
        if k > start && matches!(self.lower(k - 1).as_ref(), "and" | "but") {
            let main = self.main_clause_start(start, end);
            return self.noun_phrase(main, self.subject_end(main, end), discourse);
        }
        let np_start = self.noun_phrase_start(k, start);
        if np_start == k {
            return None;
        }
        self.noun_phrase(np_start, k, discourse)
    }

    /// Whether tokens `from..to` hold a person or organisation.
    fn names_someone(&self, from: usize, to: usize) -> bool {
        self.names(from, to, &[EntityKind::Person, EntityKind::Organization])
    }

    /// Whether tokens `from..to` hold an entity of one of `kinds`.
    fn names(&self, from: usize, to: usize, kinds: &[EntityKind]) -> bool {
        self.entities_in(from, to)
            .iter()
            .any(|e| kinds.contains(&e.kind))
    }

    /// `”, said White House Advisor John Kirby.`: the phrase after the verb.
    fn subject_after(&self, v: usize, end: usize) -> Option<Attribution> {
        let from = v + 1;
        let mut to = from;
        while to < end
            && (self.tokens[to].kind != TokenKind::Punct
                || self.tokens[to].text(self.text).starts_with(['’', '\'']))
        {
            to += 1;
        }
        (to > from)
            .then(|| self.noun_phrase(from, to, &Discourse::default()))
            .flatten()
    }

    /// Walks back from `k` over the words of a noun phrase.
    fn noun_phrase_start(&self, k: usize, start: usize) -> usize {
        let mut j = k;
        while j > start && k - j < 16 {
            let t = &self.tokens[j - 1];
            let w = t.text(self.text);
            let inside = match t.kind {
                TokenKind::Word if t.is_capitalized() => true,
                TokenKind::Word => {
                    !matches!(
                        w,
                        "that"
                            | "which"
                            | "who"
                            | "and"
                            | "but"
                            | "or"
                            | "by"
                            | "to"
                            | "with"
                            | "as"
                            | "while"
                            | "if"
                            | "when"
                            | "because"
                            | "after"
                            | "before"
                            | "than"
                            | "said"
                            | "says"
                    ) && !REPORTING_VERBS_SET.contains(w)
                }
                TokenKind::Possessive | TokenKind::Number => true,
                TokenKind::Punct => matches!(w, "(" | ")" | "-" | "."),
                TokenKind::Url => false,
            };
            if !inside {
                break;
            }
            j -= 1;
        }
        // Never cut a name in two ("Disaster and Emergency Management Agency").
        if let Some(entity) = self.first_entity[j]
            .checked_sub(1)
            .map(|e| &self.entities[e])
            .filter(|e| j < k && e.span.end > self.tokens[j].span.start)
        {
            let entity_start = self
                .tokens
                .partition_point(|t| t.span.start < entity.span.start);
            j = entity_start.max(start);
        }
        j
    }

    /// The end of the sentence's opening noun phrase (its grammatical subject).
    fn subject_end(&self, start: usize, end: usize) -> usize {
        (start..end)
            .find(|&i| {
                let w = self.word(i);
                self.tokens[i].kind == TokenKind::Punct && !matches!(w, "." | "-")
                    || AUXILIARIES_SET.contains(w)
                    || REPORTING_VERBS_SET.contains(w)
            })
            .unwrap_or(end)
    }

    /// `according to X`, `citing X`, `as reported by X`.
    fn according_to(&self, start: usize, end: usize) -> Option<Attribution> {
        let is = |i: usize, word: &str| self.word(i).eq_ignore_ascii_case(word);
        let cue_end = (start..end).find_map(|i| {
            if is(i, "according") && i + 1 < end && is(i + 1, "to") {
                Some(i + 2)
            } else if is(i, "citing") || is(i, "by") && i > start && is(i - 1, "reported") {
                Some(i + 1)
            } else {
                None
            }
        })?;
        let mut to = cue_end;
        while to < end
            && (self.tokens[to].kind != TokenKind::Punct
                || matches!(self.word(to), "(" | ")" | "-" | "." | "’" | "'"))
            && to - cue_end < 12
        {
            if self.tokens[to].kind == TokenKind::Word
                && matches!(self.lower(to).as_ref(), "that" | "which" | "who")
            {
                break;
            }
            to += 1;
        }
        // The sentence's own full stop is not part of the source's name.
        if to == end && to > cue_end && self.word(to - 1) == "." {
            to -= 1;
        }
        self.noun_phrase(cue_end, to, &Discourse::default())
    }

    /// Names the speaker in tokens `from..to`: a person, else an organisation, else a place
    /// standing alone; a pronoun takes the previous speaker or the last person named; a
    /// description (`US officials`) is kept as written.
    fn noun_phrase(&self, from: usize, to: usize, discourse: &Discourse) -> Option<Attribution> {
        if from >= to {
            return None;
        }
        let span = Span::new(self.tokens[from].span.start, self.tokens[to - 1].span.end);
        let inside = self.entities_in(from, to);
        let name = |e: &Entity| self.entity_name(e);
        let attribution = |speaker: Option<String>| Attribution {
            speaker,
            span: Some(span),
            via: None,
            subject_start: from,
        };

        let words: Vec<usize> = (from..to)
            .filter(|&i| !matches!(self.lower(i).as_ref(), "the" | "a" | "an"))
            .collect();
        if let [only] = words[..] {
            match self.lower(only).as_ref() {
                "he" | "she" => return Some(attribution(self.person_before(from, discourse))),
                "it" | "they" => {
                    return discourse
                        .recent_speaker
                        .clone()
                        .map(|s| attribution(Some(s)));
                }
                _ => {}
            }
        }
        for kind in [EntityKind::Person, EntityKind::Organization] {
            if let Some(e) = inside.iter().rev().find(|e| e.kind == kind) {
                return Some(attribution(Some(name(e))));
            }
        }
        let head = self.lower(to - 1);
        if NOT_SPEAKERS_SET.contains(&head) {
            return None;
        }
        if let Some(place) = inside.iter().find(|e| e.kind == EntityKind::Location) {
            let only_the_place = words
                .iter()
                .all(|&i| place.span.contains(self.tokens[i].span));
            if only_the_place {
                return Some(attribution(Some(name(place))));
            }
        }
        // "Health officials in Sweden": the head comes before the place or affiliation.
        let head_before_preposition = (from + 1..to)
            .find(|&i| matches!(self.word(i), "in" | "from" | "at" | "of"))
            .map(|p| self.lower(p - 1));
        if SPEAKER_NOUNS_SET.contains(&head)
            || head_before_preposition.is_some_and(|h| SPEAKER_NOUNS_SET.contains(&h))
        {
            let first = *words.first()?;
            let description =
                normalize(&self.text[self.tokens[first].span.start..self.tokens[to - 1].span.end]);
            return Some(attribution(Some(description)));
        }
        None
    }

    /// The person a `he`/`she` refers to: the previous sentence's subject when a person, else
    /// the latest speaker when named recently, else the last person named before `i`.
    fn person_before(&self, i: usize, discourse: &Discourse) -> Option<String> {
        if let Some(subject) = &discourse.previous_subject {
            return Some(subject.clone());
        }
        let before = &self.entities[..self.first_entity[i]];
        let mut people = before.iter().rev().filter(|e| e.kind == EntityKind::Person);
        let last = people.next().map(|e| self.entity_name(e));
        if let Some(recent) = &discourse.recent_speaker
            && (last.as_ref() == Some(recent)
                || people.take(8).any(|e| self.entity_name(e) == *recent))
        {
            return Some(recent.clone());
        }
        last
    }

    /// The person a sentence opens with as its subject (`President Biden, while ...`).
    fn subject_person(&self, start: usize, end: usize) -> Option<String> {
        let main = self.main_clause_start(start, end);
        self.entities_in(main, self.subject_end(main, end).max(main + 1))
            .iter()
            .find(|e| e.kind == EntityKind::Person)
            .map(|e| self.entity_name(e))
    }

    fn entity_name(&self, e: &Entity) -> String {
        e.canonical
            .clone()
            .unwrap_or_else(|| normalize(&self.text[e.span.start..e.span.end]))
    }

    /// Splits a sentence carrying two separately attributed facts into clauses at the second
    /// subject (`a spokesperson confirmed it after NATO's Mark Rutte announced ...`).
    fn clauses(
        &self,
        start: usize,
        end: usize,
        attributions: &[Attribution],
    ) -> Vec<(std::ops::Range<usize>, Option<Attribution>)> {
        let mut clauses = Vec::new();
        let mut clause_start = start;
        let mut current = attributions.first().cloned();
        for next in attributions.iter().skip(1) {
            // The connector may stand before a described subject: "while the planning
            // minister, Ahsan Iqbal, said".
            let connector = (clause_start + 1..next.subject_start)
                .rev()
                .take(8)
                .take_while(|&i| {
                    !REPORTING_VERBS_SET.contains(self.word(i))
                        && !AUXILIARIES_SET.contains(self.word(i))
                        && !self.is_quote(i)
                })
                .find(|&i| {
                    matches!(
                        self.lower(i).as_ref(),
                        "after" | "while" | "as" | "and" | "but" | "when" | "before" | "whereas"
                    )
                });
            if let Some(connector) = connector
                && next.speaker.is_some()
                && next.speaker != current.as_ref().and_then(|c| c.speaker.clone())
            {
                clauses.push((clause_start..connector, current.take()));
                clause_start = connector + 1;
                current = Some(next.clone());
            }
        }
        clauses.push((clause_start..end, current));
        clauses
    }
}

/// For each token and one past the last, the index of the first entity (sorted by position)
/// that starts at or after the token.
fn first_entity_at_each_token(tokens: &[Token], entities: &[Entity]) -> Vec<usize> {
    let mut next = 0;
    let mut first = Vec::with_capacity(tokens.len() + 1);
    for token in tokens {
        while next < entities.len() && entities[next].span.start < token.span.start {
            next += 1;
        }
        first.push(next);
    }
    first.push(entities.len());
    first
}

/// Whether any boilerplate line (sorted by position) overlaps `span`.
fn overlaps_any(boilerplate: &[Boilerplate], span: Span) -> bool {
    let first = boilerplate.partition_point(|b| b.span.end <= span.start);
    boilerplate
        .get(first)
        .is_some_and(|b| b.span.overlaps(span))
}

fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use crate::extract::{Context, extract_text};

    /// (speaker, claim text) for every claim in `text`.
    fn claims(text: &str) -> Vec<(Option<String>, String)> {
        extract_text(text, Context::default())
            .claims
            .into_iter()
            .map(|c| (c.speaker, text[c.span.start..c.span.end].to_owned()))
            .collect()
    }

    fn speakers(text: &str) -> Vec<Option<String>> {
        claims(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn a_text_ending_in_a_rule_or_bullet_line_is_read_to_its_end() {
        for rule in ["-", "*", "•", "—", "---", "- -", "•\n"] {
            let text = format!(
                "Troops arrive\n\nJohn Kirby said on Friday that at least 3,000 North Korean \
                 troops had arrived in Russia.\n\n{rule}"
            );
            assert_eq!(claims(&text).len(), 1, "{rule:?}");
            assert!(claims(rule).is_empty(), "{rule:?}");
        }
    }

    #[test]
    fn pronoun_takes_the_recent_speaker_across_narration() {
        let text = "Sabrina Singh said the troops moved. The move could mean that Putin is desperate. She also warned of a further escalation.";
        assert_eq!(
            speakers(text),
            [
                Some("Sabrina Singh".into()),
                None,
                Some("Sabrina Singh".into())
            ]
        );
    }

    #[test]
    fn appositions_and_relative_clauses_lead_back_to_the_subject() {
        let text = "State Sen. Jason Esteves, a Democrat from Atlanta, called the rule an attempt to sow chaos. \
                    The Republican National Committee, which had backed the rule, said it would appeal.";
        assert_eq!(
            speakers(text),
            [
                Some("Jason Esteves".into()),
                Some("Republican National Committee".into())
            ]
        );
    }

    #[test]
    fn a_person_before_a_role_apposition_is_the_speaker() {
        let text = "Colette Kress, Nvidia's chief financial officer, told analysts that sales fell sharply. \
                    Turkey's Disaster and Emergency Management Agency said 1,498 people were killed.";
        assert_eq!(
            speakers(text),
            [
                Some("Colette Kress".into()),
                Some("Disaster and Emergency Management Agency".into())
            ]
        );
    }

    #[test]
    fn a_described_speaker_may_name_where_they_are() {
        assert_eq!(
            speakers("Health officials in Sweden said on Thursday they had confirmed a case."),
            [Some("Health officials in Sweden".into())]
        );
    }

    #[test]
    fn a_second_speaker_after_a_connector_and_a_description_gets_its_own_clause() {
        let text = "Prime Minister Shehbaz Sharif estimated the damage at $10bn, while the planning \
                    minister, Ahsan Iqbal, said it could reach 10 per cent of GDP. \
                    Between 8,000 and 9,000 camps were set up, according to officials in Sindh province.";
        let found = claims(text);
        assert_eq!(
            found
                .iter()
                .map(|(speaker, _)| speaker.as_deref())
                .collect::<Vec<_>>(),
            [
                Some("Shehbaz Sharif"),
                Some("Ahsan Iqbal"),
                Some("officials in Sindh province")
            ]
        );
        assert!(found[1].1.starts_with("the planning minister"), "{found:?}");
    }

    #[test]
    fn the_outlets_own_analysis_is_not_a_claim() {
        let text = "The blockade underscores the fragile dynamics of the region. \
                    The move could signal a shift in policy toward the islands. \
                    The closure has sparked widespread concern among shipping firms. \
                    The closure has sparked concern after 40 ships were stranded on Monday. \
                    Officials said the decision raises questions about the treaty.";
        assert_eq!(
            claims(text)
                .iter()
                .map(|(speaker, text)| (speaker.as_deref(), &text[..20]))
                .collect::<Vec<_>>(),
            [
                (None, "The closure has spar"),
                (Some("Officials"), "Officials said the d")
            ]
        );
    }

    #[test]
    fn datelines_and_labels_are_not_part_of_the_claim() {
        let text = "ANKARA, Feb 7 (Reuters) - A powerful earthquake struck western Turkey, the disaster agency AFAD said.\n\n\
                    LONDON — The Bank of England kept interest rates unchanged at 5.25 percent on Thursday.\n\n\
                    Details: At the same time, Miller noted that the White House has no confirmation.";
        let found = claims(text);
        assert!(found[0].1.starts_with("A powerful earthquake"), "{found:?}");
        assert_eq!(found[0].0.as_deref(), Some("AFAD"));
        assert!(found[1].1.starts_with("The Bank of England"));
        assert!(found[2].1.starts_with("At the same time"));
    }

    #[test]
    fn place_subject_of_a_reporting_verb() {
        assert_eq!(
            speakers(
                "WASHINGTON: The United States has expressed significant concern regarding reports that troops moved."
            ),
            [Some("United States".into())]
        );
    }
}
