//! Tests of the seams where the no-claim marks (issue 18) and the undoable, three-way merged
//! dismissals (issue 17) meet: one undo history, one save, one merge with the disk, one
//! replaced report, one filter cycle.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::time::Duration;

use super::super::saver::Saver;
use super::super::*;
use crate::annotate::{Dismissed, NoClaim, now};
use crate::report::Encoding;
use crate::tui::events::{Input, Workers};

const TEXT: &str = "The minister said the port would reopen on Monday. \
The cost is unknown. Officials said repairs were done. \
A spokesman for the operator said the cranes were safe. Critics disagree.";

fn report() -> Report {
    Report::from_text(
        Path::new("report.txt"),
        TEXT.to_owned(),
        Encoding::Utf8,
        "hash".into(),
    )
}

fn app_with(sidecar: Option<Sidecar>) -> App {
    let config = Config {
        author: "tester".to_owned(),
        ..Config::default()
    };
    let mut app = App::new(report(), sidecar, config, None);
    update(&mut app, Action::Resize(120, 30));
    app
}

fn app() -> App {
    app_with(None)
}

fn at(app: &mut App, n: usize) {
    app.go_to_byte(app.sentence(n).start);
    assert_eq!(app.cursor, n);
}

/// The sentences with a suggestion waiting; the tests need two.
fn suggested(app: &App) -> (usize, usize) {
    let pending: Vec<usize> = (0..app.report.sentences.len())
        .filter(|&n| app.pending_suggestion(n).is_some())
        .collect();
    assert!(pending.len() >= 2, "two suggestions: {pending:?}");
    (pending[0], pending[1])
}

/// A sentence other than the two of [`suggested`].
fn plain(app: &App) -> usize {
    let (a, b) = suggested(app);
    (0..app.report.sentences.len())
        .rfind(|&n| n != a && n != b)
        .expect("a third sentence")
}

/// The sentences of the marks, in order.
fn marked(app: &App) -> Vec<usize> {
    let mut list: Vec<usize> = app
        .sidecar
        .no_claim
        .iter()
        .filter_map(|m| m.sentence(&app.report))
        .collect();
    list.sort_unstable();
    list
}

fn claimed(app: &App) -> Vec<usize> {
    let mut list: Vec<usize> = app
        .sidecar
        .claims
        .iter()
        .filter_map(|c| c.byte_span(&app.report))
        .map(|s| app.report.sentence_at(s.start))
        .collect();
    list.sort_unstable();
    list
}

fn dismissed(app: &App) -> Vec<usize> {
    app.dismissed_sentences()
}

fn mark(report: &Report, n: usize, author: &str) -> NoClaim {
    NoClaim::new(report, report.sentences[n].clone(), author, now())
}

fn dismissal(report: &Report, n: usize) -> Dismissed {
    let mut sidecar = Sidecar::new(report);
    sidecar.dismiss(report, &report.sentences[n]);
    sidecar.dismissed.remove(0)
}

#[test]
fn tagging_a_marked_suggested_sentence_undoes_and_redoes_as_one_edit() {
    let mut app = app();
    let (a, _) = suggested(&app);
    at(&mut app, a);
    assert_eq!(update(&mut app, Action::MarkNoClaim), Some(Effect::Save));
    assert_eq!(marked(&app), [a]);
    // A sentence read with nothing to claim has no pending suggestion: `y` takes nothing.
    assert_eq!(update(&mut app, Action::AcceptSuggestion), None);
    assert_eq!(marked(&app), [a]);
    assert!(claimed(&app).is_empty());
    // Tagging it does: one edit that makes the claim and takes the mark away.
    assert_eq!(update(&mut app, Action::Tag(0)), Some(Effect::Save));
    assert_eq!(claimed(&app), [a]);
    assert!(marked(&app).is_empty(), "the claim replaces the mark");
    // One undo takes back both halves: the claim goes, the mark comes back.
    update(&mut app, Action::FirstSentence);
    assert_eq!(update(&mut app, Action::Undo), Some(Effect::Save));
    assert!(claimed(&app).is_empty());
    assert_eq!(marked(&app), [a], "the mark is back with the same undo");
    assert!(app.is_reviewed(a));
    // One redo puts both back.
    assert_eq!(update(&mut app, Action::Redo), Some(Effect::Save));
    assert_eq!(claimed(&app), [a]);
    assert!(marked(&app).is_empty());
    // Two undos reach the state before the mark.
    update(&mut app, Action::Undo);
    update(&mut app, Action::Undo);
    assert!(claimed(&app).is_empty() && marked(&app).is_empty());
    assert!(!app.is_reviewed(a));
    assert_eq!(app.save_state, SaveState::Pending);
}

