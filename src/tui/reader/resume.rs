//! The reader's place in a report, as kept between sessions ([`crate::resume`]): the sentence
//! under the cursor and how far down the view it stood. Taking a place back finds the sentence
//! by its text, as claims are re-anchored: at its old index when it is still there, else the
//! nearest sentence with the same text; a sentence that is gone leaves the reader at the start.

use super::App;
use crate::resume::{ReaderPlace, fingerprint};

impl App {
    /// Where the reader is now, to keep for the next time the report is opened.
    pub fn place(&self) -> ReaderPlace {
        let sentence = self.sentence(self.cursor);
        let first_row = self.doc.rows_of(&sentence).0;
        ReaderPlace {
            path: String::new(),
            sentence: self.cursor,
            text: fingerprint(self.report.text.get(sentence).unwrap_or_default()),
            row: first_row.saturating_sub(self.scroll),
        }
    }

    /// Puts the cursor back where `place` says, with its sentence as far down the view as it
    /// was (within the view's margins); does nothing when the sentence is no longer in the
    /// report. Run once the reader knows its size.
    pub fn resume(&mut self, place: &ReaderPlace) {
        let Some(sentence) = self.find_sentence(place) else {
            return;
        };
        self.move_cursor(sentence);
        let first_row = self.doc.rows_of(&self.sentence(self.cursor)).0;
        self.scroll = first_row.saturating_sub(place.row);
        self.clamp_scroll();
        self.keep_cursor_visible();
    }

    /// The sentence `place` names: at its index when its text is the same, else the sentence
    /// with that text nearest the index.
    fn find_sentence(&self, place: &ReaderPlace) -> Option<usize> {
        let same = |n: usize| {
            self.report
                .sentences
                .get(n)
                .and_then(|s| self.report.text.get(s.clone()))
                .is_some_and(|text| fingerprint(text) == place.text)
        };
        if same(place.sentence) {
            return Some(place.sentence);
        }
        (0..self.report.sentences.len())
            .filter(|&n| same(n))
            .min_by_key(|&n| n.abs_diff(place.sentence))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::fmt::Write as _;
    use std::path::Path;

    use crate::config::Config;
    use crate::config::keys::Action;
    use crate::report::{Encoding, Report};
    use crate::tui::reader::{App, update};

    fn app(text: &str) -> App {
        let report = Report::from_text(
            Path::new("r.txt"),
            text.to_owned(),
            Encoding::Utf8,
            String::new(),
        );
        let mut app = App::new(report, None, Config::default(), None);
        update(&mut app, Action::Resize(100, 24));
        app
    }

    fn numbered(from: usize, to: usize) -> String {
        let mut text = String::new();
        for n in from..=to {
            let _ = write!(text, "Sentence number {n} is here.\n\n");
        }
        text
    }

    #[test]
    fn the_place_comes_back_with_its_scroll() {
        let mut first = app(&numbered(1, 80));
        for _ in 0..40 {
            update(&mut first, Action::NextSentence);
        }
        update(&mut first, Action::ScrollDown);
        let place = first.place();
        assert_eq!(place.sentence, 40);
        let mut again = app(&numbered(1, 80));
        again.resume(&place);
        assert_eq!(again.cursor, 40);
        assert_eq!(again.scroll, first.scroll, "the same view");
    }

    #[test]
    fn a_moved_sentence_is_found_by_its_text() {
        let mut first = app(&numbered(1, 30));
        for _ in 0..10 {
            update(&mut first, Action::NextSentence);
        }
        let place = first.place();
        let mut changed = app(&format!("A new opening line.\n\n{}", numbered(1, 30)));
        changed.resume(&place);
        assert_eq!(changed.cursor, 11, "one sentence was added above");
        assert!(changed.report.text[changed.sentence(11)].contains("number 11 "));
    }

    #[test]
    fn a_stale_place_falls_back_to_the_start() {
        let mut first = app(&numbered(1, 30));
        for _ in 0..20 {
            update(&mut first, Action::NextSentence);
        }
        let place = first.place();
        let mut shorter = app(&numbered(1, 5));
        shorter.resume(&place);
        assert_eq!((shorter.cursor, shorter.scroll), (0, 0), "out of range");
        let mut rewritten = app(&numbered(100, 130));
        rewritten.resume(&place);
        assert_eq!((rewritten.cursor, rewritten.scroll), (0, 0), "text gone");
        let mut foreign = place.clone();
        foreign.text = "not a hash".into();
        let mut same = app(&numbered(1, 30));
        same.resume(&foreign);
        assert_eq!(same.cursor, 0, "a corrupt fingerprint matches nothing");
    }

    #[test]
    fn an_empty_report_has_a_place_and_takes_one() {
        let mut empty = app("");
        let place = empty.place();
        assert_eq!(place.sentence, 0);
        empty.resume(&place);
        assert_eq!(empty.cursor, 0);
    }
}
