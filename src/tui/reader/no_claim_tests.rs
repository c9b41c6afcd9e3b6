//! `update` tests of "read, no claim": the key, its toggle, tagging over a mark, `x`, undo, a
//! selection, `]`/`[`, the progress count, and merging marks with the sidecar on disk.

use std::path::Path;

use super::super::*;
use crate::annotate::NoClaim;
use crate::report::Encoding;

/// A heading, then six sentences.
const TEXT: &str = "Port Reopens\n\nThe minister said the port would reopen. Officials said repairs were done. \
The cost is unknown. Critics disagree.\n\nA second paragraph follows here. It ends the report.";

fn report() -> Report {
    Report::from_text(
        Path::new("report.txt"),
        TEXT.to_owned(),
        Encoding::Utf8,
        "hash".into(),
    )
}

fn app_with(sidecar: Option<Sidecar>) -> App {
    let mut config = Config {
        author: "tester".to_owned(),
        ..Config::default()
    };
    config.suggest.enabled = false;
    let mut app = App::new(report(), sidecar, config, None);
    update(&mut app, Action::Resize(120, 30));
    app
}

fn app() -> App {
    app_with(None)
}

/// (start sentence, author) of each mark.
fn marks(app: &App) -> Vec<(usize, String)> {
    app.sidecar
        .no_claim
        .iter()
        .map(|m| {
            (
                m.sentence(&app.report).unwrap_or(usize::MAX),
                m.author.clone(),
            )
        })
        .collect()
}

fn at(app: &mut App, n: usize) {
    update(app, Action::FirstSentence);
    for _ in 0..n {
        update(app, Action::NextSentence);
    }
}

#[test]
fn the_key_marks_the_sentence_and_again_unmarks_it() {
    let mut app = app();
    at(&mut app, 2);
    assert!(!app.is_reviewed(2));
    assert_eq!(update(&mut app, Action::MarkNoClaim), Some(Effect::Save));
    assert_eq!(marks(&app), [(2, "tester".to_owned())]);
    assert!(app.is_reviewed(2));
    assert_eq!(app.reviewed_count(), (1, 7));
    assert_eq!(app.message.as_deref(), Some("marked read, no claim"));
    let mark = &app.sidecar.no_claim[0];
    assert_eq!(mark.quote, "Officials said repairs were done.");
    assert!(app.sidecar.claims.is_empty(), "a mark is no claim");
    // The same key again: the mark is gone.
    assert_eq!(update(&mut app, Action::MarkNoClaim), Some(Effect::Save));
    assert!(marks(&app).is_empty());
    assert!(!app.is_reviewed(2));
    assert!(app.message.as_deref().unwrap_or("").starts_with("unmarked"));
    // The default key is `-`, and the help lists it.
    let keys = app.config.keys.keys_for(Action::MarkNoClaim);
    assert_eq!(keys, ["-"]);
    assert!(
        app.config
            .keys
            .help_rows()
            .iter()
            .any(|(k, line)| k == "-" && line.contains("read, no claim"))
    );
}

#[test]
fn tagging_replaces_the_mark_and_marking_replaces_the_own_claim() {
    let mut app = app();
    at(&mut app, 3);
    update(&mut app, Action::MarkNoClaim);
    update(&mut app, Action::Tag(1));
    assert!(marks(&app).is_empty(), "the tag replaced the mark");
    assert_eq!(app.sidecar.claims.len(), 1);
    assert!(app.is_reviewed(3), "still reviewed: by the claim");
    // Undo brings the mark back and takes the claim away, in one step.
    update(&mut app, Action::Undo);
    assert!(app.sidecar.claims.is_empty());
    assert_eq!(marks(&app), [(3, "tester".to_owned())]);
    update(&mut app, Action::Redo);
    assert_eq!(app.sidecar.claims.len(), 1);
    assert!(marks(&app).is_empty());
    // Marking a sentence the user tagged replaces the claim; undo restores it.
    update(&mut app, Action::MarkNoClaim);
    assert!(app.sidecar.claims.is_empty());
    assert_eq!(marks(&app), [(3, "tester".to_owned())]);
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("claim(s) there removed"),
        "{:?}",
        app.message
    );
    update(&mut app, Action::Undo);
    assert_eq!(app.sidecar.claims.len(), 1);
    assert!(marks(&app).is_empty());
}

