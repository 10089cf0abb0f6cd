//! Who passed a claim on: the sources its sentence cites beneath the speaker (`citing the NIS`,
//! `Yonhap reported that the NIS said`) and those that relay the speaker's words (`according
//! to Yonhap`, `told Reuters`, `..., the Post reported`). Found once, at extraction; the
//! cross-check reads them instead of parsing the claim again.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::lexicon::{WordSet, lexicon, lowercase};
use super::names::REPORTING_VERBS;
use super::token::{Token, TokenKind, tokenize_within};
use super::{Entity, EntityKind};
use crate::span::Span;

lexicon!(
    /// Cues after which the named source passed the claim on: the speaker told it to them, or
    /// the outlet read it there.
    static RELAY_CUES = "relay-cues.txt"
);

lexicon!(
    /// Cues after which the named source is where the speaker got it: deeper than the speaker.
    static ORIGIN_CUES = "origin-cues.txt"
);

lexicon!(
    /// Heads of a described subject that speaks (`Officials in Kyiv said`).
    static SPEAKING_NOUNS =
        "speaking-nouns.txt", "spokespeople.txt", "speaker-heads.txt", "agencies.txt",
        "source-words.txt", "government-speakers.txt"
);

lexicon!(
    /// Reporting verbs that also mark a projection (`is expected to send`): not a boundary.
    pub(crate) static PROJECTING_REPORT_VERBS = "projecting-report-verbs.txt"
);

/// Where a source stands in a claim's chain, relative to its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelayRole {
    /// The speaker got it from this source (`citing the NIS`): deeper than the speaker.
    Cited,
    /// This source passed the speaker's words on (`according to Yonhap`).
    Relayed,
}

/// One source a claim's sentence names besides its speaker.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relay {
    /// Beneath the speaker, or passing its words on.
    pub role: RelayRole,
    /// The words naming it, as written.
    pub name: String,
    /// Where those words are in the article.
    pub span: Span,
    /// The words that showed the link (`according to`, `citing`, `reported that`).
    pub cue: String,
}

/// The relays of the claim at `span` of `text`, whose speaker is `speaker`: tokenizes the
/// span (for claims made by hand, and files written before relays were stored).
#[must_use]
pub fn relays_of(text: &str, span: Span, entities: &[Entity], speaker: Option<&str>) -> Vec<Relay> {
    if text.get(span.start..span.end).is_none() {
        return Vec::new();
    }
    let tokens = tokenize_within(text, span);
    let first = entities.partition_point(|e| e.span.start < span.start);
    let end = first + entities[first..].partition_point(|e| e.span.end <= span.end);
    relays(text, &tokens, &entities[first..end], speaker)
}

