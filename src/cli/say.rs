//! Messages to the terminal. Every line the CLI prints that may hold a file name or article
//! text goes through [`safe`], so no name can carry escape sequences or forge extra lines.

use std::borrow::Cow;
use std::fmt::Display;

/// `text` with every control character written out visibly (`\u{1b}`, `\n`).
pub fn safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// Reports a failure that did not stop the command.
pub fn error(message: impl Display) {
    eprintln!("error: {}", safe(&message.to_string()));
}

/// Reports something the user should know.
pub fn warning(message: impl Display) {
    eprintln!("warning: {}", safe(&message.to_string()));
}

/// Prints a line of the command's own report on stdout.
pub fn line(message: impl Display) {
    println!("{}", safe(&message.to_string()));
}

#[cfg(test)]
mod tests {
    use super::safe;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(safe("plain – text"), "plain – text");
        assert_eq!(safe("a\u{1b}[31mred\nb.txt"), "a\\u{1b}[31mred\\nb.txt");
    }
}
