//! The claim editor pop-up: tag, source, kind of source, grade, note and labels of one claim.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{badge, popup};
use crate::report::safe;
use crate::suggest::CueKind;
use crate::tui::input::TextInput;
use crate::tui::reader::layout::centered;
use crate::tui::reader::wrap::char_width;
use crate::tui::reader::{App, Editor, Field};

/// Rows of the note field.
const NOTE_ROWS: u16 = 5;
/// Columns of the field names.
const LABEL_WIDTH: u16 = 9;

/// Draws the editor over the main screen.
pub fn draw(frame: &mut Frame, app: &App, editor: &Editor) {
    let area = centered(frame.area(), 76, 21);
    let title = if editor.claim.is_some() {
        " Edit claim "
    } else {
        " New claim "
    };
    let inner = popup(frame, app, area, title);
    if inner.height < 4 || inner.width < 20 {
        return;
    }
    frame.render_widget(
        Paragraph::new(quote_line(app, &editor.span))
            .wrap(Wrap { trim: true })
            .style(Style::new().add_modifier(Modifier::ITALIC)),
        Rect { height: 2, ..inner },
    );
    let fields = [
        ("Tag", Field::Tag, 1),
        ("Source", Field::Source, 1),
        ("Kind", Field::Kind, 1),
        ("Grade", Field::Grade, 1),
        ("Note", Field::Note, NOTE_ROWS),
        ("Labels", Field::Labels, 1),
    ];
    let mut y = inner.y + 3;
    for (name, field, height) in fields {
        if y + height >= inner.bottom() {
            break;
        }
        let focused = editor.field == field;
        let label_style = if focused {
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        };
        let label_area = Rect {
            y,
            width: LABEL_WIDTH,
            height: 1,
            ..inner
        };
        frame.render_widget(
            Paragraph::new(Span::styled(format!("{name:<7}"), label_style)),
            label_area,
        );
        let value = Rect {
            x: inner.x + LABEL_WIDTH,
            y,
            width: inner.width.saturating_sub(LABEL_WIDTH),
            height,
        };
        match field {
            Field::Tag => {
                let line = Line::from(vec![
                    Span::raw("◀ "),
                    badge(app, &editor.status),
                    Span::raw(" ▶"),
                ]);
                frame.render_widget(Paragraph::new(line), value);
            }
            Field::Source => input(frame, &editor.source, value, focused),
            Field::Kind => {
                let kind = editor.source_kind.map_or("not said", |k| k.name());
                frame.render_widget(Paragraph::new(format!("◀ {kind} ▶")), value);
            }
            Field::Grade => input(frame, &editor.grade, value, focused),
            Field::Note => input(frame, &editor.note, value, focused),
            Field::Labels => input(frame, &editor.labels, value, focused),
        }
        y += height + 1;
    }
    let help = crate::tui::reader::help::editor_hint(&app.config.keys);
    frame.render_widget(
        Paragraph::new(Span::styled(help, Style::new().add_modifier(Modifier::DIM))),
        Rect {
            y: inner.bottom() - 1,
            height: 1,
            ..inner
        },
    );
}

/// The claim's text on one line, with the words that decided the sentence's suggestion marked:
/// the source reversed, the cues underlined (hedges also bold), so the user sees why.
fn quote_line(app: &App, span: &std::ops::Range<usize>) -> Line<'static> {
    let text = &app.report.text;
    let sentence = app.report.sentence_at(span.start);
    let suggestion = app
        .suggestions
        .get(&app.report, sentence)
        .filter(|s| s.sentence == *span && s.verdict.is_some());
    let style_at = |at: usize| {
        let mut style = Style::new();
        let Some(s) = &suggestion else { return style };
        if s.source.as_ref().is_some_and(|r| r.contains(&at)) {
            style = style.add_modifier(Modifier::REVERSED);
        }
        for cue in s.cues.iter().filter(|c| c.span.contains(&at)) {
            style = style.add_modifier(Modifier::UNDERLINED);
            if cue.kind == CueKind::Hedge || cue.kind == CueKind::Anonymous {
                style = style.add_modifier(Modifier::BOLD);
            }
        }
        style
    };
    let mut spans = vec![Span::raw("“")];
    let mut run = String::new();
    let mut run_style = Style::new();
    let mut last_space = true;
    for (i, c) in text.get(span.clone()).unwrap_or_default().char_indices() {
        let at = span.start + i;
        let (c, style) = if c.is_whitespace() {
            if last_space {
                continue;
            }
            (' ', style_at(at.saturating_sub(1)))
        } else {
            (c, style_at(at))
        };
        last_space = c == ' ';
        if style != run_style && !run.is_empty() {
            spans.push(Span::styled(safe(&run).into_owned(), run_style));
            run.clear();
        }
        run_style = style;
        run.push(c);
    }
    let run = run.trim_end();
    if !run.is_empty() {
        spans.push(Span::styled(safe(run).into_owned(), run_style));
    }
    spans.push(Span::raw("”"));
    Line::from(spans)
}

/// A text field; the focused one gets the terminal cursor, scrolled so the cursor shows.
fn input(frame: &mut Frame, field: &TextInput, area: Rect, focused: bool) {
    let (line, col) = field.cursor_line_col();
    let rows = usize::from(area.height);
    let first = line.saturating_sub(rows.saturating_sub(1));
    let width = usize::from(area.width).saturating_sub(1);
    let cursor_line = field.text().split('\n').nth(line).unwrap_or_default();
    let before: usize = cursor_line.chars().take(col).map(char_width).sum();
    let skip = before.saturating_sub(width);
    let lines: Vec<Line> = field
        .text()
        .split('\n')
        .skip(first)
        .take(rows)
        .map(|l| Line::raw(safe(&skip_columns(l, skip)).into_owned()))
        .collect();
    let mut shown = Paragraph::new(lines);
    if focused {
        shown = shown.style(Style::new().add_modifier(Modifier::UNDERLINED));
    }
    frame.render_widget(shown, area);
    if focused {
        let x = area.x + u16::try_from(before - skip).unwrap_or(0);
        let y = area.y + u16::try_from(line - first).unwrap_or(0);
        frame.set_cursor_position((x, y));
    }
}

/// `line` without its first `columns` screen columns.
fn skip_columns(line: &str, columns: usize) -> String {
    let mut skipped = 0;
    line.chars()
        .skip_while(|&c| {
            let skip = skipped < columns;
            skipped += char_width(c);
            skip
        })
        .collect()
}
