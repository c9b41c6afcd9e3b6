//! sidenote: read a report, tag its claims, keep the tags in a TOML sidecar beside it.
pub mod annotate;
pub mod report;
