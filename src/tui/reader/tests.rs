//! `update` and key-handling tests: plain state in, plain state out.

use std::fmt::Write as _;
use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::report::Encoding;
use crate::tui::reader::find::find_all;

const TEXT: &str = "Port Reopens\n\nThe minister said the port would reopen. Officials said repairs were done. \
The cost is unknown. Critics disagree.\n\nA second paragraph follows here. It ends the report.";

fn app_with(text: &str, sidecar: Option<Sidecar>) -> App {
    let report = Report::from_text(
        Path::new("report.txt"),
        text.to_owned(),
        Encoding::Utf8,
        "hash".into(),
    );
    let mut config = Config {
        author: "tester".to_owned(),
        ..Config::default()
    };
    // Suggestions prefill new claims; their tests are in tests/integration/suggest_screen.rs.
    config.suggest.enabled = false;
    let mut app = App::new(report, sidecar, config, None);
    update(&mut app, Action::Resize(120, 30));
    app
}

fn app() -> App {
    app_with(TEXT, None)
}

fn key(app: &mut App, text: &str) -> Option<Effect> {
    let key = Key::parse(text).expect("valid key");
    app.on_key(KeyEvent::new(key.code, key.modifiers))
}

fn keys(app: &mut App, list: &str) {
    for k in list.split(' ') {
        key(app, k);
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

fn sentence_text(app: &App, n: usize) -> &str {
    &app.report.text[app.sentence(n)]
}

fn statuses(app: &App) -> Vec<(String, String)> {
    app.sidecar
        .claims
        .iter()
        .map(|c| (c.status.clone(), c.quote.clone()))
        .collect()
}

#[test]
fn sentences_are_what_the_tests_assume() {
    let app = app();
    assert_eq!(app.report.sentences.len(), 7);
    assert_eq!(sentence_text(&app, 0), "Port Reopens");
    assert_eq!(sentence_text(&app, 2), "Officials said repairs were done.");
}

#[test]
fn next_and_previous_sentence_stop_at_the_ends() {
    let mut app = app();
    update(&mut app, Action::PrevSentence);
    assert_eq!(app.cursor, 0);
    update(&mut app, Action::NextSentence);
    update(&mut app, Action::NextSentence);
    assert_eq!(app.cursor, 2);
    for _ in 0..20 {
        update(&mut app, Action::NextSentence);
    }
    assert_eq!(app.cursor, 6);
}

#[test]
fn first_and_last_sentence() {
    let mut app = app();
    update(&mut app, Action::LastSentence);
    assert_eq!(app.cursor, 6);
    update(&mut app, Action::FirstSentence);
    assert_eq!(app.cursor, 0);
}

fn long_app() -> App {
    let text = (1..=200).fold(String::new(), |mut text, i| {
        let _ = writeln!(text, "Sentence number {i} is here.");
        text
    });
    app_with(&text, None)
}

#[test]
fn paging_moves_cursor_and_view_together() {
    let mut app = long_app();
    let height = app.view_height();
    update(&mut app, Action::PageDown);
    assert_eq!(app.cursor, height - 2);
    assert_eq!(
        app.scroll,
        height - 2 - SCROLL_MARGIN,
        "the cursor keeps its margin"
    );
    update(&mut app, Action::HalfPageDown);
    assert_eq!(app.cursor, height - 2 + height / 2);
    update(&mut app, Action::HalfPageUp);
    assert_eq!(app.cursor, height - 2);
    update(&mut app, Action::PageUp);
    assert_eq!(app.cursor, 0);
    assert_eq!(app.scroll, 0);
}

#[test]
fn the_view_follows_the_cursor() {
    let mut app = long_app();
    update(&mut app, Action::LastSentence);
    let height = app.view_height();
    assert_eq!(app.scroll, app.doc.rows.len() - height);
    update(&mut app, Action::FirstSentence);
    assert_eq!(app.scroll, 0);
    for _ in 0..height {
        update(&mut app, Action::NextSentence);
    }
    let row = app.doc.row_of(app.sentence(app.cursor).start);
    assert!(
        row >= app.scroll && row < app.scroll + height,
        "cursor row {row} off screen at {}",
        app.scroll
    );
}

#[test]
fn wheel_scrolls_without_moving_the_cursor() {
    let mut app = long_app();
    update(&mut app, Action::ScrollDown);
    assert_eq!((app.scroll, app.cursor), (3, 0));
    update(&mut app, Action::ScrollUp);
    update(&mut app, Action::ScrollUp);
    assert_eq!(app.scroll, 0);
}

#[test]
fn tagging_creates_then_retags_the_claim() {
    let mut app = app();
    update(&mut app, Action::NextSentence);
    assert_eq!(update(&mut app, Action::Tag(0)), Some(Effect::Save));
    assert_eq!(
        statuses(&app),
        vec![(
            "sourced".into(),
            "The minister said the port would reopen.".into()
        )]
    );
    assert_eq!(app.sidecar.claims[0].author, "tester");
    assert_eq!(app.save_state, SaveState::Pending);
    assert_eq!(update(&mut app, Action::Tag(2)), Some(Effect::Save));
    assert_eq!(
        statuses(&app),
        vec![(
            "disputed".into(),
            "The minister said the port would reopen.".into()
        )]
    );
    assert_eq!(
        update(&mut app, Action::Tag(2)),
        None,
        "same tag again changes nothing"
    );
    assert_eq!(app.message.as_deref(), Some("already disputed"));
}

#[test]
fn keystrokes_tag_first_and_third_sentence() {
    let mut app = app();
    keys(&mut app, "s j j u");
    assert_eq!(
        statuses(&app),
        vec![
            ("sourced".into(), "Port Reopens".into()),
            (
                "unsourced".into(),
                "Officials said repairs were done.".into()
            )
        ]
    );
    let second = &app.sidecar.claims[1];
    assert_eq!(
        app.report.byte_range(&(second.start..second.end)),
        Some(app.sentence(2))
    );
}

#[test]
fn removing_a_claim_and_undo_redo() {
    let mut app = app();
    update(&mut app, Action::Tag(1));
    assert_eq!(update(&mut app, Action::RemoveClaim), Some(Effect::Save));
    assert!(app.sidecar.claims.is_empty());
    assert_eq!(update(&mut app, Action::RemoveClaim), None);
    assert_eq!(app.message.as_deref(), Some("no claim here"));
    assert_eq!(update(&mut app, Action::Undo), Some(Effect::Save));
    assert_eq!(
        statuses(&app),
        vec![("unsourced".into(), "Port Reopens".into())]
    );
    update(&mut app, Action::Undo);
    assert!(app.sidecar.claims.is_empty());
    assert_eq!(update(&mut app, Action::Undo), None);
    assert_eq!(app.message.as_deref(), Some("nothing to undo"));
    update(&mut app, Action::Redo);
    update(&mut app, Action::Redo);
    assert!(app.sidecar.claims.is_empty());
    assert_eq!(update(&mut app, Action::Redo), None);
}

#[test]
fn a_new_change_clears_redo() {
    let mut app = app();
    update(&mut app, Action::Tag(0));
    update(&mut app, Action::Undo);
    update(&mut app, Action::Tag(1));
    assert_eq!(update(&mut app, Action::Redo), None);
    assert_eq!(statuses(&app)[0].0, "unsourced");
}

#[test]
fn triage_jumps_to_untagged_sentences() {
    let mut app = app();
    keys(&mut app, "s j s j s");
    update(&mut app, Action::FirstSentence);
    update(&mut app, Action::NextUntagged);
    assert_eq!(app.cursor, 3);
    update(&mut app, Action::PrevUntagged);
    assert_eq!(app.cursor, 3);
    assert_eq!(
        app.message.as_deref(),
        Some("every sentence that way is reviewed")
    );
}

#[test]
fn claim_jumps_go_between_claims_and_select_them() {
    let mut app = app();
    update(&mut app, Action::NextSentence);
    update(&mut app, Action::Tag(0));
    update(&mut app, Action::LastSentence);
    update(&mut app, Action::Tag(1));
    update(&mut app, Action::FirstSentence);
    update(&mut app, Action::NextClaim);
    assert_eq!(app.cursor, 1);
    assert_eq!(app.selected_index(), Some(0));
    update(&mut app, Action::NextClaim);
    assert_eq!(app.cursor, 6);
    assert_eq!(app.selected_index(), Some(1));
    update(&mut app, Action::NextClaim);
    assert_eq!(app.message.as_deref(), Some("no claim after this"));
    update(&mut app, Action::PrevClaim);
    assert_eq!(app.cursor, 1);
}

#[test]
fn selecting_two_sentences_tags_them_as_one_claim() {
    let mut app = app();
    update(&mut app, Action::NextSentence);
    update(&mut app, Action::ToggleSelect);
    update(&mut app, Action::NextSentence);
    update(&mut app, Action::Tag(0));
    assert_eq!(
        statuses(&app),
        vec![(
            "sourced".into(),
            "The minister said the port would reopen. Officials said repairs were done.".into()
        )]
    );
    assert_eq!(app.selection, None);
}

#[test]
fn toggle_select_twice_cancels() {
    let mut app = app();
    update(&mut app, Action::ToggleSelect);
    assert!(app.selection.is_some());
    update(&mut app, Action::ToggleSelect);
    assert!(app.selection.is_none());
}

#[test]
fn words_narrow_a_claim_to_part_of_a_sentence() {
    let mut app = app();
    update(&mut app, Action::NextSentence);
    update(&mut app, Action::StartWordRight);
    update(&mut app, Action::StartWordRight);
    update(&mut app, Action::EndWordLeft);
    update(&mut app, Action::Tag(1));
    assert_eq!(
        statuses(&app),
        vec![("unsourced".into(), "said the port would".into())]
    );
    update(&mut app, Action::StartWordLeft);
    update(&mut app, Action::EndWordRight);
    update(&mut app, Action::Tag(1));
    assert_eq!(
        statuses(&app),
        vec![(
            "unsourced".into(),
            "minister said the port would reopen.".into()
        )],
        "narrowing starts from the claim under the cursor and re-ranges it"
    );
}

#[test]
fn narrowing_never_empties_the_selection() {
    let mut app = app();
    for _ in 0..10 {
        update(&mut app, Action::StartWordRight);
        update(&mut app, Action::EndWordLeft);
    }
    let selection = app.selection.expect("selection");
    assert!(selection.start < selection.end);
}

#[test]
fn cancel_clears_selection_then_search() {
    let mut app = app();
    update(&mut app, Action::ToggleSelect);
    app.search.query = "port".into();
    update(&mut app, Action::Cancel);
    assert!(app.selection.is_none());
    assert_eq!(app.search.query, "port");
    update(&mut app, Action::Cancel);
    assert_eq!(app.search, Search::default());
}

#[test]
fn search_finds_moves_and_wraps() {
    let mut app = app();
    update(&mut app, Action::Search);
    typed(&mut app, "port");
    assert_eq!(
        app.search.matches.len(),
        3,
        "smart case: Port, port and re-port"
    );
    assert_eq!(app.cursor, 0);
    key(&mut app, "enter");
    assert!(matches!(app.overlay, Overlay::None));
    update(&mut app, Action::SearchNext);
    assert_eq!(app.cursor, 1);
    update(&mut app, Action::SearchNext);
    assert_eq!(app.cursor, 6);
    update(&mut app, Action::SearchNext);
    assert_eq!(app.cursor, 0);
    assert_eq!(app.message.as_deref(), Some("search wrapped to the top"));
    update(&mut app, Action::SearchPrev);
    assert_eq!(app.cursor, 6);
    assert_eq!(app.message.as_deref(), Some("search wrapped to the bottom"));
    update(&mut app, Action::SearchPrev);
    assert_eq!(app.cursor, 1);
}

#[test]
fn search_escape_returns_to_where_it_started() {
    let mut app = app();
    update(&mut app, Action::LastSentence);
    update(&mut app, Action::Search);
    typed(&mut app, "minister");
    assert_eq!(app.cursor, 1);
    key(&mut app, "esc");
    assert_eq!(app.cursor, 6);
    assert!(app.search.matches.is_empty());
}

#[test]
fn search_with_a_capital_is_case_sensitive() {
    assert_eq!(find_all("Port port PORT", "port").len(), 3);
    assert_eq!(find_all("Port port PORT", "Port"), vec![0..4]);
    assert_eq!(find_all("café CAFÉ", "café"), vec![0..5, 6..11]);
    assert!(find_all("text", "").is_empty());
}

#[test]
fn search_without_results_says_so() {
    let mut app = app();
    update(&mut app, Action::SearchNext);
    assert_eq!(
        app.message.as_deref(),
        Some("no search yet: press / to search")
    );
    update(&mut app, Action::Search);
    typed(&mut app, "zebra");
    key(&mut app, "enter");
    assert_eq!(app.message.as_deref(), Some("not found: zebra"));
}

#[test]
fn editor_sets_source_note_and_labels() {
    let mut app = app();
    update(&mut app, Action::NextSentence);
    update(&mut app, Action::Tag(0));
    assert_eq!(update(&mut app, Action::EditClaim), None);
    let Overlay::Editor(editor) = &app.overlay else {
        panic!("editor open")
    };
    assert_eq!(editor.field, Field::Source);
    typed(&mut app, "Interior Ministry");
    key(&mut app, "tab");
    key(&mut app, "right");
    key(&mut app, "tab");
    typed(&mut app, "b2");
    key(&mut app, "tab");
    typed(&mut app, "Check the");
    key(&mut app, "enter");
    typed(&mut app, "transcript.");
    key(&mut app, "tab");
    typed(&mut app, "ports, energy");
    for _ in 0..5 {
        key(&mut app, "shift-tab");
    }
    key(&mut app, "right");
    assert_eq!(key(&mut app, "ctrl-s"), Some(Effect::Save));
    let claim = &app.sidecar.claims[0];
    assert_eq!(claim.grade.map(|g| g.to_string()).as_deref(), Some("B2"));
    assert_eq!(claim.status, "unsourced");
    assert_eq!(claim.source.as_deref(), Some("Interior Ministry"));
    assert_eq!(claim.source_kind, Some(crate::annotate::SourceKind::Named));
    assert_eq!(claim.note.as_deref(), Some("Check the\ntranscript."));
    assert_eq!(claim.labels, vec!["ports".to_owned(), "energy".to_owned()]);
    assert!(matches!(app.overlay, Overlay::None));
}

#[test]
fn editor_escape_changes_nothing() {
    let mut app = app();
    update(&mut app, Action::Tag(0));
    update(&mut app, Action::EditClaim);
    typed(&mut app, "someone");
    assert_eq!(key(&mut app, "esc"), None);
    assert_eq!(app.sidecar.claims[0].source, None);
}

#[test]
fn editor_on_an_untagged_sentence_makes_a_new_claim() {
    let mut app = app();
    update(&mut app, Action::NextSentence);
    update(&mut app, Action::EditClaim);
    let Overlay::Editor(editor) = &app.overlay else {
        panic!("editor open")
    };
    assert_eq!((editor.claim.clone(), editor.field), (None, Field::Source));
    key(&mut app, "shift-tab");
    key(&mut app, "o");
    key(&mut app, "tab");
    typed(&mut app, "the minister");
    assert_eq!(key(&mut app, "enter"), Some(Effect::Save));
    assert_eq!(
        statuses(&app),
        vec![(
            "opinion".into(),
            "The minister said the port would reopen.".into()
        )]
    );
    assert_eq!(
        app.sidecar.claims[0].source.as_deref(),
        Some("the minister")
    );
}

#[test]
fn editor_save_without_changes_does_not_save() {
    let mut app = app();
    update(&mut app, Action::Tag(0));
    update(&mut app, Action::EditClaim);
    assert_eq!(key(&mut app, "enter"), None);
}

#[test]
fn panel_focus_moves_between_claims_and_enter_jumps_back() {
    let mut app = app();
    keys(&mut app, "s j j u G d");
    update(&mut app, Action::FirstSentence);
    update(&mut app, Action::SwitchFocus);
    assert_eq!(app.focus, Focus::Panel);
    assert_eq!(app.selected_index(), Some(0));
    update(&mut app, Action::NextSentence);
    assert_eq!(app.selected_index(), Some(1));
    assert_eq!(app.cursor, 2, "the cursor follows the selected claim");
    update(&mut app, Action::NextSentence);
    update(&mut app, Action::NextSentence);
    assert_eq!(app.selected_index(), Some(2));
    update(&mut app, Action::PrevSentence);
    assert_eq!(app.cursor, 2);
    update(&mut app, Action::EditClaim);
    assert_eq!(app.focus, Focus::Article);
    assert!(
        matches!(app.overlay, Overlay::None),
        "Enter in the panel jumps, it does not edit"
    );
    update(&mut app, Action::SwitchFocus);
    update(&mut app, Action::SwitchFocus);
    assert_eq!(app.focus, Focus::Article);
}

#[test]
fn filter_cycles_through_tags_and_back() {
    let mut app = app();
    keys(&mut app, "s j u");
    assert_eq!(app.visible_claims().len(), 2);
    update(&mut app, Action::CycleFilter);
    assert_eq!(app.filter, Some(0));
    assert_eq!(app.visible_claims(), vec![0]);
    update(&mut app, Action::CycleFilter);
    assert_eq!(app.visible_claims(), vec![1]);
    update(&mut app, Action::CycleFilter);
    update(&mut app, Action::CycleFilter);
    assert!(app.visible_claims().is_empty());
    update(&mut app, Action::CycleFilter);
    assert_eq!(app.filter, None);
}

#[test]
fn filter_cycles_through_tags_then_labels_and_back() {
    let mut app = app();
    keys(&mut app, "s j u j s");
    app.sidecar.claims[0].labels = vec!["ports".into(), "Energy".into()];
    app.sidecar.claims[2].labels = vec!["ports".into()];
    for _ in 0..app.config.tags.len() {
        update(&mut app, Action::CycleFilter);
        assert!(app.filter.is_some() && app.label_filter.is_none());
    }
    update(&mut app, Action::CycleFilter);
    assert_eq!(app.filter, None, "after the last tag, the labels");
    assert_eq!(
        app.label_filter.as_deref(),
        Some("Energy"),
        "case-blind order"
    );
    assert_eq!(app.visible_claims(), vec![0]);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("#Energy")),
        "{:?}",
        app.message
    );
    update(&mut app, Action::CycleFilter);
    assert_eq!(app.label_filter.as_deref(), Some("ports"));
    assert_eq!(app.visible_claims(), vec![0, 2]);
    update(&mut app, Action::CycleFilter);
    assert_eq!((app.filter, app.label_filter.as_deref()), (None, None));
    assert_eq!(app.visible_claims().len(), 3, "then all again");
}

