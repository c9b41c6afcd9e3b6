//! The kind of a claim's source (`source_kind = "named" | "anonymous"`) on the built binary:
//! set by `tag --source-kind`, saved by `tag --accept` and `suggest --apply`, shown by
//! `suggest --apply --dry-run` without saving, and carried by `claims`, every export, `stats`,
//! `check` and the merge driver.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::{Value, json};

/// A fictional report: sentence 1 names its source, 2 and 3 rest on unnamed ones, 4 has none.
const REPORT: &str = "Mayor Jane Holloway said the bridge would reopen on Monday. \
Officials speaking on condition of anonymity said the repairs had cost twice the estimate. \
A senior engineer who declined to be named said cracks had been found in two piers. \
The river rose by a metre overnight.\n";

/// A folder with the report in it, removed when the test ends.
struct Folder {
    dir: tempfile::TempDir,
}

impl Folder {
    fn new() -> Self {
        let folder = Self {
            dir: tempfile::tempdir().expect("tempdir"),
        };
        std::fs::write(folder.report(), REPORT).expect("report");
        folder
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn report(&self) -> PathBuf {
        self.path("bridge.txt")
    }

    fn sidecar(&self) -> PathBuf {
        self.path("bridge.txt.sidenote.toml")
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(crate::support::SIDENOTE)
            .args(args)
            .arg("--config")
            .arg(crate::support::default_config())
            .current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .env("USER", "tester")
            .env("XDG_CONFIG_HOME", self.path("no-config"))
            .output()
            .expect("runs")
    }

    /// Runs and expects success; returns standard output.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8(out.stdout).expect("utf-8")
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).expect("JSON")
    }

    /// `(quote's first word, source, source_kind)` of every claim, as `claims --format json`
    /// prints them.
    fn kinds(&self) -> Vec<(String, Value, Value)> {
        let claims = self.json(&["claims", "bridge.txt", "--format", "json"]);
        claims
            .as_array()
            .expect("array")
            .iter()
            .map(|c| {
                let first = c["quote"].as_str().expect("quote").split(' ').next();
                (
                    first.unwrap_or_default().to_owned(),
                    c["source"].clone(),
                    c["source_kind"].clone(),
                )
            })
            .collect()
    }

    fn sidecar_text(&self) -> String {
        std::fs::read_to_string(self.sidecar()).expect("sidecar")
    }
}

fn row(first: &str, source: Value, kind: Value) -> (String, Value, Value) {
    (first.to_owned(), source, kind)
}

#[test]
fn tag_source_kind_sets_the_kind_right_after_the_source_and_keeps_it() {
    let folder = Folder::new();
    folder.ok(&[
        "tag",
        "bridge.txt",
        "2",
        "sourced",
        "--source",
        "officials",
        "--source-kind",
        "anonymous",
    ]);
    assert!(
        folder
            .sidecar_text()
            .contains("source = \"officials\"\nsource_kind = \"anonymous\"\n"),
        "{}",
        folder.sidecar_text()
    );
    // A later tag that does not give the kind keeps it; one that does changes it.
    folder.ok(&["tag", "bridge.txt", "2", "disputed", "--note", "check"]);
    assert_eq!(
        folder.kinds(),
        [row("Officials", json!("officials"), json!("anonymous"))]
    );
    folder.ok(&[
        "tag",
        "bridge.txt",
        "2",
        "sourced",
        "--source-kind",
        "named",
    ]);
    assert_eq!(
        folder.kinds(),
        [row("Officials", json!("officials"), json!("named"))]
    );
}

#[test]
fn tag_refuses_a_source_kind_that_is_neither() {
    let folder = Folder::new();
    let out = folder.run(&[
        "tag",
        "bridge.txt",
        "1",
        "sourced",
        "--source-kind",
        "secret",
    ]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--source-kind")
            && err.contains("\"secret\" is neither \"named\" nor \"anonymous\""),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!folder.sidecar().exists());
}

