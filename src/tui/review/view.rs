//! The review screen's three views.

/// Which of the three views is on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// One row per report.
    Reports,
    /// One row per claim, across all reports.
    Claims,
    /// Charts: tags per report, most cited sources, grades.
    Chart,
}