#[test]
fn a_label_filter_whose_label_is_gone_moves_on_to_the_next() {
    let mut app = app();
    keys(&mut app, "s j u");
    app.sidecar.claims[0].labels = vec!["b".into()];
    app.label_filter = Some("a".into());
    assert!(app.visible_claims().is_empty(), "nothing carries the label");
    update(&mut app, Action::CycleFilter);
    assert_eq!(app.label_filter.as_deref(), Some("b"));
    assert_eq!(app.visible_claims(), vec![0]);
}

#[test]
fn help_opens_and_any_key_closes_it() {
    let mut app = app();
    update(&mut app, Action::Help);
    assert_eq!(app.overlay, Overlay::Help(0));
    update(&mut app, Action::NextSentence);
    assert_eq!(app.overlay, Overlay::Help(1), "j scrolls the help");
    assert_eq!(
        update(&mut app, Action::Quit),
        None,
        "q closes help rather than quitting"
    );
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.cursor, 0);
}

#[test]
fn quit_asks_the_loop_to_leave() {
    let mut app = app();
    assert_eq!(update(&mut app, Action::Quit), Some(Effect::Quit));
    assert_eq!(key(&mut app, "ctrl-c"), Some(Effect::Quit));
}

#[test]
fn clicks_move_the_cursor_and_select_claims() {
    let mut app = app();
    let areas = app.areas().expect("big enough");
    let start = app.sentence(4).start;
    let row = app.doc.row_of(start);
    let column = app.report.text[app.doc.rows[row].start..start]
        .chars()
        .count() as u16;
    update(
        &mut app,
        Action::Click(areas.text.x + column + 3, areas.text.y + row as u16),
    );
    assert_eq!(app.cursor, 4);
    update(&mut app, Action::Tag(0));
    update(&mut app, Action::FirstSentence);
    update(
        &mut app,
        Action::Click(areas.panel_inner.x + 2, areas.panel_inner.y + 1),
    );
    assert_eq!(app.focus, Focus::Panel);
    assert_eq!(app.cursor, 4);
    update(&mut app, Action::Click(0, 0));
    assert_eq!(app.cursor, 4, "a click on a border does nothing");
}

