//! What the help screen says: the keys actually bound, the tags, the grades and the keys of the
//! editor, the search prompt and the adjudication view, as plain lines, each key as the live
//! keymap binds it (a rebound key shows as rebound). The update step scrolls through them and
//! drawing styles them, so neither depends on the other.

use ratatui::layout::Rect;

use crate::annotate::grade::{CREDIBILITY, RELIABILITY};
use crate::config::Config;
use crate::config::bindings::Bindings;
use crate::config::keys::{Action, Keymap};
use crate::config::modes::{self, EditorAction};
use crate::tui::reader::layout::centered;

/// One line of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// The title of a section.
    Heading(&'static str),
    /// Keys and what they do.
    Keys(String, &'static str),
    /// The keys of the tag at this index of the config's tags.
    Tag(String, usize),
    /// Plain text.
    Text(String),
    /// An empty line between sections.
    Blank,
}

/// The help text for `config`: the keys actually bound, the tags, and the fixed keys.
pub fn lines(config: &Config) -> Vec<HelpLine> {
    let mut lines = vec![HelpLine::Heading("Keys")];
    for (keys, doc) in config.keys.help_rows() {
        lines.push(HelpLine::Keys(keys, doc));
    }
    lines.push(HelpLine::Blank);
    lines.push(HelpLine::Heading(
        "Tags (tag the sentence, the selection, or retag the claim)",
    ));
    for i in 0..config.tags.len() {
        lines.push(HelpLine::Tag(
            config.keys.keys_for(Action::Tag(i)).join(" "),
            i,
        ));
    }
    let text = |t: &str| HelpLine::Text(t.to_owned());
    lines.push(text(
        "  A claim marked ≈ was found with changed text: its tag key confirms it.",
    ));
    lines.push(HelpLine::Blank);
    lines.extend(gutter_lines(&config.keys));
    lines.push(HelpLine::Blank);
    lines.push(HelpLine::Heading(
        "Selecting part of a sentence or several sentences",
    ));
    let key = |action| config.keys.key_name(action);
    lines.push(HelpLine::Text(format!(
        "  {} starts a selection on the sentence; {}/{} extend it by sentences;",
        key(Action::ToggleSelect),
        key(Action::NextSentence),
        key(Action::PrevSentence)
    )));
    lines.push(HelpLine::Text(format!(
        "  {}/{} move its start and {}/{} its end by a word (also narrows the claim",
        key(Action::StartWordLeft),
        key(Action::StartWordRight),
        key(Action::EndWordLeft),
        key(Action::EndWordRight)
    )));
    lines.push(text(
        "  under the cursor); a tag key tags the selection as one claim.",
    ));
    lines.push(HelpLine::Blank);
    lines.push(HelpLine::Heading(
        "Grades (Admiralty scale): source reliability A-F, information credibility 1-6, e.g. B2",
    ));
    for (letter, name, meaning) in RELIABILITY {
        lines.push(HelpLine::Text(format!("  {letter}  {name:<21} {meaning}")));
    }
    for (digit, name, meaning) in CREDIBILITY {
        lines.push(HelpLine::Text(format!("  {digit}  {name:<21} {meaning}")));
    }
    lines.push(text(
        "  Set with the grade keys above or the editor's Grade field (empty: no grade).",
    ));
    mode(&mut lines, &config.keys.editor, modes::EDITOR_FIXED);
    mode(&mut lines, &config.keys.search, &[]);
    mode(&mut lines, &config.keys.adjudicate, modes::ADJUDICATE_FIXED);
    lines.push(HelpLine::Blank);
    lines.push(HelpLine::Heading("Mouse"));
    lines.push(HelpLine::Keys(
        "click, wheel".to_owned(),
        "move the cursor, scroll",
    ));
    lines
}

/// A section for the keys of one mode: those bound in its table, then the fixed ones.
fn mode<A: Copy + PartialEq>(
    lines: &mut Vec<HelpLine>,
    keys: &Bindings<A>,
    fixed: &[(&str, &'static str)],
) {
    lines.push(HelpLine::Blank);
    lines.push(HelpLine::Heading(keys.vocabulary().title));
    for (keys, doc) in keys.help_rows() {
        lines.push(HelpLine::Keys(keys, doc));
    }
    for (keys, doc) in fixed {
        lines.push(HelpLine::Keys((*keys).to_owned(), doc));
    }
}

/// The pop-up's title: how to close and scroll it, with the keys bound to that.
pub fn title(keys: &Keymap) -> String {
    format!(
        " Help — {} closes, {}/{} scroll ",
        keys.key_name(Action::Cancel),
        keys.key_name(Action::NextSentence),
        keys.key_name(Action::PrevSentence)
    )
}

/// The claim editor's line of hints, with the keys bound in `[keys.editor]`: a save key that
/// the note keeps for a new line (Enter) is named apart, as saving only outside the note. Hints
/// give way to fit `width` columns, the least needed first.
pub fn editor_hint(keys: &Keymap, width: usize) -> String {
    let editor = &keys.editor;
    let [field, external, cancel] = [
        EditorAction::NextField,
        EditorAction::ExternalNote,
        EditorAction::Cancel,
    ]
    .map(|action| editor.key_name(action));
    let save = editor.key_name_in_note(EditorAction::Save);
    let newline = editor
        .keys_in_note(EditorAction::Save, true)
        .first()
        .map(|key| format!(" · {key} save/newline"))
        .unwrap_or_default();
    // Longest first; the first that fits is shown, the last whatever the width.
    let hints = [
        format!("{field} field · {save} save{newline} · {external} $EDITOR · {cancel} cancel"),
        format!("{field} field · {save} save · {external} $EDITOR · {cancel} cancel"),
        format!("{field} field · {save} save · {cancel} cancel"),
        format!("{save} save · {cancel} cancel"),
    ];
    let fits = |hint: &&String| hint.chars().count() <= width;
    hints
        .iter()
        .find(fits)
        .unwrap_or(&hints[hints.len() - 1])
        .clone()
}

/// What the article's gutter marks mean (see `reader::marks`), with the keys `keys` binds.
fn gutter_lines(keys: &Keymap) -> Vec<HelpLine> {
    let [accept, dismiss, adjudicate, remove] = [
        Action::AcceptSuggestion,
        Action::DismissSuggestion,
        Action::Adjudicate,
        Action::RemoveClaim,
    ]
    .map(|action| keys.key_name(action));
    let mut lines = vec![HelpLine::Heading(
        "The gutter, left of the article: a mark per sentence",
    )];
    lines.extend(
        [
            "  s (a tag's letter, on its colour)  the sentence's claims have that tag".to_owned(),
            format!("  s? (dim)  a suggestion waits: {accept} accepts, {dismiss} dismisses"),
            "  · (dim)  read, nothing to claim (a no-claim mark)".to_owned(),
            format!(
                "  ⚠  the authors' tags (or grade letters) differ ({adjudicate} adjudicates), or a merge left two"
            ),
            format!(
                "     versions of a claim ({remove} on the one you drop keeps the other)"
            ),
            "  A row holding several sentences shows each kind of mark once, in order:".to_owned(),
            "  s– a tagged sentence, then one with nothing; ◌ a suggestion; + more kinds.".to_owned(),
            "  On the selected claim's first row: its grade (B2).".to_owned(),
        ]
        .map(HelpLine::Text),
    );
    lines
}

/// Where the help pop-up goes on a screen of `size`.
pub fn area(size: Rect) -> Rect {
    centered(size, 90, size.height.saturating_sub(2))
}

/// The furthest the help can scroll on a screen of `size`: its last line at the bottom.
pub fn max_scroll(config: &Config, size: Rect) -> usize {
    let inner_height = usize::from(area(size).height.saturating_sub(2));
    lines(config).len().saturating_sub(inner_height)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::path::Path;

    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::config::keys::Key;
    use crate::report::{Encoding, Report};
    use crate::tui::reader::{App, Overlay, update};

    /// A reader on a short report with the settings of `config_text`, on a 100x150 screen.
    fn reader(config_text: &str) -> App {
        let report = Report::from_text(
            Path::new("report.txt"),
            "The minister said the port would reopen. Critics disagree.".to_owned(),
            Encoding::Utf8,
            "hash".into(),
        );
        let config = Config::from_str_with_defaults(config_text, Path::new("c.toml")).unwrap();
        let mut app = App::new(report, None, config, None);
        update(&mut app, Action::Resize(100, 150));
        app
    }

    fn screen(app: &App) -> Vec<String> {
        let mut terminal = Terminal::new(TestBackend::new(100, 150)).unwrap();
        terminal
            .draw(|frame| crate::tui::reader::ui::draw(frame, app))
            .unwrap();
        let buffer = terminal.backend().buffer();
        (0..150)
            .map(|y| (0..100).map(|x| buffer[(x, y)].symbol()).collect())
            .collect()
    }

    fn press(app: &mut App, key: &str) {
        let key = Key::parse(key).unwrap();
        app.on_key(KeyEvent::new(key.code, key.modifiers));
    }

    const REBOUND: &str = "[keys.editor]\n\"ctrl-x\" = \"save\"\n\"ctrl-s\" = \"none\"\n\
                           [keys]\n\"F\" = \"help\"\n\"?\" = \"none\"\n\"esc\" = \"none\"\n\
                           \"ctrl-g\" = \"cancel\"\n";

    #[test]
    fn the_help_lists_a_rebound_editor_key() {
        let mut app = reader(REBOUND);
        press(&mut app, "F");
        assert_eq!(app.overlay, Overlay::Help(0), "F opens the help");
        let rows = screen(&app);
        let save = rows
            .iter()
            .find(|r| r.contains("save the claim (Enter in the note"))
            .expect("the editor's save is listed");
        assert!(save.contains("Enter Ctrl-x"), "{save}");
        assert!(!rows.iter().any(|r| r.contains("Ctrl-s")), "unbound: gone");
        assert!(
            rows[1].contains("Help — Ctrl-g closes, j/k scroll"),
            "the title names the keys bound: {}",
            rows[1]
        );
        let defaults = reader("");
        let lines = lines(&defaults.config);
        assert!(lines.contains(&HelpLine::Keys(
            "Enter Ctrl-s".to_owned(),
            "save the claim (Enter in the note: a new line)"
        )));
        assert!(lines.contains(&HelpLine::Heading("Search prompt")));
        assert!(lines.contains(&HelpLine::Keys(
            "1-9".to_owned(),
            modes::ADJUDICATE_FIXED[0].1
        )));
    }

    #[test]
    fn hints_and_messages_name_the_rebound_keys() {
        let mut app = reader(REBOUND);
        let status = screen(&app).pop().unwrap();
        assert!(status.trim_end().ends_with("F help"), "{status}");
        press(&mut app, "enter");
        assert!(matches!(app.overlay, Overlay::Editor(_)));
        assert!(
            screen(&app).iter().any(
                |r| r.contains("Tab field · Ctrl-x save · Enter save/newline · Ctrl-o $EDITOR")
            ),
            "the editor's hint"
        );
        app.note_edited(Ok("checked with the port office".to_owned()));
        assert_eq!(
            app.message.as_deref(),
            Some("note edited; Ctrl-x saves the claim")
        );
        let saved = app.on_key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::CONTROL));
        assert_eq!(
            saved,
            Some(crate::tui::reader::Effect::Save),
            "Ctrl-x saves"
        );
        assert_eq!(
            app.sidecar.claims[0].note.as_deref(),
            Some("checked with the port office")
        );
    }

    #[test]
    fn the_search_prompt_takes_its_keys_from_keys_search() {
        let mut app = reader("[keys.search]\n\"ctrl-g\" = \"cancel\"\n\"esc\" = \"none\"\n");
        press(&mut app, "j");
        press(&mut app, "/");
        for c in "port".chars() {
            app.on_key(KeyEvent::from(KeyCode::Char(c)));
        }
        assert_eq!(app.search.query, "port");
        press(&mut app, "esc");
        assert!(
            matches!(app.overlay, Overlay::Search(..)),
            "Esc is unbound here"
        );
        press(&mut app, "ctrl-g");
        assert_eq!(app.overlay, Overlay::None);
        assert_eq!(app.search.query, "", "cancelled");
        assert_eq!(app.cursor, 1, "back where the search started");
        assert!(
            lines(&app.config).contains(&HelpLine::Keys(
                "Ctrl-c Ctrl-g".to_owned(),
                "drop the search, back to where it started"
            )),
            "the help lists the keys as bound"
        );
    }

    #[test]
    fn the_gutter_help_names_the_keys_as_bound() {
        let app = reader(
            "[keys]\n\"ctrl-a\" = \"accept_suggestion\"\n\"y\" = \"none\"\n\
             \"ctrl-d\" = \"dismiss_suggestion\"\n\"X\" = \"none\"\n\
             \"ctrl-j\" = \"adjudicate\"\n\"A\" = \"none\"\n\
             \"ctrl-k\" = \"remove_claim\"\n\"x\" = \"none\"\n",
        );
        let text: Vec<String> = lines(&app.config)
            .into_iter()
            .filter_map(|line| match line {
                HelpLine::Text(t) => Some(t),
                _ => None,
            })
            .collect();
        let text = text.join("\n");
        assert!(text.contains("Ctrl-a accepts, Ctrl-d dismisses"), "{text}");
        assert!(text.contains("(Ctrl-j adjudicates)"), "{text}");
        assert!(text.contains("(Ctrl-k on the one you drop"), "{text}");
        assert!(!text.contains("y accepts"), "{text}");
    }

    #[test]
    fn a_review_key_in_the_reader_says_it_does_nothing_here() {
        let mut app = reader("");
        press(&mut app, "w");
        assert_eq!(
            app.message.as_deref(),
            Some("w is a key of the review screen (sidenote FOLDER); nothing to do here")
        );
        assert!(app.sidecar.claims.is_empty());
    }
}
