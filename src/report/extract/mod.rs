//! Turning a saved web page or a Markdown file into the plain text a reader shows and offsets
//! count into. Plain text passes through untouched; a PDF is refused with a way to convert it.
//!
//! Which way a file is read depends on its name first (`.html`, `.htm`, `.md`, `.pdf`), then
//! on its first bytes, so a page saved without an extension (or read from standard input) is
//! still recognised.

mod depth;
mod furniture;
mod html;
mod markdown;
mod whitespace;

/// What the commands and the review screen say of a web page in which no article was found,
/// after its name: the page is refused or left out.
pub const NO_ARTICLE_FOUND: &str = "no article found (the page is mostly links or too short)";

/// The warning for a web page in which no article was found: what text it has is too short or
/// mostly links (an index page, a section front, a form). The reader and the commands on one
/// report refuse the page (see `cli::no_article`).
pub const NO_ARTICLE: &str = "no article found in the page (mostly links or too little running text): showing what text there is";

/// How a file's text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, shown as it is.
    Text,
    /// A web page: the main article is extracted.
    Html,
    /// Markdown: the markup is removed.
    Markdown,
    /// A PDF, which sidenote does not read (see `docs/formats.md`).
    Pdf,
}

/// The text of a file in a format other than plain text, and how it was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// The text every offset counts into.
    pub text: String,
    /// How the text was made, e.g. `html/dom_smoothie 0.19.0`: written in the sidecar so a later
    /// reader knows which extractor the offsets belong to.
    pub method: String,
    /// What the reader should warn about (e.g. a page with no article), one short line each.
    pub warnings: Vec<String>,
    /// Whether no article was found in the page (the warnings then hold [`NO_ARTICLE`]): a
    /// flag of its own, so that no caller has to recognise the warning by its text.
    pub no_article: bool,
}

/// How the file at `path` is read: by its extension, else by sniffing its first bytes.
pub fn format_of(path: &std::path::Path, bytes: &[u8]) -> Format {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("html" | "htm" | "xhtml") => Format::Html,
        Some("md" | "markdown") => Format::Markdown,
        Some("pdf") => Format::Pdf,
        Some("txt" | "text") => Format::Text,
        _ => sniff(bytes),
    }
}

/// The format the first bytes show: the PDF signature, or an HTML document's opening tag
/// (after white space and comments). Markdown has no signature, so only its extension counts.
fn sniff(bytes: &[u8]) -> Format {
    if bytes.starts_with(b"%PDF-") {
        return Format::Pdf;
    }
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start: Vec<u8> = start
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(1024)
        .map(u8::to_ascii_lowercase)
        .collect();
    let opens_html = |at: &[u8]| {
        [&b"<!doctype html"[..], b"<html", b"<head"]
            .iter()
            .any(|tag| at.starts_with(tag))
    };
    let after_comment = start
        .starts_with(b"<!--")
        .then(|| start.windows(3).position(|w| w == b"-->"))
        .flatten()
        .map(|end| {
            let rest = &start[end + 3..];
            let skip = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
            &rest[skip..]
        });
    if opens_html(&start) || after_comment.is_some_and(opens_html) {
        Format::Html
    } else {
        Format::Text
    }
}

/// The readable text of `source` (already decoded) in `format`; `None` for plain text (and for
/// PDF, which the caller refuses before decoding).
pub fn extract(format: Format, source: &str) -> Option<Extracted> {
    match format {
        Format::Html => Some(html::extract(source)),
        Format::Markdown => Some(markdown::extract(source)),
        Format::Text | Format::Pdf => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn the_extension_decides_before_the_bytes() {
        assert_eq!(format_of(Path::new("a.HTML"), b"plain"), Format::Html);
        assert_eq!(format_of(Path::new("a.htm"), b""), Format::Html);
        assert_eq!(
            format_of(Path::new("brief.md"), b"<html>"),
            Format::Markdown
        );
        assert_eq!(format_of(Path::new("a.pdf"), b""), Format::Pdf);
        assert_eq!(format_of(Path::new("a.txt"), b"<html>"), Format::Text);
    }

    #[test]
    fn pages_and_pdfs_without_an_extension_are_sniffed() {
        let page = b"\xEF\xBB\xBF  \n<!DOCTYPE html><html><body>x</body></html>";
        assert_eq!(format_of(Path::new("saved"), page), Format::Html);
        assert_eq!(format_of(Path::new("-"), b"<html lang=en>"), Format::Html);
        assert_eq!(format_of(Path::new("x"), b"%PDF-1.7\n"), Format::Pdf);
        assert_eq!(
            format_of(Path::new("notes"), b"Use <html> tags."),
            Format::Text
        );
        assert_eq!(
            format_of(Path::new("notes"), b"<!-- todo -->\nplain"),
            Format::Text
        );
        assert_eq!(
            format_of(Path::new("saved"), b"<!-- saved -->\n<html>"),
            Format::Html
        );
    }
}
