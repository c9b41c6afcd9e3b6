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
use crate::tui::reader::marks::SentenceMark;
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

/// The gutter mark of a row: the marks of the sentences on it ([`App::row_marks`]). One mark
/// shows whole: a tag's letter on the tag's colour (bold without colour), so the tag can be
/// told without telling colours apart; a pending suggestion's letter and `?`, dim; `⚠` where
/// the authors disagree. Two kinds of mark show one cell each, in order (`–` for a sentence
/// with nothing, `·` for one read with nothing to claim, `◌` for a suggestion, as in the panel),
/// and more kinds the first and `+`. On
/// the first row of the selected claim, its grade stands instead.
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
    match app.row_marks(row).as_slice() {
        [] | [SentenceMark::Plain] => Line::default(),
        [SentenceMark::Suggested(status)] => {
            // The tag's letter with a question mark, dim: told from a claim's without colour.
            let mark = format!("{}?", tag_letter(app, status));
            Line::from(Span::styled(mark, suggestion_style(app, status)))
        }
        [one] => Line::from(cell(app, *one)),
        [first, second] => Line::from(vec![cell(app, *first), cell(app, *second)]),
        [first, ..] => Line::from(vec![
            cell(app, *first),
            Span::styled("+", Style::new().add_modifier(Modifier::BOLD)),
        ]),
    }
}

/// One sentence's mark in one cell of the gutter.
fn cell(app: &App, mark: SentenceMark<'_>) -> Span<'static> {
    match mark {
        SentenceMark::Plain => Span::styled("–", Style::new().add_modifier(Modifier::DIM)),
        SentenceMark::Reviewed => Span::styled("·", Style::new().add_modifier(Modifier::DIM)),
        SentenceMark::Suggested(status) => Span::styled("◌", suggestion_style(app, status)),
        SentenceMark::Tagged(status) => {
            let style =
                tag_color(app, status).map_or(Style::new().add_modifier(Modifier::BOLD), |c| {
                    Style::new()
                        .fg(Color::Black)
                        .bg(c)
                        .add_modifier(Modifier::BOLD)
                });
            Span::styled(tag_letter(app, status), style)
        }
        SentenceMark::Disagreement => {
            let style = color(app, app.config.theme.accent)
                .map_or(Style::new(), |c| Style::new().fg(c))
                .add_modifier(Modifier::BOLD);
            Span::styled("⚠", style)
        }
    }
}

/// A pending suggestion's mark: dim, in its tag's colour.
fn suggestion_style(app: &App, status: &str) -> Style {
    tag_color(app, status)
        .map_or(Style::new(), |c| Style::new().fg(c))
        .add_modifier(Modifier::DIM)
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use crate::config::keys::Action;
    use crate::tui::reader::suggestion_cache::Suggestions;
    use crate::tui::reader::team::tests::team_app;
    use crate::tui::reader::{App, update};

    /// A reader on the team's short report (four sentences, one row at 200 columns) with
    /// `claims`, suggestions off.
    fn reader(claims: &[(usize, &str, &str, Option<&str>)]) -> App {
        let mut app = team_app(claims);
        app.config.suggest.enabled = false;
        app.suggestions = Suggestions::new(&app.config);
        update(&mut app, Action::Resize(200, 30));
        app
    }

    /// The two gutter cells before the row that starts with `text`.
    fn gutter_of(app: &App, text: &str) -> String {
        let mut terminal = Terminal::new(TestBackend::new(200, 30)).unwrap();
        terminal
            .draw(|frame| super::super::draw(frame, app))
            .unwrap();
        let buffer = terminal.backend().buffer();
        for y in 0..buffer.area.height {
            let row: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect();
            if let Some(at) = row.find(text) {
                let before: Vec<char> = row[..at].chars().collect();
                return before[before.len() - 2..].iter().collect();
            }
        }
        panic!("no row starts with {text:?}")
    }

    #[test]
    fn a_row_of_a_tagged_and_an_untagged_sentence_shows_both() {
        let app = reader(&[(0, "sourced", "tester", None)]);
        assert_eq!(gutter_of(&app, "The ferry left"), "s–");
        let app = reader(&[(1, "unsourced", "tester", None)]);
        assert_eq!(gutter_of(&app, "The ferry left"), "–u");
        let app = reader(&[
            (0, "sourced", "tester", None),
            (2, "opinion", "tester", None),
        ]);
        assert_eq!(gutter_of(&app, "The ferry left"), "s+", "three kinds");
    }

    #[test]
    fn a_row_of_one_mark_shows_it_whole() {
        let app = reader(&[
            (0, "sourced", "tester", None),
            (1, "sourced", "tester", None),
            (2, "sourced", "ana", None),
            (3, "sourced", "tester", None),
        ]);
        assert_eq!(gutter_of(&app, "The ferry left"), "s ");
    }

    #[test]
    fn a_disagreement_shows_a_warning_and_more_than_two_marks_a_plus() {
        let app = reader(&[
            (0, "sourced", "ana", None),
            (0, "unsourced", "ben", None),
            (1, "sourced", "ana", None),
            (1, "sourced", "ben", None),
        ]);
        assert_eq!(gutter_of(&app, "The ferry left"), "⚠+");
        let app = reader(&[
            (0, "sourced", "ana", None),
            (0, "unsourced", "ben", None),
            (1, "sourced", "ana", None),
            (2, "sourced", "ana", None),
            (3, "sourced", "ana", None),
        ]);
        assert_eq!(gutter_of(&app, "The ferry left"), "⚠s");
        // Agreeing authors: one letter.
        let app = reader(&[(0, "opinion", "ana", None), (0, "opinion", "ben", None)]);
        assert_eq!(gutter_of(&app, "The ferry left"), "o–");
    }
}
