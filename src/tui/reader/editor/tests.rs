//! The claim editor, the status bar, the panel title and the viewport keys of issue 17: keys in,
//! state out, and the screen drawn on a `TestBackend` where what shows is the point.
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;
use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::annotate::{ADJUDICATED_BY, AGREED_LABEL, Sidecar};
use crate::config::Config;
use crate::config::keys::{Action, Key};
use crate::report::{Encoding, Report};
use crate::tui::reader::team::tests::team_app;
use crate::tui::reader::{App, Effect, Field, Overlay, update};

/// The bundled sample the repro steps use.
const SAMPLE: &str = include_str!("../../../../assets/samples/harbour-blackout.txt");

fn reader(text: &str, sidecar: Option<Sidecar>, suggest: bool) -> App {
    let report = Report::from_text(
        Path::new("harbour-blackout.txt"),
        text.to_owned(),
        Encoding::Utf8,
        "hash".into(),
    );
    let mut config = Config {
        author: "tester".to_owned(),
        ..Config::default()
    };
    config.suggest.enabled = suggest;
    let mut app = App::new(report, sidecar, config, None);
    update(&mut app, Action::Resize(120, 30));
    app
}

fn key(app: &mut App, text: &str) -> Option<Effect> {
    let key = Key::parse(text).expect("valid key");
    app.on_key(KeyEvent::new(key.code, key.modifiers))
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

/// Puts the cursor on the sentence of `app` that starts with `start`.
fn go_to(app: &mut App, start: &str) {
    let n = (0..app.report.sentences.len())
        .find(|&n| app.report.text[app.sentence(n)].starts_with(start))
        .expect("sentence in the report");
    app.move_cursor(n);
}

fn editor(app: &App) -> &crate::tui::reader::Editor {
    match &app.overlay {
        Overlay::Editor(editor) => editor,
        other => panic!("the editor is not open: {other:?}"),
    }
}

/// The screen drawn at `width`x`height`, row by row.
fn screen(app: &mut App, width: u16, height: u16) -> Vec<String> {
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

#[test]
fn a_new_claim_starts_on_source_and_a_typed_source_makes_it_sourced() {
    let mut app = reader(SAMPLE, None, true);
    go_to(&mut app, "Neither account");
    key(&mut app, "enter");
    assert_eq!(editor(&app).field, Field::Source);
    assert_eq!(editor(&app).status, "unsourced", "the suggestion's tag");
    typed(&mut app, "Reuters");
    assert_eq!(editor(&app).status, "sourced");
    let help = crate::tui::reader::help::lines(&app.config);
    assert!(help.iter().any(|l| matches!(l,
        crate::tui::reader::help::HelpLine::Keys(_, doc) if doc.contains("unsourced claim becomes sourced"))));
    assert_eq!(key(&mut app, "ctrl-s"), Some(Effect::Save));
    let claim = &app.sidecar.claims[0];
    assert_eq!(
        (claim.status.as_str(), claim.source.as_deref()),
        ("sourced", Some("Reuters"))
    );
}

#[test]
fn emptying_the_source_restores_the_tag_and_a_tag_picked_by_hand_stays() {
    let mut app = reader(SAMPLE, None, true);
    go_to(&mut app, "Neither account");
    key(&mut app, "enter");
    typed(&mut app, "R");
    key(&mut app, "backspace");
    assert_eq!(editor(&app).status, "unsourced");
    key(&mut app, "shift-tab");
    assert_eq!(editor(&app).field, Field::Tag);
    typed(&mut app, "d");
    key(&mut app, "tab");
    typed(&mut app, "Reuters");
    assert_eq!(editor(&app).status, "disputed", "picked by hand");
}

#[test]
fn an_existing_claims_tag_is_not_changed_by_its_source() {
    let mut app = reader(SAMPLE, None, false);
    go_to(&mut app, "The outage is believed");
    key(&mut app, "u");
    key(&mut app, "enter");
    assert_eq!(editor(&app).field, Field::Source);
    typed(&mut app, "Reuters");
    key(&mut app, "ctrl-s");
    assert_eq!(app.sidecar.claims[0].status, "unsourced");
    assert_eq!(app.sidecar.claims[0].source.as_deref(), Some("Reuters"));
}

#[test]
fn text_typed_on_the_tag_field_is_not_silently_dropped() {
    let mut app = reader(SAMPLE, None, false);
    key(&mut app, "enter");
    key(&mut app, "shift-tab");
    typed(&mut app, "R");
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("not a tag key"), "{message}");
    assert!(message.contains("Tab"), "{message}");
}

#[test]
fn text_typed_on_the_kind_field_is_not_silently_dropped() {
    let mut app = reader(SAMPLE, None, false);
    key(&mut app, "enter");
    typed(&mut app, "Reuters");
    // Tab with nothing to complete moves on to Kind, where the rest of a source would vanish.
    key(&mut app, "tab");
    assert_eq!(editor(&app).field, Field::Kind);
    typed(&mut app, "x");
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("“x” picks no kind"), "{message}");
    assert!(message.contains("Tab"), "{message}");
    assert_eq!(editor(&app).source_kind, None, "no kind picked by a letter");
}

