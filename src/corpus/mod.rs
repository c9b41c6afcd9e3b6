//! A corpus: a folder of reports. Finding them, rolling their claims up, exporting them, and
//! measuring how far annotators agree.
//!
//! No terminal code lives here: the review screen, `sidenote stats` and `sidenote export` all
//! read the same [`Reviewed`] reports and count them the same way.
pub mod agree;
pub mod export;
pub mod grades;
pub mod reviewed;
pub mod scan;
pub mod sources;
pub mod stats;

pub use grades::{grade_of, reliability_of};
pub use reviewed::{ReviewError, Reviewed};
