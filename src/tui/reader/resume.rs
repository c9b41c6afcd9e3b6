//! The reader's place in a report, as kept between sessions ([`crate::resume`]): the sentence
//! under the cursor and how far down the view it stood. Taking a place back finds the sentence
//! by its text, as claims are re-anchored: at its old index when it is still there, else the
//! nearest sentence with the same text; a sentence that is gone leaves the reader at the start.

use super::{App, Extent};
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

    /// Puts the cursor back where `place` says ([`App::resume`]); on the head of a large report,
    /// where the place may lie beyond what is shown, only when its sentence is there at its own
    /// index: otherwise the place waits for the whole report ([`App::resume_when_whole`]).
    pub fn resume_or_wait(&mut self, place: ReaderPlace) {
        let here = self
            .find_sentence(&place)
            .is_some_and(|n| n == place.sentence);
        if self.extent == Extent::Head && !here {
            self.resume_later = Some(place);
        } else {
            self.resume(&place);
        }
    }

    /// The whole report (`self`) replaced the head `head` was on: takes the place that waited
    /// for it, unless the user moved off the first sentence meanwhile (their place wins).
    pub(super) fn resume_when_whole(&mut self, head: &mut App) {
        if let Some(place) = head.resume_later.take()
            && head.cursor == 0
        {
            self.resume(&place);
        }
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

    /// A large report opens on its head while the rest is indexed: a place beyond the head is
    /// taken once the whole report is in (not lost, not overwritten by the head's first
    /// sentence), unless the user moved meanwhile; a place within the head is taken at once.
    #[test]
    fn on_a_large_reports_head_the_place_waits_for_the_whole_report() {
        use crate::tui::events::Loaded;
        use crate::tui::reader::loading::{head_app, take};
        let text = numbered(1, 400);
        let cut = text.match_indices("\n\n").nth(99).unwrap().0 + 2;
        let head = || {
            let report = Report::from_text(
                Path::new("r.txt"),
                text[..cut].to_owned(),
                Encoding::Utf8,
                String::new(),
            );
            let mut head = head_app(report, Config::default());
            update(&mut head, Action::Resize(100, 24));
            head
        };
        let mut first = app(&text);
        for _ in 0..300 {
            update(&mut first, Action::NextSentence);
        }
        let far = first.place();
        let mut on_head = head();
        on_head.resume_or_wait(far.clone());
        assert_eq!(on_head.cursor, 0, "sentence 301 is not in the head");
        assert!(on_head.resume_later.is_some());
        take(&mut on_head, Loaded::Done(Ok(Box::new(app(&text))))).unwrap();
        assert_eq!(on_head.cursor, 300, "taken with the whole report");
        assert!(on_head.resume_later.is_none());
        // The user moved on the head meanwhile: their place wins.
        let mut moved = head();
        moved.resume_or_wait(far);
        update(&mut moved, Action::NextSentence);
        update(&mut moved, Action::NextSentence);
        take(&mut moved, Loaded::Done(Ok(Box::new(app(&text))))).unwrap();
        assert_eq!(moved.cursor, 2);
        // A place within the head is taken at once.
        let mut near = app(&text);
        for _ in 0..20 {
            update(&mut near, Action::NextSentence);
        }
        let mut at_once = head();
        at_once.resume_or_wait(near.place());
        assert_eq!(at_once.cursor, 20);
        assert!(at_once.resume_later.is_none());
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
