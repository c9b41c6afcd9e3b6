#![allow(clippy::unwrap_used)]
use super::*;
use crate::report::Report;
use proptest::prelude::*;
use std::cell::Cell;
use std::fmt::Write as _;
use std::io::{Cursor, SeekFrom};
use std::rc::Rc;

/// Every block of `blocks`, with any read error as a test failure.
fn all<R: Read + Seek>(blocks: Blocks<R>) -> Vec<Block> {
    blocks.map(Result::unwrap).collect()
}

/// The sentences of `blocks` as byte ranges into the whole text, and as code-point ranges.
fn spans(blocks: &[Block]) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let mut bytes = Vec::new();
    let mut chars = Vec::new();
    for block in blocks {
        for span in block.sentences() {
            chars.push(block.char_range(&span));
            bytes.push(span.start + block.offset..span.end + block.offset);
        }
    }
    (bytes, chars)
}

/// A report of `paragraphs` paragraphs of hard-wrapped prose under numbered headings.
fn paragraphs(paragraphs: usize) -> String {
    let mut text = String::new();
    for n in 1..=paragraphs {
        let _ = write!(
            text,
            "Section {n}\n\nThe ferry company said on Tuesday that the crossing would resume\n\
             once the harbour master had inspected the pier. Mr. Okafor was not so sure.\n\n"
        );
    }
    text
}

/// A reader over `bytes` that counts what is read from it since it was last rewound.
struct Counting {
    bytes: Cursor<Vec<u8>>,
    read: Rc<Cell<usize>>,
}

impl Read for Counting {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.bytes.read(buf)?;
        self.read.set(self.read.get() + n);
        Ok(n)
    }
}

impl Seek for Counting {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        self.read.set(0);
        self.bytes.seek(to)
    }
}

#[test]
fn the_first_sentences_come_after_one_small_read() {
    let text = paragraphs(40_000);
    assert!(text.len() > 5 << 20);
    let read = Rc::new(Cell::new(0));
    let reader = Counting {
        bytes: Cursor::new(text.clone().into_bytes()),
        read: Rc::clone(&read),
    };
    let mut blocks = Blocks::open(Path::new("big.txt"), reader)
        .unwrap()
        .expect("plain text is read in blocks");
    let first = blocks.next().unwrap().unwrap();
    assert!(
        read.get() <= HEAD_BYTES,
        "{} bytes read for the first block",
        read.get()
    );
    let sentences = first.sentences();
    assert!(sentences.len() > 100, "{} sentences", sentences.len());
    let whole = segment::sentences(&text);
    assert_eq!(sentences, whole[..sentences.len()]);
    assert_eq!(&first.text[sentences[0].clone()], "Section 1");
    let second = blocks.next().unwrap().unwrap();
    assert_eq!(second.offset, first.text.len());
    assert!(read.get() <= HEAD_BYTES + CHUNK_BYTES);
}

