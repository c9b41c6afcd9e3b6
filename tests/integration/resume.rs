//! Places and sources across sessions, end to end in a pseudo-terminal: the reader reopens on
//! the sentence it was left on (and starts at the top when its place is corrupt), and the claim
//! editor's Source field offers a source cited earlier in the report.

use std::path::Path;

use crate::support::listing;
use crate::support::pty::{LEAVE_ALTERNATE_SCREEN, Session};

/// A folder holding a copy of the harbour sample, and a state folder of its own.
fn sample() -> (tempfile::TempDir, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/harbour-blackout.txt");
    std::fs::copy(sample, dir.path().join("harbour.txt")).expect("copy the sample");
    (dir, tempfile::tempdir().expect("state tempdir"))
}

fn open(dir: &Path, state: &Path) -> Session {
    let state = state.to_str().expect("a UTF-8 temp path");
    Session::start_env(dir, &["harbour.txt"], &[("SIDENOTE_STATE_DIR", state)])
}

#[test]
fn the_reader_reopens_on_the_sentence_it_was_left_on() {
    let (dir, state) = sample();
    let mut reader = open(dir.path(), state.path());
    reader.wait_for_status("sentence 1/");
    for n in 2..=7 {
        reader.press("j");
        reader.wait_for_status(&format!("sentence {n}/"));
    }
    reader.press("q");
    assert_eq!(reader.wait_exit(), 0, "screen:\n{}", reader.screen());
    drop(reader);
    assert_eq!(
        listing(dir.path()),
        ["harbour.txt"],
        "nothing is kept beside the report"
    );
    assert_eq!(listing(&state.path().join("reader")).len(), 1, "one place");

    let mut again = open(dir.path(), state.path());
    again.wait_for_status("sentence 7/");
    again.press("q");
    assert_eq!(again.wait_exit(), 0, "screen:\n{}", again.screen());
}

#[test]
fn a_corrupt_place_opens_at_the_start_without_a_word() {
    let (dir, state) = sample();
    let mut reader = open(dir.path(), state.path());
    reader.wait_for_status("sentence 1/");
    reader.press("jjj");
    reader.wait_for_status("sentence 4/");
    reader.press("q");
    assert_eq!(reader.wait_exit(), 0, "screen:\n{}", reader.screen());
    drop(reader);
    let places = state.path().join("reader");
    for name in listing(&places) {
        std::fs::write(places.join(name), "sentence = [\u{0}").expect("corrupt the place");
    }

    let mut again = open(dir.path(), state.path());
    again.wait_for_status("sentence 1/");
    let status = again.screen().lines().last().unwrap_or_default().to_owned();
    assert!(!status.contains("place"), "silent: {status}");
    again.press("q");
    assert_eq!(again.wait_exit(), 0, "screen:\n{}", again.screen());
}

#[test]
fn the_source_field_offers_a_source_cited_earlier_in_the_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("report.txt"),
        "The harbour lights failed at nine.\n\nCrews restored power by midnight.\n",
    )
    .expect("write report");
    let mut reader = Session::start(dir.path(), &["report.txt"]);
    reader.wait_for("The harbour lights failed at nine.");
    // Tag the first sentence and give it a source in the editor (which opens on the Source
    // field of one's own claim).
    reader.press("s");
    reader.wait_for_status("1 claim");
    reader.press("\r");
    reader.wait_for("Edit claim");
    reader.press("Rafael T. Osei\r");
    reader.wait_for_status("saved");
    reader.press("j");
    reader.wait_for_status("sentence 2/2");
    reader.press("s");
    reader.wait_for_status("2 claims");
    reader.press("\r");
    reader.wait_for("Edit claim");
    reader.press("Mr Osei");
    reader.wait_for("Mr Osei  → Rafael T. Osei (Tab)");
    reader.press("\t");
    reader.wait_until("the source taken", |screen| {
        screen.contains("Rafael T. Osei") && !screen.contains("Mr Osei")
    });
    reader.press("\r");
    reader.wait_for_status("saved");
    reader.press("q");
    assert_eq!(reader.wait_exit(), 0, "screen:\n{}", reader.screen());
    let saved =
        std::fs::read_to_string(dir.path().join("report.txt.sidenote.toml")).expect("the sidecar");
    assert_eq!(
        saved.matches("source = \"Rafael T. Osei\"").count(),
        2,
        "{saved}"
    );
}

#[test]
fn the_review_screen_reopens_on_the_same_row_and_view() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = tempfile::tempdir().expect("state tempdir");
    std::fs::write(dir.path().join("a.md"), "One line here. Another.\n").expect("write");
    std::fs::write(dir.path().join("report.txt"), "The port reopened.\n").expect("write");
    let state_dir = state.path().to_str().expect("a UTF-8 temp path");
    let env = [("SIDENOTE_STATE_DIR", state_dir)];
    let selected = |screen: &str| screen.lines().any(|row| row.contains("› report.txt"));

    let mut review = Session::start_env(dir.path(), &[], &env);
    review.wait_for("2 reports · 0 claims");
    review.wait_until("a.md selected first", |screen| {
        screen.lines().any(|row| row.contains("› a.md"))
    });
    review.press("j");
    review.wait_until("report.txt selected", selected);
    review.press("q");
    assert_eq!(review.wait_exit(), 0, "screen:\n{}", review.screen());
    drop(review);

    let mut again = Session::start_env(dir.path(), &[], &env);
    again.wait_for("2 reports · 0 claims");
    again.wait_until("report.txt selected again", selected);
    again.press("3");
    again.wait_for("Most cited sources");
    again.press("q");
    assert_eq!(again.wait_exit(), 0, "screen:\n{}", again.screen());
    drop(again);

    let mut third = Session::start_env(dir.path(), &[], &env);
    third.wait_for("Most cited sources");
    // A key pressed before the rows arrive would win over the kept row: wait for them.
    third.wait_for("2 reports · 0 claims");
    third.press("1");
    third.wait_until("report.txt still selected", selected);
    third.press("q");
    assert_eq!(third.wait_exit(), 0, "screen:\n{}", third.screen());
    assert_eq!(
        listing(dir.path()),
        ["a.md", "report.txt"],
        "nothing beside the reports"
    );
}

#[test]
fn a_place_that_cannot_be_kept_costs_one_line_and_no_claim() {
    let (dir, state) = sample();
    let blocked = state.path().join("not-a-folder");
    std::fs::write(&blocked, "a file where the state folder should be").expect("write");
    let mut reader = open(dir.path(), &blocked);
    reader.wait_for_status("sentence 1/");
    reader.press("js");
    reader.wait_for_status("saved");
    reader.press("q");
    assert_eq!(reader.wait_exit(), 0, "screen:\n{}", reader.screen());
    let said = String::from_utf8_lossy(&reader.bytes()).into_owned();
    let line = "sidenote: could not keep your place in";
    assert_eq!(said.matches(line).count(), 1, "one line: {said:?}");
    let left = String::from_utf8_lossy(LEAVE_ALTERNATE_SCREEN).into_owned();
    let left_at = said.rfind(&left).expect("the screen was left");
    let line_at = said.find(line).expect("the line");
    assert!(left_at < line_at, "once the screen is gone: {said:?}");
    let sidecar = std::fs::read_to_string(dir.path().join("harbour.txt.sidenote.toml"))
        .expect("the claim was saved");
    assert!(sidecar.contains("status = \"sourced\""), "{sidecar}");
}
