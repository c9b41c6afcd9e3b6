//! A hostile report opened in the real reader, in a pseudo-terminal: the bytes the reader writes
//! to the terminal must hold none of the report's escape sequences, and a terminal emulator
//! (`vt100`) fed those bytes must see no bell, no title, no clipboard write and no resize, only
//! the visible stand-ins.
//!
//! The harness is a trimmed copy of the one in `tests/pty.rs`: every wait polls with a deadline,
//! and a child still running at the end is killed, so a failing test never hangs.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// How long any one thing may take to show up.
const TIMEOUT: Duration = Duration::from_secs(10);
/// How often the screen is looked at while waiting.
const POLL: Duration = Duration::from_millis(25);

/// A report that tries every trick a terminal falls for: colours and cursor moves (CSI), a window
/// title and a clipboard write (OSC, ended by BEL and by ST), a device control string, the 8-bit
/// C1 forms of CSI and OSC, a bell, backspaces, a carriage return inside a line, bidirectional
/// overrides and isolates, and zero-width characters.
const REPORT: &str = "Officials denied the claim.\n\n\
Red \x1b[31malert\x1b[0m and \x1b[2J\x1b[H\x1b[10;10Hmoved. \
Title \x1b]0;pwned\x07 set. \
Clip \x1b]52;c;cHduZWQ=\x07 copied. \
Icon \x1b]1;iconic\x1b\\ named. \
Device \x1bPq#0;2;0;0;0\x1b\\ string. \
Eight \u{9b}2J and \u{9d}2;c1title\u{9c} bits. \
Bell\x07\x07 rang. \
Back\x08\x08\x08space. \
Paid\rUnpaid line. \
Reversed \u{202E}gnp.exe\u{202C} name. \
Isolated \u{2066}text\u{2069} here. \
Hidden\u{200B}zero\u{2060}width\u{FEFF}marks.\n";

/// What the report sends that must never reach the terminal as it is.
const FORBIDDEN: [&str; 15] = [
    "\x1b[31malert",
    "\x1b[2J\x1b[H",
    "\x1b[10;10H",
    "\x1b]0;pwned",
    "\x1b]52;",
    "\x1b]1;iconic",
    "\x1bPq",
    "\u{9b}",
    "\u{9d}",
    "\u{9c}",
    "\x08",
    "\u{202E}",
    "\u{2066}",
    "\u{200B}",
    "\u{2060}",
];

/// The stand-ins that must be on screen instead, each short enough to stay on one row.
const SHOWN: [&str; 8] = [
    "\u{241B}[31malert\u{241B}[0m",
    "\u{241B}[2J\u{241B}[H\u{241B}[10;10Hmoved.",
    "\u{241B}]0;pwned\u{2407}",
    "\u{241B}]52;c;cHduZWQ=\u{2407}",
    "\u{241B}Pq#0;2;0;0;0\u{241B}\\",
    "Bell\u{2407}\u{2407}",
    "Back\u{2408}\u{2408}\u{2408}space.",
    "Paid\u{240D}Unpaid",
];

/// How many U+FFFD stand-ins the report holds: the C1 controls, the bidirectional controls and
/// the invisible characters. `vt100` reads U+FFFD as a decoding error and does not draw it (real
/// terminals do), so they are counted as they arrive instead of looked for on screen.
const REPLACED: usize = 10;

/// What the emulated terminal was asked to do besides drawing.
#[derive(Debug, Default)]
struct Requests {
    bells: usize,
    replacements: usize,
    titles: Vec<String>,
    clipboard: Vec<String>,
    other: Vec<String>,
}

impl vt100::Callbacks for Requests {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }

    fn visual_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }

    fn resize(&mut self, _: &mut vt100::Screen, request: (u16, u16)) {
        self.other.push(format!("resize {request:?}"));
    }

    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(String::from_utf8_lossy(name).into_owned());
    }

    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles
            .push(String::from_utf8_lossy(title).into_owned());
    }

    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8], data: &[u8]) {
        self.clipboard
            .push(String::from_utf8_lossy(data).into_owned());
    }

    fn paste_from_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8]) {
        self.other.push("paste".to_owned());
    }

    fn unhandled_char(&mut self, _: &mut vt100::Screen, c: char) {
        if c == '\u{FFFD}' {
            self.replacements += 1;
        } else {
            self.other.push(format!("character U+{:04X}", u32::from(c)));
        }
    }
}

/// What the reader thread shares with the test: the emulated terminal and every byte received.
struct Output {
    parser: vt100::Parser<Requests>,
    bytes: Vec<u8>,
}

/// The reader running in a 160x40 pseudo-terminal.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Output>>,
    reader: Option<JoinHandle<()>>,
}

fn non_zero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a size above zero")
}

