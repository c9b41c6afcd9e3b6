//! Tests of the built `sidenote` binary for re-anchoring as commands show it: the `anchor` field
//! of `sidenote claims`, and `sidenote check` on reports, sidecars and folders.
//!
//! Every test works in its own temporary folder, with its own config file (and
//! `XDG_CONFIG_HOME` pointing into the folder), so the user's real settings never leak in.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

/// A fictional report of four sentences.
const REPORT: &str = "Harbour officials said the outage began at 3:40 a.m. on Tuesday. \
The grid authority blamed a burned cable near the pier. \
Engineers restored power to the hospital first, then to the container terminal. \
Shops along the quay stayed shut until the afternoon.\n";

/// The sentences of [`REPORT`], in order.
const SENTENCES: [&str; 4] = [
    "Harbour officials said the outage began at 3:40 a.m. on Tuesday.",
    "The grid authority blamed a burned cable near the pier.",
    "Engineers restored power to the hospital first, then to the container terminal.",
    "Shops along the quay stayed shut until the afternoon.",
];

/// [`REPORT`] corrected: the first sentence is untouched, a word is added to the second, the
/// third is unchanged but further on, and the fourth is gone.
const CORRECTED: &str = "Harbour officials said the outage began at 3:40 a.m. on Tuesday. \
The grid authority blamed a badly burned cable near the pier. \
Engineers restored power to the hospital first, then to the container terminal.\n";

/// A temporary folder holding a config file, where the commands run.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    /// A folder with only the config.
    fn new() -> Self {
        let sandbox = Self {
            dir: tempfile::tempdir().expect("tempdir"),
        };
        sandbox.write("config.toml", b"author = \"tester\"\n");
        sandbox
    }

    /// A folder with `report.txt` holding [`REPORT`] and a sidecar with a claim on each of its
    /// four sentences, made by `sidenote tag`; returns the claims' ids in sentence order.
    fn tagged() -> (Self, Vec<String>) {
        let sandbox = Self::new();
        sandbox.write("report.txt", REPORT.as_bytes());
        let ids = (1..=4)
            .map(|n| {
                let out = sandbox.ok(&["tag", "report.txt", &n.to_string(), "sourced"]);
                out.trim().to_owned()
            })
            .collect();
        (sandbox, ids)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, bytes: &[u8]) {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(path, bytes).expect("write fixture");
    }

    fn read(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.path(name)).expect("read file")
    }

    /// Runs `sidenote ARGS --config config.toml` in the folder.
    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_sidenote"))
            .args(args)
            .arg("--config")
            .arg(self.path("config.toml"))
            .current_dir(self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path())
            .output()
            .expect("run sidenote")
    }

    /// Runs a command that must succeed, and returns its standard output.
    fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        let (stdout, stderr) = texts(&output);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?} failed\nstdout: {stdout}\nstderr: {stderr}"
        );
        stdout
    }

    /// Runs `sidenote check ARGS`, which must exit with `code`; returns its findings (the lines
    /// of standard output) after checking that standard error is the one-line summary.
    fn check(&self, args: &[&str], code: i32) -> Vec<String> {
        let mut all = vec!["check"];
        all.extend_from_slice(args);
        let output = self.run(&all);
        let (stdout, stderr) = texts(&output);
        assert_eq!(
            output.status.code(),
            Some(code),
            "{all:?}\nstdout: {stdout}\nstderr: {stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "one summary line: {stderr}");
        assert!(stderr.starts_with("sidenote: checked "), "{stderr}");
        stdout.lines().map(str::to_owned).collect()
    }

    /// `claims report.txt --format jsonl`, parsed.
    fn claims(&self) -> Vec<Value> {
        self.ok(&["claims", "report.txt", "--format", "jsonl"])
            .lines()
            .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
            .collect()
    }
}

fn texts(output: &Output) -> (String, String) {
    (
        String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8"),
        String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8"),
    )
}

/// The code-point range of `part` in `text`, as the sidecar and the commands count.
fn code_points(text: &str, part: &str) -> (u64, u64) {
    let at = text.find(part).expect("part of the text");
    let start = text[..at].chars().count() as u64;
    (start, start + part.chars().count() as u64)
}

