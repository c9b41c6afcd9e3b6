//! The reader's whole state and the one function that changes it.
//!
//! `update` turns an [`Action`] into new state and, when a file must change, an [`Effect`] for
//! the event loop to carry out. Nothing here draws or touches a file, so every behaviour of the
//! reader is tested with plain values.

use std::ops::Range;
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};

use super::find::Search;
use super::input::TextInput;
use super::layout::{self, Areas};
use super::suggestions::Suggestions;
use super::wrap::WrappedDoc;
use crate::annotate::merge::{CONFLICT_LABEL, Merged, merge};
use crate::annotate::{
    ADJUDICATED_BY, Anchor, Claim, ClaimId, QUOTE_WAS, Sidecar, document_order, now, reanchor_all,
};
use crate::config::Config;
use crate::config::keys::Action;
use crate::config::keys::Key;
use crate::report::Report;

/// Rows kept visible above and below the cursor when scrolling, as `scrolloff` does in vim.
const SCROLL_MARGIN: usize = 2;
/// Rows the mouse wheel scrolls.
const WHEEL_ROWS: usize = 3;
/// Rows each claim takes in the panel: badge and source, then two lines of quote.
pub const PANEL_ITEM_ROWS: usize = 3;

/// What the event loop must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Write the sidecar (the claims changed).
    Save,
    /// Leave the reader.
    Quit,
    /// Open the claim editor's note in the user's `$EDITOR`; the result comes back through
    /// [`App::note_edited`].
    EditNote,
}

/// Which pane the movement keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The article: keys move the sentence cursor.
    Article,
    /// The claims panel: keys move between claims.
    Panel,
}

/// A field of the claim editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The tag, chosen with Left/Right or the tag's key.
    Tag,
    /// Who the claim is attributed to.
    Source,
    /// The source's grade on the Admiralty scale (`B2`), empty for none.
    Grade,
    /// Free text; Enter starts a new line.
    Note,
    /// Comma-separated labels.
    Labels,
}

impl Field {
    const ORDER: [Self; 5] = [
        Self::Tag,
        Self::Source,
        Self::Grade,
        Self::Note,
        Self::Labels,
    ];

    fn step(self, forward: bool) -> Self {
        let i = Self::ORDER.iter().position(|f| *f == self).unwrap_or(0);
        let n = Self::ORDER.len();
        Self::ORDER[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

/// The claim editor: the fields being edited, applied only on save.
#[derive(Debug, Clone, PartialEq)]
pub struct Editor {
    /// The claim being edited, or `None` for a new claim over `span`.
    pub claim: Option<ClaimId>,
    /// The byte range the claim covers.
    pub span: Range<usize>,
    /// Index of the chosen tag in the config.
    /// The chosen tag. It may be one the config does not know (a colleague's), which is kept
    /// unless the user picks another.
    pub status: String,
    /// The field with the cursor.
    pub field: Field,
    /// The source field.
    pub source: TextInput,
    /// The grade field (`B2`, or empty).
    pub grade: TextInput,
    /// The note field.
    pub note: TextInput,
    /// The labels field, comma-separated.
    pub labels: TextInput,
}

/// What covers the main screen, if anything.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    /// Nothing: the article and the panel take keys.
    None,
    /// The help screen, scrolled by this many rows.
    Help(usize),
    /// The claim editor.
    Editor(Box<Editor>),
    /// The search prompt, and the cursor sentence to return to on `Esc`.
    Search(TextInput, usize),
    /// The adjudication view: the sentences where the authors disagree, one at a time.
    Adjudicate(super::adjudicate::Adjudication),
}

/// Sentences (and words) being selected to tag as one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// The sentence where the selection began.
    pub anchor: usize,
    /// Byte range selected.
    pub start: usize,
    /// End of the byte range (exclusive).
    pub end: usize,
}

/// Whether the claims on screen are the claims on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing changed since the report was opened.
    Unchanged,
    /// The last change was written.
    Saved,
    /// A change waits for the event loop to write it.
    Pending,
    /// The last write failed; the message says why.
    Failed(String),
    /// The sidecar could not be read, so it is never written; the message says why.
    ReadOnly(String),
}

/// The reader's state: the report, its claims, and where the user is.
#[derive(Debug, Clone)]
pub struct App {
    /// The report being read; shared, not copied, with a save running on another thread.
    pub report: Arc<Report>,
    /// Settings (tags, colours, author).
    pub config: Config,
    /// The claims, as they will be saved.
    pub sidecar: Sidecar,
    /// The claims as last read from or written to disk: the common ancestor of a merge.
    base: Vec<Claim>,
    /// Byte ranges of the claims, parallel to `sidecar.claims`; `None` for orphaned claims.
    spans: Vec<Option<Range<usize>>>,
    /// The sentence under the reading cursor.
    pub cursor: usize,
    /// The claim selected in the panel (follows the cursor).
    pub selected: Option<ClaimId>,
    /// Which pane has the keys.
    pub focus: Focus,
    /// Help, editor or search prompt, when open.
    pub overlay: Overlay,
    /// The selection being made with `v`.
    pub selection: Option<Selection>,
    /// The panel shows only claims with this tag index, when set.
    pub filter: Option<usize>,
    /// The panel shows only this author's claims, when set.
    pub author_filter: Option<String>,
    /// The last search.
    pub search: Search,
    /// Changes that can be undone, newest last.
    undo: Vec<Edit>,
    /// Changes that were undone and can be redone, newest last.
    redo: Vec<Edit>,
    /// The claims before the change being made, until `claims_changed` turns them into an edit.
    before_change: Option<Vec<Claim>>,
    /// Whether the claims are on disk.
    pub save_state: SaveState,
    /// The user was told that quitting now loses a change; the next quit leaves.
    quit_warned: bool,
    /// A short message for the status bar, cleared by the next key.
    pub message: Option<String>,
    /// The terminal's size.
    pub size: Rect,
    /// The first article row on screen.
    pub scroll: usize,
    /// The first claim shown in the panel (index into the visible claims).
    pub panel_scroll: usize,
    /// The article wrapped to the current width.
    pub doc: WrappedDoc,
    /// The width a large report waits to be wrapped to on another thread after a resize (the
    /// event loop starts it and hands the rows back through [`App::rewrapped`]); until then
    /// the rows of the old width are shown.
    pub wrap_wanted: Option<usize>,
    /// Suggested tags and sources, computed as sentences come into view.
    pub suggestions: Suggestions,
}