#[test]
fn resizing_rewraps_and_tiny_terminals_do_not_panic() {
    let mut app = long_app();
    update(&mut app, Action::LastSentence);
    update(&mut app, Action::Resize(20, 5));
    assert!(app.areas().is_none());
    for action in [
        Action::PageDown,
        Action::NextSentence,
        Action::Click(3, 3),
        Action::Tag(0),
        Action::ScrollDown,
    ] {
        update(&mut app, action);
    }
    assert!(
        app.sidecar.claims.is_empty(),
        "keys do nothing on a screen too small to show them"
    );
    assert_eq!(app.cursor, app.report.sentences.len() - 1);
    update(&mut app, Action::Resize(60, 20));
    let width = usize::from(app.areas().expect("usable").text.width);
    assert_eq!(app.doc.width, width);
}

#[test]
fn read_only_refuses_every_change() {
    let report = Report::from_text(
        Path::new("r.txt"),
        TEXT.to_owned(),
        Encoding::Utf8,
        String::new(),
    );
    let mut app = App::new(
        report,
        None,
        Config::default(),
        Some("r.txt.sidenote.toml:3:1: bad".into()),
    );
    update(&mut app, Action::Resize(120, 30));
    assert_eq!(update(&mut app, Action::Tag(0)), None);
    assert_eq!(
        app.message.as_deref(),
        Some("read-only: r.txt.sidenote.toml:3:1: bad")
    );
    update(&mut app, Action::EditClaim);
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(update(&mut app, Action::Undo), None);
    assert!(app.sidecar.claims.is_empty());
}

