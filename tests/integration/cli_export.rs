//! Tests of `sidenote export`: every format parsed back (CSV with a CSV reader, the JSON ones as
//! JSON) and compared with the sidecars `sidenote tag` wrote; and `-o` writing whole or nothing.

use crate::review_support::{Folder, date, int, labels, text};
use serde_json::Value;

fn export(folder: &Folder, format: &str) -> String {
    folder.ok(&["export", ".", "--format", format])
}

fn json(folder: &Folder, format: &str) -> Value {
    serde_json::from_str(&export(folder, format)).expect("the export is JSON")
}

/// A JSON string or "" for null.
fn s(value: &Value) -> &str {
    value.as_str().unwrap_or("")
}

#[test]
fn csv_rows_match_the_sidecars() {
    let folder = Folder::new();
    let out = export(&folder, "csv");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header[..12].join(","),
        "report,id,status,start,end,quote,source,note,labels,author,created,updated"
    );
    assert_eq!(header[12], "grade");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a valid row")).collect();
    let claims = folder.all_claims();
    assert_eq!(rows.len(), claims.len());
    for (row, (report, claim)) in rows.iter().zip(&claims) {
        assert_eq!(&row[0], report);
        assert_eq!(&row[1], text(claim, "id"));
        assert_eq!(&row[2], text(claim, "status"));
        assert_eq!(row[3].parse::<i64>().expect("start"), int(claim, "start"));
        assert_eq!(row[4].parse::<i64>().expect("end"), int(claim, "end"));
        assert_eq!(&row[5], text(claim, "quote"));
        assert_eq!(&row[6], text(claim, "source"));
        assert_eq!(&row[7], text(claim, "note"));
        let joined = labels(claim).join("; ");
        assert_eq!(&row[8], joined);
        assert_eq!(&row[9], text(claim, "author"));
        assert_eq!(row[10], date(claim, "created"));
        assert_eq!(row[11], date(claim, "updated"));
        assert_eq!(&row[12], text(claim, "grade"));
    }
    assert!(
        out.contains("\"no figure given\nask the city\""),
        "a note with a line break is quoted whole: {out}"
    );
}

#[test]
fn json_holds_the_claims_as_the_sidecars_do() {
    let folder = Folder::new();
    let value = json(&folder, "json");
    let reports = value["reports"].as_array().expect("reports");
    assert_eq!(reports.len(), 3, "untagged reports are listed too");
    let exported: Vec<(String, &Value)> = reports
        .iter()
        .flat_map(|r| {
            let name = s(&r["report"]).to_owned();
            r["claims"]
                .as_array()
                .expect("claims")
                .iter()
                .map(move |c| (name.clone(), c))
        })
        .collect();
    let claims = folder.all_claims();
    assert_eq!(exported.len(), claims.len());
    for ((report, got), (want_report, want)) in exported.iter().zip(&claims) {
        assert_eq!(report, want_report);
        for key in [
            "id", "status", "quote", "prefix", "suffix", "source", "note", "author", "grade",
        ] {
            assert_eq!(s(&got[key]), text(want, key), "{key}");
        }
        assert_eq!(got["start"], int(want, "start"));
        assert_eq!(got["end"], int(want, "end"));
        assert_eq!(s(&got["created"]), date(want, "created"));
        assert_eq!(s(&got["updated"]), date(want, "updated"));
        assert_eq!(got["labels"], Value::from(labels(want)));
        assert_eq!(got["anchor"], "exact");
    }
}

