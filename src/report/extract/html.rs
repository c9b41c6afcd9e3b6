//! The main article of a saved web page, the way a browser's reader mode finds it.
//!
//! `dom_smoothie` (a Rust port of Mozilla's Readability, the reader mode of Firefox) parses the
//! page with `html5ever`, the HTML parser of Servo, which repairs broken markup the way browsers
//! do and decodes character references. It scores the page's blocks, keeps the article and
//! drops navigation, menus, scripts, styles, share buttons, comment forms and footers. Why this
//! crate and not another is in `docs/formats.md`.

use dom_smoothie::{Config, Readability, ReadabilityError, TextMode};

use super::depth::{self, MAX_DEPTH};
use super::furniture::{drop_repeated, mostly_links};
use super::whitespace::normalise;
use super::{Extracted, NO_ARTICLE};

/// The extractor and its version, written in the sidecar: another version may find other text,
/// and then the offsets would not fit. A test checks it against `Cargo.lock`.
pub const METHOD: &str = "html/dom_smoothie 0.19.0";

/// More elements than this are not scored: a page that big is not an article, and scoring it
/// would keep the reader waiting.
pub const MAX_ELEMENTS: usize = 100_000;

/// Less running text than this (about two short paragraphs) is not an article: an index page,
/// a form or an error page.
const MIN_ARTICLE_CHARS: usize = 250;