/// The relays of a claim whose tokens (in article coordinates) are `tokens` and whose
/// entities, in order, are `entities`; in chain order: cited sources deepest first, then
/// relays from the speaker outward.
#[must_use]
pub fn relays(
    text: &str,
    tokens: &[Token],
    entities: &[Entity],
    speaker: Option<&str>,
) -> Vec<Relay> {
    // Every relay is a person or body the sentence names (or, opening it, a description the
    // speaker named at its end relays): without one there is nothing to find.
    let Some(last_named) = entities
        .iter()
        .rev()
        .find(|e| matches!(e.kind, EntityKind::Person | EntityKind::Organization))
    else {
        return Vec::new();
    };
    let words = Words {
        text,
        tokens,
        entities,
    };
    let mut cited: Vec<(usize, Relay)> = Vec::new();
    let mut relayed: Vec<(usize, Relay)> = Vec::new();
    let first_that = (0..tokens.len()).find(|&k| words.word(k).eq_ignore_ascii_case("that"));
    // A cue stands before the name it introduces.
    let cues_end = tokens.partition_point(|t| t.span().start < last_named.span.start);
    for (i, token) in tokens[..cues_end].iter().enumerate() {
        if token.kind != TokenKind::Word {
            continue;
        }
        // Only a cue's first word can start one: most words are passed on their first letter
        // and length alone.
        if CUE_STARTS.may_start(words.word(i)) {
            for cue in RELAY_CUES.entries() {
                // Telling a person is no relay; telling an outlet is.
                let people = !matches!(*cue, "told" | "speaking to");
                if words.phrase_at(i, cue)
                    && let Some(e) = words.named_after(i + cue.split(' ').count(), people)
                {
                    relayed.push((i, words.relay(RelayRole::Relayed, e.span, cue)));
                }
            }
            for cue in ORIGIN_CUES.entries() {
                if words.phrase_at(i, cue)
                    && let Some(e) = words.named_after(i + cue.split(' ').count(), true)
                {
                    cited.push((i, words.relay(RelayRole::Cited, e.span, cue)));
                }
            }
        }
    }
    // `Yonhap reported that the NIS said ...`: a reporting verb inside reported content, with
    // a named subject, is deeper than the speaker. Looked for after each name, not each word.
    if let Some(that) = first_that {
        for e in entities.iter().filter(|e| {
            matches!(e.kind, EntityKind::Person | EntityKind::Organization)
                && tokens[that].span().end <= e.span.start
        }) {
            let mut verb = tokens.partition_point(|t| t.span().start < e.span.end);
            while verb < tokens.len() && SUBJECT_AUXILIARIES.contains(&words.lower(verb).as_ref()) {
                verb += 1;
            }
            if verb < tokens.len()
                && words.is_report_boundary(verb)
                && !matches!(words.lower(verb).as_ref(), "that" | "which" | "who")
                && words
                    .named_before(verb)
                    .is_some_and(|named| named.span == e.span)
            {
                let cue = format!("{} that", words.lower(verb));
                cited.push((verb, words.relay(RelayRole::Cited, e.span, &cue)));
            }
        }
    }
    // `Officials in Kyiv said ..., The Washington Post reported`: the speaker found at the
    // end relays the subject that opens the sentence.
    if let Some(speaker) = speaker
        && let Some((subject, span)) = words.opening_subject()
        && !same_source(&subject, speaker)
        && words.reports_at_end(speaker)
    {
        cited.push((0, words.relay(RelayRole::Cited, span, "said")));
    }
    // `The NIS estimated ..., Yonhap news agency reported`: the reporter named at the end
    // relays the speaker.
    if let Some((at, e)) = words.reporter_at_end()
        && speaker.is_some_and(|s| !same_source(&words.name_of(e), s))
    {
        relayed.push((at, words.relay(RelayRole::Relayed, e.span, "reported")));
    }
    // Deepest first: the last-named cited source is the innermost; the outermost relay is
    // named first in the text.
    cited.sort_by_key(|(i, _)| std::cmp::Reverse(*i));
    relayed.sort_by_key(|(i, _)| std::cmp::Reverse(*i));
    // The speaker is not its own relay (`according to the White House` named it).
    let is_speaker = |relay: &Relay| speaker.is_some_and(|s| same_source(&relay.name, s));
    let mut chain: Vec<Relay> = Vec::new();
    for (_, relay) in cited.into_iter().chain(relayed) {
        if !is_speaker(&relay) && !chain.iter().any(|r| r.span == relay.span) {
            chain.push(relay);
        }
    }
    chain
}

/// Words between a subject and its reporting verb (`the NIS has also said`).
const SUBJECT_AUXILIARIES: [&str; 8] = [
    "has",
    "have",
    "had",
    "also",
    "earlier",
    "reportedly",
    "recently",
    "later",
];

/// The first words of every cue, with a filter on first letter and length that passes most
/// words without hashing them.
struct CueStarts {
    words: WordSet,
    /// For each letter `a`..`z`, a bit for each word length (up to 31) some start has.
    lengths_by_letter: [u32; 26],
}

impl CueStarts {
    fn may_start(&self, word: &str) -> bool {
        let Some(first) = word.bytes().next().filter(u8::is_ascii_alphabetic) else {
            return false;
        };
        let lengths = self.lengths_by_letter[usize::from(first.to_ascii_lowercase() - b'a')];
        word.len() < 32 && lengths & (1 << word.len()) != 0 && self.words.contains(word)
    }
}

static CUE_STARTS: std::sync::LazyLock<CueStarts> = std::sync::LazyLock::new(|| {
    let starts: Vec<&'static str> = RELAY_CUES
        .entries()
        .iter()
        .chain(ORIGIN_CUES.entries())
        .filter_map(|cue| cue.split(' ').next())
        .collect();
    let mut lengths_by_letter = [0u32; 26];
    for start in &starts {
        if let Some(first) = start.bytes().next().filter(u8::is_ascii_lowercase)
            && start.len() < 32
        {
            lengths_by_letter[usize::from(first - b'a')] |= 1 << start.len();
        }
    }
    CueStarts {
        words: WordSet::new(&starts),
        lengths_by_letter,
    }
});

