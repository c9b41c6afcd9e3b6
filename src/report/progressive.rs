//! Opening a large report in two steps: its head at once, the whole of it in the background.
//!
//! Reading, hashing, decoding and segmenting 100 MB takes about a second, far longer than a
//! reader may keep the user waiting for the first screen. So a large plain-text report is opened
//! as [`head`]: its first [`HEAD_BYTES`] cut after a blank line, decoded and segmented exactly as
//! the whole report is (a blank line always ends a block, and segmentation never looks past one,
//! so the head's sentences are the whole report's first sentences, byte for byte). The reader
//! shows it while [`load`] reads the whole file on another thread, reporting its progress.
//!
//! Only plain UTF-8 text is opened this way. A web page, a Markdown file or a PDF (whose text
//! needs the whole file), a UTF-16 report, a small one and one with no line break in its head
//! are loaded whole by [`Report::load`], as before.

use std::io::{Read as _, Seek as _, SeekFrom};
use std::path::Path;

use sha2::{Digest as _, Sha256};

use super::extract::{Format, format_of};
use super::load::{SNIFF_BYTES, judge_start, open_regular_file, read_error};
use super::{Binary, LoadError, Report, decode, decode_owned};

/// Reports larger than this open progressively; smaller ones load whole in a few milliseconds.
pub const LARGE_BYTES: u64 = 4 << 20;
/// How much of a large report is read before the first screen: enough for many screens.
pub const HEAD_BYTES: usize = 256 << 10;
/// How much is read between two progress reports.
const CHUNK_BYTES: usize = 4 << 20;

/// How far [`load`] has come, in percent, at the end of each step.
mod percent {
    /// All the bytes are read and hashed.
    pub const READ: u8 = 60;
    /// The bytes are decoded into text.
    pub const DECODED: u8 = 70;
}

/// The beginning of the large report at `path`, to show while the rest loads; `None` when the
/// report should be loaded whole (it is small, not plain text, UTF-16, or has no line break to
/// cut at).
///
/// The head's hash is empty: nothing may be saved against it. Its errors are the whole report's
/// errors for the same bytes (a missing file, a folder, a binary start).
pub fn head(path: &Path) -> Result<Option<Report>, LoadError> {
    let (file, len) = open_regular_file(path)?;
    if len <= LARGE_BYTES {
        return Ok(None);
    }
    let mut bytes = Vec::with_capacity(HEAD_BYTES);
    file.take(HEAD_BYTES as u64)
        .read_to_end(&mut bytes)
        .map_err(|source| read_error(path, source))?;
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    if utf16 || format_of(path, &bytes) != Format::Text {
        return Ok(None);
    }
    let cut = memchr::memmem::rfind(&bytes, b"\n\n")
        .map(|at| at + 2)
        .or_else(|| memchr::memrchr(b'\n', &bytes).map(|at| at + 1));
    let Some(cut) = cut else {
        return Ok(None);
    };
    bytes.truncate(cut);
    let decoded = decode(&bytes).map_err(|why| not_text(path, why))?;
    let warnings = decoded.warnings();
    let mut report = Report::from_text(path, decoded.text, decoded.encoding, String::new());
    report.warnings = warnings;
    Ok(Some(report))
}

/// The end of the large report at `path`, for a reader who asks for it (`G`) before the whole
/// report is in: its last [`HEAD_BYTES`] at most, starting after a blank line, so it is
/// segmented exactly as the end of the whole report is. `None` when there is no such end to
/// show (a small report, or no blank line in it, or bytes that are not plain UTF-8 text there).
pub fn tail(path: &Path) -> Result<Option<Report>, LoadError> {
    let (mut file, len) = open_regular_file(path)?;
    if len <= LARGE_BYTES {
        return Ok(None);
    }
    let mut bytes = Vec::with_capacity(HEAD_BYTES);
    file.seek(SeekFrom::Start(len - HEAD_BYTES as u64))
        .and_then(|_| file.take(HEAD_BYTES as u64).read_to_end(&mut bytes))
        .map_err(|source| read_error(path, source))?;
    // The first blank line, written `\n\n` or (Windows) `\r\n\r\n`.
    let cut = [&b"\n\n"[..], b"\n\r\n"]
        .iter()
        .filter_map(|blank| memchr::memmem::find(&bytes, blank).map(|at| at + blank.len()))
        .min();
    let Some(cut) = cut else {
        return Ok(None);
    };
    let Ok(decoded) = decode(&bytes[cut..]) else {
        // The whole load will say what is wrong with these bytes.
        return Ok(None);
    };
    let end = Report::from_text(path, decoded.text, decoded.encoding, String::new());
    // A last paragraph longer than the tail leaves nothing to show: wait for the whole report.
    Ok((!end.sentences.is_empty()).then_some(end))
}

