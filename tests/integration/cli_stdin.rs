//! Tests of `sidenote sentences -`: the report read from standard input, decoded as a file is,
//! with no sidecar and so no tags.
//!
//! Every test runs the built binary in its own temporary folder, with `XDG_CONFIG_HOME` and
//! `HOME` pointing into it, so the user's real settings never leak in.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// A fictional report: a headline, a list, an abbreviation, curly quotes and a non-ASCII name.
const REPORT: &str = "Ferry Strike Ends\n\nMr. Lindqvist said the crews “will be back” on Monday. \
Fares stay the same.\n- Services resume at noon\n- Café Amsel reopens\n";

/// The sentences of [`REPORT`], in order.
const SENTENCES: [&str; 5] = [
    "Ferry Strike Ends",
    "Mr. Lindqvist said the crews “will be back” on Monday.",
    "Fares stay the same.",
    "- Services resume at noon",
    "- Café Amsel reopens",
];

/// Runs `sidenote ARGS` in `folder` with `stdin` piped in, and waits for it.
fn run_in(folder: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .args(args)
        .arg("--config")
        .arg(crate::support::default_config())
        .current_dir(folder)
        .env("XDG_CONFIG_HOME", folder.join("config"))
        .env("HOME", folder)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the sidenote binary starts");
    let mut pipe = child.stdin.take().expect("a stdin pipe");
    pipe.write_all(stdin).expect("stdin takes the report");
    drop(pipe);
    child.wait_with_output().expect("sidenote finishes")
}

/// Runs `sidenote ARGS` in a fresh temporary folder with `stdin` piped in.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let folder = tempfile::tempdir().expect("tempdir");
    run_in(folder.path(), args, stdin)
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "exit {:?}, stderr: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// The rows of `sentences --format jsonl` output.
fn rows(output: &Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect()
}

#[test]
fn jsonl_from_stdin_has_code_point_offsets_and_null_status() {
    let rows = rows(&run(
        &["sentences", "-", "--format", "jsonl"],
        REPORT.as_bytes(),
    ));
    assert_eq!(rows.len(), SENTENCES.len());
    let chars: Vec<char> = REPORT.chars().collect();
    for (i, (row, sentence)) in rows.iter().zip(SENTENCES).enumerate() {
        assert_eq!(row["n"], i + 1);
        assert_eq!(row["text"], sentence);
        assert!(row["status"].is_null(), "{row}");
        let start = usize::try_from(row["start"].as_u64().expect("start")).expect("fits");
        let end = usize::try_from(row["end"].as_u64().expect("end")).expect("fits");
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(slice, sentence, "offsets of row {}", i + 1);
    }
}

#[test]
fn text_format_from_stdin_shows_no_tags() {
    let out = stdout(&run(&["sentences", "-"], REPORT.as_bytes()));
    let mut expected = String::new();
    for (i, sentence) in SENTENCES.iter().enumerate() {
        let _ = writeln!(expected, "{}\t-\t{sentence}", i + 1);
    }
    assert_eq!(out, expected);
}

#[test]
fn stdin_gives_the_same_sentences_as_the_file() {
    let folder = tempfile::tempdir().expect("tempdir");
    std::fs::write(folder.path().join("report.txt"), REPORT).expect("write report");
    let args = ["sentences", "report.txt", "--format", "jsonl"];
    let from_file = stdout(&run_in(folder.path(), &args, b""));
    let from_stdin = stdout(&run_in(
        folder.path(),
        &["sentences", "-", "--format", "jsonl"],
        REPORT.as_bytes(),
    ));
    assert_eq!(from_stdin, from_file);
}

#[test]
fn stdin_never_reads_a_sidecar() {
    let folder = tempfile::tempdir().expect("tempdir");
    std::fs::write(folder.path().join("report.txt"), REPORT).expect("write report");
    let tagged = run_in(folder.path(), &["tag", "report.txt", "2", "sourced"], b"");
    assert!(tagged.status.success(), "{tagged:?}");
    let from_file = rows(&run_in(
        folder.path(),
        &["sentences", "report.txt", "--format", "jsonl"],
        b"",
    ));
    assert_eq!(from_file[1]["status"], "sourced");
    let from_stdin = rows(&run_in(
        folder.path(),
        &["sentences", "-", "--format", "jsonl"],
        REPORT.as_bytes(),
    ));
    assert!(from_stdin.iter().all(|row| row["status"].is_null()));
}

#[test]
fn a_byte_order_mark_is_dropped_and_not_counted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice("Café reopens. Crowds return.".as_bytes());
    let rows = rows(&run(&["sentences", "-", "--format", "jsonl"], &bytes));
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["text"], "Café reopens.");
    assert_eq!(rows[0]["start"], 0);
    assert_eq!(rows[1]["start"], 14);
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let text = "Brücke gesperrt. Fähre fährt.";
    for (bom, unit) in [
        ([0xFF, 0xFE], u16::to_le_bytes as fn(u16) -> [u8; 2]),
        ([0xFE, 0xFF], u16::to_be_bytes),
    ] {
        let mut bytes = bom.to_vec();
        bytes.extend(text.encode_utf16().flat_map(unit));
        let rows = rows(&run(&["sentences", "-", "--format", "jsonl"], &bytes));
        let texts: Vec<&str> = rows
            .iter()
            .map(|row| row["text"].as_str().expect("text"))
            .collect();
        assert_eq!(texts, ["Brücke gesperrt.", "Fähre fährt."]);
    }
}

#[test]
fn binary_input_is_refused_with_exit_code_2() {
    let output = run(&["sentences", "-"], b"PK\x03\x04\x00\x00not text");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).expect("UTF-8 stderr");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("standard input"), "{stderr}");
    assert!(stderr.contains("not a text file"), "{stderr}");
}

#[test]
fn empty_input_has_no_sentences() {
    for input in [&b""[..], b"  \n\r\n\t"] {
        let output = run(&["sentences", "-", "--format", "jsonl"], input);
        assert_eq!(stdout(&output), "");
    }
}

#[test]
fn a_large_input_is_read_whole() {
    let report = "The ferry left at dawn. ".repeat(20_000);
    let output = run(&["sentences", "-"], report.as_bytes());
    assert_eq!(stdout(&output).lines().count(), 20_000);
}

/// Issue 15 item 5: standard input is checked as it streams and reading stops at the first NUL:
/// the writer of a long stream that starts with one is cut off (a broken pipe), instead of
/// sidenote reading it all first.
#[cfg(unix)]
#[test]
fn standard_input_stops_at_its_first_nul_without_reading_the_rest() {
    use std::io::Write as _;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .args(["sentences", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let chunk = vec![b'a'; 1 << 16];
        stdin.write_all(b"\0")?;
        // 64 MiB at most: more than sidenote would ever read before answering.
        for _ in 0..1024 {
            stdin.write_all(&chunk)?;
        }
        Ok::<(), std::io::Error>(())
    });
    let out = child.wait_with_output().expect("waits");
    let written = writer.join().expect("writer");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("a NUL byte at offset 0"), "{stderr}");
    let err = written.expect_err("the rest of the stream was not read");
    assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe, "{err}");
}
