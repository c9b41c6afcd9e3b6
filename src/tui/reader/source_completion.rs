//! Completing the claim editor's Source field from the sources already cited: this report's
//! claims first counted, then the folder's when the reader was opened from the review screen
//! ([`super::App::folder_sources`]). The offer is worked out from the field's text each time
//! (see [`crate::corpus::sources::complete`]), so there is no state to keep in step: once taken,
//! the text is the offer, nothing more is offered, and `Tab` moves on as usual.

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
        let mut known = own;
        for (source, n) in &self.folder_sources {
            match known.iter_mut().find(|(s, _)| s == source) {
                Some((_, count)) => *count += n,
                None => known.push((source.clone(), *n)),
            }
        }
        known
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
