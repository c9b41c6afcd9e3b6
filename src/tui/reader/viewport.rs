//! The viewport: the cursor kept on screen, scrolling, paging, the layout for the terminal's
//! size and mouse clicks mapped to sentences and claims.

use ratatui::layout::Position;

use super::wrap::WrappedDoc;
use super::{App, Focus};
use super::{PANEL_ITEM_ROWS, SCROLL_MARGIN};

impl App {
    /// Selects the claim under the cursor, unless the selected one is already there.
    pub(super) fn follow_cursor(&mut self) {
        let sentence = self.sentence(self.cursor);
        let keep = self
            .selected_index()
            .is_some_and(|i| self.claims_overlapping(&sentence).any(|j| j == i));
        if !keep {
            let first = self.claims_overlapping(&sentence).next();
            self.selected = first.map(|i| self.sidecar.claims[i].id.clone());
            if let Some(i) = first {
                self.say_text_changed(i);
            }
        }
        self.keep_panel_selection_visible();
    }

    /// Says what changed in claim `i`'s text, when it was found with changed text: the cursor
    /// just landed on it, however it got there (j/k, `}`, the panel, a click).
    ///
    /// The change is fitted to the room the status bar leaves a message (beside the sentence
    /// number, the modes and a save state), fewer words around it and a shorter lead on a narrow
    /// terminal, so the changed words always show.
    pub(super) fn say_text_changed(&mut self, i: usize) {
        if let Some(was) = self.old_quote(i) {
            let now = &self.sidecar.claims[i].quote;
            let position = format!("{}/{}", self.cursor + 1, self.report.sentences.len());
            let modes = [
                (self.selection.is_some(), " SELECT ".len()),
                (self.focus == super::Focus::Panel, " PANEL ".len()),
            ]
            .iter()
            .filter_map(|&(on, width)| on.then_some(width))
            .sum::<usize>();
            // ` 5/38 `, the message's leading space, then `  saving…` at the right.
            let room = usize::from(self.size.width)
                .saturating_sub(position.len() + 2 + modes + 1 + 2 + "saving…".chars().count());
            let lead = "≈ text changed: ";
            let width = |text: &str| text.chars().map(super::wrap::char_width).sum::<usize>();
            let change =
                super::text_change::describe_in(was, now, room.saturating_sub(width(lead)));
            let message = if width(lead) + width(&change) <= room {
                format!("{lead}{change}")
            } else {
                let change = super::text_change::describe_in(was, now, room.saturating_sub(2));
                format!("≈ {change}")
            };
            self.message = Some(crate::report::safe(&message).into_owned());
        }
    }

    pub(super) fn move_cursor(&mut self, to: usize) {
        let last = self.report.sentences.len().saturating_sub(1);
        self.cursor = to.min(last);
        if let Some(selection) = &mut self.selection {
            let (a, b) = (
                selection.anchor.min(self.cursor),
                selection.anchor.max(self.cursor),
            );
            selection.start = self.report.sentences.get(a).map_or(0, |s| s.start);
            selection.end = self.report.sentences.get(b).map_or(0, |s| s.end);
        }
        self.follow_cursor();
        self.keep_cursor_visible();
    }

    /// Moves the cursor to the sentence holding byte `at`, scrolling as little as it can; how the
    /// reader keeps its place when the whole of a large report replaces its head.
    pub fn go_to_byte(&mut self, at: usize) {
        self.move_cursor(self.report.sentence_at(at));
    }

    pub(super) fn view_height(&self) -> usize {
        self.areas()
            .map_or(1, |a| usize::from(a.text.height).max(1))
    }

    pub(super) fn keep_cursor_visible(&mut self) {
        let height = self.view_height();
        let (first, last) = self.doc.rows_of(&self.sentence(self.cursor));
        let margin = SCROLL_MARGIN.min(height.saturating_sub(1) / 2);
        if last + margin + 1 > self.scroll + height {
            self.scroll = (last + margin + 1).saturating_sub(height);
        }
        if first < self.scroll + margin {
            self.scroll = first.saturating_sub(margin);
        }
        self.clamp_scroll();
    }

    pub(super) fn clamp_scroll(&mut self) {
        let max = self.doc.rows.len().saturating_sub(self.view_height());
        self.scroll = self.scroll.min(max);
    }

    pub(super) fn keep_panel_selection_visible(&mut self) {
        let rows = self
            .areas()
            .map_or(PANEL_ITEM_ROWS, |a| usize::from(a.panel_inner.height));
        let fit = (rows / PANEL_ITEM_ROWS).max(1);
        let visible = self.visible_claims();
        let Some(pos) = self
            .selected_index()
            .and_then(|i| visible.iter().position(|&v| v == i))
        else {
            self.panel_scroll = self.panel_scroll.min(visible.len().saturating_sub(fit));
            return;
        };
        if pos < self.panel_scroll {
            self.panel_scroll = pos;
        } else if pos >= self.panel_scroll + fit {
            self.panel_scroll = pos + 1 - fit;
        }
    }

