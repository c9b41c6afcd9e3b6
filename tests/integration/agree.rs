//! `sidenote agree` on the built binary, and the per-author `tag`/`untag` it relies on: figures
//! checked against hand computations, the JSON shape, and bad input.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

use crate::support::SIDENOTE;

/// A fictional report of six sentences.
const REPORT: &str = "The ferry left Quillon at dawn. Its captain said the engines had been \
serviced in May. Two passengers reported smoke near the stern. The operator denied any fault. \
Inspectors will board the vessel on Friday. A union spokesman called the delay reckless.\n";

struct Folder {
    dir: tempfile::TempDir,
}

impl Folder {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("report.txt"), REPORT).expect("report");
        std::fs::write(dir.path().join("config.toml"), "author = \"tester\"\n").expect("config");
        Self { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(SIDENOTE)
            .current_dir(self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path())
            .args(args)
            .args(["--config", "config.toml"])
            .output()
            .expect("runs")
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    fn tag(&self, n: usize, status: &str, author: &str, grade: Option<&str>) {
        let n = n.to_string();
        let mut args = vec!["tag", "report.txt", &n, status, "--author", author];
        if let Some(grade) = grade {
            args.extend(["--grade", grade]);
        }
        self.ok(&args);
    }

    /// Two analysts: ana and ben agree on 1 and 4 (tags), differ on 2, and each tagged one
    /// sentence the other left alone (3 and 5).
    fn two_analysts() -> Self {
        let f = Self::new();
        f.tag(1, "sourced", "ana", Some("B2"));
        f.tag(2, "sourced", "ana", Some("C3"));
        f.tag(3, "unsourced", "ana", None);
        f.tag(4, "sourced", "ana", Some("A1"));
        f.tag(1, "sourced", "ben", Some("B2"));
        f.tag(2, "unsourced", "ben", None);
        f.tag(4, "sourced", "ben", Some("D1"));
        f.tag(5, "opinion", "ben", None);
        f
    }

    fn json(&self, paths: &[&str]) -> Value {
        let mut args = vec!["agree"];
        args.extend(paths);
        args.extend(["--format", "json"]);
        serde_json::from_str(&self.ok(&args)).expect("json")
    }
}

fn close(value: &Value, expected: f64) {
    let actual = value.as_f64().unwrap_or(f64::NAN);
    assert!(
        (actual - expected).abs() < 1e-9,
        "{actual} is not {expected}"
    );
}

#[test]
fn two_analysts_figures_match_the_hand_computation() {
    let f = Folder::two_analysts();
    let json = f.json(&["report.txt"]);
    let report = &json["reports"][0];
    assert_eq!(report["report"], "report.txt");
    assert_eq!(report["authors"], serde_json::json!(["ana", "ben"]));
    // Items: sentences 1-5 (6 is untagged by both). Pairs (ana, ben):
    // (s,s) (s,u) (u,untagged) (s,s) (untagged,o): po = 2/5.
    assert_eq!(report["items"], 5);
    close(&report["agreement"], 0.4);
    // ana: s 3, u 1, untagged 1; ben: s 2, u 1, untagged 1, o 1 (of 5).
    // pe = (3·2 + 1·1 + 1·1 + 0·1) / 25 = 8/25; kappa = (10/25 − 8/25) / (17/25) = 2/17.
    close(&report["kappa"], 2.0 / 17.0);
    // Alpha: n = 10 values, totals s 5, u 2, untagged 2, o 1; three disagreeing sentences give
    // D_o = 6; Σ n_c·n_k (c ≠ k) = 100 − (25 + 4 + 4 + 1) = 66; alpha = 1 − 9·6/66 = 2/11.
    close(&report["alpha"], 2.0 / 11.0);
    // Grades where both graded: sentence 1 (B, B) and 4 (A, D): po = 1/2;
    // pe = (ana B·ben B + ana A·ben A) = 1/2·1/2 + 1/2·0 = 1/4; kappa = (1/2 − 1/4)/(3/4) = 1/3.
    // Alpha: n = 4, totals B 2, A 1, D 1, D_o = 2, Σ = 16 − 6 = 10: 1 − 3·2/10 = 0.4.
    assert_eq!(report["grades"]["items"], 2);
    close(&report["grades"]["kappa"], 1.0 / 3.0);
    close(&report["grades"]["alpha"], 0.4);
    let disagreements = report["disagreements"].as_array().expect("array");
    let ns: Vec<u64> = disagreements
        .iter()
        .map(|d| d["n"].as_u64().expect("n"))
        .collect();
    assert_eq!(ns, [2, 3, 4, 5], "4 differs by grade only");
    assert_eq!(disagreements[1]["statuses"]["ben"], "untagged");
    assert_eq!(disagreements[2]["grades"]["ben"], "D1");
    assert_eq!(
        disagreements[0]["text"],
        "Its captain said the engines had been serviced in May."
    );
    let total = &json["total"];
    assert_eq!(total["items"], 5);
    close(&total["kappa"], 2.0 / 17.0);
    close(&total["alpha"], 2.0 / 11.0);
}