#[test]
fn saved_claims_reopen_and_moved_text_is_followed() {
    let mut first = app();
    keys(&mut first, "j s");
    let sidecar = first.sidecar.clone();
    let changed = format!("Breaking: {TEXT}");
    let app = app_with(&changed, Some(sidecar));
    let span = app.claim_span(0).expect("re-anchored").clone();
    assert_eq!(
        &app.report.text[span],
        "The minister said the port would reopen."
    );
    assert_eq!(
        app.message.as_deref(),
        Some("the report changed: 1 claim(s) moved to their text")
    );
}

#[test]
fn orphaned_claims_are_kept_and_reported() {
    let mut first = app();
    keys(&mut first, "j s");
    let sidecar = first.sidecar.clone();
    let app = app_with("Entirely different text.", Some(sidecar));
    assert_eq!(app.sidecar.claims.len(), 1);
    assert!(app.claim_span(0).is_none());
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("orphaned"))
    );
}

#[test]
fn save_results_show_in_the_state() {
    let mut app = app();
    let written = app.merge_with_disk(None);
    app.saved(Ok(written));
    assert_eq!(app.save_state, SaveState::Saved);
    app.saved(Err("disk full".into()));
    assert_eq!(app.save_state, SaveState::Failed("disk full".into()));
}

