//! The help screen: the keys actually bound (from the keymap), the tags, and the fixed keys of
//! the editor and the selection.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::popup;
use crate::annotate::grade::{CREDIBILITY, RELIABILITY};
use crate::tui::app::App;
use crate::tui::layout::centered;

/// Keys of the claim editor and the search prompt, which type text rather than run actions.
const FIXED: &[(&str, &str)] = &[
    ("Tab Shift-Tab", "editor: next / previous field"),
    ("Left Right", "editor: change the tag (or press its key)"),
    ("Enter", "editor: save (in the note: new line)"),
    ("Ctrl-s", "editor: save from any field"),
    ("Ctrl-o", "editor: write the note in $VISUAL / $EDITOR"),
    ("Esc", "editor, search: cancel"),
    ("Enter", "search: keep the matches highlighted"),
    ("click, wheel", "mouse: move the cursor, scroll"),
    ("1-9", "adjudicate: accept that author's version as agreed"),
    ("e", "adjudicate: write the agreed claim in the editor"),
    ("j k", "adjudicate: next / previous disagreement"),
];

/// The help text: the keys actually bound, the tags, and the fixed keys.
fn lines(app: &App) -> Vec<Line<'_>> {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut lines = vec![Line::styled("Keys", bold)];
    for (keys, doc) in app.config.keys.help_rows() {
        lines.push(row(&keys, doc));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "Tags (tag the sentence, the selection, or retag the claim)",
        bold,
    ));
    for (i, tag) in app.config.tags.iter().enumerate() {
        let keys = app
            .config
            .keys
            .keys_for(crate::config::keys::Action::Tag(i))
            .join(" ");
        lines.push(Line::from(vec![
            Span::raw(format!("  {keys:<14} ")),
            super::badge(app, &tag.name),
            Span::raw(format!(" {}", tag.description)),
        ]));
    }
    lines.push(Line::raw(
        "  A claim marked ≈ was found with changed text: its tag key confirms it.",
    ));
    lines.push(Line::default());
    lines.push(Line::styled(
        "Selecting part of a sentence or several sentences",
        bold,
    ));
    lines.push(Line::raw(
        "  v starts a selection on the sentence; j/k extend it by sentences;",
    ));
    lines.push(Line::raw(
        "  h/l move its start and H/L its end by a word (also narrows the claim",
    ));
    lines.push(Line::raw(
        "  under the cursor); a tag key tags the selection as one claim.",
    ));
    lines.push(Line::default());
    lines.push(Line::styled(
        "Grades (Admiralty scale): source reliability A-F, information credibility 1-6, e.g. B2",
        bold,
    ));
    for (letter, name, meaning) in RELIABILITY {
        lines.push(Line::raw(format!("  {letter}  {name:<21} {meaning}")));
    }
    for (digit, name, meaning) in CREDIBILITY {
        lines.push(Line::raw(format!("  {digit}  {name:<21} {meaning}")));
    }
    lines.push(Line::raw(
        "  Set with the grade keys above or the editor's Grade field (empty: no grade).",
    ));
    lines.push(Line::default());
    lines.push(Line::styled("Editor, search, mouse, adjudication", bold));
    for (keys, doc) in FIXED {
        lines.push(row(keys, doc));
    }
    lines
}

/// Where the pop-up goes on a screen of `size`.
fn area(size: Rect) -> Rect {
    centered(size, 90, size.height.saturating_sub(2))
}

/// The furthest the help can scroll on a screen of `size`: its last line at the bottom.
pub fn max_scroll(app: &App, size: Rect) -> usize {
    let inner_height = usize::from(area(size).height.saturating_sub(2));
    lines(app).len().saturating_sub(inner_height)
}

/// Draws the help pop-up, scrolled by `scroll` rows.
pub fn draw(frame: &mut Frame, app: &App, scroll: usize) {
    let area = area(frame.area());
    let scroll = scroll.min(max_scroll(app, frame.area()));
    let inner = popup(frame, app, area, " Help — Esc closes, j/k scroll ");
    frame.render_widget(
        Paragraph::new(lines(app)).scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        inner,
    );
}

fn row<'a>(keys: &str, doc: &'a str) -> Line<'a> {
    Line::from(vec![
        Span::styled(
            format!("  {keys:<14} "),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::raw(doc),
    ])
}
