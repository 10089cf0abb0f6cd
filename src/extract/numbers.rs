//! Number mentions: digits and spelled-out cardinals with their value, the noun they count
//! and any hedge before them (`approximately 12,000 troops`).

use super::token::{Token, TokenKind};
use super::{Entity, EntityKind, Quantity};
use crate::extract::lexicon::lexicon;
use crate::span::Span;

const UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];
const SCALES: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("mn", 1e6),
    ("m", 1e6),
    ("k", 1e3),
];
const CURRENCY: &[char] = &['$', '€', '£', '¥', '₩', '₽', '₴'];

lexicon!(
    /// Hedges and bounds, longest first so `more than` wins over `than`.
    static QUALIFIERS = "qualifiers.txt"
);

lexicon!(
    /// Plural nouns that do not end in `s`, and measurement units, that a number can count.
    static IRREGULAR_UNITS = "irregular-units.txt", "units.txt", "unit-symbols.txt"
);

lexicon!(
    /// Words ending in `s` that are not counted nouns.
    static NOT_PLURAL = "not-plural.txt"
);

fn unit_value(word: &str) -> Option<f64> {
    // Number words are 3 to 9 letters; most words are ruled out before any comparison.
    if !(3..=9).contains(&word.len())
        || !matches!(
            word.as_bytes()[0].to_ascii_lowercase(),
            b'e' | b'f' | b'n' | b'o' | b's' | b't' | b'z'
        )
    {
        return None;
    }
    UNITS
        .iter()
        .find(|(w, _)| w.len() == word.len() && w.eq_ignore_ascii_case(word))
        .map(|&(_, v)| v)
}

fn scale_value(word: &str) -> Option<f64> {
    SCALES
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, v)| v)
}

/// Finds the number mentions among tokens not yet `taken`, marking the ones it uses.
#[must_use]
pub fn find(text: &str, tokens: &[Token], taken: &mut [bool]) -> Vec<Entity> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        let mention = match tokens[i].kind {
            TokenKind::Number => digits_at(text, tokens, i),
            TokenKind::Word => words_at(text, tokens, i),
            _ => None,
        };
        let Some((first, last, value, percent)) = mention else {
            i += 1;
            continue;
        };
        if taken[first..=last].iter().any(|&t| t) {
            i += 1;
            continue;
        }
        taken[first..=last].iter_mut().for_each(|t| *t = true);
        let unit = if percent {
            Some("%".to_owned())
        } else {
            counted_noun(text, tokens, last + 1)
        };
        found.push(Entity {
            quantity: Some(Box::new(Quantity {
                value,
                unit,
                qualifier: qualifier_before(text, tokens, first),
            })),
            ..Entity::new(
                Span::new(tokens[first].span().start, tokens[last].span().end),
                EntityKind::Number,
            )
        });
        i = last + 1;
    }
    found
}

