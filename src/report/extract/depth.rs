//! A bound on how deeply a web page's elements nest, applied before the page is parsed.
//!
//! Scoring a page for its article costs time in proportion to the depth of every element, so a
//! page of 40,000 nested `<div>`s (440 KB) took minutes. No article nests that deep; browsers
//! themselves stop nesting at some depth (Blink's parser at 512) and put deeper elements beside
//! each other. Here the start and end tags of elements deeper than [`MAX_DEPTH`] are dropped and
//! their text kept, in one pass over the page, so the text is still read and the work stays
//! linear in the page's size.
//!
//! The pass reads tags, not a parsed tree: it skips comments, the raw text of `<script>`,
//! `<style>`, `<textarea>` and `<title>`, quoted attribute values and void elements (`<br>`),
//! and does not count elements whose end tag may be left out (`<p>`, `<li>`, `<td>`, …), which
//! real pages often leave open; below the bound their tags are dropped too, like those of void
//! elements, so that no element sits deeper than the bound. A page that stays within the bound is
//! parsed untouched.

use std::borrow::Cow;

/// How deep elements may nest before their tags are dropped (Blink's limit).
pub const MAX_DEPTH: usize = 512;

/// Elements with no end tag: they never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "basefont", "bgsound", "frame", "keygen",
];

/// Elements whose end tag may be omitted: often left open, so they are not counted.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb",
    "rt", "rtc", "rp", "colgroup", "caption", "html", "head", "body",
];

/// Elements whose contents are text up to their end tag, never markup.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// `page` with the tags of elements nested deeper than `max_depth` removed, and how many tags
/// were removed; the page itself (borrowed) when none were.
pub fn bound(page: &str, max_depth: usize) -> (Cow<'_, str>, usize) {
    let bytes = page.as_bytes();
    let mut out: Option<String> = None;
    let mut dropped = 0;
    let mut depth = 0usize;
    // Where the bytes not yet copied to `out` start.
    let mut copied = 0;
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let Some(tag) = Tag::at(bytes, start) else {
            at = start + 1;
            continue;
        };
        at = tag.end;
        let raw = is_one_of(tag.name, RAW_TEXT);
        if raw && !tag.closing {
            at = end_of_raw_text(bytes, tag.end, tag.name);
        }
        let counted = !tag.name.is_empty()
            && !tag.self_closing
            && !raw
            && !is_one_of(tag.name, VOID)
            && !is_one_of(tag.name, OPTIONAL_END);
        let drop = if !counted {
            // Left open or void, such an element never deepens the page, but below the bound
            // it is still an element as deep as the bound for the scorer to pay for.
            depth >= max_depth && !raw && !tag.name.is_empty()
        } else if tag.closing {
            let deep = depth > max_depth;
            depth = depth.saturating_sub(1);
            deep
        } else {
            depth += 1;
            depth > max_depth
        };
        if drop {
            let text = out.get_or_insert_with(|| String::with_capacity(page.len()));
            text.push_str(&page[copied..start]);
            copied = tag.end;
            dropped += 1;
        }
    }
    match out {
        Some(mut text) => {
            text.push_str(&page[copied..]);
            (Cow::Owned(text), dropped)
        }
        None => (Cow::Borrowed(page), 0),
    }
}

/// A tag found in the page: `<name …>` or `</name>`, or markup that is skipped whole
/// (a comment, a doctype), which has an empty name.
struct Tag<'a> {
    name: &'a str,
    closing: bool,
    self_closing: bool,
    /// The byte just after the tag's `>` (or the page's end).
    end: usize,
}

