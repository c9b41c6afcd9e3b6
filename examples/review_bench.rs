//! How much the review screen's bookkeeping costs on a large folder: finding the reports (with
//! the first-bytes check that leaves exports out), sorting the reports table and the claims
//! view as each frame does, and taking in scanned reports while keeping the selection on its
//! report and claim. Not part of `cargo test`; see docs/benchmarks.md.
//!
//! ```sh
//! cargo run --release --example stats_bench -- 10000 1 --keep   # prints the FOLDER it keeps
//! cargo run --release --example review_bench -- FOLDER
//! ```

use std::process::ExitCode;
use std::time::Instant;

use sidenote::config::Config;
use sidenote::config::keys::{Action, ReviewAction};
use sidenote::corpus::{Reviewed, scan};
use sidenote::tui::review::Message;
use sidenote::tui::review::{Review, update};

fn main() -> ExitCode {
    let Some(root) = std::env::args().nth(1) else {
        eprintln!("usage: review_bench FOLDER");
        return ExitCode::from(2);
    };
    let started = Instant::now();
    let found = match scan::find_reports(&[root.clone().into()]) {
        Ok(found) => found,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    println!(
        "find_reports: {} reports in {:?}",
        found.len(),
        started.elapsed()
    );
    let started = Instant::now();
    let exports = found.iter().filter(|p| scan::is_export(p)).count();
    println!(
        "is_export alone, one thread: {exports} exports, {:?}",
        started.elapsed()
    );
    let reports: Vec<Reviewed> = found
        .iter()
        .filter_map(|p| Reviewed::load(p).ok())
        .collect();
    let claims: usize = reports.iter().map(|r| r.claims.len()).sum();
    println!("loaded {} reports, {claims} claims", reports.len());
    for batch in [100, 1000] {
        let mut review = Review::new(root.clone().into(), Config::default());
        update(&mut review, Action::Resize(120, 40));
        review.receive([Message::Found(reports.len())]);
        let mut chunks = reports.chunks(batch);
        if let Some(first) = chunks.next() {
            review.receive(first.iter().cloned().map(|r| Message::Read(Ok(r))));
        }
        // A claim selected, so both views have a selection to keep.
        update(&mut review, Action::Review(ReviewAction::ViewClaims));
        update(&mut review, Action::NextSentence);
        let started = Instant::now();
        let mut batches = 0u32;
        for chunk in chunks {
            review.receive(chunk.iter().cloned().map(|r| Message::Read(Ok(r))));
            batches += 1;
        }
        let spent = started.elapsed();
        println!(
            "receive in batches of {batch}: {batches} batches in {spent:?}, {:?} a batch",
            spent / batches.max(1)
        );
        let started = Instant::now();
        let rows = review.visible_reports().len() + review.visible_claims().len();
        println!(
            "  sorting both lists once, as a frame does: {:?} ({rows} rows)",
            started.elapsed()
        );
        let started = Instant::now();
        let selection = review.selection();
        review.reselect(&selection);
        println!(
            "  keeping the selection on the full lists: {:?}",
            started.elapsed()
        );
    }
    ExitCode::SUCCESS
}
