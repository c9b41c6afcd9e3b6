//! Screen tests of the review screen (`sidenote DIR`): the reports table, the claims view and
//! the charts, drawn on a `TestBackend` from a folder tagged with `sidenote tag`, snapshotted
//! with insta; and the event loop opening the reader and coming back refreshed.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::review_support::Folder;
use crate::support::{row_with, rows};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sidenote::config::Config;
use sidenote::config::keys::{Action, ReviewAction};
use sidenote::corpus::Reviewed;
use sidenote::tui::Input;
use sidenote::tui::review::Message;
use sidenote::tui::review::{Review, update};
use sidenote::tui::review_loop::run;

/// Reads the folder's reports, named relative to it and with a fixed time, so the screens do not
/// depend on where or when the test runs.
fn review_of(folder: &Folder) -> Review {
    let config = Config {
        color: false,
        ..Config::default()
    };
    let mut review = Review::new(PathBuf::from("reports"), config);
    let names = ["port.txt", "city/budget.md", "weather.txt"];
    review.scan_found(names.len());
    for (i, name) in names.iter().enumerate() {
        let mut report = Reviewed::load(&folder.path(name)).expect("loads");
        report.path = PathBuf::from(name);
        let day = Duration::from_secs(86_400 * (20_000 + i as u64));
        report.modified = Some(SystemTime::UNIX_EPOCH + day);
        review.scanned(Ok(report));
    }
    review.scan_done();
    review
}

fn draw(review: &Review, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| sidenote::tui::review::ui::draw(frame, review))
        .expect("draws");
    terminal
}

fn press(review: &mut Review, action: Action) {
    update(review, action);
}

