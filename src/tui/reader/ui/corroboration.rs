//! Corroboration on screen: the panel's lines naming the other reports that state the claim under
//! the cursor (with the values they disagree on shown apart), the hint of the credibility its
//! independent sources support, and the list `C` opens.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{badge, color, popup};
use crate::config::keys::Action;
use crate::corroborate::Member;
use crate::report::{one_line, safe};
use crate::tui::reader::corroboration::{Echo, Piece, lines, marked};
use crate::tui::reader::layout::centered;
use crate::tui::reader::{App, Editor, PANEL_ITEM_ROWS};

/// The rows the panel gives the names of the other reports.
const NAME_ROWS: usize = 2;

/// How the values the reports disagree on are shown: reversed and bold, so they show without
/// colour too.
fn differing(app: &App) -> Style {
    let style = Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED);
    match color(app, app.config.theme.accent) {
        Some(accent) => style.fg(accent),
        None => style,
    }
}

/// Draws what the other reports say of the claim under the cursor at the bottom of the panel's
/// `inner`, when they say something and there is room; returns the rows left above.
pub fn reserve(frame: &mut Frame, app: &App, mut inner: Rect) -> Rect {
    let Some(echo) = app.echo() else {
        return inner;
    };
    let lines = panel_lines(app, &echo, usize::from(inner.width));
    let rows = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    if usize::from(inner.height) < usize::from(rows) + PANEL_ITEM_ROWS {
        return inner;
    }
    inner.height -= rows;
    let area = Rect {
        y: inner.bottom(),
        height: rows,
        ..inner
    };
    frame.render_widget(Paragraph::new(lines), area);
    inner
}

/// The panel's lines: "also in N reports", the reports with their tags and sources, and where
/// they differ.
pub fn panel_lines(app: &App, echo: &Echo, width: usize) -> Vec<Line<'static>> {
    let key = app
        .config
        .keys
        .first_key(Action::Corroboration)
        .unwrap_or_else(|| "-".to_owned());
    let sources = match echo.sources.len() {
        1 => " · 1 source".to_owned(),
        n => format!(" · {n} sources"),
    };
    let rule = format!(
        "┄ also in {} report{}{sources} · {key} list ",
        echo.reports,
        if echo.reports == 1 { "" } else { "s" },
    );
    let fill = width.saturating_sub(rule.chars().count());
    let accent = color(app, app.config.theme.accent).map_or(Style::new(), |c| Style::new().fg(c));
    let mut out = vec![Line::from(Span::styled(
        format!("{rule}{}", "┄".repeat(fill)),
        accent,
    ))];
    let mut names: Vec<Piece> = Vec::new();
    for (i, member) in echo.members.iter().enumerate() {
        if i > 0 {
            names.push((", ".to_owned(), false));
        }
        names.push((format!("{} ({})", name(member), standing(member)), false));
        names.extend(
            marked(&member.text, &echo.differences)
                .into_iter()
                .filter(|(_, mark)| *mark)
                .flat_map(|value| [(" ".to_owned(), false), value]),
        );
    }
    for line in lines(&names, width, NAME_ROWS) {
        out.push(styled(app, line));
    }
    if !echo.differences.is_empty() {
        let mut spans = vec![Span::styled(
            "≠ differs:",
            Style::new().add_modifier(Modifier::BOLD),
        )];
        for difference in &echo.differences {
            spans.push(Span::raw(format!(" {}", difference.kind.name())));
            for (i, value) in difference.values.iter().enumerate() {
                spans.push(Span::raw(if i == 0 { " " } else { " / " }));
                spans.push(Span::styled(safe(value).into_owned(), differing(app)));
            }
        }
        out.push(Line::from(spans));
    }
    if let Some(back) = &app.corroboration.back {
        let key = app
            .config
            .keys
            .first_key(Action::Quit)
            .unwrap_or_else(|| "-".to_owned());
        let name = back
            .file_name()
            .map_or_else(|| back.to_string_lossy(), |n| n.to_string_lossy());
        out.push(Line::from(Span::styled(
            format!("← {key} back to {}", safe(&name)),
            Style::new().add_modifier(Modifier::DIM),
        )));
    }
    if let Some(found) = app.corroboration()
        && found.capped()
    {
        out.push(Line::from(Span::styled(
            format!(
                "compared with the nearest {} of {} reports",
                found.compared, found.found
            ),
            Style::new().add_modifier(Modifier::DIM),
        )));
    }
    out
}

