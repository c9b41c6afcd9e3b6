//! The status bar: file, position, counts and whether the claims are saved; or the search prompt.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::tag_letter;
use crate::config::keys::Action;
use crate::config::theme::Background;
use crate::report::safe;
use crate::tui::reader::wrap::char_width;
use crate::tui::reader::{App, Focus, Overlay, SaveState};

/// The fewest characters of the file name worth showing (with an ellipsis) before it goes.
const FILE_ROOM: usize = 6;

/// The parts of the status bar, as they will be drawn.
struct Bar {
    /// The report's file name, or nothing once it gave way.
    file: String,
    /// `sentence 5/60`, or `5/60` when short of room.
    position: String,
    /// `reviewed 31/60` (sentences with a claim or a no-claim mark), or nothing once it gave way.
    progress: String,
    /// Reversed markers of the modes (`SELECT`, `PANEL`).
    modes: Vec<&'static str>,
    /// The message, else the claim counts (or nothing).
    middle: String,
    /// The save state.
    state: String,
    /// `? help` with the key bound to the help, or nothing once it gave way.
    help: String,
}

impl Bar {
    /// Columns the bar takes, padding included.
    fn width(&self) -> usize {
        let padded = |text: &str, pad: usize| {
            if text.is_empty() {
                0
            } else {
                text_width(text) + pad
            }
        };
        padded(&self.file, 2)
            + padded(&self.position, 2)
            + if self.progress.is_empty() {
                0
            } else {
                text_width(&self.progress) + 3
            }
            + self.modes.iter().map(|m| text_width(m)).sum::<usize>()
            + padded(&self.middle, 1)
            + 2
            + text_width(&self.state)
            + text_width(&self.help)
    }

    /// Gives way, least important part first, until the bar fits `width`: the counts shorten
    /// (to `short_counts`) then go, `? help` goes, the review progress goes, the position loses
    /// its word, the file name is cut then dropped. The message is news, the file name is not:
    /// it stays, cut at the end of the row if it must. The sentence number and the save state
    /// always stay.
    fn fit(&mut self, width: usize, short_counts: Option<String>) {
        if let Some(short) = short_counts {
            if self.width() > width {
                self.middle = short;
            }
            if self.width() > width {
                self.middle.clear();
            }
        }
        if self.width() > width {
            self.help.clear();
        }
        if self.width() > width {
            self.progress.clear();
        }
        if self.width() > width
            && let Some((_, number)) = self.position.split_once(' ')
        {
            self.position = number.to_owned();
        }
        if self.width() > width {
            let room = text_width(&self.file).saturating_sub(self.width() - width);
            self.file = if room > FILE_ROOM {
                cut(&self.file, room)
            } else {
                String::new()
            };
        }
    }
}

/// Draws the bottom row, fitted to its width (see [`Bar::fit`]).
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    if let Overlay::Search(input, _) = &app.overlay {
        draw_prompt(frame, app, input.text(), area);
        return;
    }
    let width = usize::from(area.width);
    let sentences = app.report.sentences.len();
    let mut modes = Vec::new();
    if app.selection.is_some() {
        modes.push(" SELECT ");
    }
    if app.focus == Focus::Panel {
        modes.push(" PANEL ");
    }
    let state = match &app.save_state {
        SaveState::Unchanged => String::new(),
        SaveState::Saved => "saved".to_owned(),
        SaveState::Pending => "saving…".to_owned(),
        SaveState::Failed(why) => format!("NOT SAVED: {why}"),
        SaveState::ReadOnly(why) => format!("READ-ONLY: {why}"),
    };
    let (full_counts, short_counts) = counts(app);
    // A message the user has not read yet comes first; the progress of a large report being
    // indexed shows when there is none; else the counts.
    let progress = app.indexed.map(crate::tui::reader::loading::indexing);
    let (middle, short_counts) = match app.message.as_deref().or(progress.as_deref()) {
        Some(message) => (safe(message).into_owned(), None),
        None => (full_counts, Some(short_counts)),
    };
    let mut bar = Bar {
        file: safe(&app.report.file_name()).into_owned(),
        position: if sentences == 0 {
            "no sentences".to_owned()
        } else {
            format!("sentence {}/{sentences}", app.cursor + 1)
        },
        progress: if sentences == 0 {
            String::new()
        } else {
            format!("reviewed {}/{sentences}", app.reviewed_count().0)
        },
        modes,
        middle,
        // A long error gets at most half the row, so the position and messages (such as the
        // quit warning) stay visible.
        state: cut(&safe(&state), (width / 2).saturating_sub(4)),
        // With no key bound to the help there is none to name ("(unbound) help" is no key).
        help: app
            .config
            .keys
            .first_key(Action::Help)
            .map_or_else(String::new, |key| format!("  {key} help ")),
    };
    bar.fit(width, short_counts);
    let mut left = Vec::new();
    if !bar.file.is_empty() {
        left.push(Span::styled(
            format!(" {} ", bar.file),
            Style::new().add_modifier(Modifier::BOLD),
        ));
    }
    if bar.progress.is_empty() {
        left.push(Span::raw(format!(" {} ", bar.position)));
    } else {
        left.push(Span::raw(format!(" {} · {} ", bar.position, bar.progress)));
    }
    for mode in bar.modes {
        left.push(Span::styled(
            mode,
            Style::new().add_modifier(Modifier::REVERSED),
        ));
    }
    if !bar.middle.is_empty() {
        left.push(Span::raw(format!(" {}", bar.middle)));
    }
    let right = Line::from(vec![
        Span::raw("  "),
        Span::styled(bar.state, save_style(app)),
        Span::raw(bar.help),
    ]);
    let right_width = u16::try_from(right.width())
        .unwrap_or(u16::MAX)
        .min(area.width);
    let left_area = Rect {
        width: area.width.saturating_sub(right_width),
        ..area
    };
    let right_area = Rect {
        x: area.right().saturating_sub(right_width),
        width: right_width,
        ..area
    };
    frame.render_widget(Paragraph::new(Line::from(left)), left_area);
    frame.render_widget(Paragraph::new(right), right_area);
}

