//! Selecting several sentences, or part of one, to tag as one claim; narrowing by words.

use super::{App, Selection};

pub(super) fn next_word_start(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let word = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let space = rest[word..].len() - rest[word..].trim_start().len();
    at + word + space
}

pub(super) fn prev_word_start(text: &str, at: usize) -> usize {
    let before = text[..at].trim_end();
    before.rfind(char::is_whitespace).map_or(0, |p| p + 1)
}

pub(super) fn next_word_end(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let space = rest.len() - rest.trim_start().len();
    let word = rest[space..]
        .find(char::is_whitespace)
        .unwrap_or(rest.len() - space);
    at + space + word
}

pub(super) fn prev_word_end(text: &str, at: usize) -> usize {
    let before = &text[..at];
    let word_start = before.rfind(char::is_whitespace).map_or(0, |p| p + 1);
    before[..word_start].trim_end().len()
}

impl App {
    /// Starts a selection for word narrowing: the claim under the cursor (to narrow it) or the
    /// sentence.
    pub(super) fn selection_or_start(&mut self) -> Selection {
        if let Some(selection) = self.selection {
            return selection;
        }
        let span = self
            .claim_under_cursor()
            .and_then(|i| self.claim_span(i).cloned())
            .unwrap_or_else(|| self.sentence(self.cursor));
        Selection {
            anchor: self.cursor,
            start: span.start,
            end: span.end,
        }
    }

    pub(super) fn narrow(&mut self, start_side: bool, forward: bool) {
        if self.report.sentences.is_empty() {
            return;
        }
        let mut selection = self.selection_or_start();
        let text = &self.report.text;
        if start_side {
            let moved = if forward {
                next_word_start(text, selection.start)
            } else {
                prev_word_start(text, selection.start)
            };
            if moved < selection.end {
                selection.start = moved;
            }
        } else {
            let moved = if forward {
                next_word_end(text, selection.end)
            } else {
                prev_word_end(text, selection.end)
            };
            if moved > selection.start {
                selection.end = moved;
            }
        }
        self.selection = Some(selection);
    }

    /// Starts a selection on the cursor sentence, or drops the one there is.
    pub(super) fn toggle_select(&mut self) {
        self.selection = if self.selection.is_some() {
            None
        } else {
            let s = self.sentence(self.cursor);
            Some(Selection {
                anchor: self.cursor,
                start: s.start,
                end: s.end,
            })
        };
    }
}
