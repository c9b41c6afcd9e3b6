//! Reports as text: loading a file into safe text, and the sentences a reader steps through.
//!
//! No terminal code lives here: the reader, the commands and the tests all see the same text
//! and the same sentence offsets. [`safe`] makes any other text (file names, error messages)
//! as safe to print as the report's.
pub mod extract;
mod index;
mod load;
pub mod progressive;
mod safe;
pub mod segment;
pub mod stream;

pub use index::CharIndex;
pub use load::{Binary, Decoded, Encoding, LoadError, Report, decode, decode_owned, sha256_hex};
pub(crate) use load::{SNIFF_BYTES, file_kind, judge_start};
pub use safe::{
    REPLACEMENT, SafePath, is_hidden, one_line, quote_marks, quoted, safe, safe_lines, safe_path,
};
