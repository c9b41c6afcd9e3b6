//! Claims and the sidecar file that keeps them beside a report.
//!
//! No terminal code lives here: the reader and the commands change claims through the same
//! functions and save them through the same atomic write.
mod anchor;
mod claim;
mod sidecar;

pub use anchor::{Anchor, reanchor};
pub use claim::{Claim, ClaimId, now};
pub use sidecar::{FORMAT_VERSION, ReportRef, SaveError, Sidecar, SidecarError, sidecar_path};
