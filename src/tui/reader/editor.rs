//! The claim editor and the search prompt: keys typed into them, opening the editor on a claim
//! or a selection, and saving what it holds.

use crossterm::event::{KeyCode, KeyEvent};

use super::find::Search;
use super::overlay::{Editor, Field, Overlay};
use super::{App, Effect, Focus};
use crate::annotate::{ADJUDICATED_BY, Claim, QUOTE_WAS, SourceKind, now};
use crate::config::keys::Key;
use crate::config::modes::{EditorAction, PromptAction};
use crate::tui::input::TextInput;

impl App {
    /// Closes the editor without saving. What was typed is never thrown away by one key: over
    /// changed fields the first press of the cancel key asks (`armed` is then set), the second
    /// discards; saving stays one key away.
    fn cancel_editor(&mut self, armed: bool) {
        let Overlay::Editor(editor) = &mut self.overlay else {
            return;
        };
        if editor.changed() && !armed {
            editor.discard_armed = true;
            let keys = &self.config.keys.editor;
            let again = keys.key_name(EditorAction::Cancel);
            let save = keys.key_name(EditorAction::Save);
            self.message = Some(format!(
                "{again} again discards what you typed; {save} saves it"
            ));
            return;
        }
        self.overlay = Overlay::None;
        if armed {
            self.message = Some("discarded: the claim is as it was".to_owned());
        }
    }

    pub(super) fn type_key(&mut self, event: KeyEvent) -> Option<Effect> {
        if let Overlay::Search(input, origin) = &mut self.overlay {
            let origin = *origin;
            match self.config.keys.search.action(Key::from(event)) {
                Some(PromptAction::Cancel) => self.cancel_search(origin),
                Some(PromptAction::Keep) => {
                    self.overlay = Overlay::None;
                    if self.search.matches.is_empty() && !self.search.query.is_empty() {
                        self.message = Some(format!("not found: {}", self.search.query));
                    }
                }
                None => {
                    input.edit(event, false);
                    let query = input.text().to_owned();
                    self.run_search(&query, origin);
                }
            }
            return None;
        }
        if self.accept_source_completion(event) {
            return None;
        }
        let Overlay::Editor(editor) = &mut self.overlay else {
            return None;
        };
        let keys = &self.config.keys.editor;
        let action = keys.editor_action(Key::from(event), editor.field == Field::Note);
        let armed = std::mem::take(&mut editor.discard_armed);
        match action {
            Some(EditorAction::Cancel) => {
                self.cancel_editor(armed);
                return None;
            }
            Some(EditorAction::Save) => return self.save_editor(),
            Some(EditorAction::ExternalNote) => {
                editor.field = Field::Note;
                return Some(Effect::EditNote);
            }
            Some(EditorAction::NextField) => editor.field = editor.field.step(true),
            Some(EditorAction::PrevField) => editor.field = editor.field.step(false),
            None => {
                let names: Vec<String> = self.config.tags.iter().map(|t| t.name.clone()).collect();
                let current = names.iter().position(|n| *n == editor.status);
                let pressed = Key::new(event.code, event.modifiers);
                let by_key = self.config.tags.iter().position(|t| t.key == pressed);
                match editor.field {
                    Field::Tag => {
                        let chosen = match (by_key, event.code) {
                            (Some(i), _) => Some(i),
                            (None, KeyCode::Left | KeyCode::Char('h')) => Some(
                                current
                                    .map_or(names.len(), |c| c + names.len())
                                    .saturating_sub(1)
                                    % names.len().max(1),
                            ),
                            (None, KeyCode::Right | KeyCode::Char('l' | ' ')) => {
                                Some(current.map_or(0, |c| (c + 1) % names.len().max(1)))
                            }
                            _ => None,
                        };
                        if let Some(name) = chosen.and_then(|i| names.get(i)) {
                            name.clone_into(&mut editor.status);
                            editor.tag_before_source = None;
                        } else if let KeyCode::Char(c) = event.code {
                            // Typed text would be lost here: say where it goes instead.
                            let keys: Vec<String> =
                                self.config.tags.iter().map(|t| t.key.label()).collect();
                            self.message = Some(format!(
                                "“{}” is not a tag key: the tag takes {} or ←/→; Tab to type the source",
                                crate::report::safe(&c.to_string()),
                                keys.join(" ")
                            ));
                        }
                    }
                    Field::Source => editor.edit_source(event, &names),
                    Field::Kind => {
                        editor.source_kind = match event.code {
                            KeyCode::Left | KeyCode::Char('h') => {
                                cycle_kind(editor.source_kind, false)
                            }
                            KeyCode::Right | KeyCode::Char('l' | ' ') => {
                                cycle_kind(editor.source_kind, true)
                            }
                            KeyCode::Char(c) => {
                                // As on the Tag field: say where typed text goes, never drop it
                                // without a word.
                                self.message = Some(format!(
                                    "“{}” picks no kind: ←/→ or Space pick named or anonymous; Tab to the next field",
                                    crate::report::safe(&c.to_string())
                                ));
                                editor.source_kind
                            }
                            _ => editor.source_kind,
                        };
                    }
                    Field::Grade => editor.grade.edit(event, false),
                    Field::Note => editor.note.edit(event, true),
                    Field::Labels => editor.labels.edit(event, false),
                }
            }
        }
        None
    }

