//! The reader: its state and the one function that changes it, with the rest of the screen in
//! the modules below (the editor, search, undo history, disk sync, viewport, selection,
//! suggestions, adjudication, drawing).
//!
//! `update` turns an [`Action`] into new state and, when a file must change, an [`Effect`] for
//! the event loop to carry out. Nothing here draws or touches a file, so every behaviour of the
//! reader is tested with plain values.

pub mod adjudicate;
mod claims;
mod conflicts;
pub mod corroboration;
pub mod dismissed;
mod editor;
pub mod external_editor;
pub mod find;
pub mod help;
mod history;
pub mod layout;
pub mod loading;
pub mod marks;
mod no_claim;
pub mod overlay;
pub mod presence;
mod resume;
pub(crate) mod rewrap;
pub mod saver;
mod search;
mod selection;
mod source_completion;
pub mod suggestion_cache;
mod suggestions;
pub mod sync;
mod team;
mod text_change;
pub mod ui;
mod undo;
mod viewport;
pub mod wrap;

use std::ops::Range;
use std::sync::Arc;

use crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::annotate::{Claim, ClaimId, Dismissed, Sidecar};
use crate::config::Config;
use crate::config::keys::{Action, Key};
use crate::report::Report;
use crate::tui::input::TextInput;
use find::Search;
use history::Edit;
use layout::Areas;
pub use overlay::{Editor, Field, Overlay};
use suggestion_cache::Suggestions;
use wrap::WrappedDoc;

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
    /// Open the report [`App::take_opening`] names (from the corroboration list), and come
    /// back to this one when it is closed.
    OpenOther,
}

/// Which pane the movement keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The article: keys move the sentence cursor.
    Article,
    /// The claims panel: keys move between claims.
    Panel,
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
    /// The dismissed suggestions as last read from or written to disk, likewise.
    dismissed_base: Vec<Dismissed>,
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
    /// The panel shows only claims with this label, when set (`f` after the last tag).
    pub label_filter: Option<String>,
    /// The panel lists the dismissed suggestions instead of the claims (the filter's last step).
    pub dismissed_view: bool,
    /// The last search.
    pub search: Search,
    /// Changes that can be undone, newest last.
    undo: Vec<Edit>,
    /// Changes that were undone and can be redone, newest last.
    redo: Vec<Edit>,
    /// The claims and dismissals before the change being made, until `claims_changed` turns
    /// them into an edit.
    before_change: Option<(Vec<Claim>, Vec<Dismissed>)>,
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
    /// How much of the report this reader holds: all of it, or (while a large report is indexed
    /// on another thread) its head or its end.
    pub extent: Extent,
    /// How much of a large report was indexed when last told (percent), while it loads.
    pub indexed: Option<u8>,
    /// The sources cited in the other reports of the folder the reader was opened from (the
    /// review screen's), with how many claims cite each; the Source field completes from them
    /// after this report's own.
    pub folder_sources: Vec<(String, usize)>,
    /// The no-claim marks' merge base and undo record, and which sentences are reviewed.
    marks: no_claim::Marks,
    /// The other reports stating the same claims (see [`corroboration`]).
    pub corroboration: corroboration::Corroborating,
    /// The place kept from last time, while the head of a large report is shown: taken once the
    /// whole report is in ([`App::resume_or_wait`]).
    pub resume_later: Option<crate::resume::ReaderPlace>,
}

