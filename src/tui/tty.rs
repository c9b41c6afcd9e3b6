//! Reading the terminal's events so that a terminal that hangs up, or a resize that comes with a
//! key, never stalls the reader.
//!
//! crossterm 0.29 reads the terminal in one of two ways, and each has a flaw this module works
//! around (crossterm issues 793 and 839):
//! - Its default reader (mio) retries a read of a hung-up terminal in an endless loop, so a
//!   closed window or a dropped SSH connection would leave the reader spinning at full CPU,
//!   never making its last save. It also loses a key typed with a resize, until the next key.
//! - So sidenote turns on its `use-dev-tty` reader, which waits with `poll(2)`: a hung-up
//!   terminal makes it retry only until its timeout, and nothing is lost. But that reader never
//!   looks at events it has already read when asked with a zero timeout, so it is asked with
//!   [`ASK`].
//!
//! The event loop waits on the terminal itself first: a hang-up ends the reader at once, and a
//! wait cut short by a signal (possibly the SIGHUP of a hang-up not yet reported) lets the caller
//! look at its flags before crossterm reads anything.

use std::io;
use std::time::Duration;

use crossterm::event::Event;

use super::Input;

/// How long crossterm may wait when asked for an event: never zero (see the module's note).
const ASK: Duration = Duration::from_millis(1);

/// The terminal's events, read safely (see the module's documentation).
pub struct TtyEvents {
    /// crossterm may hold events it parsed from the same read as the last one it gave.
    more: bool,
    /// Woken by SIGWINCH, whichever thread the signal interrupted.
    #[cfg(unix)]
    resized: Resized,
}

/// The read end of the pipe that SIGWINCH writes to, and the registration to undo on drop.
#[cfg(unix)]
struct Resized {
    wake: std::os::unix::net::UnixStream,
    id: signal_hook::SigId,
}

#[cfg(unix)]
impl Drop for Resized {
    fn drop(&mut self) {
        signal_hook::low_level::unregister(self.id);
    }
}

/// What crossterm answered when asked for an event.
enum Asked {
    /// An event, or the error reading it.
    Event(io::Result<Input>),
    /// Nothing now: the next call waits on the terminal first.
    Nothing,
    /// Reading failed because the terminal hung up.
    Gone,
}

/// What a wait on the terminal found.
#[cfg(unix)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wait {
    /// Input to read.
    Input,
    /// The window was resized.
    Resized,
    /// Nothing within the wait, or a signal cut it short.
    Idle,
    /// Hung up: there will never be input again.
    Gone,
}

impl TtyEvents {
    /// Starts listening for resizes; fails only if the signal cannot be watched.
    pub fn new() -> io::Result<Self> {
        // Sets crossterm's reader up now, so that it sees resizes from the first frame on.
        crossterm::event::poll(Duration::ZERO)?;
        #[cfg(unix)]
        {
            let (wake, signal) = std::os::unix::net::UnixStream::pair()?;
            wake.set_nonblocking(true)?;
            let id = signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, signal)?;
            Ok(Self {
                more: true,
                resized: Resized { wake, id },
            })
        }
        #[cfg(not(unix))]
        Ok(Self { more: true })
    }

    /// The terminal's next event, or [`Input::Tick`] after `tick` without one (or when a signal
    /// came: the caller looks at its flags); `None` once the terminal has hung up.
    #[cfg(unix)]
    pub fn next(&mut self, tick: Duration) -> Option<io::Result<Input>> {
        if self.more {
            if self.wait(Duration::ZERO) == Wait::Gone {
                return None;
            }
            match self.ask_crossterm() {
                Asked::Event(event) => return Some(event),
                Asked::Gone => return None,
                Asked::Nothing => {}
            }
        }
        let resized = match self.wait(tick) {
            Wait::Gone => return None,
            Wait::Idle => return Some(Ok(Input::Tick)),
            Wait::Input => false,
            Wait::Resized => true,
        };
        match self.ask_crossterm() {
            Asked::Event(event) => Some(event),
            Asked::Gone => None,
            // crossterm may have missed the signal (it came before crossterm was set up, or
            // crossterm took it with an earlier event): the size is read again either way.
            Asked::Nothing if resized => {
                Some(crossterm::terminal::size().map(|(w, h)| Input::Terminal(Event::Resize(w, h))))
            }
            Asked::Nothing => Some(Ok(Input::Tick)),
        }
    }

    /// Elsewhere crossterm's own wait is used; only Unix terminals are known to hang up this way.
    #[cfg(not(unix))]
    pub fn next(&mut self, tick: Duration) -> Option<io::Result<Input>> {
        Some(match crossterm::event::poll(tick) {
            Ok(true) => crossterm::event::read().map(Input::Terminal),
            Ok(false) => Ok(Input::Tick),
            Err(e) => Err(e),
        })
    }

    /// crossterm's next event if it has one now.
    fn ask_crossterm(&mut self) -> Asked {
        let answer = match crossterm::event::poll(ASK) {
            Ok(true) => crossterm::event::read().map(Input::Terminal),
            Ok(false) => {
                self.more = false;
                return Asked::Nothing;
            }
            Err(e) => Err(e),
        };
        self.more = true;
        #[cfg(unix)]
        if answer.is_err() && self.wait(Duration::ZERO) == Wait::Gone {
            return Asked::Gone;
        }
        Asked::Event(answer)
    }

    /// Waits up to `wait` for input on standard input, the reader's terminal, or a resize.
    #[cfg(unix)]
    fn wait(&self, wait: Duration) -> Wait {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        use std::io::Read as _;
        let stdin = io::stdin();
        let mut fds = [
            PollFd::new(&stdin, PollFlags::IN),
            PollFd::new(&self.resized.wake, PollFlags::IN),
        ];
        let timeout = Timespec::try_from(wait).ok();
        let woken = match poll(&mut fds, timeout.as_ref()) {
            // Cut short by a signal: look again without waiting, so that a resize is seen at
            // once; a hang-up that the terminal does not report yet finds no input.
            Err(_) => poll(&mut fds, Some(&Timespec::default())),
            polled => polled,
        };
        if woken.is_err() || woken == Ok(0) {
            return Wait::Idle;
        }
        let terminal = fds[0].revents();
        if terminal.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
            return Wait::Gone;
        }
        if fds[1].revents().contains(PollFlags::IN) {
            let mut drained = [0_u8; 64];
            while matches!((&self.resized.wake).read(&mut drained), Ok(n) if n > 0) {}
            return Wait::Resized;
        }
        if terminal.contains(PollFlags::IN) {
            Wait::Input
        } else {
            Wait::Idle
        }
    }
}
