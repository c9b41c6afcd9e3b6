//! Screen tests: the whole reader driven by key events on a `TestBackend`, snapshotted with insta,
//! plus the colours that text snapshots do not show.

use std::path::{Path, PathBuf};

use crate::support::{key_events, rows, text_events};
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use sidenote::config::Config;
use sidenote::report::Report;
use sidenote::tui::Input;
use sidenote::tui::reader::App;

const SAMPLE: &str = "assets/samples/harbour-blackout.txt";

struct Screen {
    terminal: Terminal<TestBackend>,
    app: App,
    sidecar: PathBuf,
    dir: tempfile::TempDir,
}

fn open(width: u16, height: u16, config: Config) -> Screen {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("harbour-blackout.txt");
    std::fs::copy(SAMPLE, &path).expect("copy sample");
    let report = Report::load(&path).expect("sample loads");
    let app = App::new(report, None, config, None);
    let terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    let sidecar = sidenote::annotate::sidecar_path(&path);
    Screen {
        terminal,
        app,
        sidecar,
        dir,
    }
}

fn config() -> Config {
    let mut config = Config {
        author: "tester".into(),
        color: true,
        ..Config::default()
    };
    // Suggestions have their own screens (tests/suggest_screen.rs).
    config.suggest.enabled = false;
    config
}

impl Screen {
    fn send(&mut self, events: Vec<std::io::Result<Input>>) {
        sidenote::tui::run(&mut self.terminal, &mut self.app, &self.sidecar, events).expect("runs");
    }

    fn keys(&mut self, keys: &str) -> &mut Self {
        self.send(key_events(keys));
        self
    }

    fn text(&mut self, text: &str) -> &mut Self {
        self.send(text_events(text));
        self
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.terminal.backend_mut().resize(width, height);
        self.send(vec![Ok(Input::Terminal(Event::Resize(width, height)))]);
    }

    fn buffer(&self) -> &ratatui::buffer::Buffer {
        self.terminal.backend().buffer()
    }

    fn find(&self, needle: &str) -> Option<(u16, u16)> {
        crate::support::find(self.buffer(), needle)
    }
}

/// Tags a few sentences the way a user would: the headline-free news paragraphs.
const TAGGING: &str = "] ] s j u j j s";

#[test]
fn wide_screen() {
    let mut screen = open(120, 32, config());
    screen.keys(TAGGING);
    insta::assert_snapshot!(screen.terminal.backend());
    // The article and the claims panel side by side, both titled on the top row.
    let (article_x, article_y) = screen.find("harbour-blackout.txt").expect("article title");
    let (panel_x, panel_y) = screen.find("Claims 3").expect("panel title");
    assert_eq!((article_y, panel_y), (0, 0));
    assert!(panel_x > article_x + 60, "the panel at x {panel_x}");
    // The three claims, in the panel and in the article's gutter.
    let (x, _) = screen
        .find("u unsourced")
        .expect("unsourced claim in the panel");
    assert!(x > 70, "at x {x}");
    assert!(screen.find("│s PORT VALMERE").is_some(), "gutter mark");
    assert!(screen.find("│u million people").is_some(), "gutter mark");
    let status = rows(screen.buffer()).pop().unwrap_or_default();
    assert!(
        status.contains("3 claims · s 2 sourced · u 1 unsourced") && status.contains("saved"),
        "{status}"
    );
    // Progress: the three tagged sentences are reviewed.
    assert!(status.contains("sentence 6/38 · reviewed 3/38"), "{status}");
}

#[test]
fn narrow_screen_puts_the_panel_below() {
    let mut screen = open(80, 40, config());
    screen.keys(TAGGING);
    insta::assert_snapshot!(screen.terminal.backend());
    let (_, article_y) = screen.find("harbour-blackout.txt").expect("article title");
    let (panel_x, panel_y) = screen.find("Claims 3").expect("panel title");
    assert_eq!(article_y, 0);
    assert!(
        panel_y > 20 && panel_x < 5,
        "the panel at {panel_x},{panel_y}"
    );
    let (_, claim_y) = screen.find("u unsourced").expect("a claim in the panel");
    assert!(claim_y > panel_y, "the claims under the panel's title");
    let status = rows(screen.buffer()).pop().unwrap_or_default();
    assert!(status.contains("3 claims"), "{status}");
}

#[test]
fn tiny_screen_asks_for_more_room() {
    let mut screen = open(20, 5, config());
    screen.keys("j s");
    insta::assert_snapshot!(screen.terminal.backend());
    let text = rows(screen.buffer()).join(" ");
    for words in ["needs a", "bigger terminal", "40x10"] {
        assert!(text.contains(words), "{words:?} missing: {text}");
    }
    assert!(!text.contains("Harbour"), "no article squeezed in: {text}");
}

