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
    assert!(!dir.path().join("tidewater-news.html.sidenote.toml").exists());
}

#[test]
fn the_review_screen_says_a_page_of_links_has_no_article_and_stays() {
    let (dir, _) = folder_with_a_front();
    let mut review = Session::start(dir.path(), &[]);
    review.wait_for("2 reports");
    // Sorted by path: `report.txt`, then `tidewater-news.html`.
    review.press("j\r");
    review.wait_for_status("no article found");
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