#[test]
fn a_nul_byte_far_into_the_report_is_found_before_the_first_block() {
    let mut bytes = paragraphs(30_000).into_bytes();
    let at = bytes.len();
    bytes.extend(b"tail\0");
    let err = Blocks::open(Path::new("late.txt"), Cursor::new(bytes))
        .err()
        .expect("a NUL byte makes it binary");
    assert!(
        matches!(err, LoadError::NotText { why: Binary::Nul(n), .. } if n == at + 4),
        "{err}"
    );
    let controls = "\x01\x02\x03 ok\n".repeat(3000);
    let err = Blocks::open(Path::new("c.txt"), Cursor::new(controls.into_bytes()))
        .err()
        .expect("mostly control characters");
    assert!(
        matches!(
            err,
            LoadError::NotText {
                why: Binary::Controls(_),
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn web_pages_utf16_and_undecided_starts_are_loaded_whole() {
    let open = |name: &str, bytes: Vec<u8>| {
        Blocks::open(Path::new(name), Cursor::new(bytes))
            .unwrap()
            .is_some()
    };
    let text = paragraphs(10);
    assert!(open("r.txt", text.clone().into_bytes()));
    assert!(open("r", text.clone().into_bytes()));
    assert!(!open("r.md", text.clone().into_bytes()));
    assert!(!open("r.html", text.clone().into_bytes()));
    assert!(!open("r", format!("<!doctype html><p>{text}").into_bytes()));
    let mut wide = vec![0xFF, 0xFE];
    wide.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    assert!(!open("r.txt", wide));
    let blank_start = format!("{}{}", " ".repeat(HEAD_BYTES), paragraphs(100));
    assert!(
        !open("r", blank_start.into_bytes()),
        "the head cannot show whether a page follows"
    );
}

#[test]
fn a_second_pass_gives_the_same_blocks() {
    let text = format!("\u{FEFF}{}", paragraphs(500)).replace('\n', "\r\n");
    let mut blocks = Blocks::open(Path::new("r.txt"), Cursor::new(text.into_bytes()))
        .unwrap()
        .unwrap()
        .reading(700, 900);
    let once: Vec<_> = blocks.by_ref().map(Result::unwrap).collect();
    blocks.rewind().unwrap();
    let twice = all(blocks);
    assert!(once.len() > 10);
    assert_eq!(spans(&once), spans(&twice));
    assert!(!once[0].text.starts_with('\u{FEFF}'));
}

#[test]
fn text_at_finds_quotes_inside_a_block_only() {
    let block = all(Blocks::open(
        Path::new("r.txt"),
        Cursor::new("é.\n\nCafé opened.".as_bytes()),
    )
    .unwrap()
    .unwrap()
    .reading(3, 3))
    .pop()
    .unwrap();
    assert_eq!(block.chars, 4);
    assert_eq!(block.text_at(&(4..8)), Some("Café"));
    assert_eq!(block.text_at(&(3..8)), None, "starts in the block before");
    assert_eq!(block.text_at(&(4..40)), None, "ends past the text");
    let reversed = Range { start: 8, end: 4 };
    assert_eq!(block.text_at(&reversed), None);
    assert_eq!(block.chars_end(), 16);
}

/// Text shaped to test the cuts: prose, headings and list items, blank lines written in every
/// way, CRLF, control and hidden characters, invalid UTF-8, byte-order marks, other line breaks.
fn texts() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "The ferry resumed on Monday.",
            "Mr. Okafor said so",
            "once the harbour master had inspected the damaged pier and the",
            "\u{201C}Why?\u{201D} she asked.",
            "1. Storm warning",
            "- Pier closed",
            "Café Amsel",
            "U.S. He left.",
            "3.14",
            "Timeline",
            "# Heading",
            " ",
            "\t",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        3 => prop::sample::select(vec![
            "\n", "\n\n", "\r\n", "\r\n\r\n", "\n  \n", " \t\r\n", "\n \n \n", "\n\t\r\n",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        1 => prop::sample::select(vec![
            "\r", "\x1b[31m", "\x0c", "\x0b", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}",
            "\u{202E}", "\u{3000}\n", "\n\u{A0}\n", "\x7f",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        1 => prop::sample::select(vec![
            vec![0xE2, 0x82],
            vec![0xFF],
            vec![0xE2, 0x82, b'\n'],
            vec![0xC3, b'\r', b'\n'],
            vec![0xEF, 0xBB, 0xBF],
        ]),
    ];
    let start = prop::sample::select(vec![&b""[..], b"", b"\xEF\xBB\xBF", b"\n", b"\xFF\xFE"]);
    (start, prop::collection::vec(piece, 0..80))
        .prop_map(|(start, pieces)| [start.to_vec(), pieces.concat()].concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn streamed_sentences_are_the_whole_reports(
        bytes in texts(),
        first in 1_usize..64,
        chunk in 1_usize..64,
        name in prop::sample::select(vec!["r.txt", "r"]),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let (whole, blocks) = match (Report::load(&path), Blocks::open_file(&path)) {
            (Ok(whole), Ok(Some(blocks))) => (whole, blocks),
            (Err(whole), Err(streamed)) => {
                prop_assert_eq!(whole.to_string(), streamed.to_string());
                return Ok(());
            }
            (_, Ok(None)) => {
                prop_assert!(bytes.starts_with(b"\xFF\xFE"), "only UTF-16 is loaded whole here");
                return Ok(());
            }
            (whole, streamed) => {
                prop_assert!(false, "{:?} but {:?}", whole.map(|r| r.text), streamed.map(|_| ()));
                return Ok(());
            }
        };
        let blocks = all(blocks.reading(first, chunk));
        let text: String = blocks.iter().map(|b| b.text.as_str()).collect();
        prop_assert_eq!(&text, &whole.text);
        let (bytes, chars) = spans(&blocks);
        prop_assert_eq!(&bytes, &whole.sentences);
        let whole_chars: Vec<_> = whole.sentences.iter().map(|s| whole.char_range(s)).collect();
        prop_assert_eq!(chars, whole_chars);
        for block in &blocks {
            for span in block.sentences() {
                let shifted = span.start + block.offset..span.end + block.offset;
                prop_assert_eq!(&block.text[span.clone()], &whole.text[shifted]);
                prop_assert_eq!(block.text_at(&block.char_range(&span)), Some(&block.text[span]));
            }
        }
    }

    #[test]
    fn streamed_errors_are_the_whole_reports(
        bytes in prop::collection::vec(
            prop_oneof![Just(b'a'), Just(b'\n'), Just(0x01), Just(0x1B), Just(0)],
            0..400,
        ),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.txt");
        std::fs::write(&path, &bytes).unwrap();
        let streamed = Blocks::open_file(&path).map(|b| b.map(|b| spans(&all(b)).0));
        match (Report::load(&path), streamed) {
            (Ok(whole), Ok(Some(sentences))) => prop_assert_eq!(whole.sentences, sentences),
            (Err(whole), Err(streamed)) => prop_assert_eq!(whole.to_string(), streamed.to_string()),
            (whole, streamed) => prop_assert!(false, "{:?} but {:?}", whole.map(|r| r.text), streamed),
        }
    }
}

#[test]
fn a_report_that_grows_after_its_check_is_shown_as_checked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.txt");
    let text = paragraphs(50);
    std::fs::write(&path, &text).unwrap();
    let blocks = Blocks::open_file(&path).unwrap().unwrap();
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    std::io::Write::write_all(&mut file, b"Late line.\n\n\0tail\n").unwrap();
    let shown: String = all(blocks).iter().map(|b| b.text.as_str()).collect();
    assert_eq!(shown, text, "nothing past the length that was checked");
}