#[test]
fn tag_accept_saves_the_suggested_kind() {
    let folder = Folder::new();
    folder.ok(&["tag", "bridge.txt", "1", "--accept"]);
    folder.ok(&["tag", "bridge.txt", "3", "--accept"]);
    assert_eq!(
        folder.kinds(),
        [
            row("Mayor", json!("Mayor Jane Holloway"), json!("named")),
            row("A", json!("A senior engineer"), json!("anonymous")),
        ]
    );
    // A kind given with --accept wins over the suggestion's.
    folder.ok(&[
        "tag",
        "bridge.txt",
        "1",
        "--accept",
        "--source-kind",
        "anonymous",
    ]);
    assert_eq!(folder.kinds()[0].2, json!("anonymous"));
}

#[test]
fn suggest_apply_saves_the_kind_of_every_suggestion() {
    let folder = Folder::new();
    let suggested: Vec<Value> = folder
        .ok(&["suggest", "bridge.txt", "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert!(
        folder
            .ok(&["suggest", "bridge.txt", "--apply"])
            .starts_with("4 suggestion(s)")
    );
    let claims = folder.json(&["claims", "bridge.txt", "--format", "json"]);
    let claims = claims.as_array().expect("array");
    assert_eq!(claims.len(), suggested.len());
    for (claim, suggestion) in claims.iter().zip(&suggested) {
        assert_eq!(claim["start"], suggestion["start"]);
        assert_eq!(claim["source_kind"], suggestion["source_kind"], "{claim}");
    }
    let kinds: Vec<&Value> = claims.iter().map(|c| &c["source_kind"]).collect();
    assert_eq!(
        kinds,
        [
            &json!("named"),
            &json!("anonymous"),
            &json!("anonymous"),
            &Value::Null
        ]
    );
}

#[test]
fn suggest_apply_dry_run_prints_what_would_be_saved_and_saves_nothing() {
    let folder = Folder::new();
    // No sidecar yet: none is made.
    let printed = folder.ok(&["suggest", "bridge.txt", "--apply", "--dry-run"]);
    assert!(!folder.sidecar().exists(), "{printed}");
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.len(), 5, "{printed}");
    assert_eq!(
        lines[0],
        "1\tsourced\tnamed\tMayor Jane Holloway\tMayor Jane Holloway said the bridge would reopen on Monday."
    );
    assert!(
        lines[1].starts_with("2\tsourced\tanonymous\tOfficials\t"),
        "{printed}"
    );
    assert!(lines[3].starts_with("4\tunsourced\t-\t-\t"), "{printed}");
    assert!(
        lines[4].contains("4 suggestion(s) would be accepted"),
        "{printed}"
    );
    assert!(lines[4].contains("nothing was saved"), "{printed}");
    // With a sidecar: it is left byte for byte, and a sentence already tagged is left out.
    folder.ok(&["tag", "bridge.txt", "2", "disputed"]);
    let before = std::fs::read(folder.sidecar()).expect("sidecar");
    let jsonl = folder.ok(&[
        "suggest",
        "bridge.txt",
        "--apply",
        "--dry-run",
        "--format",
        "jsonl",
    ]);
    assert_eq!(std::fs::read(folder.sidecar()).expect("sidecar"), before);
    let rows: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    let kinds: Vec<(&Value, &Value)> = rows
        .iter()
        .map(|r| (&r["status"], &r["source_kind"]))
        .collect();
    assert_eq!(
        kinds,
        [
            (&json!("sourced"), &json!("named")),
            (&json!("sourced"), &json!("anonymous")),
            (&json!("unsourced"), &Value::Null)
        ]
    );
    // What the dry run showed is what --apply then saves.
    assert!(
        folder
            .ok(&["suggest", "bridge.txt", "--apply"])
            .starts_with("3 suggestion(s)")
    );
}

