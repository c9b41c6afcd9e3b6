//! Drawing the review screen's charts: per report, the share of sourced, unsourced and other
//! claims as one stacked bar; the most cited sources; and how many claims rest on sources of
//! each reliability grade.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, BorderType, Paragraph};

use super::parts::tag_style;
use crate::corpus::grades::{LETTERS, UNGRADED};
use crate::corpus::stats::{Counts, top_sources};
use crate::report::safe;
use crate::tui::review::Review;

/// Sources in the sources chart.
const TOP: usize = 8;

/// Draws the charts into `area`.
pub fn draw(frame: &mut Frame, review: &Review, area: Rect) {
    let [top, bottom] = Layout::vertical([Constraint::Fill(1), Constraint::Length(12)]).areas(area);
    let [sources, grades] =
        Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]).areas(bottom);
    draw_shares(frame, review, top);
    draw_sources(frame, review, sources);
    draw_grades(frame, review, grades);
}

fn block(title: String) -> Block<'static> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .title(title)
}

/// One line per report: its name and a bar split into the first tag, the second, and the rest.
fn draw_shares(frame: &mut Frame, review: &Review, area: Rect) {
    let tags = review.tag_names();
    let first = tags.first().cloned().unwrap_or_default();
    let second = tags.get(1).cloned().unwrap_or_default();
    let legend = Line::from(vec![
        Span::raw(" "),
        Span::styled("█", tag_style(review, &first)),
        Span::raw(format!(" {} ", safe(&first))),
        Span::styled("▓", tag_style(review, &second)),
        Span::raw(format!(" {} ", safe(&second))),
        Span::styled("░", Style::new().add_modifier(Modifier::DIM)),
        Span::raw(" other "),
    ]);
    let inner_width = usize::from(area.width.saturating_sub(2));
    let name_width = (inner_width / 3).clamp(8, 32);
    let bar_width = inner_width.saturating_sub(name_width + 12).max(1);
    let mut lines = vec![];
    for i in review.visible_reports() {
        let report = &review.reports[i];
        let counts = Counts::of(report, &tags);
        let (a, b) = (counts.tag(&first), counts.tag(&second));
        let rest = counts.claims.saturating_sub(a + b);
        let name: String = safe(&report.path.to_string_lossy())
            .chars()
            .take(name_width)
            .collect();
        let mut spans = vec![Span::raw(format!("{name:name_width$} "))];
        if counts.claims == 0 {
            spans.push(Span::styled(
                "no claims",
                Style::new().add_modifier(Modifier::DIM),
            ));
        } else {
            let cells = |n: usize| n * bar_width / counts.claims;
            let (ca, cb) = (cells(a), cells(a + b) - cells(a));
            let cr = cells(counts.claims) - cells(a + b);
            spans.push(Span::styled("█".repeat(ca), tag_style(review, &first)));
            spans.push(Span::styled("▓".repeat(cb), tag_style(review, &second)));
            spans.push(Span::styled(
                "░".repeat(cr),
                Style::new().add_modifier(Modifier::DIM),
            ));
            spans.push(Span::raw(format!(" {a}/{b}/{rest}")));
        }
        lines.push(Line::from(spans));
    }
    let paragraph =
        Paragraph::new(lines).block(block(" Claims per report ".to_owned()).title_bottom(legend));
    frame.render_widget(paragraph, area);
}

/// The most cited sources, longest bar first.
fn draw_sources(frame: &mut Frame, review: &Review, area: Rect) {
    let top = top_sources(&review.reports, TOP);
    let label_width = usize::from(area.width / 3).max(6);
    let bars: Vec<Bar> = top
        .iter()
        .map(|(source, n)| {
            let label: String = safe(source).chars().take(label_width).collect();
            Bar::default()
                .value(*n as u64)
                .label(Line::raw(label))
                .text_value(n.to_string())
        })
        .collect();
    let title = if top.is_empty() {
        " Most cited sources: none yet ".to_owned()
    } else {
        " Most cited sources (claims) ".to_owned()
    };
    let chart = BarChart::default()
        .block(block(title))
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .data(BarGroup::default().bars(&bars));
    frame.render_widget(chart, area);
}

/// Claims per reliability letter, and ungraded.
fn draw_grades(frame: &mut Frame, review: &Review, area: Rect) {
    let mut total = Counts::zero(&review.tag_names());
    for report in &review.reports {
        total.add(&Counts::of(report, &review.tag_names()));
    }
    let mut keys: Vec<(String, String)> = LETTERS
        .iter()
        .map(|l| (l.to_string(), l.to_string()))
        .collect();
    keys.push((UNGRADED.to_owned(), "?".to_owned()));
    let bars: Vec<Bar> = keys
        .iter()
        .map(|(key, label)| {
            let n = total.reliability.get(key).copied().unwrap_or(0);
            Bar::default()
                .value(n as u64)
                .label(Line::raw(label.clone()))
                .text_value(n.to_string())
        })
        .collect();
    let chart = BarChart::default()
        .block(block(" Claims per source grade (? ungraded) ".to_owned()))
        .bar_width(3)
        .bar_gap(1)
        .data(BarGroup::default().bars(&bars));
    frame.render_widget(chart, area);
}
