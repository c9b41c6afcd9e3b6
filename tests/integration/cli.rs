//! Tests of the built `sidenote` binary's commands: `sentences`, `tag`, `untag` and `claims`,
//! their output formats, the sidecar they write, and how they fail.
//!
//! Every test works in its own temporary folder, with its own config file (and
//! `XDG_CONFIG_HOME` pointing into the folder), so the user's real settings never leak in.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use sha2::{Digest, Sha256};

/// A fictional report: a UTF-8 byte-order mark, non-ASCII letters, curly quotes, a short first
/// line (a heading-like line break) and four sentences.
const REPORT: &str = "\u{feff}Le café “Bleu” reopened on Monday.\nOfficials said the water was safe. \
Residents were not convinced; “we’ll wait,” one said. A spokesperson declined to comment.\n";

/// The sentences of [`REPORT`], in order.
const SENTENCES: [&str; 4] = [
    "Le café “Bleu” reopened on Monday.",
    "Officials said the water was safe.",
    "Residents were not convinced; “we’ll wait,” one said.",
    "A spokesperson declined to comment.",
];

/// The keys `claims --format json|jsonl` prints, in order.
const CLAIM_KEYS: [&str; 14] = [
    "id",
    "status",
    "anchor",
    "start",
    "end",
    "quote",
    "source",
    "source_kind",
    "grade",
    "note",
    "labels",
    "author",
    "created",
    "updated",
];

/// A temporary folder holding a report and a config file.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    /// A folder with `report.txt` holding [`REPORT`] and a config naming the author `tester`.
    fn new() -> Self {
        let sandbox = Self::empty();
        sandbox.write("report.txt", REPORT.as_bytes());
        sandbox
    }

    /// A folder with only the config.
    fn empty() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let sandbox = Self { dir };
        sandbox.write("config.toml", b"author = \"tester\"\n");
        sandbox
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, bytes: &[u8]) {
        std::fs::write(self.path(name), bytes).expect("write fixture");
    }

    fn read(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.path(name)).expect("read file")
    }

    fn sidecar_path(&self) -> PathBuf {
        self.path("report.txt.sidenote.toml")
    }

    fn sidecar(&self) -> toml::Table {
        let text = std::fs::read_to_string(self.sidecar_path()).expect("sidecar exists");
        toml::from_str(&text).unwrap_or_else(|e| panic!("sidecar is not TOML: {e}\n{text}"))
    }

    /// Runs `sidenote ARGS --config config.toml` in the folder.
    fn run(&self, args: &[&str]) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_sidenote"));
        command
            .args(args)
            .arg("--config")
            .arg(self.path("config.toml"))
            .current_dir(self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path())
            .env_remove("NO_COLOR");
        command.output().expect("run sidenote")
    }

    /// Runs a command that must succeed, and returns its standard output.
    fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        let stdout = String::from_utf8(output.stdout).expect("stdout is UTF-8");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?} failed\nstdout: {stdout}\nstderr: {stderr}"
        );
        stdout
    }

    /// Runs a command that must fail with exit code 2, an empty standard output and one line on
    /// standard error, and returns that line.
    fn fail(&self, args: &[&str]) -> String {
        fail_with(&self.run(args), args)
    }

    /// `sentences report.txt --format jsonl`, parsed.
    fn sentences(&self) -> Vec<Value> {
        jsonl(&self.ok(&["sentences", "report.txt", "--format", "jsonl"]))
    }

    /// `claims report.txt --format json`, parsed.
    fn claims(&self) -> Vec<Value> {
        let out = self.ok(&["claims", "report.txt", "--format", "json"]);
        let value: Value =
            serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON: {e}\n{out}"));
        value.as_array().expect("an array").clone()
    }
}

/// Checks a failed run: exit code 2, nothing on standard output, exactly one line on standard
/// error; returns the line.
fn fail_with(output: &Output, args: &[&str]) -> String {
    let stderr = String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8");
    assert_eq!(
        output.status.code(),
        Some(2),
        "{args:?}: wrong exit code; stderr: {stderr}"
    );
    assert!(
        output.stdout.is_empty(),
        "{args:?}: printed {:?}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert_eq!(
        stderr.lines().count(),
        1,
        "{args:?}: not one line on stderr:\n{stderr}"
    );
    assert!(stderr.ends_with('\n'), "{args:?}: {stderr:?}");
    stderr.trim_end().to_owned()
}

fn jsonl(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON: {e}: {line}")))
        .collect()
}

/// The report's text as sidenote counts it: without the byte-order mark.
fn report_text() -> &'static str {
    REPORT
        .strip_prefix('\u{feff}')
        .expect("the fixture starts with a BOM")
}

/// The code points `[start, end)` of `text`.
fn slice_chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// The code-point offsets of sentence `n` (1-based) of [`REPORT`].
fn offsets(n: usize) -> (usize, usize) {
    let text = report_text();
    let byte = text.find(SENTENCES[n - 1]).expect("sentence in report");
    let start = text[..byte].chars().count();
    (start, start + SENTENCES[n - 1].chars().count())
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut hex, b| {
            write!(hex, "{b:02x}").expect("write to a string");
            hex
        })
}

fn int(value: &toml::Value) -> usize {
    usize::try_from(value.as_integer().expect("an integer")).expect("not negative")
}

