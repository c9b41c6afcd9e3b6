//! The reader's part of issue 10 on a `TestBackend`: a note edited in `$EDITOR` (a stand-in
//! shell script) comes back into the claim editor and is saved; without colour, tags still show.

#![cfg(unix)]

use std::path::{Path, PathBuf};

use crate::support::key_events;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sidenote::config::Config;
use sidenote::report::Report;
use sidenote::tui::reader::App;
use sidenote::tui::reader::external_editor::Screen;

const SAMPLE: &str = "assets/samples/harbour-blackout.txt";

/// A screen that records when it is handed over, and runs a given editor.
struct Recording {
    editor: String,
    calls: Vec<&'static str>,
}

impl Screen for Recording {
    fn suspend(&mut self) -> std::io::Result<()> {
        self.calls.push("suspend");
        Ok(())
    }

    fn resume(&mut self) -> std::io::Result<()> {
        self.calls.push("resume");
        Ok(())
    }

    fn editor(&self) -> String {
        self.editor.clone()
    }
}

/// A stand-in editor: a script that rewrites the file it is given.
fn editor_script(dir: &Path, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt as _;
    let path = dir.join("stand-in-editor.sh");
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("script");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path
}

fn open(dir: &Path) -> (App, PathBuf) {
    let path = dir.join("report.txt");
    std::fs::copy(SAMPLE, &path).expect("copy sample");
    let report = Report::load(&path).expect("sample loads");
    let config = Config {
        author: "tester".into(),
        ..Config::default()
    };
    (
        App::new(report, None, config, None),
        sidenote::annotate::sidecar_path(&path),
    )
}

fn saved_notes(sidecar: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(sidecar).expect("sidecar saved");
    let sidecar = sidenote::annotate::Sidecar::parse(&text, sidecar).expect("valid sidecar");
    sidecar
        .claims
        .iter()
        .filter_map(|c| c.note.clone())
        .collect()
}

#[test]
fn a_note_edited_in_the_editor_is_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut app, sidecar) = open(dir.path());
    let script = editor_script(
        dir.path(),
        "printf 'Checked with the port office.\\nSecond line.\\n' > \"$1\"",
    );
    let mut screen = Recording {
        editor: script.display().to_string(),
        calls: Vec::new(),
    };
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    sidenote::tui::run_with(
        &mut terminal,
        &mut app,
        &sidecar,
        key_events("s enter ctrl-o ctrl-s"),
        &mut screen,
    )
    .expect("runs");
    assert_eq!(screen.calls, ["suspend", "resume"]);
    assert_eq!(
        saved_notes(&sidecar),
        ["Checked with the port office.\nSecond line."]
    );
}

#[test]
fn a_failing_editor_leaves_the_note_and_says_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut app, sidecar) = open(dir.path());
    let script = editor_script(dir.path(), "echo 'half-written' > \"$1\"; exit 1");
    let mut screen = Recording {
        editor: script.display().to_string(),
        calls: Vec::new(),
    };
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    sidenote::tui::run_with(
        &mut terminal,
        &mut app,
        &sidecar,
        key_events("s enter ctrl-o"),
        &mut screen,
    )
    .expect("runs");
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("unchanged")),
        "{:?}",
        app.message
    );
    assert_eq!(app.editor_note(), Some(""));
}
