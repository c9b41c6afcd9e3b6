//! Word-wrapping the article into screen rows, remembering which bytes of the text each row shows.
//!
//! Pure computation (no drawing), so the update step can scroll, page and map mouse clicks with
//! the same rows the screen shows.

use std::ops::Range;

use unicode_width::UnicodeWidthChar as _;

/// The article wrapped to one width: each row is the byte range of the text it shows.
///
/// Rows are in text order and never overlap; the line break that ends a row belongs to no row.
#[derive(Debug, Clone, Default)]
pub struct WrappedDoc {
    /// The width the rows were wrapped to.
    pub width: usize,
    /// Byte ranges of the text, one per screen row. An empty range is a blank line.
    pub rows: Vec<Range<usize>>,
    /// Byte offsets of the line breaks shown as a space (a sentence runs across them).
    soft_breaks: Vec<usize>,
}

/// Columns a character takes on screen; white space and the stand-ins for control characters
/// take one, combining marks none.
#[inline]
pub fn char_width(c: char) -> usize {
    // Printable ASCII, most of any report, needs no table look-up.
    if c.is_ascii_graphic() || c == ' ' || c.is_whitespace() {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

/// Columns between tab stops: tabs in a report expand to the next multiple of this.
pub const TAB: usize = 4;

/// Columns a shown character takes at screen column `column` (tabs reach the next tab stop).
#[inline]
fn width_at(original: char, shown: char, column: usize) -> usize {
    if original == '\t' {
        TAB - column % TAB
    } else {
        char_width(shown)
    }
}

/// What the article shows for a character: white space as a space, nothing for a carriage return
/// or for the indentation of a line that continues a sentence (`indent`), which would otherwise
/// open gaps in a reflowed paragraph.
fn shown(c: char, indent: bool) -> Option<char> {
    match c {
        '\r' => None,
        '\n' => Some(' '),
        c if c.is_whitespace() => (!indent).then_some(' '),
        c => Some(c),
    }
}

/// Whether the character after `c` is still in the indentation that follows a soft line break.
fn still_indent(c: char, indent: bool) -> bool {
    c == '\n' || (indent && c.is_whitespace())
}

impl WrappedDoc {
    /// Wraps `text` to `width` columns.
    ///
    /// A line break inside a sentence (hard-wrapped prose, as in an e-mailed brief) is shown as a
    /// space and the paragraph is reflowed to the pane; a line break between sentences (a heading,
    /// a byline, a list item, a paragraph end) is kept. So the display follows the segmentation.
    ///
    /// A long text is wrapped in pieces of about [`PIECE_BYTES`] on all cores: each piece ends
    /// after a line break between sentences, so no paragraph is split and the rows are the same.
    pub fn new(text: &str, sentences: &[Range<usize>], width: usize) -> Self {
        Self::in_pieces(text, sentences, width, PIECE_BYTES)
    }

    fn in_pieces(text: &str, sentences: &[Range<usize>], width: usize, piece: usize) -> Self {
        use rayon::prelude::*;
        let width = width.max(1);
        let cuts = piece_cuts(text, sentences, piece);
        let pieces: Vec<(Vec<Range<usize>>, Vec<usize>)> = cuts
            .par_windows(2)
            .map(|w| wrap_piece(text, sentences, w[0]..w[1], width))
            .collect();
        let mut rows = Vec::with_capacity(pieces.iter().map(|p| p.0.len()).sum());
        let mut soft_breaks = Vec::with_capacity(pieces.iter().map(|p| p.1.len()).sum());
        for (piece_rows, piece_breaks) in pieces {
            rows.extend(piece_rows);
            soft_breaks.extend(piece_breaks);
        }
        Self {
            width,
            rows,
            soft_breaks,
        }
    }

    /// The row that shows byte `at` (or the last row before it).
    pub fn row_of(&self, at: usize) -> usize {
        self.rows
            .partition_point(|r| r.start <= at)
            .saturating_sub(1)
    }

    /// The rows a byte range spans, first and last.
    pub fn rows_of(&self, span: &Range<usize>) -> (usize, usize) {
        let first = self.row_of(span.start);
        let last = self.row_of(span.end.saturating_sub(1).max(span.start));
        (first, last.max(first))
    }

    /// The characters row `row` shows, each with its byte offset in `text` and the columns it
    /// takes (a tab takes several), in screen order.
    pub fn cells<'a>(
        &self,
        text: &'a str,
        row: usize,
    ) -> impl Iterator<Item = (usize, char, usize)> + 'a {
        let range = self.rows.get(row).cloned().unwrap_or(0..0);
        let mut indent = self.in_indent(text, range.start);
        let mut column = 0;
        let start = range.start;
        text[range].char_indices().filter_map(move |(i, c)| {
            let cell = shown(c, indent).map(|d| {
                let width = width_at(c, d, column);
                column += width;
                (start + i, d, width)
            });
            indent = still_indent(c, indent);
            cell
        })
    }

    /// The byte shown at column `column` of row `row` (the row's last byte when past its end).
    pub fn byte_at(&self, text: &str, row: usize, column: usize) -> Option<usize> {
        let range = self.rows.get(row)?;
        let mut used = 0;
        let mut last = range.start;
        for (at, _, width) in self.cells(text, row) {
            last = at;
            used += width;
            if used > column {
                return Some(at);
            }
        }
        Some(last)
    }

    /// Whether byte `at` lies in the indentation after a soft line break.
    fn in_indent(&self, text: &str, at: usize) -> bool {
        let before = text[..at].trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
        before.ends_with('\n') && self.soft_breaks.binary_search(&(before.len() - 1)).is_ok()
    }
}

