//! The claim editor pop-up: tag, source, kind of source, grade, note and labels of one claim.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{badge, popup};
use crate::report::safe;
use crate::suggest::CueKind;
use crate::tui::input::TextInput;
use crate::tui::reader::layout::centered;
use crate::tui::reader::wrap::char_width;
use crate::tui::reader::{App, Editor, Field};

/// Rows of the note field, when the editor has room for them.
const NOTE_ROWS: u16 = 5;
/// Columns of the field names.
const LABEL_WIDTH: u16 = 9;
/// Below this many rows inside the editor, the claim's text gets one row instead of two.
const ROOMY: u16 = 14;

/// Where each field goes in a column of `rows` rows: its first row (counted from the top of the
/// column) and its height, for the fields whole on screen. The column scrolls so the focused
/// field always shows whole: a field the user can reach by Tab is never off screen. Fields are
/// spaced by a blank row when they all fit that way, else packed.
fn field_rows(focused: Field, rows: u16) -> Vec<(Field, u16, u16)> {
    let heights: Vec<u16> = Field::ORDER
        .iter()
        .map(|f| {
            if *f == Field::Note {
                NOTE_ROWS.min(rows).max(1)
            } else {
                1
            }
        })
        .collect();
    let count = u16::try_from(Field::ORDER.len()).unwrap_or(u16::MAX);
    let gap = u16::from(heights.iter().sum::<u16>() + count - 1 <= rows);
    let mut top = 0;
    let tops: Vec<u16> = heights
        .iter()
        .map(|h| {
            let t = top;
            top += h + gap;
            t
        })
        .collect();
    let at = Field::ORDER.iter().position(|f| *f == focused).unwrap_or(0);
    let offset = (tops[at] + heights[at]).saturating_sub(rows);
    Field::ORDER
        .iter()
        .zip(tops.iter().zip(&heights))
        .filter(|(_, (t, h))| **t >= offset && **t + **h <= offset + rows)
        .map(|(f, (t, h))| (*f, t - offset, *h))
        .collect()
}

/// Draws the editor over the main screen.
pub fn draw(frame: &mut Frame, app: &App, editor: &Editor) {
    // The status bar stays in sight below: it says why a save was refused (a bad grade) or
    // what a key on the Tag field does.
    let above_status = Rect {
        height: frame.area().height.saturating_sub(1),
        ..frame.area()
    };
    let area = centered(above_status, 76, 21);
    let title = if editor.claim.is_some() {
        " Edit claim "
    } else {
        " New claim "
    };
    let inner = popup(frame, app, area, title);
    if inner.height < 4 || inner.width < 20 {
        return;
    }
    let quote_rows = if inner.height < ROOMY { 1 } else { 2 };
    frame.render_widget(
        Paragraph::new(wrapped(
            &quote_line(app, &editor.span),
            usize::from(inner.width),
            usize::from(quote_rows),
        ))
        .style(Style::new().add_modifier(Modifier::ITALIC)),
        Rect {
            height: quote_rows,
            ..inner
        },
    );
    let column = Rect {
        y: inner.y + quote_rows + 1,
        height: inner.height.saturating_sub(quote_rows + 2),
        ..inner
    };
    let shown = field_rows(editor.field, column.height);
    for &(field, row, height) in &shown {
        draw_field(frame, app, editor, field, column.y + row, height, inner);
    }
    let dim = Style::new().add_modifier(Modifier::DIM);
    let first_shown = shown.first().map(|(f, ..)| *f);
    let last_shown = shown.last().map(|(f, ..)| *f);
    if first_shown != Some(Field::ORDER[0]) && column.height > 0 {
        let at = Rect::new(inner.right() - 1, column.y, 1, 1);
        frame.render_widget(Paragraph::new(Span::styled("↑", dim)), at);
    }
    if last_shown != Some(Field::ORDER[Field::ORDER.len() - 1]) && column.height > 0 {
        let at = Rect::new(inner.right() - 1, column.bottom() - 1, 1, 1);
        frame.render_widget(Paragraph::new(Span::styled("↓", dim)), at);
    }
    let help = crate::tui::reader::help::editor_hint(&app.config.keys, usize::from(inner.width));
    frame.render_widget(
        Paragraph::new(Span::styled(help, dim)),
        Rect {
            y: inner.bottom() - 1,
            height: 1,
            ..inner
        },
    );
}

