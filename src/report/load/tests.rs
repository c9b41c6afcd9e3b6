use super::*;
use proptest::prelude::*;

fn text(bytes: &[u8]) -> String {
    decode(bytes).expect("text").text
}

/// A file whose bytes after `ok` cannot be read: what reads past them gets an error.
struct Unreadable(std::io::Cursor<Vec<u8>>);

impl std::io::Read for Unreadable {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self.0.read(buf)? {
            0 => Err(std::io::Error::other("read past the start")),
            n => Ok(n),
        }
    }
}

#[test]
fn a_binary_start_is_refused_before_the_rest_is_read() {
    // Issue 15 item 5: a 2 GB sparse file was read whole before its NUL at offset 0 was
    // refused. Here nothing after the first 8,000 bytes can be read at all.
    let path = Path::new("sparse.txt");
    for start in [vec![0u8; SNIFF_BYTES], vec![1u8; SNIFF_BYTES]] {
        let err = read_judged(Unreadable(std::io::Cursor::new(start)), path).expect_err("refused");
        assert!(matches!(err, LoadError::NotText { .. }), "{err}");
    }
    let mut utf16 = [&b"\xFF\xFE"[..], &[b'a', 0, 0, 0]].concat();
    utf16.resize(SNIFF_BYTES, b'a');
    let err = read_judged(Unreadable(std::io::Cursor::new(utf16)), path).expect_err("NUL unit");
    assert!(err.to_string().contains("NUL byte at offset 4"), "{err}");
    // The positive control: text is read to its end.
    let bytes = read_judged(&b"Plain text."[..], path).expect("text");
    assert_eq!(bytes, b"Plain text.");
}

#[test]
fn bom_is_dropped_and_not_counted() {
    let decoded = decode(b"\xEF\xBB\xBFHello.").expect("text");
    assert_eq!(decoded.text, "Hello.");
    assert_eq!(decoded.encoding, Encoding::Utf8);
    assert!(decoded.warnings().is_empty());
}

#[test]
fn utf16_with_bom_is_decoded() {
    assert_eq!(text(&[0xFF, 0xFE, b'H', 0, b'i', 0]), "Hi");
    assert_eq!(text(&[0xFE, 0xFF, 0, b'H', 0, b'i']), "Hi");
    assert_eq!(decode(&[0xFF, 0xFE]).expect("empty").text, "");
}

#[test]
fn broken_utf16_is_decoded_with_replacements() {
    // An unpaired high surrogate, then a lone last byte.
    let decoded = decode(&[0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0, b'c']).expect("text");
    assert_eq!(decoded.text, "a\u{FFFD}b\u{FFFD}");
    assert_eq!(decoded.encoding, Encoding::Utf16);
    assert_eq!(decoded.invalid, 2);
    assert_eq!(
        decoded.warnings(),
        ["not valid UTF-16: 2 undecodable sequences shown as \u{FFFD}"]
    );
}

#[test]
fn invalid_utf8_becomes_replacement_characters_and_a_warning() {
    let decoded = decode(b"caf\xE9 \x93quoted\x94 \xE2\x82 ok").expect("text");
    assert_eq!(
        decoded.text,
        "caf\u{FFFD} \u{FFFD}quoted\u{FFFD} \u{FFFD} ok"
    );
    assert_eq!(decoded.encoding, Encoding::Utf8);
    assert_eq!(decoded.invalid, 4);
    assert_eq!(
        decoded.warnings(),
        ["not valid UTF-8: 4 undecodable sequences shown as \u{FFFD}"]
    );
    assert_eq!(text(b"\xEF\xBB\xBFok\xFF"), "ok\u{FFFD}");
}

#[test]
fn a_nul_anywhere_is_binary() {
    assert_eq!(decode(b"PK\x03\x04\x00\x00binary"), Err(Binary::Nul(4)));
    assert_eq!(decode(b"\xEF\xBB\xBFab\x00"), Err(Binary::Nul(5)));
    assert_eq!(decode(&[0xFF, 0xFE, b'a', 0, 0, 0]), Err(Binary::Nul(4)));
    let mut late = vec![b'a'; 3 * SNIFF_BYTES];
    late.extend_from_slice(b"\x00z");
    assert_eq!(decode(&late), Err(Binary::Nul(3 * SNIFF_BYTES)));
}

#[test]
fn mostly_control_characters_is_binary() {
    assert_eq!(decode(b"\x01\x02\x03\x04abcdef"), Err(Binary::Controls(40)));
    assert_eq!(
        LoadError::NotText {
            path: "x.bin".into(),
            why: Binary::Controls(40)
        }
        .to_string(),
        "x.bin: not a text file (40% of its start is control characters); convert it to plain text first"
    );
    // Coloured log output is text with escapes, far below the threshold.
    let log = "\x1b[1m\x1b[31merror\x1b[0m: disk full\r\n".repeat(50);
    assert!(decode(log.as_bytes()).is_ok());
    assert!(decode(b"\x01\x02\x03abcdefg").is_ok(), "30% is still text");
    assert!(decode(b"").is_ok());
}

