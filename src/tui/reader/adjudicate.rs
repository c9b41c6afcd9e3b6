//! Adjudication: walking the sentences where the authors disagree and recording the agreed
//! claim.
//!
//! The authors' own claims are never changed. The agreed reading is a claim of its own, made by
//! the adjudicator, labelled `agreed`, with `adjudicated_by` naming them and `agreed_from` the
//! id of the version accepted. So the disagreement stays on record and `sidenote agree` still
//! measures the annotators, not the adjudicator (agreed claims are left out of the figures).

use crossterm::event::KeyEvent;

use super::overlay::{Adjudication, Editor, Field, Overlay};
use super::{App, Effect};
use crate::annotate::merge::{CONFLICT_KEY, CONFLICT_LABEL};
use crate::annotate::{ADJUDICATED_BY, AGREED_LABEL, Claim, QUOTE_WAS, now};
use crate::config::keys::Key;
use crate::config::modes::AdjudicateAction;
use crate::corpus::agree::{Item, Table};

/// The extra key of an agreed claim naming the claim whose version was accepted.
pub const AGREED_FROM: &str = "agreed_from";

impl App {
    /// The authors and their claims on each tagged sentence, as `sidenote agree` sees them.
    pub fn agreement_table(&self) -> Table {
        Table::of(&self.report, &self.sidecar)
    }

    /// The index of the agreed claim starting in sentence `n`, if one was recorded.
    pub fn agreed_in(&self, n: usize) -> Option<usize> {
        let sentence = self.sentence(n);
        (0..self.sidecar.claims.len()).find(|&i| {
            self.sidecar.claims[i].is_agreed()
                && self
                    .claim_span(i)
                    .is_some_and(|s| sentence.contains(&s.start))
        })
    }

    /// Opens the view at the first disagreement at or after the cursor.
    pub(super) fn open_adjudication(&mut self) {
        let table = self.agreement_table();
        let sentences: Vec<usize> = table.disagreements().map(|i| i.sentence).collect();
        if sentences.is_empty() {
            self.message = Some(if table.authors.len() < 2 {
                "nothing to adjudicate: the claims here are by one author".to_owned()
            } else {
                "nothing to adjudicate: the authors agree on every sentence".to_owned()
            });
            return;
        }
        let at = sentences
            .iter()
            .position(|&s| s >= self.cursor)
            .unwrap_or(0);
        self.move_cursor(sentences[at]);
        self.overlay = Overlay::Adjudicate(Adjudication { sentences, at });
    }

    /// Keys of the adjudication view: move, accept a version, write one, close.
    pub(super) fn adjudicate_key(&mut self, event: KeyEvent) -> Option<Effect> {
        let Overlay::Adjudicate(view) = &mut self.overlay else {
            return None;
        };
        let count = view.sentences.len();
        let key = Key::from(event);
        let Some(action) = self.config.keys.adjudicate.adjudicate_action(key) else {
            // Not a key of this view: say so, rather than seem to ignore it.
            self.message = Some(format!(
                "{} does nothing in the adjudication view; {} closes it",
                key.label(),
                self.config
                    .keys
                    .adjudicate
                    .key_name(AdjudicateAction::Close)
            ));
            return None;
        };
        match action {
            AdjudicateAction::Next => view.at = (view.at + 1) % count,
            AdjudicateAction::Prev => view.at = (view.at + count - 1) % count,
            AdjudicateAction::Close => self.overlay = Overlay::None,
            AdjudicateAction::Write => {
                self.write_agreed();
                return None;
            }
            AdjudicateAction::Accept(column) => return self.accept(column),
        }
        if let Overlay::Adjudicate(view) = &self.overlay
            && let Some(n) = view.sentence()
        {
            self.move_cursor(n);
        }
        None
    }

    /// The item of the sentence shown, with the authors in column order.
    pub fn adjudicated_item(&self) -> Option<(Table, Item)> {
        let Overlay::Adjudicate(view) = &self.overlay else {
            return None;
        };
        let n = view.sentence()?;
        let table = self.agreement_table();
        let item = table.items.iter().find(|i| i.sentence == n)?.clone();
        Some((table, item))
    }

