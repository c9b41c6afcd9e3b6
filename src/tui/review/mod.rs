//! The review screen (`sidenote DIR`): every report under a folder in a table, every claim of
//! them in a list, and charts. State and [`update`] only; the event loop (`tui::review_loop`)
//! scans the folder in the background and opens the reader.

pub mod columns;
pub mod command;
pub mod groups;
pub mod layout;
mod place;
pub mod query;
pub mod rows;
pub mod ui;
mod view;

use std::path::PathBuf;

use crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};

use super::input::TextInput;
use crate::config::Config;
use crate::config::keys::{Action, Key};
use crate::config::modes::PromptAction;
use crate::corpus::Reviewed;
use command::Command;
use rows::{ClaimColumn, ClaimFilter, Column};
pub use view::View;

/// What the background scan tells the screen.
#[derive(Debug)]
pub enum Message {
    /// This many reports were found and will be read.
    Found(usize),
    /// One report was read, or why it could not be.
    Read(Result<Reviewed, String>),
    /// Every report was read.
    Done,
    /// News of the comparison behind the groups view.
    Groups(groups::News),
}

/// Rows moved by a page key.
const PAGE: usize = 10;

/// How far the background scan got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scan {
    /// Looking for report files; none loaded yet.
    Finding,
    /// `done` of `total` reports read.
    Reading {
        /// Reports read so far.
        done: usize,
        /// Reports found.
        total: usize,
    },
    /// Every report was read.
    Done,
}

/// What the event loop must do after an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open this report in the reader, at this claim when there is one, then come back.
    Open {
        /// The report.
        path: PathBuf,
        /// The claim to start at.
        claim: Option<String>,
    },
    /// Open this report in the reader at this sentence (from 0), then come back.
    OpenAt {
        /// The report.
        path: PathBuf,
        /// The sentence, from 0.
        sentence: usize,
    },
    /// Leave the review screen.
    Quit,
}

/// How the claims view is sorted: its own sort, apart from the reports table's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClaimSort {
    /// The column (an index into [`ClaimColumn::ALL`]); 0, reading order, by default.
    pub column: usize,
    /// Whether the order is reversed.
    pub descending: bool,
}

/// The selected report and claim, by identity: see [`Review::selection`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// The selected report's path, when the reports view has rows.
    pub report: Option<PathBuf>,
    /// The selected claim's report path and id, when the claims view has rows.
    pub claim: Option<(PathBuf, String)>,
}

/// The review screen's whole state.
#[derive(Debug, Clone)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent switches of the screen: help, sort order and two filters"
)]
pub struct Review {
    /// The folder being reviewed.
    pub root: PathBuf,
    /// Settings (tags, colours, keys).
    pub config: Config,
    /// Every report read so far, in the order found.
    pub reports: Vec<Reviewed>,
    /// Reports that could not be read, one message each.
    pub failed: Vec<String>,
    /// How far the scan got.
    pub scan: Scan,
    /// The view on screen.
    pub view: View,
    /// The column the reports are sorted by (an index into [`Review::columns`]).
    pub sort: usize,
    /// Whether the sort is reversed.
    pub descending: bool,
    /// How the claims view is sorted.
    pub claim_sort: ClaimSort,
    /// Reports view: only reports whose path holds this text (case-blind).
    pub name_filter: String,
    /// Claims view: only claims that pass this filter text: words in the quote, source, note
    /// or labels, `label:NAME` for one label ([`query::Query`]).
    pub query: String,
    /// Claims view: only claims with this tag (an index into the config's tags).
    pub tag_filter: Option<usize>,
    /// Claims view: only claims resting on E/F sources or unsourced.
    pub weak_only: bool,
    /// Reports view: only reports not done (a claim candidate not reviewed yet).
    pub unfinished_only: bool,
    /// The filter being typed, when the prompt is open.
    pub prompt: Option<TextInput>,
    /// The selected row of the reports view (into the visible rows).
    pub report_row: usize,
    /// The selected row of the claims view.
    pub claim_row: usize,
    /// The first row the reports table showed when the screen last settled: the list scrolls
    /// from there only as far as the selection needs, and clicks count from it.
    pub report_top: usize,
    /// The same for the claims view.
    pub claim_top: usize,
    /// Whether the key help is shown.
    pub help: bool,
    /// A one-line message for the status bar.
    pub message: Option<String>,
    /// A short answer to the last key (that it does nothing here), shown before the message
    /// and cleared by the next key, so it never hides the message for long.
    pub answer: Option<String>,
    /// The terminal's size.
    pub size: Rect,
    /// The selection the screen had when it was last closed on this folder, looked for as the
    /// scan brings rows in, until the user moves or the scan ends (see [`Review::resume`]).
    pub resuming: Option<Selection>,
    /// The groups view: the same claims in several reports.
    pub groups: groups::Groups,
}