#[test]
fn reports_table_with_totals() {
    let folder = Folder::new();
    let review = review_of(&folder);
    let terminal = draw(&review, 120, 12);
    insta::assert_snapshot!(terminal.backend());
    let rows = rows(terminal.backend().buffer());
    // One row per report, by name: sentences, claims, sourced, unsourced, disputed, opinion.
    let numbers = |name: &str| -> Vec<String> {
        let row = rows
            .iter()
            .find(|row| row.contains(name))
            .unwrap_or_else(|| panic!("no row for {name}"));
        row.split_whitespace()
            .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
            .take(6)
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(numbers("city/budget.md"), ["4", "3", "1", "0", "1", "1"]);
    assert_eq!(numbers("port.txt"), ["3", "2", "1", "1", "0", "0"]);
    assert_eq!(numbers("weather.txt"), ["2", "0", "0", "0", "0", "0"]);
    assert_eq!(
        numbers("total"),
        ["9", "5", "2", "1", "1", "1"],
        "the totals"
    );
    let order: Vec<usize> = ["city/budget.md", "port.txt", "weather.txt", "total"]
        .iter()
        .map(|name| rows.iter().position(|row| row.contains(name)).expect("row"))
        .collect();
    assert!(order.is_sorted(), "by name, totals last: {order:?}");
}

#[test]
fn reports_table_sorted_by_claims_wide_enough_for_dates() {
    let folder = Folder::new();
    let mut review = review_of(&folder);
    press(&mut review, Action::Review(ReviewAction::SortNext));
    press(&mut review, Action::Review(ReviewAction::SortNext));
    press(&mut review, Action::Review(ReviewAction::SortReverse));
    let terminal = draw(&review, 150, 10);
    insta::assert_snapshot!(terminal.backend());
    let rows = rows(terminal.backend().buffer());
    assert!(
        row_with(terminal.backend().buffer(), "claims▼").is_some(),
        "sorted by claims, most first"
    );
    let at = |name: &str| rows.iter().position(|row| row.contains(name)).expect(name);
    assert!(at("city/budget.md") < at("port.txt") && at("port.txt") < at("weather.txt"));
    // Wide enough for the dates: the column is there and a date shows whole.
    let header = row_with(terminal.backend().buffer(), "modified (UTC)").expect("date column");
    assert!(header.contains("claims▼"), "{header}");
    let date = |name: &str| {
        let row = &rows[at(name)];
        row.split_whitespace()
            .any(|w| w.len() == 10 && w.as_bytes()[4] == b'-' && w.as_bytes()[7] == b'-')
    };
    assert!(date("port.txt"), "no whole date: {}", rows[at("port.txt")]);
    // The grades column counts claims per reliability letter, and reads as no Admiralty grade:
    // budget.md has one claim graded E and two ungraded, not an "E1" grade.
    assert!(header.contains("claims/grade"), "{header}");
    let budget = &rows[at("city/budget.md")];
    assert!(budget.contains(" E·1 ?·2 "), "{budget}");
    assert!(!budget.contains("E1"), "{budget}");
    let total = row_with(terminal.backend().buffer(), "claims per grade: E·1 ?·4");
    assert!(total.is_some(), "the totals' line says what it counts");
}

#[test]
fn claims_view_of_every_report() {
    let folder = Folder::new();
    let mut review = review_of(&folder);
    press(&mut review, Action::Review(ReviewAction::ViewClaims));
    press(&mut review, Action::NextSentence);
    let terminal = draw(&review, 120, 11);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    assert!(
        row_with(buffer, "5 claims").is_some(),
        "every claim counted"
    );
    // Every claim of every report, in reading order: by report, then in the text.
    let rows = rows(buffer);
    let at = |quote: &str| {
        rows.iter()
            .position(|row| row.contains(quote))
            .expect(quote)
    };
    let order = [
        at("Officials said the budget"),
        at("The mayor denied"),
        at("Critics called the plan"),
        at("The port authority said"),
        at("The strike cost the city"),
    ];
    assert!(order.is_sorted(), "{order:?}");
    assert!(
        rows[order[1]].contains("│› disputed"),
        "the second row selected: {}",
        rows[order[1]]
    );
}

#[test]
fn claims_view_filters_by_label_and_the_prompt_lists_the_labels() {
    let folder = Folder::new();
    folder.ok(&["tag", "port.txt", "2", "unsourced", "--label", "audit"]);
    let mut review = review_of(&folder);
    press(&mut review, Action::Review(ReviewAction::ViewClaims));
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    review.on_key(key(KeyCode::Char('/')));
    let terminal = draw(&review, 120, 11);
    let status = rows(terminal.backend().buffer()).pop().unwrap_or_default();
    assert!(
        status.contains("label:NAME") && status.contains("labels: audit 2 · follow-up 1"),
        "the labels in use, most used first: {status}"
    );
    for c in "label:f".chars() {
        review.on_key(key(KeyCode::Char(c)));
    }
    let terminal = draw(&review, 120, 11);
    let status = rows(terminal.backend().buffer()).pop().unwrap_or_default();
    assert!(
        status.starts_with("/label:f   labels: follow-up 1 · Tab completes"),
        "{status}"
    );
    review.on_key(key(KeyCode::Tab));
    review.on_key(key(KeyCode::Enter));
    let terminal = draw(&review, 120, 11);
    let buffer = terminal.backend().buffer();
    assert!(
        row_with(buffer, "1 of 5 claims: matching “label:follow-up ”").is_some(),
        "{:#?}",
        rows(buffer)
    );
    assert!(row_with(buffer, "Officials said the budget").is_some());
    assert!(row_with(buffer, "The strike cost the city").is_none());
    review.query = "label:audit".into();
    let terminal = draw(&review, 120, 11);
    let buffer = terminal.backend().buffer();
    assert!(row_with(buffer, "2 of 5 claims").is_some());
    assert!(row_with(buffer, "The strike cost the city").is_some());
    assert!(row_with(buffer, "Officials said the budget").is_some());
}

#[test]
fn claims_view_sorted_by_grade_then_by_author() {
    let folder = Folder::new();
    let mut review = review_of(&folder);
    press(&mut review, Action::Review(ReviewAction::ViewClaims));
    for _ in 0..3 {
        press(&mut review, Action::Review(ReviewAction::SortNext));
    }
    press(&mut review, Action::Review(ReviewAction::SortReverse));
    // Reversed, the graded claims still come first: a claim without a grade sorts last
    // whichever way the column goes (so the one graded E3 stays on top), the ungraded ones in
    // reading order.
    let terminal = draw(&review, 120, 11);
    insta::assert_snapshot!("claims_view_sorted_by_grade_reversed", terminal.backend());
    let buffer = terminal.backend().buffer();
    assert!(
        row_with(buffer, "grade▼").is_some(),
        "sorted by grade, reversed"
    );
    let rows = rows(buffer);
    let at = |quote: &str| {
        rows.iter()
            .position(|row| row.contains(quote))
            .expect(quote)
    };
    assert!(rows[at("Officials said the budget")].contains("E3"));
    let order = [
        at("Officials said the budget"),
        at("The mayor denied"),
        at("Critics called the plan"),
        at("The port authority said"),
        at("The strike cost the city"),
    ];
    assert!(
        order.is_sorted(),
        "graded first, then reading order: {order:?}"
    );
    press(&mut review, Action::Review(ReviewAction::SortNext));
    press(&mut review, Action::Review(ReviewAction::SortReverse));
    let terminal = draw(&review, 120, 11);
    insta::assert_snapshot!(
        "claims_view_sorted_by_author_shows_the_author",
        terminal.backend()
    );
    let buffer = terminal.backend().buffer();
    let header = row_with(buffer, "author▲").expect("sorted by author");
    assert!(!header.contains("grade▼"), "one sort mark: {header}");
    let authors = crate::support::rows(buffer)
        .iter()
        .filter(|row| row.contains(" tester "))
        .count();
    assert_eq!(authors, 5, "every claim shows its author");
}

#[test]
fn claims_view_filtered_to_weak_sources() {
    let folder = Folder::new();
    let mut review = review_of(&folder);
    press(&mut review, Action::Review(ReviewAction::WeakSources));
    let terminal = draw(&review, 100, 8);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    assert!(row_with(buffer, "2 of 5 claims: on E/F sources or unsourced").is_some());
    let weak = row_with(buffer, "Officials said the budget").expect("the E3 claim");
    assert!(weak.contains("E3"), "{weak}");
    let unsourced = row_with(buffer, "The strike cost").expect("the unsourced claim");
    assert!(unsourced.contains("unsourced"), "{unsourced}");
    for strong in ["The mayor denied", "Critics called", "The port authority"] {
        assert!(row_with(buffer, strong).is_none(), "{strong} is not weak");
    }
}

#[test]
fn chart_of_tags_sources_and_grades() {
    let folder = Folder::new();
    let mut review = review_of(&folder);
    press(&mut review, Action::Review(ReviewAction::ViewChart));
    let terminal = draw(&review, 100, 20);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    // Tags: a bar per report, with a legend; a report without claims says so.
    assert!(row_with(buffer, "Claims per report").is_some());
    assert!(
        row_with(
            buffer,
            "█ named ▓ anonymous ▚ sourced, kind not said ▒ unsourced ░ other"
        )
        .is_some()
    );
    // Sourced claims saved without a kind are sourced, not "other".
    let budget = row_with(buffer, "city/budget.md").expect("a bar for budget.md");
    assert!(
        budget.contains("▚░") && budget.contains(" 0/0/1/0/2 "),
        "{budget}"
    );
    let port = row_with(buffer, "port.txt").expect("a bar for port.txt");
    assert!(
        port.contains("▚▒") && port.contains(" 0/0/1/1/0 "),
        "{port}"
    );
    assert!(
        row_with(buffer, "weather.txt")
            .expect("weather.txt")
            .contains("no claims")
    );
    // Sources: each cited once.
    assert!(row_with(buffer, "Most cited sources").is_some());
    for source in ["anonymous officials", "the mayor", "the port authority"] {
        let row = row_with(buffer, source).unwrap_or_else(|| panic!("{source} not charted"));
        assert!(row.contains(" 1█"), "{source} cited once: {row}");
    }
    // Grades: one claim graded E, four ungraded.
    assert!(row_with(buffer, "Claims per source grade").is_some());
    let axis = row_with(buffer, " A   B   C   D   E   F   ?").expect("the grade axis");
    let counts = rows(buffer)
        .into_iter()
        .find(|row| row.contains("█1█"))
        .expect("bar labels");
    let label_at = |label: &str| counts.find(label).map(|at| counts[..at].chars().count());
    let letter_at = |letter: char| axis.find(letter).map(|at| axis[..at].chars().count());
    assert_eq!(
        label_at("█1█").map(|x| x + 1),
        letter_at('E'),
        "one E:\n{axis}\n{counts}"
    );
    assert_eq!(
        label_at("█4█").map(|x| x + 1),
        letter_at('?'),
        "four ungraded"
    );
}

#[test]
fn scanning_shows_progress_and_the_filter_prompt_types() {
    let folder = Folder::new();
    let mut review = review_of(&folder);
    review.scan_found(7);
    review.scanned(Err("broken.txt: not text".into()));
    let terminal = draw(&review, 100, 8);
    insta::assert_snapshot!("scanning", terminal.backend());
    let status = rows(terminal.backend().buffer()).pop().unwrap_or_default();
    assert!(
        status.contains("reading 1/7 reports…") && status.contains("3 reports · 5 claims"),
        "progress: {status}"
    );
    let slash = KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE);
    review.on_key(slash);
    for c in "port".chars() {
        review.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    let terminal = draw(&review, 100, 8);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    assert!(row_with(buffer, "1 of 3 reports matching “port”").is_some());
    assert!(row_with(buffer, "port.txt").is_some());
    assert!(row_with(buffer, "city/budget.md").is_none(), "filtered out");
    let last = terminal.backend().buffer().content[..]
        .chunks(100)
        .last()
        .map(|row| {
            row.iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect::<String>()
        })
        .unwrap_or_default();
    assert!(last.starts_with("/port"), "{last}");
}

#[test]
fn enter_opens_the_reader_at_the_claim_and_the_row_is_refreshed() {
    let folder = Folder::new();
    let (tx, rx) = std::sync::mpsc::channel();
    let names = ["port.txt", "city/budget.md", "weather.txt"];
    tx.send(Message::Found(3)).expect("send");
    for name in names {
        tx.send(Message::Read(
            Reviewed::load(&folder.path(name)).map_err(|e| e.to_string()),
        ))
        .expect("send");
    }
    tx.send(Message::Done).expect("send");
    let key = |code| {
        Ok(Input::Terminal(Event::Key(KeyEvent::new(
            code,
            KeyModifiers::NONE,
        ))))
    };
    // The claims view; its first claim is the first of city/budget.md.
    let events = vec![key(KeyCode::Char('2')), key(KeyCode::Enter)];
    let mut review = Review::new(folder.dir.path().to_path_buf(), Config::default());
    let mut terminal = Terminal::new(TestBackend::new(100, 12)).expect("terminal");
    let mut opened: Vec<(PathBuf, Option<String>)> = Vec::new();
    run(
        &mut terminal,
        &mut review,
        events,
        &rx,
        |_, path: &Path, start, _| {
            opened.push((path.to_path_buf(), start.claim.map(str::to_owned)));
            // What the reader would do: the user removes the claim.
            folder.ok(&["untag", "city/budget.md", "1"]);
            Ok(None)
        },
    )
    .expect("runs");
    let budget = folder.path("city/budget.md");
    let first = folder.all_claims()[0].1.clone();
    assert_eq!(opened.len(), 1);
    assert_eq!(opened[0].0, budget);
    assert!(opened[0].1.is_some(), "opened at a claim");
    assert_ne!(
        opened[0].1.as_deref(),
        first.get("id").and_then(toml::Value::as_str),
        "that claim is gone now"
    );
    let row = review
        .reports
        .iter()
        .find(|r| r.path == budget)
        .expect("row");
    assert_eq!(row.claims.len(), 2, "the row was read again");
}

/// A mouse event as the terminal sends it.
fn mouse(kind: crossterm::event::MouseEventKind, column: u16, row: u16) -> Input {
    Input::Terminal(Event::Mouse(crossterm::event::MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }))
}

