//! Claims and the sidecar file that keeps them beside a report.
//!
//! No terminal code lives here: the reader and the commands change claims through the same
//! functions and save them through the same locked, atomic write ([`store`]).
mod anchor;
pub mod atomic;
mod claim;
pub mod conflict;
pub mod dismissals;
pub mod grade;
pub mod identity;
pub mod merge;
pub mod no_claim;
mod sidecar;
mod source_kind;
pub mod store;

pub use anchor::{Anchor, QUOTE_WAS, reanchor, reanchor_all};
pub use claim::{ADJUDICATED_BY, AGREED_LABEL, Claim, ClaimId, now};
pub use grade::Grade;
pub use no_claim::{NoClaim, reanchor_marks};
pub use sidecar::{
    Dismissed, FORMAT_VERSION, MAX_SIDECAR_BYTES, ReportRef, SaveError, Sidecar, SidecarError,
    document_order, sidecar_path,
};
pub use source_kind::{SourceKind, SourceKindError};
