//! Reading a plain-text report a block at a time, for commands that print its sentences as they
//! go (`sidenote sentences`) instead of holding the whole text, its sentence index and its
//! character index before the first line.
//!
//! The text is cut after blank lines: a blank line always ends a block and segmentation never
//! looks past one (see [`super::progressive`]), so each piece, decoded and segmented on its own,
//! gives the whole report's sentences there, byte for byte. A piece is cut in the file's bytes
//! after a line feed, so its decoding is also the whole decoding there: a line feed ends any
//! broken UTF-8 sequence, and the carriage return of a CRLF is never split from its line feed.
//! Offsets continue from piece to piece, in bytes and in code points of the safe text.
//!
//! What cannot be judged piece by piece is judged by [`Blocks::open`] before the first piece:
//! the format (a web page or Markdown file is extracted whole; UTF-16 is decoded whole), a NUL
//! byte anywhere (one pass with `memchr`, at the speed of reading), and the control characters
//! at the start. So a report that [`Report::load`](super::Report::load) refuses is refused with
//! the same error before anything is printed.

use std::fs::File;
use std::io::{Read, Seek};
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::extract::{Format, format_of};
use super::load::{
    SNIFF_BYTES as BINARY_SNIFF_BYTES, decode_utf8_piece, judge_start, judge_utf8_start,
    open_regular_file, read_error,
};
use super::{Binary, CharIndex, LoadError, segment};

/// How much is read first: enough to judge the format and the start, and to hold the first
/// paragraphs, so the first sentences come after one small read.
pub const HEAD_BYTES: usize = 64 << 10;
/// How much is read at a time after the head.
const CHUNK_BYTES: usize = 1 << 20;
/// How many bytes after leading white space the format sniffing looks at (see
/// [`format_of`]): a head holding fewer cannot tell a web page from text.
const SNIFF_BYTES: usize = 1024;

/// A piece of the report's safe text that ends after a blank line (or at the end of the text).
#[derive(Debug, Clone)]
pub struct Block {
    /// The piece of text, decoded and made safe as [`decode`](super::decode) makes the whole.
    pub text: String,
    /// The byte offset of `text` in the whole text.
    pub offset: usize,
    /// The code-point offset of `text` in the whole text.
    pub chars: usize,
    /// Converts offsets inside `text`.
    index: CharIndex,
}

impl Block {
    /// The sentences of this piece, as byte ranges into `text`: the whole report's sentences
    /// there, shifted by `offset`.
    pub fn sentences(&self) -> Vec<Range<usize>> {
        segment::sentences(&self.text)
    }

    /// The code-point range in the whole text of `span`, a byte range into `text`, as the
    /// sidecar and `sidenote sentences --format jsonl` count offsets.
    pub fn char_range(&self, span: &Range<usize>) -> Range<usize> {
        let at = |byte| self.chars + self.index.char_of(&self.text, byte);
        at(span.start)..at(span.end)
    }

    /// The text at the code-point range `chars` of the whole text, or `None` when the range is
    /// reversed or does not lie within this piece.
    pub fn text_at(&self, chars: &Range<usize>) -> Option<&str> {
        let start = chars.start.checked_sub(self.chars)?;
        let end = chars.end.checked_sub(self.chars)?;
        let start = self.index.byte_of(&self.text, start)?;
        let end = self.index.byte_of(&self.text, end)?;
        self.text.get(start..end)
    }

    /// The code-point offset just past this piece in the whole text.
    pub fn chars_end(&self) -> usize {
        self.chars + self.index.len_chars()
    }
}

/// The blocks of a plain UTF-8 report, read from `R` a chunk at a time: an iterator that holds
/// one block and one chunk, never the whole text.
pub struct Blocks<R> {
    /// The report's path, for error messages.
    path: PathBuf,
    reader: R,
    /// Bytes read and not yet given out; they start at a cut.
    pending: Vec<u8>,
    /// How far `pending` has been searched for blank lines.
    scanned: usize,
    /// Where the raw line being searched starts in `pending`.
    line_start: usize,
    /// The last place in `pending` where a block may end (after a blank line).
    cut: Option<usize>,
    /// The next block is the text's first, which may start with a byte-order mark.
    first: bool,
    /// Everything has been read.
    eof: bool,
    /// The byte offset of the next block.
    offset: usize,
    /// The code-point offset of the next block.
    chars: usize,
    /// How much the first read after a rewind asks for, then every later read.
    reads: (usize, usize),
    /// The report's length when it was checked for NUL bytes: no pass reads further, so a file
    /// that grows meanwhile is shown as it was checked, never with an unchecked tail.
    limit: u64,
    /// How much this pass has read.
    read: u64,
}

impl Blocks<File> {
    /// [`Blocks::open`] on the regular file at `path`, refused as
    /// [`Report::load`](super::Report::load) refuses anything else.
    pub fn open_file(path: &Path) -> Result<Option<Self>, LoadError> {
        let (file, _) = open_regular_file(path)?;
        Self::open(path, file)
    }
}

