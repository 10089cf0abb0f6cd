//! Messages for the analyst: the status bar shows the latest, the message log all of them.

/// A line in the status bar's message area.
#[derive(Debug, Clone)]
pub struct Notice {
    /// The text.
    pub text: String,
    /// Whether it reports a failure.
    pub error: bool,
    /// When it was given, for the message log.
    pub at: chrono::DateTime<chrono::Local>,
}

/// How many messages the log keeps.
pub const MESSAGES_KEPT: usize = 200;