#[test]
fn the_text_report_shows_figures_confusion_and_disagreements() {
    let f = Folder::two_analysts();
    let text = f.ok(&["agree", "report.txt"]);
    assert!(
        text.contains("tags:   items 5  agreement 0.400  kappa 0.118  alpha 0.182"),
        "{text}"
    );
    assert!(
        text.contains("confusion (rows ana, columns ben):"),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["sourced", "0", "2", "1", "0"]),
        "{text}"
    );
    assert!(
        text.contains("2  ana: sourced C3 · ben: unsourced  “Its captain"),
        "{text}"
    );
}

#[test]
fn three_authors_have_alpha_but_no_kappa_and_folders_are_searched() {
    let f = Folder::two_analysts();
    f.tag(1, "sourced", "cal", None);
    f.tag(2, "unsourced", "cal", None);
    let json = f.json(&["."]);
    let report = &json["reports"][0];
    assert_eq!(report["authors"], serde_json::json!(["ana", "ben", "cal"]));
    assert_eq!(report["kappa"], Value::Null);
    assert!(report["alpha"].is_f64());
    assert_eq!(json["total"]["kappa"], Value::Null);
    let text = f.ok(&["agree", "report.txt.sidenote.toml"]);
    assert!(text.contains("coincidences (Krippendorff"), "{text}");
}

#[test]
fn perfect_agreement_is_one_and_a_report_without_claims_has_no_figures() {
    let f = Folder::new();
    f.tag(2, "sourced", "ana", None);
    f.tag(2, "sourced", "ben", None);
    let report = &f.json(&["report.txt"])["reports"][0];
    assert_eq!(
        (&report["agreement"], &report["kappa"], &report["alpha"]),
        (&1.0.into(), &1.0.into(), &1.0.into())
    );
    std::fs::write(f.path("empty.txt"), "Nothing tagged here. Nor here.\n").expect("write");
    let empty = &f.json(&["empty.txt"])["reports"][0];
    assert_eq!(empty["items"], 0);
    assert_eq!(empty["agreement"], Value::Null);
    assert_eq!(empty["alpha"], Value::Null);
}

#[test]
fn a_missing_report_is_bad_input() {
    let f = Folder::new();
    let out = f.run(&["agree", "nope.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("nope.txt"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn tag_keeps_one_claim_per_author_and_untag_removes_only_your_own() {
    let f = Folder::new();
    f.tag(3, "sourced", "ana", Some("B2"));
    f.tag(3, "disputed", "ben", None);
    f.tag(3, "unsourced", "ana", None);
    let claims = |f: &Folder| -> Vec<(String, String)> {
        let json: Value =
            serde_json::from_str(&f.ok(&["claims", "report.txt", "--format", "json"]))
                .expect("json");
        let mut out: Vec<(String, String)> = json
            .as_array()
            .expect("array")
            .iter()
            .map(|c| {
                (
                    c["author"].as_str().unwrap_or_default().to_owned(),
                    c["status"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        out.sort();
        out
    };
    assert_eq!(
        claims(&f),
        [
            ("ana".into(), "unsourced".into()),
            ("ben".into(), "disputed".into())
        ]
    );
    let sidecar = std::fs::read_to_string(f.path("report.txt.sidenote.toml")).expect("sidecar");
    assert!(
        sidecar.contains("grade = \"B2\""),
        "a retag keeps the grade:\n{sidecar}"
    );
    f.ok(&["untag", "report.txt", "3", "--author", "ben"]);
    assert_eq!(claims(&f), [("ana".into(), "unsourced".into())]);
    let out = f.run(&["untag", "report.txt", "3", "--author", "ben"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no claim by ben"));
    assert_eq!(claims(&f).len(), 1, "ana's claim stays");
}

#[test]
fn a_grade_off_the_scale_is_refused_on_the_command_line_and_in_the_file() {
    let f = Folder::new();
    let out = f.run(&["tag", "report.txt", "1", "sourced", "--grade", "G9"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("G9") && stderr.contains("A-F"), "{stderr}");
    f.tag(1, "sourced", "ana", Some("B2"));
    let path = f.path("report.txt.sidenote.toml");
    let text = std::fs::read_to_string(&path).expect("sidecar");
    std::fs::write(&path, text.replace("grade = \"B2\"", "grade = \"B7\"")).expect("write");
    let out = f.run(&["agree", "report.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("report.txt.sidenote.toml: claim \"") && stderr.contains("\"B7\""),
        "{stderr}"
    );
}
