//! Several annotators on one report: whose claim is whose, grading one's own claims with the
//! quick keys, and showing one author's claims at a time.

use super::{App, Effect, Focus};
use crate::annotate::{Grade, now};

impl App {
    /// Whether claim `i` is the user's own: made under the configured author. Only those are
    /// changed by the tag, grade and remove keys, so a colleague's reading is never overwritten.
    pub fn is_own(&self, i: usize) -> bool {
        self.sidecar
            .claims
            .get(i)
            .is_some_and(|c| c.author == self.config.author)
    }

    /// The message for a key that would change a colleague's claim.
    pub(super) fn not_yours(&self, i: usize) -> String {
        let author = self.sidecar.claims.get(i).map_or("", |c| c.author.as_str());
        format!(
            "that is {}'s claim; only they change it (your tag keys add your own)",
            crate::report::safe(author)
        )
    }

    /// The user's own claim the tag, grade, remove and edit keys act on: the selected claim
    /// when it is theirs and overlaps the cursor sentence, else their first (not agreed) claim
    /// there. A colleague's claim picked in the panel is never swapped for one's own.
    pub fn own_claim_under_cursor(&self) -> Option<usize> {
        if let Some(i) = self.claim_under_cursor()
            && self.selected_index() == Some(i)
        {
            if self.is_own(i) {
                return Some(i);
            }
            if self.focus == Focus::Panel {
                return None;
            }
        }
        let sentence = self.sentence(self.cursor);
        self.claims_overlapping(&sentence)
            .find(|&i| self.is_own(i) && !self.sidecar.claims[i].is_agreed())
    }

    /// Moves the grade of the user's own claim under the cursor one step along the scale:
    /// `reliability` steps the letter, otherwise the digit.
    pub(super) fn cycle_grade(&mut self, reliability: bool) -> Option<Effect> {
        if self.refuse_if_read_only() {
            return None;
        }
        let Some(i) = self.own_claim_under_cursor() else {
            self.message = Some(match self.claim_under_cursor() {
                Some(j) => self.not_yours(j),
                None => "tag the sentence first: a grade belongs to a claim".to_owned(),
            });
            return None;
        };
        self.record_undo();
        let claim = &mut self.sidecar.claims[i];
        let grade = if reliability {
            Grade::cycle_reliability(claim.grade)
        } else {
            Grade::cycle_credibility(claim.grade)
        };
        claim.grade = Some(grade);
        claim.updated = now();
        self.message = Some(format!("grade {grade}: {}", grade.meaning()));
        self.selected = Some(claim.id.clone());
        Some(self.claims_changed())
    }

    /// Every author with a claim in this report, sorted.
    pub fn authors(&self) -> Vec<String> {
        let mut authors: Vec<String> = self
            .sidecar
            .claims
            .iter()
            .map(|c| c.author.clone())
            .collect();
        authors.sort();
        authors.dedup();
        authors
    }

    /// Shows the next author's claims only in the panel, then all again.
    pub(super) fn cycle_author(&mut self) {
        let authors = self.authors();
        let next = match &self.author_filter {
            None => authors.first(),
            Some(current) => authors
                .iter()
                .position(|a| a == current)
                .and_then(|i| authors.get(i + 1)),
        };
        self.author_filter = next.cloned();
        self.message = Some(match &self.author_filter {
            Some(a) => format!(
                "showing {}'s claims ({}: next author)",
                crate::report::safe(a),
                self.config
                    .keys
                    .key_name(crate::config::keys::Action::CycleAuthor)
            ),
            None => "showing every author's claims".to_owned(),
        });
        self.panel_scroll = 0;
        self.keep_panel_selection_visible();
    }
}

#[cfg(test)]
pub(super) mod tests {
    #![allow(clippy::unwrap_used)]
    use std::path::Path;

    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use crate::annotate::{Claim, Grade, Sidecar, now};
    use crate::config::Config;
    use crate::config::keys::Action;
    use crate::report::{Encoding, Report};
    use crate::tui::reader::{App, Effect, update};

    const TEXT: &str = "The ferry left at dawn. The captain said the engines were serviced. \
Smoke was seen near the stern. The operator denied any fault.";

    /// A reader as `tester`, on a report where `claims` (sentence, tag, author, grade) are made.
    pub fn team_app(claims: &[(usize, &str, &str, Option<&str>)]) -> App {
        let report = Report::from_text(
            Path::new("report.txt"),
            TEXT.to_owned(),
            Encoding::Utf8,
            "hash".into(),
        );
        let mut sidecar = Sidecar::new(&report);
        for (n, status, author, grade) in claims {
            let span = report.sentences[*n].clone();
            let mut claim = Claim::new(&report, span, status, author, now());
            claim.grade = grade.map(|g| g.parse().unwrap());
            // Claims on the same words are ordered by id: fixed ids keep the tests repeatable.
            claim.id = format!("{author}-{n}");
            sidecar.add(claim);
        }
        let config = Config {
            author: "tester".to_owned(),
            ..Config::default()
        };
        let mut app = App::new(report, Some(sidecar), config, None);
        update(&mut app, Action::Resize(120, 30));
        app
    }

