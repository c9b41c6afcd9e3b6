//! Suggestions in the reader: the dim marks in the article and the panel, the highlighted cue and
//! source in the editor, and accepting and dismissing them as a user would, down to the sidecar.

use std::path::{Path, PathBuf};

use crate::support::key_events;
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use sidenote::annotate::Sidecar;
use sidenote::config::Config;
use sidenote::report::{Encoding, Report};
use sidenote::tui::Input;
use sidenote::tui::reader::App;

const SAMPLE: &str = "assets/samples/harbour-blackout.txt";

struct Screen {
    terminal: Terminal<TestBackend>,
    app: App,
    sidecar: PathBuf,
    report: PathBuf,
    /// The folder holding the report, removed when the test ends (`None` when reopened).
    _dir: Option<tempfile::TempDir>,
}

fn config() -> Config {
    Config {
        author: "tester".into(),
        color: true,
        ..Config::default()
    }
}

fn open(width: u16, height: u16) -> Screen {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("harbour-blackout.txt");
    std::fs::copy(SAMPLE, &path).expect("copy sample");
    let screen = reopen(&path, width, height);
    Screen {
        _dir: Some(dir),
        ..screen
    }
}

fn reopen(path: &Path, width: u16, height: u16) -> Screen {
    let report = Report::load(path).expect("sample loads");
    let sidecar = sidenote::annotate::sidecar_path(path);
    let disk = Sidecar::load(&sidecar).expect("sidecar reads");
    let app = App::new(report, disk, config(), None);
    let terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    let mut screen = Screen {
        terminal,
        app,
        sidecar,
        report: path.to_path_buf(),
        _dir: None,
    };
    screen.send(vec![Ok(Input::Terminal(Event::Resize(width, height)))]);
    screen
}

impl Screen {
    fn send(&mut self, events: Vec<std::io::Result<Input>>) {
        sidenote::tui::run(&mut self.terminal, &mut self.app, &self.sidecar, events).expect("runs");
    }

    fn keys(&mut self, keys: &str) -> &mut Self {
        let events = key_events(keys);
        self.send(events);
        self
    }

    fn find(&self, needle: &str) -> Option<(u16, u16)> {
        crate::support::find(self.terminal.backend().buffer(), needle)
    }

    fn saved(&self) -> Sidecar {
        Sidecar::load(&self.sidecar)
            .expect("sidecar parses")
            .expect("sidecar written")
    }
}

#[test]
fn article_and_panel_show_the_suggestion_quietly() {
    let mut screen = open(120, 32);
    // The minister's sentence: a named source.
    screen.keys("] ] ] ] ]");
    insta::assert_snapshot!(screen.terminal.backend());
    let (x, y) = screen
        .find("◌  s sourced")
        .expect("the panel shows the suggestion");
    let cell = &screen.terminal.backend().buffer()[(x, y)];
    assert!(cell.modifier.contains(Modifier::DIM), "quiet: {cell:?}");
    assert!(
        screen
            .find("┄ suggestion: y accept · X dismiss · S next")
            .is_some()
    );
    assert!(
        screen
            .find("— Interior Minister Dr. Amara Okonkwo-Vance")
            .is_some()
    );
    assert!(
        screen.app.sidecar.claims.is_empty(),
        "nothing saved until the user acts"
    );
    assert!(!screen.sidecar.exists());
}

#[test]
fn editor_marks_the_cue_and_the_source() {
    let mut screen = open(120, 32);
    screen.keys("] ] ] ] ] enter");
    insta::assert_snapshot!(screen.terminal.backend());
    let (x, y) = screen.find("Interior Minister").expect("quote shown");
    let buffer = screen.terminal.backend().buffer();
    assert!(
        buffer[(x, y)].modifier.contains(Modifier::REVERSED),
        "source marked"
    );
    let (x, y) = screen.find("said at").expect("cue shown");
    assert!(
        buffer[(x, y)].modifier.contains(Modifier::UNDERLINED),
        "cue marked"
    );
}

#[test]
fn three_keys_accept_three_suggestions_into_the_sidecar() {
    let mut screen = open(120, 32);
    screen.keys("S y S y S y");
    let saved = screen.saved();
    assert_eq!(saved.claims.len(), 3, "{saved:?}");
    let got: Vec<(&str, Option<&str>)> = saved
        .claims
        .iter()
        .map(|c| (c.status.as_str(), c.source.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("sourced", Some("a report by the Regional Grid Authority")),
            ("sourced", None),
            ("sourced", Some("Interior Minister Dr. Amara Okonkwo-Vance")),
        ]
    );
    for claim in &saved.claims {
        assert!(matches!(claim.status.as_str(), "sourced" | "unsourced"));
        assert_eq!(claim.author, "tester");
    }
    insta::assert_snapshot!(screen.terminal.backend());
}