fn string<'a>(table: &'a toml::Table, key: &str) -> &'a str {
    table
        .get(key)
        .and_then(toml::Value::as_str)
        .unwrap_or_else(|| panic!("no string {key} in {table:?}"))
}

/// The `[[claim]]` tables of a sidecar.
fn claims_of(sidecar: &toml::Table) -> Vec<toml::Table> {
    sidecar
        .get("claim")
        .and_then(toml::Value::as_array)
        .map(|claims| {
            claims
                .iter()
                .map(|c| c.as_table().expect("claim is a table").clone())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn sentences_jsonl_counts_code_points_without_the_bom() {
    let sandbox = Sandbox::new();
    let rows = sandbox.sentences();
    assert_eq!(rows.len(), SENTENCES.len(), "{rows:?}");
    let text = report_text();
    for (i, row) in rows.iter().enumerate() {
        let object = row.as_object().expect("an object");
        let keys: Vec<&str> = object.keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 6, "{row}");
        for key in ["n", "start", "end", "text", "status", "reviewed"] {
            assert!(object.contains_key(key), "{key} missing from {row}");
        }
        assert_eq!(row["n"], i + 1);
        let start = usize::try_from(row["start"].as_u64().expect("start")).expect("fits");
        let end = usize::try_from(row["end"].as_u64().expect("end")).expect("fits");
        assert_eq!((start, end), offsets(i + 1), "{row}");
        assert_eq!(row["text"], SENTENCES[i]);
        assert_eq!(slice_chars(text, start, end), SENTENCES[i], "{row}");
        assert!(row["status"].is_null(), "{row}");
        assert_eq!(row["reviewed"], false, "nothing tagged or marked: {row}");
    }
    assert_eq!(rows[0]["start"], 0, "the BOM must not be counted");
}

#[test]
fn sentences_show_the_tag_after_tagging() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["tag", "report.txt", "3", "disputed"]);
    let statuses: Vec<Value> = sandbox
        .sentences()
        .iter()
        .map(|r| r["status"].clone())
        .collect();
    assert_eq!(
        statuses,
        [Value::Null, Value::Null, "disputed".into(), Value::Null]
    );
    let text = sandbox.ok(&["sentences", "report.txt"]);
    let mut expected = String::new();
    for (i, sentence) in SENTENCES.iter().enumerate() {
        let status = if i == 2 { "disputed" } else { "-" };
        writeln!(expected, "{}\t{status}\t{sentence}", i + 1).expect("write to a string");
    }
    assert_eq!(text, expected);
}

#[test]
fn tag_writes_a_version_1_sidecar_beside_the_report() {
    let sandbox = Sandbox::new();
    let id = sandbox.ok(&[
        "tag",
        "report.txt",
        "1",
        "sourced",
        "--source",
        "Town hall",
        "--note",
        "Checked twice",
    ]);
    let id = id.trim();
    assert_eq!(id.len(), 8, "tag prints the claim id: {id:?}");
    assert!(sandbox.sidecar_path().is_file());
    let sidecar = sandbox.sidecar();
    assert_eq!(
        sidecar.get("version").and_then(toml::Value::as_integer),
        Some(1)
    );
    let report = sidecar
        .get("report")
        .and_then(toml::Value::as_table)
        .expect("[report]");
    assert_eq!(string(report, "file"), "report.txt");
    assert_eq!(string(report, "sha256"), sha256_hex(REPORT.as_bytes()));
    let claims = claims_of(&sidecar);
    assert_eq!(claims.len(), 1, "{sidecar:?}");
    let claim = &claims[0];
    let (start, end) = offsets(1);
    assert_eq!(string(claim, "id"), id);
    assert_eq!(string(claim, "status"), "sourced");
    assert_eq!((int(&claim["start"]), int(&claim["end"])), (start, end));
    assert_eq!(string(claim, "quote"), SENTENCES[0]);
    assert_eq!(string(claim, "prefix"), "");
    let suffix: String = report_text()[SENTENCES[0].len()..]
        .chars()
        .take(32)
        .collect();
    assert_eq!(string(claim, "suffix"), suffix);
    assert_eq!(string(claim, "source"), "Town hall");
    assert_eq!(string(claim, "note"), "Checked twice");
    assert_eq!(string(claim, "author"), "tester");
    for key in ["created", "updated"] {
        let stamp = claim
            .get(key)
            .and_then(toml::Value::as_datetime)
            .unwrap_or_else(|| panic!("{key}"));
        assert!(stamp.to_string().ends_with('Z'), "{key} = {stamp}");
    }

    sandbox.ok(&["tag", "report.txt", "4", "opinion"]);
    let claims = claims_of(&sandbox.sidecar());
    let last = &claims[1];
    let (start, end) = offsets(4);
    assert_eq!((int(&last["start"]), int(&last["end"])), (start, end));
    assert_eq!(string(last, "quote"), SENTENCES[3]);
    let before: String = {
        let text = report_text();
        let prefix: Vec<char> = text.chars().take(start).collect();
        prefix[prefix.len() - 32..].iter().collect()
    };
    assert_eq!(string(last, "prefix"), before);
    assert_eq!(string(last, "suffix"), "\n");
    assert!(
        !last.contains_key("source") && !last.contains_key("note"),
        "{last:?}"
    );
}

