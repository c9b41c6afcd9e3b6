//! Reading the terminal's events so that a terminal that hangs up, or a resize that comes with a
//! key, never stalls the reader.
//!
//! crossterm 0.29 reads the terminal in one of two ways, and each has a flaw this module works
//! around (crossterm issues 793 and 839):
//! - Its default reader (mio) retries a read of a hung-up terminal in an endless loop, so a
//!   closed window or a dropped SSH connection would leave the reader spinning at full CPU,
//!   never making its last save. It also loses a key typed with a resize, until the next key.
//! - So sidenote turns on its `use-dev-tty` reader, which waits with `poll(2)`: a hung-up
//!   terminal makes it retry only until its timeout, and nothing is lost. But that reader looks
//!   at the events it has already read only while time is left, never when asked with a zero
//!   timeout; so it is asked with [`ASK`], and asked again before every wait, so that an event
//!   it still holds (the thread was descheduled past `ASK`) shows within one tick, not at the
//!   next key.
//!
//! The event loop waits on the terminal itself: a hang-up ends the reader at once, and a wait cut
//! short by a signal (possibly the SIGHUP of a hang-up not yet reported) returns to the caller,
//! which looks at its flags before crossterm reads anything. And a read never waits (see
//! [`reads_never_wait`]), so half an escape sequence cannot hold the loop either.

use std::io;
use std::time::Duration;

use super::events::Input;

/// Makes a read of the terminal return at once when it has nothing (`VMIN` and `VTIME` 0), once
/// raw mode is on. crossterm's reader reads again after bytes that start an escape sequence
/// without ending it (Alt+[ sends `ESC [`, and a late answer to a query may stop short), and in
/// raw mode such a read would wait for the next key: the whole event loop would stop there, deaf
/// to ticks, saves and signals. crossterm puts the terminal's own settings back when raw mode
/// ends.
#[cfg(unix)]
pub fn reads_never_wait() -> io::Result<()> {
    use rustix::termios::{OptionalActions, SpecialCodeIndex, tcgetattr, tcsetattr};
    let stdin = io::stdin();
    let mut termios = tcgetattr(&stdin)?;
    termios.special_codes[SpecialCodeIndex::VMIN] = 0;
    termios.special_codes[SpecialCodeIndex::VTIME] = 0;
    tcsetattr(&stdin, OptionalActions::Now, &termios)?;
    Ok(())
}

/// Elsewhere reads are crossterm's own business.
#[cfg(not(unix))]
pub fn reads_never_wait() -> io::Result<()> {
    Ok(())
}

/// The terminal's events, read safely (see the module's documentation).
pub struct TtyEvents {
    /// Woken by SIGWINCH, whichever thread the signal interrupted.
    #[cfg(unix)]
    resized: Resized,
    /// A resize came that no event has reported yet: crossterm may have missed the signal (it
    /// came before crossterm was set up, or another reader's crossterm calls took it).
    #[cfg(unix)]
    resize_pending: bool,
}

/// How long crossterm may wait when asked for an event: never zero (see the module's note).
#[cfg(unix)]
const ASK: Duration = Duration::from_millis(5);

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
#[cfg(unix)]
enum Asked {
    /// An event, or the error reading it.
    Event(io::Result<Input>),
    /// Nothing now.
    Nothing,
    /// Reading failed because the terminal hung up.
    Gone,
}

/// What a wait on the terminal found.
#[cfg(unix)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wait {
    /// Input to read, or a resize.
    Ready,
    /// Nothing within the wait, or a signal cut it short.
    Idle,
    /// Hung up: there will never be input again.
    Gone,
}

