//! Finds web-scrape furniture (ads, navigation, share prompts, related links, template debris)
//! as byte ranges. The text itself is never changed.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::span::Span;

/// What a boilerplate line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BoilerplateKind {
    /// "Advertisement", "Sponsored content", "Story continues below".
    Advertisement,
    /// Site navigation: "Latest Posts", "Get in Touch", "Skip to content", tag lists.
    Navigation,
    /// Calls to share, follow, subscribe or donate.
    Promotion,
    /// A link to another story: "Also Read | ...", "Read more: ...".
    RelatedLink,
    /// Template or markup debris: `spot_imgspot_img`, `{{title}}`.
    TemplateDebris,
    /// Copyright, cookie and consent notices.
    Legal,
}

/// One boilerplate line (without its line break).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Boilerplate {
    /// Where the line is.
    pub span: Span,
    /// What kind of furniture it is.
    pub kind: BoilerplateKind,
}

/// Lines longer than this are prose, whatever words they start with (related links excepted).
const MAX_FURNITURE_WORDS: usize = 9;

static ADVERTISEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(advertisements?|advertising|ads?|sponsored( content| post)?|promoted( content)?|paid (content|post)|partner content|story continues below( advertisement)?|continue reading below|scroll to continue( with content)?)\W*$").unwrap()
});
static NAVIGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?ix)^(
        get\ in\ touch|contact(\ us)?|about(\ us)?|
        (latest|recent|related|popular|top|more|trending|featured|recommended|editor'?s\ picks?)(\ \w+)?\ (posts|news|articles|stories|videos|reads)|
        latest|trending(\ now)?|most\ (read|popular|viewed|shared)|recommended(\ for\ you)?|you\ (may|might)\ also\ like|
        more\ from\ .{1,40}|skip\ to(\ main)?\ content|main\ menu|menu|home(\ page)?|search|next(\ article|\ post|\ story)?|previous(\ article|\ post|\ story)?|
        back\ to\ top|load\ more|show\ more|see\ all|view\ all|(tags?|categories|category|topics?|filed\ under)\s*:.*|
        leave\ a\ (reply|comment)|\d*\s*comments?|log\ ?in|sign\ ?in|register|print(\ this)?|email(\ this)?
    )\W*$").unwrap()
});
static PROMOTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(
        (follow|like|find|join|watch|listen\ to)\ us\b.*|
        support\ (us|our\ (work|journalism|newsroom|reporting|mission))\b.*|
        .*\b(become|be)\ (a|an|our)\ (patron|paying\ member|member|supporter|subscriber|donor)\b.*|
        subscribe\b.*|sign\ up\b.*|donate\b.*|
        share(\ this)?(\ (article|story|post|on\ \w+))?|
        (download|get)\ (our|the)\ app\b.*|
        click\ here\b.*|tap\ here\b.*|
        (join|subscribe\ to)\ our\ (newsletter|channel|telegram|mailing\ list)\b.*
    )$",
    )
    .unwrap()
});
static RELATED_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(also read|read also|read more|more reading|see also|related( story| article| coverage)?|also see|must read|recommended|watch|listen|don'?t miss|read next|you may also like)\s*[|:–—-]\s*\S").unwrap()
});
static LEGAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^((copyright|©|\(c\))\s.*|all rights reserved\W*|.*\b(we use cookies|cookie (policy|settings)|privacy policy|terms of (use|service))\b.*)$").unwrap()
});

/// Classifies one trimmed line, or `None` for article text.
#[must_use]
pub fn classify_line(line: &str) -> Option<BoilerplateKind> {
    let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    if line.is_empty() {
        return None;
    }
    if RELATED_LINK.is_match(line) {
        return Some(BoilerplateKind::RelatedLink);
    }
    if is_template_debris(line) {
        return Some(BoilerplateKind::TemplateDebris);
    }
    if line.split_whitespace().count() > MAX_FURNITURE_WORDS {
        return None;
    }
    if ADVERTISEMENT.is_match(line) {
        Some(BoilerplateKind::Advertisement)
    } else if NAVIGATION.is_match(line) {
        Some(BoilerplateKind::Navigation)
    } else if PROMOTION.is_match(line) {
        Some(BoilerplateKind::Promotion)
    } else if LEGAL.is_match(line) {
        Some(BoilerplateKind::Legal)
    } else {
        None
    }
}

/// Markup a template failed to fill: identifiers with underscores and no spaces
/// (`spot_imgspot_img`, `td_block_wrap`), unexpanded `{{placeholders}}` or `[shortcodes]`.
fn is_template_debris(line: &str) -> bool {
    let identifier = !line.contains(' ')
        && line.contains('_')
        && line
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    let placeholder = (line.starts_with("{{") && line.ends_with("}}"))
        || (line.starts_with("{%") && line.ends_with("%}"))
        || (line.starts_with('[')
            && line.ends_with(']')
            && line.contains('_')
            && !line.contains(' '));
    identifier || placeholder
}

/// Every boilerplate line of `text`, in order.
#[must_use]
pub fn detect(text: &str) -> Vec<Boilerplate> {
    let mut found = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if let Some(kind) = classify_line(content) {
            let lead = content.len() - content.trim_start().len();
            let trimmed = content.trim();
            found.push(Boilerplate {
                span: Span::new(offset + lead, offset + lead + trimmed.len()),
                kind,
            });
        }
        offset += line.len();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use BoilerplateKind::*;

    #[test]
    fn recognises_each_family() {
        for (line, kind) in [
            ("spot_imgspot_img", TemplateDebris),
            ("td_module_wrap", TemplateDebris),
            ("{{ article.title }}", TemplateDebris),
            ("Advertisement:", Advertisement),
            ("ADVERTISEMENT", Advertisement),
            ("Story continues below advertisement", Advertisement),
            ("Get in Touch", Navigation),
            ("Latest Posts", Navigation),
            ("Related Articles", Navigation),
            ("Most Read", Navigation),
            ("Tags: Russia, Ukraine", Navigation),
            ("Support Us", Promotion),
            ("Support UP or become our patron!", Promotion),
            ("Follow us on Instagram!", Promotion),
            ("Subscribe to our newsletter", Promotion),
            ("Share on Facebook", Promotion),
            ("Also Read | Iran Warns US of Consequences", RelatedLink),
            ("READ MORE: Markets fall on rate fears", RelatedLink),
            ("© 2024 Example Media. All rights reserved.", Legal),
        ] {
            assert_eq!(classify_line(line), Some(kind), "{line:?}");
        }
    }

    #[test]
    fn prose_is_not_boilerplate() {
        for line in [
            "Kirby stated that the troops are receiving training.",
            "Support for the measure has grown among lawmakers, officials said on Friday in Seoul.",
            "Latest figures show 12,000 troops were sent.",
            "Contact between the two sides resumed.",
            "Home Secretary James Cleverly said the plan would proceed.",
            "North Korea",
        ] {
            assert_eq!(classify_line(line), None, "{line:?}");
        }
    }

    #[test]
    fn spans_cover_the_trimmed_line() {
        let text = "Headline\n\n  Advertisement:  \r\nBody text.\nLatest Posts";
        let found = detect(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].span.text(text), Some("Advertisement:"));
        assert_eq!(found[1].span.text(text), Some("Latest Posts"));
    }
}