#[test]
fn tagging_a_tagged_sentence_updates_its_claim() {
    let sandbox = Sandbox::new();
    let first = sandbox.ok(&[
        "tag",
        "report.txt",
        "2",
        "sourced",
        "--source",
        "Ministry",
        "--note",
        "page 4",
    ]);
    let created = claims_of(&sandbox.sidecar())[0]["created"].clone();
    let second = sandbox.ok(&[
        "tag",
        "report.txt",
        "2",
        "disputed",
        "--source",
        "Lab results",
    ]);
    assert_eq!(first, second, "the same claim keeps its id");
    let claims = claims_of(&sandbox.sidecar());
    assert_eq!(claims.len(), 1, "{claims:?}");
    let claim = &claims[0];
    assert_eq!(string(claim, "id"), first.trim());
    assert_eq!(string(claim, "status"), "disputed");
    assert_eq!(string(claim, "source"), "Lab results");
    assert_eq!(
        string(claim, "note"),
        "page 4",
        "a note not given again is kept"
    );
    assert_eq!(claim["created"], created);
    sandbox.ok(&[
        "tag",
        "report.txt",
        "2",
        "disputed",
        "--source",
        "",
        "--note",
        " ",
    ]);
    let claim = &claims_of(&sandbox.sidecar())[0];
    assert!(
        !claim.contains_key("source") && !claim.contains_key("note"),
        "blank clears: {claim:?}"
    );
}

#[test]
fn claims_are_saved_in_document_order() {
    let sandbox = Sandbox::new();
    for (n, tag) in [
        ("4", "opinion"),
        ("2", "sourced"),
        ("3", "unsourced"),
        ("1", "disputed"),
    ] {
        sandbox.ok(&["tag", "report.txt", n, tag]);
    }
    let claims = claims_of(&sandbox.sidecar());
    let order: Vec<(usize, &str)> = claims
        .iter()
        .map(|c| (int(&c["start"]), string(c, "status")))
        .collect();
    let expected: Vec<(usize, &str)> = [
        (1, "disputed"),
        (2, "sourced"),
        (3, "unsourced"),
        (4, "opinion"),
    ]
    .into_iter()
    .map(|(n, tag)| (offsets(n).0, tag))
    .collect();
    assert_eq!(order, expected);
    let printed: Vec<Value> = sandbox
        .claims()
        .iter()
        .map(|c| c["quote"].clone())
        .collect();
    assert_eq!(printed, SENTENCES.map(Value::from));
}

#[test]
fn untag_removes_the_claim_and_the_last_one_removes_the_sidecar() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["tag", "report.txt", "1", "sourced"]);
    let kept = sandbox.ok(&["tag", "report.txt", "3", "unsourced"]);
    sandbox.ok(&["untag", "report.txt", "1"]);
    let claims = claims_of(&sandbox.sidecar());
    assert_eq!(claims.len(), 1);
    assert_eq!(string(&claims[0], "id"), kept.trim());
    assert_eq!(string(&claims[0], "quote"), SENTENCES[2]);

    let untagged = sandbox.run(&["untag", "report.txt", "2"]);
    assert_eq!(
        untagged.status.code(),
        Some(0),
        "untagging an untagged sentence is not an error"
    );
    assert_eq!(claims_of(&sandbox.sidecar()).len(), 1);

    sandbox.ok(&["untag", "report.txt", "3"]);
    assert!(
        !sandbox.sidecar_path().exists(),
        "the last untag removes the sidecar"
    );
    let leftovers: Vec<_> = std::fs::read_dir(sandbox.dir.path())
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name != "report.txt" && name != "config.toml")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert!(sandbox.sentences().iter().all(|r| r["status"].is_null()));
}

/// A sidecar written by hand: a claim with labels and a note of two lines, on sentence 3.
fn hand_written_sidecar() -> String {
    let (start, end) = offsets(3);
    format!(
        "version = 1\n\n[report]\nfile = \"report.txt\"\nsha256 = \"\"\n\n[[claim]]\nid = \"c0ffee01\"\n\
         status = \"unsourced\"\nstart = {start}\nend = {end}\nquote = \"{}\"\nprefix = \"\"\nsuffix = \"\"\n\
         source = \"A resident\"\nnote = \"\"\"\nline one\nline two\"\"\"\nlabels = [\"water\", \"trust\"]\n\
         author = \"ana\"\ncreated = 2026-01-02T03:04:05Z\nupdated = 2026-01-03T04:05:06Z\n",
        SENTENCES[2]
    )
}

#[test]
fn claims_prints_every_field_as_json_and_jsonl() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "report.txt.sidenote.toml",
        hand_written_sidecar().as_bytes(),
    );
    let id = sandbox.ok(&["tag", "report.txt", "1", "sourced", "--author", "bo"]);
    let claims = sandbox.claims();
    assert_eq!(claims.len(), 2, "{claims:?}");
    for claim in &claims {
        let keys: Vec<&str> = claim
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys.len(), CLAIM_KEYS.len(), "{claim}");
        for key in CLAIM_KEYS {
            assert!(keys.contains(&key), "{key} missing from {claim}");
        }
    }
    let (start, end) = offsets(1);
    let fresh = &claims[0];
    assert_eq!(fresh["id"], id.trim());
    assert_eq!(fresh["status"], "sourced");
    assert_eq!(
        (fresh["start"].clone(), fresh["end"].clone()),
        (start.into(), end.into())
    );
    assert_eq!(fresh["quote"], SENTENCES[0]);
    assert!(
        fresh["source"].is_null() && fresh["note"].is_null(),
        "{fresh}"
    );
    assert_eq!(fresh["labels"], serde_json::json!([]));
    assert_eq!(fresh["author"], "bo");
    assert_eq!(fresh["created"], fresh["updated"]);
    let (start, end) = offsets(3);
    let expected = serde_json::json!({
        "id": "c0ffee01", "status": "unsourced", "anchor": "exact", "start": start, "end": end,
        "quote": SENTENCES[2],
        "source": "A resident", "source_kind": null, "grade": null, "note": "line one\nline two",
        "labels": ["water", "trust"],
        "author": "ana", "created": "2026-01-02T03:04:05Z", "updated": "2026-01-03T04:05:06Z",
    });
    assert_eq!(claims[1], expected);

    let lines = jsonl(&sandbox.ok(&["claims", "report.txt", "--format", "jsonl"]));
    assert_eq!(lines, claims, "jsonl has the same objects, one per line");
}

