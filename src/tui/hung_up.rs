//! Noticing that the terminal has gone away before crossterm reads it.
//!
//! When the terminal hangs up (its window is closed, an SSH connection drops), reading it gives
//! end-of-file or `EIO` at once, and crossterm 0.29's event reader retries such a read in an
//! endless loop: the reader would spin at full CPU and never see the signal that asks it to stop.
//! So the event loop waits on the terminal itself and asks crossterm only when there is input.

use std::time::Duration;

/// What the terminal on standard input has for the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tty {
    /// Input to read (or a signal, such as a resize, woke the wait: crossterm sorts it out).
    Ready,
    /// Nothing within the wait.
    Idle,
    /// Hung up: there will never be input again.
    Gone,
}

/// Waits up to `wait` for input on standard input, the reader's terminal.
#[cfg(unix)]
pub fn wait(wait: Duration) -> Tty {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let stdin = std::io::stdin();
    let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
    let timeout = Timespec::try_from(wait).ok();
    match poll(&mut fds, timeout.as_ref()) {
        Ok(0) => Tty::Idle,
        Ok(_)
            if fds[0]
                .revents()
                .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) =>
        {
            Tty::Gone
        }
        // Interrupted by a signal (a resize, or one that asks the reader to stop): the caller
        // looks at both.
        Ok(_) | Err(_) => Tty::Ready,
    }
}

/// Elsewhere crossterm's own wait is used; only Unix terminals are known to hang up this way.
#[cfg(not(unix))]
pub fn wait(wait: Duration) -> Tty {
    match crossterm::event::poll(wait) {
        Ok(false) => Tty::Idle,
        Ok(true) | Err(_) => Tty::Ready,
    }
}