#[test]
fn claims_gives_each_claim_its_anchor_and_current_offsets() {
    let (sandbox, ids) = Sandbox::tagged();
    let before = SENTENCES;
    let unchanged = sandbox.claims();
    assert_eq!(unchanged.len(), 4);
    for (claim, sentence) in unchanged.iter().zip(SENTENCES) {
        assert_eq!(claim["anchor"], "exact", "{claim}");
        assert_eq!(claim["quote"], sentence, "{claim}");
    }

    sandbox.write("report.txt", CORRECTED.as_bytes());
    let sidecar = sandbox.read("report.txt.sidenote.toml");
    let claims = sandbox.claims();
    let by_id = |id: &str| {
        claims
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("claim {id} listed: {claims:?}"))
    };
    let expect = |claim: &Value, anchor: &str, quote: &str, (start, end): (u64, u64)| {
        assert_eq!(claim["anchor"], anchor, "{claim}");
        assert_eq!(claim["quote"], quote, "{claim}");
        assert_eq!(
            (claim["start"].as_u64(), claim["end"].as_u64()),
            (Some(start), Some(end))
        );
    };
    expect(
        by_id(&ids[0]),
        "exact",
        before[0],
        code_points(CORRECTED, before[0]),
    );
    let reworded = "The grid authority blamed a badly burned cable near the pier.";
    expect(
        by_id(&ids[1]),
        "fuzzy",
        reworded,
        code_points(CORRECTED, reworded),
    );
    expect(
        by_id(&ids[2]),
        "moved",
        before[2],
        code_points(CORRECTED, before[2]),
    );
    expect(
        by_id(&ids[3]),
        "orphaned",
        before[3],
        code_points(REPORT, before[3]),
    );
    assert_eq!(
        sandbox.read("report.txt.sidenote.toml"),
        sidecar,
        "`claims` never rewrites the sidecar"
    );

    let text = sandbox.ok(&["claims", "report.txt"]);
    let line = |id: &str| {
        text.lines()
            .find(|l| l.starts_with(id))
            .unwrap_or_else(|| panic!("{id} in {text}"))
            .to_owned()
    };
    assert!(line(&ids[1]).contains("(fuzzy"), "{text}");
    assert!(line(&ids[3]).contains("(orphaned"), "{text}");
    assert!(!line(&ids[0]).contains('('), "{text}");
    assert!(!line(&ids[2]).contains('('), "{text}");
}

#[test]
fn check_is_quiet_and_exits_0_when_all_is_well() {
    let (sandbox, _) = Sandbox::tagged();
    assert_eq!(sandbox.check(&[], 0), Vec::<String>::new());
    assert_eq!(sandbox.check(&["report.txt"], 0), Vec::<String>::new());
    assert_eq!(
        sandbox.check(&["report.txt.sidenote.toml", "."], 0),
        Vec::<String>::new()
    );
    let empty = Sandbox::new();
    empty.write("plain.txt", b"A report nobody tagged yet.\n");
    assert_eq!(empty.check(&["plain.txt"], 0), Vec::<String>::new());
}

#[test]
fn check_reports_a_stale_hash_and_fuzzy_and_orphaned_claims() {
    let (sandbox, ids) = Sandbox::tagged();
    sandbox.write("report.txt", CORRECTED.as_bytes());
    let sidecar = sandbox.read("report.txt.sidenote.toml");
    let findings = sandbox.check(&["report.txt"], 1);
    assert_eq!(findings.len(), 3, "{findings:#?}");
    for finding in &findings {
        assert!(
            finding.starts_with("report.txt.sidenote.toml: "),
            "{finding}"
        );
    }
    assert!(
        findings[0].contains("stale") && findings[0].contains("sha256"),
        "{findings:#?}"
    );
    assert!(
        findings[1].contains(&format!("claim {} is fuzzy", ids[1])),
        "{findings:#?}"
    );
    assert!(
        findings[2].contains(&format!("claim {} is orphaned", ids[3]))
            && findings[2].contains("“Shops along the quay"),
        "{findings:#?}"
    );
    assert_eq!(
        sandbox.read("report.txt.sidenote.toml"),
        sidecar,
        "`check` never rewrites the sidecar"
    );
    assert_eq!(
        sandbox.check(&[], 1).len(),
        3,
        "the current folder by default"
    );
}

#[test]
fn a_report_changed_elsewhere_is_only_stale() {
    let (sandbox, _) = Sandbox::tagged();
    sandbox.write(
        "report.txt",
        format!("{REPORT}Updated at noon.\n").as_bytes(),
    );
    let findings = sandbox.check(&["report.txt.sidenote.toml"], 1);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert!(findings[0].contains("stale"), "{findings:#?}");
}

#[test]
fn check_names_a_broken_sidecar_with_its_line_and_leaves_it_alone() {
    let sandbox = Sandbox::new();
    sandbox.write("report.txt", REPORT.as_bytes());
    let broken = b"version = 1\n\n[report\nfile = \"report.txt\"\n";
    sandbox.write("report.txt.sidenote.toml", broken);
    let findings = sandbox.check(&["report.txt"], 1);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert!(
        findings[0].starts_with("report.txt.sidenote.toml:3:"),
        "names the file and the line: {findings:#?}"
    );
    assert_eq!(sandbox.read("report.txt.sidenote.toml"), broken);
}