#[test]
fn a_dismissed_suggestion_stays_dismissed() {
    let mut screen = open(120, 32);
    screen.keys("S X");
    let cursor = screen.app.cursor;
    assert!(screen.app.pending_suggestion(cursor).is_none());
    let saved = screen.saved();
    assert!(saved.claims.is_empty());
    assert_eq!(saved.dismissed.len(), 1);
    let again = reopen(&screen.report, 120, 32);
    assert!(again.app.pending_suggestion(cursor).is_none());
    assert!(again.app.pending_suggestion(cursor + 1).is_some());
}

/// A sentence the user marked read, no claim (`-`) has no pending suggestion: the panel stops
/// offering it, `S` passes it, and `y` does not turn it into a claim, as `suggest --apply`
/// leaves it alone. Unmarking brings the suggestion back.
#[test]
fn a_sentence_marked_read_no_claim_has_no_pending_suggestion() {
    let mut screen = open(120, 32);
    screen.keys("S");
    let first = screen.app.cursor;
    assert!(screen.app.pending_suggestion(first).is_some());
    screen.keys("-");
    assert!(screen.app.pending_suggestion(first).is_none());
    assert!(
        screen
            .find("┄ suggestion: y accept · X dismiss · S next")
            .is_none(),
        "the panel offers nothing on the marked sentence"
    );
    screen.keys("y");
    assert!(screen.saved().claims.is_empty(), "y accepts nothing there");
    assert_eq!(screen.saved().no_claim.len(), 1);
    screen.keys("g S");
    assert!(screen.app.cursor > first, "S passes the marked sentence");
    // `-` again on it: unmarked, pending again.
    screen.keys("g");
    screen.keys(&vec!["j"; first].join(" "));
    assert_eq!(screen.app.cursor, first);
    screen.keys("-");
    assert!(screen.app.pending_suggestion(first).is_some(), "unmarked");
    // A colleague's mark leaves the suggestion pending for the user.
    screen.keys("-");
    let mut saved = screen.saved();
    assert_eq!(saved.no_claim.len(), 1);
    saved.no_claim[0].author = "bob".into();
    std::fs::write(&screen.sidecar, saved.to_toml().expect("toml")).expect("write");
    let again = reopen(&screen.report, 120, 32);
    assert!(again.app.is_reviewed(first), "bob's mark is read");
    assert!(again.app.pending_suggestion(first).is_some(), "not mine");
}

#[test]
fn a_tag_key_overrides_the_suggestion() {
    let mut screen = open(120, 32);
    screen.keys("S d");
    let saved = screen.saved();
    assert_eq!(saved.claims[0].status, "disputed");
    assert!(screen.app.pending_suggestion(screen.app.cursor).is_none());
}

#[test]
fn suggestions_are_computed_for_what_is_on_screen_first() {
    let text = "Officials said the bridge would reopen on Monday. ".repeat(5000);
    let report = Report::from_text(Path::new("r.txt"), text, Encoding::Utf8, String::new());
    let app = App::new(report, None, config(), None);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    let mut app = app;
    let events = vec![Ok(Input::Terminal(Event::Resize(100, 30)))];
    sidenote::tui::run(
        &mut terminal,
        &mut app,
        Path::new("r.txt.sidenote.toml"),
        events,
    )
    .expect("runs");
    let first = app.suggestions.computed_blocks();
    assert!(
        (1..=2).contains(&first),
        "{first} blocks computed for one screen (none would mean no suggestion was drawn)"
    );
    // Positive control: the count does grow when another part of the report comes into view.
    sidenote::tui::run(
        &mut terminal,
        &mut app,
        Path::new("r.txt.sidenote.toml"),
        key_events("G"),
    )
    .expect("runs");
    let after = app.suggestions.computed_blocks();
    assert!(
        after > first && after <= first + 2,
        "{first} blocks, then {after} after jumping to the end"
    );
}

#[test]
fn suggestions_can_be_turned_off() {
    let mut config = config();
    config.suggest.enabled = false;
    let report = Report::load(Path::new(SAMPLE)).expect("loads");
    let app = App::new(report, None, config, None);
    assert!((0..app.report.sentences.len()).all(|n| app.pending_suggestion(n).is_none()));
    // Positive control: the same report with suggestions on has some.
    let report = Report::load(Path::new(SAMPLE)).expect("loads");
    let app = App::new(report, None, self::config(), None);
    assert!((0..app.report.sentences.len()).any(|n| app.pending_suggestion(n).is_some()));
}