/// Clicks go through the event loop to the row drawn under them, on a table scrolled so that
/// its first row is not the list's first; the second click on a row opens it, and the wheel
/// moves the selection.
#[test]
fn a_click_selects_the_row_drawn_there_and_a_second_click_opens_it() {
    use crossterm::event::{MouseButton, MouseEventKind};
    let folder = Folder::new();
    let (tx, rx) = std::sync::mpsc::channel();
    tx.send(Message::Found(3)).expect("send");
    for name in ["port.txt", "city/budget.md", "weather.txt"] {
        tx.send(Message::Read(
            Reviewed::load(&folder.path(name)).map_err(|e| e.to_string()),
        ))
        .expect("send");
    }
    tx.send(Message::Done).expect("send");
    let click = |row| mouse(MouseEventKind::Down(MouseButton::Left), 20, row);
    // 8 lines leave room for two rows (lines 3 and 4): after End, port.txt and weather.txt.
    let events = vec![
        Ok(Input::Terminal(Event::Key(KeyEvent::new(
            KeyCode::End,
            KeyModifiers::NONE,
        )))),
        Ok(click(3)),
        Ok(mouse(MouseEventKind::Up(MouseButton::Left), 20, 3)),
        Ok(click(3)),
        Ok(mouse(MouseEventKind::ScrollUp, 20, 4)),
    ];
    let mut review = Review::new(folder.dir.path().to_path_buf(), Config::default());
    let mut terminal = Terminal::new(TestBackend::new(100, 8)).expect("terminal");
    let mut opened: Vec<(PathBuf, Option<String>)> = Vec::new();
    run(
        &mut terminal,
        &mut review,
        events,
        &rx,
        |_, path: &Path, start, _| {
            opened.push((path.to_path_buf(), start.claim.map(str::to_owned)));
            Ok(None)
        },
    )
    .expect("runs");
    assert_eq!(opened, [(folder.path("port.txt"), None)]);
    let line = |y: usize| -> String {
        terminal.backend().buffer().content[y * 100..(y + 1) * 100]
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .collect()
    };
    assert_eq!(review.report_row, 0, "the wheel moved the selection up");
    assert!(
        line(3).starts_with("│› ") && line(3).contains("city/budget"),
        "{}",
        line(3)
    );
}

