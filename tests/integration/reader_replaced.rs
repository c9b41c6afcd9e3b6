//! Issue 15 item 8: the reader notices that its report's file was replaced by another (`rm -rf
//! X; mkdir X; cp other.txt X/r.txt`) and treats it as an external change: the claims are
//! re-anchored to the new text, what is not found is kept as orphaned, and the next save writes
//! the new report's hash and quotes, never the old ones.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sidenote::annotate::{Claim, Sidecar, now, sidecar_path};
use sidenote::config::Config;
use sidenote::report::Report;
use sidenote::tui::Input;
use sidenote::tui::reader::App;

const FIRST: &str = "The minister said the port would reopen. Dockers disputed it.\n";
const OTHER: &str =
    "Rain fell on the capital all night. The minister said the port would reopen.\n";

#[test]
fn a_replaced_report_is_re_anchored_and_saved_with_its_own_hash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("x");
    std::fs::create_dir(&folder).expect("mkdir");
    let path = folder.join("r.txt");
    std::fs::write(&path, FIRST).expect("write");
    let report = Report::load(&path).expect("loads");
    let old_sha = report.sha256.clone();
    let mut sidecar = Sidecar::new(&report);
    let minister = report.sentences[0].clone();
    let dockers = report.sentences[1].clone();
    sidecar.add(Claim::new(&report, minister, "sourced", "ed", now()));
    sidecar.add(Claim::new(&report, dockers, "disputed", "ed", now()));
    let sidecar_file = sidecar_path(&path);
    std::fs::write(&sidecar_file, sidecar.to_toml().expect("toml")).expect("sidecar");
    let mut config = Config {
        author: "ed".into(),
        ..Config::default()
    };
    config.suggest.enabled = false;
    let mut app = App::new(report, Some(sidecar), config, None);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");

    // A tick with the report in place, then the folder replaced, then ticks and a tag.
    let mut step = 0;
    let replace = || {
        std::fs::remove_dir_all(&folder).expect("rm -rf");
        std::fs::create_dir(&folder).expect("mkdir");
        std::fs::write(&path, OTHER).expect("cp other");
    };
    let mut replace = Some(replace);
    let events = std::iter::from_fn(|| {
        step += 1;
        if step == 2
            && let Some(replace) = replace.take()
        {
            replace();
        }
        match step {
            1..=3 => Some(Ok(Input::Tick)),
            // The reader stayed at the minister's sentence, found again in the new text (the
            // second): go to the first sentence of the new report and tag it unsourced.
            4 => crate::support::key_events("g").pop(),
            5 => crate::support::key_events("u").pop(),
            _ => None,
        }
    });
    sidenote::tui::run(&mut terminal, &mut app, &sidecar_file, events).expect("runs");

    let message = app.message.clone().unwrap_or_default();
    let text = std::fs::read_to_string(&sidecar_file).expect("the sidecar was written");
    let written: Sidecar = Sidecar::parse(&text, &sidecar_file).expect("parses");
    let new_sha = Report::load(&path).expect("loads").sha256;
    assert_ne!(new_sha, old_sha);
    assert_eq!(
        written.report.sha256, new_sha,
        "the new report's hash: {text}"
    );
    let quotes: Vec<(&str, &str)> = written
        .claims
        .iter()
        .map(|c| (c.status.as_str(), c.quote.as_str()))
        .collect();
    // The minister's sentence is found again in the new text; the dockers' is kept, orphaned;
    // the new tag quotes the new report's first sentence.
    assert!(
        quotes.contains(&("unsourced", "Rain fell on the capital all night.")),
        "{quotes:?} ({message})"
    );
    let minister = written
        .claims
        .iter()
        .find(|c| c.status == "sourced")
        .expect("kept");
    assert_eq!(
        minister.start, 36,
        "moved to its place in the new text: {text}"
    );
    assert!(
        written.claims.iter().any(|c| c.status == "disputed"),
        "the claim not found is kept: {text}"
    );
    assert_eq!(written.claims.len(), 3, "{text}");
}
