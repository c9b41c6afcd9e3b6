//! Markdown as the text it reads as: markup removed, code kept verbatim.
//!
//! `pulldown-cmark` (the `CommonMark` parser of `rustdoc` and `mdBook`) does the parsing, so emphasis,
//! links, nested lists and fenced code follow the standard rather than a guess.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::Extracted;

/// The parser and its version, written in the sidecar (see [`super::html::METHOD`]).
pub const METHOD: &str = "markdown/pulldown-cmark 0.13.6";

/// The text of the Markdown `source`: each block on its own lines with a blank line between
/// blocks; list items start with `- ` or their number, quotes with `> `, code blocks as written.
pub fn extract(source: &str) -> Extracted {
    let mut out = Writer::default();
    for event in Parser::new(source) {
        out.event(event);
    }
    let mut text = out.text.trim_end().to_owned();
    if !text.is_empty() {
        text.push('\n');
    }
    Extracted {
        text,
        method: METHOD.to_owned(),
        warnings: Vec::new(),
        no_article: false,
    }
}

/// The text written so far and where the writer is in the nesting of lists and quotes.
#[derive(Default)]
struct Writer {
    text: String,
    /// One entry per open list: the next item's number, or `None` for a bulleted list.
    lists: Vec<Option<u64>>,
    /// How many block quotes are open.
    quotes: usize,
    /// Inside a code block, whose lines keep their own white space.
    in_code: bool,
    /// A list item's marker was just written: its first block goes on the same line.
    after_marker: bool,
}

impl Writer {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(&tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) if self.in_code => {
                for line in text.split_inclusive('\n') {
                    self.push(line);
                }
            }
            Event::Text(text) | Event::Code(text) => self.push(&text),
            Event::SoftBreak => self.push(" "),
            Event::HardBreak => self.text.push('\n'),
            Event::Rule => {
                self.open_block();
                self.push("* * *");
            }
            Event::TaskListMarker(done) => self.push(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(name) => self.push(&format!("[{name}]")),
            Event::Html(_)
            | Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {}
        }
    }

    fn start(&mut self, tag: &Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::Heading { .. } => self.open_block(),
            Tag::BlockQuote(_) => {
                self.open_block();
                self.quotes += 1;
            }
            Tag::CodeBlock(_) => {
                self.open_block();
                self.in_code = true;
            }
            Tag::List(first) => {
                self.open_block();
                self.lists.push(*first);
            }
            Tag::Item => {
                self.new_line();
                let indent = "  ".repeat(self.lists.len().saturating_sub(1));
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{indent}{}. ", *n - 1)
                    }
                    _ => format!("{indent}- "),
                };
                self.push(&marker);
                self.after_marker = true;
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::BlockQuote(_) => self.quotes = self.quotes.saturating_sub(1),
            TagEnd::CodeBlock => self.in_code = false,
            TagEnd::List(_) => {
                self.lists.pop();
            }
            _ => {}
        }
    }

    /// Starts a block: on the line of a list item's marker, else on a new line, after a blank
    /// line unless it is inside a list (whose items stay together).
    fn open_block(&mut self) {
        if self.text.is_empty() || self.after_marker {
            return;
        }
        self.new_line();
        if self.lists.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    /// Ends the current line unless it is already ended.
    fn new_line(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    /// Writes text, after the quote markers when it starts a line.
    fn push(&mut self, text: &str) {
        if self.text.is_empty() || self.text.ends_with('\n') {
            self.text.push_str(&"> ".repeat(self.quotes));
        }
        self.text.push_str(text);
        self.after_marker = false;
    }
}

#[cfg(test)]
mod tests {
    use super::extract;

    #[test]
    fn markup_is_removed_and_links_show_their_text() {
        let source = "# Harbour brief\n\nPower *returned* to the **eastern docks** on \
            Tuesday, [the authority](https://example.org/a) said.\nIt gave no `cause`.\n\n\
            ## Next steps\n\n- Inspect the *transformer*\n- Pay traders\n  1. fishers\n  2. \
            grocers\n\n> The lights are back,\n> said a harbour pilot.\n\n```text\nraw  \
            *kept*  [as] is\n```\n\n![a map of the docks](map.png)\n";
        let text = extract(source).text;
        assert_eq!(
            text,
            "Harbour brief\n\n\
             Power returned to the eastern docks on Tuesday, the authority said. It gave no cause.\n\n\
             Next steps\n\n\
             - Inspect the transformer\n- Pay traders\n  1. fishers\n  2. grocers\n\n\
             > The lights are back, said a harbour pilot.\n\n\
             raw  *kept*  [as] is\n\n\
             a map of the docks\n"
        );
    }

    #[test]
    fn empty_markdown_is_empty_text() {
        assert_eq!(extract("").text, "");
        assert_eq!(extract("<!-- only a comment -->\n").text, "");
    }
}
