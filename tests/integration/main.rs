//! The integration tests, in one crate (one build and one link instead of one per file): the
//! built binary's commands, screen tests on a `TestBackend`, and the reader in a
//! pseudo-terminal. Each module is one former `tests/*.rs` file; a new test file is a module
//! declared here. Data the tests read stays beside this folder (`tests/pages`,
//! `tests/segment`, `tests/suggest`); insta keeps snapshots in `snapshots/` here.

mod agree;
mod architecture;
mod cli;
mod cli_check;
mod cli_corroborate;
mod cli_export;
mod cli_labels;
mod cli_newcomer;
mod cli_stats;
mod cli_stdin;
mod corroboration_pty;
mod corroboration_screen;
mod durability;
mod editor_pty;
mod formats;
mod formats_pty;
mod formats_tui;
mod hostile;
mod keys_pty;
mod merge_driver;
mod newcomer_reader;
mod no_claim;
mod pty;
mod reader_replaced;
mod resume;
mod review_screen;
mod review_support;
mod screen;
mod screen_labels;
mod screen_team;
mod segment_cases;
mod source_kind;
mod stats_done;
mod suggest_cli;
mod suggest_eval;
mod suggest_props;
mod suggest_screen;
mod support;