impl<R: Read + Seek> Blocks<R> {
    /// The blocks of the report `reader` holds (named `path`), or `None` when it must be loaded
    /// whole: a web page, a Markdown file or a PDF, UTF-16 text, or a start of white space too
    /// long to judge the format by.
    ///
    /// Reads the whole report once, looking for a NUL byte, so that a binary file is refused
    /// with the error a whole load gives, before any of it is shown; that costs far less than
    /// decoding and segmenting it. The reader is then rewound: the first block needs one read.
    pub fn open(path: &Path, mut reader: R) -> Result<Option<Self>, LoadError> {
        let io = |source| read_error(path, source);
        let binary = |why| LoadError::NotText {
            path: path.to_path_buf(),
            why,
        };
        let mut head = Vec::with_capacity(HEAD_BYTES);
        // The first 8,000 bytes are judged before more is read: a binary file is refused at once.
        (&mut reader)
            .take(BINARY_SNIFF_BYTES as u64)
            .read_to_end(&mut head)
            .map_err(io)?;
        if format_of(path, &head) != Format::Pdf {
            judge_start(&head).map_err(binary)?;
        }
        (&mut reader)
            .take((HEAD_BYTES - head.len()) as u64)
            .read_to_end(&mut head)
            .map_err(io)?;
        if !is_plain(path, &head, head.len() < HEAD_BYTES) {
            return Ok(None);
        }
        let limit = match first_nul(&head, &mut reader).map_err(io)? {
            Ok(len) => len,
            Err(at) => return Err(binary(Binary::Nul(at))),
        };
        judge_utf8_start(&head).map_err(binary)?;
        let mut blocks = Self {
            path: path.to_path_buf(),
            reader,
            pending: head,
            scanned: 0,
            line_start: 0,
            cut: None,
            first: true,
            eof: false,
            offset: 0,
            chars: 0,
            reads: (HEAD_BYTES, CHUNK_BYTES),
            limit,
            read: 0,
        };
        blocks.rewind()?;
        Ok(Some(blocks))
    }

    /// Starts again from the first block, for a second pass over the report.
    pub fn rewind(&mut self) -> Result<(), LoadError> {
        self.reader
            .rewind()
            .map_err(|source| read_error(&self.path, source))?;
        self.pending.clear();
        self.scanned = 0;
        self.line_start = 0;
        self.cut = None;
        self.first = true;
        self.eof = false;
        self.offset = 0;
        self.chars = 0;
        self.read = 0;
        Ok(())
    }

    /// The same blocks, read `first` bytes and then `chunk` bytes at a time, so that tests
    /// of small texts cut them in many places.
    #[cfg(test)]
    fn reading(mut self, first: usize, chunk: usize) -> Self {
        self.reads = (first.max(1), chunk.max(1));
        self
    }

    /// Reads the next chunk (the head first) onto `pending` and looks for blank lines in it.
    fn read_more(&mut self) -> std::io::Result<()> {
        let want = if self.first && self.pending.is_empty() {
            self.reads.0
        } else {
            self.reads.1
        };
        let want = (want as u64).min(self.limit - self.read);
        let read = (&mut self.reader)
            .take(want)
            .read_to_end(&mut self.pending)? as u64;
        self.read += read;
        self.eof = read < want || self.read >= self.limit;
        self.find_cut();
        Ok(())
    }

    /// Records the last blank line in what has been read since the last search: a line of
    /// spaces and tabs at most, ended by a line feed or a CRLF, after which a block may end.
    fn find_cut(&mut self) {
        let from = self.scanned;
        for at in memchr::memchr_iter(b'\n', &self.pending[from..]).map(|at| from + at) {
            let line = &self.pending[self.line_start..at];
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.iter().all(|&b| b == b' ' || b == b'\t') {
                self.cut = Some(at + 1);
            }
            self.line_start = at + 1;
        }
        self.scanned = self.pending.len();
    }

    /// Gives out the first `len` pending bytes as a block.
    fn take(&mut self, len: usize) -> Block {
        let rest = self.pending.split_off(len);
        let bytes = std::mem::replace(&mut self.pending, rest);
        self.scanned -= len;
        // Only the last block, at the end of the text, ends inside a line.
        self.line_start = self.line_start.saturating_sub(len);
        self.cut = None;
        let text = decode_utf8_piece(bytes, std::mem::take(&mut self.first));
        let index = CharIndex::new(&text);
        let block = Block {
            offset: self.offset,
            chars: self.chars,
            text,
            index,
        };
        self.offset += block.text.len();
        self.chars = block.chars_end();
        block
    }
}

impl<R: Read + Seek> Iterator for Blocks<R> {
    type Item = Result<Block, LoadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(cut) = self.cut {
                return Some(Ok(self.take(cut)));
            }
            if self.eof {
                let len = self.pending.len();
                return (len > 0).then(|| Ok(self.take(len)));
            }
            if let Err(source) = self.read_more() {
                self.eof = true;
                self.pending.clear();
                return Some(Err(read_error(&self.path, source)));
            }
        }
    }
}

/// Whether a report starting with `head` (all of it when `whole`) is plain UTF-8 text, as
/// [`Report::load`](super::Report::load) would judge the whole file.
fn is_plain(path: &Path, head: &[u8], whole: bool) -> bool {
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return false;
    }
    let start = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let blank = start.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let judged = whole || start.len() - blank >= SNIFF_BYTES;
    judged && format_of(path, head) == Format::Text
}

/// The length of `head` and the rest of `reader` when they hold no NUL byte, else the offset of
/// the first one.
fn first_nul(head: &[u8], reader: &mut impl Read) -> std::io::Result<Result<u64, usize>> {
    if let Some(at) = memchr::memchr(0, head) {
        return Ok(Err(at));
    }
    let mut seen = head.len();
    let mut chunk = Vec::with_capacity(CHUNK_BYTES);
    loop {
        chunk.clear();
        let read = (&mut *reader)
            .take(CHUNK_BYTES as u64)
            .read_to_end(&mut chunk)?;
        if let Some(at) = memchr::memchr(0, &chunk) {
            return Ok(Err(seen + at));
        }
        seen += read;
        if read < CHUNK_BYTES {
            return Ok(Ok(seen as u64));
        }
    }
}

#[cfg(test)]
mod tests;
