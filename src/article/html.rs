//! Reduces an HTML page to its readable text: the title and the body's blocks, without
//! script, style, navigation or other page furniture.

use std::cell::RefCell;

use html5ever::Attribute;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

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
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "svg", "iframe", "object", "canvas", "menu", "dialog", "head",
];

/// Elements that end a paragraph of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "main",
    "figcaption",
    "figure",
    "pre",
    "dd",
    "dt",
    "ul",
    "ol",
    "table",
    "hr",
    "time",
    "address",
    "summary",
    "details",
    "body",
];

/// Void elements never get an end tag, so they must not open a skipped region.
const VOID: &[&str] = &["br", "hr", "img", "input", "meta", "link", "source", "wbr"];

/// Extracts the readable text of `html`. Character references are decoded by the tokenizer,
/// which runs as a loop (never recursing per attribute or element), so no page can exhaust a
/// thread's stack.
#[must_use]
pub fn readable_text(html: &str) -> HtmlText {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(Reader::default(), TokenizerOpts::default());
    // A sink that never asks to run a script gets `Done` for any input.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.into_inner().finish()
}

/// The tokenizer's sink: it can only borrow itself, so the state sits in a cell.
#[derive(Default)]
struct Reader(RefCell<Page>);

impl TokenSink for Reader {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        self.0.borrow_mut().take(token)
    }
}

/// What has been read of the page so far.
#[derive(Default)]
struct Page {
    title: String,
    in_title: bool,
    site: SiteClues,
    skip_stack: Vec<String>,
    blocks: Vec<String>,
    current: String,
}

impl Page {
    fn take(&mut self, token: Token) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) => return self.tag(&tag),
            Token::CharacterTokens(text) => {
                if self.in_title {
                    self.title.push_str(&text);
                } else if self.skip_stack.is_empty() {
                    self.current.push_str(&text);
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }

    fn tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name = tag.name.to_ascii_lowercase();
        let name = name.as_str();
        match tag.kind {
            TagKind::StartTag => {
                self.site.note(name, &tag.attrs);
                if name == "title" {
                    self.in_title = true;
                } else if SKIPPED.contains(&name) && !tag.self_closing && !VOID.contains(&name) {
                    self.skip_stack.push(name.to_owned());
                } else if BLOCKS.contains(&name) {
                    flush(&mut self.current, &mut self.blocks);
                }
                // As a browser does: the content of these elements is text up to their end
                // tag, not markup (`<script>if (a<b)…`).
                let raw = match name {
                    "script" => Some(RawKind::ScriptData),
                    "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(RawKind::Rawtext),
                    "title" | "textarea" => Some(RawKind::Rcdata),
                    _ => None,
                };
                if let Some(kind) = raw.filter(|_| !tag.self_closing) {
                    return TokenSinkResult::RawData(kind);
                }
            }
            TagKind::EndTag => {
                if name == "title" {
                    self.in_title = false;
                } else if let Some(pos) = self.skip_stack.iter().rposition(|open| open == name) {
                    self.skip_stack.truncate(pos);
                } else if BLOCKS.contains(&name) {
                    flush(&mut self.current, &mut self.blocks);
                }
            }
        }
        TokenSinkResult::Continue
    }

    fn finish(mut self) -> HtmlText {
        flush(&mut self.current, &mut self.blocks);
        let title = Some(collapse_whitespace(&self.title)).filter(|t| !t.is_empty());
        if let Some(title) = &title {
            // A page usually repeats its title as the first heading; keep one copy.
            if self.blocks.first() != Some(title) {
                self.blocks.insert(0, title.clone());
            }
        }
        HtmlText {
            title,
            site: self.site.best(),
            text: self.blocks.join("\n\n"),
        }
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
    fn note(&mut self, tag: &str, attributes: &[Attribute]) {
        if !matches!(tag, "meta" | "link") {
            return;
        }
        let attribute = |key: &str| {
            attributes
                .iter()
                .find(|a| &*a.name.local == key)
                .map(|a| collapse_whitespace(&a.value))
                .filter(|v| !v.is_empty())
        };
        match tag {
            "meta" => {
                let key = attribute("property")
                    .or_else(|| attribute("name"))
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                let Some(content) = attribute("content") else {
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
            "link" => {
                let canonical =
                    attribute("rel").is_some_and(|rel| rel.eq_ignore_ascii_case("canonical"));
                if canonical && let Some(href) = attribute("href") {
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
    fn a_tag_with_many_attributes_needs_no_deep_stack() {
        let attributes: Vec<String> = (0..50_000).map(|i| format!("a{i}=\"v\"")).collect();
        let page = format!("<p {}>Kirby spoke.</p>", attributes.join(" "));
        // A load thread's stack is small; the tokenizer must not recurse per attribute.
        let text = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || readable_text(&page).text)
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(text, "Kirby spoke.");
    }

    #[test]
    fn script_and_style_content_is_not_markup() {
        let out = readable_text("<p>One</p><script>if (a<b) { x = '</p><p>' }</script><p>Two</p>");
        assert_eq!(out.text, "One\n\nTwo");
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