impl App {
    /// A reader on `report` with the claims of `sidecar` (re-anchored to the current text), or
    /// read-only with an empty sidecar when the sidecar could not be read (`read_only` says why).
    pub fn new(
        report: Report,
        sidecar: Option<Sidecar>,
        config: Config,
        read_only: Option<String>,
    ) -> Self {
        let mut sidecar = sidecar.unwrap_or_else(|| Sidecar::new(&report));
        let claims = std::mem::take(&mut sidecar.claims);
        let suggestions = Suggestions::new(&config);
        let mut app = Self {
            report: Arc::new(report),
            config,
            sidecar,
            base: Vec::new(),
            spans: Vec::new(),
            cursor: 0,
            selected: None,
            focus: Focus::Article,
            overlay: Overlay::None,
            selection: None,
            filter: None,
            author_filter: None,
            search: Search::default(),
            undo: Vec::new(),
            redo: Vec::new(),
            before_change: None,
            save_state: read_only.map_or(SaveState::Unchanged, SaveState::ReadOnly),
            quit_warned: false,
            message: None,
            size: Rect::default(),
            scroll: 0,
            panel_scroll: 0,
            doc: WrappedDoc::default(),
            wrap_wanted: None,
            suggestions,
        };
        let (claims, moved) = app.anchor(claims);
        app.sidecar.claims = claims;
        app.base.clone_from(&app.sidecar.claims);
        app.refresh_claims();
        let orphans = app.spans.iter().filter(|s| s.is_none()).count();
        if let SaveState::ReadOnly(why) = &app.save_state {
            app.message = Some(format!("read-only, nothing will be saved: {why}"));
        } else if !app.report.warnings.is_empty() {
            app.message = Some(app.report.warnings.join("; "));
        } else if orphans > 0 {
            app.message = Some(format!(
                "{orphans} claim(s) no longer match the report's text (marked orphaned in the panel)"
            ));
        } else if app.changed_text() > 0 {
            app.message = Some(format!(
                "the report changed: {} claim(s) found again with changed text (marked ≈)",
                app.changed_text()
            ));
        } else if moved > 0 {
            app.message = Some(format!(
                "the report changed: {moved} claim(s) moved to their text"
            ));
        }
        app.follow_cursor();
        app
    }

    /// Puts the cursor on the claim `id` and selects it (the review screen opens a report at a
    /// claim); an unknown id leaves the cursor where it is.
    pub fn start_at_claim(&mut self, id: &str) {
        if let Some(i) = self.sidecar.claims.iter().position(|c| c.id == id) {
            self.select_claim(i);
        }
    }

    /// The layout for the current size, when the terminal is big enough.
    pub fn areas(&self) -> Option<Areas> {
        layout::areas(self.size)
    }

    /// The byte span of claim `i`, unless it is orphaned.
    pub fn claim_span(&self, i: usize) -> Option<&Range<usize>> {
        self.spans.get(i).and_then(Option::as_ref)
    }

    /// Indices of the claims whose span overlaps `range`, in document order.
    pub fn claims_overlapping(&self, range: &Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let range = range.clone();
        self.spans.iter().enumerate().filter_map(move |(i, span)| {
            let span = span.as_ref()?;
            (span.start < range.end && range.start < span.end).then_some(i)
        })
    }

    /// The sentence's byte range.
    pub fn sentence(&self, n: usize) -> Range<usize> {
        self.report.sentences.get(n).cloned().unwrap_or(0..0)
    }

    /// Whether the sentence carries no claim.
    pub fn is_untagged(&self, n: usize) -> bool {
        self.claims_overlapping(&self.sentence(n)).next().is_none()
    }

    /// Index of the selected claim in `sidecar.claims`.
    pub fn selected_index(&self) -> Option<usize> {
        let id = self.selected.as_ref()?;
        self.sidecar.claims.iter().position(|c| &c.id == id)
    }

    /// Indices of the claims the panel shows (all, or those of the filtered tag).
    ///
    /// Orphaned claims (their text is no longer in the report) come last, as a section of their
    /// own, since they can no longer be found by reading.
    pub fn visible_claims(&self) -> Vec<usize> {
        let filter = self
            .filter
            .and_then(|f| self.config.tags.get(f))
            .map(|t| t.name.as_str());
        let (mut anchored, orphaned): (Vec<usize>, Vec<usize>) = (0..self.sidecar.claims.len())
            .filter(|&i| filter.is_none_or(|name| self.sidecar.claims[i].status == name))
            .filter(|&i| {
                self.author_filter
                    .as_ref()
                    .is_none_or(|a| self.sidecar.claims[i].author == *a)
            })
            .partition(|&i| self.claim_span(i).is_some());
        anchored.extend(orphaned);
        anchored
    }

    /// How many claims carry each tag, in the config's order, and how many carry another tag.
    pub fn counts(&self) -> (Vec<usize>, usize) {
        let mut counts = vec![0; self.config.tags.len()];
        let mut other = 0;
        for claim in &self.sidecar.claims {
            match self.config.tag_index(&claim.status) {
                Some(i) => counts[i] += 1,
                None => other += 1,
            }
        }
        (counts, other)
    }

    /// Whether a key is consumed as text (editor and search prompt) rather than as an action.
    fn typing(&self) -> bool {
        matches!(self.overlay, Overlay::Editor(_) | Overlay::Search(..))
    }

    /// Handles a key press: typed into the open editor or prompt, else looked up in the keymap.
    pub fn on_key(&mut self, event: KeyEvent) -> Option<Effect> {
        self.message = None;
        let action = self.action_of(event);
        if action != Some(Action::Quit) {
            self.quit_warned = false;
        }
        if self.typing() {
            return self.type_key(event);
        }
        if matches!(self.overlay, Overlay::Adjudicate(_)) {
            return self.adjudicate_key(event);
        }
        update(self, action?)
    }