/// A digit number at token `i`: `(first token, last token, value, is a percentage)`.
fn digits_at(text: &str, tokens: &[Token], i: usize) -> Option<(usize, usize, f64, bool)> {
    let token = &tokens[i];
    let digits = token.text(text);
    // Numbers inside names: F-16, Covid-19, Su-27.
    if i >= 2
        && !token.space_before
        && tokens[i - 1].is_punct(text, '-')
        && !tokens[i - 1].space_before
    {
        let before = &tokens[i - 2];
        if before.kind == TokenKind::Word && before.is_capitalized() {
            return None;
        }
    }
    if labels_or_identifies(text, tokens, i) {
        return None;
    }
    let next = tokens.get(i + 1);
    // Ordinals: 1st, 22nd, 16th.
    if next.is_some_and(|n| !n.space_before && matches!(n.text(text), "st" | "nd" | "rd" | "th")) {
        return None;
    }
    // More digits than any figure in the news has (a quadrillion is 16): an identifier, a
    // hash or a phone number, and beyond 309 digits not even a finite f64.
    let plain = digits.replace(',', "");
    if plain.bytes().filter(u8::is_ascii_digit).count() > MAX_FIGURE_DIGITS {
        return None;
    }
    let mut value: f64 = plain.parse().ok()?;
    let mut first = i;
    let mut last = i;
    if i > 0
        && !token.space_before
        && (tokens[i - 1].kind == TokenKind::Punct
            && tokens[i - 1].text(text).starts_with(CURRENCY)
            || tokens[i - 1].kind == TokenKind::Word
                && super::token::is_currency_code(tokens[i - 1].text(text)))
    {
        first = i - 1;
    }
    let mut percent = false;
    if let Some(n) = next {
        let word = n.text(text);
        if n.kind == TokenKind::Word
            && scale_value(word).is_some()
            && (n.space_before || word.len() <= 2)
        {
            // "1.5 million", "$4bn"; a single "m" or "k" only glued and after a currency sign
            // ("$160m"), never "5 m" or "3m" (metres).
            let single_letter = word.len() == 1;
            if !single_letter || !n.space_before && first < i {
                value *= scale_value(word)?;
                last = i + 1;
            }
        } else if n.is_punct(text, '%')
            || n.is_punct(text, '٪')
            || n.kind == TokenKind::Word && !n.space_before && word.eq_ignore_ascii_case("pc")
            || n.kind == TokenKind::Word && n.space_before && word.eq_ignore_ascii_case("percent")
        {
            percent = true;
            last = i + 1;
        } else if n.kind == TokenKind::Word
            && word.eq_ignore_ascii_case("per")
            && tokens
                .get(i + 2)
                .is_some_and(|c| c.text(text).eq_ignore_ascii_case("cent"))
        {
            percent = true;
            last = i + 2;
        }
    }
    value.is_finite().then_some((first, last, value, percent))
}

/// The most digits a figure is written with; longer runs are identifiers.
const MAX_FIGURE_DIGITS: usize = 15;

/// A spelled-out number starting at token `i`: `three million`, `a dozen`, `twenty-five`, `half`.
fn words_at(text: &str, tokens: &[Token], i: usize) -> Option<(usize, usize, f64, bool)> {
    let word = tokens[i].text(text);
    if word.eq_ignore_ascii_case("half") {
        return half_at(text, tokens, i).then_some((i, i, 0.5, false));
    }
    let article = word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an");
    if !article && unit_value(word).is_none() && !word.eq_ignore_ascii_case("dozen") {
        return None;
    }
    if word.eq_ignore_ascii_case("one") && is_pronoun_one(text, tokens, i) {
        return None;
    }
    if labels_or_identifies(text, tokens, i) {
        return None;
    }
    let mut total = 0.0;
    let mut scaled = false;
    let mut current: f64 = if article { 1.0 } else { 0.0 };
    let mut last = None;
    // The last unit word of the group being read, so `twenty-five` joins and `two three` does not.
    let mut last_unit: Option<f64> = None;
    for j in i + usize::from(article)..tokens.len() {
        let t = &tokens[j];
        if j > i && t.newlines_before > 0 {
            break;
        }
        let w = t.text(text);
        if t.is_punct(text, '-') {
            let joins_cardinal = !t.space_before
                && last_unit.is_some()
                && tokens
                    .get(j + 1)
                    .is_some_and(|n| !n.space_before && unit_value(n.text(text)).is_some());
            if joins_cardinal {
                continue;
            }
            break;
        }
        if t.kind != TokenKind::Word {
            break;
        }
        if let Some(v) = unit_value(w) {
            let continues_tens =
                last_unit.is_some_and(|t| t >= 20.0 && t % 10.0 == 0.0 && v < 10.0);
            if last_unit.is_some() && !continues_tens {
                break;
            }
            current = if article && last.is_none() {
                v
            } else {
                current + v
            };
            last_unit = Some(v);
        } else if w.eq_ignore_ascii_case("dozen") {
            current = if last.is_none() { 12.0 } else { current * 12.0 };
            last_unit = None;
            scaled = true;
        } else if let Some(scale) = scale_value(w).filter(|_| w.len() > 2) {
            if last.is_none() && !article {
                break;
            }
            if scale >= 1000.0 {
                total += current.max(1.0) * scale;
                current = 0.0;
            } else {
                current = current.max(1.0) * scale;
            }
            last_unit = None;
            scaled = true;
        } else if w.eq_ignore_ascii_case("and")
            && last.is_some()
            && last_unit.is_none()
            && tokens
                .get(j + 1)
                .is_some_and(|n| unit_value(n.text(text)).is_some())
        {
            continue; // one hundred and fifty
        } else {
            break;
        }
        last = Some(j);
    }
    let last = last?;
    // "a"/"an" alone is not a number; nor are the plurals "dozens", "hundreds" (vague).
    if article && last == i {
        return None;
    }
    // "a million", "a dozen" count the article; "a two-year inquiry" does not.
    let first = if article && !scaled { i + 1 } else { i };
    // "a million million million …" can outgrow f64: no figure then.
    let value = total + current;
    let percent = percent_words_after(text, tokens, last);
    value
        .is_finite()
        .then_some((first, percent.unwrap_or(last), value, percent.is_some()))
}

