//! Throughput of sentence segmentation on 50 MiB of report text, beside a plain `memchr` scan
//! for the sentence-ending bytes (the ceiling: no segmenter can read the text faster) and
//! `sentencex` (Wikimedia's segmenter, the Rust peer). Figures are in docs/benchmarks.md.
//!
//! The text is made from the bundled samples by `support/corpus.rs`, each copy varied (its
//! paragraphs shuffled, its numbers and names redrawn) so that no two copies are alike.

#[path = "support/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use sidenote::report::segment;

/// Size of the benchmark text: 50 MiB, as issue 4 asks.
const CORPUS_BYTES: usize = 50 << 20;

fn benches(c: &mut Criterion) {
    let text = corpus::corpus(CORPUS_BYTES);
    let mut group = c.benchmark_group("segment 50 MiB of report text");
    group.throughput(Throughput::Bytes(text.len() as u64));
    // One run takes 10 to 300 ms: ten flat samples in ten seconds each keep the whole bench
    // near a minute.
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("ceiling: memchr3 count of . ? !", |b| {
        b.iter(|| memchr::memchr3_iter(b'.', b'?', b'!', black_box(text.as_bytes())).count());
    });
    group.bench_function("sidenote: segment::sentences", |b| {
        b.iter(|| segment::sentences(black_box(&text)));
    });
    group.bench_function("peer: sentencex::segment(\"en\")", |b| {
        b.iter(|| sentencex::segment("en", black_box(&text)));
    });
    group.finish();
}

criterion_group!(segment_benches, benches);
criterion_main!(segment_benches);
