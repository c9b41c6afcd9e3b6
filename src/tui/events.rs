//! What the event loops react to: terminal events and ticks from a source the loop tells how long
//! to wait, and news from worker threads on one channel ([`Workers`]).

use std::io;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use crossterm::event::Event;

use super::reader::App;
use super::reader::corroboration::News;
use super::reader::sync::SaveOutcome;
use super::reader::wrap::WrappedDoc;
use crate::report::LoadError;

/// What the event loop reacts to.
#[derive(Debug)]
pub enum Input {
    /// A key, mouse or resize event from the terminal.
    Terminal(Event),
    /// Time passed with no event: a chance to notice changes on disk.
    Tick,
    /// News from the thread loading a large report.
    Loaded(Loaded),
    /// A save on the saver's thread ended.
    Saved(Box<SaveOutcome>),
    /// A large report was wrapped to this width on another thread.
    Rewrapped(usize, WrappedDoc),
    /// News from the thread comparing the report with the other reports of its folder.
    Corroborated(Box<News>),
}

/// What the loading thread tells the event loop.
#[derive(Debug)]
pub enum Loaded {
    /// This many percent of the report are indexed.
    Progress(u8),
    /// The reader on the whole report, or why the report could not be loaded after all.
    Done(Result<Box<App>, LoadError>),
}

/// The one channel worker threads (saves, wraps) send their news on as [`Input`]s; the event
/// loop reads it between the terminal's events.
#[derive(Debug)]
pub struct Workers {
    sender: Sender<Input>,
    receiver: Receiver<Input>,
}

impl Default for Workers {
    fn default() -> Self {
        let (sender, receiver) = mpsc::channel();
        Self { sender, receiver }
    }
}

impl Workers {
    /// Where a worker sends its news.
    pub fn sender(&self) -> Sender<Input> {
        self.sender.clone()
    }

    /// The next piece of news, if one is waiting.
    pub fn try_next(&self) -> Option<Input> {
        self.receiver.try_recv().ok()
    }

    /// The next piece of news, waiting for it.
    pub fn next(&self) -> Option<Input> {
        self.receiver.recv().ok()
    }
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