#[test]
fn tagging_a_marked_sentence_and_marking_a_tagged_one_undo_each_way() {
    let mut app = app();
    let n = plain(&app);
    at(&mut app, n);
    update(&mut app, Action::MarkNoClaim);
    update(&mut app, Action::Tag(0));
    assert_eq!((claimed(&app), marked(&app)), (vec![n], vec![]));
    // `-` on the tagged sentence replaces the claim with a mark.
    update(&mut app, Action::MarkNoClaim);
    assert_eq!((claimed(&app), marked(&app)), (vec![], vec![n]));
    update(&mut app, Action::Undo);
    assert_eq!((claimed(&app), marked(&app)), (vec![n], vec![]));
    update(&mut app, Action::Undo);
    assert_eq!((claimed(&app), marked(&app)), (vec![], vec![n]));
    update(&mut app, Action::Redo);
    assert_eq!((claimed(&app), marked(&app)), (vec![n], vec![]));
    update(&mut app, Action::Redo);
    assert_eq!((claimed(&app), marked(&app)), (vec![], vec![n]));
    assert_eq!(app.message.as_deref(), Some("redone"));
}

#[test]
fn dismissing_then_marking_undo_and_redo_one_at_a_time() {
    let mut app = app();
    let (_, b) = suggested(&app);
    at(&mut app, b);
    assert_eq!(
        update(&mut app, Action::DismissSuggestion),
        Some(Effect::Save)
    );
    update(&mut app, Action::MarkNoClaim);
    assert_eq!((dismissed(&app), marked(&app)), (vec![b], vec![b]));
    // The mark goes first; the dismissal stays.
    update(&mut app, Action::FirstSentence);
    update(&mut app, Action::Undo);
    assert_eq!((dismissed(&app), marked(&app)), (vec![b], vec![]));
    assert_eq!(app.message.as_deref(), Some("undone"));
    // Then the dismissal: the suggestion is back, under the cursor.
    update(&mut app, Action::Undo);
    assert_eq!((dismissed(&app), marked(&app)), (vec![], vec![]));
    assert_eq!(app.cursor, b);
    assert!(app.pending_suggestion(b).is_some());
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("suggestion is back")
    );
    update(&mut app, Action::Redo);
    assert_eq!((dismissed(&app), marked(&app)), (vec![b], vec![]));
    update(&mut app, Action::Redo);
    assert_eq!((dismissed(&app), marked(&app)), (vec![b], vec![b]));
    assert_eq!(update(&mut app, Action::Redo), None);
    assert_eq!(app.message.as_deref(), Some("nothing to redo"));
}

/// Runs `during` while a save of `app` is in flight, then takes the save's end in; what
/// `finish` asked for.
fn save_while(
    app: &mut App,
    path: &Path,
    during: impl FnOnce(&mut App),
) -> (Option<Effect>, Saver, Workers) {
    let workers = Workers::default();
    let mut saver = Saver::new(path.to_path_buf(), &workers);
    saver.start(app, Duration::from_secs(1));
    during(app);
    saver.start(app, Duration::from_secs(1));
    let Some(Input::Saved(outcome)) = workers.next() else {
        panic!("the save's end comes as news")
    };
    let next = saver.finish(app, *outcome, &mut None);
    (next, saver, workers)
}

