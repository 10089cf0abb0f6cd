//! Claims: body sentences that assert a checkable fact or report an assertion, with who
//! asserts them (`Kirby stated`, `according to Yonhap`, `he added` → the last speaker) and the
//! figures they carry.

use super::names::REPORTING_VERBS;
use super::sentences::Sentence;
use super::token::{Token, TokenKind};
use super::{Entity, EntityKind, ExtractedClaim};
use crate::article::Boilerplate;
use crate::extract::gazetteer::{Gazetteer, phrase_key};
use crate::extract::lexicon::{lexicon, lowercase};
use crate::span::Span;

/// Claims are sentences of at least this many words; shorter ones are captions and labels.
const MIN_CLAIM_WORDS: usize = 6;

/// How far a caption test looks along a line, in tokens.
const CAPTION_LOOK_TOKENS: usize = 200;

/// The most sentences one quotation may join into one claim.
const MAX_QUOTED_SENTENCES: usize = 12;

lexicon!(
    /// Words that open a subordinate clause at the start of a sentence; a reporting verb inside it
    /// (`While the U.S. has not confirmed ...,`) is not the sentence's attribution.
    static SUBORDINATORS = "subordinators.txt", "time-connectives.txt"
);

lexicon!(
    /// Words between a subject and its verb: `Kirby also said`, `the agency had earlier reported`.
    static AUXILIARIES =
        "auxiliaries.txt", "future-modals.txt", "speculative-modals.txt", "earlier-words.txt",
        "so-far-auxiliaries.txt"
);

lexicon!(
    /// Common nouns that can head a described speaker: `US officials`, `the spy agency`.
    static SPEAKER_NOUNS =
        "speaker-nouns.txt", "spokespeople.txt", "speaker-heads.txt", "agencies.txt",
        "source-words.txt", "government-speakers.txt", "speaker-roles.txt", "body-nouns.txt",
        "office-nouns.txt", "organisation-speakers.txt", "referring-bodies.txt"
);

lexicon!(
    /// Nouns that, after "the", refer back to the organisation that spoke last: `the
    /// regulator`, `the weather bureau`, `the agency`.
    static BODY_NOUNS =
        "agencies.txt", "body-nouns.txt", "office-nouns.txt", "organisation-speakers.txt",
        "organisation-descriptions.txt", "referring-bodies.txt"
);

lexicon!(
    /// Nouns that report without speaking: `Recent reports indicate ...` has no speaker.
    static NOT_SPEAKERS = "not-speakers.txt"
);

lexicon!(
    /// Words of an outlet's analysis: a sentence built on them, with no figure or date and no
    /// speaker, is commentary rather than a claim.
    static COMMENTARY_WORDS = "commentary-words.txt"
);

lexicon!(
    /// How a photo caption opens ("In this photo taken from video released by ...", "Still life
    /// of ..."): the sentence describes a picture, not the news.
    static CAPTION_OPENINGS = "caption-openings.txt"
);

lexicon!(
    /// `raises concerns`, `sparked fears`: the first word of an evaluative pair ...
    static STIRS = "stirs.txt"
);

lexicon!(
    /// ... and the second (`widespread` may sit between them).
    static STIRRED = "stirred.txt"
);

lexicon!(
    /// Sentence connectors that keep the subject that follows them: `However, it is ...`.
    static CONTINUING_CONNECTORS = "continuing-connectors.txt"
);

lexicon!(
    /// `It means ...`, `This comes as ...`: verbs after a pronoun that open the outlet's own
    /// inference or framing rather than the source's account.
    static INFERENCE_VERBS = "inference-verbs.txt"
);

lexicon!(
    /// Words that open a sentence adding to the account just reported: `Another priority is`.
    static CONTINUING_OPENERS = "continuing-openers.txt"
);

lexicon!(
    /// Verbs of an official count: `Ugu recorded six`, `55 injuries had been registered`.
    static RECORDING_VERBS = "recording-verbs.txt"
);

lexicon!(
    /// Modals of speculation: `could also help` is the outlet's, not the source's.
    static SPECULATIVE_MODALS = "speculative-modals.txt"
);

lexicon!(
    /// Titles written with a full stop before a name: `Dr. Robert Kushner`, `Col. Smith`.
    static TITLE_ABBREVIATIONS = "dotted-titles.txt"
);

