//! Corroboration on screen, on the folder written for the project (`tests/corroborate/event`:
//! five reports on one invented event): the reader's panel line and list, the credibility hint,
//! `Enter` opening the other report; the review screen's groups view, its order and filters.
//! The comparison is the real one, run on its worker thread and waited for.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::support::{SIDENOTE, default_config, key_events, row_with, rows};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use sidenote::config::Config;
use sidenote::config::keys::{Action, ReviewAction};
use sidenote::report::Report;
use sidenote::suggest::Cues;
use sidenote::tui::reader::corroboration::{News, worker};
use sidenote::tui::reader::{App, update};
use sidenote::tui::review::groups::{self, State};
use sidenote::tui::review::{Effect, Message, Review};
use sidenote::tui::{Input, Start, Workers};

const EVENT: &str = "tests/corroborate/event";

/// A copy of the event folder, so that what a test writes stays in it.
fn event_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for entry in std::fs::read_dir(EVENT).expect("the event folder") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("a name");
        std::fs::copy(&path, dir.path().join(name)).expect("copy a report");
    }
    dir
}

fn config() -> Config {
    let mut config = Config {
        author: "tester".to_owned(),
        color: false,
        ..Config::default()
    };
    config.suggest.enabled = false;
    config
}

/// The reader on `name` of `dir`, compared with the other reports there (waited for).
fn compared(dir: &Path, name: &str) -> App {
    let report = Report::load(&dir.join(name)).expect("loads");
    let mut app = App::new(report, None, config(), None);
    update(&mut app, Action::Resize(120, 40));
    let workers = Workers::default();
    let _worker = worker::start(
        Arc::clone(&app.report),
        app.sidecar.claims.clone(),
        app.corroboration_folder(),
        Cues::builtin(),
        None,
        workers.sender(),
    );
    app.corroboration_started();
    while let Some(input) = workers.next() {
        if let Input::Corroborated(news) = input {
            let done = matches!(*news, News::Done(_));
            app.corroborated(*news);
            if done {
                break;
            }
        }
    }
    assert!(app.corroboration().is_some(), "compared");
    app
}

fn press(app: &mut App, keys: &str) {
    for event in key_events(keys) {
        if let Ok(Input::Terminal(crossterm::event::Event::Key(key))) = event {
            app.on_key(key);
        }
    }
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal
        .draw(|frame| sidenote::tui::reader::ui::draw(frame, app))
        .expect("draws");
    terminal
}

/// The cells of row `y` holding `text`, for looking at their style.
fn cells_of<'b>(
    buffer: &'b ratatui::buffer::Buffer,
    y: u16,
    text: &str,
) -> Vec<&'b ratatui::buffer::Cell> {
    let row = &rows(buffer)[usize::from(y)];
    let at = row
        .find(text)
        .unwrap_or_else(|| panic!("{text:?} in {row}"));
    let x = row[..at].chars().count();
    (x..x + text.chars().count())
        .map(|x| &buffer[(u16::try_from(x).expect("fits"), y)])
        .collect()
}

fn y_of(buffer: &ratatui::buffer::Buffer, text: &str) -> u16 {
    let y = rows(buffer)
        .iter()
        .position(|r| r.contains(text))
        .unwrap_or_else(|| panic!("{text:?} on screen"));
    u16::try_from(y).expect("fits")
}

#[test]
fn the_panel_names_the_other_reports_and_shows_the_differing_figure_apart() {
    let dir = event_folder();
    let mut app = compared(dir.path(), "wire.txt");
    // The headline is stated nowhere else: no line.
    let terminal = draw(&app);
    assert!(row_with(terminal.backend().buffer(), "also in").is_none());
    // "Two police officers were injured …": in brief.txt as written, in gazette.txt with three.
    press(&mut app, "j j");
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    insta::assert_snapshot!(terminal.backend());
    let rule = row_with(buffer, "also in 2 reports").expect("the panel line");
    assert!(rule.contains("· 2 sources · C list"), "{rule}");
    let names = row_with(buffer, "brief.txt (").expect("the reports");
    assert!(
        names.contains("brief.txt (◌ sourced — local police) Two,"),
        "{names}"
    );
    let differs = row_with(buffer, "≠ differs:").expect("the difference");
    assert!(differs.contains("number Two / Three"), "{differs}");
    for cell in cells_of(buffer, y_of(buffer, "≠ differs:"), "Three") {
        assert!(
            cell.modifier.contains(Modifier::REVERSED | Modifier::BOLD),
            "the differing value stands apart"
        );
    }
    let names_y = y_of(buffer, "gazette.txt (◌ sourced — police) Three");
    for cell in cells_of(buffer, names_y, "Three") {
        assert!(cell.modifier.contains(Modifier::REVERSED));
    }
    for cell in cells_of(buffer, names_y, "gazette.txt") {
        assert!(
            !cell.modifier.contains(Modifier::REVERSED),
            "names are plain"
        );
    }
}

