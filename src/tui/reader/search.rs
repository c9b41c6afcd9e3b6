//! The reader's search: `/` as it is typed, `n` and `N`, and on a large report the hit it is on
//! with every hit counted a slice at a time on the event loop's ticks. The matching itself is
//! [`super::find`]'s.

use std::ops::Range;

use super::App;
use super::find::{
    self, COUNT_SLICE, Count, Search, count_slice, find_all, find_before, find_from, matches_text,
};
use crate::config::keys::Action;

impl App {
    pub(super) fn run_search(&mut self, query: &str, from: usize) {
        if find::is_large(&self.report.text) {
            self.start_large_search(query, from);
            return;
        }
        self.search = Search {
            query: query.to_owned(),
            matches: find_all(&self.report.text, query),
            current: None,
            count: None,
        };
        let start = self.sentence(from).start;
        let first = self
            .search
            .matches
            .iter()
            .position(|m| m.start >= start)
            .or(if self.search.matches.is_empty() {
                None
            } else {
                Some(0)
            });
        match first {
            Some(i) => {
                self.search.current = Some(i);
                let to = self.report.sentence_at(self.search.matches[i].start);
                self.move_cursor(to);
            }
            None => self.move_cursor(from),
        }
    }

    pub(super) fn search_step(&mut self, forward: bool) {
        if self.search.count.is_some() {
            self.step_large_search(forward);
            return;
        }
        let n = self.search.matches.len();
        if n == 0 {
            self.message = Some(if self.search.query.is_empty() {
                match self.config.keys.first_key(Action::Search) {
                    Some(key) => format!("no search yet: press {key} to search"),
                    None => "no search yet".to_owned(),
                }
            } else {
                format!("not found: {}", self.search.query)
            });
            return;
        }
        let sentence = self.sentence(self.cursor);
        let in_cursor = |m: &Range<usize>| {
            m.start >= sentence.start && m.start < sentence.end.max(sentence.start + 1)
        };
        let next = match self
            .search
            .current
            .filter(|&c| in_cursor(&self.search.matches[c]))
        {
            Some(c) if forward => (c + 1) % n,
            Some(c) => (c + n - 1) % n,
            None if forward => self
                .search
                .matches
                .iter()
                .position(|m| m.start >= sentence.start)
                .unwrap_or(0),
            None => self
                .search
                .matches
                .iter()
                .rposition(|m| m.start < sentence.start)
                .unwrap_or(n - 1),
        };
        let wrapped = self
            .search
            .current
            .is_some_and(|c| if forward { next <= c } else { next >= c });
        if wrapped {
            self.message = Some(wrapped_message(forward).to_owned());
        }
        self.search.current = Some(next);
        self.move_cursor(self.report.sentence_at(self.search.matches[next].start));
    }

    /// Starts a search for `query` in a large report: goes to the first hit at or after the sentence
    /// `from` (wrapping to the top), and starts counting; stays at `from` when nothing matches.
    pub(super) fn start_large_search(&mut self, query: &str, from: usize) {
        let start = self.sentence(from).start;
        let text = &self.report.text;
        let hit = find_from(text, query, start).or_else(|| find_from(text, query, 0));
        self.search = Search {
            query: query.to_owned(),
            matches: hit.iter().cloned().collect(),
            current: hit.as_ref().map(|_| 0),
            count: (!query.is_empty()).then(Count::default),
        };
        match hit {
            Some(hit) => self.go_to_byte(hit.start),
            None => self.go_to_byte(start),
        }
    }

    /// `n` or `N` in a large report: the next hit after the cursor's (or before it), wrapping.
    fn step_large_search(&mut self, forward: bool) {
        let query = self.search.query.clone();
        let sentence = self.sentence(self.cursor);
        let here = self
            .search
            .matches
            .first()
            .filter(|m| m.start >= sentence.start && m.start < sentence.end.max(sentence.start + 1))
            .cloned();
        let text = &self.report.text;
        let (hit, wrapped) = if forward {
            let after = here.map_or(sentence.start, |m| m.end);
            match find_from(text, &query, after) {
                Some(hit) => (Some(hit), false),
                None => (find_from(text, &query, 0), true),
            }
        } else {
            let before = here.map_or(sentence.start, |m| m.start);
            match find_before(text, &query, before) {
                Some(hit) => (Some(hit), false),
                None => (find_before(text, &query, text.len()), true),
            }
        };
        let Some(hit) = hit else {
            self.message = Some(format!("not found: {query}"));
            return;
        };
        if wrapped {
            self.message = Some(wrapped_message(forward).to_owned());
        }
        self.go_to_byte(hit.start);
        self.search.matches = vec![hit];
        self.search.current = Some(0);
    }

