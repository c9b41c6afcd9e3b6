//! Wrapping a large report again after a resize, on another thread, so that a resize never
//! holds up the keys (at 100 MiB a whole wrap takes about a fifth of a second).

use std::sync::Arc;

use super::wrap::WrappedDoc;
use crate::report::Report;
use crate::tui::events::{Input, Workers};

/// Starts wrapping `report` to `width` on a thread, which sends the rows to `workers` as
/// [`Input::Rewrapped`] (the reader takes in only rows of the width it still wants).
pub fn start(report: Arc<Report>, width: usize, workers: &Workers) {
    let sender = workers.sender();
    std::thread::spawn(move || {
        let doc = WrappedDoc::new(&report.text, &report.sentences, width);
        // The reader may have gone: then nobody listens.
        let _ = sender.send(Input::Rewrapped(width, doc));
    });
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::config::Config;
    use crate::config::keys::Action;
    use crate::report::Encoding;
    use crate::tui::reader::{App, update};
    use std::fmt::Write as _;

    #[test]
    fn a_resize_of_a_large_report_is_wrapped_on_a_thread_and_taken_in() {
        let mut text = String::new();
        let mut n = 0;
        while !crate::tui::reader::find::is_large(&text) {
            n += 1;
            let _ = write!(
                text,
                "Paragraph {n} says the port reopened after the storm. It cost {n} million.\n\n"
            );
        }
        let report = Report::from_text(
            std::path::Path::new("large.txt"),
            text,
            Encoding::Utf8,
            String::new(),
        );
        let mut app = App::new(report, None, Config::default(), None);
        update(&mut app, Action::Resize(120, 40));
        assert!(app.wrap_wanted.is_none(), "the first wrap is made at once");
        let wide = app.doc.width;
        update(&mut app, Action::LastSentence);
        update(&mut app, Action::Resize(70, 40));
        let narrow = app.wrap_wanted.expect("a large report waits for its wrap");
        assert_eq!(app.doc.width, wide, "the old rows are kept meanwhile");
        update(&mut app, Action::PrevSentence);
        let cursor = app.cursor;
        let workers = Workers::default();
        start(Arc::clone(&app.report), narrow, &workers);
        let Some(Input::Rewrapped(width, doc)) = workers.next() else {
            panic!("the rows come back as news")
        };
        assert_eq!(width, narrow);
        let there = WrappedDoc::new(&app.report.text, &app.report.sentences, narrow);
        assert_eq!(doc.rows, there.rows, "the same rows as a wrap made at once");
        app.rewrapped(doc);
        assert_eq!(app.doc.width, narrow);
        assert!(app.wrap_wanted.is_none());
        assert_eq!(app.cursor, cursor, "the reader keeps their place");
        let (first, _) = app.doc.rows_of(&app.sentence(cursor));
        assert!(
            (app.scroll..app.scroll + 40).contains(&first),
            "and sees it"
        );
        // Rows for a width no longer wanted are left alone.
        update(&mut app, Action::Resize(90, 40));
        app.rewrapped(WrappedDoc::new(&app.report.text, &app.report.sentences, 80));
        assert_eq!(app.doc.width, narrow);
    }
}
