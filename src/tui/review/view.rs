//! The review screen's four views.

/// Which of the four views is on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// One row per report.
    Reports,
    /// One row per claim, across all reports.
    Claims,
    /// Charts: tags per report, most cited sources, grades.
    Chart,
    /// The same claim in several reports (corroboration).
    Groups,
}
