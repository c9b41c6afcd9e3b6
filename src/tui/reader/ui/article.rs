//! The article pane: wrapped text, the cursor sentence, claim marks, search matches and the
//! overview scrollbar.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::{border_style, color, tag_color, tag_letter};
use crate::report::safe;
use crate::tui::reader::layout::Areas;
use crate::tui::reader::{App, Focus};

/// Draws the article pane.
pub fn draw(frame: &mut Frame, app: &App, areas: &Areas) {
    let title = format!(" {} ", safe(&app.report.file_name()));
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(border_style(app, app.focus == Focus::Article))
        .title(Span::styled(
            title,
            Style::new().add_modifier(Modifier::BOLD),
        ));
    frame.render_widget(block, areas.article);

    let height = usize::from(areas.text.height);
    let end = (app.scroll + height).min(app.doc.rows.len());
    let rows = app.doc.rows.get(app.scroll..end).unwrap_or(&[]);
    let lines: Vec<Line> = (app.scroll..end).map(|row| text_line(app, row)).collect();
    frame.render_widget(Paragraph::new(lines), areas.text);
    let marks: Vec<Line> = rows.iter().map(|row| gutter_mark(app, row)).collect();
    frame.render_widget(Paragraph::new(marks), areas.gutter);
    overview(frame, app, areas.scrollbar);
}

/// One screen row of text, split into spans wherever the style changes.
fn text_line(app: &App, index: usize) -> Line<'_> {
    let row = app.doc.rows.get(index).cloned().unwrap_or(0..0);
    let cursor = app.sentence(app.cursor);
    let claims: Vec<(Range<usize>, Style)> = app
        .claims_overlapping(&row)
        .filter_map(|i| {
            let span = app.claim_span(i)?.clone();
            let mut style = Style::new().add_modifier(Modifier::UNDERLINED);
            if let Some(c) = tag_color(app, &app.sidecar.claims[i].status) {
                style = style.underline_color(c);
            }
            Some((span, style))
        })
        .collect();
    let first_match = app.search.matches.partition_point(|m| m.end <= row.start);
    // A large report keeps only the current hit: the others on screen are found row by row.
    let near = crate::tui::reader::find::hits_near(&app.report.text, &app.search, &row);
    let matches: Vec<&Range<usize>> = app.search.matches[first_match..]
        .iter()
        .take_while(|m| m.start < row.end)
        .chain(&near)
        .collect();
    let theme = &app.config.theme;
    let search_style = match (color(app, theme.search_fg), color(app, theme.search_bg)) {
        (Some(fg), Some(bg)) => Style::new().fg(fg).bg(bg),
        _ => Style::new().add_modifier(Modifier::BOLD | Modifier::ITALIC),
    };
    let selection_style = match (
        color(app, theme.selection_fg),
        color(app, theme.selection_bg),
    ) {
        (Some(fg), Some(bg)) => Style::new().fg(fg).bg(bg),
        _ => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
    };
    // A line break shown as a space takes the style of the character before it, so a highlight
    // runs on across a reflowed line instead of stopping short.
    let style_at = |at: usize| {
        let at = if matches!(app.report.text.as_bytes().get(at), Some(b'\n' | b'\r')) {
            at.saturating_sub(1)
        } else {
            at
        };
        let mut style = Style::new();
        for (span, claim_style) in &claims {
            if span.contains(&at) {
                style = style.patch(*claim_style);
            }
        }
        match app.selection {
            Some(s) if (s.start..s.end).contains(&at) => style = style.patch(selection_style),
            None if cursor.contains(&at) => style = style.add_modifier(Modifier::REVERSED),
            _ => {}
        }
        if matches.iter().any(|m| m.contains(&at)) {
            style = style.patch(search_style);
        }
        style
    };
    let mut spans: Vec<Span> = Vec::new();
    let mut run = String::new();
    let mut run_style = None;
    let mut used = 0;
    for (at, c, w) in app.doc.cells(&app.report.text, index) {
        if used + w > app.doc.width {
            break;
        }
        used += w;
        let style = style_at(at);
        if run_style != Some(style) {
            if let Some(s) = run_style {
                spans.push(Span::styled(std::mem::take(&mut run), s));
            }
            run_style = Some(style);
        }
        if c == ' ' {
            run.extend(std::iter::repeat_n(' ', w));
        } else {
            run.push(c);
        }
    }
    if let Some(s) = run_style {
        spans.push(Span::styled(run, s));
    }
    Line::from(spans)
}

