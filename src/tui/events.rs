//! What the event loops react to: terminal events, ticks and news from worker threads, from a
//! source the loop tells how long to wait.

use std::io;
use std::time::Duration;

use crossterm::event::Event;

use super::reader::loading;

/// What the event loop reacts to.
#[derive(Debug)]
pub enum Input {
    /// A key, mouse or resize event from the terminal.
    Terminal(Event),
    /// Time passed with no event: a chance to notice changes on disk.
    Tick,
    /// News from the thread loading a large report.
    Loaded(loading::Loaded),
}

/// Where the event loop's input comes from. The loop says how long to wait: a short tick while
/// something of its own runs in the background (a save, a wrap, a count of search hits), so that
/// its news shows at once; a long one otherwise. Any iterator of inputs is a source too (tests drive
/// the loop with a list), which ignores the wait.
pub trait Events {
    /// The next input, or [`Input::Tick`] after waiting at most `tick`; `None` when there is no
    /// more.
    fn next_input(&mut self, tick: Duration) -> Option<io::Result<Input>>;
}

impl<I: Iterator<Item = io::Result<Input>>> Events for I {
    fn next_input(&mut self, _tick: Duration) -> Option<io::Result<Input>> {
        self.next()
    }
}