#[test]
fn a_mark_and_a_dismissal_made_while_saving_are_both_kept_and_saved_next() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.txt.sidenote.toml");
    let mut app = app();
    let (a, b) = suggested(&app);
    let n = plain(&app);
    at(&mut app, n);
    update(&mut app, Action::Tag(0));
    let (next, mut saver, workers) = save_while(&mut app, &path, |app| {
        at(app, a);
        update(app, Action::MarkNoClaim);
        at(app, b);
        update(app, Action::DismissSuggestion);
    });
    assert_eq!(next, Some(Effect::Save), "the later edits are saved next");
    assert_eq!(app.save_state, SaveState::Pending);
    assert_eq!(
        (claimed(&app), marked(&app), dismissed(&app)),
        (vec![n], vec![a], vec![b]),
        "nothing lost in memory"
    );
    let disk = Sidecar::load(&path).unwrap().unwrap();
    assert_eq!((disk.claims.len(), disk.no_claim.len()), (1, 0));
    saver.start(&mut app, Duration::from_secs(1));
    assert!(saver.wait(&mut app, &mut None, &workers));
    assert_eq!(app.save_state, SaveState::Saved);
    let disk = Sidecar::load(&path).unwrap().unwrap();
    assert_eq!(disk.claims.len(), 1);
    assert_eq!(disk.no_claim.len(), 1, "the mark reached the disk");
    assert_eq!(disk.dismissed.len(), 1, "the dismissal reached the disk");
    // Undo still knows both edits.
    update(&mut app, Action::Undo);
    update(&mut app, Action::Undo);
    assert!(marked(&app).is_empty() && dismissed(&app).is_empty());
    assert_eq!(claimed(&app), [n]);
}

#[test]
fn an_unmark_and_a_restore_made_while_saving_are_not_undone_by_the_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.txt.sidenote.toml");
    let mut app = app();
    let (a, b) = suggested(&app);
    at(&mut app, a);
    update(&mut app, Action::MarkNoClaim);
    at(&mut app, b);
    update(&mut app, Action::DismissSuggestion);
    let (next, _, _) = save_while(&mut app, &path, |app| {
        at(app, a);
        update(app, Action::MarkNoClaim);
        at(app, b);
        update(app, Action::DismissSuggestion);
    });
    assert_eq!(next, Some(Effect::Save));
    assert!(marked(&app).is_empty(), "the unmark stands");
    assert!(dismissed(&app).is_empty(), "the restore stands");
    let disk = Sidecar::load(&path).unwrap().unwrap();
    assert_eq!((disk.no_claim.len(), disk.dismissed.len()), (1, 1));
}

#[test]
fn the_disk_and_we_both_changing_marks_and_dismissals_keeps_all_four() {
    let mut app = app();
    let (a, b) = suggested(&app);
    let n = plain(&app);
    at(&mut app, n);
    update(&mut app, Action::MarkNoClaim);
    at(&mut app, a);
    update(&mut app, Action::DismissSuggestion);
    // Another writer, meanwhile: ben marked b, and b's suggestion was dismissed.
    let report = report();
    let mut disk = Sidecar::new(&report);
    disk.no_claim.push(mark(&report, b, "ben"));
    disk.dismissed.push(dismissal(&report, b));
    assert_eq!(app.disk_changed(Ok(Some(disk.clone()))), Some(Effect::Save));
    let mut marks: Vec<(usize, String)> = app
        .sidecar
        .no_claim
        .iter()
        .map(|m| (m.sentence(&app.report).unwrap(), m.author.clone()))
        .collect();
    marks.sort();
    let mut want = vec![(n, "tester".to_owned()), (b, "ben".to_owned())];
    want.sort();
    assert_eq!(marks, want);
    let mut both = vec![a, b];
    both.sort_unstable();
    assert_eq!(dismissed(&app), both);
    assert_eq!(app.save_state, SaveState::Pending);
    let message = app.message.clone().unwrap();
    assert!(!message.contains("nothing new"), "{message}");
    assert!(message.contains("mark"), "{message}");
    assert!(message.contains("dismiss"), "{message}");
    // The next save, over that disk, writes the union.
    let (written, _) = app.merge_with_disk(Some(disk));
    assert_eq!((written.no_claim.len(), written.dismissed.len()), (2, 2));
}