    /// The action a key press would carry out now: none while a prompt or the editor takes
    /// the typing.
    pub fn action_of(&self, event: KeyEvent) -> Option<Action> {
        (!self.typing())
            .then(|| self.config.keys.action(Key::from(event)))
            .flatten()
    }

    fn type_key(&mut self, event: KeyEvent) -> Option<Effect> {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        if let Overlay::Search(input, origin) = &mut self.overlay {
            let origin = *origin;
            match event.code {
                KeyCode::Esc => self.cancel_search(origin),
                KeyCode::Char('c') if ctrl => self.cancel_search(origin),
                KeyCode::Enter => {
                    self.overlay = Overlay::None;
                    if self.search.matches.is_empty() && !self.search.query.is_empty() {
                        self.message = Some(format!("not found: {}", self.search.query));
                    }
                }
                _ => {
                    edit_text(input, event, false);
                    let query = input.text().to_owned();
                    self.run_search(&query, origin);
                }
            }
            return None;
        }
        let Overlay::Editor(editor) = &mut self.overlay else {
            return None;
        };
        match (event.code, ctrl) {
            (KeyCode::Esc, _) | (KeyCode::Char('c'), true) => {
                self.overlay = Overlay::None;
                return None;
            }
            (KeyCode::Char('s'), true) => return self.save_editor(),
            (KeyCode::Char('o'), true) => {
                editor.field = Field::Note;
                return Some(Effect::EditNote);
            }
            (KeyCode::Enter, false) if editor.field != Field::Note => return self.save_editor(),
            (KeyCode::Tab, _) => editor.field = editor.field.step(true),
            (KeyCode::BackTab, _) => editor.field = editor.field.step(false),
            (KeyCode::Up, false) if editor.field != Field::Note => {
                editor.field = editor.field.step(false);
            }
            (KeyCode::Down, false) if editor.field != Field::Note => {
                editor.field = editor.field.step(true);
            }
            _ => {
                let names: Vec<&str> = self.config.tags.iter().map(|t| t.name.as_str()).collect();
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
                            (*name).clone_into(&mut editor.status);
                        }
                    }
                    Field::Source => edit_text(&mut editor.source, event, false),
                    Field::Grade => edit_text(&mut editor.grade, event, false),
                    Field::Note => edit_text(&mut editor.note, event, true),
                    Field::Labels => edit_text(&mut editor.labels, event, false),
                }
            }
        }
        None
    }

    /// Tells the user that another sidenote window has this report open (the event loop found
    /// out, see [`super::presence`]), before anything else there is to say.
    pub fn open_elsewhere(&mut self) {
        let note =
            "another sidenote window has this report open: each save merges the other's changes";
        self.message = Some(match self.message.take() {
            Some(other) => format!("{note}; {other}"),
            None => note.to_owned(),
        });
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
                self.message = Some("note edited; Ctrl-s saves the claim".to_owned());
            }
            (_, Err(why)) => self.message = Some(why),
            (_, Ok(_)) => {}
        }
    }

    fn cancel_search(&mut self, origin: usize) {
        self.overlay = Overlay::None;
        self.search = Search::default();
        self.move_cursor(origin);
    }

    fn save_editor(&mut self) -> Option<Effect> {
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
        let labels: Vec<String> = editor
            .labels
            .text()
            .split(',')
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect();
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

    /// Re-anchors claims read from disk to the report's current text. Returns the claims and how
    /// many of them moved with their text unchanged.
    fn anchor(&mut self, mut claims: Vec<Claim>) -> (Vec<Claim>, usize) {
        let anchors = reanchor_all(&mut claims, &self.report);
        let moved = anchors.iter().filter(|a| **a == Anchor::Moved).count();
        (claims, moved)
    }

    /// The text claim `i` had before the report changed, while the user has not confirmed the
    /// claim's new text.
    pub fn old_quote(&self, i: usize) -> Option<&str> {
        self.sidecar.claims.get(i)?.extra.get(QUOTE_WAS)?.as_str()
    }

    /// How many claims were found with changed text and are not confirmed yet.
    fn changed_text(&self) -> usize {
        (0..self.sidecar.claims.len())
            .filter(|&i| self.old_quote(i).is_some())
            .count()
    }

    /// What to write when saving: the claims on disk now (`disk`), re-anchored, merged with ours
    /// against the claims last read or written ([`merge`]), so another writer's work is kept.
    /// Pure, so the event loop can run it under the sidecar's lock.
    pub fn merge_with_disk(&self, disk: Option<Sidecar>) -> (Sidecar, Merged) {
        let mut next = disk.unwrap_or_else(|| Sidecar::new(&self.report));
        let mut theirs = std::mem::take(&mut next.claims);
        reanchor_all(&mut theirs, &self.report);
        let merged = merge(&self.base, &self.sidecar.claims, &theirs);
        next.claims.clone_from(&merged.claims);
        next.take_dismissed(&self.sidecar.dismissed);
        // Keys another tool added to `[report]` on disk are kept; the hash is of our report.
        next.report.file.clone_from(&self.sidecar.report.file);
        next.report.describe(&self.report);
        next.sort();
        (next, merged)
    }

    /// Records the result of a save the event loop carried out: what was written (which may hold
    /// other writers' claims too), or why nothing was.
    pub fn saved(&mut self, result: Result<(Sidecar, Merged), String>) {
        match result {
            Ok((mut written, merged)) => {
                // A suggestion dismissed while the save ran is not in what it wrote: keep it, and
                // ask for the save that writes it.
                let unwritten = self
                    .sidecar
                    .dismissed
                    .iter()
                    .any(|d| !written.dismissed.iter().any(|w| w.quote == d.quote));
                written.take_dismissed(&self.sidecar.dismissed);
                self.save_state = if unwritten {
                    SaveState::Pending
                } else {
                    SaveState::Saved
                };
                self.base.clone_from(&written.claims);
                self.sidecar = written;
                self.refresh_claims();
                self.follow_cursor();
                self.report_merge(&merged);
            }
            Err(why) => self.save_state = SaveState::Failed(why),
        }
    }

    /// Records a save that finished after the claims changed again: what was written becomes the
    /// claims on disk, and the edits made since `sent` (the claims the save was given) are put
    /// back on top of it, to be saved next.
    pub fn saved_over(&mut self, written: (Sidecar, Merged), sent: &[Claim]) -> Effect {
        let now = std::mem::take(&mut self.sidecar.claims);
        self.saved(Ok(written));
        let later = merge(sent, &now, &self.sidecar.claims);
        self.sidecar.claims = later.claims;
        self.refresh_claims();
        self.follow_cursor();
        self.save_state = SaveState::Pending;
        Effect::Save
    }

    /// The sidecar changed on disk (another window, a script, `git pull`, a hand edit): takes the
    /// change in, keeping our own edits not yet saved. Asks for a save when ours must be written.
    pub fn disk_changed(&mut self, disk: Result<Option<Sidecar>, String>) -> Option<Effect> {
        let disk = match disk {
            Ok(disk) => disk,
            Err(why) => {
                self.message = Some(format!(
                    "the sidecar on disk cannot be read (not overwritten): {why}"
                ));
                return None;
            }
        };
        if matches!(self.save_state, SaveState::ReadOnly(_)) {
            self.save_state = SaveState::Unchanged;
        }
        if let Some(d) = &disk {
            self.sidecar.take_dismissed(&d.dismissed);
        }
        let theirs = disk.map(|d| self.anchor(d.claims).0).unwrap_or_default();
        let merged = merge(&self.base, &self.sidecar.claims, &theirs);
        self.base = theirs;
        self.sidecar.claims.clone_from(&merged.claims);
        self.refresh_claims();
        self.follow_cursor();
        self.report_merge(&merged);
        if self.message.is_none() {
            self.message = Some("the sidecar changed on disk; nothing new to take in".to_owned());
        }
        // Our claims are in document order now (`refresh_claims`); so must the disk's be to compare.
        let mut on_disk = self.base.clone();
        on_disk.sort_by(document_order);
        (self.sidecar.claims != on_disk).then(|| {
            self.save_state = SaveState::Pending;
            Effect::Save
        })
    }

    fn report_merge(&mut self, merged: &Merged) {
        let mut parts = Vec::new();
        if merged.taken > 0 {
            parts.push(format!(
                "took in {} change(s) saved elsewhere",
                merged.taken
            ));
        }
        if merged.conflicts > 0 {
            parts.push(format!(
                "{} conflict(s): both versions kept, labelled \"{CONFLICT_LABEL}\"",
                merged.conflicts
            ));
        }
        if !parts.is_empty() {
            self.message = Some(parts.join("; "));
        }
    }

    pub(super) fn refuse_if_read_only(&mut self) -> bool {
        if let SaveState::ReadOnly(why) = &self.save_state {
            self.message = Some(format!("read-only: {why}"));
            return true;
        }
        false
    }

    /// Remembers the claims before a change, so the change can be undone.
    pub(super) fn record_undo(&mut self) {
        self.before_change = Some(self.sidecar.claims.clone());
    }

    /// After any change to the claims: the undo record, document order, spans, and a save.
    pub(super) fn claims_changed(&mut self) -> Effect {
        if let Some(before) = self.before_change.take() {
            let edit = Edit::between(&before, &self.sidecar.claims);
            if !edit.0.is_empty() {
                self.undo.push(edit);
                self.redo.clear();
            }
        }
        self.refresh_claims();
        self.save_state = SaveState::Pending;
        self.follow_cursor();
        Effect::Save
    }

    fn refresh_claims(&mut self) {
        self.sidecar.sort();
        self.sidecar.report.describe(&self.report);
        self.spans = self
            .sidecar
            .claims
            .iter()
            .map(|c| {
                c.byte_span(&self.report)
                    .filter(|s| self.report.text.get(s.clone()) == Some(c.quote.as_str()))
            })
            .collect();
        if self.selected_index().is_none() {
            self.selected = None;
        }
    }

    /// The claim the tag, remove and edit keys act on: the selected claim when it overlaps the
    /// cursor sentence, else the first claim there.
    pub fn claim_under_cursor(&self) -> Option<usize> {
        let sentence = self.sentence(self.cursor);
        if let Some(i) = self.selected_index()
            && (self.focus == Focus::Panel || self.claims_overlapping(&sentence).any(|j| j == i))
        {
            return Some(i);
        }
        self.claims_overlapping(&sentence).next()
    }

    /// Selects the claim under the cursor, unless the selected one is already there.
    fn follow_cursor(&mut self) {
        let sentence = self.sentence(self.cursor);
        let keep = self
            .selected_index()
            .is_some_and(|i| self.claims_overlapping(&sentence).any(|j| j == i));
        if !keep {
            let first = self.claims_overlapping(&sentence).next();
            self.selected = first.map(|i| self.sidecar.claims[i].id.clone());
            if let Some(was) = first.and_then(|i| self.old_quote(i)) {
                let was = crate::report::one_line(was);
                self.message = Some(format!(
                    "the text changed since this was tagged; it was: “{was}”"
                ));
            }
        }
        self.keep_panel_selection_visible();
    }

    pub(super) fn move_cursor(&mut self, to: usize) {
        let last = self.report.sentences.len().saturating_sub(1);
        self.cursor = to.min(last);
        if let Some(selection) = &mut self.selection {
            let (a, b) = (
                selection.anchor.min(self.cursor),
                selection.anchor.max(self.cursor),
            );
            selection.start = self.report.sentences.get(a).map_or(0, |s| s.start);
            selection.end = self.report.sentences.get(b).map_or(0, |s| s.end);
        }
        self.follow_cursor();
        self.keep_cursor_visible();
    }

    /// Moves the cursor to the sentence holding byte `at`, scrolling as little as it can; how the
    /// reader keeps its place when the whole of a large report replaces its head.
    pub fn go_to_byte(&mut self, at: usize) {
        self.move_cursor(self.report.sentence_at(at));
    }

    fn view_height(&self) -> usize {
        self.areas()
            .map_or(1, |a| usize::from(a.text.height).max(1))
    }

    fn keep_cursor_visible(&mut self) {
        let height = self.view_height();
        let (first, last) = self.doc.rows_of(&self.sentence(self.cursor));
        let margin = SCROLL_MARGIN.min(height.saturating_sub(1) / 2);
        if last + margin + 1 > self.scroll + height {
            self.scroll = (last + margin + 1).saturating_sub(height);
        }
        if first < self.scroll + margin {
            self.scroll = first.saturating_sub(margin);
        }
        self.clamp_scroll();
    }

    fn clamp_scroll(&mut self) {
        let max = self.doc.rows.len().saturating_sub(self.view_height());
        self.scroll = self.scroll.min(max);
    }

    pub(super) fn keep_panel_selection_visible(&mut self) {
        let rows = self
            .areas()
            .map_or(PANEL_ITEM_ROWS, |a| usize::from(a.panel_inner.height));
        let fit = (rows / PANEL_ITEM_ROWS).max(1);
        let visible = self.visible_claims();
        let Some(pos) = self
            .selected_index()
            .and_then(|i| visible.iter().position(|&v| v == i))
        else {
            self.panel_scroll = self.panel_scroll.min(visible.len().saturating_sub(fit));
            return;
        };
        if pos < self.panel_scroll {
            self.panel_scroll = pos;
        } else if pos >= self.panel_scroll + fit {
            self.panel_scroll = pos + 1 - fit;
        }
    }

    /// Moves the cursor by `rows` screen rows, scrolling the view by the same amount (paging).
    fn page(&mut self, rows: usize, down: bool) {
        let cursor_row = self.doc.row_of(self.sentence(self.cursor).start);
        let max_row = self.doc.rows.len().saturating_sub(1);
        let (target, scroll) = if down {
            ((cursor_row + rows).min(max_row), self.scroll + rows)
        } else {
            (
                cursor_row.saturating_sub(rows),
                self.scroll.saturating_sub(rows),
            )
        };
        self.scroll = scroll;
        self.clamp_scroll();
        let byte = self.doc.rows.get(target).map_or(0, |r| r.start);
        let sentence = self.report.sentence_at(byte);
        if sentence != self.cursor {
            self.move_cursor(sentence);
            return;
        }
        // The page landed inside the cursor's own sentence. A sentence taller than the view (a
        // long single-line report) is paged through; otherwise the cursor moves on by one.
        let (_, last_row) = self.doc.rows_of(&self.sentence(self.cursor));
        let height = self.view_height();
        if last_row >= self.scroll + height || (!down && cursor_row > self.scroll) {
            return;
        }
        let next = if down {
            self.cursor + 1
        } else {
            self.cursor.saturating_sub(1)
        };
        self.move_cursor(next);
    }

    fn relayout(&mut self) {
        let width = self.areas().map_or(1, |a| usize::from(a.text.width));
        if width == self.doc.width && !self.doc.rows.is_empty() {
            self.wrap_wanted = None;
        } else if self.doc.rows.is_empty() || !super::find::is_large(&self.report.text) {
            self.doc = WrappedDoc::new(&self.report.text, &self.report.sentences, width);
            self.wrap_wanted = None;
        } else {
            // Wrapping a large report takes a tenth of a second or more: it is done on another
            // thread, and the keys keep working on the rows of the old width meanwhile.
            self.wrap_wanted = Some(width);
        }
        self.keep_cursor_visible();
        self.keep_panel_selection_visible();
    }

    /// Takes in the rows a large report was wrapped to on another thread, unless the width
    /// changed again meanwhile.
    pub fn rewrapped(&mut self, doc: WrappedDoc) {
        if self.wrap_wanted == Some(doc.width) {
            self.doc = doc;
            self.wrap_wanted = None;
            self.keep_cursor_visible();
            self.keep_panel_selection_visible();
        }
    }

    fn tag(&mut self, tag: usize) -> Option<Effect> {
        if self.refuse_if_read_only() || self.report.sentences.is_empty() {
            return None;
        }
        let status = self.config.tags.get(tag)?.name.clone();
        let span = self
            .selection
            .map_or_else(|| self.sentence(self.cursor), |s| s.start..s.end);
        let target = self.own_claim_under_cursor().filter(|&i| {
            self.selection.is_none()
                || self
                    .claim_span(i)
                    .is_some_and(|c| c.start < span.end && span.start < c.end)
        });
        if let Some(i) = target {
            let claim = &self.sidecar.claims[i];
            let same_span = self.claim_span(i) == Some(&span) || self.selection.is_none();
            let unconfirmed = claim.extra.contains_key(QUOTE_WAS);
            if claim.status == status && same_span && !unconfirmed {
                self.message = Some(format!("already {status}"));
                self.selection = None;
                return None;
            }
            self.record_undo();
            let claim = &mut self.sidecar.claims[i];
            // Any change the user makes to a claim confirms its (changed) text.
            claim.extra.remove(QUOTE_WAS);
            claim.status = status;
            if self.selection.is_some() {
                claim.anchor_to(&self.report, span);
            }
            claim.updated = now();
            self.selected = Some(claim.id.clone());
        } else {
            self.record_undo();
            let claim = Claim::new(&self.report, span, &status, &self.config.author, now());
            let i = self.sidecar.add(claim);
            self.selected = Some(self.sidecar.claims[i].id.clone());
        }
        self.selection = None;
        Some(self.claims_changed())
    }

    fn remove_claim(&mut self) -> Option<Effect> {
        if self.refuse_if_read_only() {
            return None;
        }
        let Some(i) = self.own_claim_under_cursor() else {
            self.message = Some(match self.claim_under_cursor() {
                Some(j) => self.not_yours(j),
                None => "no claim here".to_owned(),
            });
            return None;
        };
        self.record_undo();
        let removed = self.sidecar.claims.remove(i);
        self.message = Some(format!("removed {} claim (z undoes)", removed.status));
        self.selected = None;
        Some(self.claims_changed())
    }

    fn open_editor(&mut self) {
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
            let claim = &self.sidecar.claims[i];
            Editor {
                claim: Some(claim.id.clone()),
                span: self.claim_span(i).cloned().unwrap_or(0..0),
                status: claim.status.clone(),
                field: Field::Source,
                source: TextInput::new(claim.source.as_deref().unwrap_or("")),
                grade: TextInput::new(&claim.grade.map(|g| g.to_string()).unwrap_or_default()),
                note: TextInput::new(claim.note.as_deref().unwrap_or("")),
                labels: TextInput::new(&claim.labels.join(", ")),
            }
        } else {
            let (status, source) = self
                .suggested_fields()
                .filter(|_| self.selection.is_none())
                .unwrap_or_else(|| {
                    let first = self.config.tags.first().map(|t| t.name.clone());
                    (first.unwrap_or_default(), String::new())
                });
            Editor {
                claim: None,
                span: self
                    .selection
                    .map_or_else(|| self.sentence(self.cursor), |s| s.start..s.end),
                status,
                field: Field::Tag,
                source: TextInput::new(&source),
                grade: TextInput::default(),
                note: TextInput::default(),
                labels: TextInput::default(),
            }
        };
        self.overlay = Overlay::Editor(Box::new(editor));
    }

    /// Starts a selection for word narrowing: the claim under the cursor (to narrow it) or the
    /// sentence.
    fn selection_or_start(&mut self) -> Selection {
        if let Some(selection) = self.selection {
            return selection;
        }
        let span = self
            .claim_under_cursor()
            .and_then(|i| self.claim_span(i).cloned())
            .unwrap_or_else(|| self.sentence(self.cursor));
        Selection {
            anchor: self.cursor,
            start: span.start,
            end: span.end,
        }
    }

    fn narrow(&mut self, start_side: bool, forward: bool) {
        if self.report.sentences.is_empty() {
            return;
        }
        let mut selection = self.selection_or_start();
        let text = &self.report.text;
        if start_side {
            let moved = if forward {
                next_word_start(text, selection.start)
            } else {
                prev_word_start(text, selection.start)
            };
            if moved < selection.end {
                selection.start = moved;
            }
        } else {
            let moved = if forward {
                next_word_end(text, selection.end)
            } else {
                prev_word_end(text, selection.end)
            };
            if moved > selection.start {
                selection.end = moved;
            }
        }
        self.selection = Some(selection);
    }

    fn step_panel(&mut self, forward: bool) {
        let visible = self.visible_claims();
        if visible.is_empty() {
            return;
        }
        let pos = self
            .selected_index()
            .and_then(|i| visible.iter().position(|&v| v == i));
        let next = match pos {
            Some(p) if forward => (p + 1).min(visible.len() - 1),
            Some(p) => p.saturating_sub(1),
            None => 0,
        };
        self.select_claim(visible[next]);
    }

    fn select_claim(&mut self, i: usize) {
        self.selected = Some(self.sidecar.claims[i].id.clone());
        if let Some(span) = self.claim_span(i).cloned() {
            self.move_cursor(self.report.sentence_at(span.start));
        }
        self.keep_panel_selection_visible();
    }

    fn jump_claim(&mut self, forward: bool) {
        let visible = self.visible_claims();
        let sentence = self.sentence(self.cursor);
        let starts = visible
            .iter()
            .filter_map(|&i| Some((i, self.claim_span(i)?.start)));
        let target = if forward {
            starts
                .filter(|&(_, s)| s >= sentence.end)
                .min_by_key(|&(_, s)| s)
        } else {
            starts
                .filter(|&(_, s)| s < sentence.start)
                .max_by_key(|&(_, s)| s)
        };
        match target {
            Some((i, _)) => self.select_claim(i),
            None => {
                self.message = Some(
                    if forward {
                        "no claim after this"
                    } else {
                        "no claim before this"
                    }
                    .to_owned(),
                );
            }
        }
    }

    fn jump_untagged(&mut self, forward: bool) {
        let n = self.report.sentences.len();
        let found = if forward {
            (self.cursor + 1..n).find(|&s| self.is_untagged(s))
        } else {
            (0..self.cursor).rev().find(|&s| self.is_untagged(s))
        };
        match found {
            Some(s) => self.move_cursor(s),
            None => self.message = Some("every sentence that way is tagged".to_owned()),
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        let Some(areas) = self.areas() else { return };
        let at = Position::new(column, row);
        if areas.text.contains(at) || areas.gutter.contains(at) {
            self.focus = Focus::Article;
            let doc_row = self.scroll + usize::from(row - areas.text.y);
            let col = usize::from(column.saturating_sub(areas.text.x));
            if let Some(byte) = self.doc.byte_at(&self.report.text, doc_row, col) {
                self.move_cursor(self.report.sentence_at(byte));
            }
        } else if areas.panel_inner.contains(at) {
            self.focus = Focus::Panel;
            let item = self.panel_scroll + usize::from(row - areas.panel_inner.y) / PANEL_ITEM_ROWS;
            if let Some(&i) = self.visible_claims().get(item) {
                self.select_claim(i);
            }
        }
    }

    /// Quits, unless the last save failed: then the save is tried again and the user warned, so
    /// an annotation is never lost by accident; a second quit in a row leaves anyway.
    fn quit(&mut self) -> Effect {
        let SaveState::Failed(why) = &self.save_state else {
            return Effect::Quit;
        };
        if self.quit_warned {
            return Effect::Quit;
        }
        self.message = Some(format!(
            "NOT SAVED ({why}); trying again — quit again to leave anyway"
        ));
        self.quit_warned = true;
        Effect::Save
    }

    fn undo_redo(&mut self, undo: bool) -> Option<Effect> {
        if self.refuse_if_read_only() {
            return None;
        }
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(edit) = from.pop() else {
            self.message = Some(
                if undo {
                    "nothing to undo"
                } else {
                    "nothing to redo"
                }
                .to_owned(),
            );
            return None;
        };
        if !edit.applies_to(&self.sidecar.claims, undo) {
            // Someone else changed these claims since: replaying our old version over theirs
            // would silently throw their work away.
            let verb = if undo { "undo" } else { "redo" };
            self.message = Some(format!(
                "cannot {verb} that: the claim was changed elsewhere since (the change is kept)"
            ));
            return None;
        }
        edit.apply(&mut self.sidecar.claims, undo);
        to.push(edit);
        self.message = Some(if undo { "undone" } else { "redone" }.to_owned());
        Some(self.claims_changed())
    }
}

