//! Issue 10 as a user meets it, in a real pseudo-terminal: a saved web page opens as its
//! article, `NO_COLOR` output holds no colour codes yet shows the tags, a note is written in a
//! stand-in `$EDITOR`, and a second window on the same report says so.
//!
//! Every wait polls the emulated screen with a deadline; a child still running then is killed.

#![cfg(unix)]

use std::io::{Read as _, Write as _};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(25);

fn non_zero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("above zero")
}

/// The emulated screen and every byte the reader wrote.
struct Output {
    parser: vt100::Parser,
    bytes: Vec<u8>,
}

/// `sidenote` running in a 120x40 pseudo-terminal.
struct Reader {
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn std::io::Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Arc<Mutex<Output>>,
}

impl Reader {
    fn start(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_sidenote"));
        command.args(args);
        command.cwd(dir);
        command.env("TERM", "xterm-256color");
        command.env("XDG_CONFIG_HOME", dir);
        command.env_remove("NO_COLOR");
        command.env_remove("VISUAL");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair.slave.spawn_command(command).expect("spawn sidenote");
        drop(pair.slave);
        let mut source = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let output = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(non_zero(40), non_zero(120), 0),
            bytes: Vec::new(),
        }));
        let shared = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buffer = [0_u8; 8192];
            while let Ok(n @ 1..) = source.read(&mut buffer) {
                let mut out = shared
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                out.parser.process(&buffer[..n]);
                out.bytes.extend_from_slice(&buffer[..n]);
            }
        });
        Self {
            _master: pair.master,
            writer,
            child,
            output,
        }
    }

    fn screen(&self) -> String {
        let out = self
            .output
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        out.parser.screen().contents()
    }

    fn bytes(&self) -> Vec<u8> {
        let out = self
            .output
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        out.bytes.clone()
    }

    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + TIMEOUT;
        while !self.screen().contains(text) {
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("{text:?} never showed; the screen:\n{}", self.screen());
            }
            std::thread::sleep(POLL);
        }
    }

    fn type_bytes(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("type");
        self.writer.flush().expect("flush");
    }

    fn wait_exit(&mut self) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                assert!(status.success(), "exit {status:?}:\n{}", self.screen());
                // Let the reading thread take the last bytes.
                std::thread::sleep(Duration::from_millis(50));
                return;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the reader did not exit:\n{}", self.screen());
            }
            std::thread::sleep(POLL);
        }
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

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
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .args(["text", file])
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
    let mut reader = Reader::start(dir.path(), &["page.html"], &[("NO_COLOR", "1")]);
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
    reader.type_bytes(b"jjjs");
    reader.wait_for("s 1 sourced");
    reader.wait_for("[s sourced]");
    reader.type_bytes(b"q");
    reader.wait_exit();
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
    let mut reader = Reader::start(dir.path(), &["report.txt"], &[("EDITOR", &editor)]);
    reader.wait_for("The ferry left two hours late.");
    reader.type_bytes(b"s");
    reader.wait_for("1 sourced");
    reader.type_bytes(b"\r");
    reader.wait_for("Ctrl-o $EDITOR");
    reader.type_bytes(b"\x0f");
    reader.wait_for("note edited");
    reader.wait_for("Asked the harbour master.");
    reader.type_bytes(b"\x13");
    reader.wait_for("saved");
    reader.type_bytes(b"q");
    reader.wait_exit();
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
    let mut first = Reader::start(dir.path(), &["report.txt"], &[]);
    first.wait_for("The ferry left late.");
    assert!(!first.screen().contains("another sidenote window"));
    let mut second = Reader::start(dir.path(), &["report.txt"], &[]);
    second.wait_for("another sidenote window has this report open");
    second.type_bytes(b"q");
    second.wait_exit();
    first.type_bytes(b"q");
    first.wait_exit();
    assert!(
        !dir.path().join("report.txt.sidenote.toml.open").exists(),
        "the last window out removes its mark"
    );
}