impl Review {
    /// A review of `root` with nothing read yet.
    pub fn new(root: PathBuf, config: Config) -> Self {
        Self {
            root,
            config,
            reports: Vec::new(),
            failed: Vec::new(),
            scan: Scan::Finding,
            view: View::Reports,
            sort: 0,
            descending: false,
            claim_sort: ClaimSort::default(),
            name_filter: String::new(),
            query: String::new(),
            tag_filter: None,
            weak_only: false,
            unfinished_only: false,
            prompt: None,
            report_row: 0,
            claim_row: 0,
            report_top: 0,
            claim_top: 0,
            help: false,
            message: None,
            answer: None,
            size: Rect::default(),
            resuming: None,
            groups: groups::Groups::default(),
        }
    }

    /// The tag names of the config, in order.
    pub fn tag_names(&self) -> Vec<String> {
        self.config.tags.iter().map(|t| t.name.clone()).collect()
    }

    /// The first key bound to `action`, for the hints and the tabs' labels.
    pub fn first_key(&self, action: Action) -> String {
        self.config
            .keys
            .first_key(action)
            .unwrap_or_else(|| "-".to_owned())
    }

    /// The columns the reports can be sorted by.
    pub fn columns(&self) -> Vec<Column> {
        Column::all(self.config.tags.len())
    }

    /// The reports on screen, as indices into `reports`: filtered by name (and to unfinished
    /// ones when asked), sorted.
    pub fn visible_reports(&self) -> Vec<usize> {
        let column = self
            .columns()
            .get(self.sort)
            .copied()
            .unwrap_or(Column::Path);
        let mut rows = rows::reports(
            &self.reports,
            &self.name_filter,
            column,
            self.descending,
            &self.tag_names(),
        );
        if self.unfinished_only {
            rows.retain(|&i| !self.reports[i].is_done());
        }
        rows
    }

    /// The column the claims view is sorted by.
    pub fn claim_column(&self) -> ClaimColumn {
        ClaimColumn::ALL
            .get(self.claim_sort.column)
            .copied()
            .unwrap_or(ClaimColumn::Place)
    }

    /// The claims on screen, as (report, claim) indices: filtered, sorted (by default by report
    /// path then in document order).
    pub fn visible_claims(&self) -> Vec<(usize, usize)> {
        let filter = ClaimFilter {
            tag: self
                .tag_filter
                .and_then(|i| self.config.tags.get(i))
                .map(|t| t.name.clone()),
            query: self.query.clone(),
            weak_only: self.weak_only,
        };
        rows::claims(
            &self.reports,
            &filter,
            self.claim_column(),
            self.claim_sort.descending,
            &self.tag_names(),
        )
    }

    /// What is selected in the reports and the claims views, by path and claim id rather than
    /// by row, so it can be found again after rows arrived, left or moved.
    pub fn selection(&self) -> Selection {
        let report = self
            .visible_reports()
            .get(self.report_row)
            .map(|&i| self.reports[i].path.clone());
        let claim = self.visible_claims().get(self.claim_row).map(|&(r, c)| {
            let report = &self.reports[r];
            (report.path.clone(), report.claims[c].id.clone())
        });
        Selection { report, claim }
    }