#[test]
fn empty_report_does_not_panic() {
    let mut app = app_with("", None);
    for action in [
        Action::NextSentence,
        Action::LastSentence,
        Action::Tag(0),
        Action::EditClaim,
        Action::ToggleSelect,
        Action::StartWordRight,
        Action::NextUntagged,
        Action::NextClaim,
        Action::PageDown,
        Action::SwitchFocus,
        Action::NextSentence,
    ] {
        update(&mut app, action);
    }
    assert!(app.sidecar.claims.is_empty());
}

#[test]
fn quitting_after_a_failed_save_retries_and_warns_first() {
    let mut app = app();
    update(&mut app, Action::Tag(0));
    app.saved(Err("disk full".into()));
    assert_eq!(
        key(&mut app, "q"),
        Some(Effect::Save),
        "the save is tried again"
    );
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("NOT SAVED (disk full)"))
    );
    app.saved(Err("disk full".into()));
    assert_eq!(
        key(&mut app, "q"),
        Some(Effect::Quit),
        "a second quit leaves anyway"
    );
    app.saved(Err("disk full".into()));
    key(&mut app, "q");
    key(&mut app, "j");
    assert_eq!(
        key(&mut app, "q"),
        Some(Effect::Save),
        "another key in between warns again"
    );
    let written = app.merge_with_disk(None);
    app.saved(Ok(written));
    assert_eq!(key(&mut app, "q"), Some(Effect::Quit));
}