#[test]
fn a_terminal_too_small_for_the_editor_takes_no_keys_and_loses_no_text() {
    let mut app = reader(SAMPLE, None, false);
    key(&mut app, "enter");
    typed(&mut app, "Reuters");
    update(&mut app, Action::Resize(30, 8));
    for pressed in ["esc", "ctrl-c", "ctrl-s", "enter", "backspace"] {
        assert_eq!(key(&mut app, pressed), None, "{pressed}");
    }
    typed(&mut app, "xyz");
    update(&mut app, Action::Resize(120, 30));
    assert_eq!(editor(&app).source.text(), "Reuters", "kept, nothing added");
    assert!(app.sidecar.claims.is_empty(), "nothing saved unseen");
    assert_eq!(key(&mut app, "ctrl-s"), Some(Effect::Save));
    assert_eq!(app.sidecar.claims[0].source.as_deref(), Some("Reuters"));
}

/// Two authors disagreeing on sentences 1 and 3 of the team report.
fn disagreeing() -> App {
    team_app(&[
        (0, "sourced", "ana", None),
        (0, "sourced", "ben", None),
        (1, "sourced", "ana", None),
        (1, "unsourced", "ben", None),
        (3, "opinion", "ben", None),
    ])
}

#[test]
fn the_agreed_marker_cannot_be_typed_over() {
    let mut app = disagreeing();
    update(&mut app, Action::Adjudicate);
    key(&mut app, "j");
    key(&mut app, "e");
    assert_eq!(editor(&app).field, Field::Source);
    assert_eq!(editor(&app).labels.text(), "", "the marker is not text");
    key(&mut app, "shift-tab");
    key(&mut app, "shift-tab");
    assert_eq!(editor(&app).field, Field::Labels, "Shift-Tab wraps round");
    typed(&mut app, "s");
    assert_eq!(key(&mut app, "ctrl-s"), Some(Effect::Save));
    let agreed: Vec<_> = app
        .sidecar
        .claims
        .iter()
        .filter(|c| c.author == "tester")
        .collect();
    assert_eq!(agreed.len(), 1);
    assert_eq!(agreed[0].labels, [AGREED_LABEL, "s"]);
    assert_eq!(agreed[0].extra[ADJUDICATED_BY].as_str(), Some("tester"));
    assert_eq!(
        app.agreement_table().authors,
        ["ana", "ben"],
        "the adjudicator is not counted as an annotator"
    );
}

#[test]
fn markers_survive_any_edit_of_the_labels_and_cannot_be_typed_in() {
    let mut app = disagreeing();
    update(&mut app, Action::Adjudicate);
    key(&mut app, "2");
    key(&mut app, "e");
    assert_eq!(editor(&app).markers, [AGREED_LABEL]);
    key(&mut app, "shift-tab");
    key(&mut app, "shift-tab");
    typed(&mut app, "checked");
    key(&mut app, "ctrl-s");
    let agreed = app.sidecar.claims.iter().find(|c| c.is_agreed()).unwrap();
    assert_eq!(agreed.labels, [AGREED_LABEL, "checked"]);
    assert!(agreed.extra.contains_key(ADJUDICATED_BY));
    // A colleague's claim cannot be made "agreed" or "conflict" by typing it.
    key(&mut app, "esc");
    key(&mut app, "j");
    key(&mut app, "esc");
    key(&mut app, "o");
    key(&mut app, "enter");
    key(&mut app, "shift-tab");
    key(&mut app, "shift-tab");
    typed(&mut app, "agreed, conflict, late");
    key(&mut app, "ctrl-s");
    let mine = app
        .sidecar
        .claims
        .iter()
        .find(|c| c.author == "tester" && !c.is_agreed())
        .unwrap();
    assert_eq!(mine.labels, ["late"]);
    assert!(app.message.as_deref().unwrap().contains("agreed, conflict"));
}