    /// The note in the open claim editor, for the user's `$EDITOR`.
    pub fn editor_note(&self) -> Option<&str> {
        match &self.overlay {
            Overlay::Editor(editor) => Some(editor.note.text()),
            _ => None,
        }
    }

    /// Puts the note edited in `$EDITOR` back into the claim editor (saved, as any change
    /// there, with Ctrl-s or Enter), or says why it is unchanged.
    pub fn note_edited(&mut self, result: Result<String, String>) {
        match (&mut self.overlay, result) {
            (Overlay::Editor(editor), Ok(note)) => {
                editor.note = TextInput::new(&note);
                editor.field = Field::Note;
                let save = self.config.keys.editor.key_name_in_note(EditorAction::Save);
                self.message = Some(format!("note edited; {save} saves the claim"));
            }
            (_, Err(why)) => self.message = Some(why),
            (_, Ok(_)) => {}
        }
    }

    pub(super) fn cancel_search(&mut self, origin: usize) {
        self.overlay = Overlay::None;
        self.search = Search::default();
        self.move_cursor(origin);
    }

    pub(super) fn save_editor(&mut self) -> Option<Effect> {
        let Overlay::Editor(mut editor) = std::mem::replace(&mut self.overlay, Overlay::None)
        else {
            return None;
        };
        if self.refuse_if_read_only() {
            return None;
        }
        let grade = match crate::annotate::Grade::parse_optional(editor.grade.text()) {
            Ok(grade) => grade,
            Err(error) => {
                self.message = Some(error.to_string());
                editor.field = Field::Grade;
                self.overlay = Overlay::Editor(editor);
                return None;
            }
        };
        let status = editor.status.clone();
        if status.is_empty() {
            return None;
        }
        let (labels, refused) = editor.labels_to_save();
        if !refused.is_empty() {
            self.message = Some(format!(
                "left out {}: set by sidenote itself (adjudication, merges), not typed",
                refused.join(", ")
            ));
        }
        let index = editor
            .claim
            .as_ref()
            .and_then(|id| self.sidecar.claims.iter().position(|c| &c.id == id));
        let mut claim = match index {
            Some(i) => self.sidecar.claims[i].clone(),
            None => Claim::new(
                &self.report,
                editor.span.clone(),
                &status,
                &self.config.author,
                now(),
            ),
        };
        let before = claim.clone();
        claim.status = status;
        claim.set_details(editor.source.text(), editor.note.text(), labels);
        claim.source_kind = editor.source_kind;
        claim.grade = grade;
        if claim.is_agreed() && !claim.extra.contains_key(ADJUDICATED_BY) {
            claim
                .extra
                .insert(ADJUDICATED_BY.to_owned(), self.config.author.clone().into());
        }
        claim.extra.remove(QUOTE_WAS);
        if index.is_some() && claim == before {
            return None;
        }
        claim.updated = now();
        self.record_undo();
        let i = match index {
            Some(i) => {
                self.sidecar.claims[i] = claim;
                i
            }
            None => self.sidecar.add(claim),
        };
        self.selected = Some(self.sidecar.claims[i].id.clone());
        self.selection = None;
        Some(self.claims_changed())
    }

    pub(super) fn open_editor(&mut self) {
        if self.focus == Focus::Panel {
            self.focus = Focus::Article;
            if let Some(span) = self
                .selected_index()
                .and_then(|i| self.claim_span(i).cloned())
            {
                self.move_cursor(self.report.sentence_at(span.start));
            }
            return;
        }
        if self.refuse_if_read_only() || self.report.sentences.is_empty() {
            return;
        }
        let editor = if let Some(i) = self
            .own_claim_under_cursor()
            .filter(|_| self.selection.is_none())
        {
            Editor::of_claim(
                &self.sidecar.claims[i],
                self.claim_span(i).cloned().unwrap_or(0..0),
                Field::Source,
            )
        } else {
            let (status, source, source_kind) = self
                .suggested_fields()
                .filter(|_| self.selection.is_none())
                .unwrap_or_else(|| {
                    let first = self.config.tags.first().map(|t| t.name.clone());
                    (first.unwrap_or_default(), String::new(), None)
                });
            let span = self
                .selection
                .map_or_else(|| self.sentence(self.cursor), |s| s.start..s.end);
            Editor::new_claim(span, status, &source, source_kind)
        };
        self.overlay = Overlay::Editor(Box::new(editor));
    }
}

/// The editor's kind of source after a Right (`forward`) or Left: not said, named, anonymous,
/// round again.
fn cycle_kind(kind: Option<SourceKind>, forward: bool) -> Option<SourceKind> {
    let order = [None, Some(SourceKind::Named), Some(SourceKind::Anonymous)];
    let i = order.iter().position(|k| *k == kind).unwrap_or(0);
    let step = if forward { 1 } else { order.len() - 1 };
    order[(i + step) % order.len()]
}

#[cfg(test)]
mod tests;
