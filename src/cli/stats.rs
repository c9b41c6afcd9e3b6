//! `sidenote stats [PATH…]`: per report and in total, how many sentences, how many were reviewed
//! and whether the review is done, claims per tag, orphaned claims, named and anonymous sources and grades, for a person (a table) or a script
//! (JSON).

use std::fmt::Write as _;
use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use super::{CliError, write_out};
use crate::annotate::SourceKind;
use crate::config::Config;
use crate::corpus::grades::{LETTERS, UNGRADED};
use crate::corpus::stats::{self, Counts};
use crate::corpus::{Reviewed, scan};
use crate::report::safe;
use crate::suggest::Cues;

/// Output formats of `stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table.
    Text,
    /// `{"reports": [...], "total": {...}}`.
    Json,
}

/// How long a scan runs before a progress bar appears: quick runs stay quiet.
const QUIET_FOR: Duration = Duration::from_millis(300);

/// Prints the counts of every report under `paths` (the current folder when there is none).
/// A report or sidecar that cannot be read is named on stderr and left out; the command then
/// exits with bad input after printing the rest. A web page in which no article was found is
/// named on stderr and left out of the counts, unless it was annotated ([`load_all`]).
/// Whether a report is done is judged with the config's cue lists (its `[suggest]` words
/// added), as the reader's suggestions are: a word the user made page furniture does not leave a
/// report unfinished.
pub fn run(paths: &[PathBuf], format: Format, config: &Config) -> Result<(), CliError> {
    let cues = super::suggest::cues(config)?;
    let (reports, failed) = load_all(paths, &cues)?;
    let tags: Vec<String> = config.tags.iter().map(|t| t.name.clone()).collect();
    write_out(|out| match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &stats::to_json(&reports, &tags))?;
            writeln!(out)
        }
        Format::Text => out.write_all(table(&reports, &tags).as_bytes()),
    })?;
    failed_to_error(failed)
}

/// Every report under `paths`, loaded in parallel, in path order; and the messages of those
/// that could not be read. A web page in which no article was found is named on stderr and left
/// out, unless it was annotated ([`pages_with_articles`]). A progress bar shows on stderr when
/// this takes a while and stderr is a terminal. `cues` tell claim candidates from headings and
/// furniture ([`Reviewed::load_with`]); they are built once by the caller and shared.
pub fn load_all(paths: &[PathBuf], cues: &Cues) -> Result<(Vec<Reviewed>, Vec<String>), CliError> {
    let (loaded, failed) = load_each(paths, cues)?;
    Ok((pages_with_articles(loaded), failed))
}

/// The reports `stats` counts and `export` writes: those of `loaded` (each with whether no article was found in it,
/// [`Reviewed::load_checked`]) that have an article, and those without one that were annotated
/// anyway (their claims count). Each page without an article is named on stderr, saying whether
/// it was left out, so that a folder of saved pages does not count a section front as a report
/// never read.
fn pages_with_articles(loaded: Vec<(Reviewed, bool)>) -> Vec<Reviewed> {
    let mut kept = Vec::with_capacity(loaded.len());
    for (report, no_article) in loaded {
        if no_article {
            let what = if report.is_annotated() {
                "counted for its annotations"
            } else {
                "left out"
            };
            eprintln!(
                "sidenote: {}: {}; {what}",
                safe(&report.path.to_string_lossy()),
                super::NO_ARTICLE_FOUND
            );
            if !report.is_annotated() {
                continue;
            }
        }
        kept.push(report);
    }
    kept
}

/// Reports each with whether no article was found in it, and the messages of those that could
/// not be read.
type Loaded = (Vec<(Reviewed, bool)>, Vec<String>);

/// Every report under `paths`, loaded in parallel, in path order, each with whether no article
/// was found in it; and the messages of those that could not be read.
fn load_each(paths: &[PathBuf], cues: &Cues) -> Result<Loaded, CliError> {
    let here = [PathBuf::from(".")];
    let paths = if paths.is_empty() { &here[..] } else { paths };
    let found = scan::find_reports(paths).map_err(CliError::BadInput)?;
    let bar = Progress::new(found.len() as u64);
    let results: Vec<_> = found
        .par_iter()
        .map(|path| {
            let loaded = Reviewed::load_checked(path, cues);
            bar.tick();
            loaded
        })
        .collect();
    bar.finish();
    let mut reports = Vec::with_capacity(results.len());
    let mut failed = Vec::new();
    for result in results {
        match result {
            Ok(report) => reports.push(report),
            Err(e) => failed.push(e.to_string()),
        }
    }
    Ok((reports, failed))
}

