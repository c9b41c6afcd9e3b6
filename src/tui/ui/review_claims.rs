//! Drawing the review screen's claims view: every claim of every report, one row each, with the
//! filters in force in the title.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, HighlightSpacing, Row, Table, TableState};

use super::review::tag_style;
use crate::report::{one_line, safe};
use crate::review::grade_of;
use crate::tui::review::Review;

/// Draws the claims list into `area`.
pub fn draw(frame: &mut Frame, review: &Review, area: Rect) {
    let visible = review.visible_claims();
    let total: usize = review.reports.iter().map(|r| r.claims.len()).sum();
    let mut filters = Vec::new();
    if let Some(tag) = review.tag_filter.and_then(|i| review.config.tags.get(i)) {
        filters.push(format!("tag {}", safe(&tag.name)));
    }
    if review.weak_only {
        filters.push("on E/F sources or unsourced".to_owned());
    }
    if !review.query.is_empty() {
        filters.push(format!("matching “{}”", safe(&review.query)));
    }
    let title = if filters.is_empty() {
        format!(" {total} {} ", if total == 1 { "claim" } else { "claims" })
    } else {
        format!(
            " {} of {total} claims: {} ",
            visible.len(),
            filters.join(", ")
        )
    };
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let header = Row::new(
        ["tag", "grade", "quote", "source", "note", "report"].map(|h| Line::styled(h, bold)),
    );
    let rows: Vec<Row> = visible
        .iter()
        .map(|&(r, c)| {
            let report = &review.reports[r];
            let claim = &report.claims[c];
            let text = |t: Option<&str>| safe(&one_line(t.unwrap_or(""))).into_owned();
            Row::new(vec![
                Line::from(Span::styled(
                    safe(&claim.status).into_owned(),
                    tag_style(review, &claim.status).add_modifier(Modifier::BOLD),
                )),
                Line::raw(grade_of(claim).unwrap_or_default()),
                Line::raw(text(Some(&claim.quote))),
                Line::raw(text(claim.source.as_deref())),
                Line::raw(text(claim.note.as_deref())),
                Line::raw(safe(&report.path.to_string_lossy()).into_owned()),
            ])
        })
        .collect();
    let widths = [
        Constraint::Length(10),
        Constraint::Length(5),
        Constraint::Fill(4),
        Constraint::Fill(2),
        Constraint::Fill(2),
        Constraint::Fill(2),
    ];
    let table = Table::new(rows, widths)
        .header(header)
        .column_spacing(1)
        .block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .title(title),
        )
        .row_highlight_style(Style::new().add_modifier(Modifier::REVERSED))
        .highlight_symbol(super::review::HIGHLIGHT)
        .highlight_spacing(HighlightSpacing::Always);
    let mut state =
        TableState::new().with_selected((!visible.is_empty()).then_some(review.claim_row));
    frame.render_stateful_widget(table, area, &mut state);
}