#[test]
fn help_lists_the_review_keys_and_the_mouse() {
    let folder = Folder::new();
    let mut review = review_of(&folder);
    press(&mut review, Action::Help);
    let terminal = draw(&review, 100, 24);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    assert!(row_with(buffer, "Review screen keys").is_some());
    for (keys, what) in [
        ("j Down", "next row"),
        ("Enter", "open the report"),
        ("Tab", "next view"),
        ("/", "filter"),
        ("w", "only claims on E/F sources"),
        (">", "sort by the next column"),
        ("> <", "sort by the next column (or back)"),
        ("R", "reverse the sort"),
        ("q", "quit"),
        ("click", "select a row"),
        ("click a header", "sort by that column"),
        ("wheel", "move the selection"),
        // The groups view and its filter are found here, not only on the header's tab.
        ("1 2 3 4", "the views: reports, claims, chart, groups"),
        ("Tab", "next view: reports, claims, chart, groups"),
        ("C", "groups view; there: only differing ones (again: all)"),
    ] {
        let row = row_with(buffer, what).unwrap_or_else(|| panic!("{what:?} not in the help"));
        assert!(
            row.contains(&format!("  {keys} ")),
            "{keys} for {what:?}: {row}"
        );
    }
}

/// Where `text` starts on line `y` of the screen `review` draws at `width`x`height`.
fn drawn_at(review: &Review, width: u16, height: u16, y: u16, text: &str) -> u16 {
    let terminal = draw(review, width, height);
    let buffer = terminal.backend().buffer();
    let cells: Vec<&str> = (0..width).map(|x| buffer[(x, y)].symbol()).collect();
    (0..width)
        .find(|&x| cells[usize::from(x)..].concat().starts_with(text))
        .unwrap_or_else(|| panic!("{text:?} is not on line {y}: {}", cells.concat()))
}

