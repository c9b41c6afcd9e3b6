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

/// Draws the bottom row.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    if let Overlay::Search(input, _) = &app.overlay {
        draw_prompt(frame, app, input.text(), area);
        return;
    }
    let sentences = app.report.sentences.len();
    let position = if sentences == 0 {
        "no sentences".to_owned()
    } else {
        format!("sentence {}/{sentences}", app.cursor + 1)
    };
    let mut left = vec![
        Span::styled(
            format!(" {} ", safe(&app.report.file_name())),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::raw(format!(" {position} ")),
    ];
    if app.selection.is_some() {
        left.push(Span::styled(
            " SELECT ",
            Style::new().add_modifier(Modifier::REVERSED),
        ));
    }
    if app.focus == Focus::Panel {
        left.push(Span::styled(
            " PANEL ",
            Style::new().add_modifier(Modifier::REVERSED),
        ));
    }
    let state = match &app.save_state {
        SaveState::Unchanged => String::new(),
        SaveState::Saved => "saved".to_owned(),
        SaveState::Pending => "saving…".to_owned(),
        SaveState::Failed(why) => format!("NOT SAVED: {why}"),
        SaveState::ReadOnly(why) => format!("READ-ONLY: {why}"),
    };
    // The save state may be a long error: it gets at most half the row, so the file, position,
    // counts and messages (such as the quit warning) stay visible.
    let half = usize::from(area.width / 2).saturating_sub(12);
    let state = safe(&state).into_owned();
    let state: String = if state.chars().count() > half {
        let mut cut: String = state.chars().take(half.saturating_sub(1)).collect();
        cut.push('…');
        cut
    } else {
        state
    };
    let help = format!("  {} help ", app.config.keys.key_name(Action::Help));
    let right = format!("  {state}{help}");
    let right_width = u16::try_from(right.chars().count())
        .unwrap_or(u16::MAX)
        .min(area.width);
    let room = usize::from(area.width.saturating_sub(right_width)).saturating_sub(
        left.iter()
            .map(|s| s.content.chars().count())
            .sum::<usize>()
            + 1,
    );
    // A message the user has not read yet comes first; the progress of a large report being
    // indexed shows when there is none.
    let progress = app.indexed.map(crate::tui::reader::loading::indexing);
    let middle = app.message.as_deref().or(progress.as_deref()).map_or_else(
        || {
            let (full, short) = counts(app);
            if full.chars().count() <= room {
                full
            } else {
                short
            }
        },
        |message| safe(message).into_owned(),
    );
    left.push(Span::raw(format!(" {middle}")));
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
    let state_style = save_style(app);
    let right_line = Line::from(vec![
        Span::raw("  "),
        Span::styled(state, state_style),
        Span::raw(help),
    ]);
    frame.render_widget(Paragraph::new(right_line), right_area);
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
