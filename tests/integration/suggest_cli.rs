//! `sidenote suggest`, `suggest --apply` and `tag --accept` on the built binary, as a new user
//! would run them on a bundled sample.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SAMPLE: &str = "assets/samples/harbour-blackout.txt";

fn sidenote(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .args(args)
        .arg("--config")
        .arg(crate::support::default_config())
        .env("NO_COLOR", "1")
        .env("USER", "tester")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .output()
        .expect("runs")
}

fn copy_sample(dir: &Path) -> PathBuf {
    let path = dir.join("harbour.txt");
    std::fs::copy(SAMPLE, &path).expect("copy");
    path
}

fn rows(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON object per line"))
        .collect()
}

#[test]
fn jsonl_marks_attributed_sentences_with_kind_and_source() {
    let out = sidenote(&["suggest", SAMPLE, "--format", "jsonl"]);
    assert!(out.status.success(), "{out:?}");
    let rows = rows(&out);
    let keys: Vec<&String> = rows[5].as_object().expect("object").keys().collect();
    for key in [
        "n",
        "start",
        "end",
        "suggestion",
        "source_kind",
        "source",
        "cues",
    ] {
        assert!(keys.iter().any(|k| *k == key), "{key} missing: {keys:?}");
    }
    assert_eq!(
        rows[0]["suggestion"],
        serde_json::Value::Null,
        "the headline"
    );
    let minister = &rows[5];
    assert_eq!(minister["n"], 6);
    assert_eq!(minister["suggestion"], "sourced");
    assert_eq!(minister["source_kind"], "named");
    assert_eq!(
        minister["source"]["text"],
        "Interior Minister Dr. Amara Okonkwo-Vance"
    );
    assert_eq!(minister["cues"][0]["kind"], "attribution");
    assert_eq!(minister["cues"][0]["text"], "said");
    let official = &rows[9];
    assert_eq!(official["source_kind"], "anonymous");
    assert_eq!(official["source"]["text"], "A senior police official");
    let hedged = &rows[12];
    assert_eq!(hedged["suggestion"], "unsourced");
    assert!(
        hedged["cues"]
            .as_array()
            .expect("cues")
            .iter()
            .any(|c| c["kind"] == "hedge" && c["text"] == "reportedly")
    );
    // Offsets are code points, as in the sidecar: the source's text is at its offsets.
    let text: Vec<char> = std::fs::read_to_string(SAMPLE)
        .expect("read")
        .chars()
        .collect();
    let (s, e) = (
        minister["source"]["start"].as_u64().expect("start") as usize,
        minister["source"]["end"].as_u64().expect("end") as usize,
    );
    assert_eq!(
        text[s..e].iter().collect::<String>(),
        "Interior Minister Dr. Amara Okonkwo-Vance"
    );
}

#[test]
fn text_format_and_standard_input() {
    let out = sidenote(&["suggest", SAMPLE]);
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().nth(5).expect("sentence 6");
    assert!(
        line.starts_with("6\tsourced (named)\tInterior Minister Dr. Amara Okonkwo-Vance\t"),
        "{line}"
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .args(["suggest", "-", "--format", "jsonl", "--config"])
        .arg(crate::support::default_config())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawns");
    std::io::Write::write_all(
        &mut child.stdin.take().expect("stdin"),
        b"Officials said the port was closed.",
    )
    .expect("writes");
    let out = child.wait_with_output().expect("runs");
    assert_eq!(rows(&out)[0]["source"]["text"], "Officials");
}

#[test]
fn tag_accept_and_apply_fill_the_sidecar_without_overwriting() {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = copy_sample(dir.path());
    let report = report.to_str().expect("utf-8 path");
    let out = sidenote(&["tag", report, "6", "--accept"]);
    assert!(out.status.success(), "{out:?}");
    let out = sidenote(&["tag", report, "10", "disputed"]);
    assert!(out.status.success(), "{out:?}");
    let out = sidenote(&["suggest", report, "--apply"]);
    assert!(out.status.success(), "{out:?}");
    let claims = rows(&sidenote(&["claims", report, "--format", "jsonl"]));
    let on = |quote: &str| {
        claims
            .iter()
            .find(|c| c["quote"].as_str().is_some_and(|q| q.starts_with(quote)))
            .unwrap_or_else(|| panic!("no claim on {quote}: {claims:?}"))
    };
    let minister = on("Interior Minister");
    assert_eq!(minister["status"], "sourced");
    assert_eq!(
        minister["source"],
        "Interior Minister Dr. Amara Okonkwo-Vance"
    );
    assert_eq!(
        on("A senior police official")["status"],
        "disputed",
        "user's claim kept"
    );
    assert_eq!(on("Neither account")["status"], "unsourced");
    // Headings, bylines and datelines get no claim.
    assert!(
        claims
            .iter()
            .all(|c| !c["quote"].as_str().unwrap_or("").starts_with("By Ines"))
    );
    let suggested = rows(&sidenote(&["suggest", report, "--format", "jsonl"]))
        .iter()
        .filter(|r| !r["suggestion"].is_null())
        .count();
    assert_eq!(claims.len(), suggested);
}

#[test]
fn accepting_a_heading_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = copy_sample(dir.path());
    let out = sidenote(&["tag", report.to_str().expect("path"), "1", "--accept"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sentence 1 is not a claim"), "{err}");
    let out = sidenote(&["tag", report.to_str().expect("path"), "1"]);
    assert_eq!(out.status.code(), Some(2), "a STATUS or --accept is needed");
}

#[test]
fn apply_adds_my_claims_beside_a_colleagues_and_never_changes_theirs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = copy_sample(dir.path());
    let report = path.to_str().expect("path");
    let tagged = sidenote(&["tag", report, "6", "disputed", "--author", "bob"]);
    assert!(tagged.status.success(), "{tagged:?}");
    let applied = sidenote(&["suggest", report, "--apply", "--author", "ana"]);
    assert!(applied.status.success(), "{applied:?}");
    let text =
        std::fs::read_to_string(dir.path().join("harbour.txt.sidenote.toml")).expect("sidecar");
    let sidecar: toml::Table = toml::from_str(&text).expect("valid TOML");
    let claims = sidecar["claim"].as_array().expect("claims");
    let on_six: Vec<(&str, &str)> = claims
        .iter()
        .filter(|c| {
            c["quote"]
                .as_str()
                .is_some_and(|q| q.starts_with("Interior Minister Dr. Amara"))
        })
        .map(|c| {
            (
                c["author"].as_str().expect("author"),
                c["status"].as_str().expect("status"),
            )
        })
        .collect();
    let mut on_six = on_six;
    on_six.sort_unstable();
    assert_eq!(on_six, [("ana", "sourced"), ("bob", "disputed")], "{text}");
    assert!(
        claims
            .iter()
            .all(|c| matches!(c["author"].as_str(), Some("bob" | "ana")))
    );
    // Applying again adds nothing: ana has her claims now.
    let again = sidenote(&["suggest", report, "--apply", "--author", "ana"]);
    assert!(
        String::from_utf8_lossy(&again.stdout).starts_with("0 "),
        "{again:?}"
    );
}