/// The article of `page`: its title, byline and text, each block on its own line with a blank
/// line between paragraphs. A page with no article gives what text it has and a warning.
pub fn extract(page: &str) -> Extracted {
    let (page, flattened) = depth::bound(page, MAX_DEPTH);
    let page = page.as_ref();
    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let article = Readability::new(page, None, Some(config)).and_then(|mut reader| {
        let heading = reader.doc.select("h1").first().text();
        reader.parse().map(|article| (article, normalise(&heading)))
    });
    let mut warnings = Vec::new();
    let mut no_article = false;
    let text = match article {
        Ok((article, heading)) => {
            let body = normalise(&drop_repeated(&normalise(&article.text_content)));
            if body.chars().count() < MIN_ARTICLE_CHARS || mostly_links(&article.content) {
                no_article = true;
                warnings.push(NO_ARTICLE.to_owned());
            }
            // The page's title often carries the site's name ("Headline | The Daily"); the
            // article's own heading, when the title holds it, is the better first line.
            let title = normalise(&article.title);
            let title = if !heading.is_empty()
                && title
                    .to_lowercase()
                    .contains(&heading.trim_end().to_lowercase())
            {
                heading
            } else {
                title
            };
            let mut parts = Vec::new();
            for head in [title, normalise(&article.byline.unwrap_or_default())] {
                if !head.is_empty() && !body.contains(head.trim_end()) {
                    parts.push(head);
                }
            }
            parts.push(body);
            normalise(&parts.join("\n"))
        }
        Err(ReadabilityError::TooManyElements(found, _)) => {
            warnings.push(format!(
                "the page has {found} elements, more than the {MAX_ELEMENTS} an article could have: no text extracted; save the article alone or convert it to text"
            ));
            String::new()
        }
        Err(_) => {
            no_article = true;
            warnings.push(NO_ARTICLE.to_owned());
            String::new()
        }
    };
    if flattened > 0 {
        warnings.push(format!(
            "the page nests elements more than {MAX_DEPTH} deep: {flattened} tags below that depth were ignored and their text kept"
        ));
    }
    Extracted {
        no_article,
        text,
        method: METHOD.to_owned(),
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str) -> String {
        format!(
            "<!DOCTYPE html><html><head><title>Harbour Lights Return | The Coast Daily</title>\
             <style>p {{ color: red }}</style><script>var tracker = 1;</script></head>\
             <body>{body}</body></html>"
        )
    }

    const ARTICLE: &str = "<nav><a href=/>Home</a> <a href=/sport>Sport</a></nav>\
        <article><h1>Harbour lights return</h1>\
        <p class=byline>By Mira Okafor</p>\
        <p>Power came back to the eastern docks on Tuesday evening after a blackout that lasted \
        nine hours, the harbour authority said in a statement issued at six.</p>\
        <p>Crews worked through the afternoon to replace a failed transformer near the fish \
        market, according to the utility&rsquo;s spokesperson, who asked &quot;for patience&quot;.<br>\
        Traders said they lost a day&#8217;s catch to warm freezers and want compensation.</p>\
        <p>The authority has not said what caused the failure, and an inquiry will report next \
        month on whether the ageing equipment should have been replaced years ago.</p>\
        </article><footer>Copyright 2026 The Coast Daily. All rights reserved.</footer>";

    #[test]
    fn the_article_is_kept_and_the_furniture_dropped() {
        let extracted = extract(&page(ARTICLE));
        let text = extracted.text;
        assert!(text.contains("Harbour lights return"), "{text}");
        assert!(
            text.contains("Power came back to the eastern docks"),
            "{text}"
        );
        assert!(text.contains("next month on whether"), "{text}");
        for furniture in ["Sport", "Copyright", "tracker", "color"] {
            assert!(!text.contains(furniture), "{furniture} in {text}");
        }
        assert!(extracted.warnings.is_empty());
        assert_eq!(extracted.method, METHOD);
    }

    #[test]
    fn character_references_are_decoded_and_br_breaks_the_line() {
        let text = extract(&page(ARTICLE)).text;
        assert!(
            text.contains("utility\u{2019}s spokesperson, who asked \"for patience\"."),
            "{text}"
        );
        assert!(text.contains("\"for patience\".\nTraders said"), "{text}");
        assert!(
            !text.contains("&rsquo;") && !text.contains("&#8217;"),
            "{text}"
        );
    }

    #[test]
    fn broken_markup_still_gives_the_text() {
        let broken = "<html><body><div><p>Power came back to the eastern docks on Tuesday \
            <b>evening <i>after a blackout</b> that lasted nine hours, the harbour authority \
            said.<p>Crews worked through the afternoon to replace a failed transformer near the \
            fish market, the utility said, and traders counted their losses<div></span>";
        let text = extract(broken).text;
        assert!(
            text.contains("evening after a blackout that lasted nine hours"),
            "{text}"
        );
        assert!(text.contains("traders counted their losses"), "{text}");
    }

    #[test]
    fn a_page_without_an_article_says_so_and_shows_what_text_it_has() {
        let extracted = extract(&page("<nav><a href=/>Home</a></nav><form><input></form>"));
        assert_eq!(extracted.warnings, [NO_ARTICLE], "{extracted:?}");
        assert!(extracted.no_article);
        assert!(!extracted.text.contains("tracker"), "{extracted:?}");
        let empty = extract("");
        assert_eq!((empty.text.as_str(), empty.warnings.len()), ("", 1));
    }

    #[test]
    fn deep_nesting_is_bounded_and_its_text_kept() {
        // Scoring costed time in proportion to depth for every element: 40,000 nested `<div>`s
        // took minutes. Deeper than the bound, tags are ignored and the text is kept.
        let n = 2 * MAX_DEPTH;
        let body = format!(
            "{}<p>{}</p>{}",
            "<div>".repeat(n),
            ARTICLE_TEXT,
            "</div>".repeat(n)
        );
        let extracted = extract(&page(&body));
        assert!(
            extracted
                .text
                .contains("Power came back to the eastern docks"),
            "{extracted:?}"
        );
        assert_eq!(extracted.warnings.len(), 1, "{:?}", extracted.warnings);
        assert!(
            // The 1,024 `<div>` tags below the bound, and the `<p>` and `</p>` inside them.
            extracted.warnings[0].contains("more than 512 deep: 1026 tags"),
            "{:?}",
            extracted.warnings
        );
    }

    const ARTICLE_TEXT: &str = "Power came back to the eastern docks on Tuesday evening after \
        a blackout that lasted nine hours, the harbour authority said in a statement issued at \
        six. Crews worked through the afternoon to replace a failed transformer near the fish \
        market, according to the utility, and traders counted their losses late into the night.";

    #[test]
    fn the_method_names_the_locked_version() {
        let lock = include_str!("../../../Cargo.lock");
        let version = METHOD.rsplit(' ').next().unwrap_or_default();
        let entry = format!("name = \"dom_smoothie\"\nversion = \"{version}\"");
        assert!(
            lock.contains(&entry),
            "update METHOD to the locked dom_smoothie version"
        );
    }
}