#[test]
fn the_list_shows_each_report_with_its_sentence() {
    let dir = event_folder();
    let mut app = compared(dir.path(), "wire.txt");
    press(&mut app, "j j C");
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    insta::assert_snapshot!(terminal.backend());
    assert!(row_with(buffer, "also in 2 report(s) · 2 source(s) · Enter opens").is_some());
    let first = row_with(buffer, "brief.txt:2").expect("brief's member");
    assert!(
        first.contains("▍brief.txt:2 ◌ sourced — local police"),
        "{first}"
    );
    assert!(row_with(buffer, "gazette.txt:3").is_some());
    assert!(
        row_with(
            buffer,
            "Three police officers were hurt when part of the crowd"
        )
        .is_some(),
        "the member's sentence"
    );
    let y = y_of(buffer, "Three police officers were hurt");
    for cell in cells_of(buffer, y, "Three") {
        assert!(cell.modifier.contains(Modifier::REVERSED));
    }
}

#[test]
fn a_claim_on_two_independent_sources_shows_the_credibility_they_support() {
    let dir = event_folder();
    let mut app = compared(dir.path(), "wire.txt");
    press(&mut app, "j j s");
    app.sidecar.claims[0].source = Some("a police spokesman".to_owned());
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let head = row_with(buffer, "[s sourced]").expect("the claim's line");
    assert!(
        head.contains("[s sourced] (1 supported: 2 sources)"),
        "{head}"
    );
    assert_eq!(app.sidecar.claims[0].grade, None, "only a hint");
    // Attributed to what one of the others says too, it rests on one other source only.
    app.sidecar.claims[0].source = Some("Police".to_owned());
    let terminal = draw(&app);
    assert!(row_with(terminal.backend().buffer(), "supported").is_none());
}

#[test]
fn enter_in_the_list_opens_the_other_report_at_its_sentence_and_q_comes_back() {
    let dir = event_folder();
    let mut app = compared(dir.path(), "wire.txt");
    let sidecar = sidenote::annotate::sidecar_path(&app.report.path);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    // The list's second report is gazette.txt; there `s` tags the sentence the reader opened at,
    // `q` goes back to wire.txt, where `s` tags the cursor's sentence.
    let events = key_events("j j C j Enter s q s");
    sidenote::tui::run(&mut terminal, &mut app, &sidecar, events).expect("runs");
    let gazette = sidenote::annotate::Sidecar::load(&dir.path().join("gazette.txt.sidenote.toml"))
        .expect("reads")
        .expect("the other report's claims were saved");
    assert_eq!(gazette.claims.len(), 1);
    assert!(
        gazette.claims[0]
            .quote
            .starts_with("Three police officers were hurt"),
        "{}",
        gazette.claims[0].quote
    );
    assert!(app.report.path.ends_with("wire.txt"), "back on wire.txt");
    assert_eq!(app.sidecar.claims.len(), 1);
    assert!(
        app.sidecar.claims[0]
            .quote
            .starts_with("Two police officers were injured")
    );
    assert_eq!(app.cursor, 2, "where it was");
    // What was tagged in gazette.txt shows in wire.txt's panel.
    let echo = app.echo().expect("the sentence is in other reports");
    let gazette = echo
        .members
        .iter()
        .find(|m| m.report.ends_with("gazette.txt"))
        .expect("gazette's member");
    assert_eq!(gazette.claims.len(), 1);
    assert_eq!(gazette.claims[0].status, "sourced");
    let terminal = draw(&app);
    assert!(
        row_with(terminal.backend().buffer(), "gazette.txt (sourced) Three").is_some(),
        "{:#?}",
        rows(terminal.backend().buffer())
    );
}

/// The groups of `dir`, computed as the review screen does, with the reports named relative to it
/// so that the screens do not depend on where the test runs.
fn review_of(dir: &Path) -> Review {
    let (tx, rx) = std::sync::mpsc::channel();
    groups::compute(dir, &Cues::builtin(), None, &tx);
    drop(tx);
    let mut review = Review::new(PathBuf::from("event"), config());
    review.scan_done();
    review.message = None;
    review.receive(rx.into_iter().map(|message| match message {
        Message::Groups(groups::News::Done(Ok(mut computed))) => {
            for member in computed.groups.iter_mut().flat_map(|g| &mut g.members) {
                member.report = member
                    .report
                    .strip_prefix(dir)
                    .expect("under the folder")
                    .to_path_buf();
            }
            Message::Groups(groups::News::Done(Ok(computed)))
        }
        other => other,
    }));
    sidenote::tui::review::update(&mut review, Action::Resize(120, 30));
    review
}