#[test]
fn check_names_a_sidecar_from_a_newer_version() {
    let sandbox = Sandbox::new();
    sandbox.write("report.txt", REPORT.as_bytes());
    sandbox.write(
        "report.txt.sidenote.toml",
        b"version = 7\n\n[report]\nfile = \"report.txt\"\nsha256 = \"\"\n",
    );
    let findings = sandbox.check(&[], 1);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert!(
        findings[0].starts_with("./report.txt.sidenote.toml: ")
            && findings[0].contains("version 7"),
        "{findings:#?}"
    );
}

#[test]
fn check_names_a_sidecar_whose_report_is_missing() {
    let (sandbox, _) = Sandbox::tagged();
    std::fs::rename(sandbox.path("report.txt"), sandbox.path("renamed.txt")).expect("rename");
    let findings = sandbox.check(&["report.txt.sidenote.toml"], 1);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert!(
        findings[0].starts_with("report.txt.sidenote.toml: ")
            && findings[0].contains("report.txt is missing"),
        "{findings:#?}"
    );
}

#[test]
fn check_names_a_report_it_cannot_read() {
    let sandbox = Sandbox::new();
    sandbox.write("scan.pdf", b"%PDF-1.7\n\0\0binary\0");
    let findings = sandbox.check(&["scan.pdf"], 1);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert!(findings[0].starts_with("scan.pdf: "), "{findings:#?}");
}

#[test]
fn a_folder_is_searched_except_hidden_folders_and_target() {
    let sandbox = Sandbox::new();
    let broken = b"version = 1\n[report\n";
    for name in [
        "reports/2026/a.txt.sidenote.toml",
        "reports/b.txt.sidenote.toml",
        "reports/.git/c.txt.sidenote.toml",
        "reports/.cache/d.txt.sidenote.toml",
        "target/e.txt.sidenote.toml",
        "reports/target/f.txt.sidenote.toml",
    ] {
        sandbox.write(name, broken);
    }
    sandbox.write("reports/notes.toml", broken);
    let findings = sandbox.check(&["reports"], 1);
    let files: Vec<&str> = findings
        .iter()
        .map(|f| f.split(':').next().unwrap_or_default())
        .collect();
    assert_eq!(
        files,
        [
            "reports/2026/a.txt.sidenote.toml",
            "reports/b.txt.sidenote.toml"
        ],
        "{findings:#?}"
    );
    assert_eq!(
        sandbox.check(&[], 1).len(),
        2,
        "the current folder by default"
    );
}

