//! Corroboration in the reader: which other reports of the folder state the claim under the
//! cursor, on whose word, and where they disagree; the list of them (`C`), from which `Enter`
//! opens one at its sentence; and the credibility a claim's independent sources support, as a
//! hint beside its grade.
//!
//! The comparison runs on a thread ([`worker`]); this module holds what it found and what the
//! user does with it, with no I/O: the event loop starts the worker when
//! [`App::corroboration_wanted`], hands its news to [`App::corroborated`], and opens the report
//! [`App::take_opening`] names.

mod marks;
pub mod worker;

pub use marks::{Piece, lines, marked};

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{App, Effect, Focus, loading};
use crate::annotate::{Claim, Grade};
use crate::corroborate::{Difference, Member, MemberClaim, source_id};
use crate::report::safe_path;

/// What the worker tells the reader.
#[derive(Debug)]
pub enum News {
    /// `read` of the `total` reports to compare are read.
    Reading {
        /// Reports read so far.
        read: usize,
        /// Reports to read.
        total: usize,
    },
    /// The comparison is over: what concerns the report, or why it failed.
    Done(Result<Arc<Found>, String>),
}

/// What the comparison found for one report.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The report's SHA-256 when it was compared: a report changed since needs comparing again.
    pub sha256: String,
    /// How many other reports were compared.
    pub compared: usize,
    /// How many other reports the folder holds (more than `compared` past the cap).
    pub found: usize,
    /// How many could not be read.
    pub failed: usize,
    /// The groups holding a sentence of the report, seen from it.
    pub echoes: Vec<Echo>,
    /// The report's sentences (from 0) in a group, with the group's index in `echoes`.
    pub by_sentence: HashMap<usize, usize>,
}

impl Found {
    /// Whether the folder held more reports than were read (past [`worker::MOST_REPORTS`]): the
    /// reports that could not be read were tried, and do not make the comparison a partial one.
    pub fn capped(&self) -> bool {
        self.compared + self.failed < self.found
    }

    /// What the other reports say of `sentences` (from 0): their groups joined, or `None` when
    /// no other report states any of them.
    pub fn echo_of(&self, sentences: impl IntoIterator<Item = usize>) -> Option<Echo> {
        let mut groups: Vec<usize> = sentences
            .into_iter()
            .filter_map(|s| self.by_sentence.get(&s).copied())
            .collect();
        groups.sort_unstable();
        groups.dedup();
        let mut echo: Option<Echo> = None;
        for g in groups {
            let next = &self.echoes[g];
            match &mut echo {
                None => echo = Some(next.clone()),
                Some(echo) => echo.join(next),
            }
        }
        echo
    }
}

/// A group as the reader shows it: the members in the other reports, and their sources.
#[derive(Debug, Clone, PartialEq)]
pub struct Echo {
    /// How many other reports state it.
    pub reports: usize,
    /// The ids of the distinct sources those reports rest on.
    pub sources: Vec<u64>,
    /// Where the group's members (this report's included) disagree.
    pub differences: Vec<Difference>,
    /// The sentences of the other reports, by report path, then in text order.
    pub members: Vec<Member>,
}

impl Echo {
    /// Adds the members, sources and differences of `other` (another sentence of one claim).
    fn join(&mut self, other: &Self) {
        for member in &other.members {
            if !self
                .members
                .iter()
                .any(|m| m.report == member.report && m.n == member.n)
            {
                self.members.push(member.clone());
            }
        }
        self.members
            .sort_by(|a, b| (&a.report, a.n).cmp(&(&b.report, b.n)));
        let mut reports: Vec<&Path> = self.members.iter().map(|m| m.report.as_path()).collect();
        reports.dedup();
        self.reports = reports.len();
        self.sources.extend(&other.sources);
        self.sources.sort_unstable();
        self.sources.dedup();
        for difference in &other.differences {
            if !self.differences.contains(difference) {
                self.differences.push(difference.clone());
            }
        }
    }

