//! What a new user tripped on in the reader and the review screen (issue 17), end to end: the
//! real binary in a pseudo-terminal ([`crate::support::pty`]), keys typed into it, the screen it
//! draws and the sidecar it leaves on disk.

use std::path::{Path, PathBuf};

use crate::support::pty::{ENTER_ALTERNATE_SCREEN, Session};

/// A page of links written for these tests: a news site's section front, with no article.
const FRONT: &str = "tests/pages/fronts/tidewater-news.html";

/// A folder with `report.txt` (two sentences) and the page of links, `tidewater-news.html`.
fn folder_with_a_front() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("report.txt"),
        "The port reopened on Monday. Officials said repairs were done.\n",
    )
    .expect("write report");
    let front = dir.path().join("tidewater-news.html");
    std::fs::copy(FRONT, &front).expect("copy the page");
    (dir, front)
}

fn named(path: &Path) -> &str {
    path.file_name()
        .and_then(|n| n.to_str())
        .expect("a UTF-8 name")
}

#[test]
fn the_reader_refuses_a_page_of_links_before_touching_the_terminal() {
    let (dir, front) = folder_with_a_front();
    let mut reader = Session::start(dir.path(), &[named(&front)]);
    reader.wait_for("no article found");
    assert_eq!(reader.wait_exit(), 2, "screen:\n{}", reader.screen());
    let screen = reader.screen();
    assert!(
        screen.contains("tidewater-news.html: no article found"),
        "one line naming the file: {screen}"
    );
    assert!(screen.contains(".txt"), "and what to do: {screen}");
    let bytes = reader.bytes();
    assert!(
        !bytes
            .windows(ENTER_ALTERNATE_SCREEN.len())
            .any(|w| w == ENTER_ALTERNATE_SCREEN),
        "the terminal was never taken over"
    );
    assert_eq!(
        reader.local_flags(),
        reader.initial_flags,
        "the terminal is as it was"
    );
    assert!(
        !dir.path()
            .join("tidewater-news.html.sidenote.toml")
            .exists()
    );
}

/// The review screen leaves a page of links out of the folder (as `stats` does) and says so; one
/// that was annotated stays listed, and opening it says why it does not open, and the screen
/// stays.
#[test]
fn the_review_screen_says_a_page_of_links_has_no_article_and_stays() {
    let (dir, front) = folder_with_a_front();
    let mut review = Session::start(dir.path(), &[]);
    review.wait_for("1 reports");
    review.wait_for_status("no article found");
    review.press("\r");
    review.wait_for_status("sentence 1/2");
    review.press("q");
    review.wait_for("1 reports");
    review.press("q");
    assert_eq!(review.wait_exit(), 0);
    assert_eq!(review.local_flags(), review.initial_flags);
    drop(review);

    // Annotated before it was known to hold no article: listed, and refused when opened.
    let report_sidecar = sidenote::annotate::sidecar_path(&dir.path().join("report.txt"));
    let tagged = std::process::Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .args(["tag", "report.txt", "1", "sourced", "--config"])
        .arg(crate::support::default_config())
        .current_dir(dir.path())
        .output()
        .expect("run sidenote tag");
    assert!(tagged.status.success(), "{tagged:?}");
    std::fs::copy(&report_sidecar, sidenote::annotate::sidecar_path(&front)).expect("copy it");
    let mut review = Session::start(dir.path(), &[]);
    review.wait_for("2 reports");
    // Sorted by path: `report.txt`, then `tidewater-news.html`.
    review.press("j\r");
    review.wait_for_status("no article found");
    // Whole on a 120-column status bar, the file named: nothing of it cut.
    review.wait_for_status(
        "tidewater-news.html: no article found (mostly links or too short); not opened",
    );
    assert!(
        !review.screen().contains("sentence 1/"),
        "the reader did not open: {}",
        review.screen()
    );
    // Still the review screen, with its keys: the other report opens.
    review.press("k\r");
    review.wait_for_status("sentence 1/2");
    review.press("q");
    review.wait_for("2 reports");
    review.press("q");
    assert_eq!(review.wait_exit(), 0);
    assert_eq!(review.local_flags(), review.initial_flags);
}

/// The bundled sample, copied into a fresh folder.
fn sample() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("harbour-blackout.txt");
    std::fs::copy("assets/samples/harbour-blackout.txt", &path).expect("copy sample");
    (dir, path)
}

/// The sidecar the reader left for `report`, parsed.
fn sidecar_of(report: &Path) -> toml::Table {
    let path = sidenote::annotate::sidecar_path(report);
    let text = std::fs::read_to_string(&path).expect("a sidecar was written");
    text.parse().expect("the sidecar parses")
}

fn count(table: &toml::Table, key: &str) -> usize {
    table
        .get(key)
        .and_then(toml::Value::as_array)
        .map_or(0, Vec::len)
}

