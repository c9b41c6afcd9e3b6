//! Every screen state drawn at every small size, and the editor, the panel and the status bar
//! drawn on their own in rectangles far smaller than the reader ever gives them: nothing may
//! panic, however narrow or short the terminal, and wide characters (CJK, emoji) in a file
//! name, a source, a label or an author are cut at a character, never in half.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::annotate::merge::CONFLICT_LABEL;
use crate::annotate::{Claim, Sidecar, now};
use crate::config::Config;
use crate::config::keys::Action;
use crate::report::{Encoding, Report};
use crate::tui::reader::layout::Areas;
use crate::tui::reader::{App, Focus, Overlay, SaveState, update};

/// A report whose file name, sources, labels and authors are all wide characters.
const TEXT: &str = "港の停電は三日続いた。 Officials said the 🚢 port would reopen. \
                    “But I will not speculate,” she said. Nobody was hurt.";

fn wide_app() -> App {
    let report = Report::from_text(
        Path::new("報告書-港の停電-🚢🚢🚢.txt"),
        TEXT.to_owned(),
        Encoding::Utf8,
        "hash".into(),
    );
    let mut sidecar = Sidecar::new(&report);
    for (n, status, author) in [
        (0, "sourced", "山田太郎"),
        (0, "unsourced", "😀😀😀😀"),
        (1, "sourced", "ana"),
        (2, "disputed", "山田太郎"),
    ] {
        let span = report.sentences[n].clone();
        let mut claim = Claim::new(&report, span, status, author, now());
        claim.id = format!("{n}-{status}");
        claim.source = Some("国土交通省の報道官🚢🚢🚢".to_owned());
        claim.labels = vec!["要確認ラベル".to_owned()];
        if n == 2 {
            claim.labels.push(CONFLICT_LABEL.to_owned());
        }
        sidecar.add(claim);
    }
    let config = Config {
        author: "山田太郎".to_owned(),
        ..Config::default()
    };
    let mut app = App::new(report, Some(sidecar), config, None);
    update(&mut app, Action::Resize(120, 30));
    app
}

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// The app in each state a screen can show: plain, filtered, panel focused with a selection and
/// a long message and a failed save, the editor on each of its fields (new and agreed claims),
/// the help, adjudication, the search prompt.
fn states() -> Vec<(String, App)> {
    let mut states = Vec::new();
    let plain = wide_app();
    states.push(("plain".to_owned(), plain.clone()));
    let mut busy = plain.clone();
    busy.filter = Some(1);
    busy.author_filter = Some("😀😀😀😀".to_owned());
    busy.label_filter = Some("要確認ラベル".to_owned());
    busy.focus = Focus::Panel;
    busy.message = Some("≈ text changed: …港の [停電 → 停電は] 三日 🚢🚢".to_owned());
    busy.save_state = SaveState::Failed("ディスクがいっぱいです 🚢".to_owned());
    states.push(("busy".to_owned(), busy));
    for (name, agreed) in [("new claim", false), ("agreed claim", true)] {
        let mut app = plain.clone();
        if agreed {
            update(&mut app, Action::Adjudicate);
            press(&mut app, KeyCode::Char('e'));
        } else {
            press(&mut app, KeyCode::Enter);
        }
        for c in "国土交通省の報道官🚢".chars() {
            press(&mut app, KeyCode::Char(c));
        }
        for field in 0..6 {
            assert!(matches!(app.overlay, Overlay::Editor(_)), "{name}");
            states.push((format!("{name}, field {field}"), app.clone()));
            press(&mut app, KeyCode::Tab);
            for c in "要確認🚢, x".chars() {
                press(&mut app, KeyCode::Char(c));
            }
        }
    }
    let mut help = plain.clone();
    help.overlay = Overlay::Help(3);
    states.push(("help".to_owned(), help));
    let mut adjudicate = plain.clone();
    update(&mut adjudicate, Action::Adjudicate);
    states.push(("adjudicate".to_owned(), adjudicate));
    let mut search = plain;
    update(&mut search, Action::Search);
    for c in "停電🚢".chars() {
        press(&mut search, KeyCode::Char(c));
    }
    states.push(("search".to_owned(), search));
    states
}

/// Draws `draw` on a `width`x`height` test terminal; the buffer's rows as a terminal shows them
/// (the cell after a wide character, which it covers, left out).
fn drawn(width: u16, height: u16, draw: impl FnOnce(&mut ratatui::Frame)) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(draw).unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < width {
                let symbol = buffer[(x, y)].symbol();
                row.push_str(symbol);
                x += u16::try_from(symbol.width().max(1)).unwrap();
            }
            row
        })
        .collect()
}

#[test]
fn every_state_draws_at_every_small_size() {
    for (name, app) in states() {
        let sizes = (1..=30u16)
            .flat_map(|w| (1..=8u16).map(move |h| (w, h)))
            .chain(
                (38..=62u16)
                    .step_by(4)
                    .flat_map(|w| (9..=13u16).map(move |h| (w, h))),
            );
        for (width, height) in sizes {
            let mut app = app.clone();
            update(&mut app, Action::Resize(width, height));
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                drawn(width, height, |frame| super::draw(frame, &app));
            }));
            assert!(result.is_ok(), "{name} at {width}x{height} panicked");
        }
    }
}

#[test]
fn the_editor_panel_and_status_bar_draw_in_any_rectangle() {
    for (name, app) in states() {
        for width in 1..=30u16 {
            for height in 1..=8u16 {
                let area = Rect::new(0, 0, width, height);
                let areas = Areas {
                    article: area,
                    gutter: area,
                    text: area,
                    scrollbar: area,
                    panel: area,
                    panel_inner: Rect::new(1, 1, width.saturating_sub(2), height.saturating_sub(2)),
                    status: Rect::new(0, height - 1, width, 1),
                };
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    drawn(width, height, |frame| {
                        super::claims::draw(frame, &app, &areas);
                        super::status::draw(frame, &app, areas.status);
                        if let Overlay::Editor(editor) = &app.overlay {
                            super::editor::draw(frame, &app, editor);
                        }
                    });
                }));
                assert!(result.is_ok(), "{name} at {width}x{height} panicked");
            }
        }
    }
}

#[test]
fn a_wide_file_name_in_the_status_bar_is_cut_between_characters() {
    let mut app = wide_app();
    app.focus = Focus::Panel;
    let name = app.report.file_name();
    let total = app.report.sentences.len();
    let mut cut_seen = false;
    for width in 40..=100u16 {
        update(&mut app, Action::Resize(width, 12));
        let rows = drawn(width, 12, |frame| super::draw(frame, &app));
        let bar = &rows[11];
        assert!(bar.contains(&format!("1/{total}")), "{width}: {bar}");
        assert!(bar.contains("PANEL"), "{width}: {bar}");
        let shown = bar.trim_start().split("  ").next().unwrap_or_default();
        if let Some(kept) = shown.strip_suffix('…') {
            cut_seen = true;
            assert!(!kept.is_empty() && name.starts_with(kept), "{width}: {bar}");
        } else if !shown.ends_with(&format!("1/{total}")) {
            assert_eq!(shown, name, "{width}: {bar}");
        }
    }
    assert!(cut_seen, "some width cuts the name");
}