#[test]
fn a_colleagues_claim_or_mark_is_left_alone() {
    let report = report();
    let mut sidecar = Sidecar::new(&report);
    sidecar.claims.push(crate::annotate::Claim::new(
        &report,
        report.sentences[1].clone(),
        "sourced",
        "ben",
        crate::annotate::now(),
    ));
    sidecar.no_claim.push(NoClaim::new(
        &report,
        report.sentences[2].clone(),
        "ben",
        crate::annotate::now(),
    ));
    let mut app = app_with(Some(sidecar));
    assert!(
        app.is_reviewed(1) && app.is_reviewed(2),
        "reviewed by anyone"
    );
    at(&mut app, 1);
    update(&mut app, Action::MarkNoClaim);
    assert_eq!(app.sidecar.claims.len(), 1, "ben's claim stays");
    at(&mut app, 2);
    update(&mut app, Action::MarkNoClaim);
    assert_eq!(
        marks(&app),
        [
            (1, "tester".to_owned()),
            (2, "ben".to_owned()),
            (2, "tester".to_owned())
        ]
    );
    // `x` takes the user's own mark, never ben's.
    assert_eq!(update(&mut app, Action::RemoveClaim), Some(Effect::Save));
    assert_eq!(
        marks(&app),
        [(1, "tester".to_owned()), (2, "ben".to_owned())]
    );
    assert_eq!(update(&mut app, Action::RemoveClaim), None);
    assert_eq!(app.message.as_deref(), Some("no claim here"));
}

#[test]
fn x_and_undo_remove_a_mark() {
    let mut app = app();
    at(&mut app, 4);
    update(&mut app, Action::MarkNoClaim);
    update(&mut app, Action::RemoveClaim);
    assert!(marks(&app).is_empty());
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .starts_with("removed the no-claim mark"),
        "{:?}",
        app.message
    );
    update(&mut app, Action::Undo);
    assert_eq!(marks(&app), [(4, "tester".to_owned())]);
    update(&mut app, Action::Undo);
    assert!(marks(&app).is_empty(), "undoing the mark removes it");
    assert_eq!(app.reviewed_count().0, 0);
}

#[test]
fn a_selection_is_marked_as_one_and_reviews_each_sentence() {
    let mut app = app();
    at(&mut app, 2);
    update(&mut app, Action::ToggleSelect);
    update(&mut app, Action::NextSentence);
    update(&mut app, Action::NextSentence);
    update(&mut app, Action::MarkNoClaim);
    assert_eq!(app.selection, None);
    assert_eq!(app.sidecar.no_claim.len(), 1);
    assert_eq!(
        app.sidecar.no_claim[0].quote,
        "Officials said repairs were done. The cost is unknown. Critics disagree."
    );
    assert_eq!(
        (0..7).map(|n| app.is_reviewed(n)).collect::<Vec<_>>(),
        [false, false, true, true, true, false, false]
    );
    // Tagging one sentence of it replaces the mark there only: the sentences around it, read
    // with it, stay marked (each side its own mark, with the mark's author and time).
    let created = app.sidecar.no_claim[0].created;
    at(&mut app, 3);
    update(&mut app, Action::Tag(0));
    assert_eq!(marks(&app), [(2, "tester".into()), (4, "tester".into())]);
    assert!(app.sidecar.no_claim.iter().all(|m| m.created == created));
    assert_eq!(app.reviewed_count().0, 3, "nothing read is forgotten");
    // Undo puts the mark back whole, in one step with the claim.
    update(&mut app, Action::Undo);
    assert!(app.sidecar.claims.is_empty());
    assert_eq!(app.sidecar.no_claim.len(), 1);
    assert_eq!(
        app.sidecar.no_claim[0].quote,
        "Officials said repairs were done. The cost is unknown. Critics disagree."
    );
    // `-` on its middle sentence takes that sentence out of it, and leaves the rest read.
    at(&mut app, 3);
    update(&mut app, Action::MarkNoClaim);
    assert_eq!(marks(&app), [(2, "tester".into()), (4, "tester".into())]);
    assert!(app.message.as_deref().unwrap_or("").starts_with("unmarked"));
    // `x` on its first sentence likewise.
    at(&mut app, 2);
    assert_eq!(update(&mut app, Action::RemoveClaim), Some(Effect::Save));
    assert_eq!(marks(&app), [(4, "tester".into())]);
    assert_eq!(
        (0..7).map(|n| app.is_reviewed(n)).collect::<Vec<_>>(),
        [false, false, false, false, true, false, false]
    );
}