    /// Takes in the claims now on `report` (found in its text) for its members, as after the
    /// user tagged there: their tags and the sources counted follow.
    pub fn retag(&mut self, report: &Path, claims: &[&Claim]) {
        if retag(&mut self.members, report, claims) {
            self.sources = sources_of(&self.members);
        }
    }

    /// How many independent sources the other reports add to a claim attributed to `own`: their
    /// distinct sources, `own` left out (the same source repeated corroborates nothing).
    pub fn independent(&self, own: Option<&str>) -> usize {
        let own = own.filter(|s| !s.trim().is_empty()).map(source_id);
        self.sources.iter().filter(|s| Some(**s) != own).count()
    }
}

/// Puts on the `members` of `report` the `claims` now over their sentences (found in its text;
/// offsets in code points); whether there were any.
pub fn retag(members: &mut [Member], report: &Path, claims: &[&Claim]) -> bool {
    let mut any = false;
    for member in members.iter_mut().filter(|m| m.report == report) {
        let chars = member.chars.clone();
        member.claims = claims
            .iter()
            .filter(|c| c.start < chars.end && chars.start < c.end.max(c.start + 1))
            .map(|c| MemberClaim::of(c))
            .collect();
        any = true;
    }
    any
}

/// The ids of the distinct sources `members` rest on, as the engine counts them: each member's
/// claims' sources, else its suggested source when it is suggested as sourced.
pub fn sources_of(members: &[Member]) -> Vec<u64> {
    let mut sources: Vec<u64> = members
        .iter()
        .flat_map(|member| {
            if member.claims.is_empty() {
                member
                    .suggestion
                    .source
                    .iter()
                    .filter(|_| member.suggestion.verdict == Some("sourced"))
                    .map(|s| source_id(s))
                    .collect::<Vec<_>>()
            } else {
                member
                    .claims
                    .iter()
                    .filter_map(|c| c.source.as_deref())
                    .map(source_id)
                    .collect()
            }
        })
        .collect();
    sources.sort_unstable();
    sources.dedup();
    sources
}

/// How many independent sources support credibility 1, "confirmed by other independent sources".
pub const CONFIRMING_SOURCES: usize = 2;

/// Where the comparison stands.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum State {
    /// Not started.
    #[default]
    Idle,
    /// Reading the folder for the report with this SHA-256.
    Reading {
        /// The report's SHA-256.
        sha256: String,
        /// Reports read.
        read: usize,
        /// Reports to read (0 until they are found).
        total: usize,
    },
    /// Done.
    Ready(Arc<Found>),
    /// Failed for the report with this SHA-256; the message says why.
    Failed {
        /// The report's SHA-256.
        sha256: String,
        /// Why.
        why: String,
    },
}

/// A report to open at a sentence (from 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The report.
    pub path: PathBuf,
    /// The sentence, from 0.
    pub sentence: usize,
}

/// The reader's corroboration: its own state, apart from the rest of the reader's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Corroborating {
    /// The folder to compare with, when it is not the report's own (the review screen's).
    pub folder: Option<PathBuf>,
    /// The report this one was opened from with `Enter` in the list: quitting goes back to it.
    pub back: Option<PathBuf>,
    /// Where the comparison stands.
    pub state: State,
    /// The selected row of the list, while the list is open.
    pub list: Option<usize>,
    /// The report the user asked to open, until the event loop takes it.
    opening: Option<Target>,
}

impl Corroborating {
    /// What a reader on a changed text of its report keeps: the folder, and where it came from.
    #[must_use]
    pub fn carried(&self) -> Self {
        Self {
            folder: self.folder.clone(),
            back: self.back.clone(),
            ..Self::default()
        }
    }
}

/// What a key does in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListKey {
    Next,
    Prev,
    Open,
    Close,
}

impl ListKey {
    fn of(event: KeyEvent) -> Option<Self> {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        Some(match event.code {
            KeyCode::Char('j') | KeyCode::Down => Self::Next,
            KeyCode::Char('k') | KeyCode::Up => Self::Prev,
            KeyCode::Enter => Self::Open,
            KeyCode::Char('c') if ctrl => Self::Close,
            KeyCode::Esc | KeyCode::Char('q' | 'C') => Self::Close,
            _ => return None,
        })
    }
}