#[test]
fn claims_text_is_readable() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "report.txt.sidenote.toml",
        hand_written_sidecar().as_bytes(),
    );
    let (start, end) = offsets(3);
    let text = sandbox.ok(&["claims", "report.txt", "--format", "text"]);
    let expected = format!(
        "c0ffee01  unsourced  {start}-{end}  “{}”\n    source: A resident\n    note: line one\n          line two\n    labels: water, trust\n    author: ana\n",
        SENTENCES[2]
    );
    assert_eq!(text, expected);
    assert_eq!(
        sandbox.ok(&["claims", "report.txt"]),
        expected,
        "text is the default"
    );
    let empty = Sandbox::new();
    assert_eq!(empty.ok(&["claims", "report.txt"]), "");
    assert_eq!(
        empty
            .ok(&["claims", "report.txt", "--format", "json"])
            .trim(),
        "[]"
    );
}

#[test]
fn a_missing_report_is_named() {
    let sandbox = Sandbox::empty();
    for args in [
        &["sentences", "nowhere.txt"][..],
        &["claims", "nowhere.txt"],
        &["tag", "nowhere.txt", "1", "sourced"],
        &["untag", "nowhere.txt", "1"],
        &["nowhere.txt"],
    ] {
        let line = sandbox.fail(args);
        assert!(
            line.contains("nowhere.txt") && line.contains("no such file"),
            "{args:?}: {line}"
        );
    }
    assert!(!sandbox.path("nowhere.txt.sidenote.toml").exists());
}

#[test]
fn a_folder_is_not_a_report() {
    let sandbox = Sandbox::empty();
    std::fs::create_dir(sandbox.path("drafts")).expect("mkdir");
    for args in [
        &["sentences", "drafts"][..],
        &["tag", "drafts", "1", "sourced"],
        &["claims", "drafts"],
    ] {
        let line = sandbox.fail(args);
        assert!(
            line.contains("drafts") && line.contains("folder"),
            "{args:?}: {line}"
        );
    }
}

#[test]
fn a_binary_file_is_refused() {
    let sandbox = Sandbox::empty();
    sandbox.write("scan.pdf", b"%PDF-1.7\n\x00\x01\x02 binary. Data.\n");
    let mut late = "Plain words. ".repeat(800).into_bytes();
    late.extend_from_slice(b"\x00\x00 trailer.");
    sandbox.write("late.bin", &late);
    for name in ["scan.pdf", "late.bin"] {
        for args in [&["sentences", name][..], &["tag", name, "1", "sourced"]] {
            let line = sandbox.fail(args);
            assert!(
                line.contains(name) && line.contains("not a text file"),
                "{args:?}: {line}"
            );
        }
        assert!(!sandbox.path(&format!("{name}.sidenote.toml")).exists());
    }
}

#[test]
fn an_unknown_tag_lists_the_valid_ones() {
    let sandbox = Sandbox::new();
    let line = sandbox.fail(&["tag", "report.txt", "1", "rumour"]);
    assert!(line.contains("\"rumour\""), "{line}");
    for tag in ["sourced", "unsourced", "disputed", "opinion"] {
        assert!(line.contains(tag), "{tag} not listed: {line}");
    }
    assert!(!sandbox.sidecar_path().exists());

    sandbox.write(
        "config.toml",
        b"[[tag]]\nname = \"verified\"\nkey = \"v\"\ncolor = \"green\"\n",
    );
    let line = sandbox.fail(&["tag", "report.txt", "1", "sourced"]);
    assert!(
        line.contains("\"sourced\"") && line.contains("verified"),
        "tags come from the config: {line}"
    );
    sandbox.ok(&["tag", "report.txt", "1", "verified"]);
    assert_eq!(sandbox.sentences()[0]["status"], "verified");
}

#[test]
fn sentence_numbers_are_checked() {
    let sandbox = Sandbox::new();
    for n in ["0", "5", "1000"] {
        for args in [
            &["tag", "report.txt", n, "sourced"][..],
            &["untag", "report.txt", n],
        ] {
            let line = sandbox.fail(args);
            assert!(
                line.contains("report.txt") && line.contains("between 1 and 4"),
                "{args:?}: {line}"
            );
        }
    }
    assert!(!sandbox.sidecar_path().exists());
    sandbox.ok(&["tag", "report.txt", "4", "sourced"]);
}

