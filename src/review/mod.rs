//! Reviewing a folder of reports: finding them, rolling their claims up, exporting them, and
//! measuring how far annotators agree.
//!
//! No terminal code lives here: the review screen, `sidenote stats` and `sidenote export` all
//! read the same [`Reviewed`] reports and count them the same way.
pub mod agree;
pub mod export;
pub mod grade;
pub mod load;
pub mod scan;
pub mod stats;

pub use grade::{grade_of, reliability_of};
pub use load::{ReviewError, Reviewed};
