//! The pseudo-terminal harness: the real binary in a pseudo-terminal, its output fed to a
//! terminal emulator (`vt100`) that answers the colour and device queries as xterm does, keys
//! typed into it.
//!
//! Every wait is a poll of the emulated screen (or of the child) with a generous deadline; a
//! child still running at the deadline is killed, so a failing test never hangs.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use super::{SIDENOTE, default_config, state_dir};

/// How long any one thing may take to show up.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// How often the screen is looked at while waiting.
pub const POLL: Duration = Duration::from_millis(25);

/// The sequence that leaves the alternate screen.
pub const LEAVE_ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049l";
/// The sequence that enters it.
pub const ENTER_ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049h";

/// What the reader thread shares with the test: the emulated terminal and every byte received.
pub struct Output<C: vt100::Callbacks = ()> {
    pub parser: vt100::Parser<C>,
    pub bytes: Vec<u8>,
}

/// The reader running in a pseudo-terminal.
pub struct Session<C: vt100::Callbacks + Send + 'static = ()> {
    master: Box<dyn MasterPty + Send>,
    /// Shared with the reader thread, which answers the terminal queries the child sends.
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
    output: Arc<Mutex<Output<C>>>,
    reader: Option<JoinHandle<()>>,
    /// The terminal's local mode flags before the child started.
    pub initial_flags: Vec<String>,
}

pub fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

pub fn non_zero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a size above zero")
}

impl Session {
    /// Starts `sidenote ARGS` in `dir`, in a 120x40 terminal, with the default settings.
    pub fn start(dir: &Path, args: &[&str]) -> Self {
        Self::start_with(dir, args, 120, ())
    }

    /// [`Session::start`] with environment variables `env` set for sidenote.
    pub fn start_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Self {
        Self::spawn(command(dir, args, env), 120, (), DARK_BACKGROUND)
    }
}

/// The colours the emulated terminal gives when asked: light grey text on black.
pub const DARK_BACKGROUND: Colours = Colours {
    foreground: b"\x1b]10;rgb:cccc/cccc/cccc\x1b\\",
    background: b"\x1b]11;rgb:0000/0000/0000\x1b\\",
    device: XTERM,
};
/// Black text on white.
pub const LIGHT_BACKGROUND: Colours = Colours {
    foreground: b"\x1b]10;rgb:0000/0000/0000\x1b\\",
    background: b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\",
    device: XTERM,
};
/// A terminal that answers no query at all, so that the reader waits for the theme query's
/// timeout.
pub const SILENT: Colours = Colours {
    foreground: b"",
    background: b"",
    device: b"",
};
/// What xterm says it is when asked (DA1).
pub const XTERM: &[u8] = b"\x1b[?62;22c";

/// A terminal's answers to the questions about its text (OSC 10) and background (OSC 11) colours.
#[derive(Clone, Copy)]
pub struct Colours {
    pub foreground: &'static [u8],
    pub background: &'static [u8],
    /// The answer to the primary device attributes query (DA1).
    pub device: &'static [u8],
}

/// The answers a terminal gives to what the child asks in `bytes`, as xterm does: its colours to
/// OSC 10 and 11, and what it is to the primary device attributes query (DA1). `vt100` only
/// draws, so without this a query would wait for its timeout.
fn answers(bytes: &[u8], colours: Colours) -> Vec<u8> {
    let mut reply = Vec::new();
    if bytes.windows(6).any(|w| w == b"\x1b]10;?") {
        reply.extend_from_slice(colours.foreground);
    }
    if bytes.windows(6).any(|w| w == b"\x1b]11;?") {
        reply.extend_from_slice(colours.background);
    }
    if bytes.windows(3).any(|w| w == b"\x1b[c") {
        reply.extend_from_slice(colours.device);
    }
    reply
}