/// `per cent`, `percent` or `pc` after a spelled-out number: the token that ends it.
fn percent_words_after(text: &str, tokens: &[Token], last: usize) -> Option<usize> {
    let word = |k: usize| tokens.get(k).map(|t| t.text(text).to_ascii_lowercase());
    match word(last + 1).as_deref() {
        Some("percent" | "pc") => Some(last + 1),
        Some("per") if word(last + 2).as_deref() == Some("cent") => Some(last + 2),
        _ => None,
    }
}

lexicon!(
    /// Nouns after which a number labels or identifies rather than counts: `day one`, `stage
    /// three`, `Signal No. 4`, `Flight 1282`.
    static LABEL_NOUNS = "label-nouns.txt"
);

/// Whether the number at `i` is a label (`day one`, `No. 4`) or part of an identifier:
/// glued to letters and digits (`777-300ER`, a hex page hash).
fn labels_or_identifies(text: &str, tokens: &[Token], i: usize) -> bool {
    let mut before = i.checked_sub(1);
    // "No. 4": past the abbreviation's full stop.
    if let Some(b) = before
        && tokens[b].is_punct(text, '.')
        && tokens[i].space_before
    {
        before = b.checked_sub(1);
    }
    if before.is_some_and(|b| {
        tokens[b].kind == TokenKind::Word && LABEL_NOUNS.contains(tokens[b].text(text))
    }) {
        return true;
    }
    glued_identifier(text, tokens, i)
}

/// Whether the token at `i` belongs to a run of glued tokens in which letters follow digits
/// directly (`777-300ER`, `6a5e88…`), other than the suffixes numbers take.
fn glued_identifier(text: &str, tokens: &[Token], i: usize) -> bool {
    let glued = |k: usize| tokens.get(k).is_some_and(|t| !t.space_before);
    let mut from = i;
    while from > 0 && glued(from) && !matches!(tokens[from - 1].kind, TokenKind::Url) {
        from -= 1;
    }
    let mut to = i;
    while glued(to + 1) && tokens[to + 1].kind != TokenKind::Url {
        to += 1;
    }
    (from..to).any(|k| {
        let next = &tokens[k + 1];
        let word = next.text(text);
        // "468x60" is a size: two numbers, not an identifier.
        let dimension = word.len() > 1
            && word.starts_with(['x', 'X'])
            && word[1..].bytes().all(|b| b.is_ascii_digit());
        let digits_then_letters = tokens[k].kind == TokenKind::Number
            && next.kind == TokenKind::Word
            && !dimension
            && !NUMBER_SUFFIXES.contains(word)
            && scale_value(word).is_none()
            && unit_value(word).is_none();
        let letters_and_digits =
            next.kind == TokenKind::Word && !dimension && word.bytes().any(|b| b.is_ascii_digit());
        digits_then_letters || letters_and_digits && tokens[k].kind == TokenKind::Number
    })
}