fn draw_review(review: &Review) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).expect("terminal");
    terminal
        .draw(|frame| sidenote::tui::review::ui::draw(frame, review))
        .expect("draws");
    terminal
}

/// The groups' lines on screen, top to bottom.
fn group_lines(terminal: &Terminal<TestBackend>) -> Vec<String> {
    rows(terminal.backend().buffer())
        .into_iter()
        .map(|r| r.trim_matches(|c| c == '│' || c == ' ').to_owned())
        .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()) && r.contains(" source"))
        .collect()
}

fn tag(dir: &Path, report: &str, n: &str, status: &str) {
    let config = default_config().to_string_lossy().into_owned();
    let out = std::process::Command::new(SIDENOTE)
        .current_dir(dir)
        .args(["tag", report, n, status, "--config", &config])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn the_groups_view_lists_most_reports_first_and_filters_by_difference_and_tag() {
    let dir = event_folder();
    tag(dir.path(), "brief.txt", "3", "opinion");
    let mut review = review_of(dir.path());
    assert!(matches!(review.groups.state, State::Ready(_)));
    sidenote::tui::review::update(&mut review, Action::Review(ReviewAction::ViewGroups));
    let terminal = draw_review(&review);
    insta::assert_snapshot!("groups_view", terminal.backend());
    let lines = group_lines(&terminal);
    assert_eq!(lines.len(), 7, "{lines:#?}");
    let reports: Vec<&str> = lines.iter().map(|l| &l[..9]).collect();
    assert_eq!(reports[..5], ["3 reports"; 5], "most reports first");
    assert_eq!(reports[5..], ["2 reports"; 2]);
    assert!(row_with(terminal.backend().buffer(), "7 of 7 groups in 5 reports").is_some());

    // Only the groups whose reports differ.
    sidenote::tui::review::update(&mut review, Action::Corroboration);
    let terminal = draw_review(&review);
    insta::assert_snapshot!("groups_view_differs", terminal.backend());
    let lines = group_lines(&terminal);
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(lines.iter().all(|l| l.contains("differs in")), "{lines:#?}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("differs in date: 1987 / 1978"))
    );
    assert!(row_with(terminal.backend().buffer(), "3 of 7 groups").is_some());

    // Again: all; then only the groups with an opinion claimed.
    sidenote::tui::review::update(&mut review, Action::Corroboration);
    let opinion = review
        .config
        .tags
        .iter()
        .position(|t| t.name == "opinion")
        .expect("a default tag");
    sidenote::tui::review::update(&mut review, Action::Tag(opinion));
    assert_eq!(review.view, sidenote::tui::review::View::Groups, "stays");
    let terminal = draw_review(&review);
    let lines = group_lines(&terminal);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    let buffer = terminal.backend().buffer();
    assert!(row_with(buffer, "[tag opinion]").is_some());
    let member = row_with(buffer, "brief.txt:3").expect("the tagged member");
    assert!(member.contains("opinion"), "{member}");
}

#[test]
fn enter_in_the_groups_view_opens_a_member_at_its_sentence() {
    let dir = event_folder();
    let mut review = review_of(dir.path());
    sidenote::tui::review::update(&mut review, Action::Review(ReviewAction::ViewGroups));
    // The first group: the footbridge's collapse, in blog.md, gazette.txt and wire.txt.
    sidenote::tui::review::update(&mut review, Action::NextSentence);
    assert_eq!(
        sidenote::tui::review::update(&mut review, Action::EditClaim),
        Some(Effect::OpenAt {
            path: PathBuf::from("gazette.txt"),
            sentence: 1,
        })
    );
    let terminal = draw_review(&review);
    let selected = row_with(terminal.backend().buffer(), "› ").expect("a selection");
    assert!(selected.contains("gazette.txt:2"), "{selected}");

    // The loop hands the sentence to the reader it opens.
    let (tx, rx) = std::sync::mpsc::channel();
    drop(tx);
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).expect("terminal");
    let mut opened = Vec::new();
    sidenote::tui::review_loop::run(
        &mut terminal,
        &mut review,
        key_events("Enter"),
        &rx,
        |_, path, start: Start<'_>, _| {
            opened.push((path.to_path_buf(), start.sentence, start.claim.is_none()));
            Ok(None)
        },
    )
    .expect("runs");
    assert_eq!(opened, [(PathBuf::from("gazette.txt"), Some(1), true)]);
}