#[cfg(unix)]
impl TtyEvents {
    /// Starts listening for resizes; fails only if the signal cannot be watched.
    pub fn new() -> io::Result<Self> {
        // Sets crossterm's reader up now, so that it sees resizes from the first frame on.
        crossterm::event::poll(Duration::ZERO)?;
        let (wake, signal) = std::os::unix::net::UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        let id = signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, signal)?;
        Ok(Self {
            resized: Resized { wake, id },
            resize_pending: false,
        })
    }

    /// The terminal's next event, or [`Input::Tick`] after `tick` without one (or when a signal
    /// came: the caller looks at its flags); `None` once the terminal has hung up.
    pub fn next(&mut self, tick: Duration) -> Option<io::Result<Input>> {
        if self.wait(Duration::ZERO) == Wait::Gone {
            return None;
        }
        match self.answer() {
            Asked::Event(event) => return Some(event),
            Asked::Gone => return None,
            Asked::Nothing => {}
        }
        match self.wait(tick) {
            Wait::Gone => None,
            Wait::Idle => Some(Ok(Input::Tick)),
            Wait::Ready => match self.answer() {
                Asked::Event(event) => Some(event),
                Asked::Gone => None,
                Asked::Nothing => Some(Ok(Input::Tick)),
            },
        }
    }

    /// crossterm's next event, or else a resize it did not report.
    fn answer(&mut self) -> Asked {
        match self.ask_crossterm() {
            Asked::Event(event) => {
                if matches!(
                    event,
                    Ok(Input::Terminal(crossterm::event::Event::Resize(..)))
                ) {
                    self.resize_pending = false;
                }
                Asked::Event(event)
            }
            Asked::Nothing if std::mem::take(&mut self.resize_pending) => Asked::Event(
                crossterm::terminal::size()
                    .map(|(w, h)| Input::Terminal(crossterm::event::Event::Resize(w, h))),
            ),
            other => other,
        }
    }

    /// crossterm's next event if it has one now.
    fn ask_crossterm(&self) -> Asked {
        let answer = match crossterm::event::poll(ASK) {
            Ok(true) => crossterm::event::read().map(Input::Terminal),
            Ok(false) => return Asked::Nothing,
            Err(e) => Err(e),
        };
        if answer.is_err() && self.wait_without_draining() == Wait::Gone {
            return Asked::Gone;
        }
        Asked::Event(answer)
    }

    /// Waits up to `wait` for input on standard input, the reader's terminal, or a resize (which
    /// it notes in `resize_pending`).
    fn wait(&mut self, wait: Duration) -> Wait {
        let (found, resized) = self.poll(wait);
        if resized {
            use std::io::Read as _;
            let mut drained = [0_u8; 64];
            while matches!((&self.resized.wake).read(&mut drained), Ok(n) if n > 0) {}
            self.resize_pending = true;
        }
        found
    }

    /// Whether the terminal hung up, looked at without waiting or draining anything.
    fn wait_without_draining(&self) -> Wait {
        self.poll(Duration::ZERO).0
    }

    /// Polls the terminal and the resize pipe for up to `wait`: what was found, and whether the
    /// pipe is readable.
    fn poll(&self, wait: Duration) -> (Wait, bool) {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
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
            return (Wait::Idle, false);
        }
        let terminal = fds[0].revents();
        let resized = fds[1].revents().contains(PollFlags::IN);
        if terminal.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
            (Wait::Gone, resized)
        } else if resized || terminal.contains(PollFlags::IN) {
            (Wait::Ready, resized)
        } else {
            (Wait::Idle, resized)
        }
    }
}

/// Elsewhere crossterm's own wait is used; only Unix terminals are known to hang up this way.
#[cfg(not(unix))]
impl TtyEvents {
    /// Nothing to set up.
    pub fn new() -> io::Result<Self> {
        Ok(Self {})
    }

    /// The terminal's next event, or [`Input::Tick`] after `tick` without one.
    pub fn next(&mut self, tick: Duration) -> Option<io::Result<Input>> {
        Some(match crossterm::event::poll(tick) {
            Ok(true) => crossterm::event::read().map(Input::Terminal),
            Ok(false) => Ok(Input::Tick),
            Err(e) => Err(e),
        })
    }
}

/// The terminal's events, with a [`Input::Tick`] after `tick` without one; ends when `stop` is
/// set or the terminal hangs up (its window closed, the SSH connection dropped).
pub fn terminal_events(
    stop: &std::sync::atomic::AtomicBool,
    tick: Duration,
) -> io::Result<impl Iterator<Item = io::Result<Input>>> {
    let mut terminal = TtyEvents::new()?;
    Ok(std::iter::from_fn(move || {
        if stop.load(std::sync::atomic::Ordering::Relaxed) {
            return None;
        }
        terminal.next(tick)
    }))
}