/// Whether two names are one source as far as one sentence can tell: equal, or one ends with
/// the other's last word (`Ryder`, `Pat Ryder`).
fn same_source(a: &str, b: &str) -> bool {
    let last = |s: &str| s.split_whitespace().last().map(str::to_lowercase);
    a.eq_ignore_ascii_case(b) || last(a).is_some() && last(a) == last(b)
}

/// A claim's tokens with their entities.
struct Words<'a> {
    text: &'a str,
    tokens: &'a [Token],
    entities: &'a [Entity],
}

impl Words<'_> {
    fn len(&self) -> usize {
        self.tokens.len()
    }

    fn word(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }

    /// The lower-case text of token `i`, apostrophes straightened.
    fn lower(&self, i: usize) -> Cow<'_, str> {
        let word = lowercase(self.word(i));
        if word.contains('’') {
            Cow::Owned(word.replace('’', "'"))
        } else {
            word
        }
    }

    /// Whether tokens from `i` spell `phrase` (lower case, words separated by spaces).
    fn phrase_at(&self, i: usize, phrase: &str) -> bool {
        phrase
            .split(' ')
            .enumerate()
            .all(|(k, part)| i + k < self.len() && self.lower(i + k) == part)
    }

    /// Whether token `i` is punctuation that ends a clause.
    fn is_clause_punct(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Punct
            && matches!(
                self.word(i),
                "," | ";" | ":" | "—" | "–" | "(" | ")" | "“" | "”" | "\"" | "." | "!" | "?"
            )
    }

    /// Whether token `i` opens the reported content: `that`, `which`, a reporting verb.
    fn is_report_boundary(&self, i: usize) -> bool {
        let w = self.word(i);
        self.tokens[i].kind == TokenKind::Word
            && (["that", "which", "who"]
                .iter()
                .any(|b| w.eq_ignore_ascii_case(b))
                || REPORTING_VERBS.contains(w) && !PROJECTING_REPORT_VERBS.contains(w))
    }

    /// The byte span of tokens `from..to`.
    fn span(&self, from: usize, to: usize) -> Span {
        if from >= to {
            let at = self.tokens.get(from).map_or(0, |t| t.span().start);
            return Span::new(at, at);
        }
        Span::new(
            self.tokens[from].span().start,
            self.tokens[to - 1].span().end,
        )
    }

    fn entities_within(&self, span: Span) -> &[Entity] {
        let first = self.entities.partition_point(|e| e.span.start < span.start);
        let end = first + self.entities[first..].partition_point(|e| e.span.end <= span.end);
        &self.entities[first..end]
    }

    /// An entity's name: its canonical form, else its words.
    fn name_of(&self, e: &Entity) -> String {
        e.canonical
            .clone()
            .unwrap_or_else(|| self.text[e.span.start..e.span.end].to_owned())
    }

    fn relay(&self, role: RelayRole, span: Span, cue: &str) -> Relay {
        Relay {
            role,
            name: self.text[span.start..span.end].to_owned(),
            span,
            cue: cue.to_owned(),
        }
    }

    /// The organization (or, when `people`, person) named in the words right after token
    /// `from`, before the clause ends.
    fn named_after(&self, from: usize, people: bool) -> Option<&Entity> {
        let start = self.tokens.get(from)?.span().start;
        let limit = (from + 10).min(self.len());
        let stop = (from..limit)
            .find(|&k| self.is_clause_punct(k) && self.word(k) != "." || self.lower(k) == "that")
            .unwrap_or(limit);
        let end = self.span(from, stop).end.max(start);
        self.entities_within(Span::new(start, end))
            .iter()
            .find(|e| e.kind == EntityKind::Organization || people && e.kind == EntityKind::Person)
    }

    /// The person or organization that is the subject of the reporting verb at token `verb`:
    /// its name ends right before the verb (auxiliaries aside), so `reports` in `no
    /// confirmation of reports` has none.
    fn named_before(&self, verb: usize) -> Option<&Entity> {
        let mut k = verb;
        while k > 0 && SUBJECT_AUXILIARIES.contains(&self.lower(k - 1).as_ref()) {
            k -= 1;
        }
        let subject_end = self.tokens.get(k.checked_sub(1)?)?.span().end;
        self.entities_within(self.span(k.saturating_sub(8), k))
            .iter()
            .rev()
            .find(|e| matches!(e.kind, EntityKind::Person | EntityKind::Organization))
            .filter(|e| e.span.end == subject_end)
    }

    /// The subject of a reporting verb that opens the claim (`Officials in Kyiv said`,
    /// `The NIS told lawmakers`): its name and span.
    fn opening_subject(&self) -> Option<(String, Span)> {
        let verb = (1..self.len().min(10)).find(|&k| {
            self.is_report_boundary(k)
                && !matches!(self.lower(k).as_ref(), "that" | "which" | "who")
        })?;
        if (0..verb).any(|k| self.is_clause_punct(k)) {
            return None;
        }
        let subject = self.span(0, verb);
        let inside = self.entities_within(subject);
        for kind in [EntityKind::Person, EntityKind::Organization] {
            if let Some(e) = inside.iter().rev().find(|e| e.kind == kind) {
                return Some((self.name_of(e), e.span));
            }
        }
        (0..verb)
            .any(|k| SPEAKING_NOUNS.contains_as_written(&self.lower(k)))
            .then(|| (self.text[subject.start..subject.end].to_owned(), subject))
    }

    /// Whether the claim ends by naming `speaker` as who reports it (`..., Reuters
    /// reported.`, `..., according to Reuters.`).
    fn reports_at_end(&self, speaker: &str) -> bool {
        let Some(comma) = (0..self.len()).rev().find(|&k| self.word(k) == ",") else {
            return false;
        };
        let tail = self.span(comma + 1, self.len());
        let reports = (comma + 1..self.len())
            .any(|k| self.is_report_boundary(k) || self.phrase_at(k, "according to"));
        reports
            && self.entities_within(tail).iter().any(|e| {
                matches!(e.kind, EntityKind::Person | EntityKind::Organization)
                    && same_source(&self.name_of(e), speaker)
            })
    }

    /// The organization named after the claim's last comma as the subject of a reporting
    /// verb that ends the sentence (`..., Yonhap news agency reported.`), with its token.
    fn reporter_at_end(&self) -> Option<(usize, &Entity)> {
        let comma = (0..self.len()).rev().find(|&k| self.word(k) == ",")?;
        let named_after_comma = self
            .entities
            .last()
            .is_some_and(|e| e.span.start >= self.tokens[comma].span().end);
        if !named_after_comma {
            return None;
        }
        let verb = (comma + 1..self.len()).find(|&k| {
            self.is_report_boundary(k)
                && !matches!(self.lower(k).as_ref(), "that" | "which" | "who")
        })?;
        // Only the verb and the closing punctuation may follow: `..., X reported.`
        if (verb + 1..self.len()).any(|k| !self.is_clause_punct(k)) {
            return None;
        }
        let tail = self.span(comma + 1, verb);
        let entity = self
            .entities_within(tail)
            .iter()
            .find(|e| e.kind == EntityKind::Organization)?;
        Some((comma + 1, entity))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    fn article(text: &str) -> Article {
        Article::from_bytes(std::path::Path::new("t.txt"), text.as_bytes()).unwrap()
    }

    fn chain(text: &str) -> Vec<(RelayRole, String, String)> {
        let extraction = crate::extract::extract(&article(text));
        let claim = &extraction.claims[0];
        claim
            .relays
            .iter()
            .map(|r| (r.role, r.name.clone(), r.cue.clone()))
            .collect()
    }

    #[test]
    fn relays_and_cited_sources_in_chain_order() {
        assert_eq!(
            chain(
                "According to Yonhap, the National Intelligence Service said 300 soldiers were killed."
            ),
            vec![(RelayRole::Relayed, "Yonhap".into(), "according to".into())]
        );
        assert_eq!(
            chain(
                "Yonhap News Agency reported that the National Intelligence Service said 300 soldiers were killed."
            ),
            vec![(
                RelayRole::Cited,
                "National Intelligence Service".into(),
                "said that".into()
            )]
        );
        assert_eq!(
            chain(
                "Officials in Kyiv said 300 soldiers were killed in the fighting, the Kyiv Post reported."
            ),
            vec![(RelayRole::Relayed, "Kyiv Post".into(), "reported".into())]
        );
        // The speaker is not its own relay.
        assert_eq!(
            chain("North Korea has sent 3,000 troops to Russia, according to the White House."),
            vec![]
        );
    }

    #[test]
    fn a_span_alone_gives_what_extraction_gave() {
        let text =
            "According to Yonhap, the National Intelligence Service said 300 soldiers were killed.";
        let extraction = crate::extract::extract(&article(text));
        let claim = &extraction.claims[0];
        assert_eq!(
            relays_of(
                text,
                claim.span,
                &extraction.entities,
                claim.speaker.as_deref()
            ),
            claim.relays
        );
    }
}
