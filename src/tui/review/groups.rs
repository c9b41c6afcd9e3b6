//! The review screen's groups view: the same claim stated in several reports of the folder
//! (see `docs/corroboration.md`), most reports first, filtered by tag and to the groups whose
//! reports differ; `Enter` opens a member's report at its sentence. Computed on the scan's thread
//! after the scan ([`compute`]), never delaying the screen.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::Sender;

use super::Message;
use crate::annotate::Claim;
use crate::corpus::scan;
use crate::corroborate::{self, Cache, Corroboration, Difference, Member};
use crate::suggest::Cues;
use crate::tui::reader::corroboration::{retag, sources_of};

/// The most reports the view compares; past it the view says how many were left out.
pub const MOST_REPORTS: usize = 10_000;

/// A group as the view lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// How many reports state it.
    pub reports: usize,
    /// How many distinct sources they rest on.
    pub sources: usize,
    /// Where the members disagree.
    pub differences: Vec<Difference>,
    /// The sentences, by report path, then in text order.
    pub members: Vec<Member>,
}

impl Shown {
    /// Whether a member carries a claim with the tag `tag`.
    pub fn has_tag(&self, tag: &str) -> bool {
        self.members
            .iter()
            .any(|m| m.claims.iter().any(|c| c.status == tag))
    }
}

/// What the comparison tells the screen.
#[derive(Debug)]
pub enum News {
    /// `done` of `total` reports read.
    Reading {
        /// Reports read.
        done: usize,
        /// Reports to read.
        total: usize,
    },
    /// The groups, most reports first; and how many reports were compared of how many.
    Done(Result<Computed, String>),
}

/// The groups of the folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    /// The groups, most reports first.
    pub groups: Vec<Shown>,
    /// Reports compared.
    pub compared: usize,
    /// Reports found (more than `compared` past [`MOST_REPORTS`]).
    pub found: usize,
}

/// Where the view stands.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum State {
    /// Waiting for the scan to end.
    #[default]
    Waiting,
    /// Reading the reports.
    Reading {
        /// Reports read.
        done: usize,
        /// Reports to read.
        total: usize,
    },
    /// The groups.
    Ready(Computed),
    /// Why there are none.
    Failed(String),
}

/// The groups view's own state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Groups {
    /// Where the comparison stands.
    pub state: State,
    /// Only the groups whose reports differ on a number, a date or a name.
    pub differs_only: bool,
    /// The selected member row (into [`Groups::rows`]).
    pub row: usize,
}

impl Groups {
    /// Takes in the comparison's news.
    pub fn receive(&mut self, news: News) {
        self.state = match news {
            News::Reading { done, total } => State::Reading { done, total },
            News::Done(Ok(computed)) => State::Ready(computed),
            News::Done(Err(why)) => State::Failed(why),
        };
    }

    /// The groups shown, as indices: those with a claim of `tag` when given, those that differ
    /// when asked.
    pub fn visible(&self, tag: Option<&str>) -> Vec<usize> {
        let State::Ready(computed) = &self.state else {
            return Vec::new();
        };
        computed
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| tag.is_none_or(|t| g.has_tag(t)))
            .filter(|(_, g)| !self.differs_only || !g.differences.is_empty())
            .map(|(i, _)| i)
            .collect()
    }

    /// The member rows shown, as (group, member) indices, group by group.
    pub fn rows(&self, tag: Option<&str>) -> Vec<(usize, usize)> {
        let State::Ready(computed) = &self.state else {
            return Vec::new();
        };
        self.visible(tag)
            .into_iter()
            .flat_map(|g| (0..computed.groups[g].members.len()).map(move |m| (g, m)))
            .collect()
    }

    /// The lines the view draws, top to bottom: `None` for a group's line, the member row for a
    /// member's.
    pub fn lines(&self, tag: Option<&str>) -> Vec<Option<usize>> {
        let State::Ready(computed) = &self.state else {
            return Vec::new();
        };
        let mut lines = Vec::new();
        let mut row = 0;
        for g in self.visible(tag) {
            lines.push(None);
            for _ in &computed.groups[g].members {
                lines.push(Some(row));
                row += 1;
            }
        }
        lines
    }

    /// The first line shown in `height` rows: the selected member stays in sight.
    pub fn top(&self, tag: Option<&str>, height: usize) -> usize {
        let selected = self
            .lines(tag)
            .iter()
            .position(|l| *l == Some(self.row))
            .unwrap_or(0);
        (selected + 1).saturating_sub(height.max(1))
    }

    /// The member row drawn on line `y` (from the view's first row) of `height` rows, if any.
    pub fn row_at(&self, tag: Option<&str>, height: usize, y: usize) -> Option<usize> {
        let top = self.top(tag, height);
        self.lines(tag).get(top + y).copied().flatten()
    }

    /// Takes in the claims now on the report at `path` (found in its text), after the reader
    /// changed them: its members' tags and the groups' sources follow.
    pub fn retag(&mut self, path: &std::path::Path, claims: &[&Claim]) {
        let State::Ready(computed) = &mut self.state else {
            return;
        };
        for group in &mut computed.groups {
            if retag(&mut group.members, path, claims) {
                group.sources = sources_of(&group.members).len();
            }
        }
    }

    /// The member at `row` of the rows shown.
    pub fn member(&self, tag: Option<&str>, row: usize) -> Option<&Member> {
        let State::Ready(computed) = &self.state else {
            return None;
        };
        let (g, m) = *self.rows(tag).get(row)?;
        computed.groups.get(g)?.members.get(m)
    }
}