    pub fn press(app: &mut App, c: char) -> Option<Effect> {
        app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    fn mine(app: &App) -> Vec<(String, String)> {
        let mut out: Vec<_> = app
            .sidecar
            .claims
            .iter()
            .map(|c| (c.author.clone(), c.status.clone()))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_tag_key_adds_your_own_claim_beside_a_colleagues() {
        let mut app = team_app(&[(0, "sourced", "ana", Some("B2"))]);
        assert_eq!(update(&mut app, Action::Tag(1)), Some(Effect::Save));
        assert_eq!(
            mine(&app),
            [
                ("ana".into(), "sourced".into()),
                ("tester".into(), "unsourced".into())
            ]
        );
        // The next tag key changes the user's own claim, never ana's.
        update(&mut app, Action::Tag(2));
        assert_eq!(
            mine(&app),
            [
                ("ana".into(), "sourced".into()),
                ("tester".into(), "disputed".into())
            ]
        );
        assert_eq!(
            app.sidecar
                .claims
                .iter()
                .filter(|c| c.grade.is_some())
                .count(),
            1
        );
    }

    #[test]
    fn a_colleagues_claim_is_neither_removed_nor_graded() {
        let mut app = team_app(&[(0, "sourced", "ana", None)]);
        assert_eq!(update(&mut app, Action::RemoveClaim), None);
        assert!(app.message.as_deref().unwrap().contains("ana's claim"));
        assert_eq!(update(&mut app, Action::CycleReliability), None);
        assert!(app.message.as_deref().unwrap().contains("ana's claim"));
        assert_eq!(app.sidecar.claims.len(), 1);
        assert_eq!(app.sidecar.claims[0].grade, None);
    }

    #[test]
    fn remove_takes_your_own_claim_unless_a_colleagues_is_picked_in_the_panel() {
        let mut app = team_app(&[(0, "sourced", "ana", None), (0, "opinion", "tester", None)]);
        assert_eq!(
            app.selected_index()
                .map(|i| app.sidecar.claims[i].author.as_str()),
            Some("ana")
        );
        update(&mut app, Action::SwitchFocus);
        assert_eq!(
            update(&mut app, Action::RemoveClaim),
            None,
            "ana's, picked in the panel"
        );
        update(&mut app, Action::SwitchFocus);
        assert_eq!(update(&mut app, Action::RemoveClaim), Some(Effect::Save));
        assert_eq!(mine(&app), [("ana".into(), "sourced".into())]);
    }

    #[test]
    fn grade_keys_step_your_claims_grade_along_the_scale() {
        let mut app = team_app(&[(1, "sourced", "tester", None)]);
        assert_eq!(
            update(&mut app, Action::CycleReliability),
            None,
            "no claim here"
        );
        update(&mut app, Action::NextSentence);
        assert_eq!(press(&mut app, 'r'), Some(Effect::Save));
        assert_eq!(app.sidecar.claims[0].grade, Grade::new('A', 6));
        press(&mut app, 'r');
        press(&mut app, 'c');
        assert_eq!(app.sidecar.claims[0].grade, Grade::new('B', 1));
        press(&mut app, 'c');
        assert_eq!(app.sidecar.claims[0].grade, Grade::new('B', 2));
        assert!(app.message.as_deref().unwrap().contains("usually reliable"));
        assert_eq!(update(&mut app, Action::Undo), Some(Effect::Save));
        assert_eq!(app.sidecar.claims[0].grade, Grade::new('B', 1));
    }

    #[test]
    fn the_author_filter_cycles_through_the_authors() {
        let mut app = team_app(&[
            (0, "sourced", "ana", None),
            (0, "unsourced", "ben", None),
            (2, "opinion", "ana", None),
        ]);
        assert_eq!(app.visible_claims().len(), 3);
        press(&mut app, 'a');
        assert_eq!(app.author_filter.as_deref(), Some("ana"));
        let shown: Vec<&str> = app
            .visible_claims()
            .iter()
            .map(|&i| app.sidecar.claims[i].author.as_str())
            .collect();
        assert_eq!(shown, ["ana", "ana"]);
        press(&mut app, 'a');
        assert_eq!(app.visible_claims().len(), 1);
        press(&mut app, 'a');
        assert_eq!(app.author_filter, None);
        assert_eq!(app.visible_claims().len(), 3);
    }
}
