//! Issue 10 as a user meets it, in a real pseudo-terminal: a saved web page opens as its
//! article, `NO_COLOR` output holds no colour codes yet shows the tags, a note is written in a
//! stand-in `$EDITOR`, and a second window on the same report says so.
//!
//! Every wait polls the emulated screen with a deadline; a child still running then is killed.

#![cfg(unix)]

use std::path::Path;

use crate::support::pty::Session;
use crate::support::{SIDENOTE, default_config};

/// The parameters of every SGR sequence (`ESC [ ... m`) in `bytes` that sets a colour:
/// foreground or background, basic, bright, 256-colour or RGB.
fn colour_codes(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut found = Vec::new();
    for part in text.split("\x1b[").skip(1) {
        let end = part
            .find(|c: char| c.is_ascii_alphabetic() || c == '~')
            .unwrap_or(part.len());
        if !part[end..].starts_with('m') {
            continue;
        }
        let params = &part[..end];
        let sets_colour = params.split([';', ':']).any(|p| {
            matches!(
                p.parse::<u32>(),
                Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
            )
        });
        if sets_colour {
            found.push(params.to_owned());
        }
    }
    found
}

#[test]
fn the_colour_check_sees_colour_codes() {
    assert_eq!(
        colour_codes(b"\x1b[1;32mok\x1b[0m\x1b[48;5;21m"),
        ["1;32", "48;5;21"]
    );
    assert!(colour_codes(b"\x1b[1m\x1b[7m\x1b[39m\x1b[49m\x1b[0m\x1b[4m").is_empty());
}

fn text_of(dir: &Path, file: &str) -> String {
    let output = std::process::Command::new(SIDENOTE)
        .args(["text", file, "--config"])
        .arg(default_config())
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir)
        .output()
        .expect("sidenote text");
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn a_saved_page_opens_as_its_article_without_colour_and_its_claim_quotes_the_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages/coast-daily.html");
    std::fs::copy(page, dir.path().join("page.html")).expect("copy page");
    let mut reader = Session::start_env(dir.path(), &["page.html"], &[("NO_COLOR", "1")]);
    reader.wait_for("Harbour lights return after nine-hour blackout");
    let screen = reader.screen();
    for furniture in [
        "cookies",
        "Subscribe",
        "Ferry fares",
        "dockhand77",
        "Copyright",
    ] {
        assert!(
            !screen.contains(furniture),
            "{furniture} on screen:\n{screen}"
        );
    }
    reader.press("jjjs");
    reader.wait_for("s 1 sourced");
    reader.wait_for("[s sourced]");
    reader.press("q");
    assert_eq!(reader.wait_exit(), 0, "screen:\n{}", reader.screen());
    let codes = colour_codes(&reader.bytes());
    assert!(codes.is_empty(), "colour codes with NO_COLOR: {codes:?}");
    let sidecar = std::fs::read_to_string(dir.path().join("page.html.sidenote.toml"))
        .expect("page.html.sidenote.toml saved");
    let sidecar: toml::Table = toml::from_str(&sidecar).expect("TOML");
    let claim = &sidecar["claim"].as_array().expect("claims")[0];
    let quote = claim["quote"].as_str().expect("quote");
    assert!(
        quote.starts_with("Power came back to the eastern docks"),
        "{quote}"
    );
    let start = usize::try_from(claim["start"].as_integer().expect("start")).expect("start");
    let text = text_of(dir.path(), "page.html");
    let at: String = text
        .chars()
        .skip(start)
        .take(quote.chars().count())
        .collect();
    assert_eq!(
        at, quote,
        "the quote is the text of `sidenote text` at its offset"
    );
}

#[test]
fn a_note_written_in_the_editor_is_saved() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("report.txt"),
        "The ferry left two hours late. The operator blamed the wind.\n",
    )
    .expect("report");
    let editor = dir.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'Asked the harbour master.\\n' > \"$1\"\n",
    )
    .expect("editor");
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let editor = editor.display().to_string();
    let mut reader = Session::start_env(dir.path(), &["report.txt"], &[("EDITOR", &editor)]);
    reader.wait_for("The ferry left two hours late.");
    reader.press("s");
    reader.wait_for("1 sourced");
    reader.press("\r");
    reader.wait_for("Ctrl-o $EDITOR");
    reader.press("\x0f");
    reader.wait_for("note edited");
    reader.wait_for("Asked the harbour master.");
    reader.press("\x13");
    reader.wait_for("saved");
    reader.press("q");
    assert_eq!(reader.wait_exit(), 0, "screen:\n{}", reader.screen());
    let bytes = reader.bytes();
    let left = bytes.windows(8).filter(|w| w == b"\x1b[?1049l").count();
    assert!(
        left >= 2,
        "the screen was left for the editor and at the end"
    );
    let sidecar =
        std::fs::read_to_string(dir.path().join("report.txt.sidenote.toml")).expect("sidecar");
    assert!(
        sidecar.contains("note = \"Asked the harbour master.\""),
        "{sidecar}"
    );
}

#[test]
fn a_second_window_on_the_same_report_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("report.txt"),
        "The ferry left late. Nobody was hurt.\n",
    )
    .expect("report");
    let mut first = Session::start(dir.path(), &["report.txt"]);
    first.wait_for("The ferry left late.");
    assert!(!first.screen().contains("another sidenote window"));
    let mut second = Session::start(dir.path(), &["report.txt"]);
    second.wait_for("another sidenote window has this report open");
    second.press("q");
    assert_eq!(second.wait_exit(), 0, "screen:\n{}", second.screen());
    first.press("q");
    assert_eq!(first.wait_exit(), 0, "screen:\n{}", first.screen());
    assert!(
        !dir.path().join("report.txt.sidenote.toml.open").exists(),
        "the last window out removes its mark"
    );
}
