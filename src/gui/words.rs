//! Words shown to the analyst: a count with its noun in the right number, and refusals
//! that name articles by their titles rather than their internal ids.

use crate::workspace::{ActionError, Workspace};

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

/// Why an action was refused, in the analyst's terms: articles by title (“North Korea
/// Sends Troops…”), never by the content hash that identifies them in files.
#[must_use]
pub fn refusal(error: &ActionError, workspace: &Workspace) -> String {
    let title = |id| {
        workspace.article(id).map_or_else(
            || "an article no longer open".to_owned(),
            |a| format!("“{}”", a.article.display_title()),
        )
    };
    match error {
        ActionError::DuplicateArticle(id) => {
            format!("{} is already in the workspace (the same text)", title(id))
        }
        ActionError::UnknownArticle(_) => "that article is no longer in the workspace".to_owned(),
        ActionError::BadSpan {
            article,
            span,
            problem,
        } => format!(
            "bytes {}..{} are not a usable range of {}: {problem}",
            span.start,
            span.end,
            title(article)
        ),
        other => other.to_string(),
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

    #[test]
    fn refusals_name_articles_by_title() {
        use crate::article::{Article, ArticleId};
        use crate::workspace::{Action, ActionError, AnalyzedArticle, Workspace};
        let mut workspace = Workspace::new(uuid::Uuid::nil());
        let article = Article::from_bytes(
            std::path::Path::new("troops.txt"),
            b"Troops Arrive\n\nOfficials said 3,000 troops arrived.",
        )
        .unwrap();
        let id = article.id.clone();
        let entry = AnalyzedArticle::analyze(article).unwrap();
        let title = entry.article.display_title();
        workspace
            .apply(Action::AddArticle(Box::new(entry)))
            .unwrap();
        let said = super::refusal(&ActionError::DuplicateArticle(id.clone()), &workspace);
        assert!(said.contains(&title) && !said.contains(&id.0), "{said}");
        let gone = super::refusal(
            &ActionError::UnknownArticle(ArticleId("feedbeef".into())),
            &workspace,
        );
        assert!(!gone.contains("feedbeef"), "{gone}");
    }
}