/// The reports in the order the table shows them.
fn order(review: &Review) -> Vec<String> {
    review
        .visible_reports()
        .iter()
        .map(|&i| review.reports[i].path.to_string_lossy().into_owned())
        .collect()
}

/// A click on a column's header sorts by it and a second click reverses the sort; a click on a
/// tab opens its view. Each click is aimed where the screen drew the title.
#[test]
fn a_click_on_a_header_sorts_by_its_column_and_a_click_on_a_tab_opens_its_view() {
    let folder = Folder::new();
    let mut review = review_of(&folder);
    let (width, height) = (120, 12);
    press(&mut review, Action::Resize(width, height));
    // Line 0 holds the tabs; line 1 the table's border; line 2 its header.
    let claims = drawn_at(&review, width, height, 2, "claims");
    press(&mut review, Action::Click(claims + 2, 2));
    assert_eq!(
        order(&review),
        ["weather.txt", "port.txt", "city/budget.md"]
    );
    drawn_at(&review, width, height, 2, "claims▲");
    press(&mut review, Action::Click(claims, 2));
    assert_eq!(
        order(&review),
        ["city/budget.md", "port.txt", "weather.txt"]
    );
    drawn_at(&review, width, height, 2, "claims▼");
    let report = drawn_at(&review, width, height, 2, "report");
    press(&mut review, Action::Click(report, 2));
    assert_eq!(
        order(&review),
        ["city/budget.md", "port.txt", "weather.txt"]
    );
    drawn_at(&review, width, height, 2, "report▲");
    // The cell between two columns is neither's.
    press(&mut review, Action::Click(claims - 1, 2));
    drawn_at(&review, width, height, 2, "report▲");
    // A tag's column is as wide as its name: the name gives way to the mark.
    let sourced = drawn_at(&review, width, height, 2, "sourced ");
    press(&mut review, Action::Click(sourced, 2));
    assert_eq!(drawn_at(&review, width, height, 2, "source▲"), sourced);
    assert_eq!(
        order(&review),
        ["weather.txt", "city/budget.md", "port.txt"]
    );

    let tab = drawn_at(&review, width, height, 0, "claims");
    press(&mut review, Action::Click(tab, 0));
    assert_eq!(review.view, sidenote::tui::review::View::Claims);
    let source = drawn_at(&review, width, height, 2, "source");
    press(&mut review, Action::Click(source + 1, 2));
    drawn_at(&review, width, height, 2, "source▲");
    let quote = drawn_at(&review, width, height, 2, "quote");
    press(&mut review, Action::Click(quote, 2));
    drawn_at(&review, width, height, 2, "source▲");
    press(&mut review, Action::Click(source, 2));
    drawn_at(&review, width, height, 2, "source▼");

    let tab = drawn_at(&review, width, height, 0, "chart");
    press(&mut review, Action::Click(tab + 3, 0));
    assert_eq!(review.view, sidenote::tui::review::View::Chart);
}