#[test]
fn a_broken_sidecar_is_named_and_left_alone() {
    let sandbox = Sandbox::new();
    let broken = b"version = 1\n\n[report\nfile = \"report.txt\"\n";
    sandbox.write("report.txt.sidenote.toml", broken);
    for args in [
        &["tag", "report.txt", "1", "sourced"][..],
        &["untag", "report.txt", "1"],
        &["claims", "report.txt"],
        &["sentences", "report.txt"],
    ] {
        let line = sandbox.fail(args);
        assert!(
            line.contains("report.txt.sidenote.toml:3:"),
            "names file and line: {line}"
        );
        assert_eq!(
            sandbox.read("report.txt.sidenote.toml"),
            broken,
            "{args:?} changed the sidecar"
        );
    }
    let wrong_type = hand_written_sidecar().replace("start = ", "start = \"zero\" # ");
    sandbox.write("report.txt.sidenote.toml", wrong_type.as_bytes());
    let line = sandbox.fail(&["tag", "report.txt", "3", "sourced"]);
    assert!(line.contains("report.txt.sidenote.toml:"), "{line}");
    assert_eq!(
        sandbox.read("report.txt.sidenote.toml"),
        wrong_type.as_bytes()
    );
    let mut not_utf8 = hand_written_sidecar().into_bytes();
    not_utf8.extend_from_slice(b"reviewer = \"Ren\xe9\"\n");
    sandbox.write("report.txt.sidenote.toml", &not_utf8);
    let line = sandbox.fail(&["tag", "report.txt", "1", "sourced"]);
    assert!(
        line.contains("report.txt.sidenote.toml:") && line.contains("UTF-8"),
        "{line}"
    );
    assert_eq!(sandbox.read("report.txt.sidenote.toml"), not_utf8);
}

#[test]

fn a_sidecar_with_version_0_is_not_called_newer() {
    let sandbox = Sandbox::new();
    let zero = hand_written_sidecar().replace("version = 1", "version = 0");
    sandbox.write("report.txt.sidenote.toml", zero.as_bytes());
    let line = sandbox.fail(&["claims", "report.txt"]);
    assert!(
        line.contains("report.txt.sidenote.toml") && line.contains("version 0"),
        "{line}"
    );
    assert!(
        !line.contains("newer") && !line.contains("upgrade"),
        "{line}"
    );
    assert_eq!(sandbox.read("report.txt.sidenote.toml"), zero.as_bytes());
}

#[test]
fn a_sidecar_from_a_newer_version_is_refused() {
    let sandbox = Sandbox::new();
    let newer = hand_written_sidecar().replace("version = 1", "version = 99");
    sandbox.write("report.txt.sidenote.toml", newer.as_bytes());
    for args in [
        &["tag", "report.txt", "1", "sourced"][..],
        &["untag", "report.txt", "3"],
        &["claims", "report.txt"],
    ] {
        let line = sandbox.fail(args);
        assert!(
            line.contains("report.txt.sidenote.toml") && line.contains("99"),
            "{args:?}: {line}"
        );
        assert_eq!(sandbox.read("report.txt.sidenote.toml"), newer.as_bytes());
    }
}

#[test]
fn a_bad_config_names_file_line_and_key() {
    let sandbox = Sandbox::new();
    let config = sandbox.path("config.toml");
    sandbox.write("config.toml", b"author = \"tester\"\ncolour = \"red\"\n");
    let line = sandbox.fail(&["tag", "report.txt", "1", "sourced"]);
    let expected = format!("sidenote: {}:2: ", config.display());
    assert!(line.starts_with(&expected), "{line}");
    assert!(line.contains("`colour`"), "{line}");

    sandbox.write(
        "config.toml",
        b"author = \"tester\"\n\n[theme]\naccent = \"cyan\"\nacent = \"red\"\n",
    );
    let line = sandbox.fail(&["tag", "report.txt", "1", "sourced"]);
    assert!(
        line.starts_with(&format!("sidenote: {}:5: ", config.display())),
        "{line}"
    );
    assert!(line.contains("`acent`"), "{line}");

    let line = sandbox.fail(&["report.txt"]);
    assert!(
        line.starts_with(&format!("sidenote: {}:5: ", config.display())),
        "the reader too: {line}"
    );
    assert!(!sandbox.sidecar_path().exists());
}

#[test]
#[cfg_attr(
    target_os = "macos",
    ignore = "the directories crate reads ~/Library/Application Support on macOS, not XDG_CONFIG_HOME"
)]
fn the_user_config_is_read_from_xdg_config_home() {
    let sandbox = Sandbox::new();
    let folder = sandbox.path("sidenote");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::write(folder.join("config.toml"), "author = \"xdg\"\nbogus = 1\n").expect("write");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_sidenote"))
            .args(args)
            .current_dir(sandbox.dir.path())
            .env("XDG_CONFIG_HOME", sandbox.dir.path())
            .output()
            .expect("run sidenote")
    };
    let args = ["tag", "report.txt", "1", "sourced"];
    let line = fail_with(&run(&args), &args);
    let expected = format!("sidenote: {}:2: ", folder.join("config.toml").display());
    assert!(
        line.starts_with(&expected) && line.contains("`bogus`"),
        "{line}"
    );
    std::fs::write(folder.join("config.toml"), "author = \"xdg\"\n").expect("write");
    assert_eq!(run(&args).status.code(), Some(0));
    assert_eq!(string(&claims_of(&sandbox.sidecar())[0], "author"), "xdg");
}