#[test]
fn help_screen_lists_the_bound_keys() {
    let mut screen = open(120, 60, config());
    screen.keys("?");
    insta::assert_snapshot!(screen.terminal.backend());
    let rows = rows(screen.buffer());
    let listed = |keys: &str, what: &str| {
        rows.iter()
            .any(|row| row.contains(&format!("  {keys} ")) && row.contains(what))
    };
    for (keys, what) in [
        ("j Down", "next sentence"),
        ("G End", "last sentence"),
        ("/", "search the report"),
        ("z Ctrl-z", "undo the last change"),
        ("?", "this help"),
        ("q Ctrl-c", "quit"),
        ("-", "mark read, no claim"),
        ("Ctrl-e", "scroll the view one line down"),
        ("Ctrl-y", "scroll the view one line up"),
    ] {
        assert!(listed(keys, what), "{keys} for {what:?} not in the help");
    }
    for tag in &config().tags {
        assert!(
            listed(
                &tag.key.label(),
                &format!("{} {}", tag.key.label(), tag.name)
            ),
            "tag {} not in the help",
            tag.name
        );
    }
    // The gutter's marks are explained: a disagreement, and a row of several sentences.
    assert!(
        rows.iter()
            .any(|row| row.contains("The gutter, left of the article"))
    );
    assert!(
        rows.iter()
            .any(|row| row.contains("⚠  the authors' tags (or grade letters) differ"))
    );
    assert!(
        rows.iter()
            .any(|row| row.contains("each kind of mark once"))
    );
    // A dismissal is undone like any change, and brought back with its key.
    assert!(listed("X", "on a dismissed one: bring it back"));
    // And how a conflict is resolved.
    assert!(listed("x", "of a ⚠ conflict: keep the other"));
}

#[test]
fn help_shows_rebound_keys() {
    let config = Config::from_str_with_defaults(
        "[keys]\n\"J\" = \"next_claim\"\n\"}\" = \"none\"\n",
        Path::new("c.toml"),
    )
    .expect("valid");
    let mut screen = open(120, 60, config);
    screen.keys("?");
    let (_, y) = screen.find(" next claim  ").expect("help line");
    let row: String = (0..120).map(|x| screen.buffer()[(x, y)].symbol()).collect();
    assert!(row.contains(" J "), "{row}");
    assert!(!row.contains('}'), "{row}");
}

#[test]
fn editor_screen() {
    let mut screen = open(120, 32, config());
    screen
        .keys("] ] s enter")
        .text("Interior Minister Dr. Amara Okonkwo-Vance")
        .keys("tab right tab")
        .text("B2")
        .keys("tab")
        .text("Named, on the record.");
    insta::assert_snapshot!(screen.terminal.backend());
    let (_, top) = screen.find("Edit claim").expect("the editor is open");
    let field = |text: &str| {
        let (_, y) = screen
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} not in the editor"));
        assert!(y > top, "{text:?} above the editor");
    };
    field("“PORT VALMERE, Wednesday, Sept. 17”");
    field("Tag      ◀  s sourced  ▶");
    field("Source   Interior Minister Dr. Amara Okonkwo-Vance");
    field("Grade    B2");
    field("Note     Named, on the record.");
    field("Ctrl-s save");
}

#[test]
fn search_prompt_and_matches() {
    let mut screen = open(120, 32, config());
    screen.keys("/").text("substation");
    insta::assert_snapshot!(screen.terminal.backend());
    let prompt = rows(screen.buffer()).pop().unwrap_or_default();
    assert!(
        prompt.starts_with("/substation") && prompt.contains("4 matches"),
        "{prompt}"
    );
    let (x, y) = screen.find("substation,").expect("a match in the article");
    assert_eq!(
        screen.buffer()[(x, y)].bg,
        config().theme.search_bg,
        "the match is highlighted"
    );
}

#[test]
fn resizing_redraws_at_every_size() {
    let mut screen = open(120, 32, config());
    screen.keys(TAGGING);
    for (w, h) in [
        (60, 20),
        (20, 5),
        (1, 1),
        (0, 0),
        (99, 30),
        (100, 30),
        (200, 60),
    ] {
        screen.resize(w, h);
        if w < 20 {
            continue;
        }
        let shown = screen.find("sentence ").is_some() || screen.find("bigger").is_some();
        assert!(shown, "nothing sensible drawn at {w}x{h}");
    }
}

#[test]
fn cursor_sentence_is_reversed_and_claims_carry_their_colour() {
    let mut screen = open(120, 32, config());
    screen.keys("g j j j j j s j");
    let (x, y) = screen
        .find("We are treating")
        .expect("cursor sentence on screen");
    assert!(
        screen.buffer()[(x, y)]
            .modifier
            .contains(Modifier::REVERSED)
    );
    let (x, y) = screen
        .find("ruled out deliberate")
        .expect("tagged sentence on screen");
    let cell = &screen.buffer()[(x, y)];
    assert!(cell.modifier.contains(Modifier::UNDERLINED));
    assert!(!cell.modifier.contains(Modifier::REVERSED));
    assert_eq!(cell.underline_color, Color::Green);
    let gutter = &screen.buffer()[(1, y)];
    assert_eq!(
        (gutter.symbol(), gutter.fg, gutter.bg),
        ("s", Color::Black, Color::Green),
        "the tag's letter on its colour"
    );
    let (x, y) = screen.find("│  s sourced ").expect("badge in the panel");
    assert_eq!(screen.buffer()[(x + 2, y)].bg, Color::Green);
    assert_eq!(screen.buffer()[(x + 3, y)].fg, Color::Black);
}