    /// Selects again what `selection` names, wherever its rows are now; a view whose selected
    /// row is gone keeps its row number, within the list. Each list is sorted once; their
    /// lengths (reports, claims) are returned.
    pub fn reselect(&mut self, selection: &Selection) -> (usize, usize) {
        let reports = self.visible_reports();
        if let Some(path) = &selection.report
            && let Some(row) = reports.iter().position(|&i| self.reports[i].path == *path)
        {
            self.report_row = row;
        }
        self.report_row = self.report_row.min(reports.len().saturating_sub(1));
        let claims = self.visible_claims();
        if let Some((path, id)) = &selection.claim
            && let Some(row) = claims.iter().position(|&(r, c)| {
                let report = &self.reports[r];
                report.path == *path && report.claims[c].id == *id
            })
        {
            self.claim_row = row;
        }
        self.claim_row = self.claim_row.min(claims.len().saturating_sub(1));
        (reports.len(), claims.len())
    }

    /// Applies `change` (which may add, remove, filter or reorder rows) and keeps the same
    /// report and claim selected.
    fn keeping(&mut self, change: impl FnOnce(&mut Self)) {
        let selection = self.resuming.clone().unwrap_or_else(|| self.selection());
        change(self);
        let (reports, claims) = self.reselect(&selection);
        self.settle_at(if self.view == View::Claims {
            claims
        } else {
            reports
        });
    }

    /// Takes in what the background scan sent since the last frame. The rows it adds sort in
    /// among the others, so each view's selection is kept on its report and claim, not on its
    /// row number (which would point at another report as rows arrive above it).
    pub fn receive(&mut self, messages: impl IntoIterator<Item = Message>) {
        let mut messages = messages.into_iter().peekable();
        if messages.peek().is_none() {
            return;
        }
        self.keeping(|review| {
            for message in messages {
                match message {
                    Message::Found(total) => review.scan_found(total),
                    Message::Read(read) => review.scanned(read),
                    Message::Done => review.scan_done(),
                    Message::Groups(news) => review.groups.receive(news),
                }
            }
        });
    }

    /// The scan found `total` reports and starts reading them.
    pub fn scan_found(&mut self, total: usize) {
        self.scan = Scan::Reading { done: 0, total };
    }

    /// One report was read (or failed). The selection stays on its row number; [`Review::receive`]
    /// keeps it on its report.
    pub fn scanned(&mut self, result: Result<Reviewed, String>) {
        match result {
            Ok(report) => self.reports.push(report),
            Err(e) => self.failed.push(e),
        }
        if let Scan::Reading { done, .. } = &mut self.scan {
            *done += 1;
        }
    }

    /// The scan is over.
    pub fn scan_done(&mut self) {
        self.scan = Scan::Done;
        self.resuming = None;
        if self.reports.is_empty() && self.failed.is_empty() {
            let endings = crate::corpus::scan::REPORT_EXTENSIONS.join(", .");
            self.message = Some(format!(
                "no reports here (files ending .{endings}); run `sidenote FOLDER` on a folder of reports"
            ));
        } else if !self.failed.is_empty() {
            self.message = Some(format!(
                "{} report(s) could not be read: {}",
                self.failed.len(),
                self.failed.join("; ")
            ));
        }
    }

    /// A report was read again after the reader closed it: its row is replaced (or the report,
    /// now unreadable, leaves the list with a message). The selection stays on its report and
    /// claim when they are still there, though their counts may have moved them.
    pub fn reloaded(&mut self, path: &std::path::Path, result: Result<Reviewed, String>) {
        self.keeping(|review| {
            let at = review.reports.iter().position(|r| r.path == path);
            if let Ok(report) = &result {
                let found: Vec<&crate::annotate::Claim> = report
                    .claims
                    .iter()
                    .zip(&report.anchors)
                    .filter(|(_, a)| **a != crate::annotate::Anchor::Orphaned)
                    .map(|(c, _)| c)
                    .collect();
                review.groups.retag(path, &found);
            }
            match (result, at) {
                (Ok(report), Some(i)) => review.reports[i] = report,
                (Ok(report), None) => review.reports.push(report),
                (Err(e), at) => {
                    if let Some(i) = at {
                        review.reports.remove(i);
                    }
                    review.message = Some(e);
                }
            }
        });
    }