impl<C: vt100::Callbacks + Send + 'static> Session<C> {
    /// Starts `sidenote ARGS` in `dir` in a `cols`x40 terminal whose emulator reports what it is
    /// asked to do besides drawing to `callbacks`.
    pub fn start_with(dir: &Path, args: &[&str], cols: u16, callbacks: C) -> Self {
        Self::start_on(dir, args, cols, callbacks, DARK_BACKGROUND)
    }

    /// [`Session::start_with`] in a terminal that gives `colours` when asked for them.
    pub fn start_on(dir: &Path, args: &[&str], cols: u16, callbacks: C, colours: Colours) -> Self {
        Self::spawn(command(dir, args, &[]), cols, callbacks, colours)
    }

    /// Runs `command` in a `cols`x40 terminal that gives `colours` when asked for them.
    fn spawn(command: CommandBuilder, cols: u16, callbacks: C, colours: Colours) -> Self {
        let pair = native_pty_system()
            .openpty(size(cols, 40))
            .expect("openpty");
        let initial_flags = local_flags(pair.master.as_ref());
        let child = pair.slave.spawn_command(command).expect("spawn sidenote");
        // Only the child keeps the terminal's slave end open, so reading ends when it exits.
        drop(pair.slave);
        let mut source = pair.master.try_clone_reader().expect("pty reader");
        let writer = Arc::new(Mutex::new(pair.master.take_writer().expect("pty writer")));
        let output = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new_with_callbacks(non_zero(40), non_zero(cols), 0, callbacks),
            bytes: Vec::new(),
        }));
        let shared = Arc::clone(&output);
        let answer = Arc::clone(&writer);
        let reader = std::thread::spawn(move || {
            let mut buffer = [0_u8; 8192];
            loop {
                match source.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let reply = answers(&buffer[..n], colours);
                        if !reply.is_empty() {
                            let mut answer = answer
                                .lock()
                                .unwrap_or_else(std::sync::PoisonError::into_inner);
                            // The child may be gone already; the test notices that elsewhere.
                            let _ = answer.write_all(&reply).and_then(|()| answer.flush());
                        }
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
            master: pair.master,
            writer,
            child,
            output,
            reader: Some(reader),
            initial_flags,
        }
    }

    pub fn output(&self) -> MutexGuard<'_, Output<C>> {
        self.output
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The screen as text, one line per row (trailing blanks included, so the last line is the
    /// bottom row).
    pub fn screen(&self) -> String {
        let out = self.output();
        let screen = out.parser.screen();
        let (_, cols) = screen.size();
        screen.rows(0, cols.get()).collect::<Vec<_>>().join("\n")
    }

    /// Every byte sidenote wrote to the terminal so far.
    pub fn bytes(&self) -> Vec<u8> {
        self.output().bytes.clone()
    }

    /// Waits until `text` is on the screen; fails with the screen when it does not show in time.
    pub fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} on screen"), |screen| {
            screen.contains(text)
        });
    }

    /// Waits until the status bar (the bottom row) shows `text`.
    pub fn wait_for_status(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} in the status bar"), |screen| {
            screen.lines().last().is_some_and(|row| row.contains(text))
        });
    }

    /// Waits until `done` holds for the screen's text.
    pub fn wait_until(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let screen = self.screen();
            if done(&screen) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                // Whatever was printed before the exit may still be on its way.
                self.drain();
                let screen = self.screen();
                if done(&screen) {
                    return;
                }
                panic!(
                    "sidenote exited ({status:?}) while waiting for {what}; screen:\n{screen}\n{}",
                    self.panic_message()
                );
            }
            if Instant::now() > deadline {
                self.kill();
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            std::thread::sleep(POLL);
        }
    }

    /// The child's panic message, when its output holds one.
    fn panic_message(&self) -> String {
        let text = String::from_utf8_lossy(&self.output().bytes).into_owned();
        text.find("panicked at")
            .map(|at| text[at..].lines().take(2).collect::<Vec<_>>().join("\n"))
            .unwrap_or_default()
    }

    /// Types `keys` into the terminal.
    pub fn press(&mut self, keys: &str) {
        let mut writer = self
            .writer
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        writer.write_all(keys.as_bytes()).expect("type keys");
        writer.flush().expect("flush keys");
    }

    /// Resizes the terminal, and the emulated screen with it.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.output()
            .parser
            .screen_mut()
            .set_size(non_zero(rows), non_zero(cols));
        self.master.resize(size(cols, rows)).expect("resize pty");
    }

    /// Waits for the child to exit and for all its output to be read; returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            match self.child.try_wait().expect("try_wait") {
                Some(status) => break status,
                None if Instant::now() > deadline => {
                    self.kill();
                    panic!("sidenote did not exit in time; screen:\n{}", self.screen());
                }
                None => std::thread::sleep(POLL),
            }
        };
        self.drain();
        status.exit_code()
    }

    /// Joins the reader thread once the child's output has ended (or gives up after a while).
    fn drain(&mut self) {
        let deadline = Instant::now() + TIMEOUT;
        while self.reader.as_ref().is_some_and(|r| !r.is_finished()) && Instant::now() < deadline {
            std::thread::sleep(POLL);
        }
        if let Some(reader) = self.reader.take_if(|r| r.is_finished()) {
            reader.join().expect("reader thread");
        }
    }

    pub fn kill(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    pub fn local_flags(&self) -> Vec<String> {
        local_flags(self.master.as_ref())
    }

    /// Sends the signal `name` (`TERM`, `HUP`, …) to sidenote, as `kill -NAME` does.
    pub fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("child pid");
        let sent = std::process::Command::new("kill")
            .args([&format!("-{name}"), &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(sent.success(), "kill -{name} failed");
    }
}

/// `sidenote ARGS --config DEFAULTS` run in `dir`, as in a user's xterm, with `env` set: no
/// `NO_COLOR` or `VISUAL` of the user's, places kept in the tests' folder ([`state_dir`], unless
/// `env` names another), and short panic messages (one fits on the screen that a failure shows).
/// ARGS that give a `--config` of their own keep it.
pub fn command(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> CommandBuilder {
    let mut command = CommandBuilder::new(SIDENOTE);
    command.args(args);
    if !args.contains(&"--config") {
        command.arg("--config");
        command.arg(default_config());
    }
    command.cwd(dir);
    command.env("TERM", "xterm-256color");
    command.env("XDG_CONFIG_HOME", dir);
    command.env_remove("NO_COLOR");
    command.env_remove("VISUAL");
    command.env("RUST_BACKTRACE", "0");
    command.env("SIDENOTE_STATE_DIR", state_dir());
    command.env("SIDENOTE_CACHE_DIR", super::cache_dir());
    for (key, value) in env {
        command.env(key, value);
    }
    command
}

/// The pseudo-terminal's local mode flags (`ICANON`, `ECHO`, …) as their names, and last its
/// control characters (`VMIN`, `VTIME`, …, which the reader changes too) as one entry.
pub fn local_flags(master: &dyn MasterPty) -> Vec<String> {
    let termios = master.get_termios().expect("termios of the pty");
    let mut flags: Vec<String> = format!("{:?}", termios.local_flags)
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect();
    flags.push(format!("control characters {:?}", termios.control_chars));
    flags
}

impl<C: vt100::Callbacks + Send + 'static> Drop for Session<C> {
    fn drop(&mut self) {
        self.kill();
        self.drain();
    }
}