#[test]
fn no_color_uses_no_colour() {
    let mut config = config();
    config.color = false;
    let mut screen = open(120, 32, config);
    screen.keys("] ] s j /").text("minister");
    let buffer = screen.buffer();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "colour at {x},{y}"
            );
        }
    }
    assert!(
        screen.find("[s sourced]").is_some(),
        "badges fall back to text"
    );
    assert!(
        (0..buffer.area.height).any(|y| {
            let gutter = &buffer[(1, y)];
            gutter.symbol() == "s" && gutter.modifier.contains(Modifier::BOLD)
        }),
        "the gutter shows the tag's letter in bold"
    );
}

#[test]
fn overview_marks_claims_in_their_colours() {
    let mut screen = open(120, 32, config());
    screen.keys("G u");
    let areas = sidenote::tui::reader::layout::areas(ratatui::layout::Rect::new(0, 0, 120, 32))
        .expect("areas");
    let bar = areas.scrollbar;
    let marks: Vec<Color> = (bar.y..bar.bottom())
        .filter(|&y| screen.buffer()[(bar.x, y)].symbol() == "u")
        .map(|y| screen.buffer()[(bar.x, y)].fg)
        .collect();
    assert_eq!(marks, vec![Color::Red]);
    let last = screen.buffer()[(bar.x, bar.bottom() - 1)]
        .symbol()
        .to_owned();
    assert_eq!(
        last, "u",
        "the last sentence's claim, by its tag's letter, is at the bottom of the bar"
    );
}

#[test]
fn keys_save_the_sidecar_at_every_change() {
    let mut screen = open(120, 32, config());
    screen.keys("s");
    let saved = std::fs::read_to_string(&screen.sidecar).expect("sidecar written after one key");
    assert!(saved.contains("status = \"sourced\""), "{saved}");
    assert!(screen.find("saved").is_some());
    screen.keys("x");
    assert!(
        !screen.sidecar.exists(),
        "removing the last claim removes the sidecar"
    );
}

#[test]
fn a_failed_save_keeps_the_claims_shows_why_and_retries() {
    let mut screen = open(120, 32, config());
    // Make the sidecar's folder impossible to write in: put a file where the folder should be.
    let blocked = screen.dir.path().join("blocked");
    std::fs::write(&blocked, b"not a folder").expect("write");
    screen.sidecar = blocked.join("harbour-blackout.txt.sidenote.toml");
    screen.keys("s");
    assert!(
        screen.find("NOT SAVED").is_some(),
        "the status bar says the save failed"
    );
    assert_eq!(
        screen.app.sidecar.claims.len(),
        1,
        "the claim stays in memory"
    );
    std::fs::remove_file(&blocked).expect("remove");
    std::fs::create_dir(&blocked).expect("mkdir");
    screen.send(vec![Ok(Input::Tick)]);
    assert!(screen.find("saved").is_some() && screen.find("NOT SAVED").is_none());
    assert!(screen.sidecar.exists(), "the retry wrote the sidecar");
}

#[test]
fn every_size_draws_without_panicking() {
    let mut screen = open(200, 60, config());
    screen.keys(TAGGING);
    for (w, h) in [
        (0, 0),
        (1, 1),
        (20, 5),
        (400, 3),
        (200, 60),
        (3, 400),
        (40, 10),
        (39, 10),
    ] {
        screen.resize(w, h);
        screen.keys("j s ? esc enter esc / esc");
    }
}

#[test]
fn a_read_only_reader_says_why_in_the_panel() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("harbour-blackout.txt");
    std::fs::copy(SAMPLE, &path).expect("copy sample");
    let report = Report::load(&path).expect("sample loads");
    let app = App::new(report, None, config(), Some("s.toml:2:1: broken".into()));
    let mut screen = Screen {
        terminal: Terminal::new(TestBackend::new(120, 32)).expect("terminal"),
        app,
        sidecar: sidenote::annotate::sidecar_path(&path),
        dir,
    };
    screen.keys("s");
    assert!(screen.find("Read-only: nothing can be tagged").is_some());
    assert!(screen.find("READ-ONLY: s.toml:2:1: broken").is_some());
    assert!(!screen.sidecar.exists());
}

#[test]
fn the_save_state_is_readable_on_light_and_dark_backgrounds() {
    let mut light = config();
    light.background = sidenote::config::theme::Background::Light;
    for (config, saved) in [(config(), Color::Green), (light, Color::Indexed(28))] {
        let mut screen = open(120, 32, config);
        screen.keys("] ] s");
        let (x, y) = screen.find("saved").expect("the save is shown");
        assert_eq!(screen.buffer()[(x, y)].fg, saved);

        screen.app.save_state = sidenote::tui::reader::SaveState::Failed("disk full".into());
        screen.keys("j");
        let (x, y) = screen.find("NOT SAVED").expect("the failure is shown");
        let cell = &screen.buffer()[(x, y)];
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::White, Color::Red),
            "an alarm on any background"
        );
    }
}
