//! CPU time of the attribution suggestions over 50 MiB of report text, single-threaded: for a
//! machine too busy for criterion's wall-clock figure to mean much. Prints the wall time and the
//! process's CPU time of `ROUNDS` runs (default 3) after building the text, both as MiB/s, and
//! the same for a reference pass over the same text in the same run (`split_whitespace` counting
//! words), so the figure can be read as a ratio on any machine. Then the reader's unit of work:
//! blocks of 64 sentences with 12 sentences of context before, the median and the slowest.
//!
//! `cargo run --release --example suggest_speed [ROUNDS]` (Linux: CPU time from /proc).

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::time::Instant;

use sidenote::report::segment;
use sidenote::suggest::{Cues, suggest};

/// User plus system CPU time of this process so far, in seconds (0 where /proc is missing).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command's closing parenthesis: utime is the 12th, stime the 13th.
    let after = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Linux reports in clock ticks of 1/100 s on every common configuration.
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let rounds: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(3);
    let text = corpus::corpus(50 << 20);
    let sentences = segment::sentences(&text);
    let cues = Cues::builtin();
    let mib = f64::from(u32::try_from(text.len()).unwrap_or(u32::MAX)) / f64::from(1 << 20);
    let (wall, cpu) = (Instant::now(), cpu_seconds());
    for _ in 0..rounds {
        black_box(suggest(black_box(&text), black_box(&sentences), &cues));
    }
    let wall = wall.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu;
    let runs = f64::from(rounds);
    println!(
        "{mib:.1} MiB, {} sentences, {rounds} runs: wall {:.1} MiB/s, CPU {:.1} MiB/s ({:.1} MB/s)",
        sentences.len(),
        mib * runs / wall,
        mib * runs / cpu,
        mib * runs / cpu * 1.048_576
    );
    let reference_cpu = cpu_seconds();
    for _ in 0..rounds {
        black_box(black_box(&text).split_whitespace().count());
    }
    let reference_cpu = cpu_seconds() - reference_cpu;
    println!(
        "reference split_whitespace().count(): CPU {:.1} MiB/s; suggest takes {:.1}x its time",
        mib * runs / reference_cpu,
        cpu / reference_cpu
    );
    blocks(&text, &sentences, &cues);
}

/// Time per reader block: 64 sentences and the 12 before them, at 200 places in the text.
fn blocks(text: &str, sentences: &[std::ops::Range<usize>], cues: &Cues) {
    let places = 200;
    let stride = (sentences.len().saturating_sub(80) / places).max(1);
    let mut times: Vec<f64> = (0..places)
        .map(|k| {
            let start = 12 + k * stride;
            let block = &sentences[start - 12..(start + 64).min(sentences.len())];
            let t = Instant::now();
            black_box(suggest(black_box(text), black_box(block), cues));
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "64-sentence blocks (+12 before), {places} places: median {:.3} ms, slowest {:.3} ms",
        times[places / 2],
        times[places - 1]
    );
}
