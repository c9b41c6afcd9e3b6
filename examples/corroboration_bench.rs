//! How long the reader's and the review screen's corroboration take on a large folder, beside
//! what they must never delay: the reader's first screen, and the review screen's scan of the
//! folder; each without the signature cache, with an empty one (filled on the way) and with it
//! full (a temporary folder, not the user's). Not part of `cargo test`; see docs/benchmarks.md.
//!
//! ```sh
//! cargo run --release --example corroboration_bench -- FOLDER REPORT
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sidenote::config::Config;
use sidenote::corpus::{Reviewed, scan};
use sidenote::corroborate::Cache;
use sidenote::report::Report;
use sidenote::suggest::Cues;
use sidenote::tui::reader::corroboration::{News, worker};
use sidenote::tui::reader::{App, ui, update};
use sidenote::tui::review::{Message, groups};
use sidenote::tui::{Input, Workers};

/// Compares the report of `app` with the reports of `folder` on the worker thread, as the reader
/// does, and waits for it; how long it took.
fn compare(app: &mut App, folder: &std::path::Path, cache: Option<Cache>) -> std::time::Duration {
    let started = Instant::now();
    let workers = Workers::default();
    let _worker = worker::start(
        Arc::clone(&app.report),
        app.sidecar.claims.clone(),
        folder.to_path_buf(),
        Cues::builtin(),
        cache,
        workers.sender(),
    );
    app.corroboration_started();
    while let Some(input) = workers.next() {
        if let Input::Corroborated(news) = input {
            let done = matches!(*news, News::Done(_));
            app.corroborated(*news);
            if done {
                break;
            }
        }
    }
    started.elapsed()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [folder, report] = args.as_slice() else {
        eprintln!("usage: corroboration_bench FOLDER REPORT");
        return ExitCode::from(2);
    };
    let folder = PathBuf::from(folder);

    // The reader: its first screen, then the comparison in the background.
    let started = Instant::now();
    let Ok(loaded) = Report::load(report.as_ref()) else {
        eprintln!("{report}: cannot be read");
        return ExitCode::from(2);
    };
    let mut app = App::new(loaded, None, Config::default(), None);
    update(&mut app, sidenote::config::keys::Action::Resize(120, 40));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    terminal.draw(|frame| ui::draw(frame, &app)).expect("draws");
    let first_screen = started.elapsed();
    println!("reader: first screen in {first_screen:?}");

    // Without a cache, then with an empty one (filled on the way), then with it full.
    let cache_dir = tempfile::tempdir().expect("a temporary cache folder");
    let cache = Cache::at(cache_dir.path(), &Cues::builtin()).expect("an executable");
    for (what, cache) in [
        ("no cache", None),
        ("cold cache", Some(&cache)),
        ("warm cache", Some(&cache)),
    ] {
        let compared = compare(&mut app, &folder, cache.cloned());
        match app.corroboration() {
            Some(found) => println!(
                "reader, {what}: compared with {} of {} reports in {compared:?} ({:.0}x the first \
                 screen); {} of its {} sentences are in a group",
                found.compared,
                found.found,
                compared.as_secs_f64() / first_screen.as_secs_f64(),
                found.by_sentence.len(),
                app.report.sentences.len()
            ),
            None => println!("reader: the comparison failed: {:?}", app.corroboration),
        }
    }

    // The review screen: its scan, then the groups view.
    let started = Instant::now();
    let found = scan::find_reports(std::slice::from_ref(&folder)).unwrap_or_default();
    let read = found.iter().filter(|p| Reviewed::load(p).is_ok()).count();
    let scanned = started.elapsed();
    println!("review: scan of {read} reports in {scanned:?}");
    let review_cache = tempfile::tempdir().expect("a temporary cache folder");
    let review_cache = Cache::at(review_cache.path(), &Cues::builtin()).expect("an executable");
    for (what, cache) in [
        ("no cache", None),
        ("cold cache", Some(&review_cache)),
        ("warm cache", Some(&review_cache)),
    ] {
        let started = Instant::now();
        let (tx, rx) = std::sync::mpsc::channel();
        groups::compute(&folder, &Cues::builtin(), cache, &tx);
        drop(tx);
        let computed = started.elapsed();
        for message in rx {
            if let Message::Groups(groups::News::Done(done)) = message {
                match done {
                    Ok(done) => println!(
                        "review, {what}: {} groups of {} reports in {computed:?} ({:.1}x the scan)",
                        done.groups.len(),
                        done.compared,
                        computed.as_secs_f64() / scanned.as_secs_f64()
                    ),
                    Err(why) => println!("review: the comparison failed: {why}"),
                }
            }
        }
    }
    ExitCode::SUCCESS
}