#[test]
fn the_editor_scrolls_to_the_focused_field_on_a_small_screen() {
    let mut app = reader(SAMPLE, None, false);
    key(&mut app, "enter");
    for _ in 0..6 {
        let field = editor(&app).field;
        let name = field.name();
        let rows = screen(&mut app, 60, 12);
        assert!(
            rows.iter().any(|r| r.contains(name)),
            "{name} focused but not on screen:\n{}",
            rows.join("\n")
        );
        key(&mut app, "tab");
    }
    key(&mut app, "shift-tab");
    key(&mut app, "shift-tab");
    assert_eq!(editor(&app).field, Field::Labels);
    let rows = screen(&mut app, 60, 12);
    assert!(rows.iter().any(|r| r.contains("Labels")));
    assert!(
        rows.iter().any(|r| r.contains('↑')),
        "the fields above are marked as scrolled away"
    );
    // A refused save says why in the status bar, which the editor leaves in sight.
    key(&mut app, "shift-tab");
    key(&mut app, "shift-tab");
    assert_eq!(editor(&app).field, Field::Grade);
    typed(&mut app, "Q9");
    assert_eq!(key(&mut app, "ctrl-s"), None);
    let rows = screen(&mut app, 60, 12);
    let message = app.message.clone().unwrap_or_default();
    assert!(!message.is_empty());
    let shown: String = message.chars().take(10).collect();
    assert!(rows[11].contains(&shown), "{}", rows.join("\n"));
}

#[test]
fn markers_show_as_chips_beside_the_labels() {
    let mut app = disagreeing();
    update(&mut app, Action::Adjudicate);
    key(&mut app, "e");
    let rows = screen(&mut app, 120, 30);
    let labels = rows.iter().find(|r| r.contains("Labels")).unwrap();
    assert!(labels.contains("[agreed]"), "{labels}");
}

#[test]
fn quote_marks_the_sentence_has_are_not_doubled() {
    let mut app = reader(SAMPLE, None, false);
    go_to(&mut app, "“But I will not");
    key(&mut app, "enter");
    let rows = screen(&mut app, 120, 30).join("\n");
    assert!(rows.contains("“But I will not"), "{rows}");
    assert!(!rows.contains("““"), "{rows}");
    assert!(!rows.contains("””"), "{rows}");
}

#[test]
fn a_claim_cut_short_in_a_small_editor_ends_in_an_ellipsis() {
    let mut app = reader(SAMPLE, None, false);
    go_to(&mut app, "“But I will not");
    key(&mut app, "enter");
    for (width, height) in [(40, 12), (60, 12)] {
        let rows = screen(&mut app, width, height);
        let quote = rows.iter().find(|r| r.contains("“But I will")).unwrap();
        assert!(
            quote
                .trim_end()
                .trim_end_matches('│')
                .trim_end()
                .ends_with('…'),
            "{quote}"
        );
        assert!(!quote.contains('”'), "{quote}");
    }
    let rows = screen(&mut app, 120, 30).join("\n");
    assert!(rows.contains("finished their work.”"), "{rows}");
    assert!(!rows.contains("work.”…"), "{rows}");
}

#[test]
fn the_status_bar_keeps_the_sentence_number_when_narrow() {
    let mut app = reader(SAMPLE, None, false);
    key(&mut app, "j");
    key(&mut app, "j");
    let total = app.report.sentences.len();
    let wide = screen(&mut app, 120, 30);
    assert!(
        wide[29].contains(&format!("sentence 3/{total}")),
        "{}",
        wide[29]
    );
    assert!(wide[29].contains("harbour-blackout.txt"), "{}", wide[29]);
    for width in [40, 50, 60, 80] {
        let rows = screen(&mut app, width, 20);
        assert!(
            rows[19].contains(&format!("3/{total}")),
            "{width}: {}",
            rows[19]
        );
    }
    app.message = Some("a long message that says a good deal about something".into());
    app.save_state = crate::tui::reader::SaveState::Failed("disk full".into());
    let rows = screen(&mut app, 40, 20);
    assert!(rows[19].contains(&format!("3/{total}")), "{}", rows[19]);
    assert!(rows[19].contains("NOT SAVED"), "{}", rows[19]);
    assert!(rows[19].contains("a long"), "{}", rows[19]);
}