#[test]
fn triage_skips_reviewed_sentences() {
    let mut app = app();
    at(&mut app, 1);
    update(&mut app, Action::Tag(0));
    at(&mut app, 2);
    update(&mut app, Action::MarkNoClaim);
    at(&mut app, 4);
    update(&mut app, Action::MarkNoClaim);
    update(&mut app, Action::FirstSentence);
    update(&mut app, Action::NextUntagged);
    assert_eq!(app.cursor, 3, "past the claim and the mark");
    update(&mut app, Action::NextUntagged);
    assert_eq!(app.cursor, 5);
    update(&mut app, Action::PrevUntagged);
    assert_eq!(app.cursor, 3);
    update(&mut app, Action::PrevUntagged);
    assert_eq!(app.cursor, 0);
    assert_eq!(app.reviewed_count(), (3, 7));
}

#[test]
fn marks_merge_with_the_sidecar_on_disk() {
    let mut app = app();
    at(&mut app, 2);
    update(&mut app, Action::MarkNoClaim);
    // Another window, meanwhile, marked sentence 5 (as ben) and wrote the sidecar.
    let report = report();
    let mut disk = Sidecar::new(&report);
    disk.no_claim.push(NoClaim::new(
        &report,
        report.sentences[5].clone(),
        "ben",
        crate::annotate::now(),
    ));
    let (written, _) = app.merge_with_disk(Some(disk.clone()));
    assert_eq!(written.no_claim.len(), 2, "both kept");
    app.saved(Ok((written.clone(), app.merge_with_disk(Some(disk)).1)));
    assert_eq!(app.reviewed_count().0, 2);
    // Ours removed now, and the disk still has it: the removal wins the next save.
    at(&mut app, 2);
    update(&mut app, Action::MarkNoClaim);
    let (next, _) = app.merge_with_disk(Some(written.clone()));
    assert_eq!(next.no_claim.len(), 1);
    assert_eq!(next.no_claim[0].author, "ben");
    // The disk changing under us (ben removed his) is taken in, ours kept.
    update(&mut app, Action::MarkNoClaim);
    let mut theirs = written;
    theirs.no_claim.retain(|m| m.author != "ben");
    app.disk_changed(Ok(Some(theirs)));
    assert_eq!(marks(&app), [(2, "tester".to_owned())]);
}

#[test]
fn marks_follow_their_text_when_the_report_changed() {
    // Marked on a report without the heading; opened on the report as it is now.
    let old = Report::from_text(
        Path::new("report.txt"),
        TEXT.replace("Port Reopens\n\n", ""),
        Encoding::Utf8,
        "old".into(),
    );
    let mut sidecar = Sidecar::new(&old);
    sidecar.no_claim.push(NoClaim::new(
        &old,
        old.sentences[2].clone(),
        "tester",
        crate::annotate::now(),
    ));
    let app = app_with(Some(sidecar.clone()));
    assert_eq!(marks(&app), [(3, "tester".to_owned())]);
    assert_eq!(app.sidecar.no_claim[0].quote, "The cost is unknown.");
    assert!(app.is_reviewed(3) && !app.is_reviewed(2));
    // The merge's base moved with it: saving over the old sidecar keeps the mark, moved.
    let (written, _) = app.merge_with_disk(Some(sidecar));
    assert_eq!(written.no_claim, app.sidecar.no_claim);
}