/// Draws one field, its name at the left of `inner`, on rows `y..y + height`.
fn draw_field(
    frame: &mut Frame,
    app: &App,
    editor: &Editor,
    field: Field,
    y: u16,
    height: u16,
    inner: Rect,
) {
    let name = field.name();
    let focused = editor.field == field;
    let label_style = if focused {
        Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    };
    frame.render_widget(
        Paragraph::new(Span::styled(format!("{name:<7}"), label_style)),
        Rect {
            y,
            width: LABEL_WIDTH,
            height: 1,
            ..inner
        },
    );
    let mut value = Rect {
        x: inner.x + LABEL_WIDTH,
        y,
        width: inner.width.saturating_sub(LABEL_WIDTH),
        height,
    };
    let dim = Style::new().add_modifier(Modifier::DIM);
    match field {
        Field::Tag => {
            let mut line = vec![Span::raw("◀ "), badge(app, &editor.status), Span::raw(" ▶")];
            if editor
                .tag_before_source
                .as_ref()
                .is_some_and(|before| *before != editor.status)
            {
                line.push(Span::styled("  because a source was typed", dim));
            }
            frame.render_widget(Paragraph::new(Line::from(line)), value);
        }
        Field::Source => {
            input(frame, &editor.source, value, focused);
            super::source_hint::draw(frame, app, &editor.source, value);
        }
        Field::Kind => {
            let kind = editor.source_kind.map_or("not said", |k| k.name());
            frame.render_widget(Paragraph::new(format!("◀ {kind} ▶")), value);
        }
        Field::Grade => {
            input(frame, &editor.grade, value, focused);
            // Beside what is typed: the credibility other reports' sources support, a hint.
            let typed = editor
                .grade
                .text()
                .chars()
                .map(char_width)
                .sum::<usize>()
                .max(2)
                + 2;
            let typed = u16::try_from(typed).unwrap_or(u16::MAX);
            if let Some(hint) = super::corroboration::editor_hint(app, editor)
                && usize::from(value.width.saturating_sub(typed)) >= hint.width()
            {
                let at = Rect {
                    x: value.x + typed,
                    width: value.width - typed,
                    ..value
                };
                frame.render_widget(Paragraph::new(hint), at);
            }
        }
        Field::Note => input(frame, &editor.note, value, focused),
        Field::Labels => {
            // The program's own markers: shown, never typed over.
            let chips: Vec<Span> = editor
                .markers
                .iter()
                .flat_map(|m| {
                    [
                        Span::styled(
                            format!("[{}]", safe(m)),
                            Style::new().add_modifier(Modifier::BOLD | Modifier::DIM),
                        ),
                        Span::raw(" "),
                    ]
                })
                .collect();
            let used: u16 = chips
                .iter()
                .map(|c| u16::try_from(c.width()).unwrap_or(u16::MAX))
                .fold(0, u16::saturating_add)
                .min(value.width / 2);
            frame.render_widget(Paragraph::new(Line::from(chips)), value);
            value.x += used;
            value.width -= used;
            input(frame, &editor.labels, value, focused);
        }
    }
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
    let shown = text.get(span.clone()).unwrap_or_default();
    let (open, close) = crate::report::quote_marks(shown);
    let mut spans = vec![Span::raw(open)];
    let mut run = String::new();
    let mut run_style = Style::new();
    let mut last_space = true;
    for (i, c) in shown.char_indices() {
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
    spans.push(Span::raw(close));
    Line::from(spans)
}

/// `line` wrapped at word boundaries into at most `rows` rows of `width` columns, its styles
/// kept; when it needs more, the last row ends in `…`, so a claim cut short on a small screen
/// never passes for the whole claim.
fn wrapped(line: &Line<'static>, width: usize, rows: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let chars: Vec<(char, Style)> = line
        .spans
        .iter()
        .flat_map(|s| s.content.chars().map(move |c| (c, s.style)))
        .collect();
    let mut lines: Vec<Vec<(char, Style)>> = vec![Vec::new()];
    let mut used = 0;
    for word in chars.split(|(c, _)| *c == ' ').filter(|w| !w.is_empty()) {
        let word_width: usize = word.iter().map(|(c, _)| char_width(*c)).sum();
        if used > 0 && used + 1 + word_width <= width {
            let style = word.first().map_or_else(Style::new, |(_, s)| *s);
            lines
                .last_mut()
                .into_iter()
                .for_each(|l| l.push((' ', style)));
            used += 1;
        } else if used > 0 {
            lines.push(Vec::new());
            used = 0;
        }
        for &(c, style) in word {
            if used + char_width(c) > width {
                lines.push(Vec::new());
                used = 0;
            }
            lines
                .last_mut()
                .into_iter()
                .for_each(|l| l.push((c, style)));
            used += char_width(c);
        }
    }
    if lines.len() > rows {
        lines.truncate(rows.max(1));
        if let Some(last) = lines.last_mut() {
            while last.iter().map(|(c, _)| char_width(*c)).sum::<usize>() + 1 > width {
                if last.pop().is_none() {
                    break;
                }
            }
            last.push(('…', Style::new()));
        }
    }
    lines
        .into_iter()
        .map(|row| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            for (c, style) in row {
                match spans.last_mut() {
                    Some(span) if span.style == style => span.content.to_mut().push(c),
                    _ => spans.push(Span::styled(c.to_string(), style)),
                }
            }
            Line::from(spans)
        })
        .collect()
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