/// Suggestions in the reader: shown until accepted, overridden by a tag, or dismissed.
impl App {
    /// The suggestion waiting on sentence `n`: not for a heading or the like, not on a sentence
    /// that has a claim, not dismissed.
    ///
    /// A colleague's claim leaves it pending (each author tags for themselves, as the tag keys
    /// do); a suggested tag the config does not have is never offered.
    pub fn pending_suggestion(&self, n: usize) -> Option<crate::suggest::Suggestion> {
        let suggestion = self.suggestions.get(&self.report, n)?;
        let mine = self
            .claims_overlapping(&self.sentence(n))
            .any(|i| self.sidecar.claims[i].author == self.config.author);
        (suggestion
            .status()
            .is_some_and(|status| self.config.tag_index(status).is_some())
            && !mine
            && !self
                .sidecar
                .is_dismissed(&self.report, &suggestion.sentence))
        .then_some(suggestion)
    }

    /// The tag and source a new claim on the cursor sentence starts with in the editor: the
    /// pending suggestion's, so correcting a suggestion is a few keys.
    fn suggested_fields(&self) -> Option<(String, String)> {
        let suggestion = self.pending_suggestion(self.cursor)?;
        let status = suggestion.status()?.to_owned();
        let source = suggestion
            .source_text(&self.report.text)
            .map(crate::report::one_line)
            .unwrap_or_default();
        Some((status, source))
    }

