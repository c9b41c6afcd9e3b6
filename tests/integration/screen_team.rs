//! Screen tests of team work: grade badges in the panel and the gutter, the author filter and
//! the adjudication view, on a `TestBackend`, snapshotted with insta.

use std::path::PathBuf;

use crate::support::key_events;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sidenote::annotate::{Claim, Sidecar, now};
use sidenote::config::Config;
use sidenote::report::Report;
use sidenote::tui::reader::App;

const SAMPLE: &str = "assets/samples/harbour-blackout.txt";

struct Screen {
    terminal: Terminal<TestBackend>,
    app: App,
    sidecar: PathBuf,
    _dir: tempfile::TempDir,
}

/// The sample report, with claims by two analysts: (sentence from 0, tag, author, grade).
fn open(claims: &[(usize, &str, &str, Option<&str>)]) -> Screen {
    open_with(claims, "ed", |_| {})
}

/// As [`open`], as `author`, with the sidecar changed by `tweak` before the reader reads it.
fn open_with(
    claims: &[(usize, &str, &str, Option<&str>)],
    author: &str,
    tweak: impl FnOnce(&mut Sidecar),
) -> Screen {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("harbour-blackout.txt");
    std::fs::copy(SAMPLE, &path).expect("copy sample");
    let report = Report::load(&path).expect("sample loads");
    let mut sidecar = Sidecar::new(&report);
    let when = "2026-11-25T09:00:00Z".parse().unwrap_or_else(|_| now());
    for (n, status, author, grade) in claims {
        let span = report.sentences[*n].clone();
        let mut claim = Claim::new(&report, span, status, author, when);
        claim.grade = grade.map(|g| g.parse().expect("grade"));
        // Fixed ids: claims on the same words are listed by id, and snapshots must not vary.
        claim.id = format!("{author}-{n}");
        if *author == "ana" {
            claim.source = Some("Interior Minister".to_owned());
        }
        sidecar.add(claim);
    }
    tweak(&mut sidecar);
    let sidecar_path = sidenote::annotate::sidecar_path(&path);
    // On disk too, as the reader would have found it: a save merges with the file there.
    std::fs::write(&sidecar_path, sidecar.to_toml().expect("toml")).expect("write sidecar");
    let mut config = Config {
        author: author.into(),
        color: true,
        ..Config::default()
    };
    // Suggestions have their own screens (tests/suggest_screen.rs).
    config.suggest.enabled = false;
    let app = App::new(report, Some(sidecar), config, None);
    let terminal = Terminal::new(TestBackend::new(120, 32)).expect("terminal");
    Screen {
        terminal,
        app,
        sidecar: sidecar_path,
        _dir: dir,
    }
}

impl Screen {
    fn keys(&mut self, keys: &str) -> &mut Self {
        let events = key_events(keys);
        sidenote::tui::run(&mut self.terminal, &mut self.app, &self.sidecar, events).expect("runs");
        self
    }

    fn row_with(&self, needle: &str) -> Option<String> {
        crate::support::row_with(self.terminal.backend().buffer(), needle)
    }
}

/// Two analysts on sentences 4-6 of the sample: they agree on 4, differ in tag on 5 and in
/// grade on 6.
const TEAM: &[(usize, &str, &str, Option<&str>)] = &[
    (3, "sourced", "ana", Some("B2")),
    (3, "sourced", "ben", Some("B2")),
    (4, "sourced", "ana", Some("A1")),
    (4, "unsourced", "ben", None),
    (5, "sourced", "ana", Some("C3")),
    (5, "sourced", "ben", Some("E5")),
];

#[test]
fn grade_badges_and_authors_in_the_panel_and_the_gutter() {
    let mut screen = open(TEAM);
    screen.keys("} } }");
    insta::assert_snapshot!(screen.terminal.backend());
    assert!(
        screen.row_with("│C3Interior Minister").is_some(),
        "the selected claim's grade stands in the gutter"
    );
    assert!(
        screen
            .row_with("▍ s sourced   C3  ana — Interior Minister")
            .is_some()
    );
    // Sentence 5, sourced for ana and unsourced for ben: the gutter marks the disagreement on
    // each of its rows, not one author's letter.
    assert!(
        screen
            .row_with("│⚠ on Tuesday. The outage is believed")
            .is_some(),
        "{}",
        screen.terminal.backend()
    );
    assert!(screen.row_with("│⚠ history.").is_some());
    // Sentence 6, sourced by both but graded C and E: a disagreement too (as `agree` counts it),
    // below the selected claim's grade on its first row.
    assert!(
        screen
            .row_with("│⚠ that the government had not ruled out")
            .is_some()
    );
}