#[test]
fn a_missing_config_file_is_named() {
    let sandbox = Sandbox::new();
    std::fs::remove_file(sandbox.path("config.toml")).expect("rm");
    let line = sandbox.fail(&["tag", "report.txt", "1", "sourced"]);
    assert!(
        line.contains("config.toml") && line.contains("cannot read config"),
        "{line}"
    );
}

#[test]
fn unknown_sidecar_keys_survive_a_rewrite() {
    let sandbox = Sandbox::new();
    let text = hand_written_sidecar()
        .replace("version = 1\n", "version = 1\nproject = \"harbour\"\n")
        .replace(
            "sha256 = \"\"\n",
            "sha256 = \"\"\nextracted_from = \"page.html\"\n",
        )
        .replace(
            "author = \"ana\"\n",
            "author = \"ana\"\nreviewed = true\nconfidence = 0.5\nmeta = { score = 3, links = [\"a\", \"b\"] }\n",
        )
        .replace(
            "\n[[claim]]",
            "\n[[history]]\nwhat = \"import\"\n\n[review]\nby = \"ed\"\nrounds = [1, 2]\n\n[[claim]]",
        );
    sandbox.write("report.txt.sidenote.toml", text.as_bytes());
    sandbox.ok(&["tag", "report.txt", "1", "sourced"]);
    // Ana's own claim is updated; another author would add a claim beside it.
    sandbox.ok(&["tag", "report.txt", "3", "disputed", "--author", "ana"]);
    let sidecar = sandbox.sidecar();
    assert_eq!(string(&sidecar, "project"), "harbour");
    let review = sidecar
        .get("review")
        .and_then(toml::Value::as_table)
        .expect("[review] kept");
    assert_eq!(string(review, "by"), "ed");
    assert_eq!(
        review["rounds"],
        toml::Value::Array(vec![1.into(), 2.into()])
    );
    let report = sidecar
        .get("report")
        .and_then(toml::Value::as_table)
        .expect("[report]");
    assert_eq!(string(report, "extracted_from"), "page.html");
    assert_eq!(
        string(report, "sha256"),
        sha256_hex(REPORT.as_bytes()),
        "the hash is brought up to date"
    );
    let claims = claims_of(&sidecar);
    assert_eq!(claims.len(), 2);
    let old = &claims[1];
    assert_eq!(string(old, "id"), "c0ffee01");
    assert_eq!(string(old, "status"), "disputed");
    assert_eq!(
        old.get("reviewed").and_then(toml::Value::as_bool),
        Some(true)
    );
    assert_eq!(
        old.get("confidence").and_then(toml::Value::as_float),
        Some(0.5)
    );
    let meta = old
        .get("meta")
        .and_then(toml::Value::as_table)
        .expect("a nested table survives");
    assert_eq!(meta.get("score").and_then(toml::Value::as_integer), Some(3));
    assert_eq!(
        meta["links"],
        toml::Value::Array(vec!["a".into(), "b".into()])
    );
    let history = sidecar
        .get("history")
        .and_then(toml::Value::as_array)
        .expect("[[history]] kept");
    assert_eq!(history.len(), 1);
    assert!(
        !claims[0].contains_key("reviewed"),
        "unknown keys stay on their own claim"
    );
}

#[test]
fn an_absolute_report_path_records_the_file_name() {
    let sandbox = Sandbox::new();
    let report = sandbox.path("report.txt");
    let report = report.to_str().expect("UTF-8 path");
    let output = Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .args(["tag", report, "2", "sourced", "--config"])
        .arg(sandbox.path("config.toml"))
        .current_dir(Path::new("/"))
        .env("XDG_CONFIG_HOME", sandbox.dir.path())
        .output()
        .expect("run sidenote");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let sidecar = sandbox.sidecar();
    let table = sidecar
        .get("report")
        .and_then(toml::Value::as_table)
        .expect("[report]");
    assert_eq!(string(table, "file"), "report.txt");
}

#[test]
fn claims_follow_their_sentence_when_the_report_changes() {
    let sandbox = Sandbox::new();
    let id = sandbox.ok(&["tag", "report.txt", "3", "unsourced"]);
    let edited = REPORT.replace("Officials said", "Nobody was hurt. Officials said");
    sandbox.write("report.txt", edited.as_bytes());
    let rows = sandbox.sentences();
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[3]["text"], SENTENCES[2]);
    let statuses: Vec<&Value> = rows.iter().map(|r| &r["status"]).collect();
    assert_eq!(
        statuses,
        [
            &Value::Null,
            &Value::Null,
            &Value::Null,
            &"unsourced".into(),
            &Value::Null
        ]
    );
    let claims = sandbox.claims();
    assert_eq!(claims[0]["id"], id.trim());
    assert_eq!(
        (&claims[0]["start"], &claims[0]["end"]),
        (&rows[3]["start"], &rows[3]["end"])
    );

    sandbox.ok(&["tag", "report.txt", "4", "sourced"]);
    let saved = claims_of(&sandbox.sidecar());
    assert_eq!(
        saved.len(),
        1,
        "the moved claim is updated, not doubled: {saved:?}"
    );
    assert_eq!(string(&saved[0], "status"), "sourced");
    assert_eq!(
        Some(int(&saved[0]["start"])),
        rows[3]["start"]
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
    );
    assert_eq!(string(&saved[0], "quote"), SENTENCES[2]);
}

#[test]