impl Session {
    /// Starts `sidenote REPORT` in `dir`, with the config looked for in `dir`.
    fn start(dir: &Path, report: &str) -> Self {
        let size = PtySize {
            rows: 40,
            cols: 160,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system().openpty(size).expect("openpty");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_sidenote"));
        command.arg(report);
        command.cwd(dir);
        command.env("TERM", "xterm-256color");
        command.env("XDG_CONFIG_HOME", dir);
        command.env("RUST_BACKTRACE", "0");
        let child = pair.slave.spawn_command(command).expect("spawn sidenote");
        // Only the child keeps the terminal's slave end open, so reading ends when it exits.
        drop(pair.slave);
        let mut source = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let output = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new_with_callbacks(
                non_zero(40),
                non_zero(160),
                0,
                Requests::default(),
            ),
            bytes: Vec::new(),
        }));
        let shared = Arc::clone(&output);
        let reader = std::thread::spawn(move || {
            // The master end must outlive the child's output, or reading stops early.
            let _master = pair.master;
            let mut buffer = [0_u8; 8192];
            loop {
                match source.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let mut out = shared
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner);
                        out.parser.process(&buffer[..n]);
                        out.bytes.extend_from_slice(&buffer[..n]);
                    }
                }
            }
        });
        Self {
            child,
            writer,
            output,
            reader: Some(reader),
        }
    }

    fn output(&self) -> MutexGuard<'_, Output> {
        self.output
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The screen as text, one line per row.
    fn screen(&self) -> String {
        let out = self.output();
        let screen = out.parser.screen();
        let (_, cols) = screen.size();
        screen.rows(0, cols.get()).collect::<Vec<_>>().join("\n")
    }

    /// Waits until `done` holds for the screen's text; fails with the screen when it does not.
    fn wait_until(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let screen = self.screen();
            if done(&screen) {
                return;
            }
            if matches!(self.child.try_wait(), Ok(Some(_))) || Instant::now() > deadline {
                self.kill();
                panic!("gave up waiting for {what}; screen:\n{screen}");
            }
            std::thread::sleep(POLL);
        }
    }

    /// Types `keys` into the terminal.
    fn press(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type keys");
        self.writer.flush().expect("flush keys");
    }

    /// Quits with `q` and waits until the child has exited and all its output is read.
    fn quit(&mut self) {
        self.press("q");
        let deadline = Instant::now() + TIMEOUT;
        while !matches!(self.child.try_wait(), Ok(Some(_))) {
            if Instant::now() > deadline {
                self.kill();
                panic!("sidenote did not quit; screen:\n{}", self.screen());
            }
            std::thread::sleep(POLL);
        }
        while self.reader.as_ref().is_some_and(|r| !r.is_finished()) && Instant::now() < deadline {
            std::thread::sleep(POLL);
        }
        if let Some(reader) = self.reader.take_if(|r| r.is_finished()) {
            reader.join().expect("reader thread");
        }
    }

    fn kill(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The report's forbidden sequences found in `bytes`.
fn leaks(bytes: &[u8]) -> Vec<&'static str> {
    let text = String::from_utf8_lossy(bytes);
    FORBIDDEN
        .into_iter()
        .filter(|sequence| text.contains(sequence))
        .collect()
}

#[test]
fn escape_sequences_in_a_report_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("report.txt"), REPORT).expect("write report");
    let mut reader = Session::start(dir.path(), "report.txt");
    reader.wait_until("the whole report with its stand-ins", |screen| {
        screen.contains("Officials denied the claim.") && SHOWN.iter().all(|s| screen.contains(s))
    });
    let drawn = reader.output().parser.callbacks().replacements;
    assert!(
        drawn >= REPLACED,
        "{drawn} U+FFFD drawn, expected {REPLACED}"
    );
    // Walk the cursor over every sentence, so each is drawn highlighted and in the panel too.
    reader.press(&"j".repeat(20));
    reader.press("s");
    reader.wait_until("a claim tagged", |screen| screen.contains("1 claim"));
    reader.quit();

    let out = reader.output();
    let leaked = leaks(&out.bytes);
    assert!(leaked.is_empty(), "sent to the terminal: {leaked:?}");
    let requests = out.parser.callbacks();
    assert_eq!(requests.bells, 0, "the terminal rang");
    assert!(requests.clipboard.is_empty(), "{requests:?}");
    assert!(requests.other.is_empty(), "{requests:?}");
    assert!(
        requests
            .titles
            .iter()
            .all(|t| !t.contains("pwned") && !t.contains("iconic")),
        "{requests:?}"
    );
}

#[test]
fn a_file_name_with_escapes_shows_stand_ins_in_the_status_bar() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = "a\x1b]0;pwned\x07.txt";
    std::fs::write(
        dir.path().join(name),
        "Nothing odd in here. Only the name.\n",
    )
    .expect("write report");
    let mut reader = Session::start(dir.path(), name);
    reader.wait_until("the report", |screen| {
        screen.contains("Nothing odd in here.")
    });
    reader.wait_until("the name in the status bar", |screen| {
        screen
            .lines()
            .last()
            .is_some_and(|row| row.contains("a\u{241B}]0;pwned\u{2407}.txt"))
    });
    reader.quit();
    let out = reader.output();
    let leaked = leaks(&out.bytes);
    assert!(leaked.is_empty(), "sent to the terminal: {leaked:?}");
    let requests = out.parser.callbacks();
    assert_eq!(requests.bells, 0, "the terminal rang");
    assert!(
        requests.titles.iter().all(|t| !t.contains("pwned")),
        "{requests:?}"
    );
}