lexicon!(
    /// Line labels that are never claims.
    static NON_CLAIM_LABELS = "non-claim-labels.txt", "source-words.txt"
);

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
        article_names: std::cell::RefCell::default(),
        entity_texts: std::cell::OnceCell::new(),
    };
    let mut claims: Vec<ExtractedClaim> = Vec::new();
    let mut quote_open = false;
    // The previous claim's statement: an unattributed sentence right after it may continue it.
    let mut last_statement: Option<Statement> = None;
    let mut discourse = Discourse::default();
    let units = finder.quotation_units(sentences);
    // Above the page's date line stand its headline and summary, not the story.
    let body_from = crate::article::metadata::date_line_end(text).unwrap_or(0);
    for sentence in &units {
        let opens_in_quote = quote_open;
        quote_open = finder.quote_state_after(sentence, quote_open);
        if overlaps_any(boilerplate, sentence.span) || sentence.span.end <= body_from {
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
        let starts_with_quote = finder.tokens[start].kind == TokenKind::Punct
            && finder.tokens[start].text(text).starts_with(['“', '"']);

        let clauses = finder.clauses(start, sentence.tokens.end, &attributions);
        for (range, attribution) in clauses {
            // What named the speaker, when this clause names one itself.
            let mut named_by: Option<Option<EntityKind>> = None;
            let (speaker, speaker_span, via) = match attribution {
                Some(a) => {
                    named_by = Some(a.named);
                    (a.speaker, a.span, a.via)
                }
                // A quotation that goes on, or an unattributed quote right after a statement,
                // keeps that statement's speaker.
                None if opens_in_quote
                    || starts_with_quote
                    || last_statement.as_ref().is_some_and(|last| {
                        finder.continues_statement(start, sentence.tokens.end, last)
                    }) =>
                {
                    (
                        last_statement.as_ref().map(|last| last.speaker.clone()),
                        None,
                        None,
                    )
                }
                None => (None, None, None),
            };
            if speaker.is_none() && finder.is_commentary(range.start, range.end) {
                if !opens_in_quote {
                    last_statement = None;
                }
                continue;
            }
            let span = Span::new(
                tokens[range.start].span().start,
                tokens[range.end - 1].span().end,
            );
            let values = finder
                .entities_in(range.start, range.end)
                .iter()
                .filter(|e| e.kind == EntityKind::Number)
                .filter_map(|e| e.quantity.as_ref().map(|q| q.value))
                .collect();
            let relays = super::attribution::relays(
                text,
                &tokens[range.clone()],
                finder.entities_in(range.start, range.end),
                speaker.as_deref(),
            );
            claims.push(ExtractedClaim {
                span,
                speaker: speaker.clone(),
                speaker_span,
                via,
                values,
                relays,
            });
            if let Some(speaker) = speaker {
                match named_by {
                    Some(Some(EntityKind::Organization)) => {
                        discourse.recent_organization = Some(speaker.clone());
                    }
                    Some(None) => discourse.recent_description = Some(speaker.clone()),
                    _ => {}
                }
                discourse.recent_speaker = Some(speaker.clone());
                // An inherited speaker keeps what named it.
                let named = match named_by {
                    Some(named) => named,
                    None => last_statement.as_ref().and_then(|last| last.named),
                };
                last_statement = Some(Statement {
                    speaker,
                    end: sentence.tokens.end,
                    named,
                });
            } else if !opens_in_quote {
                last_statement = None;
            }
        }
        discourse.previous_subject = subject;
    }
    claims
}

/// The statement the previous claim reported, which the next sentence may continue.
#[derive(Debug, Clone)]
struct Statement {
    speaker: String,
    /// The token where its sentence ended.
    end: usize,
    /// What named the speaker: an entity of this kind, or `None` for a description.
    named: Option<EntityKind>,
}

/// What earlier sentences leave for pronouns to refer to.
#[derive(Debug, Clone, Default)]
struct Discourse {
    /// The latest named speaker, even across narration.
    recent_speaker: Option<String>,
    /// The latest speaker that is an organisation (`the regulator` refers back to it).
    recent_organization: Option<String>,
    /// The latest speaker that is a description (`the official` refers back to `a senior
    /// military official`).
    recent_description: Option<String>,
    /// The person who is the subject of the previous sentence (`President Biden, while ...`).
    previous_subject: Option<String>,
}

