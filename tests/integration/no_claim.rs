//! "Read, no claim" from the command line (issue 18): `tag --no-claim`, `untag`, the `reviewed`
//! field of `sentences`, `reviewed` and `done` in `stats`, `check` on a mark that lost its text,
//! and the merge driver with marks on both sides.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use crate::support::SIDENOTE;

/// A fictional report: a heading and a byline (not claims, by the suggestion rules), then three
/// sentences that could be claims.
const REPORT: &str = "Harbour Plans Approved\n\nBy Ana Lima\n\nThe council approved the harbour plan on Monday. The mayor said work would start in May. Critics called the cost too high.\n";

/// A folder holding [`REPORT`] as `report.txt` and a config naming the author `tester`.
struct Desk {
    dir: tempfile::TempDir,
}

impl Desk {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let desk = Self { dir };
        desk.write("config.toml", "author = \"tester\"\n");
        desk.write("report.txt", REPORT);
        desk
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, text: &str) {
        std::fs::write(self.path(name), text).expect("write");
    }

    fn sidecar(&self) -> Option<String> {
        std::fs::read_to_string(self.path("report.txt.sidenote.toml")).ok()
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(SIDENOTE)
            .current_dir(self.dir.path())
            .args(args)
            .arg("--config")
            .arg(self.path("config.toml"))
            .env("XDG_CONFIG_HOME", self.dir.path())
            .output()
            .expect("sidenote runs")
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

    /// `reviewed` of each row of `sentences --format jsonl`.
    fn reviewed(&self, report: &str) -> Vec<bool> {
        self.ok(&["sentences", report, "--format", "jsonl"])
            .lines()
            .map(|line| {
                let row: Value = serde_json::from_str(line).expect("a JSON row");
                row["reviewed"].as_bool().expect("reviewed is a boolean")
            })
            .collect()
    }

    fn stats(&self) -> Value {
        serde_json::from_str(&self.ok(&["stats", ".", "--format", "json"])).expect("JSON")
    }
}