/// The text of every row of the screen.
fn screen_rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect()
        })
        .collect()
}

#[test]
fn chart_splits_each_report_into_named_anonymous_unsourced_and_other() {
    let folder = Folder::new();
    folder.ok(&["tag", "port.txt", "1", "sourced", "--source-kind", "named"]);
    folder.ok(&[
        "tag",
        "city/budget.md",
        "1",
        "sourced",
        "--source-kind",
        "anonymous",
    ]);
    let mut review = review_of(&folder);
    press(&mut review, Action::Review(ReviewAction::ViewChart));
    let rows = screen_rows(&draw(&review, 100, 20));
    let row = |name: &str| {
        rows.iter()
            .find(|r| r.starts_with(&format!("│{name} ")))
            .unwrap_or_else(|| panic!("no row for {name}: {rows:#?}"))
            .trim_end_matches(['│', ' '])
            .to_owned()
    };
    // port.txt: one claim on a named source, one unsourced; the budget: one on an anonymous
    // source, an opinion and a disputed claim with no kind said.
    assert!(row("port.txt").ends_with("▒ 1/0/0/1/0"), "{rows:#?}");
    assert!(row("port.txt").contains("█▒"), "{rows:#?}");
    assert!(row("city/budget.md").ends_with("░ 0/1/0/0/2"), "{rows:#?}");
    assert!(row("city/budget.md").contains("▓░"), "{rows:#?}");
    assert!(
        rows.iter()
            .any(|r| r.contains("█ named ▓ anonymous ▚ sourced, kind not said ▒ unsourced")),
        "{rows:#?}"
    );
}

/// A web page with no article in the folder (a section front) is no report to review: the
/// scan leaves it out and says so, unless someone annotated it.
#[test]
fn the_scan_leaves_out_a_page_with_no_article_unless_annotated() {
    let folder = Folder::new();
    let front = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages/fronts/tidewater-news.html"),
    )
    .expect("the project's links-only page");
    folder.write("front.html", &front);
    let scan = |folder: &Folder| {
        let (tx, rx) = std::sync::mpsc::channel();
        sidenote::tui::review_loop::scan(&folder.path("."), sidenote::suggest::Cues::shared(), &tx);
        let mut review = Review::new(folder.path("."), Config::default());
        for message in rx.try_iter() {
            match message {
                Message::Found(n) => review.scan_found(n),
                Message::Read(read) => review.scanned(read),
                Message::Done => review.scan_done(),
                Message::Groups(_) => {}
            }
        }
        review
    };
    let review = scan(&folder);
    let names: Vec<String> = review
        .reports
        .iter()
        .map(|r| r.path.display().to_string())
        .collect();
    assert!(
        !names.iter().any(|n| n.ends_with("front.html")),
        "{names:?}"
    );
    assert!(names.iter().any(|n| n.ends_with("port.txt")), "{names:?}");
    let message = review.message.clone().unwrap_or_default();
    assert!(
        message.contains("front.html") && message.contains("no article found"),
        "{message}"
    );
    // Once annotated, it is kept: the claims on it are the analyst's (here a claim made when
    // the page was still read as a report, carried over from another sidecar).
    folder.ok(&["tag", "weather.txt", "1", "sourced"]);
    std::fs::copy(
        folder.path("weather.txt.sidenote.toml"),
        folder.path("front.html.sidenote.toml"),
    )
    .expect("copy a sidecar");
    let review = scan(&folder);
    assert!(
        review
            .reports
            .iter()
            .any(|r| r.path.display().to_string().ends_with("front.html")),
        "an annotated page stays"
    );
}
