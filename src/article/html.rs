//! Reduces an HTML page to its readable text: the title and the body's blocks, without
//! script, style, navigation or other page furniture.

use std::collections::BTreeMap;

use html5gum::{HtmlString, SpanBound, Spanned, Token, Tokenizer};

/// The readable part of an HTML page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HtmlText {
    /// The `<title>`, whitespace collapsed, if the page has one.
    pub title: Option<String>,
    /// The site that published the page: `og:site_name` (or `application-name`,
    /// `publisher`), else the host of its canonical address (`reuters.com`).
    pub site: Option<String>,
    /// Title and body blocks, one paragraph per block, separated by blank lines.
    pub text: String,
}

/// Elements whose whole content is not article text.
const SKIPPED: &[&[u8]] = &[
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"nav",
    b"header",
    b"footer",
    b"aside",
    b"form",
    b"button",
    b"select",
    b"svg",
    b"iframe",
    b"object",
    b"canvas",
    b"menu",
    b"dialog",
    b"head",
];

/// Elements that end a paragraph of text.
const BLOCKS: &[&[u8]] = &[
    b"p",
    b"div",
    b"br",
    b"li",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"blockquote",
    b"tr",
    b"td",
    b"th",
    b"section",
    b"article",
    b"main",
    b"figcaption",
    b"figure",
    b"pre",
    b"dd",
    b"dt",
    b"ul",
    b"ol",
    b"table",
    b"hr",
    b"time",
    b"address",
    b"summary",
    b"details",
    b"body",
];

/// Void elements never get an end tag, so they must not open a skipped region.
const VOID: &[&[u8]] = &[
    b"br", b"hr", b"img", b"input", b"meta", b"link", b"source", b"wbr",
];

/// Extracts the readable text of `html`. Character references are decoded by the tokenizer.
#[must_use]
pub fn readable_text(html: &str) -> HtmlText {
    let mut title = String::new();
    let mut in_title = false;
    let mut site = SiteClues::default();
    let mut skip_stack: Vec<Vec<u8>> = Vec::new();
    let mut blocks: Vec<String> = Vec::new();
    let mut current = String::new();

    for Ok(token) in Tokenizer::new(html) {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.to_ascii_lowercase();
                site.note(&name, &tag.attributes);
                if name == b"title" {
                    in_title = true;
                } else if SKIPPED.contains(&name.as_slice())
                    && !tag.self_closing
                    && !VOID.contains(&name.as_slice())
                {
                    skip_stack.push(name);
                } else if BLOCKS.contains(&name.as_slice()) {
                    flush(&mut current, &mut blocks);
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.to_ascii_lowercase();
                if name == b"title" {
                    in_title = false;
                } else if let Some(pos) = skip_stack.iter().rposition(|open| *open == name) {
                    skip_stack.truncate(pos);
                } else if BLOCKS.contains(&name.as_slice()) {
                    flush(&mut current, &mut blocks);
                }
            }
            Token::String(text) => {
                let text = String::from_utf8_lossy(&text);
                if in_title {
                    title.push_str(&text);
                } else if skip_stack.is_empty() {
                    current.push_str(&text);
                }
            }
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);

    let title = Some(collapse_whitespace(&title)).filter(|t| !t.is_empty());
    if let Some(title) = &title {
        // A page usually repeats its title as the first heading; keep one copy.
        if blocks.first() != Some(title) {
            blocks.insert(0, title.clone());
        }
    }
    HtmlText {
        title,
        site: site.best(),
        text: blocks.join("\n\n"),
    }
}

/// What a page's head says about the site that published it.
#[derive(Default)]
struct SiteClues {
    /// `og:site_name`, `application-name` or `publisher`, first seen.
    named: Option<String>,
    /// The canonical address (`<link rel=canonical>` or `og:url`).
    address: Option<String>,
}

impl SiteClues {
    fn note<S: SpanBound>(
        &mut self,
        tag: &[u8],
        attributes: &BTreeMap<HtmlString, Spanned<HtmlString, S>>,
    ) {
        let attribute = |key: &[u8]| {
            attributes
                .get(key)
                .map(|v| collapse_whitespace(&String::from_utf8_lossy(&v.value)))
                .filter(|v| !v.is_empty())
        };
        match tag {
            b"meta" => {
                let key = attribute(b"property")
                    .or_else(|| attribute(b"name"))
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                let Some(content) = attribute(b"content") else {
                    return;
                };
                match key.as_str() {
                    // `article:publisher` and the like are often a profile URL, not a name.
                    "og:site_name" | "application-name" | "publisher"
                        if self.named.is_none() && !content.contains("://") =>
                    {
                        self.named = Some(content);
                    }
                    "og:url" if self.address.is_none() => self.address = Some(content),
                    _ => {}
                }
            }
            b"link" => {
                let canonical =
                    attribute(b"rel").is_some_and(|rel| rel.eq_ignore_ascii_case("canonical"));
                if canonical && let Some(href) = attribute(b"href") {
                    self.address = Some(href);
                }
            }
            _ => {}
        }
    }

    fn best(self) -> Option<String> {
        self.named
            .or_else(|| self.address.as_deref().and_then(super::metadata::host_of))
    }
}

fn flush(current: &mut String, blocks: &mut Vec<String>) {
    let block = collapse_whitespace(current);
    if !block.is_empty() {
        blocks.push(block);
    }
    current.clear();
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_title_and_paragraphs_drops_furniture() {
        let page = r#"<!doctype html><html><head><title>Troops &amp; talks</title>
            <style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
            <body><nav><a href="/">Home</a> <a>World</a></nav>
            <h1>Troops &amp; talks</h1>
            <p>Kirby said   the troops
               arrived on <b>Friday</b>.</p><p>Seoul&#8217;s view differs.</p>
            <footer>© 2024 Outlet</footer></body></html>"#;
        let out = readable_text(page);
        assert_eq!(out.title.as_deref(), Some("Troops & talks"));
        assert_eq!(
            out.text,
            "Troops & talks\n\nKirby said the troops arrived on Friday.\n\nSeoul’s view differs."
        );
    }

    #[test]
    fn void_and_self_closing_tags_do_not_swallow_text() {
        let out = readable_text("<p>One<br>two</p><img src=x><p>three</p>");
        assert_eq!(out.text, "One\n\ntwo\n\nthree");
    }

    #[test]
    fn page_without_title() {
        let out = readable_text("<div>Only text</div>");
        assert_eq!(out.title, None);
        assert_eq!(out.text, "Only text");
    }

    #[test]
    fn site_name_then_canonical_host() {
        let named = r#"<html><head><meta property="og:site_name" content="Kyiv Independent">
            <link rel="canonical" href="https://kyivindependent.com/x"><title>T</title></head>
            <body><p>Text.</p></body></html>"#;
        assert_eq!(
            readable_text(named).site.as_deref(),
            Some("Kyiv Independent")
        );
        let addressed = r#"<html><head><meta property="article:publisher" content="https://facebook.com/x">
            <link rel="canonical" href="https://www.reuters.com/world/x/"><title>T</title></head>
            <body><p>Text.</p></body></html>"#;
        assert_eq!(
            readable_text(addressed).site.as_deref(),
            Some("reuters.com")
        );
        assert_eq!(readable_text("<p>Text.</p>").site, None);
    }
}