/// Who a sentence (or clause) says asserts it.
#[derive(Debug, Clone)]
struct Attribution {
    speaker: Option<String>,
    span: Option<Span>,
    via: Option<String>,
    /// What named the speaker: an entity of this kind, or `None` for a description.
    named: Option<EntityKind>,
    /// The first token of the subject, where a second clause would start.
    subject_start: usize,
}

struct Finder<'a> {
    text: &'a str,
    tokens: &'a [Token],
    entities: &'a [Entity],
    /// For each token (and one past the last), the index of the first entity starting at or
    /// after it: entity lookups by token range cost no search.
    first_entity: Vec<u32>,
    /// Canonical names already looked up, and whether the article gives them.
    article_names: std::cell::RefCell<std::collections::HashMap<String, bool>>,
    /// Every entity's words as written, gathered the first time a canonical name is looked up.
    entity_texts: std::cell::OnceCell<std::collections::HashSet<&'a str>>,
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
        let end = self.tokens[to - 1].span().end;
        let first = self.first_entity[from] as usize;
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
        for i in sentence.tokens.clone() {
            // Quotation marks are punctuation tokens; words need no look.
            if self.tokens[i].kind != TokenKind::Punct {
                continue;
            }
            match self.word(i) {
                "“" => open = true,
                "”" => open = false,
                // A paragraph of a quotation that goes on opens with a quotation mark again:
                // that one does not close the quotation.
                "\"" if open
                    && i == sentence.tokens.start
                    && self.tokens[i].newlines_before > 0 => {}
                "\"" => open = !open,
                _ => {}
            }
        }
        open
    }

    /// The sentences as claims see them: a quotation of several sentences under one
    /// attribution is one unit ("“Very happy. We were under pressure. … ,” said Bumrah."),
    /// also over paragraphs that each reopen it. A quotation mark that never closes within a
    /// few sentences joins nothing.
    fn quotation_units(&self, sentences: &[Sentence]) -> Vec<Sentence> {
        let mut units = Vec::with_capacity(sentences.len());
        let mut k = 0;
        while k < sentences.len() {
            let first = &sentences[k];
            let mut end = k;
            if self.quote_state_after(first, false) {
                let mut open = true;
                let closing = (k + 1..sentences.len().min(k + 1 + MAX_QUOTED_SENTENCES))
                    .take_while(|&j| {
                        let next = &sentences[j];
                        let reopens = self.is_quote(next.tokens.start);
                        // A new paragraph goes on with the quotation only if it reopens it.
                        self.tokens[next.tokens.start].newlines_before == 0 || reopens
                    })
                    .find(|&j| {
                        open = self.quote_state_after(&sentences[j], open);
                        !open
                    });
                if let Some(closing) = closing {
                    end = closing;
                }
            }
            let last = &sentences[end];
            units.push(Sentence {
                span: Span::new(first.span.start, last.span.end),
                tokens: first.tokens.start..last.tokens.end,
            });
            k = end + 1;
        }
        units
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
                if colon == start + 1 && NON_CLAIM_LABELS.contains(self.word(start)) {
                    return None;
                }
                start = colon + 1;
            }
        }
        // A caption anywhere ("Kim Jong Un. Photo: Getty Images") is not a claim.
        if (start..range.end.saturating_sub(1)).any(|i| {
            self.tokens[i + 1].is_punct(self.text, ':')
                && self.tokens[i].is_capitalized()
                && NON_CLAIM_LABELS.contains(self.word(i))
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
            return self.after_agency_credit(start, end).unwrap_or(start);
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

    /// `Aug. 14 (UPI) -- `, `Feb. 7 (Reuters) — `: a dateline of a date and a bracketed agency
    /// credit before a dash.
    fn after_agency_credit(&self, start: usize, end: usize) -> Option<usize> {
        let open = (start..end.min(start + 8)).find(|&i| self.word(i) == "(")?;
        let dateline = (start..open).all(|i| {
            let t = &self.tokens[i];
            t.is_capitalized() || t.kind == TokenKind::Number || matches!(self.word(i), "," | ".")
        });
        let agency = open + 1;
        let credit = dateline
            && open > start
            && agency + 1 < end
            && self.tokens[agency].is_capitalized()
            && self.word(agency + 1) == ")";
        if !credit {
            return None;
        }
        let mut after = agency + 2;
        while after < end && matches!(self.word(after), "-" | "–" | "—") {
            after += 1;
        }
        (after > agency + 2 && after < end).then_some(after)
    }

    /// A claim ends like a sentence and is long enough to assert something.
    fn is_claim(&self, start: usize, end: usize) -> bool {
        if self.is_caption(start)
            || self.in_a_caption_paragraph(start, end)
            || self.is_sourcing_note(start, end)
            || self.is_shouted(start, end)
        {
            return false;
        }
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

    /// A sentence of a caption paragraph: one that another sentence on its line opened as a
    /// caption ("Still life of Wegovy ... It should be used ..."), or whose line closes with a
    /// picture credit ("... after leaving London. - PHOTO: AFP", "Photo Provided by J.
    /// Smith/EPA"). Both looks are bounded: a text on one long line costs no more.
    fn in_a_caption_paragraph(&self, start: usize, end: usize) -> bool {
        let mut line_start = start;
        while line_start > 0
            && self.tokens[line_start].newlines_before == 0
            && start - line_start < CAPTION_LOOK_TOKENS
        {
            line_start -= 1;
        }
        let opened_as_caption = line_start < start
            && (line_start == 0 || self.tokens[line_start].newlines_before > 0)
            && self.is_caption(line_start);
        opened_as_caption || self.credit_closes_line(end)
    }

    /// Whether the rest of the line from token `from` is a picture credit: `- PHOTO: AFP`,
    /// `Photo Provided by Jim Lo Scalzo/EPA-EFE`, `Picture: Reuters`.
    fn credit_closes_line(&self, from: usize) -> bool {
        let mut k = from;
        while k < self.tokens.len()
            && self.tokens[k].newlines_before == 0
            && self.tokens[k].kind == TokenKind::Punct
            && self.word(k).starts_with(['-', '–', '—', '|'])
        {
            k += 1;
        }
        let on_line =
            |i: usize| i < self.tokens.len() && (i == k || self.tokens[i].newlines_before == 0);
        if !on_line(k) || !on_line(k + 1) || !self.tokens[k].is_capitalized() {
            return false;
        }
        let label = NON_CLAIM_LABELS.contains(self.word(k));
        let credit = matches!(self.word(k + 1), ":" | "by" | "courtesy")
            || self.word(k + 1).eq_ignore_ascii_case("provided")
                && on_line(k + 2)
                && self.word(k + 2) == "by";
        let line_ends_soon = (k..k + CAPTION_LOOK_TOKENS / 10)
            .any(|i| i >= self.tokens.len() || i > k && self.tokens[i].newlines_before > 0);
        label && credit && line_ends_soon
    }

    /// A photo caption: opens as captions do.
    fn is_caption(&self, start: usize) -> bool {
        let is_word = |i: usize| {
            self.tokens
                .get(i)
                .is_some_and(|t| t.kind == TokenKind::Word)
        };
        if !is_word(start) {
            return false;
        }
        let first = self.lower(start);
        CAPTION_OPENINGS.entries().iter().any(|opening| {
            let mut words = opening.split(' ');
            words.next() == Some(first.as_ref())
                && words
                    .enumerate()
                    .all(|(n, word)| is_word(start + 1 + n) && self.lower(start + 1 + n) == word)
        })
    }

    /// "The official spoke on condition of anonymity to …": a note on the sourcing, not a
    /// fact (a sentence that reports through such a source says what they said, and is kept).
    fn is_sourcing_note(&self, start: usize, end: usize) -> bool {
        (start..end.saturating_sub(3)).any(|i| {
            matches!(self.word(i), "spoke" | "asked" | "requested" | "declined")
                && self.word(i + 1) == "on"
                && self.word(i + 2) == "condition"
        }) && !(start..end)
            .any(|i| REPORTING_VERBS.contains(self.word(i)) && self.word(i) != "spoke")
    }

    /// A line in capitals is a headline ("NK CASUALTIES HIT 3,000 IN RUSSIA").
    fn is_shouted(&self, start: usize, end: usize) -> bool {
        // Most sentences have a word in lower case within their first words: no count needed.
        if (start..end.min(start + 8)).any(|i| self.tokens[i].is_lowercase()) {
            return false;
        }
        let letters = || {
            self.text[self.tokens[start].span().start..self.tokens[end - 1].span().end]
                .chars()
                .filter(|c| c.is_alphabetic())
        };
        let (all, upper) = letters().fold((0, 0), |(all, upper), c| {
            (all + 1, upper + usize::from(c.is_uppercase()))
        });
        all >= 12 && upper * 10 >= all * 8
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
                COMMENTARY_WORDS.contains(word)
                    || i + 1 < end && {
                        let next = self.word(i + 1);
                        STIRS.contains(word) && STIRRED.contains(next)
                            || matches!(word, "could" | "may" | "might")
                                && matches!(next, "indicate" | "signal" | "suggest")
                    }
            })
    }

    /// A sentence with no attribution of its own continues the last statement when its
    /// subject is a pronoun (`They are believed ...`) or it adds to the reported account
    /// (`The casualties have also increased ...`). Within a paragraph any such pronoun
    /// continues; across a paragraph break only one that can stand for the speaker (`he` for a
    /// person, `it` for a body), and never an explicit inference (`It means ...`).
    fn continues_statement(&self, start: usize, end: usize, last: &Statement) -> bool {
        let same_paragraph = !self.paragraph_break_between(last.end, start);
        // `However, it is ...`: a connector before the subject does not change it.
        let subject = if start + 2 < end
            && self.word(start + 1) == ","
            && CONTINUING_CONNECTORS.contains(self.lower(start).as_ref())
        {
            start + 2
        } else {
            start
        };
        let first = self.lower(subject);
        let next = self.lower(subject + 1);
        if INFERENCE_VERBS.contains(next.as_ref()) {
            return false;
        }
        let person = last.named == Some(EntityKind::Person);
        let pronoun_fits = match first.as_ref() {
            "he" | "she" => person,
            "it" | "they" => !person,
            // "This is ...", not the determiner of "This achievement marks ...".
            "this" | "these" => same_paragraph && AUXILIARIES.contains(next.as_ref()),
            "if" => same_paragraph,
            _ => false,
        };
        let refers = if same_paragraph {
            matches!(first.as_ref(), "he" | "she" | "they" | "it") || pronoun_fits
        } else {
            pronoun_fits
        };
        refers
            || CONTINUING_OPENERS.contains(first.as_ref())
            || self.adds_to_the_account(subject, end)
            || self.breaks_down_the_figures(subject, end)
    }

    /// `Ugu recorded six`, `with 301 deaths recorded`, `compared to last month's report`:
    /// a figure counted or compared right after a statement breaks its figures down.
    fn breaks_down_the_figures(&self, start: usize, end: usize) -> bool {
        let compares = (start + 1..end.saturating_sub(1))
            .any(|i| self.word(i) == "compared" && matches!(self.word(i + 1), "to" | "with"));
        let counts = || {
            (start..end).any(|i| RECORDING_VERBS.contains(self.word(i)))
                && self
                    .entities_in(start, end)
                    .iter()
                    .any(|e| e.kind == EntityKind::Number)
        };
        compares || counts()
    }

    /// `The North Korean casualties have also increased ...`: an auxiliary then `also` early
    /// in a sentence with no modal (`could also help` is the outlet's speculation) adds to what
    /// was just reported.
    fn adds_to_the_account(&self, start: usize, end: usize) -> bool {
        let early = (start + 12).min(end);
        let mut seen_auxiliary = false;
        for i in start..early {
            let word = self.lower(i);
            if self.word(i) == "," || SPECULATIVE_MODALS.contains(word.as_ref()) {
                return false;
            }
            if word == "also" {
                return seen_auxiliary && self.tokens[start].kind != TokenKind::Punct;
            }
            seen_auxiliary |= AUXILIARIES.contains(word.as_ref());
        }
        false
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
                || !(REPORTING_VERBS.contains(self.word(v)) || self.reports_a_finding(v, end))
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

    /// `The NIS identified that ...`, `investigators found that ...`: a past-tense verb whose
    /// object is a `that` clause reports what its subject found or holds.
    fn reports_a_finding(&self, v: usize, end: usize) -> bool {
        v + 1 < end
            && self.word(v + 1) == "that"
            && self.word(v).len() > 4
            && self.word(v).ends_with("ed")
    }

    /// After an opening subordinate clause (`While the U.S. has not confirmed it, ...`).
    fn main_clause_start(&self, start: usize, end: usize) -> usize {
        if self.tokens[start].kind == TokenKind::Word
            && SUBORDINATORS.contains(self.word(start))
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
        while k > start && AUXILIARIES.contains(self.word(k - 1)) {
            k -= 1;
        }
        // "The priority, said Zikalala, was ...": a parenthetical attribution (not a participle
        // with its agent: "lawmakers, briefed by the NIS, said").
        if k > start
            && self.tokens[k - 1].is_punct(self.text, ',')
            && v + 1 < end
            && !matches!(
                self.word(v + 1),
                "by" | "to" | "with" | "on" | "in" | "at" | "for" | "from" | "about" | "that"
            )
        {
            let after = self.phrase_end(v + 1, end);
            if after > v + 1
                && after < end
                && self.tokens[after].is_punct(self.text, ',')
                && self.names_someone(v + 1, after)
            {
                return self.subject_after(v, end);
            }
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
                // "Boeing, the manufacturer of the SIA plane, said": a description in the
                // apposition describes the name before it.
                let described = matches!(self.lower(comma + 1).as_ref(), "the" | "a" | "an");
                if self.names(outer, comma, &[EntityKind::Person])
                    || (described || !self.names_someone(inner, k))
                        && self.names_someone(outer, comma)
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

    /// `”, said White House Advisor John Kirby.`: the phrase after the verb. A description
    /// followed by the person it describes gives the person ("says the former tank
    /// commander, Col Hamish Grant"; "proclaimed the Chief of the agency (ISRO), S. Rao").
    fn subject_after(&self, v: usize, end: usize) -> Option<Attribution> {
        let from = v + 1;
        let to = self.phrase_end(from, end);
        let first = (to > from)
            .then(|| self.noun_phrase(from, to, &Discourse::default()))
            .flatten();
        let mut next = to;
        // A bracketed acronym of the description: "(ISRO)".
        if next < end && self.word(next) == "(" {
            next = (next..end)
                .find(|&i| self.word(i) == ")")
                .map_or(end, |i| i + 1);
        }
        if next < end && self.tokens[next].is_punct(self.text, ',') {
            let after = self.phrase_end(next + 1, end);
            if self.names(next + 1, after, &[EntityKind::Person]) {
                return self.noun_phrase(next + 1, after, &Discourse::default());
            }
        }
        first
    }

    /// Where the phrase starting at `from` ends: at punctuation, except an apostrophe and the
    /// full stop of a title ("Dr.", "Col.") or an initial ("S.").
    fn phrase_end(&self, from: usize, end: usize) -> usize {
        let mut to = from;
        while to < end {
            let t = &self.tokens[to];
            let w = t.text(self.text);
            let abbreviation_stop = w == "."
                && to > from
                && to + 1 < end
                && self.tokens[to + 1].is_capitalized()
                && (self.word(to - 1).chars().count() == 1
                    || TITLE_ABBREVIATIONS.contains(self.word(to - 1)));
            // "Bretton-Gordon": a hyphen inside a word does not end the phrase.
            let inner_hyphen = w == "-"
                && !t.space_before
                && self.tokens.get(to + 1).is_some_and(|n| !n.space_before);
            if t.kind == TokenKind::Punct
                && !w.starts_with(['’', '\''])
                && !abbreviation_stop
                && !inner_hyphen
            {
                break;
            }
            to += 1;
        }
        to
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
                    ) && !REPORTING_VERBS.contains(w)
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
        if let Some(entity) = (self.first_entity[j] as usize)
            .checked_sub(1)
            .map(|e| &self.entities[e])
            .filter(|e| j < k && e.span.end > self.tokens[j].span().start)
        {
            let entity_start = self
                .tokens
                .partition_point(|t| t.span().start < entity.span.start);
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
                    || AUXILIARIES.contains(w)
                    || w.ends_with("n't")
                    || w.ends_with("n’t")
                    || REPORTING_VERBS.contains(w)
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
        let span = Span::new(
            self.tokens[from].span().start,
            self.tokens[to - 1].span().end,
        );
        let inside = self.entities_in(from, to);
        let name = |e: &Entity| self.entity_name(e);
        let attribution = |speaker: Option<String>| Attribution {
            speaker,
            span: Some(span),
            via: None,
            named: None,
            subject_start: from,
        };

        let words: Vec<usize> = (from..to)
            .filter(|&i| !matches!(self.lower(i).as_ref(), "the" | "a" | "an"))
            .collect();
        if let [only] = words[..] {
            match self.lower(only).as_ref() {
                "he" | "she" => {
                    return Some(Attribution {
                        named: Some(EntityKind::Person),
                        ..attribution(self.person_before(from, discourse))
                    });
                }
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
                return Some(Attribution {
                    named: Some(kind),
                    ..attribution(Some(name(e)))
                });
            }
        }
        let head = self.lower(to - 1);
        if NOT_SPEAKERS.contains(&head) {
            return None;
        }
        if let Some(place) = inside.iter().find(|e| e.kind == EntityKind::Location) {
            let only_the_place = words
                .iter()
                .all(|&i| place.span.contains(self.tokens[i].span()));
            if only_the_place {
                return Some(Attribution {
                    named: Some(EntityKind::Location),
                    ..attribution(Some(name(place)))
                });
            }
        }
        // "Health officials in Sweden": the head comes before the place or affiliation.
        let head_before_preposition = (from + 1..to)
            .find(|&i| matches!(self.word(i), "in" | "from" | "at" | "of"))
            .map(|p| self.lower(p - 1));
        if SPEAKER_NOUNS.contains(&head)
            || head_before_preposition.is_some_and(|h| SPEAKER_NOUNS.contains(&h))
        {
            // "The regulator announced": a definite description refers back to the body
            // that spoke last; "the official" to the description it shortens.
            let definite = self.lower(from) == "the" && words.len() <= 3;
            if definite {
                let same_head = discourse.recent_description.as_ref().filter(|d| {
                    d.rsplit(' ')
                        .next()
                        .is_some_and(|h| h.eq_ignore_ascii_case(&head))
                });
                if let Some(description) = same_head {
                    return Some(attribution(Some(description.clone())));
                }
                if BODY_NOUNS.contains(&head)
                    && let Some(body) = &discourse.recent_organization
                {
                    return Some(Attribution {
                        named: Some(EntityKind::Organization),
                        ..attribution(Some(body.clone()))
                    });
                }
            }
            let first = *words.first()?;
            let description = normalize(
                &self.text[self.tokens[first].span().start..self.tokens[to - 1].span().end],
            );
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
        let before = &self.entities[..self.first_entity[i] as usize];
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

    /// The fullest name the article or the gazetteer gives.
    /// The fullest name the article itself gives: a canonical form only the gazetteer knows
    /// (`North Atlantic Treaty Organization` for `NATO`) is not what the article says.
    fn entity_name(&self, e: &Entity) -> String {
        let written = &self.text[e.span.start..e.span.end];
        match &e.canonical {
            Some(canonical) if self.article_gives(canonical, written) => canonical.clone(),
            _ => normalize(written),
        }
    }

    /// Whether the article gives `canonical`, the long form of `written`: as an entity of
    /// its own, or found in its text by the acronym and name rules (anything but the
    /// gazetteer's long form). Remembered per name; no search of the text.
    fn article_gives(&self, canonical: &str, written: &str) -> bool {
        if let Some(&gives) = self.article_names.borrow().get(canonical) {
            return gives;
        }
        let entity_texts = self.entity_texts.get_or_init(|| {
            // Names only (a set grown as it goes: a long text has many numbers and dates).
            self.entities
                .iter()
                .filter(|e| e.kind.is_name())
                .map(|e| &self.text[e.span.start..e.span.end])
                .collect()
        });
        let from_gazetteer = || {
            Gazetteer::get()
                .phrase(&phrase_key(written))
                .is_some_and(|known| known.canonical == canonical)
        };
        let gives = entity_texts.contains(canonical) || !from_gazetteer();
        self.article_names
            .borrow_mut()
            .insert(canonical.to_owned(), gives);
        gives
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
                    !REPORTING_VERBS.contains(self.word(i))
                        && !AUXILIARIES.contains(self.word(i))
                        && !self.is_quote(i)
                })
                .find(|&i| {
                    matches!(
                        self.lower(i).as_ref(),
                        "after" | "while" | "as" | "and" | "but" | "when" | "before" | "whereas"
                    )
                });
            // "..., as IPART had suggested.": a clause too short to be a claim stays in.
            let long_enough = |from: usize| {
                (from..end)
                    .filter(|&i| matches!(self.tokens[i].kind, TokenKind::Word | TokenKind::Number))
                    .count()
                    >= MIN_CLAIM_WORDS
            };
            if let Some(connector) = connector
                && long_enough(connector + 1)
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
fn first_entity_at_each_token(tokens: &[Token], entities: &[Entity]) -> Vec<u32> {
    // u32: a long text has millions of tokens, and fewer entities than bytes.
    let index = |n: usize| u32::try_from(n).expect("articles are capped far below 4 GiB");
    let mut next = 0;
    let mut first = Vec::with_capacity(tokens.len() + 1);
    for token in tokens {
        while next < entities.len() && entities[next].span.start < token.span().start {
            next += 1;
        }
        first.push(index(next));
    }
    first.push(index(entities.len()));
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
    fn a_quotation_of_several_sentences_is_one_claim_with_its_attribution() {
        let text = "Title\n\n“Very happy. We were under pressure in the first innings. But the way \
                    we came back, I am proud,” said Captain Ravi Menon after the match.";
        let found = claims(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0.as_deref(), Some("Ravi Menon"));
        assert!(found[0].1.starts_with("“Very happy."));
    }

    #[test]
    fn captions_sourcing_notes_and_shouted_headlines_are_not_claims() {
        let text = "Title\n\nIn this photo taken from video released on Monday, a soldier fires a \
                    howitzer toward positions.\n\nThe official spoke on condition of anonymity to \
                    describe the assessment.\n\nFLOOD DEATHS HIT 300 ACROSS THE REGION TODAY.";
        assert!(claims(text).is_empty(), "{:?}", claims(text));
    }

    #[test]
    fn speakers_take_the_fullest_name_the_article_gives() {
        let text = "Title\n\nThe Northern Water Authority said 300 homes were flooded on Monday. \
                    The NWA added that 12 roads remained closed across the region.";
        assert_eq!(
            speakers(text),
            [
                Some("Northern Water Authority".into()),
                Some("Northern Water Authority".into())
            ]
        );
    }

    #[test]
    fn inverted_parenthetical_and_described_attributions() {
        let text = "Title\n\n\"This is the first time a drug has done this,\" said Dr. Jane Holm, a \
                    professor at the university.\n\n\"These are barely trained troops,\" says the \
                    former tank commander, Col Aldo Brant.\n\nThe priority, said Mayor Tom Okri, was \
                    to restore water to 4,000 homes.\n\nAcme Aviation, the maker of the Zeta plane, said \
                    it was in contact with the airline.\n\nThe official didn't provide details on the \
                    losses, but said the troops were poorly trained.";
        assert_eq!(
            speakers(text),
            [
                Some("Jane Holm".into()),
                Some("Aldo Brant".into()),
                Some("Tom Okri".into()),
                Some("Acme Aviation".into()),
                Some("official".into())
            ]
        );
    }

    #[test]
    fn findings_speech_acts_and_agency_datelines() {
        let text = "Title\n\nAug. 14 (UPI) -- The Harbor Institute identified that two captured \
                    sailors belonged to the coast guard.\n\nMinister Lena Ortiz visited the port on \
                    Monday. She thanked the rescue teams for their work through the storm.";
        let found = claims(text);
        assert!(found[0].1.starts_with("The Harbor Institute"), "{found:?}");
        assert_eq!(
            speakers(text),
            [
                Some("Harbor Institute".into()),
                None,
                Some("Lena Ortiz".into())
            ]
        );
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