#[test]
fn marks_alone_changed_on_disk_are_named_not_called_nothing_new() {
    let mut app = app();
    let report = report();
    let mut disk = Sidecar::new(&report);
    disk.no_claim.push(mark(&report, 1, "ben"));
    assert_eq!(app.disk_changed(Ok(Some(disk.clone()))), None);
    assert_eq!(marked(&app), [1]);
    let message = app.message.clone().unwrap();
    assert!(!message.contains("nothing new"), "{message}");
    assert!(message.contains("1 no-claim mark"), "{message}");
    // A dismissal alone, likewise.
    disk.dismissed.push(dismissal(&report, 2));
    app.message = None;
    assert_eq!(app.disk_changed(Ok(Some(disk.clone()))), None);
    let message = app.message.clone().unwrap();
    assert!(message.contains("1 dismissed suggestion"), "{message}");
    // The same file again: nothing new now, even with an old message on the line.
    app.message = Some("marked read, no claim".to_owned());
    assert_eq!(app.disk_changed(Ok(Some(disk))), None);
    assert_eq!(
        app.message.as_deref(),
        Some("the sidecar changed on disk; nothing new to take in")
    );
}

#[test]
fn a_deleted_sidecar_that_held_only_dismissals_keeps_them() {
    let report = report();
    let mut sidecar = Sidecar::new(&report);
    sidecar.dismissed.push(dismissal(&report, 2));
    let mut app = app_with(Some(sidecar));
    assert_eq!(dismissed(&app), [2]);
    app.disk_changed(Ok(None));
    assert_eq!(dismissed(&app), [2], "not taken as restored elsewhere");
    let message = app.message.clone().unwrap();
    assert!(message.contains("deleted elsewhere"), "{message}");
    // Written again with the next change.
    let (written, _) = app.merge_with_disk(None);
    assert_eq!(written.dismissed.len(), 1);
}

#[test]
fn a_replaced_report_keeps_marks_dismissals_corroboration_sources_and_unsaved_work() {
    let report = report();
    let mut sidecar = Sidecar::new(&report);
    sidecar.no_claim.push(mark(&report, 1, "ben"));
    sidecar.dismissed.push(dismissal(&report, 2));
    let mut app = app_with(Some(sidecar.clone()));
    app.folder_sources = vec![("Reuters".to_owned(), 3)];
    app.corroboration.folder = Some(std::path::PathBuf::from("folder"));
    // A save failed (another writer held the lock): the claim waits to be written.
    update(&mut app, Action::Tag(0));
    app.saved(Err("locked".to_owned()));
    at(&mut app, 3);
    // The report gains a heading: everything moves down one sentence.
    let moved = Report::from_text(
        Path::new("report.txt"),
        format!("Port Reopens\n\n{TEXT}"),
        Encoding::Utf8,
        "new".into(),
    );
    app.report_replaced(moved);
    assert_eq!(
        app.cursor, 4,
        "the reader stays at its sentence, moved down one"
    );
    assert_eq!(marked(&app), [2], "the mark followed its text");
    assert_eq!(dismissed(&app), [3]);
    assert_eq!(app.folder_sources, [("Reuters".to_owned(), 3)]);
    assert_eq!(
        app.corroboration.folder,
        Some(std::path::PathBuf::from("folder"))
    );
    assert!(
        matches!(app.save_state, SaveState::Failed(_) | SaveState::Pending),
        "the unsaved claim is still due to be written: {:?}",
        app.save_state
    );
    // The bases moved too: merging with the old sidecar on disk takes nothing back.
    let (written, merged) = app.merge_with_disk(Some(sidecar));
    assert_eq!(merged.conflicts, 0);
    assert_eq!(written.no_claim.len(), 1);
    assert_eq!(written.dismissed.len(), 1, "the dismissal is not restored");
    assert_eq!(written.claims.len(), 1);
}

fn labelled(app: &mut App, n: usize, tag: usize, labels: &[&str]) {
    at(app, n);
    update(app, Action::Tag(tag));
    let i = app
        .sidecar
        .claims
        .iter()
        .position(|c| c.byte_span(&app.report) == Some(app.sentence(n)))
        .unwrap();
    app.sidecar.claims[i].labels = labels.iter().map(|&l| l.to_owned()).collect();
    app.refresh_claims();
}

/// Where the filter is: the tag, the label, or the dismissed list.
fn step(app: &mut App) -> (Option<usize>, Option<String>, bool) {
    update(app, Action::CycleFilter);
    (app.filter, app.label_filter.clone(), app.dismissed_view)
}