#[test]
fn author_filter_shows_one_analysts_claims() {
    let mut screen = open(TEAM);
    screen.keys("a a");
    insta::assert_snapshot!(screen.terminal.backend());
    assert!(screen.row_with("[by ben]").is_some());
    assert!(
        screen.row_with("— Interior Minister").is_none(),
        "ana's claims are hidden"
    );
}

#[test]
fn adjudication_view_shows_each_version_side_by_side() {
    let mut screen = open(TEAM);
    screen.keys("A");
    insta::assert_snapshot!(screen.terminal.backend());
    assert!(screen.row_with("Adjudicate 1/2 · sentence 5").is_some());
    // Sentence 5: ana's and ben's versions on the same rows, each under its author.
    let names = screen.row_with("1 ana").expect("ana's version");
    assert!(names.contains("2 ben"), "side by side: {names}");
    let tags = screen
        .row_with("s sourced   A1")
        .expect("ana's tag and grade");
    assert!(
        tags.contains("u unsourced  ungraded"),
        "side by side: {tags}"
    );
    let sources = screen
        .row_with("— no source")
        .expect("ben's lack of a source");
    assert!(
        sources.contains("— Interior Minister"),
        "side by side: {sources}"
    );
    // The hint names the keys of [keys.adjudicate] (the first of each action's keys).
    assert!(
        screen
            .row_with("1-2 accept that version · e write the agreed claim")
            .is_some_and(|r| r.contains("j/k next/previous · A close")),
    );
    screen.keys("1");
    let agreed = screen.row_with("agreed (by ed)").expect("agreed line");
    assert!(
        agreed.contains("sourced") && agreed.contains("A1"),
        "{agreed}"
    );
}

#[test]
fn a_conflict_from_the_merge_driver_shows_and_its_author_resolves_it() {
    // What `sidenote merge-driver` writes when ana's claim was changed differently in two clones.
    let mut screen = open_with(&[(3, "disputed", "ana", Some("C3"))], "ana", |sidecar| {
        let theirs: Vec<Claim> = sidecar
            .claims
            .iter()
            .cloned()
            .map(|mut c| {
                c.status = "opinion".into();
                c
            })
            .collect();
        let mut base = theirs.clone();
        base[0].status = "sourced".into();
        let merged = sidenote::annotate::merge::merge(&base, &sidecar.claims, &theirs);
        assert_eq!(merged.conflicts, 1);
        sidecar.claims = merged.claims;
        sidecar.sort();
    });
    screen.keys("} }");
    assert!(screen.row_with("disputed   C3 ").is_some());
    // Both versions are marked, each with the key that drops it (keeping the other).
    let marked: Vec<String> = crate::support::rows(screen.terminal.backend().buffer())
        .into_iter()
        .filter(|row| row.contains("⚠ conflict (x drops)"))
        .collect();
    assert_eq!(
        marked.len(),
        2,
        "the conflict is marked:\n{}",
        screen.terminal.backend()
    );
    assert!(
        marked.iter().any(|row| row.contains("opinion")),
        "{marked:?}"
    );
    assert!(
        marked.iter().any(|row| row.contains("disputed")),
        "{marked:?}"
    );
    // Ana keeps her disputed version: she removes the other one (the selected conflict copy).
    screen.keys("tab j x");
    assert!(screen.row_with("⚠ conflict").is_none(), "resolved");
    assert!(
        screen
            .row_with("conflict resolved: kept the disputed version")
            .is_some(),
        "{}",
        screen.terminal.backend()
    );
    assert!(
        screen.row_with("Claims 1 · disputed 1 ").is_some(),
        "{}",
        screen.terminal.backend()
    );
    let saved = std::fs::read_to_string(&screen.sidecar).expect("saved");
    assert!(!saved.contains("conflict"), "{saved}");
    assert!(saved.contains("status = \"disputed\""), "{saved}");
}
