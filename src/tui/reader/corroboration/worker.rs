//! The reader's corroboration, computed on a thread of its own: the folder's other reports are
//! found and read (at most [`MOST_REPORTS`] of them), compared with the report on screen as the
//! reader holds it, and what concerns that report comes back to the event loop as
//! [`Input::Corroborated`]. Nothing here delays the first screen, and closing the reader stops
//! the reading ([`Worker`] cancels when dropped).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::Sender;

use super::{Echo, Found, News, sources_of};
use crate::annotate::Claim;
use crate::corpus::scan;
use crate::corroborate::{self, Cache, Corroboration, Group, Member, ReadReport};
use crate::report::Report;
use crate::suggest::Cues;
use crate::tui::events::Input;

/// The most reports of the folder read for the reader's panel: enough for a folder on one event
/// or a season of a beat, few enough that a folder of tens of thousands costs seconds, not
/// minutes. The nearest reports (the report's own folder, then the folders under it) come first.
pub const MOST_REPORTS: usize = 2000;

/// At most so many files and folders are walked to find them: opened from a huge tree (a home
/// folder), the reader compares with what the first part of the walk found and stops there.
pub const MOST_WALKED: usize = 100_000;

/// The thread computing the corroboration of one report; dropping it tells the thread to stop.
#[derive(Debug)]
pub struct Worker {
    cancel: Arc<AtomicBool>,
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// Starts comparing `report` (with its `claims`, as the reader holds them) with the reports of
/// `folder`, taking what it can from `cache`; the news comes to `sender`.
pub fn start(
    report: Arc<Report>,
    claims: Vec<Claim>,
    folder: PathBuf,
    cues: Cues,
    cache: Option<Cache>,
    sender: Sender<Input>,
) -> Worker {
    let cancel = Arc::new(AtomicBool::new(false));
    let stop = Arc::clone(&cancel);
    std::thread::spawn(move || {
        let send = |news: News| sender.send(Input::Corroborated(Box::new(news))).is_ok();
        let progress = Reading {
            read: AtomicUsize::new(0),
            total: AtomicUsize::new(0),
            sender: &send,
            cancel: &stop,
        };
        let found = compute(&report, &claims, &folder, &cues, cache.as_ref(), &progress);
        if !stop.load(Ordering::Relaxed) {
            send(News::Done(found.map(Arc::new)));
        }
    });
    Worker { cancel }
}

/// How far the reading got, told to the event loop now and then; and whether to stop.
struct Reading<'a> {
    read: AtomicUsize,
    total: AtomicUsize,
    sender: &'a (dyn Fn(News) -> bool + Sync),
    cancel: &'a AtomicBool,
}

