//! Time to open a web page: `Report::from_bytes` on a saved news page from `tests/pages`, and
//! on a generated page of 20,000 paragraphs (4.2 MiB) with navigation, as big as a long
//! archive page gets. Figures are in docs/benchmarks.md.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use sidenote::report::Report;

/// Paragraphs of the generated page.
const PARAGRAPHS: usize = 20_000;

fn huge_page() -> String {
    let mut page = String::from(
        "<html><head><title>Archive</title></head><body><nav><a href=/>Home</a> \
         <a href=/news>News</a></nav><article><h1>Archive</h1>",
    );
    for i in 0..PARAGRAPHS {
        let _ = write!(
            page,
            "<p>Entry {i}: the harbour authority said crews had restored power to the \
             eastern docks, and traders counted the cost of a day without freezers, while \
             an inquiry into the failed transformer was promised for next month.</p>"
        );
    }
    page.push_str("</article><footer>Copyright</footer></body></html>");
    page
}

fn benches(c: &mut Criterion) {
    let saved =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages/coast-daily.html"))
            .expect("the saved page");
    let huge = huge_page();
    let mut group = c.benchmark_group("open a web page");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    group.throughput(Throughput::Bytes(saved.len() as u64));
    group.bench_function("saved news page (tests/pages/coast-daily.html)", |b| {
        b.iter(|| Report::from_bytes(Path::new("page.html"), black_box(&saved)));
    });
    group.throughput(Throughput::Bytes(huge.len() as u64));
    group.bench_function("20,000 paragraphs", |b| {
        b.iter(|| Report::from_bytes(Path::new("page.html"), black_box(huge.as_bytes())));
    });
    group.finish();
}

criterion_group!(extract, benches);
criterion_main!(extract);