#[test]
fn undo_after_dismissing_undoes_the_dismissal_and_the_panel_lists_it_to_bring_back() {
    let (dir, report) = sample();
    let mut reader = Session::start(dir.path(), &[named(&report)]);
    reader.wait_for("harbour-blackout.txt");
    // The issue's keys: a claim accepted, a suggestion dismissed, then undo.
    reader.press("SSy");
    reader.wait_for_status("accepted");
    reader.press("SX");
    reader.wait_for_status("suggestion dismissed");
    reader.press("z");
    reader.wait_for_status("the suggestion is back");
    reader.wait_for_status("saved");
    let saved = sidecar_of(&report);
    assert_eq!(count(&saved, "claim"), 1, "the claim is kept: {saved}");
    assert_eq!(
        count(&saved, "dismissed"),
        0,
        "the dismissal is undone: {saved}"
    );
    // Redo dismisses it again, and the panel's filter ends on the list of dismissals.
    reader.press("Z");
    reader.wait_for_status("the suggestion is dismissed");
    reader.press("g");
    reader.press("fffff");
    reader.wait_for("Dismissed suggestions: 1");
    reader.press("\tj");
    reader.wait_for("dismissed suggestion: X brings it back");
    reader.press("X");
    reader.wait_for_status("suggestion brought back");
    reader.wait_for("Dismissed suggestions: 0");
    reader.wait_for_status("saved");
    reader.press("q");
    assert_eq!(reader.wait_exit(), 0, "screen:\n{}", reader.screen());
    let saved = sidecar_of(&report);
    assert_eq!(count(&saved, "claim"), 1, "{saved}");
    assert_eq!(
        count(&saved, "dismissed"),
        0,
        "brought back on disk: {saved}"
    );
}

/// Writes beside `report` the sidecar a conflicting pull leaves: ana's claim on sentence 4 was
/// made `disputed` in one clone and `opinion` in the other, so the merge kept both versions.
fn write_conflict(report: &Path) {
    use sidenote::annotate::{Claim, Sidecar, merge::merge};
    let loaded = sidenote::report::Report::load(report).expect("sample loads");
    let when = "2026-11-25T09:00:00Z".parse().expect("a time");
    let mut claim = Claim::new(&loaded, loaded.sentences[3].clone(), "sourced", "ana", when);
    claim.id = "ana-4".into();
    let base = vec![claim.clone()];
    let mut ours = base.clone();
    ours[0].status = "disputed".into();
    let mut theirs = base.clone();
    theirs[0].status = "opinion".into();
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts, 1);
    let mut sidecar = Sidecar::new(&loaded);
    sidecar.claims = merged.claims;
    sidecar.sort();
    let path = sidenote::annotate::sidecar_path(report);
    std::fs::write(&path, sidecar.to_toml().expect("toml")).expect("write the sidecar");
}

#[test]
fn dropping_one_version_of_a_conflict_keeps_the_other_without_residue() {
    let (dir, report) = sample();
    write_conflict(&report);
    let mut reader = Session::start_env(dir.path(), &[named(&report)], &[("USER", "ana")]);
    reader.wait_for("harbour-blackout.txt");
    // Both versions are marked, each with the key that drops it.
    reader.press("}");
    reader.wait_until("both versions marked", |screen| {
        screen.matches("⚠ conflict (x drops)").count() == 2
    });
    // The first is ours, `disputed`: ana keeps theirs, `opinion`.
    reader.press("x");
    reader.wait_for_status("conflict resolved: kept the opinion version");
    reader.wait_for_status("saved");
    assert!(
        !reader.screen().contains("⚠ conflict"),
        "{}",
        reader.screen()
    );
    reader.press("q");
    assert_eq!(reader.wait_exit(), 0, "screen:\n{}", reader.screen());
    let saved =
        std::fs::read_to_string(sidenote::annotate::sidecar_path(&report)).expect("the sidecar");
    assert!(!saved.contains("conflict"), "no residue: {saved}");
    assert!(saved.contains("status = \"opinion\""), "{saved}");
    assert!(
        saved.contains("id = \"ana-4\""),
        "the claim's id back: {saved}"
    );
    assert_eq!(saved.matches("[[claim]]").count(), 1, "{saved}");
    // `check` finds nothing left to resolve.
    let check = std::process::Command::new(crate::support::SIDENOTE)
        .args(["check", "."])
        .current_dir(dir.path())
        .output()
        .expect("check runs");
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(!out.contains("unresolved conflict"), "{out}");
    assert_eq!(check.status.code(), Some(0), "{out}");
}

#[test]
fn the_gutter_marks_each_sentence_and_where_two_authors_disagree() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("report.txt"),
        "The ferry left at dawn. The captain said the engines were serviced. Smoke was seen.\n\n\
         The operator denied any fault. Critics disagree.\n",
    )
    .expect("write report");
    // Ben read sentence 4 as unsourced.
    let tagged = std::process::Command::new(crate::support::SIDENOTE)
        .args(["tag", "report.txt", "4", "unsourced", "--author", "ben"])
        .current_dir(dir.path())
        .output()
        .expect("tag runs");
    assert!(tagged.status.success(), "{tagged:?}");
    let mut reader = Session::start_env(dir.path(), &["report.txt"], &[("USER", "ana")]);
    reader.wait_for("The ferry left at dawn.");
    // One row, two sentences: the first tagged, the second with a suggestion. Both show.
    reader.press("s");
    reader.wait_for("│s◌The ferry left at dawn.");
    // Ana reads sentence 4 as sourced, Ben as unsourced: the gutter says they disagree.
    reader.press("jjjs");
    reader.wait_for("│⚠–The operator denied any fault.");
    reader.wait_for_status("saved");
    reader.press("q");
    assert_eq!(reader.wait_exit(), 0, "screen:\n{}", reader.screen());
}
