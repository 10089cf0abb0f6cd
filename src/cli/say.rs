//! Diagnostics on stderr through `log`. Every message that may hold a file name or article
//! text goes through [`safe`], so no name can carry escape sequences or forge extra lines.

use std::borrow::Cow;
use std::fmt::Display;
use std::io::Write;

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

/// Sends diagnostics to stderr at `level` and above; `RUST_LOG` (`env_logger`'s syntax)
/// overrides it. Other crates' messages show from warnings up.
pub fn init(level: log::LevelFilter) {
    let mut logger = env_logger::Builder::new();
    if std::env::var_os("RUST_LOG").is_some_and(|filter| !filter.is_empty()) {
        logger.parse_env("RUST_LOG");
    } else {
        logger
            .filter_level(log::LevelFilter::Warn.min(level))
            .filter_module("crosscheck", level);
    }
    logger
        .target(env_logger::Target::Stderr)
        .format(|out, record| match record.level() {
            log::Level::Info => writeln!(out, "{}", record.args()),
            log::Level::Warn => writeln!(out, "warning: {}", record.args()),
            level => writeln!(out, "{}: {}", level.as_str().to_lowercase(), record.args()),
        });
    // A second init (tests calling `run` twice) keeps the first logger.
    let _ = logger.try_init();
}

/// Reports a failure, fatal or not.
pub fn error(message: impl Display) {
    log::error!("{}", safe(&message.to_string()));
}

/// Reports something the user should know.
pub fn warning(message: impl Display) {
    log::warn!("{}", safe(&message.to_string()));
}

/// Reports a detail for `-v`.
pub fn debug(message: impl Display) {
    log::debug!("{}", safe(&message.to_string()));
}

/// Reports what the command did or is doing (silenced by `-q`).
pub fn info(message: impl Display) {
    log::info!("{}", safe(&message.to_string()));
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