/// How much of its report a reader holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Extent {
    /// The whole report.
    #[default]
    Whole,
    /// The head of a large report, shown while the whole is indexed.
    Head,
    /// The end of a large report (after `G`), shown while the whole is indexed.
    Tail,
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
            dismissed_base: Vec::new(),
            spans: Vec::new(),
            cursor: 0,
            selected: None,
            focus: Focus::Article,
            overlay: Overlay::None,
            selection: None,
            filter: None,
            author_filter: None,
            label_filter: None,
            dismissed_view: false,
            search: Search::default(),
            undo: Vec::new(),
            redo: Vec::new(),
            before_change: None,
            save_state: read_only.map_or(SaveState::Unchanged, SaveState::ReadOnly),
            extent: Extent::Whole,
            indexed: None,
            quit_warned: false,
            message: None,
            size: Rect::default(),
            scroll: 0,
            panel_scroll: 0,
            doc: WrappedDoc::default(),
            wrap_wanted: None,
            suggestions,
            folder_sources: Vec::new(),
            marks: no_claim::Marks::default(),
            corroboration: corroboration::Corroborating::default(),
            resume_later: None,
        };
        let (claims, moved) = app.anchor(claims);
        app.sidecar.claims = claims;
        app.base.clone_from(&app.sidecar.claims);
        crate::annotate::reanchor_marks(&mut app.sidecar.no_claim, &app.report);
        app.marks.base.clone_from(&app.sidecar.no_claim);
        app.dismissed_base.clone_from(&app.sidecar.dismissed);
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

    /// Indices of the claims the panel shows (all, or those of the filtered tag, author or label).
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
            .filter(|&i| {
                self.label_filter
                    .as_ref()
                    .is_none_or(|l| self.sidecar.claims[i].labels.contains(l))
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
            // As in `update`: a terminal too small to show the editor takes no keys, so an
            // `Esc` pressed at the "bigger terminal" notice cannot throw away what was typed.
            self.areas()?;
            return self.type_key(event);
        }
        if matches!(self.overlay, Overlay::Adjudicate(_)) {
            return self.adjudicate_key(event);
        }
        if self.corroboration.list.is_some() {
            return self.corroboration_key(event);
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

    /// Tells the user that another sidenote window has this report open (the event loop found
    /// out, see [`super::presence`]), before anything else there is to say.
    pub fn open_elsewhere(&mut self) {
        self.say_first(
            "another sidenote window has this report open: each save merges the other's changes",
        );
    }

    /// Tells the user that this window could not mark the report as open (`why` names the mark,
    /// see [`super::presence`]), before anything else there is to say; the reader works as usual.
    pub fn not_marked_open(&mut self, why: &str) {
        self.say_first(why);
    }

    /// Puts `note` in the message line ahead of whatever is there already.
    fn say_first(&mut self, note: &str) {
        self.message = Some(match self.message.take() {
            Some(other) => format!("{note}; {other}"),
            None => note.to_owned(),
        });
    }

    pub(super) fn refuse_if_read_only(&mut self) -> bool {
        if let SaveState::ReadOnly(why) = &self.save_state {
            self.message = Some(format!("read-only: {why}"));
            return true;
        }
        false
    }
}

/// Applies one action to the state; returns what the event loop must do next.
///
/// Both screens read one keymap, whose names mean one thing each (`config::keys`): the review
/// screen gives the reader's moves their meaning for rows, and the few actions of one screen
/// alone (`Action::Review` here, undo or tagging there) are not dropped in silence: the status
/// line says that the key does nothing on this screen. Giving each screen a keymap of its own
/// would make `j` or `/` two settings to keep in step.
pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    if app.areas().is_none() && !matches!(action, Action::Quit | Action::Resize(..)) {
        // Nothing is visible in a terminal too small to use: keys must not change unseen state.
        return None;
    }
    let help_end = matches!(app.overlay, Overlay::Help(_))
        .then(|| help::max_scroll(&app.config, app.size))
        .unwrap_or_default();
    if let Overlay::Help(scroll) = &mut app.overlay {
        match action {
            Action::NextSentence | Action::ScrollDown | Action::ScrollLineDown => {
                *scroll = (*scroll + 1).min(help_end);
            }
            Action::PrevSentence | Action::ScrollUp | Action::ScrollLineUp => {
                *scroll = scroll.saturating_sub(1);
            }
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
        Action::MarkNoClaim => return app.mark_no_claim(),
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
            if app.focus == Focus::Panel && app.selected.is_none() && !app.dismissed_view {
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
            // In a report opened from the corroboration list, Esc with nothing to cancel goes
            // back, as a browser's back does.
            let nothing = app.selection.is_none() && app.search == Search::default();
            if nothing && app.corroboration.back.is_some() {
                return Some(app.quit());
            }
            if app.selection.take().is_none() {
                app.search = Search::default();
            }
        }
        Action::Corroboration => app.open_corroboration(),
        Action::Quit => return Some(app.quit()),
        Action::ScrollDown => {
            app.scroll += WHEEL_ROWS;
            app.clamp_scroll();
        }
        Action::ScrollUp => app.scroll = app.scroll.saturating_sub(WHEEL_ROWS),
        Action::ScrollLineDown => app.scroll_line(true),
        Action::ScrollLineUp => app.scroll_line(false),
        Action::AcceptSuggestion => return app.accept_suggestion(),
        Action::DismissSuggestion => return app.toggle_dismissal(),
        Action::NextSuggestion => app.next_suggestion(),
        Action::Click(column, row) => app.click(column, row),
        Action::Resize(w, h) => {
            app.size = Rect::new(0, 0, w, h);
            app.relayout();
        }
        Action::Review(_) => {
            // One keymap serves both screens (the review screen reads the reader's moves), so a
            // key of the review screen reaches the reader too: say that it does nothing here.
            app.message = Some(format!(
                "{} is a key of the review screen (sidenote FOLDER); nothing to do here",
                app.config.keys.key_name(action)
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests;