/// The gutter mark of a row: the letter of the first claim's tag on it, on the tag's colour
/// (bold without colour), so the tag can be told without telling colours apart; a dim `·` on a
/// sentence read with no claim; or the dim initial of a pending suggestion's tag.
fn gutter_mark<'a>(app: &'a App, row: &Range<usize>) -> Line<'a> {
    let probe = row.start..row.end.max(row.start + 1);
    // The selected claim's grade stands in its first row's gutter, in the tag's colour.
    if let Some(i) = app.selected_index()
        && let Some(grade) = app.sidecar.claims[i].grade
        && app.claim_span(i).is_some_and(|s| probe.contains(&s.start))
    {
        let style = tag_color(app, &app.sidecar.claims[i].status)
            .map_or(Style::new(), |c| Style::new().fg(c))
            .add_modifier(Modifier::BOLD);
        return Line::from(Span::styled(grade.to_string(), style));
    }
    let Some(i) = app.claims_overlapping(&probe).next() else {
        if reviewed_row(app, &probe) {
            return Line::from(Span::styled("·", Style::new().add_modifier(Modifier::DIM)));
        }
        return suggestion_mark(app, row);
    };
    let status = &app.sidecar.claims[i].status;
    let style = tag_color(app, status).map_or(Style::new().add_modifier(Modifier::BOLD), |c| {
        Style::new()
            .fg(Color::Black)
            .bg(c)
            .add_modifier(Modifier::BOLD)
    });
    Line::from(Span::styled(tag_letter(app, status), style))
}

/// Whether a sentence on the row is reviewed: with no claim on the row, by a no-claim mark (or
/// by a claim on another row of the sentence).
fn reviewed_row(app: &App, row: &Range<usize>) -> bool {
    let first = app.report.sentence_at(row.start);
    (first..app.report.sentences.len())
        .take_while(|&n| app.sentence(n).start < row.end)
        .any(|n| app.sentence(n).end > row.start && app.is_reviewed(n))
}

/// The overview scrollbar: where the view is in the whole report, and where the claims are, in
/// their colours.
fn overview(frame: &mut Frame, app: &App, area: Rect) {
    let cells = usize::from(area.height);
    let total = app.doc.rows.len().max(1);
    if cells == 0 {
        return;
    }
    let cell_of = |row: usize| (row * cells / total).min(cells - 1);
    let view = cells;
    let thumb_start = cell_of(app.scroll);
    let thumb_end = cell_of((app.scroll + view).min(total).saturating_sub(1));
    let accent = color(app, app.config.theme.accent);
    let buf = frame.buffer_mut();
    for cell in 0..cells {
        let y = area.y + cell as u16;
        let (symbol, style) = if (thumb_start..=thumb_end).contains(&cell) {
            (
                "┃",
                accent.map_or(Style::new().add_modifier(Modifier::BOLD), |c| {
                    Style::new().fg(c)
                }),
            )
        } else {
            ("│", Style::new().add_modifier(Modifier::DIM))
        };
        if let Some(cell) = buf.cell_mut((area.x, y)) {
            cell.set_symbol(symbol).set_style(style);
        }
    }
    // The first byte of each cell but the first: a claim's cell is then a search among a few
    // dozen offsets, not among every row of a large report, for each of thousands of claims.
    let starts: Vec<usize> = (1..cells)
        .map(|cell| {
            let row = (cell * total).div_ceil(cells);
            app.doc.rows.get(row).map_or(usize::MAX, |r| r.start)
        })
        .collect();
    for (i, claim) in app.sidecar.claims.iter().enumerate() {
        let Some(span) = app.claim_span(i) else {
            continue;
        };
        let cell = starts.partition_point(|&start| start <= span.start);
        let y = area.y + cell as u16;
        let style = tag_color(app, &claim.status).map_or(Style::new(), |c| Style::new().fg(c));
        let letter = tag_letter(app, &claim.status);
        if let Some(cell) = buf.cell_mut((area.x, y)) {
            cell.set_symbol(&letter)
                .set_style(style.add_modifier(Modifier::BOLD));
        }
    }
}

/// The quiet mark of a suggestion not yet accepted: the tag's initial, dim, in its colour.
fn suggestion_mark(app: &App, row: &Range<usize>) -> Line<'static> {
    let Some(status) = app
        .pending_suggestion(app.report.sentence_at(row.start))
        .filter(|s| s.sentence.start < row.end && row.start < s.sentence.end)
        .and_then(|s| s.status())
    else {
        return Line::default();
    };
    let style = tag_color(app, status).map_or(Style::new(), |c| Style::new().fg(c));
    // The tag's letter with a question mark, dim: told from a claim's letter without colour.
    let mark = format!("{}?", tag_letter(app, status));
    Line::from(Span::styled(mark, style.add_modifier(Modifier::DIM)))
}
