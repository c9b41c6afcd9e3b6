//! The reader's suggestions, computed lazily a block of sentences at a time as they are needed
//! (drawn on screen, jumped to), so opening a long report is never delayed by them.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::config::Config;
use crate::report::Report;
use crate::suggest::{Cues, Suggestion, suggest};

/// Sentences analysed together.
const BLOCK: usize = 64;
/// Sentences before a block analysed with it, so quotations and "He added" find their source.
const CONTEXT: usize = 12;

/// Suggestions per sentence, filled on demand.
#[derive(Debug, Clone)]
pub struct Suggestions {
    /// The cue lists; `None` when suggestions are turned off in the config.
    cues: Option<Cues>,
    /// Computed blocks, by block number.
    blocks: RefCell<HashMap<usize, Vec<Suggestion>>>,
}

impl Suggestions {
    /// Suggestions as the config wants them (off when `[suggest] enabled = false`).
    pub fn new(config: &Config) -> Self {
        let cues = config
            .suggest
            .enabled
            .then(|| Cues::new(&config.suggest.extra).unwrap_or_else(|_| Cues::builtin()));
        Self {
            cues,
            blocks: RefCell::default(),
        }
    }

    /// The suggestion for sentence `n` of `report`, computing its block when needed.
    pub fn get(&self, report: &Report, n: usize) -> Option<Suggestion> {
        let cues = self.cues.as_ref()?;
        if n >= report.sentences.len() {
            return None;
        }
        let block = n / BLOCK;
        let mut blocks = self.blocks.borrow_mut();
        let list = blocks.entry(block).or_insert_with(|| {
            let first = block * BLOCK;
            let from = first.saturating_sub(CONTEXT);
            let to = (first + BLOCK).min(report.sentences.len());
            let mut all = suggest(&report.text, &report.sentences[from..to], cues);
            all.drain(..first - from);
            all
        });
        list.get(n % BLOCK).cloned()
    }

    /// How many blocks have been computed (for tests of the laziness).
    pub fn computed_blocks(&self) -> usize {
        self.blocks.borrow().len()
    }
}
