//! How long `sidenote stats` takes over a large folder: generates REPORTS reports (default
//! 10,000), each with a sidecar of a few claims, in a temporary folder, then times the scan and
//! count that `stats` runs (find, read, segment, parse the sidecar, re-anchor, count) and the
//! JSON it prints. Not part of `cargo test`; see docs/benchmarks.md.
//!
//! ```sh
//! cargo run --release --example stats_bench -- [REPORTS] [RUNS] [--keep]
//! ```
//!
//! With `--keep` the folder is left on disk and its path printed, to time the real command on
//! it: `time target/release/sidenote stats FOLDER --format json > /dev/null`.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use sidenote::annotate::{Claim, Sidecar, sidecar_path};
use sidenote::cli::stats::load_all;
use sidenote::corpus::stats;
use sidenote::report::Report;
use sidenote::suggest::Cues;

/// Sentences written into each report, varied by its number so no two files are alike.
const SUBJECTS: [&str; 6] = [
    "The harbour board",
    "A spokesperson for the ministry",
    "Residents of the north quarter",
    "The regional auditor",
    "Two engineers at the plant",
    "The mayor's office",
];
const VERBS: [&str; 4] = ["said", "denied", "confirmed", "suggested"];

fn report_text(n: usize) -> String {
    let mut text = format!("Report number {n} on the state of the port.\n\n");
    for i in 0..24 {
        let subject = SUBJECTS[(n + i) % SUBJECTS.len()];
        let verb = VERBS[(n * 7 + i) % VERBS.len()];
        let _ = write!(
            text,
            "{subject} {verb} that shipment {i} of batch {n} arrived {} hours late. ",
            (n + i) % 48
        );
        if i % 6 == 5 {
            text.push_str("\n\n");
        }
    }
    text
}

/// Writes report `n` and a sidecar with claims on a few of its sentences.
fn write_report(folder: &Path, n: usize) {
    let sub = folder.join(format!("month-{:02}", n % 12));
    std::fs::create_dir_all(&sub).expect("create folder");
    let path = sub.join(format!("report-{n:05}.txt"));
    std::fs::write(&path, report_text(n)).expect("write report");
    let report = Report::load(&path).expect("load report");
    let mut sidecar = Sidecar::new(&report);
    let tags = ["sourced", "unsourced", "disputed", "opinion"];
    let when = sidenote::annotate::now();
    for (k, sentence) in report
        .sentences
        .iter()
        .enumerate()
        .filter(|(k, _)| k % 5 == 1)
    {
        let mut claim = Claim::new(&report, sentence.clone(), tags[(n + k) % 4], "bench", when);
        claim.source = Some(SUBJECTS[(n + k) % SUBJECTS.len()].to_owned());
        if k % 3 == 0 {
            claim.extra.insert(
                "grade".into(),
                format!("{}{}", ['A', 'B', 'C', 'E'][k % 4], 1 + k % 6).into(),
            );
        }
        sidecar.claims.push(claim);
    }
    let text = toml::to_string(&sidecar).expect("serialise sidecar");
    std::fs::write(sidecar_path(&path), text).expect("write sidecar");
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let keep = args.iter().any(|a| a == "--keep");
    let numbers: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let reports = numbers.first().copied().unwrap_or(10_000);
    let runs = numbers.get(1).copied().unwrap_or(3).max(1);
    let dir = tempfile::tempdir().expect("temporary folder");
    let started = Instant::now();
    for n in 0..reports {
        write_report(dir.path(), n);
    }
    eprintln!(
        "generated {reports} reports with sidecars in {:.2?}",
        started.elapsed()
    );
    let tags: Vec<String> = ["sourced", "unsourced", "disputed", "opinion"]
        .map(String::from)
        .to_vec();
    let mut times = Vec::new();
    let mut claims = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let (loaded, failed) = load_all(&[dir.path().to_path_buf()], Cues::shared()).expect("scan");
        let json = stats::to_json(&loaded, &tags);
        let elapsed = started.elapsed();
        assert!(failed.is_empty(), "{failed:?}");
        assert_eq!(json["total"]["reports"], reports);
        claims = json["total"]["claims"].as_u64().unwrap_or(0);
        times.push(elapsed);
    }
    times.sort();
    let best: Duration = times[0];
    let median = times[times.len() / 2];
    println!(
        "{{\"reports\": {reports}, \"claims\": {claims}, \"threads\": {}, \"runs\": {runs}, \"best_ms\": {}, \"median_ms\": {}}}",
        rayon::current_num_threads(),
        best.as_millis(),
        median.as_millis()
    );
    if keep {
        let path = dir.keep();
        eprintln!("kept the folder: {}", path.display());
    }
    ExitCode::SUCCESS
}