#[test]
fn the_filter_cycles_tags_labels_dismissals_then_all() {
    let mut app = app();
    let (a, b) = suggested(&app);
    at(&mut app, b);
    update(&mut app, Action::DismissSuggestion);
    labelled(&mut app, a, 0, &["port", "Cost"]);
    let tags = app.config.tags.len();
    for i in 0..tags {
        assert_eq!(step(&mut app), (Some(i), None, false), "tag {i}");
    }
    assert_eq!(step(&mut app), (None, Some("Cost".to_owned()), false));
    let message = app.message.clone().unwrap();
    assert!(message.contains("#Cost"), "{message}");
    assert!(
        message.contains("dismissed"),
        "the dismissed list comes before all: {message}"
    );
    assert_eq!(step(&mut app), (None, Some("port".to_owned()), false));
    assert_eq!(step(&mut app), (None, None, true));
    assert!(app.message.as_deref().unwrap().contains("1 dismissed"));
    assert_eq!(step(&mut app), (None, None, false), "then all, and round");
    assert_eq!(step(&mut app), (Some(0), None, false));
}

#[test]
fn the_filter_skips_the_steps_with_nothing_to_show() {
    // No labels, no dismissals: the tags, then all.
    let mut app = app();
    let n = plain(&app);
    at(&mut app, n);
    update(&mut app, Action::Tag(0));
    let tags = app.config.tags.len();
    for i in 0..tags {
        assert_eq!(step(&mut app), (Some(i), None, false));
    }
    assert_eq!(step(&mut app), (None, None, false));
    // A label, no dismissal: the message promises no dismissed list.
    labelled(&mut app, n, 0, &["port"]);
    for _ in 0..tags {
        step(&mut app);
    }
    assert_eq!(step(&mut app), (None, Some("port".to_owned()), false));
    let message = app.message.clone().unwrap();
    assert!(message.ends_with("next label, then all)"), "{message}");
    assert_eq!(step(&mut app), (None, None, false));
    // Dismissals, no label: the tags, the dismissed list, then all.
    let mut app = app_with(None);
    let (_, b) = suggested(&app);
    at(&mut app, b);
    update(&mut app, Action::DismissSuggestion);
    for i in 0..tags {
        assert_eq!(step(&mut app), (Some(i), None, false));
    }
    assert_eq!(step(&mut app), (None, None, true));
    assert_eq!(step(&mut app), (None, None, false));
}

