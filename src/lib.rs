//! sidenote: read a report, tag its claims, keep the tags in a TOML sidecar beside it.
//!
//! Data flows one way: files -> model ([`report`], [`annotate`]) -> reader state ([`tui`]) ->
//! screen; and key -> action -> update -> effect (save). Lower layers never import higher ones:
//!
//! - [`report`]: loading text safely, and sentences with exact offsets.
//! - [`annotate`]: claims, the sidecar format, locking, merge-saves, re-anchoring.
//! - [`suggest`]: attribution analysis, pure text in, spans out.
//! - [`corpus`]: a folder of reports: scan, stats, agreement, exports.
//! - [`corroborate`]: beside [`corpus`]: which reports tell the same claim, and from how many
//!   independent sources.
//! - [`resume`]: where the user left off in each report and folder, kept per user.
//! - [`config`]: settings parsed into typed keys (the reader's actions, and each mode's own:
//!   editor, search, adjudication, review prompt) and theme; data the app reads, never
//!   importing it.
//! - [`tui`]: the terminal app: one folder per screen (`reader/`, `review/`) with its state,
//!   `update` and drawing, and the event loops.
//! - [`cli`]: the commands without a terminal, one file each; never imports [`tui`].
pub mod annotate;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod corroborate;
pub mod report;
pub mod resume;
pub mod suggest;
pub mod tui;