/// Columns `text` takes on screen.
fn text_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// `text` cut to `room` columns, with an ellipsis when it was cut.
fn cut(text: &str, room: usize) -> String {
    if text_width(text) <= room {
        return text.to_owned();
    }
    let mut used = 0;
    let mut kept: String = text
        .chars()
        .take_while(|&c| {
            used += char_width(c);
            used < room
        })
        .collect();
    kept.push('…');
    kept
}

/// How the save state stands out. A lost save is an alarm on any background: white on red. The
/// quiet states are coloured text, in darker shades on a light background, where yellow and
/// bright green letters on white can hardly be read.
fn save_style(app: &App) -> Style {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    if !app.config.color {
        return bold;
    }
    let light = app.config.background == Background::Light;
    match &app.save_state {
        SaveState::Unchanged => bold,
        SaveState::Saved if light => bold.fg(DARK_GREEN),
        SaveState::Saved => bold.fg(Color::Green),
        SaveState::Pending if light => bold.fg(DARK_ORANGE),
        SaveState::Pending => bold.fg(Color::Yellow),
        SaveState::Failed(_) | SaveState::ReadOnly(_) => bold.fg(Color::White).bg(Color::Red),
    }
}

/// "saved" on a light background: xterm's 256-colour green 28 (#008700).
const DARK_GREEN: Color = Color::Indexed(28);
/// "saving…" on a light background: xterm's 256-colour 130 (#af5f00).
const DARK_ORANGE: Color = Color::Indexed(130);

/// The search prompt: the query, the number of matches, and the terminal cursor after the query.
fn draw_prompt(frame: &mut Frame, app: &App, query: &str, area: Rect) {
    let count = if query.is_empty() {
        String::new()
    } else {
        format!(
            "  {}",
            crate::tui::reader::find::count_text(&app.search, app.report.text.len())
        )
    };
    let line = Line::from(vec![
        Span::raw("/"),
        Span::raw(safe(query).into_owned()),
        Span::styled(count, Style::new().add_modifier(Modifier::DIM)),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    let col = query.chars().map(char_width).sum::<usize>() + 1;
    let x = area
        .x
        .saturating_add(u16::try_from(col).unwrap_or(u16::MAX))
        .min(area.right().saturating_sub(1));
    frame.set_cursor_position((x, area.y));
}

/// `9 claims · s 5 sourced · u 4 unsourced`: the total and every tag in use with its letter;
/// and the total alone, for narrow terminals.
fn counts(app: &App) -> (String, String) {
    let (counts, other) = app.counts();
    let total = app.sidecar.claims.len();
    let mut parts = vec![format!(
        "{total} claim{}",
        if total == 1 { "" } else { "s" }
    )];
    let short = parts[0].clone();
    for (tag, n) in app.config.tags.iter().zip(counts) {
        if n > 0 {
            parts.push(format!("{} {n} {}", tag_letter(app, &tag.name), tag.name));
        }
    }
    if other > 0 {
        parts.push(format!("{other} other"));
    }
    (parts.join(" · "), short)
}
