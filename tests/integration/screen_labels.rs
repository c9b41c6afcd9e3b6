//! Screen tests of labels and notes in the reader's claims panel: chips, the note's first line,
//! the label filter in the title, on a `TestBackend`.

use crate::support::find;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use sidenote::annotate::{Claim, Sidecar};
use sidenote::config::Config;
use sidenote::config::keys::Action;
use sidenote::report::{Encoding, Report};
use sidenote::tui::reader::{App, update};

const TEXT: &str = "The minister said the port would reopen on Monday after the storm. \
Officials said repairs were done. The cost is unknown.";

/// A reader on [`TEXT`] with a claim on each sentence, `edit` applied to each, `width`
/// columns wide; returns it and its terminal, drawn.
fn screen(width: u16, edit: impl Fn(usize, &mut Claim)) -> (App, Terminal<TestBackend>) {
    let report = Report::from_text(
        std::path::Path::new("r.txt"),
        TEXT.to_owned(),
        Encoding::Utf8,
        String::new(),
    );
    let mut sidecar = Sidecar::new(&report);
    let when = "2026-11-25T09:00:00Z".parse().expect("date");
    for (n, span) in report.sentences.clone().into_iter().enumerate() {
        let mut claim = Claim::new(&report, span, "sourced", "ed", when);
        claim.id = format!("c{n}");
        edit(n, &mut claim);
        sidecar.add(claim);
    }
    let mut config = Config {
        author: "ed".into(),
        color: true,
        ..Config::default()
    };
    config.suggest.enabled = false;
    let mut app = App::new(report, Some(sidecar), config, None);
    update(&mut app, Action::Resize(width, 20));
    let mut terminal = Terminal::new(TestBackend::new(width, 20)).expect("terminal");
    terminal
        .draw(|frame| sidenote::tui::reader::ui::draw(frame, &app))
        .expect("draws");
    (app, terminal)
}

fn rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    crate::support::rows(terminal.backend().buffer())
}

/// Where `needle` is (column in cells, row), or a failure listing the screen.
fn at(terminal: &Terminal<TestBackend>, needle: &str) -> (usize, u16) {
    let Some((x, y)) = find(terminal.backend().buffer(), needle) else {
        panic!("{needle:?} not on screen:\n{}", rows(terminal).join("\n"))
    };
    (usize::from(x), y)
}

#[test]
fn the_panel_shows_labels_as_chips_and_the_notes_first_line() {
    let (app, terminal) = screen(120, |n, claim| {
        if n == 0 {
            claim.labels = vec!["ports".into(), "energy".into()];
            claim.note = Some("Check the transcript.\nThen call the ministry.".into());
            claim.source = Some("the minister".into());
        }
    });
    let (x, y) = at(&terminal, "#ports #energy — the minister");
    let head = &rows(&terminal)[usize::from(y)];
    assert!(head.contains("sourced"), "on the claim's first row: {head}");
    let buffer = terminal.backend().buffer();
    let cell = &buffer[(u16::try_from(x).expect("column"), y)];
    assert_eq!(
        cell.fg, app.config.theme.accent,
        "chips in the accent colour"
    );
    // The panel starts at the selection's mark, on the claim's first row.
    let left = head.chars().position(|c| c == '▍').expect("selected");
    let below = &rows(&terminal)[usize::from(y + 1)];
    assert!(
        below
            .chars()
            .skip(left)
            .collect::<String>()
            .contains("▍ The minister said"),
        "the quote on the next row: {below}"
    );
    let (x, note) = at(&terminal, "✎ Check the transcript.…");
    assert_eq!(note, y + 2, "the note takes the quote's second row");
    let text = &buffer[(u16::try_from(x + 2).expect("column"), note)];
    assert!(text.modifier.contains(Modifier::DIM), "the note is dim");
    // A claim without a note keeps two rows of quote and shows no `✎`.
    let panel: Vec<String> = rows(&terminal)
        .iter()
        .map(|r| r.chars().skip(left).collect())
        .collect();
    assert_eq!(
        panel.iter().filter(|r| r.contains('✎')).count(),
        1,
        "only the claim with a note: {panel:#?}"
    );
}

#[test]
fn the_panel_title_names_the_label_filter() {
    let (mut app, mut terminal) = screen(120, |n, claim| {
        if n != 1 {
            claim.labels = vec!["ports".into()];
        }
    });
    while app.label_filter.is_none() {
        update(&mut app, Action::CycleFilter);
    }
    terminal
        .draw(|frame| sidenote::tui::reader::ui::draw(frame, &app))
        .expect("draws");
    let (_, y) = at(&terminal, "[#ports]");
    assert_eq!(y, 0, "in the panel's title");
    let panel_rows = rows(&terminal)
        .iter()
        .filter(|r| r.contains(" s sourced"))
        .count();
    assert_eq!(panel_rows, 2, "the two labelled claims, not the third");
}

#[test]
fn a_narrow_panel_cuts_the_chips_and_keeps_the_source_in_sight() {
    let long = |n: usize| format!("a-rather-long-label-{n}");
    let (_, terminal) = screen(60, |n, claim| {
        if n == 0 {
            claim.labels = (1..=5).map(long).collect();
            claim.source = Some("the minister".into());
            claim.note = Some(
                "one two three four five six seven eight nine ten eleven twelve thirteen".into(),
            );
        }
    });
    let (_, y) = at(&terminal, "#a-rather-long…");
    let head = rows(&terminal)[usize::from(y)].clone();
    assert!(
        head.contains(" +"),
        "the labels left out are counted: {head}"
    );
    assert!(
        head.contains("— the mi"),
        "the source keeps a few columns: {head}"
    );
    assert!(!head.contains("label-5"), "{head}");
    let (_, note) = at(&terminal, "✎ one two");
    let row = rows(&terminal)[usize::from(note)].clone();
    assert!(row.contains('…') && !row.contains("thirteen"), "cut: {row}");
}