#[test]
fn terminal_escapes_become_visible_one_for_one() {
    let raw = "a\x1b[31mb\u{202E}c\x07\td\u{9b}2J\u{200B}e\r\n\u{2066}f\u{FEFF}\x08\r\n";
    let decoded = decode(raw.as_bytes()).expect("text");
    assert_eq!(
        decoded.text,
        "a\u{241B}[31mb\u{FFFD}c\u{2407}\td\u{FFFD}2J\u{FFFD}e\r\n\u{FFFD}f\u{FFFD}\u{2408}\r\n"
    );
    assert_eq!(decoded.text.chars().count(), raw.chars().count());
    assert_eq!(decoded.stand_ins, 8);
    assert_eq!(
        decoded.warnings(),
        ["8 control or invisible characters shown as stand-ins such as \u{241B} and \u{FFFD}"]
    );
}

#[test]
fn a_carriage_return_inside_a_line_is_shown_not_obeyed() {
    assert_eq!(
        text(b"paid\roverwritten\r\n\r"),
        "paid\u{240D}overwritten\r\n\u{240D}"
    );
    assert_eq!(text(b"a\r\r\nb"), "a\u{240D}\r\nb");
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
    assert!(matches!(err, LoadError::Directory(_)), "{err}");
    assert!(err.to_string().contains("is a folder"), "{err}");
}

#[test]
fn load_errors_show_control_characters_in_names_as_stand_ins() {
    let err = Report::load(Path::new("/no/a\x1b]0;pwned\x07.txt")).expect_err("missing");
    assert_eq!(
        err.to_string(),
        "/no/a\u{241B}]0;pwned\u{2407}.txt: no such file; check the path"
    );
}

#[test]
fn a_loaded_report_hashes_the_bytes_and_keeps_the_warnings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.txt");
    std::fs::write(&path, b"Caf\xE9 opened. It closed.").expect("write");
    let report = Report::load(&path).expect("loads");
    assert_eq!(report.text, "Caf\u{FFFD} opened. It closed.");
    assert_eq!(report.sha256, sha256_hex(b"Caf\xE9 opened. It closed."));
    assert_eq!(report.sentences.len(), 2);
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
}

#[test]
fn sha256_is_of_the_bytes() {
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

/// Bytes shaped like hostile or odd files: text with controls, invalid UTF-8, byte-order
/// marks, bidi and invisible characters, and plain noise.
fn hostile_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        "[ -~]{0,12}".prop_map(String::into_bytes),
        "\\PC{0,6}".prop_map(String::into_bytes),
        prop::sample::select(vec![
            "\x1b[31m",
            "\x1b]0;t\x07",
            "\r",
            "\r\n",
            "\n",
            "\t",
            "\u{9b}",
            "\u{202E}",
            "\u{200B}",
            "\u{FEFF}",
            "\u{E0041}",
            "\x00",
            "\x7f",
            "\u{D7FF}",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        prop::sample::select(vec![
            vec![0xFF, 0xFE],
            vec![0xFE, 0xFF],
            vec![0xEF, 0xBB, 0xBF],
            vec![0xE2, 0x82],
            vec![0xC0],
            vec![0x00, 0xD8],
        ]),
        prop::collection::vec(any::<u8>(), 0..8),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn decoded_text_never_holds_what_a_terminal_would_obey(bytes in hostile_bytes()) {
        if let Ok(decoded) = decode(&bytes) {
            let unsafe_chars: String = decoded
                .text
                .chars()
                .filter(|&c| !matches!(c, '\t' | '\n' | '\r') && crate::report::safe(&c.to_string()) != c.to_string())
                .collect();
            prop_assert!(unsafe_chars.is_empty(), "{:?} in {:?}", unsafe_chars, decoded.text);
            prop_assert!(
                !decoded.text.replace("\r\n", "").contains('\r'),
                "a lone CR in {:?}", decoded.text
            );
            prop_assert!(Report::from_bytes(Path::new("r.txt"), &bytes).is_ok());
        }
    }

    #[test]
    fn arbitrary_bytes_decode_or_are_refused(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        match decode(&bytes) {
            Ok(decoded) => prop_assert!(decoded.text.chars().all(|c| stand_in(c).is_none() || matches!(c, '\t' | '\n' | '\r'))),
            Err(Binary::Nul(at)) => prop_assert_eq!(bytes.get(at), Some(&0)),
            Err(Binary::Controls(percent)) => prop_assert!(percent > MAX_CONTROL_PERCENT),
            Err(Binary::Pdf) => prop_assert!(false, "only Report::from_bytes looks for a PDF"),
        }
    }

    #[test]
    fn offsets_count_the_files_code_points(text in "(\\PC|[\t\n\r\x1b\u{9b}\u{202E}\u{200B}])*") {
        prop_assume!(!text.starts_with('\u{FEFF}'));
        if let Ok(decoded) = decode(text.as_bytes()) {
            prop_assert_eq!(decoded.text.chars().count(), text.chars().count());
            prop_assert_eq!(decoded.invalid, 0);
        }
    }
}