/// The whole report at `path`, as [`Report::load`] makes it, calling `progress` with the percent
/// done as it goes. The bytes are hashed while they are read and become the text without a copy
/// when they are clean UTF-8, so the peak memory is about the file's size plus the indexes.
pub fn load(path: &Path, mut progress: impl FnMut(u8)) -> Result<Report, LoadError> {
    let (mut file, len) = open_regular_file(path)?;
    let len = usize::try_from(len).unwrap_or(usize::MAX);
    // A file bigger than memory must end the reader with an error, not abort it with the
    // terminal still in raw mode.
    let mut bytes = Vec::new();
    bytes
        .try_reserve_exact(len.saturating_add(1))
        .map_err(|_| {
            read_error(
                path,
                std::io::Error::new(
                    std::io::ErrorKind::OutOfMemory,
                    "the report is larger than the memory available",
                ),
            )
        })?;
    let mut hasher = Sha256::new();
    // The binary check on the first 8,000 bytes comes before the rest is read.
    let mut chunk = SNIFF_BYTES;
    loop {
        let start = bytes.len();
        let read = (&mut file)
            .take(chunk as u64)
            .read_to_end(&mut bytes)
            .map_err(|source| read_error(path, source))?;
        if read == 0 {
            break;
        }
        if start == 0 {
            judge_start(&bytes).map_err(|why| not_text(path, why))?;
            chunk = CHUNK_BYTES;
        }
        hasher.update(&bytes[start..]);
        progress(scaled(bytes.len(), len, percent::READ));
    }
    let sha256 = hex(&hasher.finalize());
    let decoded = decode_owned(bytes).map_err(|why| not_text(path, why))?;
    progress(percent::DECODED);
    let warnings = decoded.warnings();
    let mut report = Report::from_text(path, decoded.text, decoded.encoding, sha256);
    report.warnings = warnings;
    Ok(report)
}

/// `done` of `total` as a share of `up_to` percent.
fn scaled(done: usize, total: usize, up_to: u8) -> u8 {
    let share = done.min(total) * usize::from(up_to) / total.max(1);
    u8::try_from(share).unwrap_or(up_to)
}

