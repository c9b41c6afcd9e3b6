//! Issue 17's reader fixes, end to end: the real binary in a pseudo-terminal on the bundled
//! sample, the keys of each repro step typed, the screen and the sidecar checked.

use std::path::Path;
use std::process::Command;

use crate::support::pty::Session;
use crate::support::{SIDENOTE, default_config};

const SAMPLE: &str = "assets/samples/harbour-blackout.txt";
const REPORT: &str = "harbour-blackout.txt";
const SHIFT_TAB: &str = "\x1b[Z";
const CTRL_S: &str = "\x13";
const CTRL_E: &str = "\x05";
const CTRL_Y: &str = "\x19";

/// A temporary folder holding a copy of the sample.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(SAMPLE, dir.path().join(REPORT)).expect("copy the sample");
    dir
}

/// Runs `sidenote ARGS` in `dir` with the default settings; fails unless it succeeds.
fn sidenote(dir: &Path, args: &[&str]) {
    let out = Command::new(SIDENOTE)
        .args(args)
        .arg("--config")
        .arg(default_config())
        .current_dir(dir)
        .output()
        .expect("run sidenote");
    assert!(out.status.success(), "{args:?}: {out:?}");
}

/// The claims the sidecar in `dir` holds.
fn claims(dir: &Path) -> Vec<toml::Table> {
    let text = std::fs::read_to_string(dir.join(format!("{REPORT}.sidenote.toml")))
        .expect("the sidecar was written");
    let sidecar: toml::Table = toml::from_str(&text).expect("the sidecar is TOML");
    sidecar
        .get("claim")
        .and_then(toml::Value::as_array)
        .map(|claims| {
            claims
                .iter()
                .filter_map(|c| c.as_table().cloned())
                .collect()
        })
        .unwrap_or_default()
}

fn text<'a>(claim: &'a toml::Table, key: &str) -> Option<&'a str> {
    claim.get(key).and_then(toml::Value::as_str)
}

/// Saves with Ctrl-s, waits for the save and quits.
fn save_and_quit(reader: &mut Session) {
    reader.press(CTRL_S);
    reader.wait_for_status("saved");
    reader.press("q");
    assert_eq!(reader.wait_exit(), 0, "screen:\n{}", reader.screen());
}

#[test]
fn text_typed_at_once_in_a_new_claim_is_its_source() {
    let dir = folder();
    let mut reader = Session::start(dir.path(), &[REPORT]);
    reader.wait_for("Harbour Blackout");
    reader.press("/Neither account\r");
    reader.wait_for_status("sentence 11/");
    reader.press("\r");
    reader.wait_for("New claim");
    reader.press("Reuters");
    reader.wait_for("because a source was typed");
    save_and_quit(&mut reader);
    let claims = claims(dir.path());
    assert_eq!(claims.len(), 1);
    assert_eq!(text(&claims[0], "status"), Some("sourced"));
    assert_eq!(text(&claims[0], "source"), Some("Reuters"));
}

#[test]
fn a_typed_key_cannot_unmark_an_agreed_claim() {
    let dir = folder();
    sidenote(
        dir.path(),
        &["tag", REPORT, "11", "unsourced", "--author", "ana"],
    );
    sidenote(
        dir.path(),
        &["tag", REPORT, "11", "sourced", "--author", "ben"],
    );
    let mut reader = Session::start(dir.path(), &[REPORT]);
    reader.wait_for("Harbour Blackout");
    reader.press("A");
    reader.wait_for("Adjudicat");
    reader.press("e");
    reader.wait_for("New claim");
    reader.wait_for("[agreed]");
    reader.press(SHIFT_TAB);
    reader.press(SHIFT_TAB);
    reader.press("s");
    save_and_quit(&mut reader);
    let claims = claims(dir.path());
    let agreed: Vec<_> = claims
        .iter()
        .filter(|c| text(c, "author") != Some("ana") && text(c, "author") != Some("ben"))
        .collect();
    assert_eq!(agreed.len(), 1, "{claims:?}");
    let labels: Vec<&str> = agreed[0]["labels"]
        .as_array()
        .expect("labels")
        .iter()
        .filter_map(toml::Value::as_str)
        .collect();
    assert_eq!(labels, ["agreed", "s"]);
    assert!(agreed[0].contains_key("adjudicated_by"), "{:?}", agreed[0]);
    let agree = Command::new(SIDENOTE)
        .args(["agree", REPORT, "--config"])
        .arg(default_config())
        .current_dir(dir.path())
        .output()
        .expect("run sidenote agree");
    let table = String::from_utf8_lossy(&agree.stdout);
    assert!(
        table.contains("authors: ana, ben\n"),
        "the adjudicator is no annotator: {table}"
    );
}

