//! Drawing the review screen's claims view: every claim of every report, one row each, with the
//! filters in force in the title and the sort column marked in the header (the columns are in
//! [`crate::tui::review::columns`]).

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, HighlightSpacing, Row, Table};

use super::parts::tag_style;
use crate::corpus::grade_of;
use crate::report::{one_line, safe};
use crate::tui::review::Review;
use crate::tui::review::columns::{HIGHLIGHT, Shown, claim_columns};
use crate::tui::review::rows::updated_at;

/// When the claim last changed, as `2026-11-25 17:30` UTC.
fn updated(claim: &crate::annotate::Claim) -> String {
    updated_at(claim).map_or_else(
        || claim.updated.to_string(),
        |t| t.strftime("%Y-%m-%d %H:%M").to_string(),
    )
}

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
    let sorted = review.claim_column();
    let columns = claim_columns(sorted);
    let header = Row::new(columns.iter().map(|&column| {
        let mut title = column.title().to_owned();
        if column == Shown::of(sorted) {
            title.push(if review.claim_sort.descending {
                '▼'
            } else {
                '▲'
            });
        }
        Line::styled(title, bold)
    }));
    let rows: Vec<Row> = visible
        .iter()
        .map(|&(r, c)| {
            let report = &review.reports[r];
            let claim = &report.claims[c];
            let text = |t: Option<&str>| safe(&one_line(t.unwrap_or(""))).into_owned();
            Row::new(columns.iter().map(|column| match column {
                Shown::Tag => Line::from(Span::styled(
                    safe(&claim.status).into_owned(),
                    tag_style(review, &claim.status).add_modifier(Modifier::BOLD),
                )),
                Shown::Grade => Line::raw(grade_of(claim).unwrap_or_default()),
                Shown::Author => Line::raw(text(Some(&claim.author))),
                Shown::Updated => Line::raw(updated(claim)),
                Shown::Quote => Line::raw(text(Some(&claim.quote))),
                Shown::Source => Line::raw(text(claim.source.as_deref())),
                Shown::Note => Line::raw(text(claim.note.as_deref())),
                Shown::Report => Line::raw(safe(&report.path.to_string_lossy()).into_owned()),
            }))
        })
        .collect();
    let widths: Vec<Constraint> = columns.iter().map(|c| c.width()).collect();
    let table = Table::new(rows, widths)
        .header(header)
        .column_spacing(1)
        .block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .title(title),
        )
        .row_highlight_style(Style::new().add_modifier(Modifier::REVERSED))
        .highlight_symbol(HIGHLIGHT)
        .highlight_spacing(HighlightSpacing::Always);
    let mut state =
        super::parts::table_state(area, review.claim_top, review.claim_row, visible.len());
    frame.render_stateful_widget(table, area, &mut state);
}