lexicon!(
    /// What may be glued to a number without making it an identifier.
    static NUMBER_SUFFIXES = "number-suffixes.txt", "unit-symbols.txt"
);

/// `half` is a number as a quantity noun (`half of the shells`, `by half`), not in `half-brother`
/// or `the second half`.
fn half_at(text: &str, tokens: &[Token], i: usize) -> bool {
    let next = tokens.get(i + 1).map(|t| t.text(text).to_ascii_lowercase());
    let prev = i
        .checked_sub(1)
        .map(|p| tokens[p].text(text).to_ascii_lowercase());
    let glued = tokens
        .get(i + 1)
        .is_some_and(|t| !t.space_before && t.kind == TokenKind::Punct);
    !glued
        && (matches!(
            next.as_deref(),
            Some("of" | "the" | "a" | "an" | "its" | "their" | "that")
        ) || matches!(prev.as_deref(), Some("by" | "and")))
}

/// `one` as a pronoun: `no one`, `one another`, `the one`, `this one`.
fn is_pronoun_one(text: &str, tokens: &[Token], i: usize) -> bool {
    let prev = i
        .checked_sub(1)
        .map(|p| tokens[p].text(text).to_ascii_lowercase());
    let next = tokens.get(i + 1).map(|t| t.text(text).to_ascii_lowercase());
    matches!(
        prev.as_deref(),
        Some(
            "no" | "the"
                | "this"
                | "that"
                | "any"
                | "every"
                | "each"
                | "which"
                | "someone"
                | "any1"
        )
    ) || matches!(next.as_deref(), Some("another" | "day" | "way" | "thing"))
}

/// The noun a number counts: the first plural noun (or unit) in the next few words.
fn counted_noun(text: &str, tokens: &[Token], from: usize) -> Option<String> {
    for t in tokens.iter().skip(from).take(5) {
        if t.newlines_before > 1 {
            return None;
        }
        match t.kind {
            TokenKind::Word if t.is_capitalized() => {}
            TokenKind::Word => {
                let word = t.text(text);
                let lower = word.to_lowercase();
                if IRREGULAR_UNITS.contains(&lower) || is_plural_noun(&lower) {
                    return Some(lower);
                }
                if is_function_word(&lower) {
                    return None;
                }
            }
            TokenKind::Punct if t.is_punct(text, '-') => {}
            _ => return None,
        }
    }
    None
}

fn is_plural_noun(word: &str) -> bool {
    word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("ous")
        && !NOT_PLURAL.contains(word)
}

fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "of" | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "and"
            | "or"
            | "but"
            | "that"
            | "which"
            | "who"
            | "per"
            | "a"
            | "an"
            | "the"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "be"
            | "been"
            | "than"
            | "as"
            | "if"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "about"
    )
}

