//! The status bar: file, position, counts and whether the claims are saved; or the search prompt.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::tag_letter;
use crate::config::theme::Background;
use crate::report::safe;
use crate::tui::reader::wrap::char_width;
use crate::tui::reader::{App, Focus, Overlay, SaveState};

/// The fewest characters of the file name worth showing (with an ellipsis) before it goes.
const FILE_ROOM: usize = 6;

/// Draws the bottom row.
///
/// When the row is too narrow for everything, the least important parts give way first, in
/// this order: the claim counts shorten then go, `? help` goes, `sentence 5/60` becomes
/// `5/60`, the file name is shortened then dropped, and last the message is cut (a message is
/// news, the file name is not). The sentence number and the save state (cut to half the row)
/// always show.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    if let Overlay::Search(input, _) = &app.overlay {
        draw_prompt(frame, app, input.text(), area);
        return;
    }
    let width = usize::from(area.width);
    let sentences = app.report.sentences.len();
    let (position, short_position) = if sentences == 0 {
        ("no sentences".to_owned(), "0/0".to_owned())
    } else {
        (
            format!("sentence {}/{sentences}", app.cursor + 1),
            format!("{}/{sentences}", app.cursor + 1),
        )
    };
    let mut modes = Vec::new();
    if app.selection.is_some() {
        modes.push(" SELECT ");
    }
    if app.focus == Focus::Panel {
        modes.push(" PANEL ");
    }
    let modes_width: usize = modes.iter().map(|m| m.chars().count()).sum();
    let state = match &app.save_state {
        SaveState::Unchanged => String::new(),
        SaveState::Saved => "saved".to_owned(),
        SaveState::Pending => "saving…".to_owned(),
        SaveState::Failed(why) => format!("NOT SAVED: {why}"),
        SaveState::ReadOnly(why) => format!("READ-ONLY: {why}"),
    };
    // The save state may be a long error: it gets at most half the row, so the position and
    // messages (such as the quit warning) stay visible.
    let state = cut(&safe(&state), (width / 2).saturating_sub(4));
    let state_width = text_width(&state) + 2;
    let message = app.message.as_deref().map(|m| safe(m).into_owned());
    let (full_counts, short_counts) = counts(app);
    let file = safe(&app.report.file_name()).into_owned();
    // Each layout is (file, position, middle, help); the first that fits is drawn.
    let middle_width = |m: &str| text_width(m) + 1;
    let fits = |file: &str, position: &str, middle: &str, help: bool| {
        let file = if file.is_empty() {
            0
        } else {
            text_width(file) + 2
        };
        let middle = if middle.is_empty() {
            0
        } else {
            middle_width(middle)
        };
        file + text_width(position) + 2 + modes_width + middle + state_width + 9 * usize::from(help)
            <= width
    };
    let middles: Vec<&str> = match &message {
        Some(m) => vec![m],
        None => vec![&full_counts, &short_counts, ""],
    };
    let mut layouts: Vec<(String, &str, &str, bool)> = middles
        .iter()
        .map(|m| (file.clone(), position.as_str(), *m, true))
        .collect();
    let last_middle = middles[middles.len() - 1];
    layouts.push((file.clone(), &position, last_middle, false));
    layouts.push((file.clone(), &short_position, last_middle, false));
    let fixed = text_width(&short_position) + 2 + modes_width + state_width + 2;
    let middle_room = if last_middle.is_empty() {
        0
    } else {
        middle_width(last_middle)
    };
    let file_room = width.saturating_sub(fixed + middle_room);
    if file_room >= FILE_ROOM + 1 {
        layouts.push((cut(&file, file_room), &short_position, last_middle, false));
    }
    let chosen = layouts
        .into_iter()
        .find(|(f, p, m, h)| fits(f, p, m, *h))
        .unwrap_or((String::new(), &short_position, last_middle, false));
    let (file, position, middle, help) = chosen;
    let mut left = Vec::new();
    if !file.is_empty() {
        left.push(Span::styled(
            format!(" {file} "),
            Style::new().add_modifier(Modifier::BOLD),
        ));
    }
    left.push(Span::raw(format!(" {position} ")));
    for mode in modes {
        left.push(Span::styled(
            mode,
            Style::new().add_modifier(Modifier::REVERSED),
        ));
    }
    if !middle.is_empty() {
        left.push(Span::raw(format!(" {middle}")));
    }
    let right = vec![
        Span::raw("  "),
        Span::styled(state.clone(), save_style(app)),
        Span::raw(if help { "  ? help " } else { "" }),
    ];
    let right_width = u16::try_from(right.iter().map(Span::width).sum::<usize>())
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
    frame.render_widget(Paragraph::new(Line::from(right)), right_area);
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