#[test]
fn the_panel_title_shortens_the_filter_before_cutting_the_counts() {
    let mut app = reader(SAMPLE, None, false);
    for tag in ["s", "u", "d"] {
        key(&mut app, tag);
        key(&mut app, "j");
    }
    key(&mut app, "f");
    key(&mut app, "f");
    let rows = screen(&mut app, 120, 30);
    let top = &rows[0];
    assert!(
        top.contains("[only unsourced]") || top.contains("[unsourced]") || top.contains("[uns]"),
        "{top}"
    );
    assert!(top.contains("d 1") || top.contains("disputed 1"), "{top}");
    for width in [40, 60, 100] {
        let rows = screen(&mut app, width, 30);
        let title = rows.iter().find(|r| r.contains("Claims")).unwrap();
        assert!(title.contains("Claims 3"), "{width}: {title}");
        assert!(title.contains("[uns"), "{width}: {title}");
        assert!(title.contains(']'), "{width}: the filter is whole: {title}");
    }
}

#[test]
fn landing_on_a_re_anchored_claim_with_next_claim_shows_the_change() {
    let mut first = reader(SAMPLE, None, false);
    go_to(&mut first, "Officials speaking on condition");
    key(&mut first, "s");
    let sidecar = first.sidecar.clone();
    let changed = SAMPLE.replace("signs of tampering at", "signs of damage at");
    let mut app = reader(&changed, Some(sidecar), false);
    key(&mut app, "g");
    key(&mut app, "}");
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("[tampering → damage]"), "{message}");
    key(&mut app, "k");
    key(&mut app, "j");
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("[tampering → damage]"), "{message}");
}

#[test]
fn the_change_of_a_re_anchored_claim_shows_whole_on_a_narrow_status_bar() {
    let mut first = reader(SAMPLE, None, false);
    go_to(&mut first, "Officials speaking on condition");
    key(&mut first, "s");
    let sidecar = first.sidecar.clone();
    let changed = SAMPLE.replace("signs of tampering at", "signs of damage at");
    for (width, panel) in [
        (40, false),
        (40, true),
        (60, false),
        (80, false),
        (120, true),
    ] {
        let mut app = reader(&changed, Some(sidecar.clone()), false);
        update(&mut app, Action::Resize(width, 12));
        if panel {
            update(&mut app, Action::SwitchFocus);
        }
        key(&mut app, "g");
        key(&mut app, "}");
        let rows = screen(&mut app, width, 12);
        assert!(
            rows[11].contains("[tampering → damage]"),
            "{width}: {}",
            rows[11]
        );
        assert!(rows[11].contains("≈"), "{width}: {}", rows[11]);
        if (width, panel) == (60, false) {
            assert!(
                rows[11].contains("≈ text changed: …of [tampering → damage] at…"),
                "as many words around the change as fit: {}",
                rows[11]
            );
        }
    }
}

/// A report of 200 one-line sentences.
fn long() -> App {
    let text = (1..=200).fold(String::new(), |mut text, i| {
        let _ = writeln!(text, "Sentence number {i} is here.");
        text
    });
    reader(&text, None, false)
}

#[test]
fn ctrl_e_and_ctrl_y_scroll_one_line_and_keep_the_cursor_on_screen() {
    let mut app = long();
    key(&mut app, "ctrl-d");
    let (cursor, scroll) = (app.cursor, app.scroll);
    assert!(scroll > 3);
    key(&mut app, "ctrl-e");
    assert_eq!((app.cursor, app.scroll), (cursor, scroll + 1));
    key(&mut app, "ctrl-y");
    key(&mut app, "ctrl-y");
    assert_eq!((app.cursor, app.scroll), (cursor, scroll - 1));
    let height = app.view_height();
    for _ in 0..height * 2 {
        key(&mut app, "ctrl-e");
        let (first, last) = app.doc.rows_of(&app.sentence(app.cursor));
        assert!(
            last >= app.scroll && first < app.scroll + height,
            "cursor off screen"
        );
    }
    assert!(app.cursor > cursor, "the cursor was pushed down");
    let scroll = app.scroll;
    for _ in 0..height * 2 {
        key(&mut app, "ctrl-y");
        let (first, last) = app.doc.rows_of(&app.sentence(app.cursor));
        assert!(
            last >= app.scroll && first < app.scroll + height,
            "cursor off screen"
        );
    }
    assert!(app.scroll < scroll);
    let help = crate::tui::reader::help::lines(&app.config);
    assert!(help.iter().any(|l| matches!(l,
        crate::tui::reader::help::HelpLine::Keys(keys, doc) if keys.contains("Ctrl-e") && doc.contains("one line down"))));
}