#[test]
fn a_path_that_does_not_exist_is_bad_usage() {
    let (sandbox, _) = Sandbox::tagged();
    sandbox.write("report.txt", CORRECTED.as_bytes());
    let output = sandbox.run(&["check", "report.txt", "no-such-report.txt"]);
    let (stdout, stderr) = texts(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert_eq!(stdout, "", "nothing is checked");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no-such-report.txt"), "{stderr}");
}

#[test]
fn control_characters_in_file_names_never_reach_the_terminal() {
    let sandbox = Sandbox::new();
    let name = "a\x1b]0;owned\x07\u{202e}.txt.sidenote.toml";
    sandbox.write(name, b"version = 1\n[report\n");
    let output = sandbox.run(&["check"]);
    let (stdout, stderr) = texts(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    for bad in ['\x1b', '\x07', '\u{202e}'] {
        assert!(
            !stdout.contains(bad) && !stderr.contains(bad),
            "{stdout:?} {stderr:?}"
        );
    }
    assert!(
        stdout.contains("a\u{241b}]0;owned"),
        "a visible stand-in: {stdout:?}"
    );
    let missing = sandbox.run(&["check", "b\x1b[2J.txt"]);
    let (_, stderr) = texts(&missing);
    assert_eq!(missing.status.code(), Some(2));
    assert!(!stderr.contains('\x1b'), "{stderr:?}");
}

#[test]
fn a_report_given_twice_is_checked_once() {
    let (sandbox, _) = Sandbox::tagged();
    sandbox.write("report.txt", format!("{REPORT}Updated.\n").as_bytes());
    let findings = sandbox.check(&["report.txt", "report.txt.sidenote.toml", "report.txt"], 1);
    assert_eq!(findings.len(), 1, "{findings:#?}");
}

#[test]
fn check_is_listed_in_the_help() {
    let help = Sandbox::new().ok(&["--help"]);
    assert!(
        help.lines().any(|l| l.trim_start().starts_with("check ")),
        "{help}"
    );
}

#[test]
fn a_fuzzy_claim_stays_fuzzy_after_another_save_until_it_is_tagged_again() {
    let (sandbox, ids) = Sandbox::tagged();
    sandbox.write("report.txt", CORRECTED.as_bytes());
    // Tagging another sentence rewrites the sidecar with the fuzzy claim's new offsets...
    sandbox.ok(&["tag", "report.txt", "1", "opinion"]);
    let anchor_of = |sandbox: &Sandbox, id: &str| {
        sandbox
            .claims()
            .into_iter()
            .find(|c| c["id"] == id)
            .map(|c| c["anchor"].as_str().expect("anchor").to_owned())
    };
    // ...but the claim is still reported as fuzzy, by `claims` and by `check`.
    assert_eq!(anchor_of(&sandbox, &ids[1]).as_deref(), Some("fuzzy"));
    let findings = sandbox.check(&["report.txt"], 1);
    assert!(
        findings
            .iter()
            .any(|f| f.contains(&format!("claim {} is fuzzy", ids[1]))),
        "{findings:#?}"
    );
    let sidecar = String::from_utf8(sandbox.read("report.txt.sidenote.toml")).expect("UTF-8");
    assert!(sidecar.contains("quote_was = "), "{sidecar}");
    // Tagging the claim's sentence confirms its new text.
    sandbox.ok(&["tag", "report.txt", "2", "sourced"]);
    assert_eq!(anchor_of(&sandbox, &ids[1]).as_deref(), Some("exact"));
}

/// Issue 15 item 7: like `diff` and `grep`, 0 clean, 1 findings, 2 trouble: findings that cannot
/// be printed (a full disk) are trouble, never "findings".
#[cfg(target_os = "linux")]
#[test]
fn findings_that_cannot_be_printed_exit_2_not_1() {
    let (sandbox, _) = Sandbox::tagged();
    sandbox.write("report.txt", CORRECTED.as_bytes());
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let output = Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .args(["check", "--config"])
        .arg(sandbox.path("config.toml"))
        .current_dir(sandbox.dir.path())
        .stdout(full)
        .output()
        .expect("run sidenote");
    let (_, stderr) = texts(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("not all printed"), "{stderr}");
    // The positive controls: the same folder with the output kept is 1, and clean is 0.
    assert!(!sandbox.check(&[], 1).is_empty());
    let clean = Sandbox::tagged().0;
    assert!(clean.check(&[], 0).is_empty());
}

/// Issue 15 item 10: two claims by one author on one span (left by two windows of the same
/// author) are a finding; `check` said nothing.
#[test]
fn two_claims_by_one_author_on_one_span_are_reported() {
    let (sandbox, ids) = Sandbox::tagged();
    assert!(sandbox.check(&[], 0).is_empty(), "clean at first");
    let text = String::from_utf8(sandbox.read("report.txt.sidenote.toml")).expect("utf-8");
    let mut sidecar: toml::Table = toml::from_str(&text).expect("toml");
    let claims = sidecar
        .get_mut("claim")
        .and_then(toml::Value::as_array_mut)
        .expect("claims");
    let mut twin = claims[0].clone();
    let twin_table = twin.as_table_mut().expect("table");
    twin_table.insert("id".into(), "twin1".into());
    twin_table.insert("status".into(), "unsourced".into());
    claims.push(twin);
    sandbox.write(
        "report.txt.sidenote.toml",
        toml::to_string(&sidecar).expect("toml").as_bytes(),
    );
    let findings = sandbox.check(&[], 1);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert!(
        findings[0].contains(&format!("claims {} and twin1 are both by tester", ids[0])),
        "{findings:#?}"
    );
}

#[test]
fn check_adds_no_second_pair_of_quote_marks_to_a_quotation() {
    let sandbox = Sandbox::new();
    let report = "“We will not speculate before the engineers finish their work.” \
                  Rain fell on the quay. “Nobody was hurt.”\n";
    sandbox.write("report.txt", report.as_bytes());
    for n in ["1", "3"] {
        sandbox.ok(&["tag", "report.txt", n, "sourced"]);
    }
    // The first quotation has a word changed (fuzzy), the second is gone (orphaned).
    sandbox.write(
        "report.txt",
        report
            .replace("finish", "complete")
            .replace(" “Nobody was hurt.”", "")
            .as_bytes(),
    );
    let findings = sandbox.check(&["report.txt"], 1);
    let fuzzy = findings.iter().find(|f| f.contains("is fuzzy"));
    let orphaned = findings.iter().find(|f| f.contains("is orphaned"));
    assert!(
        fuzzy.is_some_and(|f| f.contains(" “We will not speculate before the engine…”; check")),
        "{findings:#?}"
    );
    assert!(
        orphaned.is_some_and(|f| f.contains(": “Nobody was hurt.” is no longer")),
        "{findings:#?}"
    );
    for finding in &findings {
        assert!(
            !finding.contains("““") && !finding.contains("””"),
            "{finding}"
        );
    }
}