/// The screen drawn at `width` columns, row by row.
fn screen(app: &mut App, width: u16) -> Vec<String> {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let height = 20;
    update(app, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| crate::tui::reader::ui::draw(frame, app))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

/// The two gutter cells before the row that starts with `text`, at 200 columns.
fn gutter_of(app: &mut App, text: &str) -> String {
    let rows = screen(app, 200);
    let row = rows
        .iter()
        .find(|row| row.contains(text))
        .unwrap_or_else(|| panic!("no row with {text:?}: {rows:#?}"));
    let before: Vec<char> = row[..row.find(text).unwrap()].chars().collect();
    before[before.len() - 2..].iter().collect()
}

#[test]
fn a_claim_a_mark_and_a_suggestion_on_one_row_show_in_the_gutter() {
    use super::super::marks::SentenceMark;
    let mut app = app();
    let first = "The minister said";
    // The first row at 200 columns: where the first four sentences start.
    screen(&mut app, 200);
    let row = app.doc.rows[app.doc.row_of(app.sentence(0).start)].clone();
    assert_eq!(app.sentences_on_row(&row), [0, 1, 2, 3], "{row:?}");
    let suggested = app.pending_suggestion(2).expect("sentence 2 is suggested");
    let status = suggested.status().unwrap().to_owned();
    let tag = app.config.tags[0].name.clone();
    let letter = app.config.tags[0].key.label();
    // Marks on 0, 1 and 3 (a mark stands over a suggestion), a suggestion on 2: one cell each
    // kind, in order.
    for n in [0, 1, 3] {
        at(&mut app, n);
        update(&mut app, Action::MarkNoClaim);
    }
    assert_eq!(
        app.row_marks(&row),
        [SentenceMark::Reviewed, SentenceMark::Suggested(&status)]
    );
    assert_eq!(gutter_of(&mut app, first), "·◌");
    // A claim on 0 replaces its mark: three kinds on the row, the first and `+`.
    at(&mut app, 0);
    update(&mut app, Action::Tag(0));
    assert_eq!(
        app.row_marks(&row),
        [
            SentenceMark::Tagged(&tag),
            SentenceMark::Reviewed,
            SentenceMark::Suggested(&status)
        ]
    );
    assert_eq!(gutter_of(&mut app, first), format!("{letter}+"));
    // Sentence 2 marked too: the claim and the mark.
    at(&mut app, 2);
    update(&mut app, Action::MarkNoClaim);
    assert_eq!(gutter_of(&mut app, first), format!("{letter}·"));
    // Undone: the suggestion is back beside them.
    update(&mut app, Action::Undo);
    assert_eq!(gutter_of(&mut app, first), format!("{letter}+"));
}

/// The status bar at `width` columns.
fn status(app: &mut App, width: u16) -> String {
    screen(app, width).pop().unwrap()
}

#[test]
fn the_status_bar_at_40_60_80_and_120_columns_with_a_message() {
    let mut app = app();
    at(&mut app, 1);
    update(&mut app, Action::MarkNoClaim);
    app.save_state = SaveState::Saved;
    let message = "marked read, no claim";
    for width in [40, 60, 80, 120] {
        app.message = Some(message.to_owned());
        let bar = status(&mut app, width);
        assert_eq!(bar.chars().count(), usize::from(width));
        // The sentence number and the save state always stay; the message is news: it shows.
        assert!(bar.contains("2/5"), "{width}: {bar}");
        assert!(bar.contains("saved"), "{width}: {bar}");
        assert!(bar.contains("marked read"), "{width}: {bar}");
        assert!(
            !bar.contains("claims"),
            "a message stands for the counts: {bar}"
        );
    }
    let wide = status(&mut app, 120);
    assert!(
        wide.contains("report.txt  sentence 2/5 · reviewed 1/5  marked read, no claim")
            && wide.trim_end().ends_with("saved  ? help"),
        "{wide}"
    );
    // At 80 all of it fits too; narrower, the help goes, then the progress, the position's
    // word, the file name; the message stays whole.
    let eighty = status(&mut app, 80);
    assert!(
        eighty.contains("reviewed 1/5") && eighty.contains("? help"),
        "{eighty}"
    );
    let sixty = status(&mut app, 60);
    assert!(
        sixty.contains("report.txt  sentence 2/5  marked read, no claim")
            && !sixty.contains("help")
            && !sixty.contains("reviewed"),
        "{sixty}"
    );
    let forty = status(&mut app, 40);
    assert!(
        forty.starts_with(" 2/5  marked read, no claim") && !forty.contains("report"),
        "{forty}"
    );
    // No message: the counts.
    app.message = None;
    assert!(status(&mut app, 120).contains("0 claims"));
}

#[test]
fn the_status_bar_shows_indexing_progress_until_a_message_comes() {
    let mut app = app();
    app.indexed = Some(42);
    app.message = None;
    for width in [60, 80, 120] {
        let bar = status(&mut app, width);
        assert!(bar.contains("indexing 42%"), "{width}: {bar}");
        assert!(!bar.contains("claim"), "{width}: {bar}");
    }
    // At 40 the bar keeps the position over the progress line, cut at the row's end.
    let forty = status(&mut app, 40);
    assert!(forty.contains("1/5"), "{forty}");
    app.message = Some("marked read, no claim".to_owned());
    let bar = status(&mut app, 120);
    assert!(
        bar.contains("marked read") && !bar.contains("indexing"),
        "{bar}"
    );
}

#[test]
fn the_status_bar_names_the_rebound_help_key_or_none() {
    let config = Config::from_str_with_defaults(
        "author = \"tester\"\n[keys]\n\"f1\" = \"help\"\n\"?\" = \"none\"\n",
        Path::new("c.toml"),
    )
    .unwrap();
    let mut app = App::new(report(), None, config, None);
    let key = app.config.keys.key_name(Action::Help);
    let bar = status(&mut app, 120);
    assert!(bar.trim_end().ends_with(&format!("{key} help")), "{bar}");
    assert!(!bar.contains("? help"), "{bar}");
    // Unbound: the bar does not advertise a help key it cannot name.
    let config = Config::from_str_with_defaults(
        "author = \"tester\"\n[keys]\n\"?\" = \"none\"\n",
        Path::new("c.toml"),
    )
    .unwrap();
    let mut app = App::new(report(), None, config, None);
    let bar = status(&mut app, 120);
    assert!(!bar.contains("help"), "{bar}");
}

#[test]
fn the_editors_hint_gives_way_to_fit_its_width() {
    use crate::tui::reader::help::editor_hint;
    let keys = &Config::default().keys;
    let full = editor_hint(keys, 200);
    assert!(
        full.contains("field") && full.contains("save/newline") && full.contains("$EDITOR"),
        "{full}"
    );
    // Each narrower width drops the least needed hint first; every hint fits when one can.
    let shortest = editor_hint(keys, 0);
    let mut last = full.clone();
    let mut shown = vec![full.clone()];
    for width in (0..=full.chars().count()).rev() {
        let hint = editor_hint(keys, width);
        assert!(
            hint.chars().count() <= last.chars().count(),
            "{width}: {hint}"
        );
        if width >= shortest.chars().count() {
            assert!(hint.chars().count() <= width, "{width}: {hint}");
        }
        assert!(
            hint.contains("save") && hint.contains("cancel"),
            "{width}: {hint}"
        );
        if hint != last {
            shown.push(hint.clone());
        }
        last = hint;
    }
    assert_eq!(shown.len(), 4, "four steps: {shown:#?}");
    assert!(!shown[1].contains("save/newline") && shown[1].contains("$EDITOR"));
    assert!(!shown[2].contains("$EDITOR") && shown[2].contains("field"));
    assert!(
        !last.contains("field") && !last.contains("$EDITOR"),
        "{last}"
    );
    // Rebound keys are named as bound, at every width.
    let config = Config::from_str_with_defaults(
        "[keys.editor]\n\"esc\" = \"none\"\n\"ctrl-c\" = \"none\"\n\"ctrl-g\" = \"cancel\"\n",
        Path::new("c.toml"),
    )
    .unwrap();
    for width in [200, 40, 0] {
        let hint = editor_hint(&config.keys, width).to_lowercase();
        assert!(hint.contains("ctrl-g cancel"), "{width}: {hint}");
    }
}

#[test]
fn undoing_a_dismissal_restored_elsewhere_says_so_of_the_suggestion() {
    let mut app = app();
    let (a, _) = suggested(&app);
    at(&mut app, a);
    update(&mut app, Action::DismissSuggestion);
    // Saved; then another writer brought the suggestion back.
    let (written, merged) = app.merge_with_disk(None);
    app.saved(Ok((written.clone(), merged)));
    let mut theirs = written;
    theirs.dismissed.clear();
    app.disk_changed(Ok(Some(theirs)));
    assert!(dismissed(&app).is_empty(), "the restore is taken in");
    assert_eq!(update(&mut app, Action::Undo), None);
    let message = app.message.clone().unwrap();
    assert!(
        message.starts_with("cannot undo that: the suggestion was dismissed or brought back"),
        "{message}"
    );
}

#[test]
fn a_save_that_takes_in_another_writers_mark_and_dismissal_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.txt.sidenote.toml");
    let mut app = app();
    let (a, b) = suggested(&app);
    // Another writer saved first: ben's mark on a, and b's suggestion dismissed.
    let report = report();
    let mut disk = Sidecar::new(&report);
    disk.no_claim.push(mark(&report, a, "ben"));
    disk.dismissed.push(dismissal(&report, b));
    std::fs::write(&path, disk.to_toml().unwrap()).unwrap();
    let n = plain(&app);
    at(&mut app, n);
    update(&mut app, Action::Tag(0));
    let (next, _, _) = save_while(&mut app, &path, |_| {});
    assert_eq!(next, None);
    assert_eq!(app.save_state, SaveState::Saved);
    assert_eq!((marked(&app), dismissed(&app)), (vec![a], vec![b]));
    let message = app.message.clone().unwrap();
    assert!(
        message.contains("1 no-claim mark(s)") && message.contains("1 dismissed suggestion(s)"),
        "{message}"
    );
    // Our own save alone takes nothing in: no such words.
    at(&mut app, n);
    update(&mut app, Action::MarkNoClaim);
    app.message = None;
    save_while(&mut app, &path, |_| {});
    assert!(
        !app.message.as_deref().unwrap_or("").contains("took in"),
        "{:?}",
        app.message
    );
}