    /// Counts the hits in the next slice of the report, if a count is running; says the total in
    /// the status bar when it is done.
    pub fn count_more(&mut self) {
        let text = &self.report.text;
        let Some(count) = self.search.count.filter(|c| c.next < text.len()) else {
            return;
        };
        let counted = count_slice(text, &self.search.query, count, COUNT_SLICE);
        self.search.count = Some(counted);
        if counted.next >= text.len() && self.message.is_none() {
            self.message = Some(format!(
                "{} for {}",
                matches_text(counted.found),
                self.search.query
            ));
        }
    }
}

/// What the status bar says when `n` (`forward`) or `N` went round the end of the report.
fn wrapped_message(forward: bool) -> &'static str {
    if forward {
        "search wrapped to the top"
    } else {
        "search wrapped to the bottom"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::reader::find::{LARGE_TEXT, count_text, hits_near};

    #[test]
    fn a_large_report_is_searched_hit_by_hit_and_counted_in_slices() {
        use crate::config::Config;
        use crate::config::keys::Action;
        use crate::report::{Encoding, Report};
        use crate::tui::reader::update;
        use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        use std::fmt::Write as _;

        let mut text = String::from("The Harbour report.\n\n");
        let mut n = 0;
        while text.len() < LARGE_TEXT {
            n += 1;
            let _ = write!(text, "Item {n}: the ferry ran late again.\n\n");
            if n % 50_000 == 0 {
                text.push_str("The harbour reopened.\n\n");
            }
        }
        let report = Report::from_text(
            std::path::Path::new("large.txt"),
            text,
            Encoding::Utf8,
            "hash".into(),
        );
        let mut app = App::new(report, None, Config::default(), None);
        update(&mut app, Action::Resize(80, 24));
        update(&mut app, Action::NextSentence);
        update(&mut app, Action::Search);
        for c in "harbour".chars() {
            app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        let at = |app: &App| app.report.text[app.sentence(app.cursor)].to_owned();
        assert_eq!(
            at(&app),
            "The harbour reopened.",
            "the first hit after the cursor"
        );
        assert_eq!(app.search.matches.len(), 1, "only the current hit is kept");
        assert_eq!(
            count_text(&app.search, app.report.text.len()),
            "no match+ (counting 0%)"
        );
        let row = app.doc.rows[app.doc.row_of(app.sentence(app.cursor).start)].clone();
        let on_row = hits_near(&app.report.text, &app.search, &row);
        assert_eq!(on_row.len(), 1);
        assert_eq!(&app.report.text[on_row[0].clone()], "harbour");
        let top = app.doc.rows[0].clone();
        assert_eq!(
            hits_near(&app.report.text, &app.search, &top).len(),
            1,
            "Harbour, smart case"
        );
        let first = app.cursor;
        update(&mut app, Action::SearchNext);
        assert!(app.cursor > first);
        update(&mut app, Action::SearchPrev);
        assert_eq!(app.cursor, first);
        update(&mut app, Action::SearchPrev);
        assert_eq!(app.cursor, 0, "smart case: Harbour too");
        update(&mut app, Action::SearchPrev);
        assert_eq!(app.message.as_deref(), Some("search wrapped to the bottom"));
        app.message = None;
        while app
            .search
            .count
            .is_some_and(|c| c.next < app.report.text.len())
        {
            app.count_more();
        }
        let hits = 1 + n / 50_000;
        assert_eq!(
            count_text(&app.search, app.report.text.len()),
            format!("{hits} matches")
        );
        assert_eq!(
            app.message,
            Some(format!("{hits} matches for harbour")),
            "the total is told when counted"
        );
    }
}