#[test]
fn dry_run_needs_apply() {
    let folder = Folder::new();
    let out = folder.run(&["suggest", "bridge.txt", "--dry-run"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--apply"));
}

/// The report with sentences 1-3 accepted (named, anonymous, anonymous) and 4 tagged unsourced.
fn tagged() -> Folder {
    let folder = Folder::new();
    folder.ok(&["suggest", "bridge.txt", "--apply"]);
    folder
}

#[test]
fn claims_carry_the_kind_in_every_format() {
    let folder = tagged();
    let text = folder.ok(&["claims", "bridge.txt"]);
    assert!(
        text.contains("    source: Mayor Jane Holloway\n    source kind: named\n"),
        "{text}"
    );
    assert!(text.contains("    source kind: anonymous\n"), "{text}");
    let jsonl = folder.ok(&["claims", "bridge.txt", "--format", "jsonl"]);
    let first: Value = serde_json::from_str(jsonl.lines().next().expect("a line")).expect("JSON");
    assert_eq!(first["source_kind"], "named");
    let json = folder.json(&["claims", "bridge.txt", "--format", "json"]);
    assert_eq!(json[1]["source_kind"], "anonymous");
    assert_eq!(json[3]["source_kind"], Value::Null);
}

#[test]
fn every_export_carries_the_kind() {
    let folder = tagged();
    let csv = folder.ok(&["export", "bridge.txt", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let column = header
        .iter()
        .position(|h| h == "source_kind")
        .expect("a source_kind column");
    assert!(column >= 12, "added after the fixed columns: {header:?}");
    let kinds: Vec<String> = reader
        .records()
        .map(|r| r.expect("row")[column].to_owned())
        .collect();
    assert_eq!(kinds, ["named", "anonymous", "anonymous", ""]);

    let json = folder.json(&["export", "bridge.txt", "--format", "json"]);
    assert_eq!(json["reports"][0]["claims"][0]["source_kind"], "named");
    assert_eq!(json["reports"][0]["claims"][3]["source_kind"], Value::Null);

    let markdown = folder.ok(&["export", "bridge.txt", "--format", "markdown"]);
    assert!(
        markdown.contains("  — source: Mayor Jane Holloway · named source\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| orphaned | named | anonymous |"),
        "{markdown}"
    );
    assert!(markdown.contains("| 0 | 1 | 2 |"), "{markdown}");

    let w3c = folder.json(&["export", "bridge.txt", "--format", "w3c"]);
    let bodies = &w3c["first"]["items"][1]["body"];
    let kind = bodies
        .as_array()
        .expect("bodies")
        .iter()
        .find(|b| {
            b["id"]
                .as_str()
                .is_some_and(|id| id.ends_with("#source_kind"))
        })
        .expect("a source_kind body");
    assert_eq!(kind["value"], "anonymous");
    assert_eq!(kind["purpose"], "describing");

    let reviews = folder.json(&["export", "bridge.txt", "--format", "claimreview"]);
    assert_eq!(
        reviews[0]["itemReviewed"]["author"],
        json!({"@type": "Person", "name": "Mayor Jane Holloway", "description": "named"})
    );
    assert_eq!(
        reviews[1]["itemReviewed"]["author"]["description"],
        "anonymous"
    );
    assert_eq!(reviews[3]["itemReviewed"].get("author"), None);
}

#[test]
fn stats_count_named_and_anonymous_sources_per_report_and_in_total() {
    let folder = tagged();
    std::fs::write(folder.path("other.txt"), "The minister said it was over.\n").expect("write");
    folder.ok(&["tag", "other.txt", "1", "sourced", "--source-kind", "named"]);
    let stats = folder.json(&["stats", "--format", "json"]);
    assert_eq!(
        stats["reports"][0]["source_kinds"],
        json!({"named": 1, "anonymous": 2})
    );
    assert_eq!(
        stats["reports"][1]["source_kinds"],
        json!({"named": 1, "anonymous": 0})
    );
    assert_eq!(
        stats["total"]["source_kinds"],
        json!({"named": 2, "anonymous": 2})
    );
    let text = folder.ok(&["stats"]);
    let lines: Vec<&str> = text.lines().collect();
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    let named = header
        .iter()
        .position(|h| *h == "named")
        .expect("named column");
    let total: Vec<&str> = lines
        .last()
        .expect("total")
        .split_whitespace()
        .skip(2) // `total (2 reports)` is three words; the header's `report` one.
        .collect();
    assert_eq!((total[named], total[named + 1]), ("2", "2"), "{text}");
}

/// The sidecar of the report with one claim whose `source_kind` is `value` (TOML, as written).
fn sidecar_with_kind(value: &str) -> String {
    format!(
        "version = 1\n\n[report]\nfile = \"bridge.txt\"\n\n[[claim]]\nid = \"a1b2c3d4\"\n\
         status = \"sourced\"\nstart = 0\nend = 59\n\
         quote = \"Mayor Jane Holloway said the bridge would reopen on Monday.\"\n\
         source = \"Mayor Jane Holloway\"\nsource_kind = {value}\nauthor = \"ana\"\n\
         created = 2026-11-24T18:00:00Z\nupdated = 2026-11-24T18:00:00Z\n"
    )
}

#[test]
fn a_bad_source_kind_is_named_with_its_file_by_claims_and_check() {
    let folder = Folder::new();
    std::fs::write(folder.sidecar(), sidecar_with_kind("\"secret\"")).expect("write");
    let out = folder.run(&["claims", "bridge.txt"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bridge.txt.sidenote.toml: claim \"a1b2c3d4\": source_kind \"secret\""),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    let out = folder.run(&["check", "."]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let found = String::from_utf8_lossy(&out.stdout);
    assert!(
        found.contains("bridge.txt.sidenote.toml") && found.contains("source_kind \"secret\""),
        "{found}"
    );
    // An old sidecar without the key is fine.
    let sha = sidenote::report::Report::load(&folder.report())
        .expect("report")
        .sha256;
    let old = sidecar_with_kind("\"named\"")
        .replace("source_kind = \"named\"\n", "")
        .replace(
            "\n\n[[claim]]",
            &format!("\nsha256 = \"{sha}\"\n\n[[claim]]"),
        );
    std::fs::write(folder.sidecar(), old).expect("write");
    let out = folder.run(&["check", "."]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn the_merge_driver_takes_a_change_of_kind_like_any_other_field() {
    let folder = Folder::new();
    let base = sidecar_with_kind("\"named\"");
    std::fs::write(folder.path("base.toml"), &base).expect("write");
    // They changed only the kind; we changed nothing.
    std::fs::write(folder.path("ours.toml"), &base).expect("write");
    std::fs::write(
        folder.path("theirs.toml"),
        sidecar_with_kind("\"anonymous\""),
    )
    .expect("write");
    folder.ok(&["merge-driver", "base.toml", "ours.toml", "theirs.toml"]);
    let merged = std::fs::read_to_string(folder.path("ours.toml")).expect("merged");
    assert!(
        merged.contains("source = \"Mayor Jane Holloway\"\nsource_kind = \"anonymous\"\n"),
        "{merged}"
    );
    assert!(!merged.contains("conflict"), "{merged}");
    // Both changed the kind, differently: both versions are kept, theirs marked.
    std::fs::write(
        folder.path("ours.toml"),
        base.replace("source_kind = \"named\"\n", ""),
    )
    .expect("write");
    folder.ok(&["merge-driver", "base.toml", "ours.toml", "theirs.toml"]);
    let merged = std::fs::read_to_string(folder.path("ours.toml")).expect("merged");
    assert_eq!(merged.matches("[[claim]]").count(), 2, "{merged}");
    assert!(merged.contains("conflict_of = \"a1b2c3d4\""), "{merged}");
    assert_eq!(merged.matches("source_kind").count(), 1, "{merged}");
}
