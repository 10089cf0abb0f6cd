//! Words shown to the analyst: a count with its noun in the right number.

/// `1 figure`, `3 figures`, `2 entities`, `40,000 pairs`: a count with its noun, for labels
/// and notices.
#[must_use]
pub fn counted(count: usize, noun: &str) -> String {
    if count == 1 {
        return format!("1 {noun}");
    }
    let count = crate::compare::separated(count);
    // A consonant before a final `y` makes `-ies` (entity, party); a vowel keeps it (day).
    let bytes = noun.as_bytes();
    let consonant_y = bytes.len() >= 2
        && bytes[bytes.len() - 1] == b'y'
        && !matches!(bytes[bytes.len() - 2], b'a' | b'e' | b'i' | b'o' | b'u');
    if consonant_y {
        format!("{count} {}ies", &noun[..noun.len() - 1])
    } else {
        format!("{count} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_is_singular_and_others_plural() {
        assert_eq!(counted(1, "claim"), "1 claim");
        assert_eq!(counted(0, "claim"), "0 claims");
        assert_eq!(counted(2, "entity"), "2 entities");
        assert_eq!(counted(3, "day"), "3 days");
        assert_eq!(counted(4, "independent origin"), "4 independent origins");
        assert_eq!(counted(40_000, "pair"), "40,000 pairs");
    }
}
