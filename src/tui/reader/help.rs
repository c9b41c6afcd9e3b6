//! What the help screen says: the keys actually bound, the tags, the grades and the keys of the
//! editor, the search prompt and the adjudication view, as plain lines, each key as the live
//! keymap binds it (a rebound key shows as rebound). The update step scrolls through them and
//! drawing styles them, so neither depends on the other.

use ratatui::layout::Rect;

use crate::annotate::grade::{CREDIBILITY, RELIABILITY};
use crate::config::Config;
use crate::config::keys::{Action, Keymap};
use crate::config::modes::{self, Bindings, EditorAction};
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

/// The claim editor's line of hints, with the keys bound in `[keys.editor]`.
pub fn editor_hint(keys: &Keymap) -> String {
    let editor = &keys.editor;
    let all = |action| {
        let keys = editor.keys_for(action);
        if keys.is_empty() {
            editor.key_name(action)
        } else {
            keys.join("/")
        }
    };
    format!(
        "{} field · {} save · {} $EDITOR · {} cancel",
        editor.key_name(EditorAction::NextField),
        all(EditorAction::Save),
        editor.key_name(EditorAction::ExternalNote),
        editor.key_name(EditorAction::Cancel)
    )
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