    /// Handles a key: typed into the filter prompt when it is open, else through the keymap.
    pub fn on_key(&mut self, event: KeyEvent) -> Option<Effect> {
        self.answer = None;
        if let Some(prompt) = &mut self.prompt {
            match self.config.keys.prompt.action(Key::from(event)) {
                Some(PromptAction::Cancel) => {
                    self.prompt = None;
                    self.set_filter(String::new());
                }
                Some(PromptAction::Keep) => self.prompt = None,
                // The label being typed after `label:`, completed from the labels in use.
                None if event.code == crossterm::event::KeyCode::Tab
                    && self.view == View::Claims =>
                {
                    let labels = query::labels_in_use(&self.reports);
                    if let Some(done) = query::complete(prompt.text(), &labels) {
                        *prompt = TextInput::new(&done);
                    }
                }
                None => prompt.edit(event, false),
            }
            if let Some(prompt) = &self.prompt {
                let text = prompt.text().to_owned();
                self.set_filter(text);
            }
            self.settle();
            return None;
        }
        let action = self.config.keys.action(Key::from(event))?;
        update(self, action)
    }

    /// Sets the filter of the current view (name for reports, query for claims).
    fn set_filter(&mut self, text: String) {
        self.keeping(|review| {
            if review.view == View::Claims {
                review.query = text;
            } else {
                review.name_filter = text;
            }
        });
    }

    /// Rows of the current list.
    fn row_count(&self) -> usize {
        match self.view {
            View::Reports => self.visible_reports().len(),
            View::Claims => self.visible_claims().len(),
            View::Chart => 0,
            View::Groups => self.groups.rows(self.tag_name().as_deref()).len(),
        }
    }

    /// The selected row of the current list.
    fn row_mut(&mut self) -> &mut usize {
        match self.view {
            View::Claims => &mut self.claim_row,
            View::Groups => &mut self.groups.row,
            View::Reports | View::Chart => &mut self.report_row,
        }
    }

    /// The name of the tag the claims and groups views are filtered by.
    pub fn tag_name(&self) -> Option<String> {
        self.tag_filter
            .and_then(|i| self.config.tags.get(i))
            .map(|t| t.name.clone())
    }

    /// Moves the selection by `delta` rows, within the list.
    fn step(&mut self, delta: isize) {
        let last = self.row_count().saturating_sub(1);
        let row = self.row_mut();
        *row = row.saturating_add_signed(delta).min(last);
    }

    /// Scrolls each table just enough to show its selection, for the current size, and keeps
    /// where it shows from: run after anything that moves a selection, so the next draw and the
    /// next click start from the same row.
    fn settle(&mut self) {
        let len = self.row_count();
        self.settle_at(len);
    }

    /// [`Review::settle`] with the length of the list on screen already known. Only that list is
    /// settled (counting it means sorting it); the other is settled when it is shown.
    fn settle_at(&mut self, len: usize) {
        let Some(areas) = layout::areas(self.size) else {
            return;
        };
        let (table, top, row) = match self.view {
            View::Reports => (areas.reports, &mut self.report_top, self.report_row),
            View::Claims => (areas.body, &mut self.claim_top, self.claim_row),
            View::Chart | View::Groups => return,
        };
        *top = layout::first_row(*top, row, layout::rows_of(table).height, len);
    }

