//! What the help screen says: the keys actually bound, the tags, the grades and the keys of the
//! editor and the prompts, as plain lines. The update step scrolls through them and drawing styles
//! them, so neither depends on the other.

use ratatui::layout::Rect;

use crate::annotate::grade::{CREDIBILITY, RELIABILITY};
use crate::config::Config;
use crate::config::keys::Action;
use crate::tui::reader::layout::centered;
use crate::tui::reader::mode_keys;

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
    lines.extend(gutter_lines());
    lines.push(HelpLine::Blank);
    lines.push(HelpLine::Heading(
        "Selecting part of a sentence or several sentences",
    ));
    lines.push(text(
        "  v starts a selection on the sentence; j/k extend it by sentences;",
    ));
    lines.push(text(
        "  h/l move its start and H/L its end by a word (also narrows the claim",
    ));
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
    lines.push(HelpLine::Blank);
    lines.push(HelpLine::Heading("Editor, search, mouse, adjudication"));
    for (keys, doc) in mode_keys::HELP {
        lines.push(HelpLine::Keys((*keys).to_owned(), doc));
    }
    lines
}

/// What the article's gutter marks mean (see `reader::marks`).
fn gutter_lines() -> Vec<HelpLine> {
    let mut lines = vec![HelpLine::Heading(
        "The gutter, left of the article: a mark per sentence",
    )];
    lines.extend(
        [
            "  s (a tag's letter, on its colour)  the sentence's claims have that tag",
            "  s? (dim)  a suggestion waits: y accepts, X dismisses",
            "  ⚠  the authors' tags (or grade letters) differ (A adjudicates), or a merge left two",
            "     versions of a claim (x on the one you drop keeps the other)",
            "  A row holding several sentences shows each kind of mark once, in order:",
            "  s– a tagged sentence, then one with nothing; ◌ a suggestion; + more kinds.",
            "  On the selected claim's first row: its grade (B2).",
        ]
        .map(|t| HelpLine::Text(t.to_owned())),
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