#[test]
fn ctrl_c_in_the_editor_cancels_it() {
    let mut app = app();
    update(&mut app, Action::EditClaim);
    assert_eq!(key(&mut app, "ctrl-c"), None);
    assert_eq!(app.overlay, Overlay::None);
    assert!(app.sidecar.claims.is_empty());
}

#[test]
fn saving_merges_claims_another_writer_saved_meanwhile() {
    let mut ours = app();
    let mut theirs = app();
    keys(&mut theirs, "j j j u");
    let (their_disk, _) = theirs.merge_with_disk(None);
    keys(&mut ours, "s");
    let (written, merged) = ours.merge_with_disk(Some(their_disk));
    assert_eq!(merged.taken, 1);
    ours.saved(Ok((written, merged)));
    assert_eq!(
        statuses(&ours),
        vec![
            ("sourced".into(), "Port Reopens".into()),
            ("unsourced".into(), "The cost is unknown.".into())
        ]
    );
    assert_eq!(ours.save_state, SaveState::Saved);
    assert_eq!(
        ours.message.as_deref(),
        Some("took in 1 change(s) saved elsewhere")
    );
}

#[test]
fn a_change_on_disk_is_taken_in_and_unsaved_edits_survive() {
    let mut app = app();
    keys(&mut app, "s");
    let (written, merged) = app.merge_with_disk(None);
    app.saved(Ok((written.clone(), merged)));
    // Another window retags our claim and adds one; we meanwhile tagged a sentence whose save
    // failed.
    let mut disk = written;
    disk.claims[0].status = "disputed".into();
    let mut other = app_with(TEXT, Some(disk.clone()));
    keys(&mut other, "G o");
    disk.claims.clone_from(&other.sidecar.claims);
    keys(&mut app, "j u");
    app.saved(Err("disk full".into()));
    assert_eq!(
        app.disk_changed(Ok(Some(disk))),
        Some(Effect::Save),
        "our edit still needs writing"
    );
    assert_eq!(
        statuses(&app),
        vec![
            ("disputed".into(), "Port Reopens".into()),
            (
                "unsourced".into(),
                "The minister said the port would reopen.".into()
            ),
            ("opinion".into(), "It ends the report.".into())
        ]
    );
}

#[test]
fn a_change_on_disk_with_nothing_of_ours_needs_no_save() {
    let mut app = app();
    let mut other = app_with(TEXT, None);
    keys(&mut other, "s");
    let (disk, _) = other.merge_with_disk(None);
    assert_eq!(app.disk_changed(Ok(Some(disk))), None);
    assert_eq!(app.sidecar.claims.len(), 1);
}

/// Issue 15 item 9: a sidecar deleted elsewhere no longer empties the panel with "nothing new
/// to take in": the claims stay, the message says what happened, the next change writes them.
#[test]
fn a_sidecar_deleted_elsewhere_keeps_its_claims_and_is_written_again() {
    let mut app = app();
    keys(&mut app, "s");
    let (written, merged) = app.merge_with_disk(None);
    app.saved(Ok((written, merged)));
    assert_eq!(app.disk_changed(Ok(None)), None, "nothing is written yet");
    assert_eq!(app.sidecar.claims.len(), 1, "the claims are kept");
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("the sidecar was deleted elsewhere")
            && message.contains("written again with your next change"),
        "{message}"
    );
    // The next change saves them all, as to a new sidecar.
    keys(&mut app, "j u");
    let (next, _) = app.merge_with_disk(None);
    assert_eq!(next.claims.len(), 2, "{:?}", next.claims);
}

#[test]
fn a_conflict_on_disk_keeps_both_versions() {
    let mut app = app();
    keys(&mut app, "s");
    let (written, merged) = app.merge_with_disk(None);
    app.saved(Ok((written.clone(), merged)));
    let mut disk = written;
    disk.claims[0].status = "opinion".into();
    keys(&mut app, "d");
    app.saved(Err("disk full".into()));
    assert_eq!(app.disk_changed(Ok(Some(disk))), Some(Effect::Save));
    let mut got: Vec<String> = app
        .sidecar
        .claims
        .iter()
        .map(|c| c.status.clone())
        .collect();
    got.sort();
    assert_eq!(got, vec!["disputed".to_owned(), "opinion".to_owned()]);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("1 conflict(s)"))
    );
}

#[test]
fn an_unreadable_sidecar_on_disk_is_reported_not_taken() {
    let mut app = app();
    keys(&mut app, "s");
    assert_eq!(app.disk_changed(Err("s.toml:3:1: bad".into())), None);
    assert_eq!(app.sidecar.claims.len(), 1);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("cannot be read"))
    );
}

#[test]
fn orphaned_claims_come_last_in_the_panel() {
    let mut first = app();
    keys(&mut first, "s G u");
    let mut sidecar = first.sidecar.clone();
    sidecar.claims[0].quote = "A headline that was removed".into();
    let app = app_with(TEXT, Some(sidecar));
    let visible = app.visible_claims();
    assert_eq!(visible.len(), 2);
    assert!(app.claim_span(visible[0]).is_some());
    assert!(
        app.claim_span(visible[1]).is_none(),
        "the orphan is listed last"
    );
}