fn an_orphaned_claim_is_not_taken_for_the_sentence_now_at_its_offsets() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["tag", "report.txt", "2", "sourced"]);
    // The tagged sentence is replaced by different words of the same length: the claim's quote
    // is nowhere in the text any more, but its offsets are exactly those of the new sentence.
    let replacement = "Engineers said the pump was fixed.";
    assert_eq!(replacement.chars().count(), SENTENCES[1].chars().count());
    sandbox.write(
        "report.txt",
        REPORT.replace(SENTENCES[1], replacement).as_bytes(),
    );
    let rows = sandbox.sentences();
    assert_eq!(rows[1]["text"], replacement);
    assert!(
        rows[1]["status"].is_null(),
        "the sentence shows the orphaned claim's tag: {}",
        rows[1]
    );

    sandbox.ok(&["tag", "report.txt", "2", "disputed"]);
    let text = String::from_utf8(sandbox.read("report.txt.sidenote.toml")).expect("UTF-8");
    let claims = claims_of(&sandbox.sidecar());
    let on_sentence: Vec<&toml::Table> = claims
        .iter()
        .filter(|c| string(c, "quote") == replacement)
        .collect();
    assert_eq!(
        on_sentence.len(),
        1,
        "no claim quotes the tagged sentence:\n{text}"
    );
    assert_eq!(string(on_sentence[0], "status"), "disputed", "{text}");
}

#[test]
fn bad_arguments_get_one_line_naming_the_value() {
    let sandbox = Sandbox::new();
    let line = sandbox.fail(&["tag", "report.txt", "three", "sourced"]);
    assert!(
        line.contains("'three'") && line.contains("--help"),
        "{line}"
    );
    let line = sandbox.fail(&["sentences", "report.txt", "--format", "yaml"]);
    assert!(line.contains("'yaml'"), "{line}");
    // No argument opens the review screen of the current folder, which needs a terminal.
    let line = sandbox.fail(&[]);
    assert!(line.contains("needs a terminal"), "{line}");
}

#[test]
fn an_empty_report_has_nothing_to_tag() {
    let sandbox = Sandbox::new();
    sandbox.write("empty.txt", b"\n\n");
    let line = sandbox.fail(&["tag", "empty.txt", "1", "sourced"]);
    assert!(
        line.contains("empty.txt") && line.contains("no sentences"),
        "{line}"
    );
}

/// A report of `paragraphs` paragraphs, written with CRLF line ends and holding non-ASCII
/// letters (so code points and bytes differ): long enough that `sentences` reads it in several
/// blocks. Returns the text and its sentences, in order.
fn long_report(paragraphs: usize, first: usize) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut sentences = Vec::new();
    for i in first..first + paragraphs {
        let heading = format!("Ferry № {i}");
        let opened = format!("The café by pier {i} reopened on Monday.");
        let doubt = "Mr. Okafor was not so sure.".to_owned();
        write!(text, "{heading}\r\n\r\n{opened} {doubt}\r\n\r\n").expect("write to a string");
        sentences.extend([heading, opened, doubt]);
    }
    (text, sentences)
}

/// The `sentences --format jsonl` rows of `text`, whose sentences are `sentences` in order,
/// with `status` giving the tag of each (by number, from 1).
fn expected_rows(text: &str, sentences: &[String], status: impl Fn(usize) -> Value) -> Vec<Value> {
    let mut from = 0;
    sentences
        .iter()
        .enumerate()
        .map(|(i, sentence)| {
            let byte = from + text[from..].find(sentence.as_str()).expect("in order");
            from = byte + sentence.len();
            let start = text[..byte].chars().count();
            let status = status(i + 1);
            // Each claim here is a whole sentence: a sentence is reviewed when it has one.
            let reviewed = !status.is_null();
            serde_json::json!({
                "n": i + 1,
                "start": start,
                "end": start + sentence.chars().count(),
                "text": sentence,
                "status": status,
                "reviewed": reviewed,
            })
        })
        .collect()
}

#[test]
fn a_long_tagged_report_is_printed_with_its_tags() {
    let sandbox = Sandbox::empty();
    let (text, sentences) = long_report(3000, 1);
    assert!(text.len() > 3 * (64 << 10), "several blocks");
    sandbox.write("report.txt", text.as_bytes());
    let last = sentences.len() - 1;
    sandbox.ok(&["tag", "report.txt", "2", "sourced"]);
    sandbox.ok(&["tag", "report.txt", &last.to_string(), "disputed"]);
    let tag = |n| match n {
        2 => "sourced".into(),
        n if n == last => "disputed".into(),
        _ => Value::Null,
    };
    assert_eq!(sandbox.sentences(), expected_rows(&text, &sentences, tag));
    let lines = sandbox.ok(&["sentences", "report.txt"]);
    let lines: Vec<&str> = lines.lines().collect();
    assert_eq!(lines.len(), sentences.len());
    assert_eq!(
        lines[1],
        "2\tsourced\tThe café by pier 1 reopened on Monday."
    );
    assert_eq!(
        lines[last - 1],
        format!("{last}\tdisputed\tThe café by pier 3000 reopened on Monday.")
    );
    assert_eq!(
        lines[last],
        format!("{}\t-\tMr. Okafor was not so sure.", last + 1)
    );
}