impl corroborate::Progress for Reading<'_> {
    fn read_one(&self) {
        let read = self.read.fetch_add(1, Ordering::Relaxed) + 1;
        let total = self.total.load(Ordering::Relaxed);
        // About fifty news a run: the panel's count moves, the channel is not flooded.
        if read.is_multiple_of((total / 50).max(1)) && !(self.sender)(News::Reading { read, total })
        {
            self.cancel.store(true, Ordering::Relaxed);
        }
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// How many times the comparison is made when a report changes or goes while it runs.
const ATTEMPTS: usize = 3;

/// What the reader shows of the corroboration of `report` by the reports of `folder`. A report
/// deleted or rewritten between its reading and the reading of its sentences (a colleague's
/// sync, an editor's save) fails only that round: the folder is compared again as it is now.
fn compute(
    report: &Report,
    claims: &[Claim],
    folder: &Path,
    cues: &Cues,
    cache: Option<&Cache>,
    progress: &Reading<'_>,
) -> Result<Found, String> {
    let mut found = compare(report, claims, folder, cues, cache, progress);
    for _ in 1..ATTEMPTS {
        if !matches!(found, Err(Failed::Changed(_))) {
            break;
        }
        progress.read.store(0, Ordering::Relaxed);
        found = compare(report, claims, folder, cues, cache, progress);
    }
    found.map_err(|failed| match failed {
        Failed::Changed(why) | Failed::Other(why) => why,
    })
}

/// Why a round of the comparison failed.
enum Failed {
    /// A report changed or went while it was compared: another round may succeed.
    Changed(String),
    /// Anything else: the folder cannot be scanned, or the reading was stopped.
    Other(String),
}

/// One round of [`compute`].
fn compare(
    report: &Report,
    claims: &[Claim],
    folder: &Path,
    cues: &Cues,
    cache: Option<&Cache>,
    progress: &Reading<'_>,
) -> Result<Found, Failed> {
    let stop = || progress.cancel.load(Ordering::Relaxed);
    let (paths, found) = nearest(folder, &report.path, MOST_REPORTS, &stop);
    if stop() {
        return Err(Failed::Other("stopped".to_owned()));
    }
    progress.total.store(paths.len(), Ordering::Relaxed);
    (progress.sender)(News::Reading {
        read: 0,
        total: paths.len(),
    });
    let (mut read, failed) = corroborate::read_all(&paths, cues, progress, cache);
    if corroborate::Progress::cancelled(progress) {
        return Err(Failed::Other("stopped".to_owned()));
    }
    let compared = read.len();
    read.push(ReadReport::of(report, claims, cues));
    let all = Corroboration::new(read);
    let Ok(own) = all.reports.binary_search(&report.path) else {
        return Err(Failed::Other("the report was not compared".to_owned()));
    };
    // The groups of the report's sentences, seen from it: the other reports' members only.
    let mut by_sentence = HashMap::new();
    let mut groups: Vec<(&Group, Group)> = Vec::new();
    for group in &all.groups {
        let mine: Vec<usize> = group
            .members
            .iter()
            .filter(|m| m.report == own)
            .map(|m| m.sentence)
            .collect();
        if mine.is_empty() {
            continue;
        }
        for sentence in mine {
            by_sentence.insert(sentence, groups.len());
        }
        let mut others = group.clone();
        others.members.retain(|m| m.report != own);
        groups.push((group, others));
    }
    let others: Vec<&Group> = groups.iter().map(|(_, o)| o).collect();
    let members = all
        .members(&others, cues)
        .map_err(|e| Failed::Changed(e.to_string()))?;
    let echoes = groups
        .iter()
        .zip(members)
        .map(|((whole, _), members)| echo(whole, members))
        .collect();
    Ok(Found {
        sha256: report.sha256.clone(),
        compared,
        found,
        failed: failed.len(),
        echoes,
        by_sentence,
    })
}

/// A group as the reader shows it: the other reports' members and their sources.
fn echo(group: &Group, members: Vec<Member>) -> Echo {
    let mut reports: Vec<&Path> = members.iter().map(|m| m.report.as_path()).collect();
    reports.dedup();
    Echo {
        reports: reports.len(),
        sources: sources_of(&members),
        differences: group.differences.clone(),
        members,
    }
}

/// The reports of `folder` other than `own`, the nearest first (those in `own`'s folder, then
/// by depth, then by path) and at most `most`, with how many there were in all.
fn nearest(
    folder: &Path,
    own: &Path,
    most: usize,
    stop: &dyn Fn() -> bool,
) -> (Vec<PathBuf>, usize) {
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let own = canonical(own);
    let own_folder = own.parent().map(Path::to_path_buf);
    let (reports, _) = scan::find_reports_bounded(folder, MOST_WALKED, stop);
    let mut paths: Vec<(bool, usize, PathBuf)> = reports
        .into_iter()
        .filter_map(|path| {
            let real = canonical(&path);
            (real != own).then(|| {
                let elsewhere = real.parent().map(Path::to_path_buf) != own_folder;
                (elsewhere, path.components().count(), path)
            })
        })
        .collect();
    let found = paths.len();
    paths.sort_unstable();
    paths.truncate(most);
    (paths.into_iter().map(|(_, _, p)| p).collect(), found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_deleted_while_compared_leaves_the_others_compared() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let statement = "Two police officers were injured when part of the crowd on the \
                         bridge fell into the water.";
        for name in ["brief.txt", "gazette.txt"] {
            std::fs::write(
                root.join(name),
                format!("Headline {name}.\n\n{statement}\n"),
            )
            .expect("write");
        }
        let own = root.join("wire.txt");
        std::fs::write(&own, format!("Wire.\n\n{statement}\n")).expect("write");
        let report = Report::load(&own).expect("loads");
        let cues = Cues::new(&crate::suggest::Extra::default()).expect("cues");
        // The last report read is deleted at once: it was compared, its sentence is gone.
        let gone = root.join("gazette.txt");
        let send = |news: News| {
            if let News::Reading { read, total } = news
                && read == total
                && total > 0
            {
                let _ = std::fs::remove_file(&gone);
            }
            true
        };
        let progress = Reading {
            read: AtomicUsize::new(0),
            total: AtomicUsize::new(0),
            sender: &send,
            cancel: &AtomicBool::new(false),
        };
        let found = compute(&report, &[], root, &cues, None, &progress).expect("compared");
        assert_eq!(found.compared, 1, "the report left");
        let echo = found.echo_of([1]).expect("still stated in brief.txt");
        assert_eq!(echo.reports, 1);
        assert_eq!(echo.members[0].report, root.join("brief.txt"));
    }

    #[test]
    fn the_nearest_reports_are_read_first_and_at_most_the_cap() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/deeper")).expect("folders");
        for name in [
            "z.txt",
            "a/own.txt",
            "a/sibling.txt",
            "a/deeper/child.txt",
            "b.txt",
        ] {
            std::fs::write(root.join(name), "Some text.").expect("write");
        }
        let own = root.join("a/own.txt");
        let (paths, found) = nearest(root, &own, 2, &|| false);
        assert_eq!(found, 4, "every other report");
        assert_eq!(paths, [root.join("a/sibling.txt"), root.join("b.txt")]);
        let (all, _) = nearest(root, &own, 10, &|| false);
        assert_eq!(
            all,
            [
                root.join("a/sibling.txt"),
                root.join("b.txt"),
                root.join("z.txt"),
                root.join("a/deeper/child.txt"),
            ]
        );
    }
}