    fn accept_suggestion(&mut self) -> Option<Effect> {
        if self.refuse_if_read_only() {
            return None;
        }
        let Some(suggestion) = self.pending_suggestion(self.cursor) else {
            self.message = Some("no suggestion on this sentence".to_owned());
            return None;
        };
        let claim = crate::suggest::claim_for(&self.report, &suggestion, &self.config.author)?;
        self.message = Some(match &claim.source {
            Some(source) => format!(
                "accepted: {} — {}",
                claim.status,
                crate::report::one_line(source)
            ),
            None => format!("accepted: {}", claim.status),
        });
        self.record_undo();
        let i = self.sidecar.add(claim);
        self.selected = Some(self.sidecar.claims[i].id.clone());
        Some(self.claims_changed())
    }

    fn dismiss_suggestion(&mut self) -> Option<Effect> {
        if self.refuse_if_read_only() {
            return None;
        }
        if self.pending_suggestion(self.cursor).is_none() {
            self.message = Some("no suggestion on this sentence".to_owned());
            return None;
        }
        let span = self.sentence(self.cursor);
        self.sidecar.dismiss(&self.report, &span);
        self.message = Some("suggestion dismissed".to_owned());
        self.save_state = SaveState::Pending;
        Some(Effect::Save)
    }

    fn next_suggestion(&mut self) {
        let n = self.report.sentences.len();
        match (self.cursor + 1..n).find(|&s| self.pending_suggestion(s).is_some()) {
            Some(s) => self.move_cursor(s),
            None => self.message = Some("no pending suggestion after this".to_owned()),
        }
    }
}