#[test]
fn a_colleagues_claim_leaves_my_suggestion_pending() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("harbour-blackout.txt");
    std::fs::copy(SAMPLE, &path).expect("copy sample");
    let tagged = std::process::Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .args([
            "tag",
            path.to_str().expect("path"),
            "6",
            "disputed",
            "--author",
            "bob",
            "--config",
        ])
        .arg(crate::support::default_config())
        .env("XDG_CONFIG_HOME", dir.path())
        .output()
        .expect("runs");
    assert!(tagged.status.success(), "{tagged:?}");
    let mut screen = reopen(&path, 120, 32);
    // Sentence 6 (index 5) holds bob's claim; "tester" has none there, so it is still pending.
    assert!(screen.app.pending_suggestion(5).is_some());
    screen.keys("j j j j j y");
    let saved = screen.saved();
    let mut on_six: Vec<(String, String)> = saved
        .claims
        .iter()
        .filter(|c| c.quote.starts_with("Interior Minister Dr. Amara"))
        .map(|c| (c.author.clone(), c.status.clone()))
        .collect();
    on_six.sort();
    assert_eq!(
        on_six,
        [
            ("bob".to_owned(), "disputed".to_owned()),
            ("tester".to_owned(), "sourced".to_owned())
        ]
    );
    assert!(screen.app.pending_suggestion(5).is_none(), "mine now");
}

#[test]
fn a_suggested_tag_the_config_lacks_is_never_offered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("harbour-blackout.txt");
    std::fs::copy(SAMPLE, &path).expect("copy sample");
    let config = Config::from_str_with_defaults(
        "author = \"tester\"\n[[tag]]\nname = \"verified\"\nkey = \"v\"\ncolor = \"green\"\n\
         [[tag]]\nname = \"rumour\"\nkey = \"u\"\ncolor = \"red\"\n",
        Path::new("test.toml"),
    )
    .expect("config");
    let report = Report::load(&path).expect("sample loads");
    let app = App::new(report, None, config, None);
    assert!((0..app.report.sentences.len()).all(|n| app.pending_suggestion(n).is_none()));
    // Positive control: with the default tags (sourced, unsourced, …) the same report has some.
    let report = Report::load(&path).expect("sample loads");
    let app = App::new(report, None, self::config(), None);
    assert!((0..app.report.sentences.len()).any(|n| app.pending_suggestion(n).is_some()));
}

/// The kind of the saved claim on the sentence whose text starts with `start`.
fn saved_on(screen: &Screen, start: &str) -> (String, Option<String>, Option<&'static str>) {
    let saved = screen.saved();
    let claim = saved
        .claims
        .iter()
        .find(|c| c.quote.starts_with(start))
        .unwrap_or_else(|| panic!("no claim on {start:?}: {saved:?}"));
    (
        claim.status.clone(),
        claim.source.clone(),
        claim.source_kind.map(sidenote::annotate::SourceKind::name),
    )
}

#[test]
fn y_saves_the_kind_of_source_with_the_claim() {
    let mut screen = open(120, 32);
    // Sentence 6 names the minister; sentence 9 rests on officials who are not named.
    screen.keys("j j j j j y j j j y");
    assert_eq!(
        saved_on(&screen, "Interior Minister Dr. Amara"),
        (
            "sourced".to_owned(),
            Some("Interior Minister Dr. Amara Okonkwo-Vance".to_owned()),
            Some("named")
        )
    );
    assert_eq!(
        saved_on(&screen, "Officials speaking on condition"),
        (
            "sourced".to_owned(),
            Some("Officials".to_owned()),
            Some("anonymous")
        )
    );
}

#[test]
fn the_sourced_tag_key_on_a_sourced_suggestion_takes_its_source_and_kind() {
    let mut screen = open(120, 32);
    screen.keys("j j j j j s");
    assert_eq!(
        saved_on(&screen, "Interior Minister Dr. Amara"),
        (
            "sourced".to_owned(),
            Some("Interior Minister Dr. Amara Okonkwo-Vance".to_owned()),
            Some("named")
        )
    );
    // Another tag overrides the suggestion: nothing of it is taken.
    screen.keys("j j j d");
    assert_eq!(
        saved_on(&screen, "Officials speaking on condition"),
        ("disputed".to_owned(), None, None)
    );
}

#[test]
fn the_panel_shows_the_kind_after_the_source() {
    let mut screen = open(160, 32);
    screen.keys("j j j j j j j j y");
    assert!(
        screen.find("— Officials · anonymous").is_some(),
        "{}",
        screen.terminal.backend()
    );
}

#[test]
fn the_editor_shows_and_sets_the_kind_of_source() {
    let mut screen = open(120, 32);
    // A new claim on a sentence suggested sourced starts with the suggested kind.
    screen.keys("j j j j j enter");
    assert!(
        screen.find("Kind     ◀ named ▶").is_some(),
        "{}",
        screen.terminal.backend()
    );
    // The editor opens on the Source field (typed text is the source), so Kind is one Tab away.
    screen.keys("tab right enter");
    let minister = "Interior Minister Dr. Amara Okonkwo-Vance".to_owned();
    assert_eq!(
        saved_on(&screen, "Interior Minister Dr. Amara"),
        (
            "sourced".to_owned(),
            Some(minister.clone()),
            Some("anonymous")
        )
    );
    // The editor opens on the claim at its source; one more Right says nothing of the kind.
    screen.keys("enter tab right enter");
    assert_eq!(
        saved_on(&screen, "Interior Minister Dr. Amara"),
        ("sourced".to_owned(), Some(minister), None)
    );
}