impl Groups {
    /// The reports the groups' members are in, each once.
    pub fn reports(&self) -> Vec<&std::path::Path> {
        let State::Ready(computed) = &self.state else {
            return Vec::new();
        };
        let mut reports: Vec<&std::path::Path> = computed
            .groups
            .iter()
            .flat_map(|g| &g.members)
            .map(|m| m.report.as_path())
            .collect();
        reports.sort_unstable();
        reports.dedup();
        reports
    }
}

/// How many times the comparison is made when a report changes or goes while it runs.
const ATTEMPTS: usize = 3;

/// Compares the reports under `root` (with what `cache` holds of them) and sends the groups to
/// `tx` (the scan's channel); stops when nobody listens any more.
pub fn compute(root: &std::path::Path, cues: &Cues, cache: Option<&Cache>, tx: &Sender<Message>) {
    let send = |news: News| tx.send(Message::Groups(news)).is_ok();
    if let Some(result) = groups_of(root, cues, cache, &send) {
        send(News::Done(result));
    }
}

/// The groups of the reports under `root`, the reading's progress told to `send`; `None` when
/// `send` says nobody listens. A report deleted or rewritten between its reading and the reading
/// of its sentences (a sync, an editor's save) fails only that round: the folder is compared
/// again as it is now.
fn groups_of(
    root: &std::path::Path,
    cues: &Cues,
    cache: Option<&Cache>,
    send: &(dyn Fn(News) -> bool + Sync),
) -> Option<Result<Computed, String>> {
    let mut attempt = 1;
    loop {
        let found = match scan::find_reports(&[root.to_path_buf()]) {
            Ok(found) => found,
            Err(why) => return Some(Err(why)),
        };
        let total = found.len().min(MOST_REPORTS);
        if !send(News::Reading { done: 0, total }) {
            return None;
        }
        let progress = Progress {
            done: AtomicUsize::new(0),
            total,
            send,
            gone: AtomicBool::new(false),
        };
        let (read, _failed) = corroborate::read_all(&found[..total], cues, &progress, cache);
        if progress.gone.load(Ordering::Relaxed) {
            return None;
        }
        let all = Corroboration::new(read);
        let groups: Vec<&corroborate::Group> = all.groups.iter().collect();
        match all.members(&groups, cues) {
            Ok(members) => {
                return Some(Ok(Computed {
                    groups: groups
                        .iter()
                        .zip(members)
                        .map(|(g, members)| Shown {
                            reports: g.reports,
                            sources: g.sources,
                            differences: g.differences.clone(),
                            members,
                        })
                        .collect(),
                    compared: total,
                    found: found.len(),
                }));
            }
            Err(e) if attempt >= ATTEMPTS => return Some(Err(e.to_string())),
            Err(_) => attempt += 1,
        }
    }
}

/// The reading's progress, sent now and then; and whether the screen still listens.
struct Progress<'a> {
    done: AtomicUsize,
    total: usize,
    send: &'a (dyn Fn(News) -> bool + Sync),
    gone: AtomicBool,
}

impl corroborate::Progress for Progress<'_> {
    fn read_one(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if done.is_multiple_of((self.total / 50).max(1))
            && !(self.send)(News::Reading {
                done,
                total: self.total,
            })
        {
            self.gone.store(true, Ordering::Relaxed);
        }
    }

    fn cancelled(&self) -> bool {
        self.gone.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_deleted_while_compared_leaves_the_others_grouped() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let statement = "Two police officers were injured when part of the crowd on the \
                         bridge fell into the water.";
        for name in ["brief.txt", "gazette.txt", "wire.txt"] {
            std::fs::write(
                root.join(name),
                format!("Headline {name}.\n\n{statement}\n"),
            )
            .expect("write");
        }
        let cues = Cues::new(&crate::suggest::Extra::default()).expect("cues");
        // Once every report is read, one is deleted: it was compared, its sentence is gone.
        let gone = root.join("gazette.txt");
        let send = |news: News| {
            if let News::Reading { done, total } = news
                && done == total
                && total > 0
            {
                let _ = std::fs::remove_file(&gone);
            }
            true
        };
        let computed = groups_of(root, &cues, None, &send)
            .expect("listened to")
            .expect("grouped");
        assert_eq!(computed.compared, 2, "the reports left");
        assert_eq!(computed.groups.len(), 1);
        let members: Vec<&std::path::Path> = computed.groups[0]
            .members
            .iter()
            .map(|m| m.report.as_path())
            .collect();
        assert_eq!(members, [root.join("brief.txt"), root.join("wire.txt")]);
    }
}
