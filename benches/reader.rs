//! Benchmarks of the reader's parts: opening a report, segmenting, wrapping, drawing a frame,
//! handling a key, and saving a sidecar. Figures are recorded in docs/benchmarks.md.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sidenote::annotate::store::{self, NoFaults};
use sidenote::annotate::{Claim, Sidecar, now};
use sidenote::config::Config;
use sidenote::config::keys::Action;
use sidenote::report::{Encoding, Report, segment};
use sidenote::tui::reader::ui;
use sidenote::tui::reader::wrap::WrappedDoc;
use sidenote::tui::reader::{App, update};

const NEWS: &str = "assets/samples/harbour-blackout.txt";
const BRIEF: &str = "assets/samples/analyst-brief.txt";

/// The two samples repeated to about `bytes` bytes: prose with quotes, abbreviations, headings,
/// hard-wrapped paragraphs and lists.
fn corpus(bytes: usize) -> String {
    let news = std::fs::read_to_string(NEWS).expect("sample");
    let brief = std::fs::read_to_string(BRIEF).expect("sample");
    let mut text = String::with_capacity(bytes + news.len() + brief.len());
    while text.len() < bytes {
        text.push_str(&news);
        text.push('\n');
        text.push_str(&brief);
        text.push('\n');
    }
    text
}

fn app_with_claims(text: &str, claims: usize) -> App {
    let report = Report::from_text(
        Path::new("bench.txt"),
        text.to_owned(),
        Encoding::Utf8,
        String::new(),
    );
    let mut sidecar = Sidecar::new(&report);
    let step = (report.sentences.len() / claims.max(1)).max(1);
    for (i, span) in report
        .sentences
        .iter()
        .step_by(step)
        .take(claims)
        .enumerate()
    {
        let status = ["sourced", "unsourced", "disputed", "opinion"][i % 4];
        sidecar
            .claims
            .push(Claim::new(&report, span.clone(), status, "bench", now()));
    }
    let mut app = App::new(report, Some(sidecar), Config::default(), None);
    update(&mut app, Action::Resize(120, 40));
    app
}

fn benches(c: &mut Criterion) {
    c.bench_function("open the news sample (read, decode, segment, index)", |b| {
        b.iter(|| Report::load(Path::new(black_box(NEWS))).expect("loads"));
    });

    let text = corpus(1 << 20);
    let mut group = c.benchmark_group("1 MiB of report text");
    group.sample_size(20);
    group.bench_function("reference: split_whitespace count", |b| {
        b.iter(|| black_box(&text).split_whitespace().count());
    });
    group.bench_function("segment into sentences", |b| {
        b.iter(|| segment::sentences(black_box(&text)));
    });
    let sentences = segment::sentences(&text);
    group.bench_function("wrap to 70 columns", |b| {
        b.iter(|| WrappedDoc::new(black_box(&text), &sentences, 70));
    });
    group.finish();

    let news = std::fs::read_to_string(NEWS).expect("sample");
    let mut app = app_with_claims(&news, 12);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    c.bench_function("draw one 120x40 frame (news sample, 12 claims)", |b| {
        b.iter(|| {
            terminal.draw(|frame| ui::draw(frame, &app)).expect("draws");
        });
    });
    c.bench_function("key j: update and draw", |b| {
        b.iter(|| {
            update(&mut app, Action::NextSentence);
            if app.cursor + 1 == app.report.sentences.len() {
                update(&mut app, Action::FirstSentence);
            }
            terminal.draw(|frame| ui::draw(frame, &app)).expect("draws");
        });
    });

    let big = app_with_claims(&corpus(1 << 20), 1000);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bench.txt.sidenote.toml");
    c.bench_function(
        "save a sidecar of 1000 claims (lock, read, atomic write, fsync)",
        |b| {
            b.iter(|| store::update(&path, &mut NoFaults, |_| big.sidecar.clone()).expect("saves"));
        },
    );
    c.bench_function("parse a sidecar of 1000 claims", |b| {
        let text = big.sidecar.to_toml().expect("serialises");
        b.iter(|| Sidecar::parse(black_box(&text), &path).expect("parses"));
    });
}

criterion_group!(reader, benches, reanchor_benches);
criterion_main!(reader);

/// Re-anchoring every claim of a 1 MiB report after the report changed under its sidecar, which
/// `sidenote claims`, `sidenote check` and the reader do on opening it.
fn reanchor_benches(c: &mut Criterion) {
    use sidenote::annotate::{Anchor, reanchor_all};
    let text = corpus(1 << 20);
    let report = |text: String| {
        Report::from_text(Path::new("bench.txt"), text, Encoding::Utf8, String::new())
    };
    let original = report(text.clone());
    let step = (original.sentences.len() / 1000).max(1);
    let claims: Vec<Claim> = original
        .sentences
        .iter()
        .step_by(step)
        .take(1000)
        .map(|span| Claim::new(&original, span.clone(), "sourced", "bench", now()))
        .collect();
    let inserted = report(format!(
        "Correction, 26 November: an earlier version misstated when the outage began.\n\n{text}"
    ));
    let rewrapped = report(text.replace('\n', " "));
    for (changed, expected) in [(&inserted, Anchor::Moved), (&rewrapped, Anchor::Fuzzy)] {
        let anchors = reanchor_all(&mut claims.clone(), changed);
        assert!(!anchors.contains(&Anchor::Orphaned), "every claim is found");
        assert!(anchors.contains(&expected), "{expected:?} is exercised");
    }
    let mut group = c.benchmark_group("re-anchor 1000 claims in 1 MiB of report text");
    group.sample_size(20);
    group.bench_function("after an insertion at the top", |b| {
        b.iter_batched(
            || claims.clone(),
            |mut claims| reanchor_all(&mut claims, &inserted),
            criterion::BatchSize::SmallInput,
        );
    });
    group.bench_function("after every line break became a space", |b| {
        b.iter_batched(
            || claims.clone(),
            |mut claims| reanchor_all(&mut claims, &rewrapped),
            criterion::BatchSize::SmallInput,
        );
    });
    group.finish();
}