/// A hedge or bound in the one to three words before token `first`.
fn qualifier_before(text: &str, tokens: &[Token], first: usize) -> Option<String> {
    let words: Vec<String> = tokens[first.saturating_sub(3)..first]
        .iter()
        .map(|t| t.text(text).to_lowercase())
        .collect();
    QUALIFIERS
        .entries()
        .iter()
        .find(|q| {
            let parts: Vec<&str> = q.split(' ').collect();
            parts.len() <= words.len()
                && words[words.len() - parts.len()..]
                    .iter()
                    .zip(&parts)
                    .all(|(w, p)| w == p)
        })
        .map(|q| (*q).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    fn numbers(text: &str) -> Vec<(String, f64, Option<String>, Option<String>)> {
        let tokens = tokenize(text);
        let mut taken = vec![false; tokens.len()];
        find(text, &tokens, &mut taken)
            .into_iter()
            .map(|e| {
                let q = e.quantity.unwrap();
                (
                    text[e.span.start..e.span.end].to_owned(),
                    q.value,
                    q.unit,
                    q.qualifier,
                )
            })
            .collect()
    }

    fn values(text: &str) -> Vec<(String, f64)> {
        numbers(text)
            .into_iter()
            .map(|(t, v, _, _)| (t, v))
            .collect()
    }

    #[test]
    fn labels_identifiers_and_spelled_percentages() {
        assert!(values("bowled out on day one and in stage three of Signal No. 4").is_empty());
        assert!(values("Flight 1282 and a Boeing 777-300ER over page 6a5e88f8d0d4").is_empty());
        assert_eq!(
            values("rates rose 22.5pc and three per cent after a two-year wait"),
            [
                ("22.5pc".into(), 22.5),
                ("three per cent".into(), 3.0),
                ("two".into(), 2.0)
            ]
        );
        assert_eq!(values("a 468x60 banner")[0], ("468".into(), 468.0));
        assert!(values("the Chandrayaan-3 lander").is_empty());
    }

    #[test]
    fn identifiers_and_runaway_numbers_are_no_figures() {
        let long = "9".repeat(400);
        assert!(values(&format!("Officials said {long} troops arrived")).is_empty());
        assert!(values("the page hash 1234567890123456789012 was logged").is_empty());
        let runaway = "a million ".repeat(60);
        assert!(values(&runaway).iter().all(|(_, v)| v.is_finite()));
        assert_eq!(
            values("999,999,999,999,999 dollars"),
            [("999,999,999,999,999".into(), 999_999_999_999_999.0)]
        );
    }

    #[test]
    fn digits_with_separators_scales_currency_and_percent() {
        assert_eq!(
            values("12,000 and 1.5 million and $4bn and 12% and 8 percent"),
            [
                ("12,000".into(), 12000.0),
                ("1.5 million".into(), 1.5e6),
                ("$4bn".into(), 4e9),
                ("12%".into(), 12.0),
                ("8 percent".into(), 8.0),
            ]
        );
    }

    #[test]
    fn a_single_letter_scale_only_glued_after_a_currency_sign() {
        assert_eq!(
            values("a $160m appeal, £2k each, a 5 m wall and 3m of road"),
            [
                ("$160m".into(), 1.6e8),
                ("£2k".into(), 2e3),
                ("5".into(), 5.0),
                ("3".into(), 3.0),
            ]
        );
    }

    #[test]
    fn spelled_out_cardinals() {
        assert_eq!(
            values("three million shells"),
            [("three million".into(), 3e6)]
        );
        assert_eq!(
            values("Five Dead; twenty-five people; a dozen; a million"),
            [
                ("Five".into(), 5.0),
                ("twenty-five".into(), 25.0),
                ("a dozen".into(), 12.0),
                ("a million".into(), 1e6),
            ]
        );
        assert_eq!(
            values("two hundred and fifty"),
            [("two hundred and fifty".into(), 250.0)]
        );
        assert_eq!(values("half of the shells"), [("half".into(), 0.5)]);
    }

    #[test]
    fn not_numbers() {
        assert!(
            values("the first and second halves, thousands of dozens, no one, one another, a man")
                .is_empty()
        );
        assert!(values("F-16 jets, Covid-19, the 16th day").is_empty());
    }

    #[test]
    fn counted_nouns_and_qualifiers() {
        let n = numbers(
            "approximately 12,000 troops; at least 3,000 North Korean soldiers; over 1,200 casualties per day; 15-Year-Old",
        );
        assert_eq!(
            n[0],
            (
                "12,000".into(),
                12000.0,
                Some("troops".into()),
                Some("approximately".into())
            )
        );
        assert_eq!(n[1].2.as_deref(), Some("soldiers"));
        assert_eq!(n[1].3.as_deref(), Some("at least"));
        assert_eq!(n[2].2.as_deref(), Some("casualties"));
        assert_eq!(n[2].3.as_deref(), Some("over"));
        assert_eq!(n[3].0, "15");
    }

    #[test]
    fn ranges_are_two_numbers() {
        assert_eq!(
            values("8,000 to 9,000"),
            [("8,000".into(), 8000.0), ("9,000".into(), 9000.0)]
        );
    }
}
