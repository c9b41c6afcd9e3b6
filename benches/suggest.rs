//! Throughput of the attribution suggestions over 50 MiB of report text, single-threaded
//! (issue 8's goal: at least 50 MB/s). The sentences are segmented once, outside the timing.
//! Figures are in docs/benchmarks.md.

#[path = "support/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use sidenote::report::segment;
use sidenote::suggest::{Cues, suggest};

/// Size of the benchmark text: 50 MiB, as issue 8 asks.
const CORPUS_BYTES: usize = 50 << 20;

fn benches(c: &mut Criterion) {
    let text = corpus::corpus(CORPUS_BYTES);
    let sentences = segment::sentences(&text);
    let cues = Cues::builtin();
    let mut group = c.benchmark_group("suggest over 50 MiB of report text");
    group.throughput(Throughput::Bytes(text.len() as u64));
    // One run takes about a second: ten flat samples keep the bench short.
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("sidenote: suggest::suggest", |b| {
        b.iter(|| suggest(black_box(&text), black_box(&sentences), &cues));
    });
    group.finish();
}

criterion_group!(suggestions, benches);
criterion_main!(suggestions);
