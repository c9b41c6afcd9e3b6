//! The keys of the reader's modes, rebound in a `--config` file, end to end: the real binary in a
//! pseudo-terminal ([`crate::support::pty`]) takes the new key, shows it in its hints and
//! messages, and no longer takes the old one.

use crate::support::pty::Session;

/// A report of two sentences.
const REPORT: &str = "The harbour lights failed at nine. Officials blamed a storm.\n";

/// Settings that move the editor's save from Ctrl-s and Enter to Ctrl-x, and the help to F.
const CONFIG: &str = "[suggest]\nenabled = false\n\
                      [keys]\n\"F\" = \"help\"\n\"?\" = \"none\"\n\
                      [keys.editor]\n\"ctrl-x\" = \"save\"\n\"ctrl-s\" = \"none\"\n\"enter\" = \"none\"\n";

/// Ctrl-s and Ctrl-x as a terminal sends them.
const CTRL_S: &str = "\x13";
const CTRL_X: &str = "\x18";

#[test]
fn a_rebound_editor_save_key_saves_and_the_old_ones_do_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("report.txt"), REPORT).expect("write report");
    std::fs::write(dir.path().join("keys.toml"), CONFIG).expect("write config");
    let mut reader = Session::start(dir.path(), &["report.txt", "--config", "keys.toml"]);
    reader.wait_for("The harbour lights failed at nine.");
    reader.wait_for_status("F help");
    reader.press("\r");
    reader.wait_for("Ctrl-x save");
    // The editor opens on the source field, which takes the text typed.
    reader.press("the port office");
    reader.wait_for("the port office");
    reader.press(CTRL_S);
    reader.press("\r");
    reader.press("!");
    // Neither Ctrl-s nor Enter saved: the editor is open, and took the `!` into the source.
    reader.wait_for("the port office!");
    assert!(
        reader.screen().contains("Ctrl-x save"),
        "{}",
        reader.screen()
    );
    reader.press(CTRL_X);
    reader.wait_for_status("1 claim");
    reader.wait_for_status("saved");
    reader.press("q");
    assert_eq!(reader.wait_exit(), 0, "screen:\n{}", reader.screen());
    drop(reader);

    let text = std::fs::read_to_string(dir.path().join("report.txt.sidenote.toml"))
        .expect("the reader wrote a sidecar");
    let sidecar: toml::Table = toml::from_str(&text).expect("the sidecar is TOML");
    let claims = sidecar["claim"].as_array().expect("[[claim]]");
    assert_eq!(claims.len(), 1, "{text}");
    assert_eq!(claims[0]["status"].as_str(), Some("sourced"), "{text}");
    assert_eq!(
        claims[0]["source"].as_str(),
        Some("the port office!"),
        "{text}"
    );
}

#[test]
fn two_lines_for_one_key_in_a_mode_stop_the_reader_naming_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("report.txt"), REPORT).expect("write report");
    std::fs::write(
        dir.path().join("keys.toml"),
        "[keys.editor]\n\"ctrl-x\" = \"save\"\n\"ctrl-X\" = \"cancel\"\n",
    )
    .expect("write config");
    let out = std::process::Command::new(crate::support::SIDENOTE)
        .args(["report.txt", "--config", "keys.toml"])
        .current_dir(dir.path())
        .output()
        .expect("run sidenote");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("keys.toml:2: keys.editor: \"ctrl-X\" and \"ctrl-x\" are the same key"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}