/// Texts longer than this are wrapped in pieces of about this size, in parallel.
const PIECE_BYTES: usize = 4 << 20;

/// Where the pieces of `text` begin and end: 0, each first byte after a line break between
/// sentences found past every `piece` bytes, and the text's length.
fn piece_cuts(text: &str, sentences: &[Range<usize>], piece: usize) -> Vec<usize> {
    let mut cuts = vec![0];
    let mut from = piece;
    while from < text.len() {
        let hard = memchr::memchr_iter(b'\n', &text.as_bytes()[from..])
            .map(|at| from + at)
            .find(|&at| !is_soft_break(text, sentences, at));
        let Some(at) = hard else {
            break;
        };
        cuts.push(at + 1);
        from = (at + 1).max(from + piece);
    }
    if cuts.last() != Some(&text.len()) {
        cuts.push(text.len());
    }
    cuts
}

/// The rows and soft line breaks of the piece `range` of `text` (which ends after a line break
/// between sentences, or at the end of the text).
fn wrap_piece(
    text: &str,
    sentences: &[Range<usize>],
    range: Range<usize>,
    width: usize,
) -> (Vec<Range<usize>>, Vec<usize>) {
    let mut rows = Vec::new();
    let mut soft_breaks = Vec::new();
    let mut flow_start = range.start;
    for (at, _) in text[range.clone()].match_indices('\n') {
        let at = range.start + at;
        if is_soft_break(text, sentences, at) {
            soft_breaks.push(at);
            continue;
        }
        wrap_flow(text, flow_start..at, width, &mut rows);
        flow_start = at + 1;
    }
    if flow_start < range.end {
        wrap_flow(text, flow_start..range.end, width, &mut rows);
    }
    (rows, soft_breaks)
}

/// A line break is soft when a sentence runs across it.
fn is_soft_break(text: &str, sentences: &[Range<usize>], at: usize) -> bool {
    let i = sentences.partition_point(|s| s.start <= at);
    i > 0 && sentences[i - 1].end > at && !text[at + 1..].starts_with('\n')
}

/// Greedy word wrap of one paragraph; appends its rows.
fn wrap_flow(text: &str, flow: Range<usize>, width: usize, rows: &mut Vec<Range<usize>>) {
    let line = &text[flow.clone()];
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line.is_empty() {
        rows.push(flow.start..flow.start);
    } else if is_plain(line.as_bytes()) {
        wrap_plain(line.as_bytes(), flow.start, width, rows);
    } else {
        wrap_chars(line, flow.start, width, rows);
    }
}

