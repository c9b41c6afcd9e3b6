//! Benchmarks of the parts of opening and reading a large report (issue 7): what scales with the
//! file (the background load, the whole-document wrap) and what must scale only with the screen
//! (the head, a key far into the report, a frame there, a search hit) or with the claims (a
//! save). Figures are in docs/benchmarks.md; `bench/large_report.py` measures the whole program
//! beside `less`.

#[path = "support/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sidenote::annotate::store::{self, NoFaults};
use sidenote::annotate::{Claim, Sidecar, now};
use sidenote::config::Config;
use sidenote::config::keys::Action;
use sidenote::report::{Encoding, Report, progressive};
use sidenote::tui::reader::find;
use sidenote::tui::reader::saver::Saver;
use sidenote::tui::reader::ui;
use sidenote::tui::reader::wrap::WrappedDoc;
use sidenote::tui::reader::{App, update};

/// Size of the report the per-key benchmarks run on.
const REPORT_BYTES: usize = 64 << 20;
/// Claims in the sidecar of the per-key benchmarks.
const CLAIMS: usize = 10_000;

/// A reader on `text` with `claims` claims spread over it, on a 120x40 terminal.
fn app_with_claims(text: String, claims: usize) -> App {
    let report = Report::from_text(Path::new("large.txt"), text, Encoding::Utf8, "0".repeat(64));
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

fn short<'a>(
    c: &'a mut Criterion,
    name: &str,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    group
}

fn open(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("large.txt");
    std::fs::write(&path, corpus::corpus(REPORT_BYTES)).expect("writes");
    let mut group = short(c, "open a 64 MiB report");
    group.bench_function("head: what the first screen waits for", |b| {
        b.iter(|| progressive::head(black_box(&path)).expect("loads"));
    });
    group.bench_function(
        "whole load in the background (read, hash, decode, segment, index)",
        |b| {
            b.iter(|| progressive::load(black_box(&path), |_| ()).expect("loads"));
        },
    );
    let report = progressive::load(&path, |_| ()).expect("loads");
    group.bench_function(
        "wrap the whole report to 100 columns (background, and a resize)",
        |b| {
            b.iter(|| WrappedDoc::new(black_box(&report.text), &report.sentences, 100));
        },
    );
    group.finish();
}

fn keys(c: &mut Criterion) {
    let mut app = app_with_claims(corpus::corpus(REPORT_BYTES), CLAIMS);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut group = short(c, "64 MiB report, 10,000 claims");
    group.bench_function("G then g: update and draw both frames", |b| {
        b.iter(|| {
            update(&mut app, Action::LastSentence);
            terminal.draw(|frame| ui::draw(frame, &app)).expect("draws");
            update(&mut app, Action::FirstSentence);
            terminal.draw(|frame| ui::draw(frame, &app)).expect("draws");
        });
    });
    update(&mut app, Action::LastSentence);
    group.bench_function("draw one 120x40 frame at the end", |b| {
        b.iter(|| {
            terminal.draw(|frame| ui::draw(frame, &app)).expect("draws");
        });
    });
    group.bench_function("page down: update and draw", |b| {
        update(&mut app, Action::FirstSentence);
        b.iter(|| {
            update(&mut app, Action::PageDown);
            terminal.draw(|frame| ui::draw(frame, &app)).expect("draws");
        });
    });
    let text = app.report.text.clone();
    group.bench_function(
        "search: no hit in 64 MiB, smart case exact (`Nowhere`)",
        |b| {
            b.iter(|| find::find_from(black_box(&text), "Nowhere", 0));
        },
    );
    group.bench_function("search: no hit in 64 MiB, any case (`nowhere`)", |b| {
        b.iter(|| find::find_from(black_box(&text), "nowhere", 0));
    });
    group.bench_function("search: count one 8 MiB slice of `the`", |b| {
        b.iter(|| {
            let mut n = 0;
            let mut from = 0;
            while let Some(hit) = find::find_from(&text[..find::COUNT_SLICE], "the", from) {
                n += 1;
                from = hit.end;
            }
            n
        });
    });
    saves(&mut group, &mut app, &mut terminal);
    group.finish();
}

/// Saving and tagging with 10,000 claims: the worker thread's work and the key's share.
fn saves(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("large.txt.sidenote.toml");
    // The file on disk holds the claims the reader started from, as after opening it.
    store::update(&path, &mut NoFaults, |_| app.sidecar.clone()).expect("saves");
    group.bench_function("save 10,000 claims (the worker thread's work)", |b| {
        b.iter(|| store::update(&path, &mut NoFaults, |_| app.sidecar.clone()).expect("saves"));
    });
    group.bench_function(
        "hand a save of 10,000 claims to its thread (the key's share)",
        |b| {
            let workers = sidenote::tui::Workers::default();
            let mut saver = Saver::new(path.clone(), &workers);
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    let start = std::time::Instant::now();
                    saver.start(app, Duration::from_secs(1));
                    spent += start.elapsed();
                    saver.wait(app, &mut None, &workers);
                }
                spent
            });
        },
    );
    group.bench_function("tag a sentence: update and draw, no save", |b| {
        update(app, Action::FirstSentence);
        update(app, Action::NextSentence);
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let start = std::time::Instant::now();
                update(app, Action::Tag(0));
                terminal.draw(|frame| ui::draw(frame, app)).expect("draws");
                spent += start.elapsed();
                update(app, Action::RemoveClaim);
            }
            spent
        });
    });
    group.bench_function("tag a sentence: update, hand the save over, draw", |b| {
        let workers = sidenote::tui::Workers::default();
        let mut saver = Saver::new(path.clone(), &workers);
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let start = std::time::Instant::now();
                let effect = update(app, Action::Tag(0));
                assert!(effect.is_some(), "the tag is a change to save");
                saver.start(app, Duration::from_secs(1));
                terminal.draw(|frame| ui::draw(frame, app)).expect("draws");
                spent += start.elapsed();
                saver.wait(app, &mut None, &workers);
                assert!(update(app, Action::RemoveClaim).is_some());
                saver.start(app, Duration::from_secs(1));
                saver.wait(app, &mut None, &workers);
                assert_eq!(app.sidecar.claims.len(), CLAIMS);
            }
            spent
        });
    });
}

criterion_group!(large, open, keys);
criterion_main!(large);