#[test]
fn a_sentence_taller_than_the_view_is_paged_through() {
    let long = "word ".repeat(5_000);
    let mut app = app_with(&format!("{long}end.\nNext sentence."), None);
    assert_eq!(app.report.sentences.len(), 2);
    update(&mut app, Action::PageDown);
    assert_eq!(app.cursor, 0, "still in the long sentence");
    assert!(app.scroll > 0, "the view moved");
    let scrolled = app.scroll;
    update(&mut app, Action::PageDown);
    assert!(app.scroll > scrolled);
    update(&mut app, Action::PageUp);
    assert_eq!(app.scroll, scrolled);
    update(&mut app, Action::LastSentence);
    assert_eq!(app.cursor, 1);
}

#[test]
fn undo_touches_only_our_own_change() {
    let mut app = app();
    keys(&mut app, "s");
    let mut other = app_with(TEXT, None);
    keys(&mut other, "G o");
    let (mut disk, _) = app.merge_with_disk(None);
    disk.claims.extend(other.sidecar.claims.clone());
    app.disk_changed(Ok(Some(disk)));
    assert_eq!(app.sidecar.claims.len(), 2);
    assert_eq!(update(&mut app, Action::Undo), Some(Effect::Save));
    assert_eq!(
        statuses(&app),
        vec![("opinion".into(), "It ends the report.".into())],
        "undo removed our claim and kept the one another writer added"
    );
    update(&mut app, Action::Redo);
    assert_eq!(app.sidecar.claims.len(), 2);
}

#[test]
fn decoding_warnings_show_when_the_report_opens() {
    let report = Report::from_bytes(Path::new("r.txt"), b"caf\xE9 is open.").expect("text");
    let app = App::new(report, None, Config::default(), None);
    assert!(
        app.message.as_deref().is_some_and(|m| m.contains("UTF-8")),
        "{:?}",
        app.message
    );
}

#[test]
fn editing_a_claim_with_an_unknown_tag_keeps_the_tag() {
    let mut first = app();
    keys(&mut first, "s");
    let mut sidecar = first.sidecar.clone();
    sidecar.claims[0].status = "misleading".into();
    let mut app = app_with(TEXT, Some(sidecar));
    update(&mut app, Action::EditClaim);
    typed(&mut app, "a colleague's source");
    assert_eq!(key(&mut app, "enter"), Some(Effect::Save));
    assert_eq!(app.sidecar.claims[0].status, "misleading");
    assert_eq!(
        app.sidecar.claims[0].source.as_deref(),
        Some("a colleague's source")
    );
    update(&mut app, Action::EditClaim);
    key(&mut app, "shift-tab");
    key(&mut app, "right");
    key(&mut app, "enter");
    assert_eq!(
        app.sidecar.claims[0].status, "sourced",
        "Right picks the first known tag"
    );
}

#[test]
fn a_tag_key_in_the_editor_wins_over_cycling() {
    let config = Config::from_str_with_defaults(
        "[[tag]]\nname = \"hearsay\"\nkey = \"h\"\ncolor = \"red\"\n[[tag]]\nname = \"seen\"\nkey = \"e\"\ncolor = \"green\"\n",
        Path::new("c.toml"),
    )
    .expect("valid");
    let report = Report::from_text(
        Path::new("r.txt"),
        TEXT.to_owned(),
        Encoding::Utf8,
        String::new(),
    );
    let mut app = App::new(report, None, config, None);
    update(&mut app, Action::Resize(120, 30));
    update(&mut app, Action::EditClaim);
    key(&mut app, "shift-tab");
    key(&mut app, "e");
    key(&mut app, "h");
    key(&mut app, "enter");
    assert_eq!(app.sidecar.claims[0].status, "hearsay");
}

#[test]
fn report_keys_added_on_disk_survive_a_save() {
    let mut app = app();
    let (mut disk, _) = app.merge_with_disk(None);
    disk.report.extra.insert(
        "extracted_with".into(),
        toml::Value::String("reader-mode".into()),
    );
    keys(&mut app, "s");
    let (written, _) = app.merge_with_disk(Some(disk));
    assert_eq!(
        written
            .report
            .extra
            .get("extracted_with")
            .and_then(toml::Value::as_str),
        Some("reader-mode")
    );
    assert_eq!(written.report.sha256, "hash");
}

#[test]
fn undo_refuses_to_overwrite_another_writers_change() {
    let mut app = app();
    keys(&mut app, "s");
    let (written, merged) = app.merge_with_disk(None);
    app.saved(Ok((written.clone(), merged)));
    let mut disk = written;
    disk.claims[0].note = Some("a colleague's note".into());
    app.disk_changed(Ok(Some(disk)));
    assert_eq!(update(&mut app, Action::Undo), None);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("changed elsewhere"))
    );
    assert_eq!(
        app.sidecar.claims[0].note.as_deref(),
        Some("a colleague's note")
    );
}