/// Whether `line` is plain ASCII in which every character takes one column and every break
/// opportunity is a space or a line break shown as one: no tab, no carriage return, no
/// indentation after a line break. Most report text is; [`wrap_plain`] wraps it far faster.
fn is_plain(line: &[u8]) -> bool {
    line.iter().enumerate().all(|(i, &b)| match b {
        0x20..=0x7E => true,
        b'\n' => line
            .get(i + 1)
            .is_some_and(|next| (0x21..=0x7E).contains(next)),
        _ => false,
    })
}

/// [`wrap_chars`] for a [plain](is_plain) line, a row at a time instead of a character at a
/// time: the same rows, found by looking back from the column where a row is full.
fn wrap_plain(line: &[u8], base: usize, width: usize, rows: &mut Vec<Range<usize>>) {
    let is_space = |b: u8| b == b' ' || b == b'\n';
    let mut row_start = 0;
    loop {
        let full = row_start + width;
        if full >= line.len() {
            rows.push(base + row_start..base + line.len());
            return;
        }
        if is_space(line[full]) {
            // The white space overflowing the row is folded into it.
            let end = line[full..]
                .iter()
                .position(|&b| !is_space(b))
                .map_or(line.len(), |n| full + n);
            rows.push(base + row_start..base + end);
            row_start = end;
            continue;
        }
        let end = memchr::memrchr2(b' ', b'\n', &line[row_start..full])
            .map_or(full, |at| row_start + at + 1);
        rows.push(base + row_start..base + end);
        row_start = end;
    }
}

