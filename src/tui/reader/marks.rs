//! What the article's gutter says of each sentence: one mark per sentence, and which sentences
//! a wrapped row holds, so that a row holding a tagged and an untagged sentence, or a sentence
//! two authors read differently, shows it (the drawing is in `ui/article.rs`).
//!
//! A row shows the marks of the sentences that start on it, in order; a row where none starts
//! shows the mark of the sentence running through it. Every kind of mark is a variant of
//! [`SentenceMark`], computed in one place ([`App::sentence_mark`]).

use std::ops::Range;

use super::App;

/// The mark of one sentence in the gutter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SentenceMark<'a> {
    /// No claim and no pending suggestion.
    Plain,
    /// No claim, and read with nothing to claim (a no-claim mark, by anyone).
    Reviewed,
    /// A suggestion of this tag, pending.
    Suggested(&'a str),
    /// Claimed with this tag: by everyone who tagged it, or as the adjudicator agreed.
    Tagged(&'a str),
    /// Its authors' claims differ in tag, or in reliability letter where both graded (and
    /// nobody recorded the agreed reading yet), or a merge left two versions of one claim on it
    /// (or a copy whose other version was removed, still unresolved).
    Disagreement,
}

impl App {
    /// The gutter's mark for sentence `n`.
    pub fn sentence_mark(&self, n: usize) -> SentenceMark<'_> {
        let claims: Vec<usize> = self.claims_overlapping(&self.sentence(n)).collect();
        let Some(&first) = claims.first() else {
            if self.is_reviewed(n) {
                return SentenceMark::Reviewed;
            }
            return self
                .pending_suggestion(n)
                .and_then(|s| s.status())
                .map_or(SentenceMark::Plain, SentenceMark::Suggested);
        };
        let of = |i: usize| &self.sidecar.claims[i];
        if let Some(&agreed) = claims.iter().find(|&&i| of(i).is_agreed()) {
            return SentenceMark::Tagged(&of(agreed).status);
        }
        let conflict = claims.iter().any(|&i| self.in_conflict(i));
        // As `sidenote agree` and the adjudication view count it: another tag, or another
        // reliability letter where both graded.
        let letter = |i: usize| of(i).grade.map(crate::annotate::Grade::reliability);
        let authors_differ = claims.iter().any(|&i| {
            claims.iter().any(|&j| {
                of(i).author != of(j).author
                    && (of(i).status != of(j).status
                        || letter(i).zip(letter(j)).is_some_and(|(a, b)| a != b))
            })
        });
        if conflict || authors_differ {
            SentenceMark::Disagreement
        } else {
            SentenceMark::Tagged(&of(first).status)
        }
    }

    /// The sentences a wrapped row of the article stands for: those that start on it, in order,
    /// or else the one running through it (none on a blank row).
    pub fn sentences_on_row(&self, row: &Range<usize>) -> Vec<usize> {
        let sentences = &self.report.sentences;
        let first = sentences.partition_point(|s| s.start < row.start);
        let starting: Vec<usize> = (first..sentences.len())
            .take_while(|&n| sentences[n].start < row.end.max(row.start + 1))
            .collect();
        if !starting.is_empty() {
            return starting;
        }
        let running = first.checked_sub(1).filter(|&n| {
            let s = &sentences[n];
            s.start < row.end && row.start < s.end
        });
        running.into_iter().collect()
    }

    /// The marks of a row's sentences ([`Self::sentences_on_row`]), each mark once, in the
    /// order they first come.
    pub fn row_marks(&self, row: &Range<usize>) -> Vec<SentenceMark<'_>> {
        let mut marks: Vec<SentenceMark> = Vec::new();
        for n in self.sentences_on_row(row) {
            let mark = self.sentence_mark(n);
            if !marks.contains(&mark) {
                marks.push(mark);
            }
        }
        marks
    }
}

#[cfg(test)]
mod tests {
    use super::SentenceMark;
    use crate::config::keys::Action;
    use crate::tui::reader::suggestion_cache::Suggestions;
    use crate::tui::reader::{App, update};

    /// The team's reader, with no suggestions (their marks are tested with the screen).
    fn team_app(claims: &[(usize, &str, &str, Option<&str>)]) -> App {
        let mut app = crate::tui::reader::team::tests::team_app(claims);
        app.config.suggest.enabled = false;
        app.suggestions = Suggestions::new(&app.config);
        app
    }

    #[test]
    fn each_sentence_has_its_own_mark() {
        let app = team_app(&[
            (0, "sourced", "ana", None),
            (1, "sourced", "ana", None),
            (1, "unsourced", "ben", None),
            (2, "opinion", "ana", Some("B2")),
            (2, "opinion", "ben", Some("B3")),
            (3, "sourced", "ana", Some("B2")),
            (3, "sourced", "ben", Some("E2")),
        ]);
        assert_eq!(app.sentence_mark(0), SentenceMark::Tagged("sourced"));
        assert_eq!(app.sentence_mark(1), SentenceMark::Disagreement);
        assert_eq!(
            app.sentence_mark(2),
            SentenceMark::Tagged("opinion"),
            "the same letter"
        );
        assert_eq!(
            app.sentence_mark(3),
            SentenceMark::Disagreement,
            "another letter"
        );
        let alone = team_app(&[(3, "sourced", "ana", Some("B2"))]);
        assert_eq!(alone.sentence_mark(2), SentenceMark::Plain);
    }

    #[test]
    fn an_agreed_reading_settles_a_disagreement() {
        let mut app = team_app(&[(1, "sourced", "ana", None), (1, "unsourced", "ben", None)]);
        assert_eq!(app.sentence_mark(1), SentenceMark::Disagreement);
        update(&mut app, Action::Adjudicate);
        crate::tui::reader::team::tests::press(&mut app, '2');
        assert_eq!(app.sentence_mark(1), SentenceMark::Tagged("unsourced"));
    }

    #[test]
    fn a_row_stands_for_the_sentences_starting_on_it_or_the_one_running_through() {
        let app = team_app(&[(1, "sourced", "ana", None)]);
        let s = |n: usize| app.sentence(n);
        // A row holding the end of sentence 1 and all of 2 and 3.
        let row = s(0).start + 4..s(2).end;
        assert_eq!(app.sentences_on_row(&row), [1, 2]);
        assert_eq!(
            app.row_marks(&row),
            [SentenceMark::Tagged("sourced"), SentenceMark::Plain]
        );
        // A row inside sentence 2.
        let inside = s(1).start + 3..s(1).start + 8;
        assert_eq!(app.sentences_on_row(&inside), [1]);
        // An empty row after the last sentence: none.
        let end = app.report.text.len();
        assert!(app.sentences_on_row(&(end..end)).is_empty());
    }
}