/// Lower-case hex of a digest, as [`super::sha256_hex`] writes it.
fn hex(digest: &[u8]) -> String {
    use std::fmt::Write as _;
    digest.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn not_text(path: &Path, why: Binary) -> LoadError {
    LoadError::NotText {
        path: path.to_path_buf(),
        why,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::report::sha256_hex;
    use proptest::prelude::*;
    use std::fmt::Write as _;

    /// A report of a few MiB: paragraphs of hard-wrapped prose, headings and a list.
    fn large_text() -> String {
        let paragraph = "The ferry company said on Tuesday that the crossing would resume\n\
                         once the harbour master had inspected the damaged pier. Mr. Okafor,\n\
                         who runs the ticket office, was not so sure.\n\n\
                         Timeline\n\n\
                         1. Storm warning issued.\n2. Pier closed at 6 p.m.\n\n";
        let mut text = String::new();
        let mut n = 0;
        while text.len() as u64 <= LARGE_BYTES + 1000 {
            n += 1;
            let _ = write!(text, "Section {n}\n\n{paragraph}");
        }
        text
    }

    #[test]
    fn the_head_is_the_start_of_the_whole_report() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("large.txt");
        std::fs::write(&path, large_text()).unwrap();
        let head = head(&path).unwrap().expect("a large report has a head");
        let mut seen = Vec::new();
        let whole = load(&path, |p| seen.push(p)).unwrap();
        assert!(head.text.len() <= HEAD_BYTES && head.text.ends_with("\n\n"));
        assert!(whole.text.starts_with(&head.text));
        assert_eq!(
            head.sentences,
            whole.sentences[..head.sentences.len()],
            "the head is segmented exactly as the whole report"
        );
        let old = Report::load(&path).unwrap();
        assert_eq!(whole.text, old.text);
        assert_eq!(whole.sentences, old.sentences);
        assert_eq!(whole.sha256, old.sha256);
        assert!(seen.windows(2).all(|w| w[0] <= w[1]) && seen.contains(&percent::READ));
    }

    /// `end`'s sentences are the last sentences of `whole`, at the same places.
    fn assert_segmented_as_the_end_of(end: &Report, whole: &Report) {
        let base = whole.text.len() - end.text.len();
        let shifted: Vec<_> = end
            .sentences
            .iter()
            .map(|s| s.start + base..s.end + base)
            .collect();
        assert_eq!(
            shifted,
            whole.sentences[whole.sentences.len() - shifted.len()..]
        );
    }

    #[test]
    fn the_tail_is_the_end_of_the_whole_report() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("large.txt");
        let mut text = large_text();
        text.push_str("Closing remarks\n\nThe inquiry ends here. Mr. Okafor signed it.\n");
        std::fs::write(&path, &text).unwrap();
        let tail = tail(&path).unwrap().expect("a large report has a tail");
        let whole = load(&path, |_| ()).unwrap();
        assert!(tail.text.len() < HEAD_BYTES && text.ends_with(&tail.text));
        assert_segmented_as_the_end_of(&tail, &whole);
        assert_eq!(
            &tail.text[tail.sentences.last().unwrap().clone()],
            "Mr. Okafor signed it."
        );
    }

    #[test]
    fn a_windows_report_has_a_tail_and_a_long_last_paragraph_has_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("crlf.txt");
        let text = large_text().replace('\n', "\r\n");
        std::fs::write(&path, &text).unwrap();
        let end = tail(&path)
            .unwrap()
            .expect("a blank line written \\r\\n\\r\\n counts");
        let whole = load(&path, |_| ()).unwrap();
        assert_segmented_as_the_end_of(&end, &whole);
        let long = dir.path().join("long.txt");
        let mut text = large_text();
        text.push_str(&"A clause that never ends, ".repeat(HEAD_BYTES / 20));
        // Its only blank line in the last 256 KiB is the file's last bytes: nothing after it.
        text.push_str("\n\n");
        std::fs::write(&long, &text).unwrap();
        assert!(
            tail(&long).unwrap().is_none(),
            "nothing to show: wait for the whole"
        );
    }

    #[test]
    fn small_and_utf16_reports_load_whole() {
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("small.txt");
        std::fs::write(&small, "One sentence.\n\nTwo.").unwrap();
        assert!(head(&small).unwrap().is_none());
        assert!(tail(&small).unwrap().is_none());
        let wide = dir.path().join("wide.txt");
        let mut bytes = vec![0xFF, 0xFE];
        for unit in large_text().encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        std::fs::write(&wide, bytes).unwrap();
        assert!(head(&wide).unwrap().is_none());
        let page = dir.path().join("large.html");
        std::fs::write(
            &page,
            format!("<html><body><p>{}</p></body></html>", large_text()),
        )
        .unwrap();
        assert!(
            head(&page).unwrap().is_none(),
            "a web page is extracted whole"
        );
    }

    #[test]
    fn a_binary_end_is_found_by_the_whole_load() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tail.txt");
        let mut bytes = large_text().into_bytes();
        bytes.extend(b"\0\0\0");
        std::fs::write(&path, &bytes).unwrap();
        assert!(head(&path).unwrap().is_some(), "the start is text");
        assert!(matches!(
            load(&path, |_| ()),
            Err(LoadError::NotText {
                why: Binary::Nul(_),
                ..
            })
        ));
        assert!(matches!(head(dir.path()), Err(LoadError::Directory(_))));
    }

    proptest! {
        #[test]
        fn decoding_owned_bytes_is_decoding(bytes in proptest::collection::vec(
            prop_oneof![Just(b'a'), Just(b'\n'), Just(b'\r'), Just(0x1B), Just(0xE2), Just(0x80),
                        Just(0xAE), Just(0xEF), Just(0xBB), Just(0xBF), Just(b'\t'), Just(0xC3),
                        Just(0xA9), Just(0xFF), Just(0xFE)],
            0..40,
        )) {
            prop_assert_eq!(decode_owned(bytes.clone()), decode(&bytes));
        }
    }

    #[test]
    fn the_hash_is_the_files_hash() {
        assert_eq!(hex(&Sha256::digest(b"abc")), sha256_hex(b"abc"));
        assert_eq!(scaled(5, 10, 60), 30);
        assert_eq!(scaled(0, 0, 60), 0);
    }
}