/// Greedy word wrap of one line of any text, a character at a time; appends its rows.
fn wrap_chars(line: &str, base: usize, width: usize, rows: &mut Vec<Range<usize>>) {
    let mut row_start = 0;
    let mut used = 0;
    // Byte offset (in `line`) just after the last white space seen on this row, where a row may end.
    let mut last_break: Option<usize> = None;
    let mut used_at_break = 0;
    let mut indent = false;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let w = shown(c, indent).map_or(0, |d| width_at(c, d, used));
        indent = still_indent(c, indent);
        if used + w > width && i > row_start {
            if c.is_whitespace() {
                // The white space overflowing the row is folded into it.
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if !d.is_whitespace() {
                        break;
                    }
                    end = j + d.len_utf8();
                    indent = still_indent(d, indent);
                    chars.next();
                }
                rows.push(base + row_start..base + end);
                row_start = end;
                used = 0;
                last_break = None;
                continue;
            }
            if let Some(brk) = last_break.filter(|&b| b > row_start) {
                rows.push(base + row_start..base + brk);
                row_start = brk;
                used -= used_at_break;
            }
            if used + w > width && i > row_start {
                rows.push(base + row_start..base + i);
                row_start = i;
                used = 0;
            }
            last_break = None;
        }
        used += w;
        if c.is_whitespace() {
            last_break = Some(i + c.len_utf8());
            used_at_break = used;
        }
    }
    rows.push(base + row_start..base + line.len());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::segment::sentences;
    use proptest::prelude::*;

    /// Row `r` as the screen shows it, tabs expanded.
    fn row_text(doc: &WrappedDoc, text: &str, r: usize) -> String {
        doc.cells(text, r)
            .map(|(_, c, w)| {
                if c == ' ' {
                    " ".repeat(w)
                } else {
                    c.to_string()
                }
            })
            .collect()
    }

    fn rows_shown(text: &str, width: usize) -> Vec<String> {
        let doc = WrappedDoc::new(text, &sentences(text), width);
        (0..doc.rows.len())
            .map(|r| row_text(&doc, text, r).trim_end().to_owned())
            .collect()
    }

    #[test]
    fn tabs_expand_to_the_next_stop() {
        assert_eq!(rows_shown("a\tbc\td", 40), vec!["a   bc  d"]);
        let text = "x\ty";
        let doc = WrappedDoc::new(text, &sentences(text), 40);
        assert_eq!(doc.byte_at(text, 0, 2), Some(1), "columns 1-3 show the tab");
        assert_eq!(doc.byte_at(text, 0, 4), Some(2));
    }

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(
            rows_shown("The minister said the port would reopen.", 16),
            vec!["The minister", "said the port", "would reopen."]
        );
    }

    #[test]
    fn keeps_paragraphs_and_blank_lines() {
        assert_eq!(
            rows_shown("Headline\n\nFirst one.\nSecond one.", 40),
            vec!["Headline", "", "First one.", "Second one."]
        );
    }

    #[test]
    fn indentation_of_a_continued_sentence_is_hidden() {
        let text = "1. Imagery from a commercial provider, reviewed by\n   this team in March.\n2. Next item.";
        assert_eq!(
            rows_shown(text, 80),
            vec![
                "1. Imagery from a commercial provider, reviewed by this team in March.",
                "2. Next item."
            ]
        );
        let doc = WrappedDoc::new(text, &sentences(text), 80);
        let cells = row_text(&doc, text, 0);
        assert_eq!(
            cells,
            "1. Imagery from a commercial provider, reviewed by this team in March."
        );
    }

    #[test]
    fn long_words_are_cut() {
        assert_eq!(rows_shown("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(rows_shown("日本語の報告", 4), vec!["日本", "語の", "報告"]);
    }

    #[test]
    fn rows_map_back_to_bytes() {
        let text = "One two three.";
        let doc = WrappedDoc::new(text, &sentences(text), 8);
        assert_eq!(doc.row_of(text.find("three").expect("found")), 1);
        assert_eq!(doc.byte_at(text, 1, 0), Some(8));
        assert_eq!(doc.byte_at(text, 1, 99), Some(text.len() - 1));
    }

    proptest! {
        #[test]
        fn pieces_wrap_as_the_whole(text in "[a-z .\n]{0,200}", width in 1usize..30, piece in 1usize..40) {
            let sentences = sentences(&text);
            let whole = WrappedDoc::in_pieces(&text, &sentences, width, usize::MAX);
            let pieces = WrappedDoc::in_pieces(&text, &sentences, width, piece);
            prop_assert_eq!(whole.rows, pieces.rows);
            prop_assert_eq!(whole.soft_breaks, pieces.soft_breaks);
        }

        #[test]
        fn plain_lines_wrap_as_any_line(line in "[ab ]{0,5}([a-z]{1,12}[ \n]{1,3}){0,30}[a-z]{0,9}", width in 1usize..30) {
            let line = line.replace("\n ", "\nx").replace("\n\n", "\nx").trim_end_matches('\n').to_owned();
            prop_assume!(!line.is_empty() && is_plain(line.as_bytes()));
            let mut fast = Vec::new();
            wrap_plain(line.as_bytes(), 3, width, &mut fast);
            let mut slow = Vec::new();
            wrap_chars(&line, 3, width, &mut slow);
            prop_assert_eq!(fast, slow);
        }

        #[test]
        fn rows_are_ordered_and_fit(text in "[a-z .é日\n\t]{0,300}", width in 1usize..30) {
            let doc = WrappedDoc::new(&text, &sentences(&text), width);
            let mut previous_end = 0;
            let mut shown = String::new();
            for (i, row) in doc.rows.iter().enumerate() {
                prop_assert!(row.start >= previous_end);
                prop_assert!(text.is_char_boundary(row.start) && text.is_char_boundary(row.end));
                let cells = row_text(&doc, &text, i);
                let visible: usize = cells.trim_end().chars().map(char_width).sum();
                prop_assert!(visible <= width.max(2), "row {:?} is {} wide", cells, visible);
                shown.push_str(&cells);
                shown.push(' ');
                previous_end = row.end;
            }
            let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>().concat();
            prop_assert_eq!(words(&shown), words(&text));
        }
    }
}
