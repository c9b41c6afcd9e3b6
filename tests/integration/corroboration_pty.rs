//! Corroboration end to end: the real binary in a pseudo-terminal on a copy of the folder written
//! for the project (`tests/corroborate/event`), the comparison running in the background as it
//! does for a user.

use std::path::Path;

use crate::support::pty::Session;

const EVENT: &str = "tests/corroborate/event";

fn event_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for entry in std::fs::read_dir(EVENT).expect("the event folder") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("a name");
        std::fs::copy(&path, dir.path().join(name)).expect("copy a report");
    }
    dir
}

/// The status bar: the bottom row.
fn status(session: &Session) -> String {
    session
        .screen()
        .lines()
        .last()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn the_reader_shows_the_other_reports_and_opens_one_at_its_sentence() {
    let dir = event_folder();
    let mut reader = Session::start(dir.path(), &["wire.txt"]);
    reader.wait_for("Footbridge collapses during Northmere lantern festival");
    reader.press("jj");
    reader.wait_for_status("sentence 3/8");
    reader.wait_for("also in 2 reports");
    reader.wait_for("≠ differs: number Two / Three");
    reader.press("C");
    reader.wait_for("gazette.txt:3");
    reader.wait_for("brief.txt:2");
    reader.press("j\r");
    reader.wait_for_status("gazette.txt");
    reader.wait_for("opened from wire.txt: q goes back to it");
    // Once compared there too, the panel keeps saying where `q` goes.
    reader.wait_for("← q back to wire.txt");
    assert!(
        status(&reader).contains("sentence 3/"),
        "at the sentence: {}",
        status(&reader)
    );
    // Tagged there, saved there; `q` goes back to wire.txt where the reader was.
    reader.press("s");
    reader.wait_for_status("saved");
    reader.press("q");
    reader.wait_for_status("wire.txt");
    assert!(
        status(&reader).contains("sentence 3/8"),
        "{}",
        status(&reader)
    );
    reader.press("q");
    assert_eq!(reader.wait_exit(), 0, "screen:\n{}", reader.screen());
    let gazette = std::fs::read_to_string(dir.path().join("gazette.txt.sidenote.toml"))
        .expect("the other report's claim was saved");
    assert!(
        gazette.contains("Three police officers were hurt"),
        "{gazette}"
    );
    assert!(!Path::new(&dir.path().join("wire.txt.sidenote.toml")).exists());
}

#[test]
fn the_review_screen_lists_the_groups_and_opens_a_member() {
    let dir = event_folder();
    let mut review = Session::start(dir.path(), &["."]);
    review.wait_for("4 groups");
    review.press("4");
    review.wait_for("7 of 7 groups in 5 reports");
    review.press("C");
    review.wait_for("3 of 7 groups");
    // The first group that differs: two or three officers; its second member is gazette.txt's.
    review.press("j\r");
    review.wait_for_status("gazette.txt");
    assert!(
        status(&review).contains("sentence 3/"),
        "{}",
        status(&review)
    );
    review.wait_for("also in 2 reports");
    review.press("q");
    review.wait_for("3 of 7 groups");
    review.press("q");
    assert_eq!(review.wait_exit(), 0, "screen:\n{}", review.screen());
}