#[test]
fn w3c_annotations_carry_selectors_and_bodies() {
    let folder = Folder::new();
    let value = json(&folder, "w3c");
    assert_eq!(value["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(value["type"], "AnnotationCollection");
    let items = value["first"]["items"].as_array().expect("items");
    let claims = folder.all_claims();
    assert_eq!(items.len(), claims.len());
    assert_eq!(value["total"], claims.len());
    for (item, (report, claim)) in items.iter().zip(&claims) {
        assert_eq!(item["@context"], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(item["type"], "Annotation");
        assert_eq!(s(&item["creator"]["name"]), text(claim, "author"));
        assert_eq!(s(&item["created"]), date(claim, "created"));
        let target = &item["target"];
        assert_eq!(s(&target["source"]), report.as_str());
        let quote = &target["selector"][0];
        assert_eq!(quote["type"], "TextQuoteSelector");
        assert_eq!(s(&quote["exact"]), text(claim, "quote"));
        assert_eq!(s(&quote["prefix"]), text(claim, "prefix"));
        assert_eq!(s(&quote["suffix"]), text(claim, "suffix"));
        let position = &target["selector"][1];
        if report.ends_with(".md") {
            // Offsets count into the extracted text, not the file: no position selector.
            assert!(position.is_null(), "{target}");
        } else {
            assert_eq!(position["type"], "TextPositionSelector");
            assert_eq!(position["start"], int(claim, "start"));
            assert_eq!(position["end"], int(claim, "end"));
        }
        let bodies = item["body"].as_array().expect("bodies");
        let body = |part: &str| {
            bodies
                .iter()
                .filter(|b| s(&b["id"]).ends_with(&format!("#{part}")))
                .map(|b| (s(&b["purpose"]).to_owned(), s(&b["value"]).to_owned()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            body("tag"),
            [("tagging".to_owned(), text(claim, "status").to_owned())]
        );
        let want_labels: Vec<(String, String)> = labels(claim)
            .into_iter()
            .map(|l| ("tagging".to_owned(), l))
            .collect();
        assert_eq!(body("label"), want_labels);
        let optional = |key: &str, purpose: &str| {
            claim
                .get(key)
                .and_then(toml::Value::as_str)
                .map(|v| (purpose.to_owned(), v.to_owned()))
                .into_iter()
                .collect::<Vec<_>>()
        };
        assert_eq!(body("source"), optional("source", "describing"));
        assert_eq!(body("grade"), optional("grade", "describing"));
        assert_eq!(body("note"), optional("note", "commenting"));
    }
}

#[test]
fn claimreview_has_one_review_per_claim() {
    let folder = Folder::new();
    let value = json(&folder, "claimreview");
    let items = value.as_array().expect("an array of reviews");
    let claims = folder.all_claims();
    assert_eq!(items.len(), claims.len());
    for (item, (report, claim)) in items.iter().zip(&claims) {
        assert_eq!(item["@context"], "https://schema.org");
        assert_eq!(item["@type"], "ClaimReview");
        assert_eq!(s(&item["claimReviewed"]), text(claim, "quote"));
        assert_eq!(
            s(&item["reviewRating"]["alternateName"]),
            text(claim, "status")
        );
        assert_eq!(item["itemReviewed"]["@type"], "Claim");
        assert_eq!(
            s(&item["itemReviewed"]["appearance"]["url"]),
            report.as_str()
        );
        assert_eq!(
            s(&item["itemReviewed"]["author"]["name"]),
            text(claim, "source")
        );
        assert_eq!(s(&item["author"]["name"]), text(claim, "author"));
        assert_eq!(s(&item["datePublished"]), date(claim, "created"));
        if text(claim, "grade") == "E3" {
            assert_eq!(item["reviewRating"]["ratingValue"], 3);
            assert!(
                s(&item["reviewRating"]["ratingExplanation"]).starts_with("E3: source unreliable")
            );
        } else {
            assert!(item["reviewRating"].get("ratingValue").is_none());
        }
    }
}

#[test]
fn markdown_lists_every_claim_under_its_tag_with_a_summary() {
    let folder = Folder::new();
    let out = export(&folder, "markdown");
    assert!(out.contains("| **total** | "), "{out}");
    assert!(out.contains("## city/budget.md"), "{out}");
    assert!(out.contains("### disputed (1)"), "{out}");
    assert!(out.contains("No claims yet"), "weather.txt: {out}");
    assert!(
        out.contains("- Officials said the budget \\| was \\*balanced\\*."),
        "formatting in a quote is escaped: {out}"
    );
    for (_, claim) in folder.all_claims() {
        if let Some(source) = claim.get("source").and_then(toml::Value::as_str) {
            assert!(
                out.contains(&format!("source: {source}")),
                "{source}: {out}"
            );
        }
    }
    assert!(
        out.contains("  > no figure given\n  > ask the city"),
        "{out}"
    );
    assert!(
        out.contains("grade: E3: source unreliable, information possibly true"),
        "{out}"
    );
}

#[test]
fn output_to_a_file_is_whole_or_nothing() {
    let folder = Folder::new();
    let stdout = export(&folder, "csv");
    folder.ok(&["export", ".", "--format", "csv", "-o", "out.csv"]);
    let written = std::fs::read_to_string(folder.path("out.csv")).expect("written");
    assert_eq!(written, stdout);

    folder.write("port.txt.sidenote.toml", "version = 1\n[[claim]\n");
    let out = folder.run(&["export", ".", "--format", "json", "-o", "out.csv"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("port.txt.sidenote.toml"), "{stderr}");
    let after = std::fs::read_to_string(folder.path("out.csv")).expect("still there");
    assert_eq!(after, written, "the old file is untouched");
    let leftovers: Vec<_> = std::fs::read_dir(folder.dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );
}

/// `-o` into a pipe (or a device such as `/dev/null`) writes into it as a shell redirection would;
/// renaming a file over it would put a plain file in its place.
#[cfg(unix)]
#[test]
fn output_into_a_pipe_streams_and_keeps_the_pipe() {
    use std::os::unix::fs::FileTypeExt as _;
    let folder = Folder::new();
    let stdout = export(&folder, "csv");
    let fifo = folder.path("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("run mkfifo");
    assert!(made.success(), "mkfifo failed");
    let (sender, received) = std::sync::mpsc::channel();
    {
        let fifo = fifo.clone();
        std::thread::spawn(move || sender.send(std::fs::read_to_string(fifo)));
    }
    folder.ok(&["export", ".", "--format", "csv", "-o", "pipe"]);
    // Checked first: were the pipe replaced, the reader above would wait for ever.
    let kind = std::fs::symlink_metadata(&fifo)
        .expect("still there")
        .file_type();
    assert!(kind.is_fifo(), "the pipe is still a pipe: {kind:?}");
    let read = received
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("the reader got the export")
        .expect("read the pipe");
    assert_eq!(read, stdout);
}

/// `-o` through a symbolic link replaces the file it points at and keeps the link; the file keeps
/// its permissions, and a new file gets those of any new file (not the temporary file's 0600).
#[cfg(unix)]
#[test]
fn output_through_a_link_keeps_the_link_and_permissions_are_kept() {
    use std::os::unix::fs::PermissionsExt as _;
    let folder = Folder::new();
    let stdout = export(&folder, "csv");
    folder.write("real.csv", "old\n");
    let mode = std::fs::Permissions::from_mode(0o604);
    std::fs::set_permissions(folder.path("real.csv"), mode).expect("chmod");
    std::os::unix::fs::symlink("real.csv", folder.path("link.csv")).expect("symlink");
    folder.ok(&["export", ".", "--format", "csv", "-o", "link.csv"]);
    let link = std::fs::symlink_metadata(folder.path("link.csv")).expect("link");
    assert!(link.file_type().is_symlink(), "the link is kept");
    let real = folder.path("real.csv");
    assert_eq!(std::fs::read_to_string(&real).expect("target"), stdout);
    let mode_of =
        |p: &std::path::Path| std::fs::metadata(p).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode_of(&real), 0o604);

    folder.ok(&["export", ".", "--format", "csv", "-o", "new.csv"]);
    folder.write("probe", "");
    assert_eq!(
        mode_of(&folder.path("new.csv")),
        mode_of(&folder.path("probe"))
    );
}

/// A file with other hard links is written in place, so that every name has the new export.
#[cfg(unix)]
#[test]
fn output_to_a_hard_linked_file_reaches_every_name() {
    use std::os::unix::fs::MetadataExt as _;
    let folder = Folder::new();
    let stdout = export(&folder, "csv");
    folder.write("out.csv", "old\n");
    std::fs::hard_link(folder.path("out.csv"), folder.path("other-name.csv")).expect("link");
    let inode = std::fs::metadata(folder.path("out.csv"))
        .expect("stat")
        .ino();
    folder.ok(&["export", ".", "--format", "csv", "-o", "out.csv"]);
    for name in ["out.csv", "other-name.csv"] {
        assert_eq!(
            std::fs::read_to_string(folder.path(name)).expect("read"),
            stdout,
            "{name}"
        );
    }
    assert_eq!(
        std::fs::metadata(folder.path("out.csv"))
            .expect("stat")
            .ino(),
        inode
    );
    let names: Vec<String> = std::fs::read_dir(folder.path("."))
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') || n.contains("tmp") || n.ends_with("sidenote-export"))
        .collect();
    assert!(names.is_empty(), "temporary files left: {names:?}");
}

/// Someone who may write a shared file but does not own it (here: anyone may write it, and the
/// export runs as another user) gets it written, with its mode and owner as they were.
#[cfg(unix)]
#[test]
#[ignore = "needs root (runs the export as another user): cargo test -- --ignored, as root"]
fn output_to_a_shared_file_owned_by_another_user_is_written_in_place() {
    use std::os::unix::fs::PermissionsExt as _;
    use std::os::unix::process::CommandExt as _;
    let folder = Folder::new();
    let stdout = export(&folder, "csv");
    let shared = folder.path("shared.csv");
    std::fs::write(&shared, "old\n").expect("write");
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o666)).expect("chmod");
    std::fs::hard_link(&shared, folder.path("shared-too.csv")).expect("link");
    std::fs::set_permissions(folder.path("."), std::fs::Permissions::from_mode(0o777))
        .expect("chmod folder");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .args([
            "export",
            ".",
            "--format",
            "csv",
            "-o",
            "shared.csv",
            "--config",
        ])
        .arg(folder.path("config.toml"))
        .current_dir(folder.path("."))
        .env("XDG_CONFIG_HOME", folder.path("."))
        .uid(1)
        .gid(1)
        .output()
        .expect("run the export as user 1 (this test needs root)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for name in ["shared.csv", "shared-too.csv"] {
        assert_eq!(
            std::fs::read_to_string(folder.path(name)).expect("read"),
            stdout,
            "{name}"
        );
    }
    let meta = std::fs::metadata(&shared).expect("stat");
    assert_eq!(meta.permissions().mode() & 0o777, 0o666);
}

/// A file that belongs to someone else, written by root, stays theirs.
#[cfg(unix)]
#[test]
#[ignore = "needs root (hands the file to another user): cargo test -- --ignored, as root"]
fn output_to_a_file_root_writes_for_another_user_keeps_its_owner() {
    use std::os::unix::fs::MetadataExt as _;
    let folder = Folder::new();
    let stdout = export(&folder, "csv");
    folder.write("theirs.csv", "old\n");
    let theirs = folder.path("theirs.csv");
    std::os::unix::fs::chown(&theirs, Some(1), Some(1)).expect("chown (this test needs root)");
    folder.ok(&["export", ".", "--format", "csv", "-o", "theirs.csv"]);
    let meta = std::fs::metadata(&theirs).expect("stat");
    assert_eq!((meta.uid(), meta.gid()), (1, 1));
    assert_eq!(std::fs::read_to_string(&theirs).expect("read"), stdout);
}

#[test]
fn a_wrong_format_or_a_folder_as_output_is_bad_input() {
    let folder = Folder::new();
    let out = folder.run(&["export", ".", "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
    let out = folder.run(&["export", ".", "--format", "csv", "-o", "city"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("city: is a folder"), "{stderr}");
    let out = folder.run(&["export", ".", "--format", "csv", "-o", "missing/out.csv"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the folder missing does not exist") && stderr.lines().count() == 1,
        "{stderr}"
    );
    // A missing argument is named on the one line.
    let out = folder.run(&["export", "."]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--format") && stderr.lines().count() == 1,
        "{stderr}"
    );
}

#[test]
fn csv_shows_control_characters_as_stand_ins_and_keeps_line_breaks() {
    let folder = Folder::new();
    folder.ok(&[
        "tag",
        "weather.txt",
        "1",
        "sourced",
        "--source",
        "the \x1b[31mmet office\x07",
        "--note",
        "first line\nsecond line",
    ]);
    let out = export(&folder, "csv");
    assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out:?}");
    assert!(out.contains("the \u{241B}[31mmet office\u{2407}"), "{out}");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let notes: Vec<String> = reader
        .records()
        .map(|r| r.expect("a CSV row")[7].to_owned())
        .collect();
    assert!(
        notes.iter().any(|n| n == "first line\nsecond line"),
        "{notes:?}"
    );
}

/// A Markdown export written into the folder it reviews is not a report the next time round:
/// not in `stats`, not in the next export.
#[test]
fn a_markdown_export_inside_the_folder_is_not_taken_for_a_report() {
    let folder = Folder::new();
    folder.ok(&["export", ".", "--format", "markdown", "-o", "review.md"]);
    let written = std::fs::read_to_string(folder.path("review.md")).expect("written");
    assert!(
        written.starts_with("<!-- sidenote export"),
        "the first line marks the export: {written}"
    );
    let stats: Value =
        serde_json::from_str(&folder.ok(&["stats", ".", "--format", "json"])).expect("JSON");
    let names: Vec<&str> = stats["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .map(|r| s(&r["report"]))
        .collect();
    assert_eq!(names, ["city/budget.md", "port.txt", "weather.txt"]);
    let again = export(&folder, "markdown");
    assert!(!again.contains("review.md"), "{again}");
    assert!(again.contains("3 reports,"), "{again}");
}

/// `-o /dev/stdout` adds to what standard output already holds, as printing would; writing
/// through the path would start the file again (or replace it).
#[cfg(unix)]
#[test]
fn output_to_dev_stdout_adds_to_what_is_there() {
    let folder = Folder::new();
    let stdout = export(&folder, "csv");
    let script = format!(
        "{{ echo HEADER; '{}' export . --format csv --config config.toml -o /dev/stdout; }} > all.csv",
        env!("CARGO_BIN_EXE_sidenote")
    );
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(folder.dir.path())
        .env("XDG_CONFIG_HOME", folder.dir.path())
        .status()
        .expect("run sh");
    assert!(status.success());
    let all = std::fs::read_to_string(folder.path("all.csv")).expect("written");
    assert_eq!(all, format!("HEADER\n{stdout}"));
}

/// A link whose file is missing is followed: the file is made where it points, the link kept.
#[cfg(unix)]
#[test]
fn output_through_a_dangling_link_makes_its_file() {
    let folder = Folder::new();
    let stdout = export(&folder, "csv");
    std::os::unix::fs::symlink("made.csv", folder.path("link.csv")).expect("symlink");
    folder.ok(&["export", ".", "--format", "csv", "-o", "link.csv"]);
    let link = std::fs::symlink_metadata(folder.path("link.csv")).expect("link");
    assert!(link.file_type().is_symlink(), "the link is kept");
    assert_eq!(
        std::fs::read_to_string(folder.path("made.csv")).expect("made"),
        stdout
    );
}

/// Issue 15 item 1: `-o` naming a file the export reads (a report, a sidecar, through a link or
/// a hard link, or the sidecar a report would have) is refused with one line; nothing changes.
#[test]
fn output_onto_an_input_is_refused_and_nothing_is_written() {
    let folder = Folder::new();
    let report = std::fs::read(folder.path("port.txt")).expect("report");
    let sidecar = std::fs::read(folder.path("port.txt.sidenote.toml")).expect("sidecar");
    let budget = std::fs::read(folder.path("city/budget.md")).expect("report");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("port.txt.sidenote.toml", folder.path("link.toml"))
            .expect("symlink");
        std::fs::hard_link(folder.path("port.txt"), folder.path("hard.txt.bak"))
            .expect("hard link");
    }
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "export",
                "port.txt",
                "--format",
                "json",
                "-o",
                "port.txt.sidenote.toml",
            ],
            "port.txt.sidenote.toml",
        ),
        (
            &[
                "export", "port.txt", "--format", "markdown", "-o", "port.txt",
            ],
            "port.txt",
        ),
        (
            &[
                "export",
                ".",
                "--format",
                "markdown",
                "-o",
                "city/budget.md",
            ],
            "budget.md",
        ),
        (
            &[
                "export",
                "weather.txt",
                "--format",
                "csv",
                "-o",
                "./weather.txt.sidenote.toml",
            ],
            "weather.txt.sidenote.toml",
        ),
        #[cfg(unix)]
        (
            &["export", ".", "--format", "csv", "-o", "link.toml"],
            "port.txt.sidenote.toml",
        ),
        #[cfg(unix)]
        (
            &[
                "export",
                "port.txt",
                "--format",
                "csv",
                "-o",
                "hard.txt.bak",
            ],
            "port.txt",
        ),
    ];
    for (args, names) in cases {
        let out = folder.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("which the export reads") && stderr.contains(names),
            "{stderr}"
        );
        assert!(out.stdout.is_empty());
    }
    assert_eq!(
        std::fs::read(folder.path("port.txt")).expect("read"),
        report
    );
    assert_eq!(
        std::fs::read(folder.path("port.txt.sidenote.toml")).expect("read"),
        sidecar
    );
    assert_eq!(
        std::fs::read(folder.path("city/budget.md")).expect("read"),
        budget
    );
    assert!(!folder.path("weather.txt.sidenote.toml").exists());
    // A file beside the inputs is still fine.
    folder.ok(&["export", ".", "--format", "markdown", "-o", "review.md"]);
    assert!(folder.path("review.md").exists());
}
