//! Why the terminal app could not run, and the exit code that says so.

use std::io;

use crate::report::LoadError;

/// Why the reader could not run.
#[derive(Debug, thiserror::Error)]
pub enum ReaderError {
    /// The report could not be opened.
    #[error(transparent)]
    Report(#[from] LoadError),
    /// A web page with no article in it (a section front, a page of links): refused before the
    /// terminal is touched, with the line the commands give ([`crate::cli::no_article`]).
    #[error("{0}")]
    NoArticle(String),
    /// Standard input or output is not a terminal.
    #[error(
        "the reader needs a terminal (standard input and output must be a TTY); for scripts use `sidenote sentences` or `sidenote claims`"
    )]
    NoTerminal,
    /// The terminal could not be set up or drawn on.
    #[error("terminal: {0}")]
    Terminal(#[from] io::Error),
    /// The reader ended (a second quit, or a signal) while a change could not be saved.
    #[error("the last change to the claims was NOT saved: {0}")]
    Unsaved(String),
}

impl ReaderError {
    /// Refuses `report` when it is a web page in which no article was found: its navigation is
    /// not a report to read or tag.
    pub fn refuse_no_article(report: &crate::report::Report) -> Result<(), Self> {
        crate::cli::no_article(report).map_err(|e| Self::NoArticle(e.to_string()))
    }

    /// The process exit code for this error: the system failed us (the terminal, a save), or the
    /// input was wrong (a report that cannot be opened, no terminal to read it on).
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Terminal(_) | Self::Unsaved(_) => crate::cli::EXIT_FAILURE,
            Self::Report(_) | Self::NoArticle(_) | Self::NoTerminal => crate::cli::EXIT_BAD_INPUT,
        }
    }
}
