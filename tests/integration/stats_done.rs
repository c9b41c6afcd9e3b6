//! `stats`' `reviewed` and `done` on a folder that mixes headings, bylines, datelines, claims and
//! no-claim marks (issue 18): the figures are pinned so that making the count faster cannot
//! change what "done" means, and the `[suggest]` words of the config count as the reader's do.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

use crate::support::SIDENOTE;

/// A heading, a byline and a dateline (not claims, by the suggestion rules), then a quotation
/// that runs over two sentences, a sentence after it, and a question (not a claim either).
const STORY: &str = "Harbour Plans Approved\n\nBy Ana Lima\n\nPORTO, 3 May 2026\n\n\
\u{201c}We will start in May. The quay will be ready by winter,\u{201d} the mayor said. \
Critics called the cost too high. Who will pay for it?\n";

/// Runs `sidenote ARGS` in `dir` with the config `dir/config.toml`.
fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(SIDENOTE)
        .current_dir(dir)
        .args(args)
        .arg("--config")
        .arg(dir.join("config.toml"))
        .env("XDG_CONFIG_HOME", dir)
        .output()
        .expect("sidenote runs")
}

/// Runs `sidenote ARGS`, which must succeed, and returns what it printed.
fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// One report's `(report, sentences, reviewed, done)` in `stats --format json`.
type Row = (String, u64, u64, bool);

/// Each report's [`Row`] and the total's `(reviewed, done)`.
fn figures(dir: &Path) -> (Vec<Row>, (u64, u64)) {
    let value: Value =
        serde_json::from_str(&ok(dir, &["stats", ".", "--format", "json"])).expect("JSON");
    let reports = value["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .map(|r| {
            (
                r["report"].as_str().expect("report").to_owned(),
                r["sentences"].as_u64().expect("sentences"),
                r["reviewed"].as_u64().expect("reviewed"),
                r["done"].as_bool().expect("done"),
            )
        })
        .collect();
    let total = &value["total"];
    (
        reports,
        (
            total["reviewed"].as_u64().expect("reviewed"),
            total["done"].as_u64().expect("done"),
        ),
    )
}

/// A folder of [`STORY`] six times, each reviewed to a different point, and a report that is
/// all heading and byline.
fn desk() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path();
    std::fs::write(path.join("config.toml"), "author = \"tester\"\n").expect("write");
    for name in ["a", "b", "c", "d", "e", "f"] {
        std::fs::write(path.join(format!("{name}.txt")), STORY).expect("write");
    }
    std::fs::write(
        path.join("g.txt"),
        "Harbour Plans Approved\n\nBy Ana Lima\n",
    )
    .expect("write");
    let tag = |report: &str, n: &str, what: &str| {
        ok(path, &["tag", &format!("{report}.txt"), n, what]);
    };
    // Sentences: 1 heading, 2 byline, 3 dateline, 4 and 5 the quotation, 6 the critics, 7 the
    // question. a: nothing reviewed.
    // b: one claim and one mark; the second half of the quotation and the critics are left.
    tag("b", "4", "sourced");
    tag("b", "6", "--no-claim");
    // c: every claim candidate reviewed, by claims and marks of two authors: done.
    tag("c", "4", "sourced");
    tag("c", "5", "sourced");
    ok(
        path,
        &["tag", "c.txt", "6", "--no-claim", "--author", "ben"],
    );
    // d: every sentence marked, the heading, byline, dateline and question too: done.
    for n in 1..=7 {
        tag("d", &n.to_string(), "--no-claim");
    }
    // e: only what is not a claim is marked: not done.
    for n in ["1", "2", "3", "7"] {
        tag("e", n, "--no-claim");
    }
    // f: all but the quotation's second sentence, which runs on inside the quotation.
    for n in ["1", "2", "3", "4", "6", "7"] {
        tag("f", n, "--no-claim");
    }
    dir
}

#[test]
fn reviewed_and_done_hold_on_headings_bylines_datelines_marks_and_claims() {
    let dir = desk();
    let (reports, total) = figures(dir.path());
    let expected = [
        ("a.txt", 7, 0, false),
        ("b.txt", 7, 2, false),
        ("c.txt", 7, 3, true),
        ("d.txt", 7, 7, true),
        ("e.txt", 7, 4, false),
        ("f.txt", 7, 6, false),
        ("g.txt", 2, 0, true),
    ];
    let expected: Vec<Row> = expected
        .iter()
        .map(|&(r, s, v, d)| (r.to_owned(), s, v, d))
        .collect();
    assert_eq!(reports, expected);
    assert_eq!(total, (22, 3), "reviewed in all, and reports done");
}

#[test]
fn the_configs_furniture_words_do_not_count_against_done() {
    let dir = desk();
    let path = dir.path();
    let note = "Watch live coverage of the harbour vote on our channel.\n";
    std::fs::write(path.join("h.txt"), format!("{STORY}\n{note}")).expect("write");
    for n in 1..=7 {
        ok(path, &["tag", "h.txt", &n.to_string(), "--no-claim"]);
    }
    let done = |path: &Path| {
        figures(path)
            .0
            .iter()
            .find(|r| r.0 == "h.txt")
            .map(|r| r.3)
            .expect("h.txt")
    };
    assert!(
        !done(path),
        "with the built-in lists the call to watch is a claim candidate, not reviewed"
    );
    std::fs::write(
        path.join("config.toml"),
        "author = \"tester\"\n[suggest]\nfurniture = [\"watch live\"]\n",
    )
    .expect("write");
    assert!(
        done(path),
        "the config's furniture words make the call to watch page furniture, as in the reader"
    );
}