/// A line of pieces, the marked ones shown apart.
fn styled(app: &App, line: Vec<Piece>) -> Line<'static> {
    Line::from(
        line.into_iter()
            .map(|(text, mark)| {
                let text = safe(&text).into_owned();
                if mark {
                    Span::styled(text, differing(app))
                } else {
                    Span::raw(text)
                }
            })
            .collect::<Vec<_>>(),
    )
}

/// The member's report as the panel names it: its file name.
fn name(member: &Member) -> String {
    member
        .report
        .file_name()
        .map_or_else(|| member.report.to_string_lossy(), |n| n.to_string_lossy())
        .into_owned()
}

/// A member's tag and source: its first claim's (`sourced — police`), else the suggestion's,
/// marked `◌` as the reader marks suggestions (`◌ unsourced`), or `?` when there is neither.
fn standing(member: &Member) -> String {
    let (mark, status, source) = match member.claims.first() {
        Some(claim) => ("", claim.status.as_str(), claim.source.as_deref()),
        None => match member.suggestion.verdict {
            Some(verdict) => ("◌ ", verdict, member.suggestion.source.as_deref()),
            None => return "?".to_owned(),
        },
    };
    match source {
        Some(source) => format!("{mark}{status} — {}", one_line(source)),
        None => format!("{mark}{status}"),
    }
}

/// The hint beside claim `i`'s grade when other reports' independent sources support
/// credibility 1: `(1 supported: 2 sources)`. Never a grade: the analyst sets it.
pub fn hint(app: &App, i: usize) -> Option<Span<'static>> {
    let sources = app.supported_credibility(i)?;
    Some(Span::styled(
        format!(" (1 supported: {sources} sources)"),
        Style::new().add_modifier(Modifier::ITALIC),
    ))
}

/// The same hint in the claim editor's Grade field, following what is typed there.
pub fn editor_hint(app: &App, editor: &Editor) -> Option<Span<'static>> {
    let sources =
        app.supported_credibility_of(&editor.span, editor.source.text(), editor.grade.text())?;
    Some(Span::styled(
        format!("(1 supported: {sources} sources)"),
        Style::new().add_modifier(Modifier::ITALIC),
    ))
}

/// Draws the list of the other reports stating the claim under the cursor, the selected one
/// marked; each with its tag and source, and its sentence with the differing values apart.
pub fn draw_list(frame: &mut Frame, app: &App) {
    let (Some(row), Some(echo)) = (app.corroboration.list, app.echo()) else {
        return;
    };
    let full = frame.area();
    let rows = u16::try_from(echo.members.len() * PANEL_ITEM_ROWS + 2).unwrap_or(u16::MAX);
    let area = centered(
        full,
        full.width.saturating_sub(4),
        rows.min(full.height.saturating_sub(2)),
    );
    let title = format!(
        " also in {} report(s) · {} source(s) · Enter opens · Esc closes ",
        echo.reports,
        echo.sources.len()
    );
    let inner = popup(frame, app, area, &title);
    let width = usize::from(inner.width).saturating_sub(2);
    let fit = (usize::from(inner.height) / PANEL_ITEM_ROWS).max(1);
    let first = row.saturating_sub(fit - 1);
    let accent = color(app, app.config.theme.accent)
        .map_or(Style::new().add_modifier(Modifier::BOLD), |c| {
            Style::new().fg(c)
        });
    let mut out: Vec<Line> = Vec::new();
    for (i, member) in echo.members.iter().enumerate().skip(first).take(fit) {
        let marker = if i == row {
            Span::styled("▍", accent)
        } else {
            Span::raw(" ")
        };
        let mut head = vec![
            marker.clone(),
            Span::styled(
                format!("{}:{} ", safe(&name(member)), member.n),
                Style::new().add_modifier(Modifier::BOLD),
            ),
        ];
        match member.claims.first() {
            Some(claim) => {
                head.push(badge(app, &claim.status));
                if let Some(source) = &claim.source {
                    head.push(Span::raw(format!(" — {}", safe(&one_line(source)))));
                }
            }
            None => head.push(Span::styled(
                safe(&standing(member)).into_owned(),
                Style::new().add_modifier(Modifier::DIM),
            )),
        }
        out.push(Line::from(head));
        let text = marked(&member.text, &echo.differences);
        let mut shown = lines(&text, width, PANEL_ITEM_ROWS - 1);
        shown.resize(PANEL_ITEM_ROWS - 1, Vec::new());
        for line in shown {
            let mut spans = vec![marker.clone(), Span::raw(" ")];
            spans.extend(styled(app, line).spans);
            out.push(Line::from(spans));
        }
    }
    frame.render_widget(Paragraph::new(out), inner);
}