/// One undoable change: each claim it touched, before and after (`None`: absent). Undo and redo
/// put back only these claims, so undoing never removes a claim another writer added meanwhile.
#[derive(Debug, Clone, PartialEq)]
struct Edit(Vec<(Option<Claim>, Option<Claim>)>);

impl Edit {
    fn between(before: &[Claim], after: &[Claim]) -> Self {
        // Both lists are in document order and a change touches few claims: only the part
        // between their common start and end needs comparing by id, with thousands of claims.
        let same_start = before.iter().zip(after).take_while(|(b, a)| b == a).count();
        let (before, after) = (&before[same_start..], &after[same_start..]);
        let same_end = before
            .iter()
            .rev()
            .zip(after.iter().rev())
            .take_while(|(b, a)| b == a)
            .count();
        let (before, after) = (
            &before[..before.len() - same_end],
            &after[..after.len() - same_end],
        );
        let by_id = |claims: &'_ [Claim]| -> std::collections::HashMap<String, Claim> {
            claims.iter().map(|c| (c.id.clone(), c.clone())).collect()
        };
        let (mut before, mut after) = (by_id(before), by_id(after));
        let mut ids: Vec<String> = before.keys().chain(after.keys()).cloned().collect();
        ids.sort_unstable();
        ids.dedup();
        Self(
            ids.iter()
                .map(|id| (before.remove(id), after.remove(id)))
                .filter(|(b, a)| b != a)
                .collect(),
        )
    }

    /// The state each touched claim must be in for the edit to apply (backwards: as after it).
    fn applies_to(&self, claims: &[Claim], backwards: bool) -> bool {
        self.0.iter().all(|(before, after)| {
            let expected = if backwards { after } else { before };
            let id = before.as_ref().or(after.as_ref()).map(|c| c.id.as_str());
            claims.iter().find(|c| Some(c.id.as_str()) == id) == expected.as_ref()
        })
    }

    /// Applies the edit to `claims`, backwards (undo) or forwards (redo).
    fn apply(&self, claims: &mut Vec<Claim>, backwards: bool) {
        for (before, after) in &self.0 {
            let (from, to) = if backwards {
                (after, before)
            } else {
                (before, after)
            };
            let id = from.as_ref().or(to.as_ref()).map(|c| c.id.clone());
            claims.retain(|c| Some(&c.id) != id.as_ref());
            if let Some(claim) = to {
                claims.push(claim.clone());
            }
        }
    }
}

