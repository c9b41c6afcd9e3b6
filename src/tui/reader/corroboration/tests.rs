//! The reader's corroboration as plain state: news in, what the panel and the list offer out,
//! and what `Enter` asks the event loop to open.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crossterm::event::KeyEvent;

use super::*;
use crate::annotate::{Claim, Grade, Sidecar};
use crate::config::Config;
use crate::config::keys::{Action, Key};
use crate::corroborate::{Difference, FactKind, Member, MemberClaim, Suggested};
use crate::report::{Encoding, Report};
use crate::tui::reader::{App, Effect, update};

const TEXT: &str = "Bridge falls.\n\nTwo officers were hurt when the bridge fell, police said. \
The mayor ordered an inquiry.";

fn app() -> App {
    let report = Report::from_text(
        Path::new("events/wire.txt"),
        TEXT.to_owned(),
        Encoding::Utf8,
        "sha-of-wire".into(),
    );
    let mut config = Config {
        author: "tester".to_owned(),
        ..Config::default()
    };
    config.suggest.enabled = false;
    let mut app = App::new(report, None::<Sidecar>, config, None);
    update(&mut app, Action::Resize(120, 30));
    app
}

fn key(app: &mut App, text: &str) -> Option<Effect> {
    let key = Key::parse(text).expect("valid key");
    app.on_key(KeyEvent::new(key.code, key.modifiers))
}

fn member(report: &str, n: usize, text: &str, claim: Option<(&str, &str)>) -> Member {
    Member {
        report: PathBuf::from(report),
        n,
        chars: 0..text.chars().count(),
        text: text.to_owned(),
        claims: claim
            .map(|(status, source)| MemberClaim {
                status: status.to_owned(),
                source: Some(source.to_owned()),
                source_kind: None,
                author: "colleague".to_owned(),
            })
            .into_iter()
            .collect(),
        suggestion: Suggested {
            verdict: Some("unsourced"),
            source_kind: None,
            source: None,
        },
    }
}

/// What the comparison would find for sentence 2 (from 0: 1) of [`TEXT`]: the same claim in two
/// other reports, on the word of two sources, one giving another number.
fn found(sha256: &str) -> Arc<Found> {
    let members = vec![
        member(
            "events/brief.txt",
            2,
            "Two officers were injured when the bridge fell, local police confirmed.",
            Some(("sourced", "local police")),
        ),
        member(
            "events/gazette.txt",
            3,
            "Three officers were hurt when the bridge fell, paramedics said.",
            Some(("sourced", "paramedics")),
        ),
    ];
    let sources = sources_of(&members);
    Arc::new(Found {
        sha256: sha256.to_owned(),
        compared: 4,
        found: 4,
        failed: 0,
        echoes: vec![Echo {
            reports: 2,
            sources,
            differences: vec![Difference {
                kind: FactKind::Number,
                values: vec!["Two".to_owned(), "Three".to_owned()],
            }],
            members,
        }],
        by_sentence: HashMap::from([(1, 0)]),
    })
}

/// The reader with the comparison done.
fn compared() -> App {
    let mut app = app();
    assert!(app.corroboration_wanted());
    app.corroboration_started();
    assert!(!app.corroboration_wanted(), "started once");
    app.corroborated(News::Done(Ok(found("sha-of-wire"))));
    app
}

#[test]
fn the_key_says_the_comparison_is_still_running() {
    let mut app = app();
    app.corroboration_started();
    app.corroborated(News::Reading { read: 3, total: 9 });
    key(&mut app, "j");
    key(&mut app, "C");
    assert_eq!(app.corroboration.list, None);
    assert_eq!(
        app.message.as_deref(),
        Some("still comparing with the other reports (3/9 read)")
    );
}

#[test]
fn news_about_another_text_of_the_report_is_dropped() {
    let mut app = app();
    app.corroboration_started();
    app.corroborated(News::Done(Ok(found("an older text"))));
    assert!(app.corroboration().is_none());
    app.corroborated(News::Done(Ok(found("sha-of-wire"))));
    assert!(app.corroboration().is_some());
}