#[test]
fn tag_no_claim_writes_a_mark_that_a_tag_and_untag_replace() {
    let desk = Desk::new();
    assert_eq!(desk.ok(&["tag", "report.txt", "4", "--no-claim"]), "");
    let sidecar = desk.sidecar().expect("a sidecar with only a mark is kept");
    assert!(sidecar.contains("[[no_claim]]"), "{sidecar}");
    for key in [
        "quote = \"The mayor said work would start in May.\"",
        "author = \"tester\"",
        "prefix = ",
        "suffix = ",
        "created = ",
    ] {
        assert!(sidecar.contains(key), "{key}: {sidecar}");
    }
    assert!(!sidecar.contains("[[claim]]"), "{sidecar}");
    assert_eq!(
        desk.reviewed("report.txt"),
        [false, false, false, true, false]
    );
    // Marking again changes nothing: one mark per author per sentence.
    desk.ok(&["tag", "report.txt", "4", "--no-claim"]);
    assert_eq!(
        desk.sidecar()
            .expect("kept")
            .matches("[[no_claim]]")
            .count(),
        1
    );
    // A colleague's mark stands beside it.
    desk.ok(&["tag", "report.txt", "4", "--no-claim", "--author", "ben"]);
    assert_eq!(
        desk.sidecar()
            .expect("kept")
            .matches("[[no_claim]]")
            .count(),
        2
    );
    // Tagging the sentence replaces the tagger's mark, not the colleague's.
    desk.ok(&["tag", "report.txt", "4", "sourced"]);
    let sidecar = desk.sidecar().expect("kept");
    assert_eq!(sidecar.matches("[[no_claim]]").count(), 1, "{sidecar}");
    assert!(sidecar.contains("author = \"ben\""), "{sidecar}");
    // And the mark replaces the tagger's claim.
    desk.ok(&["tag", "report.txt", "4", "--no-claim"]);
    let sidecar = desk.sidecar().expect("kept");
    assert!(!sidecar.contains("[[claim]]"), "{sidecar}");
    assert_eq!(sidecar.matches("[[no_claim]]").count(), 2, "{sidecar}");
    // `untag` removes the mark; the last one removes the sidecar.
    desk.ok(&["untag", "report.txt", "4"]);
    desk.ok(&["untag", "report.txt", "4", "--author", "ben"]);
    assert_eq!(desk.sidecar(), None, "nothing left, no sidecar");
    let out = desk.run(&["untag", "report.txt", "4"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "as for a sentence with no claim"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no claim by tester (nor a no-claim mark); nothing removed"),
        "{stderr}"
    );
}

/// `tag --no-claim` over the tagger's own claim replaces it, and says so on stderr (there is no
/// undo on the command line); stdout stays empty.
#[test]
fn tag_no_claim_names_the_claim_it_replaces() {
    let desk = Desk::new();
    let id = desk.ok(&["tag", "report.txt", "4", "sourced", "--source", "the mayor"]);
    let out = desk.run(&["tag", "report.txt", "4", "--no-claim"]);
    assert!(out.status.success(), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim(),
        format!(
            "sidenote: sentence 4 of report.txt: claim {} (sourced) by tester replaced by the no-claim mark",
            id.trim()
        )
    );
    // Marking a sentence with no claim says nothing.
    let out = desk.run(&["tag", "report.txt", "5", "--no-claim"]);
    assert!(out.status.success() && out.stderr.is_empty(), "{out:?}");
}

#[test]
fn untag_removes_a_claim_and_a_mark_left_together_by_a_merge() {
    let desk = Desk::new();
    desk.ok(&["tag", "report.txt", "3", "--no-claim"]);
    // A merge of two windows can leave the author's claim and mark on one sentence.
    let mark = desk.sidecar().expect("sidecar");
    let mark = &mark[mark.find("[[no_claim]]").expect("mark")..];
    desk.ok(&["tag", "report.txt", "3", "opinion"]);
    let both = format!("{}\n{mark}", desk.sidecar().expect("sidecar"));
    desk.write("report.txt.sidenote.toml", &both);
    desk.ok(&["untag", "report.txt", "3"]);
    assert_eq!(desk.sidecar(), None, "claim and mark removed together");
}

#[test]
fn no_claim_takes_no_status_or_details() {
    let desk = Desk::new();
    for args in [
        &["tag", "report.txt", "3", "sourced", "--no-claim"][..],
        &["tag", "report.txt", "3", "--accept", "--no-claim"],
        &[
            "tag",
            "report.txt",
            "3",
            "--no-claim",
            "--source",
            "the mayor",
        ],
        // The two branches' flags meet in one `TagArgs`: a label or a grade is for a claim.
        &["tag", "report.txt", "3", "--no-claim", "--label", "ports"],
        &["tag", "report.txt", "3", "--no-claim", "--grade", "B2"],
    ] {
        let out = desk.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(desk.sidecar(), None, "{args:?}: nothing written");
    }
    let out = desk.run(&["tag", "report.txt", "9", "--no-claim"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("N must be between 1 and 5"),
        "names the valid range: {stderr}"
    );
}

#[test]
fn stats_count_reviewed_sentences_and_done_reports() {
    let desk = Desk::new();
    desk.write(
        "other.txt",
        "Nothing was decided at the meeting on Friday.\n",
    );
    let value = desk.stats();
    let report = &value["reports"][1];
    assert_eq!(report["report"], "report.txt");
    assert_eq!(
        (&report["reviewed"], &report["done"]),
        (&0.into(), &false.into())
    );
    desk.ok(&["tag", "report.txt", "3", "sourced"]);
    desk.ok(&["tag", "report.txt", "4", "--no-claim"]);
    let value = desk.stats();
    assert_eq!(value["reports"][1]["reviewed"], 2);
    assert_eq!(value["reports"][1]["done"], false, "sentence 5 is left");
    // A colleague's mark counts too: reviewed by anyone.
    desk.ok(&["tag", "report.txt", "5", "--no-claim", "--author", "ben"]);
    let value = desk.stats();
    let report = &value["reports"][1];
    assert_eq!(report["reviewed"], 3);
    assert_eq!(
        report["done"], true,
        "the heading and byline do not count against it"
    );
    assert_eq!(report["sentences"], 5);
    assert_eq!(value["total"]["reviewed"], 3);
    assert_eq!(value["total"]["done"], 1, "one report of two is done");
    desk.ok(&["tag", "other.txt", "1", "--no-claim"]);
    assert_eq!(desk.stats()["total"]["done"], 2);
    // The table shows both too, as its last columns.
    let text = desk.ok(&["stats", "."]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].trim_end().ends_with("reviewed   done"), "{text}");
    let total: Vec<&str> = lines[3].split_whitespace().collect();
    assert_eq!(total[total.len() - 2..], ["4", "2"], "{text}");
}

#[test]
fn sentences_say_which_are_reviewed_streamed_or_re_anchored() {
    let desk = Desk::new();
    desk.ok(&["tag", "report.txt", "3", "unsourced"]);
    desk.ok(&["tag", "report.txt", "5", "--no-claim", "--author", "ben"]);
    let expected = [false, false, true, false, true];
    assert_eq!(desk.reviewed("report.txt"), expected);
    // The report gained a lead sentence: the claim and the mark follow their text.
    desk.write("report.txt", &format!("Updated.\n\n{REPORT}"));
    assert_eq!(
        desk.reviewed("report.txt"),
        [false, false, false, true, false, true]
    );
    // Standard input has no sidecar: nothing is reviewed.
    let mut child = Command::new(SIDENOTE)
        .args(["sentences", "-", "--format", "jsonl"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    std::io::Write::write_all(
        child.stdin.as_mut().expect("stdin"),
        b"One two three. Four.",
    )
    .expect("write");
    let out = child.wait_with_output().expect("output");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(text.matches("\"reviewed\":false").count(), 2, "{text}");
}

#[test]
fn check_reports_a_mark_that_lost_its_text_and_one_whose_text_changed() {
    let desk = Desk::new();
    desk.ok(&["tag", "report.txt", "4", "--no-claim"]);
    desk.ok(&["tag", "report.txt", "5", "--no-claim"]);
    let out = desk.run(&["check", "report.txt"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    desk.write(
        "report.txt",
        &REPORT
            .replace("The mayor said work would start in May. ", "")
            .replace("too high", "far too high"),
    );
    let before = desk.sidecar();
    let out = desk.run(&["check", "report.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("no-claim mark by tester is orphaned: “The mayor said work would start in May.” is no longer in the report"),
        "{stdout}"
    );
    assert!(
        stdout.contains("no-claim mark by tester is fuzzy"),
        "{stdout}"
    );
    assert_eq!(desk.sidecar(), before, "`check` never rewrites the sidecar");
    // A mark written without an author (by hand, or another tool) says so.
    let anonymous = before
        .clone()
        .expect("sidecar")
        .replacen("author = \"tester\"\n", "", 1);
    desk.write("report.txt.sidenote.toml", &anonymous);
    let stdout = String::from_utf8_lossy(&desk.run(&["check", "report.txt"]).stdout).into_owned();
    assert!(
        stdout.contains("no-claim mark by (no author) is"),
        "{stdout}"
    );
    // A mark that breaks the format is named.
    let broken = before
        .expect("sidecar")
        .replacen("start = ", "start = 9999", 1);
    desk.write("report.txt.sidenote.toml", &broken);
    let out = desk.run(&["check", "report.txt"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("no_claim mark 1"), "{stdout}");
}

/// A sidecar with these `[[no_claim]]` marks: (start, end, quote, author).
fn with_marks(marks: &[(usize, usize, &str, &str)]) -> String {
    let mut text = "version = 1\n\n[report]\nfile = \"r.txt\"\nsha256 = \"\"\n".to_owned();
    for (start, end, quote, author) in marks {
        let _ = write!(
            text,
            "\n[[no_claim]]\nstart = {start}\nend = {end}\nquote = \"{quote}\"\nprefix = \"\"\nsuffix = \"\"\nauthor = \"{author}\"\ncreated = 2026-11-24T18:00:00Z\n"
        );
    }
    text
}

fn merge(dir: &Path, base: &str, ours: &str, theirs: &str) -> String {
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).expect("write");
        path
    };
    let (base, ours, theirs) = (write("o", base), write("a", ours), write("b", theirs));
    let out = Command::new(SIDENOTE)
        .arg("merge-driver")
        .args([&base, &ours, &theirs])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    std::fs::read_to_string(ours).expect("merged")
}

#[test]
fn the_merge_driver_keeps_both_sides_marks_once_and_applies_a_removal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let one = (0, 4, "One.", "ana");
    let two = (5, 9, "Two.", "ben");
    let three = (10, 16, "Three.", "ana");
    // Added on both sides: both kept.
    let merged = merge(dir.path(), "", &with_marks(&[one]), &with_marks(&[two]));
    assert!(
        merged.contains("quote = \"One.\"") && merged.contains("quote = \"Two.\""),
        "{merged}"
    );
    // The same mark on both sides: kept once.
    let merged = merge(dir.path(), "", &with_marks(&[one]), &with_marks(&[one]));
    assert_eq!(merged.matches("[[no_claim]]").count(), 1, "{merged}");
    // Removed on their side, untouched on ours: removed; our new mark stays.
    let base = with_marks(&[one, two]);
    let merged = merge(
        dir.path(),
        &base,
        &with_marks(&[one, two, three]),
        &with_marks(&[two]),
    );
    assert!(!merged.contains("quote = \"One.\""), "{merged}");
    assert!(
        merged.contains("quote = \"Two.\"") && merged.contains("quote = \"Three.\""),
        "{merged}"
    );
    // Removed on our side: stays removed.
    let merged = merge(dir.path(), &base, &with_marks(&[two]), &base);
    assert_eq!(merged.matches("[[no_claim]]").count(), 1, "{merged}");
    assert!(merged.contains("quote = \"Two.\""), "{merged}");
}

/// The walk-through of issue 18, as a new user would do it: open a sample, tag a few
/// sentences, mark the rest read, no claim with `-` (jumping with `]`), quit; `stats` then says
/// the report is done.
#[test]
fn a_sample_tagged_and_marked_to_the_end_is_done() {
    use crate::support::pty::Session;
    let desk = Desk::new();
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/samples/harbour-blackout.txt"
    );
    std::fs::copy(sample, desk.path("report.txt")).expect("copy the sample");
    let total = desk.reviewed("report.txt").len();
    let mut reader = Session::start(desk.dir.path(), &["report.txt"]);
    reader.wait_for_status(&format!("sentence 1/{total} · reviewed 0/{total}"));
    // Tag sentences 2 and 4.
    reader.press("j");
    reader.wait_for_status(&format!("sentence 2/{total}"));
    reader.press("s");
    reader.wait_for_status(&format!("reviewed 1/{total}"));
    reader.press("jj");
    reader.wait_for_status(&format!("sentence 4/{total}"));
    reader.press("u");
    reader.wait_for_status(&format!("reviewed 2/{total}"));
    // Back to the top: mark the first sentence, then jump to each sentence left and mark it.
    reader.press("g");
    reader.wait_for_status(&format!("sentence 1/{total}"));
    reader.press("-");
    reader.wait_for_status(&format!("reviewed 3/{total}"));
    // The first sentence's rows carry a dim `·` in the gutter, just inside the article's border.
    reader.wait_until("a no-claim mark in the gutter", |screen| {
        screen
            .lines()
            .nth(1)
            .is_some_and(|row| row.starts_with("│·"))
    });
    for reviewed in 4..=total {
        reader.press("]");
        reader.press("-");
        reader.wait_for_status(&format!("reviewed {reviewed}/{total}"));
    }
    reader.press("]");
    reader.wait_for_status("every sentence that way is reviewed");
    reader.wait_for_status("saved");
    reader.press("q");
    assert_eq!(reader.wait_exit(), 0, "screen:\n{}", reader.screen());
    drop(reader);
    let stats = desk.stats();
    let report = &stats["reports"][0];
    assert_eq!(report["report"], "report.txt");
    assert_eq!(report["reviewed"], total);
    assert_eq!(report["claims"], 2);
    assert_eq!(report["done"], true, "{stats}");
    assert_eq!(stats["total"]["done"], 1);
    assert!(desk.reviewed("report.txt").iter().all(|r| *r));
}

#[test]
fn suggest_apply_leaves_a_sentence_marked_no_claim_alone() {
    let desk = Desk::new();
    desk.ok(&["tag", "report.txt", "4", "--no-claim"]);
    let applied = desk.ok(&["suggest", "report.txt", "--apply"]);
    assert_eq!(applied.trim(), "2 suggestion(s) accepted", "{applied}");
    let statuses: Vec<Value> = desk
        .ok(&["sentences", "report.txt", "--format", "jsonl"])
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).expect("row")["status"].clone())
        .collect();
    assert!(statuses[3].is_null(), "the marked sentence: {statuses:?}");
    assert!(
        statuses[2].is_string() && statuses[4].is_string(),
        "{statuses:?}"
    );
    let sidecar = desk.sidecar().expect("sidecar");
    assert_eq!(sidecar.matches("[[no_claim]]").count(), 1, "{sidecar}");
}

/// The review table: the gauge counts marks and says `done`; `]` shows only unfinished reports.
#[test]
fn the_review_gauge_says_done_and_the_table_filters_to_unfinished_reports() {
    use ratatui::{Terminal, backend::TestBackend};
    use sidenote::config::Config;
    use sidenote::config::keys::Action;
    use sidenote::corpus::Reviewed;
    use sidenote::tui::review::{Review, update};

    let desk = Desk::new();
    desk.write(
        "other.txt",
        "Nothing was decided at the meeting on Friday.\n",
    );
    for n in ["3", "4", "5"] {
        desk.ok(&["tag", "report.txt", n, "--no-claim"]);
    }
    let config = Config {
        color: false,
        ..Config::default()
    };
    let mut review = Review::new(desk.path(""), config);
    review.scan_found(2);
    for name in ["other.txt", "report.txt"] {
        let mut report = Reviewed::load(&desk.path(name)).expect("loads");
        report.path = name.into();
        review.scanned(Ok(report));
    }
    review.scan_done();
    let screen = |review: &Review| {
        let mut terminal = Terminal::new(TestBackend::new(120, 12)).expect("terminal");
        terminal
            .draw(|frame| sidenote::tui::review::ui::draw(frame, review))
            .expect("draws");
        crate::support::rows(terminal.backend().buffer())
    };
    let rows = screen(&review);
    let row = |rows: &[String], name: &str| {
        rows.iter()
            .find(|r| r.contains(name))
            .cloned()
            .unwrap_or_default()
    };
    // report.txt: 3 of 5 sentences reviewed (the heading and byline are no claims): done.
    assert!(
        row(&rows, "report.txt").contains("██████░░░░done"),
        "{rows:#?}"
    );
    assert!(
        row(&rows, "other.txt").contains("░░░░░░░░░░  0%"),
        "{rows:#?}"
    );
    update(&mut review, Action::NextUntagged);
    let rows = screen(&review);
    assert!(
        rows.iter()
            .any(|r| r.contains("1 of 2 reports, unfinished only")),
        "{rows:#?}"
    );
    assert!(row(&rows, "report.txt").is_empty(), "{rows:#?}");
    assert!(!row(&rows, "other.txt").is_empty(), "{rows:#?}");
}
