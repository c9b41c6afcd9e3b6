//! Reading a report file into text that is safe to show and whose offsets are stable.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::{CharIndex, segment};

/// Why a report could not be opened; each message names the file and what to do.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The path does not exist.
    #[error("{}: no such file; check the path", .0.display())]
    NotFound(PathBuf),
    /// The path is a folder, not a report.
    #[error("{}: is a folder; give a report file such as a .txt", .0.display())]
    Directory(PathBuf),
    /// The bytes are not text in an encoding sidenote reads.
    #[error("{}: not a text file (binary data); convert it to plain text first", .0.display())]
    NotText(PathBuf),
    /// The file could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The report's path.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// How the report's bytes were turned into text, so a user can see why characters look odd.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16 with a byte-order mark.
    Utf16,
    /// Not valid UTF-8: read as Windows-1252, the usual encoding of old office documents.
    Windows1252,
}

/// A report loaded into memory: its text, its sentences and the hash of its bytes.
#[derive(Debug, Clone)]
pub struct Report {
    /// Where the report was read from.
    pub path: PathBuf,
    /// The text every offset counts into (see [`decode`]).
    pub text: String,
    /// SHA-256 of the file's bytes, recorded in the sidecar to notice a changed report.
    pub sha256: String,
    /// How the bytes were decoded.
    pub encoding: Encoding,
    /// Sentence byte ranges into `text`, in order.
    pub sentences: Vec<std::ops::Range<usize>>,
    /// Converts between byte and code-point offsets.
    pub index: CharIndex,
}

impl Report {
    /// Reads and segments the report at `path`.
    pub fn load(path: &Path) -> Result<Self, LoadError> {
        if path.is_dir() {
            return Err(LoadError::Directory(path.to_path_buf()));
        }
        let bytes = std::fs::read(path).map_err(|source| {
            if source.kind() == std::io::ErrorKind::NotFound {
                LoadError::NotFound(path.to_path_buf())
            } else {
                LoadError::Io {
                    path: path.to_path_buf(),
                    source,
                }
            }
        })?;
        let (text, encoding) =
            decode(&bytes).ok_or_else(|| LoadError::NotText(path.to_path_buf()))?;
        Ok(Self::from_text(path, text, encoding, sha256_hex(&bytes)))
    }

    /// Builds a report from text already decoded; used by [`Report::load`] and by tests.
    pub fn from_text(path: &Path, text: String, encoding: Encoding, sha256: String) -> Self {
        let sentences = segment::sentences(&text);
        let index = CharIndex::new(&text);
        Self {
            path: path.to_path_buf(),
            text,
            sha256,
            encoding,
            sentences,
            index,
        }
    }

    /// The file name shown to the user and written in the sidecar.
    pub fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// The code-point range of a byte range.
    pub fn char_range(&self, bytes: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.index.char_of(&self.text, bytes.start)..self.index.char_of(&self.text, bytes.end)
    }

    /// The byte range of a code-point range, or `None` when it lies outside the text.
    pub fn byte_range(&self, chars: &std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
        let start = self.index.byte_of(&self.text, chars.start)?;
        let end = self.index.byte_of(&self.text, chars.end)?;
        (start <= end).then_some(start..end)
    }

    /// The index of the sentence holding byte offset `byte`, or the nearest one before it.
    pub fn sentence_at(&self, byte: usize) -> usize {
        self.sentences
            .partition_point(|s| s.start <= byte)
            .saturating_sub(1)
    }
}

/// Hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// Turns a file's bytes into the report's text, or `None` when they are not text.
///
/// A leading byte-order mark is dropped (it is not counted in offsets). Every code point that
/// could act on a terminal rather than show as text — C0/C1 control characters other than tab,
/// line feed and carriage return, DEL, and the bidirectional overrides and isolates that can
/// disguise text ("Trojan Source") — is replaced by one visible stand-in. The replacement is one
/// code point for one, so offsets into the text equal offsets into the original file.
pub fn decode(bytes: &[u8]) -> Option<(String, Encoding)> {
    let (raw, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (std::str::from_utf8(rest).ok()?.to_owned(), Encoding::Utf8)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (utf16(rest, u16::from_le_bytes)?, Encoding::Utf16)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (utf16(rest, u16::from_be_bytes)?, Encoding::Utf16)
    } else if looks_binary(bytes) {
        return None;
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_owned(), Encoding::Utf8)
    } else {
        (
            bytes.iter().map(|&b| windows_1252(b)).collect(),
            Encoding::Windows1252,
        )
    };
    if raw.contains('\0') {
        return None;
    }
    Some((raw.chars().map(visible).collect(), encoding))
}

/// NUL bytes in the first 8 KiB mark a binary file, as `git` and `grep` decide it.
fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&b| b == 0)
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> Option<String> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes.chunks_exact(2).map(|pair| word([pair[0], pair[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .ok()
}

/// The characters Windows-1252 puts where Latin-1 has C1 controls.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
    '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{FFFD}',
    'ž', 'Ÿ',
];

fn windows_1252(byte: u8) -> char {
    match byte {
        0x80..=0x9F => CP1252_HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// The stand-in shown for a character that must not reach the terminal as itself.
fn visible(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => c,
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        '\u{80}'..='\u{9F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => '\u{FFFD}',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped_and_not_counted() {
        let (text, enc) = decode(b"\xEF\xBB\xBFHello.").expect("text");
        assert_eq!(text, "Hello.");
        assert_eq!(enc, Encoding::Utf8);
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let bytes = [0xFF, 0xFE, b'H', 0, b'i', 0];
        assert_eq!(decode(&bytes).expect("text").0, "Hi");
        let bytes = [0xFE, 0xFF, 0, b'H', 0, b'i'];
        assert_eq!(decode(&bytes).expect("text").0, "Hi");
    }

    #[test]
    fn invalid_utf8_is_read_as_windows_1252() {
        let (text, enc) = decode(b"caf\xE9 \x93quoted\x94").expect("text");
        assert_eq!(text, "café “quoted”");
        assert_eq!(enc, Encoding::Windows1252);
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(b"PK\x03\x04\x00\x00binary").is_none());
    }

    #[test]
    fn terminal_escapes_become_visible_one_for_one() {
        let (text, _) = decode("a\x1b[31mb\u{202E}c\x07\td\r\n".as_bytes()).expect("text");
        assert_eq!(text, "a\u{241B}[31mb\u{FFFD}c\u{2407}\td\r\n");
        assert_eq!(
            text.chars().count(),
            "a\x1b[31mb\u{202E}c\x07\td\r\n".chars().count()
        );
    }

    #[test]
    fn load_names_missing_file_and_folder() {
        let err = Report::load(Path::new("/no/such/report.txt")).expect_err("missing");
        assert_eq!(
            err.to_string(),
            "/no/such/report.txt: no such file; check the path"
        );
        let dir = tempfile::tempdir().expect("tempdir");
        let err = Report::load(dir.path()).expect_err("folder");
        assert!(err.to_string().contains("is a folder"), "{err}");
    }

    #[test]
    fn sha256_is_of_the_bytes() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