impl App {
    /// Starts a selection on the cursor sentence, or drops the one there is.
    fn toggle_select(&mut self) {
        self.selection = if self.selection.is_some() {
            None
        } else {
            let s = self.sentence(self.cursor);
            Some(Selection {
                anchor: self.cursor,
                start: s.start,
                end: s.end,
            })
        };
    }

    /// Shows the next tag's claims only in the panel, then all of them again.
    fn cycle_filter(&mut self) {
        let n = self.config.tags.len();
        self.filter = match self.filter {
            None if n > 0 => Some(0),
            Some(i) if i + 1 < n => Some(i + 1),
            _ => None,
        };
        self.panel_scroll = 0;
        self.keep_panel_selection_visible();
    }
}

/// Applies one action to the state; returns what the event loop must do next.
pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    if app.areas().is_none() && !matches!(action, Action::Quit | Action::Resize(..)) {
        // Nothing is visible in a terminal too small to use: keys must not change unseen state.
        return None;
    }
    let help_end = matches!(app.overlay, Overlay::Help(_))
        .then(|| super::help::max_scroll(&app.config, app.size))
        .unwrap_or_default();
    if let Overlay::Help(scroll) = &mut app.overlay {
        match action {
            Action::NextSentence | Action::ScrollDown => {
                *scroll = (*scroll + 1).min(help_end);
            }
            Action::PrevSentence | Action::ScrollUp => *scroll = scroll.saturating_sub(1),
            Action::Resize(w, h) => {
                app.size = Rect::new(0, 0, w, h);
                app.relayout();
            }
            _ => app.overlay = Overlay::None,
        }
        return None;
    }
    let panel = app.focus == Focus::Panel;
    match action {
        Action::NextSentence if panel => app.step_panel(true),
        Action::PrevSentence if panel => app.step_panel(false),
        Action::NextSentence => app.move_cursor(app.cursor + 1),
        Action::PrevSentence => app.move_cursor(app.cursor.saturating_sub(1)),
        Action::HalfPageDown => app.page(app.view_height() / 2, true),
        Action::HalfPageUp => app.page(app.view_height() / 2, false),
        Action::PageDown => app.page(app.view_height().saturating_sub(2).max(1), true),
        Action::PageUp => app.page(app.view_height().saturating_sub(2).max(1), false),
        Action::FirstSentence => app.move_cursor(0),
        Action::LastSentence => app.move_cursor(usize::MAX),
        Action::NextUntagged => app.jump_untagged(true),
        Action::PrevUntagged => app.jump_untagged(false),
        Action::NextClaim => app.jump_claim(true),
        Action::PrevClaim => app.jump_claim(false),
        Action::Tag(i) => return app.tag(i),
        Action::RemoveClaim => return app.remove_claim(),
        Action::EditClaim => app.open_editor(),
        Action::ToggleSelect => app.toggle_select(),
        Action::StartWordLeft => app.narrow(true, false),
        Action::StartWordRight => app.narrow(true, true),
        Action::EndWordLeft => app.narrow(false, false),
        Action::EndWordRight => app.narrow(false, true),
        Action::Search => app.overlay = Overlay::Search(TextInput::default(), app.cursor),
        Action::SearchNext => app.search_step(true),
        Action::SearchPrev => app.search_step(false),
        Action::SwitchFocus => {
            app.focus = if panel { Focus::Article } else { Focus::Panel };
            if app.focus == Focus::Panel && app.selected.is_none() {
                app.step_panel(true);
            }
        }
        Action::CycleFilter => app.cycle_filter(),
        Action::CycleReliability => return app.cycle_grade(true),
        Action::CycleCredibility => return app.cycle_grade(false),
        Action::CycleAuthor => app.cycle_author(),
        Action::Adjudicate => app.open_adjudication(),
        Action::Undo => return app.undo_redo(true),
        Action::Redo => return app.undo_redo(false),
        Action::Help => app.overlay = Overlay::Help(0),
        Action::Cancel => {
            if app.selection.take().is_none() {
                app.search = Search::default();
            }
        }
        Action::Quit => return Some(app.quit()),
        Action::ScrollDown => {
            app.scroll += WHEEL_ROWS;
            app.clamp_scroll();
        }
        Action::ScrollUp => app.scroll = app.scroll.saturating_sub(WHEEL_ROWS),
        Action::AcceptSuggestion => return app.accept_suggestion(),
        Action::DismissSuggestion => return app.dismiss_suggestion(),
        Action::NextSuggestion => app.next_suggestion(),
        Action::Click(column, row) => app.click(column, row),
        Action::Resize(w, h) => {
            app.size = Rect::new(0, 0, w, h);
            app.relayout();
        }
        Action::Review(_) => {}
    }
    None
}