impl<'a> Tag<'a> {
    /// The tag starting at `bytes[start] == b'<'`, or `None` when that `<` is text.
    fn at(bytes: &'a [u8], start: usize) -> Option<Self> {
        let rest = &bytes[start + 1..];
        if rest.starts_with(b"!--") {
            let end = memchr::memmem::find(&rest[3..], b"-->")
                .map_or(bytes.len(), |i| start + 1 + 3 + i + 3);
            return Some(Self::skipped(end));
        }
        if rest.first().is_some_and(|&b| b == b'!' || b == b'?') {
            let end = memchr::memchr(b'>', rest).map_or(bytes.len(), |i| start + 1 + i + 1);
            return Some(Self::skipped(end));
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        let name_end = bytes[name_start..]
            .iter()
            .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
            .map_or(bytes.len(), |i| name_start + i);
        // The tag ends at the first `>` outside a quoted attribute value.
        let mut quote = None;
        let mut end = bytes.len();
        for (i, &b) in bytes.iter().enumerate().skip(name_end) {
            match quote {
                Some(q) if b == q => quote = None,
                None if b == b'"' || b == b'\'' => quote = Some(b),
                None if b == b'>' => {
                    end = i + 1;
                    break;
                }
                _ => {}
            }
        }
        let self_closing = end >= 2 && bytes[end - 2] == b'/' && bytes[end - 1] == b'>';
        Some(Self {
            name: std::str::from_utf8(&bytes[name_start..name_end]).unwrap_or(""),
            closing,
            self_closing,
            end,
        })
    }

    fn skipped(end: usize) -> Self {
        Self {
            name: "",
            closing: false,
            self_closing: false,
            end,
        }
    }
}

/// Whether `name` (any case) is one of `names`.
fn is_one_of(name: &str, names: &[&str]) -> bool {
    names.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Where the raw text of element `name` opened before `from` ends: at its end tag, which is left
/// for the loop to read, or at the page's end.
fn end_of_raw_text(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(offset) = memchr::memmem::find(&bytes[at..], b"</") {
        let start = at + offset;
        let after = start + 2;
        let candidate = bytes.get(after..after + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return start;
        }
        at = after;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_within_the_bound_is_untouched() {
        let page = "<html><body><div><p>One<p>Two<br><img src='a>b'></div>\
                    <script>if (a < b && '</div>') {}</script><!-- <div> --></body></html>";
        let (bounded, dropped) = bound(page, 2);
        assert!(matches!(bounded, Cow::Borrowed(_)), "{bounded}");
        assert_eq!(dropped, 0);
    }

    #[test]
    fn tags_deeper_than_the_bound_are_dropped_and_their_text_kept() {
        let page = "<div><div><div><div>deep</div>text</div></div></div><p>after";
        let (bounded, dropped) = bound(page, 2);
        assert_eq!(bounded, "<div><div>deeptext</div></div><p>after");
        assert_eq!(dropped, 4);
    }

    #[test]
    fn elements_left_open_below_the_bound_are_dropped_too() {
        // `<li>`, `<td>`, `<p>` and void elements are not counted, since real pages leave them
        // open; below the bound they were kept, so 40,000 `<ul><li>` still left 40,000
        // elements 512 deep for the scorer, which pays for every ancestor (4 s for 360 KB).
        let page = "<ul><ul><ul><li>a<li>b<br>c<p>d</ul></ul></ul><li>e";
        let (bounded, dropped) = bound(page, 2);
        assert_eq!(bounded, "<ul><ul>abcd</ul></ul><li>e");
        assert_eq!(dropped, 6);
        let raw = "<div><div><script>x</script><style>y</style></div></div>";
        assert_eq!(
            bound(raw, 1).0,
            "<div><script>x</script><style>y</style></div>"
        );
    }

    #[test]
    fn a_hostile_page_is_cut_to_the_bound() {
        let n = 40_000;
        let page = format!("{}x{}", "<div class=\"a\">".repeat(n), "</div>".repeat(n));
        let (bounded, dropped) = bound(&page, MAX_DEPTH);
        assert_eq!(dropped, 2 * (n - MAX_DEPTH));
        assert_eq!(bounded.matches("<div").count(), MAX_DEPTH);
        assert_eq!(bounded.matches("</div>").count(), MAX_DEPTH);
    }
}
