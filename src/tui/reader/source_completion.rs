//! Completing the claim editor's Source field from the sources already cited: this report's
//! claims first counted, then the folder's when the reader was opened from the review screen
//! ([`super::App::folder_sources`]). The offer is worked out from the field's text each time
//! (see [`crate::corpus::sources::complete`]), so there is no state to keep in step: once taken,
//! the text is the offer, nothing more is offered, and `Tab` moves on as usual.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent};

use super::App;
use super::overlay::{Field, Overlay};
use crate::corpus::sources;
use crate::tui::input::TextInput;

impl App {
    /// The sources cited so far, each spelling with how many claims cite it: this report's and
    /// the folder's, added up.
    fn known_sources(&self) -> Vec<(String, usize)> {
        let own = sources::count(
            self.sidecar
                .claims
                .iter()
                .filter_map(|c| c.source.as_deref()),
        );
        let mut known: BTreeMap<&str, usize> = BTreeMap::new();
        for (source, n) in own.iter().chain(&self.folder_sources) {
            *known.entry(source.as_str()).or_default() += n;
        }
        known
            .into_iter()
            .map(|(source, n)| (source.to_owned(), n))
            .collect()
    }

    /// The source the editor offers for what its Source field holds, while the cursor is there.
    pub fn source_completion(&self) -> Option<String> {
        let Overlay::Editor(editor) = &self.overlay else {
            return None;
        };
        if editor.field != Field::Source {
            return None;
        }
        sources::complete(editor.source.text(), &self.known_sources())
    }

    /// Takes the offered source when `event` is `Tab`, or `→` with the cursor at the end of the
    /// field; whether it did (the key is then used up).
    pub(super) fn accept_source_completion(&mut self, event: KeyEvent) -> bool {
        let Overlay::Editor(editor) = &self.overlay else {
            return false;
        };
        let at_end = {
            let (_, col) = editor.source.cursor_line_col();
            col == editor.source.text().chars().count()
        };
        let accepts = match event.code {
            KeyCode::Tab => true,
            KeyCode::Right => event.modifiers.is_empty() && at_end,
            _ => false,
        };
        if !accepts {
            return false;
        }
        let Some(offer) = self.source_completion() else {
            return false;
        };
        if let Overlay::Editor(editor) = &mut self.overlay {
            editor.source = TextInput::new(&offer);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::path::Path;

    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use crate::annotate::{Claim, Sidecar, now};
    use crate::config::Config;
    use crate::config::keys::{Action, Key};
    use crate::report::{Encoding, Report};
    use crate::tui::reader::{App, Field, Overlay, update};

    const TEXT: &str =
        "The port will reopen. Repairs are done. The cost is unknown. Nobody was hurt.";

    /// A reader whose first two sentences cite `Rafael T. Osei` and `Reuters`.
    fn app() -> App {
        let report = Report::from_text(
            Path::new("r.txt"),
            TEXT.to_owned(),
            Encoding::Utf8,
            String::new(),
        );
        let mut sidecar = Sidecar::new(&report);
        for (n, source) in ["Rafael T. Osei", "Reuters"].into_iter().enumerate() {
            let span = report.sentences[n].clone();
            let mut claim = Claim::new(&report, span, "sourced", "tester", now());
            claim.source = Some(source.to_owned());
            sidecar.add(claim);
        }
        let mut config = Config {
            author: "tester".to_owned(),
            ..Config::default()
        };
        config.suggest.enabled = false;
        let mut app = App::new(report, Some(sidecar), config, None);
        update(&mut app, Action::Resize(120, 30));
        app
    }

    fn press(app: &mut App, name: &str) {
        let key = Key::parse(name).unwrap();
        app.on_key(KeyEvent::new(key.code, key.modifiers));
    }

    fn typed(app: &mut App, text: &str) {
        for c in text.chars() {
            app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    /// Tags the third sentence and opens the editor on its (empty) Source field.
    fn editing_third(app: &mut App) {
        update(app, Action::NextSentence);
        update(app, Action::NextSentence);
        press(app, "s");
        update(app, Action::EditClaim);
        assert_eq!(field(app), Some(Field::Source));
    }

    fn field(app: &App) -> Option<Field> {
        match &app.overlay {
            Overlay::Editor(editor) => Some(editor.field),
            _ => None,
        }
    }

    fn source(app: &App) -> String {
        match &app.overlay {
            Overlay::Editor(editor) => editor.source.text().to_owned(),
            _ => String::new(),
        }
    }

    #[test]
    fn a_known_source_is_offered_and_tab_takes_it_then_moves_on() {
        let mut app = app();
        editing_third(&mut app);
        assert_eq!(
            app.source_completion(),
            None,
            "nothing typed, nothing offered"
        );
        typed(&mut app, "raf");
        assert_eq!(app.source_completion().as_deref(), Some("Rafael T. Osei"));
        press(&mut app, "Tab");
        assert_eq!(source(&app), "Rafael T. Osei");
        assert_eq!(field(&app), Some(Field::Source), "Tab took the offer");
        assert_eq!(app.source_completion(), None);
        press(&mut app, "Tab");
        assert_eq!(field(&app), Some(Field::Kind), "Tab again moves on");
        assert_eq!(
            app.source_completion(),
            None,
            "offered in the Source field only"
        );
    }

    #[test]
    fn right_takes_the_offer_only_at_the_end_of_the_field() {
        let mut app = app();
        editing_third(&mut app);
        typed(&mut app, "Reu");
        press(&mut app, "Left");
        press(&mut app, "Right");
        assert_eq!(
            source(&app),
            "Reu",
            "Right moved the cursor back to the end"
        );
        press(&mut app, "Right");
        assert_eq!(source(&app), "Reuters");
    }

    #[test]
    fn another_spelling_offers_the_known_one() {
        let mut app = app();
        editing_third(&mut app);
        typed(&mut app, "Mr Osei");
        assert_eq!(app.source_completion().as_deref(), Some("Rafael T. Osei"));
        press(&mut app, "Tab");
        press(&mut app, "Enter");
        assert_eq!(
            app.sidecar.claims[2].source.as_deref(),
            Some("Rafael T. Osei"),
            "saved as the known spelling"
        );
    }

    #[test]
    fn nothing_offered_leaves_tab_moving_between_fields() {
        let mut app = app();
        editing_third(&mut app);
        typed(&mut app, "Amina Yusuf");
        assert_eq!(app.source_completion(), None);
        press(&mut app, "Tab");
        assert_eq!(field(&app), Some(Field::Kind));
        assert_eq!(source(&app), "Amina Yusuf");
    }

    #[test]
    fn the_folders_sources_count_with_the_reports_own() {
        let mut app = app();
        app.folder_sources = vec![("Reuters Health".to_owned(), 5), ("Reuters".to_owned(), 1)];
        editing_third(&mut app);
        typed(&mut app, "re");
        assert_eq!(
            app.source_completion().as_deref(),
            Some("Reuters Health"),
            "the most used first: 5 in the folder against 2"
        );
        typed(&mut app, "uters ");
        assert_eq!(app.source_completion().as_deref(), Some("Reuters Health"));
    }
}