/// After printing what could be read: each failure on stderr, then bad input if there was any.
pub fn failed_to_error(failed: Vec<String>) -> Result<(), CliError> {
    let count = failed.len();
    for message in failed {
        eprintln!("sidenote: {}", safe(&message));
    }
    if count == 0 {
        Ok(())
    } else {
        Err(CliError::BadInput(format!(
            "{count} report(s) could not be read and were left out (see above); fix or move them"
        )))
    }
}

/// A progress bar (also `corroborate`'s) that stays hidden for [`QUIET_FOR`] and altogether when stderr is not a
/// terminal.
pub(super) struct Progress {
    bar: ProgressBar,
    started: Instant,
    shown: AtomicBool,
    terminal: bool,
}

impl Progress {
    pub(super) fn new(total: u64) -> Self {
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("reading reports {bar:30} {pos}/{len}") {
            bar.set_style(style);
        }
        Self {
            bar,
            started: Instant::now(),
            shown: AtomicBool::new(false),
            terminal: std::io::stderr().is_terminal(),
        }
    }

    pub(super) fn tick(&self) {
        self.bar.inc(1);
        if self.terminal
            && self.started.elapsed() >= QUIET_FOR
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    pub(super) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The text table: one row per report, a total row, columns per tag, per kind of source and per
/// reliability letter.
fn table(reports: &[Reviewed], tags: &[String]) -> String {
    let mut total = Counts::zero(tags);
    let counts: Vec<Counts> = reports.iter().map(|r| Counts::of(r, tags)).collect();
    for c in &counts {
        total.add(c);
    }
    let names = total.tag_order(tags);
    let grades: Vec<String> = LETTERS
        .iter()
        .map(char::to_string)
        .chain([UNGRADED.to_owned()])
        .collect();
    let mut header = vec!["sentences".to_owned(), "claims".to_owned()];
    header.extend(names.iter().map(|n| safe(n).into_owned()));
    header.push("orphaned".to_owned());
    header.extend(SourceKind::ALL.map(|k| k.name().to_owned()));
    header.extend(grades.iter().cloned());
    // Added last, so the columns scripts read by position stay where they were.
    header.extend(["reviewed".to_owned(), "done".to_owned()]);
    let numbers = |c: &Counts| {
        let mut row = vec![c.sentences, c.claims];
        row.extend(names.iter().map(|n| c.tag(n)));
        row.push(c.orphaned);
        row.extend(SourceKind::ALL.map(|k| c.source_kind(k)));
        row.extend(
            grades
                .iter()
                .map(|g| c.reliability.get(g).copied().unwrap_or(0)),
        );
        row.extend([c.reviewed, c.done]);
        row
    };
    let mut rows: Vec<(String, Vec<usize>)> = reports
        .iter()
        .zip(&counts)
        .map(|(r, c)| (safe(&r.path.to_string_lossy()).into_owned(), numbers(c)))
        .collect();
    rows.push((
        format!("total ({} reports)", total.reports),
        numbers(&total),
    ));
    let first = rows
        .iter()
        .map(|(n, _)| n.chars().count())
        .chain(["report".len()])
        .max()
        .unwrap_or(6);
    let widths: Vec<usize> = header.iter().map(|h| h.chars().count().max(5)).collect();
    let mut text = format!("{:first$}", "report");
    for (h, w) in header.iter().zip(&widths) {
        let _ = write!(text, "  {h:>w$}");
    }
    text.push('\n');
    for (name, numbers) in rows {
        let _ = write!(text, "{name:first$}");
        for (n, w) in numbers.iter().zip(&widths) {
            let _ = write!(text, "  {n:>w$}");
        }
        text.push('\n');
    }
    text
}
