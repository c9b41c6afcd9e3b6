//! Tests of `sidenote stats`: the counts per report and in total, in both formats, on a folder
//! of three reports tagged with `sidenote tag`.

use crate::review_support::Folder;
use serde_json::Value;

fn stats_json(folder: &Folder, args: &[&str]) -> Value {
    let mut all = vec!["stats"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    serde_json::from_str(&folder.ok(&all)).expect("stats prints JSON")
}

fn sentences(folder: &Folder, report: &str) -> usize {
    folder
        .ok(&["sentences", report, "--format", "jsonl"])
        .lines()
        .count()
}

#[test]
fn json_counts_each_report_and_the_total() {
    let folder = Folder::new();
    let value = stats_json(&folder, &["."]);
    let reports = value["reports"].as_array().expect("reports");
    let names: Vec<&str> = reports
        .iter()
        .map(|r| r["report"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["city/budget.md", "port.txt", "weather.txt"]);
    let budget = &reports[0];
    assert_eq!(budget["sentences"], sentences(&folder, "city/budget.md"));
    assert_eq!(budget["claims"], 3);
    assert_eq!(budget["sourced"], 1);
    assert_eq!(budget["disputed"], 1);
    assert_eq!(budget["opinion"], 1);
    assert_eq!(budget["unsourced"], 0);
    assert_eq!(budget["orphaned"], 0);
    assert_eq!(budget["reliability"]["E"], 1);
    assert_eq!(budget["reliability"]["ungraded"], 2);
    let port = &reports[1];
    assert_eq!(port["claims"], 2);
    assert_eq!(
        (&port["sourced"], &port["unsourced"]),
        (&Value::from(1), &Value::from(1))
    );
    assert_eq!(reports[2]["claims"], 0);
    assert_eq!(reports[2]["sentences"], sentences(&folder, "weather.txt"));
    let total = &value["total"];
    assert_eq!(total["reports"], 3);
    assert_eq!(total["claims"], 5);
    assert_eq!(total["sourced"], 2);
    assert_eq!(total["unsourced"], 1);
    assert_eq!(total["disputed"], 1);
    assert_eq!(total["opinion"], 1);
    assert_eq!(total["reliability"]["E"], 1);
    assert_eq!(total["reliability"]["A"], 0);
    assert_eq!(total["reliability"]["ungraded"], 4);
    let all: usize = ["city/budget.md", "port.txt", "weather.txt"]
        .iter()
        .map(|r| sentences(&folder, r))
        .sum();
    assert_eq!(total["sentences"], all);
}

#[test]
fn paths_may_be_reports_sidecars_or_folders() {
    let folder = Folder::new();
    let value = stats_json(&folder, &["port.txt", "city", "port.txt.sidenote.toml"]);
    let names: Vec<&str> = value["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .map(|r| r["report"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["city/budget.md", "port.txt"], "each report once");
    assert_eq!(value["total"]["claims"], 5);
}

#[test]
fn the_current_folder_is_the_default_and_hidden_folders_are_skipped() {
    let folder = Folder::new();
    std::fs::create_dir(folder.path(".git")).expect("mkdir");
    folder.write(".git/inside.txt", "Not a report. Skipped.\n");
    std::fs::create_dir(folder.path("target")).expect("mkdir");
    folder.write("target/built.txt", "Not a report either.\n");
    let value = stats_json(&folder, &[]);
    assert_eq!(value["total"]["reports"], 3);
}

#[test]
fn orphaned_claims_are_counted() {
    let folder = Folder::new();
    folder.write(
        "port.txt",
        "Everything in this report was rewritten from scratch today.\n",
    );
    let value = stats_json(&folder, &["port.txt"]);
    assert_eq!(value["reports"][0]["orphaned"], 2);
    assert_eq!(value["total"]["orphaned"], 2);
}

#[test]
fn text_has_a_row_per_report_and_a_total() {
    let folder = Folder::new();
    let out = folder.run(&["stats"]);
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "no progress bar off a terminal");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert!(
        lines[0].starts_with("report") && lines[0].contains("unsourced"),
        "{text}"
    );
    let total: Vec<&str> = lines[4].split_whitespace().collect();
    assert_eq!(&total[..3], ["total", "(3", "reports)"], "{text}");
    assert_eq!(total[4], "5", "claims column: {text}");
}

#[test]
fn an_unreadable_sidecar_is_named_and_the_rest_still_counted() {
    let folder = Folder::new();
    folder.write("port.txt.sidenote.toml", "version = 1\n[[claim]\n");
    let out = folder.run(&["stats", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("port.txt.sidenote.toml"), "{stderr}");
    let value: Value = serde_json::from_slice(&out.stdout).expect("JSON of the rest");
    assert_eq!(value["total"]["reports"], 2);
}

#[test]
fn a_missing_path_is_bad_input() {
    let folder = Folder::new();
    let out = folder.run(&["stats", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("nowhere: no such file or folder"),
        "{stderr}"
    );
}

/// A saved section front (a page of links, no article) is no report never read: `stats` names it
/// on stderr and leaves it out of the counts, still exit 0; once annotated (a sidecar with a
/// claim), it is counted, with the warning.
#[test]
fn a_page_without_an_article_is_named_and_left_out_unless_annotated() {
    let folder = Folder::new();
    let front = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/pages/fronts/tidewater-news.html"
    ))
    .expect("the front page");
    std::fs::write(folder.path("front.html"), front).expect("write");
    let out = folder.run(&["stats", ".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim(),
        "sidenote: front.html: no article found (the page is mostly links or too short); left out"
    );
    let value: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let names: Vec<&str> = value["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .map(|r| r["report"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["city/budget.md", "port.txt", "weather.txt"]);
    assert_eq!(value["total"]["reports"], 3);
    // The text table leaves it out too, and so does an export.
    let out = folder.run(&["stats", "."]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("front.html"));
    let out = folder.run(&["export", ".", "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let markdown = String::from_utf8_lossy(&out.stdout);
    assert!(markdown.contains("3 reports,"), "{markdown}");
    assert!(!markdown.contains("front.html"), "{markdown}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("front.html: no article found"),
        "{out:?}"
    );
    // Annotated by hand (the commands on one report refuse the page): counted, with the warning.
    folder.write(
        "front.html.sidenote.toml",
        "version = 1\n\n[report]\nfile = \"front.html\"\n\n[[claim]]\nid = \"c1\"\nstatus = \"sourced\"\nstart = 0\nend = 4\nquote = \"gone\"\nauthor = \"ana\"\ncreated = 2026-01-01T00:00:00Z\nupdated = 2026-01-01T00:00:00Z\n",
    );
    let out = folder.run(&["stats", ".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("front.html: no article found")
            && stderr.contains("counted for its annotations"),
        "{stderr}"
    );
    let value: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(value["total"]["reports"], 4);
    assert_eq!(value["total"]["claims"], 6);
}