    /// A left click at a screen cell: on a row of the reports or claims table, selects it; on
    /// the row already selected, opens it as `Enter` does (so a double click opens); on a
    /// column's header, sorts by it; on a view's tab, opens the view. The cell is mapped through
    /// the same layout the screen was drawn with, for the size it was drawn at.
    fn click(&mut self, column: u16, row: u16) -> Option<Effect> {
        let areas = layout::areas(self.size)?;
        if row == areas.header.y {
            if let Some(view) = columns::tab_at(self, column) {
                self.prompt = None;
                self.view = view;
            }
            return None;
        }
        let table = match self.view {
            View::Reports => areas.reports,
            View::Claims => areas.body,
            View::Groups => return self.click_group(areas.body, row),
            View::Chart => return None,
        };
        if row == table.y.saturating_add(1) {
            self.prompt = None;
            self.click_header(table, column);
            return None;
        }
        let rows = layout::rows_of(table);
        if !rows.contains(Position::new(column, row)) {
            return None;
        }
        let selected = *self.row_mut();
        let top = if self.view == View::Claims {
            self.claim_top
        } else {
            self.report_top
        };
        let len = self.row_count();
        let clicked =
            layout::first_row(top, selected, rows.height, len) + usize::from(row - rows.y);
        if clicked >= len {
            return None;
        }
        // The click moved on from the filter being typed; the filter stays, as with `Enter`.
        self.prompt = None;
        if clicked == selected {
            return self.open();
        }
        *self.row_mut() = clicked;
        None
    }

    /// A click on line `y` of the groups view drawn in `body`: selects the member there, or
    /// opens it when it is selected already.
    fn click_group(&mut self, body: Rect, y: u16) -> Option<Effect> {
        let inner = body.inner(ratatui::layout::Margin::new(1, 1));
        if !(inner.y..inner.bottom()).contains(&y) {
            return None;
        }
        let tag = self.tag_name();
        let height = usize::from(inner.height);
        let clicked = self
            .groups
            .row_at(tag.as_deref(), height, usize::from(y - inner.y))?;
        self.prompt = None;
        if clicked == self.groups.row {
            return self.open();
        }
        self.groups.row = clicked;
        None
    }

    /// A click on a column's header in `table`: sorts by that column, or reverses the sort when
    /// it is sorted by it already, as a spreadsheet does. The selection stays on its row's
    /// report or claim.
    fn click_header(&mut self, table: Rect, x: u16) {
        if self.view == View::Claims {
            let shown = columns::claim_columns(self.claim_column());
            let widths: Vec<_> = shown.iter().map(|c| c.width()).collect();
            let Some(by) = columns::column_at(table, &widths, x).and_then(|i| shown[i].sorts_by())
            else {
                return;
            };
            let Some(index) = ClaimColumn::ALL.iter().position(|c| *c == by) else {
                return;
            };
            self.keeping(|review| {
                let sort = &mut review.claim_sort;
                sort.descending = sort.column == index && !sort.descending;
                sort.column = index;
            });
        } else {
            let tags = self.tag_names();
            let shown = columns::report_columns(self, table.width);
            let widths: Vec<_> = shown
                .iter()
                .map(|c| columns::report_width(*c, &tags))
                .collect();
            let Some(by) = columns::column_at(table, &widths, x).map(|i| shown[i]) else {
                return;
            };
            let Some(index) = self.columns().iter().position(|c| *c == by) else {
                return;
            };
            self.keeping(|review| {
                review.descending = review.sort == index && !review.descending;
                review.sort = index;
            });
        }
    }

    /// After the tag filter changed: the claims view shows it, or the groups view when it is on
    /// screen (from its first row, the rows being others now).
    fn show_tagged(&mut self) {
        if self.view == View::Groups {
            self.groups.row = 0;
        } else {
            self.view = View::Claims;
        }
    }

    /// What `Enter` opens: the selected report, or the selected claim's report at the claim.
    fn open(&self) -> Option<Effect> {
        match self.view {
            View::Reports | View::Chart => {
                let i = *self.visible_reports().get(self.report_row)?;
                Some(Effect::Open {
                    path: self.reports[i].path.clone(),
                    claim: None,
                })
            }
            View::Groups => {
                let member = self
                    .groups
                    .member(self.tag_name().as_deref(), self.groups.row)?;
                Some(Effect::OpenAt {
                    path: member.report.clone(),
                    sentence: member.n - 1,
                })
            }
            View::Claims => {
                let (r, c) = *self.visible_claims().get(self.claim_row)?;
                let report = &self.reports[r];
                Some(Effect::Open {
                    path: report.path.clone(),
                    claim: Some(report.claims[c].id.clone()),
                })
            }
        }
    }
}

