//! Reports as text: loading a file into safe text, and the sentences a reader steps through.
//!
//! No terminal code lives here: the reader, the commands and the tests all see the same text
//! and the same sentence offsets.
mod index;
mod load;
pub mod segment;

pub use index::CharIndex;
pub use load::{Encoding, LoadError, Report, decode, sha256_hex};