impl App {
    /// The folder whose reports are compared with this one.
    pub fn corroboration_folder(&self) -> PathBuf {
        self.corroboration
            .folder
            .clone()
            .unwrap_or_else(|| match self.report.path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            })
    }

    /// Whether the comparison should start (again): never done, or done for another text of
    /// the report. Not while only part of a large report is in.
    pub fn corroboration_wanted(&self) -> bool {
        if loading::is_partial(self) || self.report.sentences.is_empty() {
            return false;
        }
        let sha256 = &self.report.sha256;
        match &self.corroboration.state {
            State::Idle => true,
            State::Reading { sha256: s, .. } | State::Failed { sha256: s, .. } => s != sha256,
            State::Ready(found) => found.sha256 != *sha256,
        }
    }

    /// The event loop started the comparison.
    pub fn corroboration_started(&mut self) {
        self.corroboration.state = State::Reading {
            sha256: self.report.sha256.clone(),
            read: 0,
            total: 0,
        };
    }

    /// Takes in the worker's news; news about another text of the report is dropped.
    pub fn corroborated(&mut self, news: News) {
        let State::Reading {
            sha256,
            read,
            total,
        } = &mut self.corroboration.state
        else {
            return;
        };
        if *sha256 != self.report.sha256 {
            return;
        }
        match news {
            News::Reading { read: r, total: t } => (*read, *total) = (r, t),
            News::Done(Ok(found)) if found.sha256 == *sha256 => {
                self.corroboration.state = State::Ready(found);
            }
            News::Done(Ok(_)) => {}
            News::Done(Err(why)) => {
                self.corroboration.state = State::Failed {
                    sha256: sha256.clone(),
                    why,
                };
            }
        }
    }

    /// What was found, when the comparison is done.
    pub fn corroboration(&self) -> Option<&Found> {
        match &self.corroboration.state {
            State::Ready(found) => Some(found),
            _ => None,
        }
    }

    /// The sentences (from 0) of claim `i`.
    fn claim_sentences(&self, i: usize) -> Vec<usize> {
        self.claim_span(i)
            .map_or_else(Vec::new, |span| self.span_sentences(span))
    }

    /// The sentences (from 0) that `span` (bytes of the text) touches.
    fn span_sentences(&self, span: &Range<usize>) -> Vec<usize> {
        let first = self.report.sentence_at(span.start);
        let last = self
            .report
            .sentence_at(span.end.saturating_sub(1).max(span.start));
        (first..=last).collect()
    }

    /// What the other reports say of the claim selected in the panel (when the panel has the
    /// keys) or of the sentence under the cursor.
    pub fn echo(&self) -> Option<Echo> {
        let found = self.corroboration()?;
        match self.selected_index() {
            Some(i) if self.focus == Focus::Panel => found.echo_of(self.claim_sentences(i)),
            _ => found.echo_of([self.cursor]),
        }
    }

    /// How many independent sources support credibility 1 for claim `i`, when they are
    /// [`CONFIRMING_SOURCES`] or more and its grade does not say 1 already: a hint, never set.
    pub fn supported_credibility(&self, i: usize) -> Option<usize> {
        let claim = self.sidecar.claims.get(i)?;
        if claim.grade.is_some_and(|g| g.credibility() == 1) {
            return None;
        }
        let echo = self.corroboration()?.echo_of(self.claim_sentences(i))?;
        let sources = echo.independent(claim.source.as_deref());
        (sources >= CONFIRMING_SOURCES).then_some(sources)
    }

    /// The same hint for the claim editor: a claim over `span` (bytes) attributed to `source`
    /// and graded `grade`, as typed so far (a grade not yet valid hides nothing).
    pub fn supported_credibility_of(
        &self,
        span: &Range<usize>,
        source: &str,
        grade: &str,
    ) -> Option<usize> {
        if Grade::parse_optional(grade).is_ok_and(|g| g.is_some_and(|g| g.credibility() == 1)) {
            return None;
        }
        let echo = self.corroboration()?.echo_of(self.span_sentences(span))?;
        let sources = echo.independent(Some(source));
        (sources >= CONFIRMING_SOURCES).then_some(sources)
    }

    /// Opens the list of the other reports stating the claim under the cursor, or says why not.
    pub(super) fn open_corroboration(&mut self) {
        match (&self.corroboration.state, self.echo()) {
            (_, Some(_)) => self.corroboration.list = Some(0),
            (State::Ready(found), None) => {
                let of = if found.capped() {
                    format!("the nearest {} of {}", found.compared, found.found)
                } else {
                    found.compared.to_string()
                };
                let failed = match found.failed {
                    0 => String::new(),
                    n => format!("; {n} could not be read"),
                };
                self.message = Some(format!(
                    "no other report states this (compared with {of} report(s){failed})"
                ));
            }
            (State::Failed { why, .. }, None) => {
                self.message = Some(format!("could not compare with other reports: {why}"));
            }
            (State::Reading { read, total, .. }, None) => {
                self.message = Some(format!(
                    "still comparing with the other reports ({read}/{total} read)"
                ));
            }
            (State::Idle, None) if self.report.sentences.is_empty() => {
                self.message = Some("nothing to compare: the report has no sentences".to_owned());
            }
            (State::Idle, None) => {
                self.message = Some("the other reports are not compared yet".to_owned());
            }
        }
    }

    /// A key while the list is open.
    pub(super) fn corroboration_key(&mut self, event: KeyEvent) -> Option<Effect> {
        let row = self.corroboration.list?;
        let Some(echo) = self.echo() else {
            self.corroboration.list = None;
            return None;
        };
        // A click may have moved the cursor to a sentence with fewer other reports.
        let row = row.min(echo.members.len().saturating_sub(1));
        match ListKey::of(event)? {
            ListKey::Next => {
                self.corroboration.list = Some((row + 1).min(echo.members.len().saturating_sub(1)));
            }
            ListKey::Prev => self.corroboration.list = Some(row.saturating_sub(1)),
            ListKey::Close => self.corroboration.list = None,
            ListKey::Open => {
                let member = echo.members.get(row)?;
                self.corroboration.list = None;
                self.corroboration.opening = Some(Target {
                    path: member.report.clone(),
                    sentence: member.n - 1,
                });
                return Some(Effect::OpenOther);
            }
        }
        None
    }

    /// The reader on a report opened from the list was closed: what was tagged there shows here.
    pub fn back_from(&mut self, other: &App) {
        let State::Ready(found) = &mut self.corroboration.state else {
            return;
        };
        let claims: Vec<&Claim> = (0..other.sidecar.claims.len())
            .filter(|&i| other.claim_span(i).is_some())
            .map(|i| &other.sidecar.claims[i])
            .collect();
        for echo in &mut Arc::make_mut(found).echoes {
            echo.retag(&other.report.path, &claims);
        }
    }

    /// The report the user asked to open with `Enter` in the list, taken once.
    pub fn take_opening(&mut self) -> Option<Target> {
        self.corroboration.opening.take()
    }

    /// A reader opened from the list of `from`: it starts at `sentence` (from 0), compares with
    /// the same folder, and quitting it goes back.
    pub fn opened_from(&mut self, from: &App, sentence: usize) {
        self.corroboration.folder = Some(from.corroboration_folder());
        self.corroboration.back = Some(from.report.path.clone());
        self.start_at_sentence(sentence);
        let name = safe_path(&from.report.path);
        self.say_first(&format!("opened from {name}: q goes back to it"));
    }

    /// Puts the cursor on sentence `n` (from 0), as when the review screen opens a report at a
    /// sentence another report shares.
    pub fn start_at_sentence(&mut self, n: usize) {
        self.move_cursor(n);
    }
}

#[cfg(test)]
mod tests;
