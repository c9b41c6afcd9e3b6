//! The Rust half of `bench/compare.py`, which compares sidenote's segmentation with pySBD's and
//! sentencex's for accuracy and speed. Not part of `cargo test`; see docs/benchmarks.md.
//!
//! ```sh
//! cargo run --release --example segment_compare -- cases           # JSON lines, one per case
//! cargo run --release --example segment_compare -- corpus BYTES    # benchmark text to stdout
//! cargo run --release --example segment_compare -- speed FILE [RUNS]
//! ```
//!
//! `cases` prints every case of `tests/segment/cases.rs` with the sentences sidenote and
//! sentencex find in it, trimmed (sentencex keeps the white space after a sentence).
//! `corpus` prints the benchmark text of `benches/segment.rs`. `speed` times both segmenters on
//! a file, best of `RUNS` (default 5), and prints one JSON object.

#[path = "../tests/segment/cases.rs"]
mod cases;
#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::io::Write as _;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use serde_json::json;
use sidenote::report::segment;

const USAGE: &str = "usage: segment_compare cases | corpus BYTES | speed FILE [RUNS]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["cases"] => print_cases(),
        ["corpus", bytes] => bytes
            .parse()
            .map_err(|e| format!("BYTES: {e}"))
            .and_then(print_corpus),
        ["speed", file] => print_speed(file, 5),
        ["speed", file, runs] => runs
            .parse()
            .map_err(|e| format!("RUNS: {e}"))
            .and_then(|runs| print_speed(file, runs)),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("segment_compare: {message}");
            ExitCode::from(2)
        }
    }
}

/// The sentences sidenote finds in `text`.
fn sidenote_sentences(text: &str) -> Vec<&str> {
    segment::sentences(text)
        .into_iter()
        .map(|range| &text[range])
        .collect()
}

/// The sentences sentencex finds in `text`, trimmed, without empty ones.
fn sentencex_sentences(text: &str) -> Vec<&str> {
    sentencex::segment("en", text)
        .into_iter()
        .map(str::trim)
        .filter(|sentence| !sentence.is_empty())
        .collect()
}

fn print_cases() -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    for (category, cases) in cases::CATEGORIES {
        for (text, expected) in *cases {
            let row = json!({
                "category": category,
                "text": text,
                "expected": expected,
                "sidenote": sidenote_sentences(text),
                "sentencex": sentencex_sentences(text),
            });
            writeln!(out, "{row}").map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

fn print_corpus(bytes: usize) -> Result<(), String> {
    std::io::stdout()
        .lock()
        .write_all(corpus::corpus(bytes).as_bytes())
        .map_err(|e| e.to_string())
}

/// The shortest of `runs` timings of `work`, and what its last run returned.
fn best_of<T>(runs: usize, mut work: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut result = None;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let value = std::hint::black_box(work());
        best = best.min(start.elapsed());
        result = Some(value);
    }
    (best, result.expect("at least one run"))
}

fn print_speed(file: &str, runs: usize) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let (sidenote, found) = best_of(runs, || segment::sentences(&text).len());
    let (sentencex, sentencex_found) = best_of(runs, || sentencex_sentences(&text).len());
    let row = json!({
        "bytes": text.len(),
        "runs": runs,
        "sidenote_seconds": sidenote.as_secs_f64(),
        "sidenote_sentences": found,
        "sentencex_seconds": sentencex.as_secs_f64(),
        "sentencex_sentences": sentencex_found,
    });
    println!("{row}");
    Ok(())
}