#[test]
fn the_editor_scrolls_to_the_labels_on_a_60x12_terminal() {
    let dir = folder();
    let mut reader = Session::start(dir.path(), &[REPORT]);
    reader.wait_for("Harbour Blackout");
    reader.resize(60, 12);
    reader.wait_for_status("1/38");
    reader.press("\r");
    reader.wait_for("New claim");
    reader.press(SHIFT_TAB);
    reader.press(SHIFT_TAB);
    reader.wait_for("Labels");
    reader.press("x");
    reader.wait_until("the x typed in the Labels field", |screen| {
        screen
            .lines()
            .any(|row| row.contains("Labels") && row.contains(" x "))
    });
    // Something was typed: the first Esc asks, the second discards.
    reader.press("\x1b");
    reader.wait_for_status("again discards");
    assert!(reader.screen().contains("New claim"), "{}", reader.screen());
    reader.press("\x1b");
    reader.wait_until("the editor closed", |s| !s.contains("New claim"));
}

#[test]
fn the_status_bar_keeps_the_sentence_number_at_40_columns() {
    let dir = folder();
    let mut reader = Session::start(dir.path(), &[REPORT]);
    reader.wait_for("Harbour Blackout");
    reader.resize(40, 20);
    reader.press("jj");
    reader.wait_for_status("3/38");
    reader.press("s");
    reader.wait_for_status("saved");
    reader.wait_for_status("3/38");
}

#[test]
fn the_panel_title_shows_the_counts_and_the_whole_filter() {
    let dir = folder();
    let mut reader = Session::start(dir.path(), &[REPORT]);
    reader.wait_for("Harbour Blackout");
    reader.press("jjjsjujd");
    reader.wait_for_status("3 claims");
    reader.press("ff");
    reader.wait_until("the filter in the panel title", |screen| {
        screen.lines().next().is_some_and(|top| {
            top.contains("Claims 3") && top.contains("[uns") && top.contains(']')
        })
    });
}

#[test]
fn quote_marks_are_not_doubled_in_the_editor() {
    let dir = folder();
    let mut reader = Session::start(dir.path(), &[REPORT]);
    reader.wait_for("Harbour Blackout");
    reader.press("/But I will\r");
    reader.wait_for_status("sentence 8/");
    reader.press("\r");
    reader.wait_for("New claim");
    reader.wait_for("“But I will not");
    assert!(!reader.screen().contains("““"), "{}", reader.screen());
}

#[test]
fn next_claim_shows_what_changed_in_a_re_anchored_claim() {
    let dir = folder();
    sidenote(dir.path(), &["tag", REPORT, "9", "sourced"]);
    let path = dir.path().join(REPORT);
    let text = std::fs::read_to_string(&path).expect("report");
    std::fs::write(
        &path,
        text.replace("signs of tampering at", "signs of damage at"),
    )
    .expect("change the report");
    let mut reader = Session::start(dir.path(), &[REPORT]);
    reader.wait_for("Harbour Blackout");
    reader.press("}");
    reader.wait_for_status("sentence 9/");
    reader.wait_for_status("[tampering → damage]");
    // On a 40-column terminal the change still shows whole in the status bar.
    reader.resize(40, 12);
    reader.press("g");
    reader.wait_for_status("1/38");
    reader.press("}");
    reader.wait_for_status("9/38");
    reader.wait_for_status("[tampering → damage]");
}

#[test]
fn ctrl_e_and_ctrl_y_scroll_one_line_and_leave_the_cursor() {
    let dir = folder();
    let mut reader = Session::start(dir.path(), &[REPORT]);
    reader.wait_for("Harbour Blackout");
    let first_row = |screen: &str| screen.lines().nth(1).unwrap_or_default().to_owned();
    let top = first_row(&reader.screen());
    assert!(top.contains("Harbour Blackout"), "{top}");
    reader.press(CTRL_E);
    // One line: the title's second row is now the first.
    reader.wait_until("the view one line down", |s| {
        first_row(s).contains("Investigators Weigh Sabotage")
    });
    assert!(
        reader
            .screen()
            .lines()
            .last()
            .unwrap_or_default()
            .contains("sentence 1/")
    );
    reader.press(CTRL_Y);
    reader.wait_until("the view back up", |s| {
        first_row(s).contains("Harbour Blackout")
    });
    reader.press("?");
    reader.wait_for("one line down");
}