#[test]
fn a_long_report_edited_after_tagging_shows_its_claims_where_they_moved() {
    let sandbox = Sandbox::empty();
    let (text, _) = long_report(3000, 1);
    sandbox.write("report.txt", text.as_bytes());
    let last = 3 * 3000 - 1;
    sandbox.ok(&["tag", "report.txt", "2", "sourced"]);
    sandbox.ok(&["tag", "report.txt", &last.to_string(), "disputed"]);
    // One paragraph more at the start: every sentence moves three places on.
    let (edited, sentences) = long_report(3001, 0);
    sandbox.write("report.txt", edited.as_bytes());
    let tag = |n| match n {
        5 => "sourced".into(),
        n if n == last + 3 => "disputed".into(),
        _ => Value::Null,
    };
    assert_eq!(sandbox.sentences(), expected_rows(&edited, &sentences, tag));
}

#[test]
fn a_claim_off_its_place_in_an_unchanged_report_is_re_anchored() {
    let sandbox = Sandbox::empty();
    let (text, sentences) = long_report(3000, 1);
    sandbox.write("report.txt", text.as_bytes());
    sandbox.ok(&["tag", "report.txt", "6000", "sourced"]);
    // A hand edit moves the claim's offsets by one code point: the hash still matches the
    // report, but the quote is not at the offsets, so the claim must be looked for.
    let mut sidecar = sandbox.sidecar();
    let claim = sidecar
        .get_mut("claim")
        .and_then(|c| c.as_array_mut())
        .and_then(|c| c.first_mut())
        .and_then(toml::Value::as_table_mut)
        .expect("one claim");
    for key in ["start", "end"] {
        let moved = claim[key].as_integer().expect("an offset") + 1;
        claim.insert(key.to_owned(), moved.into());
    }
    sandbox.write(
        "report.txt.sidenote.toml",
        toml::to_string(&sidecar).expect("TOML").as_bytes(),
    );
    let tag = |n| {
        if n == 6000 {
            "sourced".into()
        } else {
            Value::Null
        }
    };
    assert_eq!(sandbox.sentences(), expected_rows(&text, &sentences, tag));
}

#[test]
fn sentences_end_quietly_when_the_reader_of_their_output_stops() {
    use std::io::BufRead as _;
    let sandbox = Sandbox::empty();
    let (text, _) = long_report(60_000, 1);
    sandbox.write("report.txt", text.as_bytes());
    let mut child = Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .args(["sentences", "report.txt", "--config"])
        .arg(crate::support::default_config())
        .current_dir(sandbox.dir.path())
        .env("XDG_CONFIG_HOME", sandbox.dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run sidenote");
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("a first line");
    // The pipe is closed here, as `| head -1` closes it, with megabytes still to print.
    assert_eq!(first, "1\t-\tFerry № 1\n");
    let output = child.wait_with_output().expect("sidenote ends");
    assert_eq!(
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr)
        ),
        (Some(0), "".into())
    );
}

/// Issue 15 item 5: the config is a regular file of at most 1 MiB, refused unread otherwise
/// (`--config /dev/zero` grew to gigabytes, a FIFO hung).
#[cfg(unix)]
#[test]
fn a_config_that_is_no_regular_file_or_too_large_is_refused_unread() {
    let sandbox = Sandbox::new();
    let tag = |config: &Path| {
        let args = ["tag", "report.txt", "1", "sourced"];
        let out = Command::new(env!("CARGO_BIN_EXE_sidenote"))
            .args(args)
            .arg("--config")
            .arg(config)
            .current_dir(sandbox.dir.path())
            .env("XDG_CONFIG_HOME", sandbox.dir.path())
            .output()
            .expect("run sidenote");
        fail_with(&out, &args)
    };
    // A device (`/dev/null` reads as an empty, valid config if it is read at all).
    let line = tag(Path::new("/dev/null"));
    assert!(
        line.contains("/dev/null") && line.contains("character device"),
        "{line}"
    );
    let big = sandbox.path("big.toml");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(2 << 20))
        .expect("sparse file");
    let line = tag(&big);
    assert!(
        line.contains("big.toml") && line.contains("larger than 1 MiB"),
        "{line}"
    );
    // A named pipe nobody writes to: refused before it is opened, which would wait forever.
    let fifo = sandbox.path("pipe.toml");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("run mkfifo");
    assert!(made.success(), "mkfifo failed");
    let line = tag(&fifo);
    assert!(
        line.contains("pipe.toml") && line.contains("named pipe"),
        "{line}"
    );
    assert!(!sandbox.sidecar_path().exists(), "nothing was tagged");
}

/// Issue 15 item 6: a broken config.toml does not stop the commands that do not use it: git's
/// merge driver, `check`, `completions`, `man`, `--version`.
#[test]
fn commands_that_do_not_use_the_config_never_read_it() {
    let sandbox = Sandbox::new();
    sandbox.write("config.toml", b"author = \"tester\"\ncolour = \"red\"\n");
    let good = b"version = 1\n\n[report]\nfile = \"report.txt\"\nsha256 = \"\"\n";
    sandbox.write("base.toml", b"");
    sandbox.write("ours.toml", good);
    sandbox.write("theirs.toml", good);
    for args in [
        &["merge-driver", "base.toml", "ours.toml", "theirs.toml"][..],
        &["completions", "bash"],
        &["man"],
        &["--version"],
        &["sentences", "report.txt"],
        &["text", "report.txt"],
    ] {
        let out = sandbox.run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // The positive control: a command that uses it still says what is wrong.
    let line = sandbox.fail(&["tag", "report.txt", "1", "sourced"]);
    assert!(line.contains("`colour`"), "{line}");
}