    /// Records the version of the author in `column` as the agreed claim of the sentence shown.
    fn accept(&mut self, column: usize) -> Option<Effect> {
        let (table, item) = self.adjudicated_item()?;
        let author = table.authors.get(column)?.clone();
        let Some(chosen) = item.claims.get(column).cloned().flatten() else {
            self.message = Some(format!(
                "{} left this sentence untagged: there is no claim to accept ({} writes one)",
                crate::report::safe(&author),
                self.config
                    .keys
                    .adjudicate
                    .key_name(AdjudicateAction::Write)
            ));
            return None;
        };
        if self.refuse_if_read_only() {
            return None;
        }
        let span = chosen.byte_span(&self.report)?;
        let existing = self.agreed_in(item.sentence);
        let mut agreed = match existing {
            Some(i) => self.sidecar.claims[i].clone(),
            None => Claim::new(
                &self.report,
                span.clone(),
                &chosen.status,
                &self.config.author,
                now(),
            ),
        };
        let before = agreed.clone();
        agreed.anchor_to(&self.report, span);
        agreed.status.clone_from(&chosen.status);
        agreed.source.clone_from(&chosen.source);
        agreed.grade = chosen.grade;
        agreed.note.clone_from(&chosen.note);
        agreed.labels = chosen
            .labels
            .iter()
            .filter(|l| *l != CONFLICT_LABEL && *l != AGREED_LABEL)
            .cloned()
            .chain([AGREED_LABEL.to_owned()])
            .collect();
        agreed.author.clone_from(&self.config.author);
        agreed.extra.remove(CONFLICT_KEY);
        agreed.extra.remove(QUOTE_WAS);
        agreed
            .extra
            .insert(ADJUDICATED_BY.to_owned(), self.config.author.clone().into());
        agreed
            .extra
            .insert(AGREED_FROM.to_owned(), chosen.id.clone().into());
        let who = crate::report::safe(&author).into_owned();
        if existing.is_some() && agreed == before {
            self.message = Some(format!("{who}'s version is already the agreed one"));
            return None;
        }
        agreed.updated = now();
        self.record_undo();
        let i = match existing {
            Some(i) => {
                self.sidecar.claims[i] = agreed;
                i
            }
            None => self.sidecar.add(agreed),
        };
        self.selected = Some(self.sidecar.claims[i].id.clone());
        self.message = Some(format!(
            "agreed: {who}'s version ({}); {} for the next disagreement",
            crate::report::safe(&chosen.status),
            self.config.keys.adjudicate.key_name(AdjudicateAction::Next)
        ));
        let effect = self.claims_changed();
        Some(effect)
    }