/// Applies one action to the review state; returns what the event loop must do next. Any key
/// closes the help; an action that means nothing here (see [`Command::of`]) says so in the
/// status line (see `reader::update` for why the two screens share one keymap).
pub fn update(review: &mut Review, action: Action) -> Option<Effect> {
    if !matches!(action, Action::Resize(..)) {
        review.resuming = None;
    }
    if review.help && !matches!(action, Action::Resize(..) | Action::Quit) {
        review.help = false;
        review.settle();
        return None;
    }
    let Some(command) = Command::of(action) else {
        // A key of the reader alone (tagging, undo…): the keymap is shared, so say so.
        review.answer = Some(format!(
            "{} is a key of the reader; nothing to do on the review screen",
            review.config.keys.key_name(action)
        ));
        return None;
    };
    let effect = apply(review, command);
    review.settle();
    effect
}

/// [`update`] before the tables are scrolled to their selections.
fn apply(review: &mut Review, command: Command) -> Option<Effect> {
    match command {
        Command::Down => review.step(1),
        Command::Up => review.step(-1),
        Command::PageDown => review.step(PAGE.cast_signed()),
        Command::PageUp => review.step(-PAGE.cast_signed()),
        Command::First => *review.row_mut() = 0,
        Command::Last => review.step(isize::MAX),
        Command::Open => return review.open(),
        Command::NextView => {
            review.view = match review.view {
                View::Reports => View::Claims,
                View::Claims => View::Chart,
                View::Chart => View::Groups,
                View::Groups => View::Reports,
            };
        }
        Command::Show(view) => review.view = view,
        Command::Filter if !matches!(review.view, View::Chart | View::Groups) => {
            let current = if review.view == View::Claims {
                &review.query
            } else {
                &review.name_filter
            };
            review.prompt = Some(TextInput::new(current));
        }
        Command::Filter => {}
        Command::NextTag => review.keeping(|review| {
            let n = review.config.tags.len();
            review.tag_filter = match review.tag_filter {
                None if n > 0 => Some(0),
                Some(i) if i + 1 < n => Some(i + 1),
                _ => None,
            };
            review.show_tagged();
        }),
        Command::OnlyTag(i) => review.keeping(|review| {
            review.tag_filter = (review.tag_filter != Some(i)).then_some(i);
            review.show_tagged();
        }),
        Command::Differs => {
            if review.view == View::Groups {
                review.groups.differs_only = !review.groups.differs_only;
            }
            review.view = View::Groups;
            review.groups.row = 0;
        }
        Command::WeakSources => review.keeping(|review| {
            review.weak_only = !review.weak_only;
            review.view = View::Claims;
        }),
        Command::Unfinished => review.keeping(|review| {
            review.unfinished_only = !review.unfinished_only;
            review.view = View::Reports;
        }),
        Command::SortNext | Command::SortPrev | Command::SortReverse => {
            review.keeping(|review| sort(review, command));
        }
        Command::Help => review.help = true,
        Command::ClearFilters => review.keeping(|review| {
            review.name_filter.clear();
            review.query.clear();
            review.tag_filter = None;
            review.weak_only = false;
            review.unfinished_only = false;
            review.groups.differs_only = false;
            review.message = None;
        }),
        Command::Quit => return Some(Effect::Quit),
        Command::Click(column, row) => return review.click(column, row),
        Command::Resize(w, h) => review.size = Rect::new(0, 0, w, h),
    }
    None
}

/// Changes the sort of the claims view (when it is on screen) or of the reports table.
fn sort(review: &mut Review, command: Command) {
    let (column, descending, columns) = if review.view == View::Claims {
        (
            &mut review.claim_sort.column,
            &mut review.claim_sort.descending,
            ClaimColumn::ALL.len(),
        )
    } else {
        review.view = View::Reports;
        let columns = review.columns().len();
        (&mut review.sort, &mut review.descending, columns)
    };
    match command {
        Command::SortNext => *column = (*column + 1) % columns,
        Command::SortPrev => *column = (*column + columns - 1) % columns,
        _ => *descending = !*descending,
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
