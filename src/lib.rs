//! sidenote: read a report, tag its claims, keep the tags in a TOML sidecar beside it.
//!
//! Data flows one way: files -> model ([`report`], [`annotate`]) -> reader state ([`tui`]) ->
//! screen; and key -> action -> update -> effect (save). The commands in [`cli`] use the same
//! model without a terminal.
pub mod annotate;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod report;
pub mod suggest;
pub mod tui;