    /// Opens the claim editor on the agreed claim of the sentence shown (a new one, labelled
    /// `agreed`, when there is none yet); saving it records the adjudicator.
    fn write_agreed(&mut self) {
        let Some((_, item)) = self.adjudicated_item() else {
            return;
        };
        if self.refuse_if_read_only() {
            return;
        }
        let editor = if let Some(i) = self.agreed_in(item.sentence) {
            Editor::of_claim(
                &self.sidecar.claims[i],
                self.claim_span(i).cloned().unwrap_or(0..0),
                Field::Source,
            )
        } else {
            let first = item.claims.iter().flatten().next();
            let span = first
                .and_then(|c| c.byte_span(&self.report))
                .unwrap_or_else(|| self.sentence(item.sentence));
            let status = first.map(|c| c.status.clone()).unwrap_or_default();
            let mut editor = Editor::new_claim(span, status, "", None);
            editor.markers.push(AGREED_LABEL.to_owned());
            editor
        };
        self.overlay = Overlay::Editor(Box::new(editor));
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::config::keys::Action;
    use crate::tui::reader::team::tests::{press, team_app};
    use crate::tui::reader::update;
    use crossterm::event::{KeyCode, KeyModifiers};

    fn disagreeing() -> App {
        team_app(&[
            (0, "sourced", "ana", Some("B2")),
            (0, "sourced", "ben", Some("B2")),
            (1, "sourced", "ana", Some("B2")),
            (1, "unsourced", "ben", None),
            (3, "opinion", "ben", Some("C3")),
        ])
    }

    fn agreed(app: &App) -> Vec<&Claim> {
        app.sidecar
            .claims
            .iter()
            .filter(|c| c.is_agreed())
            .collect()
    }

    #[test]
    fn the_view_walks_only_the_disagreements() {
        let mut app = disagreeing();
        update(&mut app, Action::Adjudicate);
        let Overlay::Adjudicate(view) = &app.overlay else {
            panic!("open")
        };
        assert_eq!(view.sentences, [1, 3]);
        assert_eq!(app.cursor, 1);
        press(&mut app, 'j');
        assert_eq!(app.cursor, 3);
        press(&mut app, 'j');
        assert_eq!(app.cursor, 1, "wraps round");
        press(&mut app, 'k');
        assert_eq!(app.cursor, 3);
        app.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
        assert_eq!(app.overlay, Overlay::None);
    }

    #[test]
    fn accepting_a_version_records_an_agreed_claim_and_keeps_both_authors() {
        let mut app = disagreeing();
        update(&mut app, Action::Adjudicate);
        let ben = app
            .sidecar
            .claims
            .iter()
            .find(|c| c.author == "ben" && c.status == "unsourced")
            .unwrap()
            .id
            .clone();
        assert_eq!(press(&mut app, '2'), Some(Effect::Save));
        let agreed_claims = agreed(&app);
        assert_eq!(agreed_claims.len(), 1);
        let claim = agreed_claims[0];
        assert_eq!(claim.status, "unsourced");
        assert_eq!(claim.author, "tester");
        assert_eq!(claim.extra[ADJUDICATED_BY].as_str(), Some("tester"));
        assert_eq!(claim.extra[AGREED_FROM].as_str(), Some(ben.as_str()));
        assert_eq!(app.sidecar.claims.len(), 6, "the authors' claims stay");
        assert_eq!(press(&mut app, '2'), None, "already agreed");
        assert_eq!(press(&mut app, '1'), Some(Effect::Save));
        let agreed_claims = agreed(&app);
        assert_eq!(
            agreed_claims.len(),
            1,
            "the agreed claim is updated, not doubled"
        );
        assert_eq!(agreed_claims[0].status, "sourced");
        assert_eq!(agreed_claims[0].grade, "B2".parse().ok());
        // The figures still compare ana and ben only.
        let table = app.agreement_table();
        assert_eq!(table.authors, ["ana", "ben"]);
        assert_eq!(
            press(&mut app, 'z'),
            None,
            "the view takes its own keys only"
        );
        assert_eq!(agreed(&app).len(), 1);
    }

    #[test]
    fn the_views_keys_and_messages_follow_keys_adjudicate() {
        let mut app = disagreeing();
        let text = "[keys.adjudicate]\n\"l\" = \"next\"\n\"j\" = \"none\"\n\"w\" = \"write\"\n\"e\" = \"none\"\n";
        app.config.keys =
            crate::config::Config::from_str_with_defaults(text, std::path::Path::new("c.toml"))
                .unwrap()
                .keys;
        update(&mut app, Action::Adjudicate);
        assert_eq!(app.cursor, 1);
        press(&mut app, 'j');
        assert_eq!(app.cursor, 1, "j is unbound in the view");
        assert_eq!(
            app.message.as_deref(),
            Some("j does nothing in the adjudication view; A closes it")
        );
        assert_eq!(press(&mut app, '2'), Some(Effect::Save));
        assert_eq!(
            app.message.as_deref(),
            Some("agreed: ben's version (unsourced); l for the next disagreement"),
            "the message names the key bound to next"
        );
        press(&mut app, 'l');
        assert_eq!(app.cursor, 3, "l moves on");
        press(&mut app, '1');
        assert_eq!(
            app.message.as_deref(),
            Some("ana left this sentence untagged: there is no claim to accept (w writes one)")
        );
    }

    #[test]
    fn an_untagged_version_cannot_be_accepted_but_one_can_be_written() {
        let mut app = disagreeing();
        update(&mut app, Action::Adjudicate);
        press(&mut app, 'j');
        assert_eq!(press(&mut app, '1'), None);
        assert!(
            app.message
                .as_deref()
                .unwrap()
                .contains("ana left this sentence untagged")
        );
        press(&mut app, 'e');
        let Overlay::Editor(editor) = &app.overlay else {
            panic!("editor")
        };
        assert_eq!(editor.markers, [AGREED_LABEL]);
        assert_eq!(editor.status, "opinion");
        let saved = app.on_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
        assert_eq!(saved, Some(Effect::Save));
        let agreed_claims = agreed(&app);
        assert_eq!(agreed_claims.len(), 1);
        assert_eq!(
            agreed_claims[0].extra[ADJUDICATED_BY].as_str(),
            Some("tester")
        );
    }

    #[test]
    fn with_nothing_to_adjudicate_the_view_says_so() {
        let mut app = team_app(&[(0, "sourced", "ana", None), (0, "sourced", "ben", None)]);
        update(&mut app, Action::Adjudicate);
        assert_eq!(app.overlay, Overlay::None);
        assert!(
            app.message
                .as_deref()
                .unwrap()
                .contains("agree on every sentence")
        );
    }
}