#[test]
fn ctrl_c_in_the_search_prompt_cancels_it() {
    let mut app = app();
    update(&mut app, Action::LastSentence);
    update(&mut app, Action::Search);
    typed(&mut app, "minister");
    assert_eq!(key(&mut app, "ctrl-c"), None);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.cursor, 6);
}

#[test]
fn a_claim_found_with_changed_text_stays_marked_until_confirmed() {
    let mut first = app();
    keys(&mut first, "j s");
    let sidecar = first.sidecar.clone();
    let changed = TEXT.replace("would reopen", "will reopen");
    let mut app = app_with(&changed, Some(sidecar.clone()));
    assert_eq!(
        app.old_quote(0),
        Some("The minister said the port would reopen.")
    );
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("changed text"))
    );
    // Saving something else keeps the mark on disk too.
    keys(&mut app, "G u");
    let (written, _) = app.merge_with_disk(Some(sidecar));
    let kept = written
        .claims
        .iter()
        .find(|c| c.status == "sourced")
        .expect("claim");
    assert!(kept.extra.contains_key(crate::annotate::QUOTE_WAS));
    // Retagging the claim with its own tag confirms it.
    keys(&mut app, "g j");
    assert_eq!(key(&mut app, "s"), Some(Effect::Save));
    assert_eq!(app.old_quote(0), None);
}

#[test]
fn help_scrolls_no_further_than_its_last_line() {
    let mut app = app();
    update(&mut app, Action::Help);
    for _ in 0..500 {
        update(&mut app, Action::NextSentence);
    }
    let Overlay::Help(end) = app.overlay else {
        panic!("help open")
    };
    assert!(end > 0 && end < 100, "{end}");
    update(&mut app, Action::PrevSentence);
    assert_eq!(
        app.overlay,
        Overlay::Help(end - 1),
        "one key up moves the view up at once"
    );
    update(&mut app, Action::Resize(120, 200));
    update(&mut app, Action::Cancel);
    update(&mut app, Action::Help);
    update(&mut app, Action::NextSentence);
    assert_eq!(
        app.overlay,
        Overlay::Help(0),
        "help that fits does not scroll"
    );
}

/// Issue 15 item 8: a report edited (or replaced) on disk while the reader is open is taken in
/// as an external change: the claims move with their text, and the next save merges with the
/// unchanged sidecar without a single conflict copy.
#[test]
fn a_report_changed_on_disk_is_re_anchored_without_conflicts() {
    let mut app = app();
    keys(&mut app, "j s j d");
    let (written, merged) = app.merge_with_disk(None);
    app.saved(Ok((written.clone(), merged)));
    let lead = "A new lead paragraph.\n\n";
    let edited = Report::from_text(
        Path::new("report.txt"),
        format!("{lead}{TEXT}"),
        Encoding::Utf8,
        "edited".into(),
    );
    app.report_replaced(edited);
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("replaced or changed on disk") && message.contains("0 orphaned"),
        "{message}"
    );
    let shift = lead.chars().count();
    let (next, merged) = app.merge_with_disk(Some(written.clone()));
    assert_eq!(merged.conflicts, 0, "{:?}", next.claims);
    assert_eq!(next.claims.len(), 2);
    for (now, before) in next.claims.iter().zip(&written.claims) {
        assert_eq!(
            (now.start, now.quote.as_str()),
            (before.start + shift, before.quote.as_str())
        );
    }
    assert_eq!(next.report.sha256, "edited");
}

/// Issue 17 item 11: a report replaced on disk by a web page with no article is refused as at
/// opening: the reader keeps its text and the claims their places.
#[test]
fn a_report_replaced_by_a_page_with_no_article_is_refused() {
    let mut app = app();
    keys(&mut app, "j s");
    let before = (app.report.text.clone(), app.sidecar.claims.clone());
    let mut page = Report::from_text(
        Path::new("report.txt"),
        "Home. World. Sport. Follow us.".to_owned(),
        Encoding::Utf8,
        "page".into(),
    );
    page.no_article = true;
    app.report_replaced(page);
    assert_eq!(
        (app.report.text.clone(), app.sidecar.claims.clone()),
        before
    );
    assert!(app.claim_span(0).is_some(), "the claim is not orphaned");
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("no article"), "{message}");
    assert_ne!(app.report.sha256, "page");
}

#[test]
fn messages_name_the_keys_as_bound() {
    let mut app = app();
    keys(&mut app, "j s x");
    assert_eq!(
        app.message.as_deref(),
        Some("removed sourced claim (z undoes)")
    );
    let config = Config::from_str_with_defaults(
        "[keys]\n\"z\" = \"none\"\n\"ctrl-z\" = \"none\"\n\"U\" = \"undo\"\n\"/\" = \"none\"\n",
        Path::new("c.toml"),
    )
    .expect("valid");
    app.config.keys = config.keys;
    keys(&mut app, "s x");
    assert_eq!(
        app.message.as_deref(),
        Some("removed sourced claim (U undoes)")
    );
    keys(&mut app, "n");
    assert_eq!(app.message.as_deref(), Some("no search yet"));
}