#[test]
fn the_status_bar_gives_way_least_important_part_first() {
    let mut app = reader(SAMPLE, None, false);
    key(&mut app, "s");
    let bar = |app: &mut App, width| screen(app, width, 12)[11].clone();
    let wide = bar(&mut app, 96);
    assert!(
        wide.contains("1 claim · s 1 sourced")
            && wide.contains("reviewed 1/38")
            && wide.contains("? help"),
        "{wide}"
    );
    let counts_short = bar(&mut app, 81);
    assert!(counts_short.contains("1 claim ") && !counts_short.contains("sourced"));
    let no_counts = bar(&mut app, 71);
    assert!(
        !no_counts.contains("claim") && no_counts.contains("? help"),
        "{no_counts}"
    );
    let no_help = bar(&mut app, 62);
    assert!(
        !no_help.contains("help") && no_help.contains("sentence 1/38 · reviewed 1/38"),
        "{no_help}"
    );
    let no_progress = bar(&mut app, 50);
    assert!(
        !no_progress.contains("reviewed") && no_progress.contains("sentence 1/38"),
        "{no_progress}"
    );
    let short = bar(&mut app, 40);
    assert!(short.contains("harbour-blackout.txt  1/38"), "{short}");
    update(&mut app, Action::SwitchFocus);
    let cut = bar(&mut app, 40);
    assert!(cut.contains("harbour-blacko") && cut.contains('…'), "{cut}");
    assert!(
        cut.contains("1/38") && cut.contains("PANEL") && cut.contains("saving…"),
        "{cut}"
    );
}

#[test]
fn without_a_sourced_tag_typing_a_source_changes_no_tag() {
    let config = Config::from_str_with_defaults(
        "[[tag]]\nname = \"unsourced\"\nkey = \"u\"\ncolor = \"red\"\n[[tag]]\nname = \"seen\"\nkey = \"e\"\ncolor = \"green\"\n",
        Path::new("c.toml"),
    )
    .expect("valid");
    let report = Report::from_text(
        Path::new("r.txt"),
        SAMPLE.to_owned(),
        Encoding::Utf8,
        String::new(),
    );
    let mut app = App::new(report, None, config, None);
    update(&mut app, Action::Resize(120, 30));
    key(&mut app, "enter");
    assert_eq!(editor(&app).status, "unsourced");
    typed(&mut app, "Reuters");
    assert_eq!(editor(&app).status, "unsourced");
}

#[test]
fn one_cancel_key_never_throws_away_what_was_typed() {
    let mut app = reader(SAMPLE, None, false);
    // Nothing typed: Esc closes at once.
    key(&mut app, "enter");
    assert!(matches!(app.overlay, Overlay::Editor(_)));
    key(&mut app, "esc");
    assert!(matches!(app.overlay, Overlay::None));
    // Typed: the first Esc asks and keeps the text, any other key disarms it.
    key(&mut app, "enter");
    for c in ["R", "e", "u"] {
        key(&mut app, c);
    }
    key(&mut app, "esc");
    assert_eq!(editor(&app).source.text(), "Reu");
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("again discards")),
        "{:?}",
        app.message
    );
    key(&mut app, "t");
    key(&mut app, "esc");
    assert_eq!(
        editor(&app).source.text(),
        "Reut",
        "still open after one Esc"
    );
    // The second Esc in a row discards, and nothing was saved.
    key(&mut app, "esc");
    assert!(matches!(app.overlay, Overlay::None));
    assert!(app.sidecar.claims.is_empty());
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("discarded"))
    );
}