#[test]
fn the_echo_follows_the_cursor() {
    let mut app = compared();
    assert_eq!(app.echo(), None, "the headline is in no other report");
    key(&mut app, "j");
    let echo = app.echo().expect("sentence 2 is elsewhere");
    assert_eq!(echo.reports, 2);
    assert_eq!(echo.members[1].report, Path::new("events/gazette.txt"));
    key(&mut app, "j");
    assert_eq!(app.echo(), None);
    key(&mut app, "C");
    assert_eq!(app.corroboration.list, None);
    assert_eq!(
        app.message.as_deref(),
        Some("no other report states this (compared with 4 report(s))")
    );
}

#[test]
fn the_list_opens_moves_and_enter_asks_to_open_the_member_at_its_sentence() {
    let mut app = compared();
    key(&mut app, "j");
    assert_eq!(key(&mut app, "C"), None);
    assert_eq!(app.corroboration.list, Some(0));
    key(&mut app, "j");
    assert_eq!(app.corroboration.list, Some(1));
    key(&mut app, "j");
    assert_eq!(app.corroboration.list, Some(1), "stops at the last");
    assert_eq!(app.cursor, 1, "the keys move in the list, not the text");
    assert_eq!(key(&mut app, "enter"), Some(Effect::OpenOther));
    assert_eq!(app.corroboration.list, None);
    assert_eq!(
        app.take_opening(),
        Some(Target {
            path: PathBuf::from("events/gazette.txt"),
            sentence: 2,
        })
    );
    assert_eq!(app.take_opening(), None, "taken once");
    assert!(app.sidecar.claims.is_empty(), "no key reached the claims");
}

#[test]
fn esc_closes_the_list() {
    let mut app = compared();
    key(&mut app, "j");
    key(&mut app, "C");
    assert_eq!(key(&mut app, "esc"), None);
    assert_eq!(app.corroboration.list, None);
    assert_eq!(app.take_opening(), None);
}

#[test]
fn a_report_opened_from_the_list_starts_at_the_sentence_and_goes_back() {
    let from = compared();
    let mut other = app();
    other.opened_from(&from, 2);
    assert_eq!(other.cursor, 2);
    assert_eq!(
        other.corroboration.back,
        Some(PathBuf::from("events/wire.txt"))
    );
    assert_eq!(other.corroboration_folder(), Path::new("events"));
    assert!(
        other
            .message
            .as_deref()
            .is_some_and(|m| m.contains("opened from events/wire.txt: q goes back")),
        "{:?}",
        other.message
    );
    // Esc with nothing to cancel goes back, as `q` does.
    assert_eq!(key(&mut other, "esc"), Some(Effect::Quit));
    // A reader opened directly does not leave on Esc.
    let mut first = app();
    assert_eq!(key(&mut first, "esc"), None);
    // With a selection, Esc cancels it first.
    other.message = None;
    key(&mut other, "v");
    assert_eq!(key(&mut other, "esc"), None);
    assert!(other.selection.is_none());
}

fn claim_on_second_sentence(app: &mut App, source: &str, grade: Option<Grade>) {
    key(app, "j");
    key(app, "s");
    let claim: &mut Claim = app.sidecar.claims.first_mut().expect("a claim");
    claim.source = Some(source.to_owned());
    claim.grade = grade;
}

#[test]
fn two_independent_sources_support_credibility_one_as_a_hint() {
    let mut app = compared();
    claim_on_second_sentence(&mut app, "the police", Grade::new('B', 3));
    assert_eq!(app.supported_credibility(0), Some(2));
    assert_eq!(
        app.sidecar.claims[0].grade,
        Grade::new('B', 3),
        "never set by itself"
    );
}

#[test]
fn the_claims_own_source_is_not_independent() {
    let mut app = compared();
    claim_on_second_sentence(&mut app, "Paramedics.", None);
    assert_eq!(app.supported_credibility(0), None, "one other source left");
    let mut graded = compared();
    claim_on_second_sentence(&mut graded, "the police", Grade::new('B', 1));
    assert_eq!(graded.supported_credibility(0), None, "already 1");
}

#[test]
fn a_changed_text_asks_for_the_comparison_again_and_keeps_where_it_came_from() {
    let mut app = compared();
    app.corroboration.back = Some(PathBuf::from("events/brief.txt"));
    let kept = app.corroboration.carried();
    assert_eq!(kept.back, app.corroboration.back);
    assert_eq!(kept.state, State::Idle);
}