/// Applies an editing key to a text field.
fn edit_text(input: &mut TextInput, event: KeyEvent, multiline: bool) {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    match event.code {
        KeyCode::Char('w') if ctrl => input.delete_word(),
        KeyCode::Char('u') if ctrl => input.delete_to_line_start(),
        KeyCode::Char('a') if ctrl => input.home(),
        KeyCode::Char('e') if ctrl => input.end(),
        KeyCode::Char('b') if alt => input.word_left(),
        KeyCode::Char('f') if alt => input.word_right(),
        KeyCode::Char(c) if !ctrl && !alt => input.insert(c),
        KeyCode::Enter if multiline => input.insert('\n'),
        KeyCode::Backspace => input.backspace(),
        KeyCode::Delete => input.delete(),
        KeyCode::Left if ctrl => input.word_left(),
        KeyCode::Right if ctrl => input.word_right(),
        KeyCode::Left => input.left(),
        KeyCode::Right => input.right(),
        KeyCode::Up if multiline => input.up(),
        KeyCode::Down if multiline => input.down(),
        KeyCode::Home => input.home(),
        KeyCode::End => input.end(),
        _ => {}
    }
}

fn next_word_start(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let word = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let space = rest[word..].len() - rest[word..].trim_start().len();
    at + word + space
}

fn prev_word_start(text: &str, at: usize) -> usize {
    let before = text[..at].trim_end();
    before.rfind(char::is_whitespace).map_or(0, |p| p + 1)
}

fn next_word_end(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let space = rest.len() - rest.trim_start().len();
    let word = rest[space..]
        .find(char::is_whitespace)
        .unwrap_or(rest.len() - space);
    at + space + word
}

fn prev_word_end(text: &str, at: usize) -> usize {
    let before = &text[..at];
    let word_start = before.rfind(char::is_whitespace).map_or(0, |p| p + 1);
    before[..word_start].trim_end().len()
}

#[cfg(test)]
#[path = "app_tests.rs"]
mod tests;