#[test]
fn a_click_selects_the_member_drawn_there_and_a_second_click_opens_it() {
    let dir = event_folder();
    let mut review = review_of(dir.path());
    sidenote::tui::review::update(&mut review, Action::Review(ReviewAction::ViewGroups));
    let terminal = draw_review(&review);
    let y = y_of(terminal.backend().buffer(), "radio.txt:2");
    // A group's line selects nothing.
    let head = y_of(terminal.backend().buffer(), "3 reports · 2 sources");
    assert_eq!(
        sidenote::tui::review::update(&mut review, Action::Click(10, head)),
        None
    );
    assert_eq!(review.groups.row, 0);
    assert_eq!(
        sidenote::tui::review::update(&mut review, Action::Click(10, y)),
        None
    );
    let terminal = draw_review(&review);
    let selected = row_with(terminal.backend().buffer(), "› ").expect("a selection");
    assert!(selected.contains("radio.txt:2"), "{selected}");
    assert_eq!(
        sidenote::tui::review::update(&mut review, Action::Click(10, y)),
        Some(Effect::OpenAt {
            path: PathBuf::from("radio.txt"),
            sentence: 1,
        })
    );
}

#[test]
fn a_report_read_again_after_the_reader_retags_its_members() {
    let dir = event_folder();
    let mut review = review_of(dir.path());
    sidenote::tui::review::update(&mut review, Action::Review(ReviewAction::ViewGroups));
    let disputed = review
        .config
        .tags
        .iter()
        .position(|t| t.name == "disputed")
        .expect("a default tag");
    sidenote::tui::review::update(&mut review, Action::Tag(disputed));
    assert!(
        group_lines(&draw_review(&review)).is_empty(),
        "no claim yet"
    );
    // What the reader would leave: radio.txt's sentence on the bridge's year disputed.
    tag(dir.path(), "radio.txt", "4", "disputed");
    let read = sidenote::corpus::Reviewed::load(&dir.path().join("radio.txt")).expect("reads");
    review.reloaded(Path::new("radio.txt"), Ok(read));
    let terminal = draw_review(&review);
    let lines = group_lines(&terminal);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(
        lines[0].contains("differs in date: 1987 / 1978"),
        "{lines:#?}"
    );
    let member = row_with(terminal.backend().buffer(), "radio.txt:4").expect("the member");
    assert!(member.contains("disputed"), "{member}");
}

#[test]
fn the_help_names_the_key_of_the_list() {
    let dir = event_folder();
    let mut app = compared(dir.path(), "wire.txt");
    update(&mut app, Action::Resize(120, 80));
    press(&mut app, "?");
    let mut terminal = Terminal::new(TestBackend::new(120, 80)).expect("terminal");
    terminal
        .draw(|frame| sidenote::tui::reader::ui::draw(frame, &app))
        .expect("draws");
    let row = row_with(
        terminal.backend().buffer(),
        "other reports stating this claim",
    )
    .expect("a line in the help");
    assert!(row.contains("  C  "), "{row}");
}

#[test]
fn reports_tagged_from_the_readers_list_are_read_again_too() {
    let dir = event_folder();
    // The review as the live screen has it: members named as the scan found them.
    let (tx, rx) = std::sync::mpsc::channel();
    groups::compute(dir.path(), &Cues::builtin(), None, &tx);
    drop(tx);
    let mut review = Review::new(dir.path().to_path_buf(), config());
    review.scan_done();
    review.receive(rx);
    sidenote::tui::review::update(&mut review, Action::Review(ReviewAction::ViewGroups));
    let (tx, rx) = std::sync::mpsc::channel();
    drop(tx);
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).expect("terminal");
    sidenote::tui::review_loop::run(
        &mut terminal,
        &mut review,
        key_events("Enter"),
        &rx,
        |_, path, _, _| {
            // The reader opened blog.md, went on from its list to wire.txt and tagged there.
            assert!(path.ends_with("blog.md"), "{}", path.display());
            tag(dir.path(), "wire.txt", "2", "disputed");
            Ok(None)
        },
    )
    .expect("runs");
    let terminal = draw_review(&review);
    let member = row_with(terminal.backend().buffer(), "wire.txt:2").expect("the member");
    assert!(member.contains("disputed"), "{member}");
    let wire = review
        .reports
        .iter()
        .find(|r| r.path.ends_with("wire.txt"))
        .expect("wire.txt read again");
    assert_eq!(wire.claims.len(), 1);
}