#[test]
fn a_folder_past_the_cap_is_named_as_compared_in_part() {
    let mut app = app();
    app.corroboration_started();
    let mut capped = (*found("sha-of-wire")).clone();
    capped.compared = 2000;
    capped.found = 3412;
    capped.failed = 3;
    app.corroborated(News::Done(Ok(Arc::new(capped))));
    key(&mut app, "C");
    assert_eq!(
        app.message.as_deref(),
        Some(
            "no other report states this (compared with the nearest 2000 of 3412 report(s); \
             3 could not be read)"
        )
    );
    key(&mut app, "j");
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 30)).expect("terminal");
    terminal
        .draw(|frame| crate::tui::reader::ui::draw(frame, &app))
        .expect("draws");
    let buffer = terminal.backend().buffer();
    let text: Vec<String> = (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect()
        })
        .collect();
    assert!(
        text.iter().any(|row| row.contains("also in 2 reports")),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|row| row.contains("compared with the nearest 2000 of 3412 reports")),
        "{text:#?}"
    );
}

#[test]
fn reports_that_could_not_be_read_do_not_make_the_comparison_partial() {
    let mut app = app();
    app.corroboration_started();
    let mut whole = (*found("sha-of-wire")).clone();
    // Three reports found, all tried, one unreadable (a binary file): not "the nearest 2 of 3".
    whole.compared = 2;
    whole.found = 3;
    whole.failed = 1;
    app.corroborated(News::Done(Ok(Arc::new(whole))));
    key(&mut app, "C");
    assert_eq!(
        app.message.as_deref(),
        Some("no other report states this (compared with 2 report(s); 1 could not be read)")
    );
    key(&mut app, "j");
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 30)).expect("terminal");
    terminal
        .draw(|frame| crate::tui::reader::ui::draw(frame, &app))
        .expect("draws");
    let buffer = terminal.backend().buffer();
    let screen: String = (0..buffer.area.height)
        .flat_map(|y| (0..buffer.area.width).map(move |x| (x, y)))
        .map(|(x, y)| buffer[(x, y)].symbol().to_owned())
        .collect();
    assert!(screen.contains("also in 2 reports"), "{screen}");
    assert!(!screen.contains("nearest"), "{screen}");
}

/// The row of the screen `app` draws at 120x30 that starts (inside the editor) with `field`.
fn editor_row(app: &App, field: &str) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 30)).expect("terminal");
    terminal
        .draw(|frame| crate::tui::reader::ui::draw(frame, app))
        .expect("draws");
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .find(|row| row.contains(&format!("{field:<7}")))
        .unwrap_or_else(|| panic!("no {field} row"))
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.on_key(KeyEvent::new(
            crossterm::event::KeyCode::Char(c),
            crossterm::event::KeyModifiers::NONE,
        ));
    }
}

#[test]
fn the_claim_editors_grade_field_shows_the_hint_as_typed() {
    let mut app = compared();
    key(&mut app, "j");
    key(&mut app, "enter");
    typed(&mut app, "the police");
    let grade = editor_row(&app, "Grade");
    assert!(grade.contains("(1 supported: 2 sources)"), "{grade}");
    // The source typed is one of the other reports' sources: one independent source left.
    key(&mut app, "ctrl-u");
    typed(&mut app, "paramedics");
    let grade = editor_row(&app, "Grade");
    assert!(!grade.contains("supported"), "{grade}");
    key(&mut app, "ctrl-u");
    typed(&mut app, "the mayor");
    // A credibility of 1 typed: nothing left to hint.
    key(&mut app, "tab");
    key(&mut app, "tab");
    typed(&mut app, "B1");
    let grade = editor_row(&app, "Grade");
    assert!(
        grade.contains("B1") && !grade.contains("supported"),
        "{grade}"
    );
    assert_eq!(key(&mut app, "ctrl-s"), Some(Effect::Save));
    assert_eq!(app.sidecar.claims[0].grade, Grade::new('B', 1), "as typed");
}

#[test]
fn an_empty_report_says_there_is_nothing_to_compare() {
    let report = Report::from_text(
        Path::new("events/empty.txt"),
        String::new(),
        Encoding::Utf8,
        "sha-of-nothing".into(),
    );
    let mut app = App::new(report, None::<Sidecar>, Config::default(), None);
    update(&mut app, Action::Resize(120, 30));
    assert!(!app.corroboration_wanted(), "no sentence to compare");
    key(&mut app, "C");
    assert_eq!(
        app.message.as_deref(),
        Some("nothing to compare: the report has no sentences"),
        "not a comparison that never comes"
    );
}