    /// Moves the cursor by `rows` screen rows, scrolling the view by the same amount (paging).
    pub(super) fn page(&mut self, rows: usize, down: bool) {
        let cursor_row = self.doc.row_of(self.sentence(self.cursor).start);
        let max_row = self.doc.rows.len().saturating_sub(1);
        let (target, scroll) = if down {
            ((cursor_row + rows).min(max_row), self.scroll + rows)
        } else {
            (
                cursor_row.saturating_sub(rows),
                self.scroll.saturating_sub(rows),
            )
        };
        self.scroll = scroll;
        self.clamp_scroll();
        let byte = self.doc.rows.get(target).map_or(0, |r| r.start);
        let sentence = self.report.sentence_at(byte);
        if sentence != self.cursor {
            self.move_cursor(sentence);
            return;
        }
        // The page landed inside the cursor's own sentence. A sentence taller than the view (a
        // long single-line report) is paged through; otherwise the cursor moves on by one.
        let (_, last_row) = self.doc.rows_of(&self.sentence(self.cursor));
        let height = self.view_height();
        if last_row >= self.scroll + height || (!down && cursor_row > self.scroll) {
            return;
        }
        let next = if down {
            self.cursor + 1
        } else {
            self.cursor.saturating_sub(1)
        };
        self.move_cursor(next);
    }

    /// Scrolls the view one row down or up (Ctrl-e, Ctrl-y in vim and less). The cursor stays
    /// where it is while any row of its sentence is on screen; when it would leave, it moves to
    /// the first sentence showing whole inside the scroll margin on the side it left by, so the
    /// view keeps scrolling and never jumps back.
    pub(super) fn scroll_line(&mut self, down: bool) {
        let before = self.scroll;
        if down {
            self.scroll += 1;
            self.clamp_scroll();
        } else {
            self.scroll = self.scroll.saturating_sub(1);
        }
        let height = self.view_height();
        let (first, last) = self.doc.rows_of(&self.sentence(self.cursor));
        if self.scroll == before || (last >= self.scroll && first < self.scroll + height) {
            return;
        }
        let margin = SCROLL_MARGIN.min(height.saturating_sub(1) / 2);
        let rows = self.doc.rows.len();
        let target = if down {
            let row = (self.scroll + margin).min(rows.saturating_sub(1));
            let s = self
                .report
                .sentence_at(self.doc.rows.get(row).map_or(0, |r| r.start));
            if self.doc.rows_of(&self.sentence(s)).0 < row {
                s + 1
            } else {
                s
            }
        } else {
            let row = (self.scroll + height)
                .saturating_sub(margin + 1)
                .min(rows.saturating_sub(1));
            let s = self
                .report
                .sentence_at(self.doc.rows.get(row).map_or(0, |r| r.start));
            if self.doc.rows_of(&self.sentence(s)).1 > row {
                s.saturating_sub(1)
            } else {
                s
            }
        };
        self.move_cursor(target);
    }

    pub(super) fn relayout(&mut self) {
        let width = self.areas().map_or(1, |a| usize::from(a.text.width));
        if width == self.doc.width && !self.doc.rows.is_empty() {
            self.wrap_wanted = None;
        } else if self.doc.rows.is_empty() || !super::find::is_large(&self.report.text) {
            self.doc = WrappedDoc::new(&self.report.text, &self.report.sentences, width);
            self.wrap_wanted = None;
        } else {
            // Wrapping a large report takes a tenth of a second or more: it is done on another
            // thread, and the keys keep working on the rows of the old width meanwhile.
            self.wrap_wanted = Some(width);
        }
        self.keep_cursor_visible();
        self.keep_panel_selection_visible();
    }

    /// Takes in the rows a large report was wrapped to on another thread, unless the width
    /// changed again meanwhile.
    pub fn rewrapped(&mut self, doc: WrappedDoc) {
        if self.wrap_wanted == Some(doc.width) {
            self.doc = doc;
            self.wrap_wanted = None;
            self.keep_cursor_visible();
            self.keep_panel_selection_visible();
        }
    }

    pub(super) fn click(&mut self, column: u16, row: u16) {
        let Some(areas) = self.areas() else { return };
        let at = Position::new(column, row);
        if areas.text.contains(at) || areas.gutter.contains(at) {
            self.focus = Focus::Article;
            let doc_row = self.scroll + usize::from(row - areas.text.y);
            let col = usize::from(column.saturating_sub(areas.text.x));
            if let Some(byte) = self.doc.byte_at(&self.report.text, doc_row, col) {
                self.move_cursor(self.report.sentence_at(byte));
            }
        } else if areas.panel_inner.contains(at) {
            self.focus = Focus::Panel;
            if self.dismissed_view {
                return self.click_dismissed(usize::from(row - areas.panel_inner.y));
            }
            let item = self.panel_scroll + usize::from(row - areas.panel_inner.y) / PANEL_ITEM_ROWS;
            if let Some(&i) = self.visible_claims().get(item) {
                self.select_claim(i);
            }
        }
    }
}
