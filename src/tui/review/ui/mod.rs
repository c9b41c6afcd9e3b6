//! Drawing the review screen: the header with the views, the reports table with its total row,
//! the status line, the filter prompt and the key help. The claims list and the charts are in
//! their own files.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, HighlightSpacing, Paragraph, Row, Table};

mod chart;
mod claims;
mod groups;
mod parts;

use crate::config::keys::{Action, ReviewAction};
use crate::config::modes::PromptAction;
use crate::corpus::grades::{LETTERS, UNGRADED};
use crate::corpus::stats::{Counts, scaled};
use crate::report::safe;
use crate::tui::reader::layout::centered;
use crate::tui::review::columns::{self, BAR, HIGHLIGHT};
use crate::tui::review::command;
use crate::tui::review::layout::{self, Areas};
use crate::tui::review::query;
use crate::tui::review::rows::Column;
use crate::tui::review::{Review, Scan, View};
use parts::{table_state, tag_style};

/// Draws the whole review screen.
pub fn draw(frame: &mut Frame, review: &Review) {
    let area = frame.area();
    let Some(areas) = layout::areas(area) else {
        frame.render_widget(
            Paragraph::new(format!(
                "sidenote needs a bigger terminal (at least {}x{})",
                layout::MIN_WIDTH,
                layout::MIN_HEIGHT
            )),
            area,
        );
        return;
    };
    draw_header(frame, review, areas.header);
    match review.view {
        View::Reports => draw_reports(frame, review, &areas),
        View::Claims => claims::draw(frame, review, areas.body),
        View::Chart => chart::draw(frame, review, areas.body),
        View::Groups => groups::draw(frame, review, areas.body),
    }
    draw_status(frame, review, areas.status);
    if review.help {
        draw_help(frame, review);
    }
}

fn draw_header(frame: &mut Frame, review: &Review, area: Rect) {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let (title, tabs) = columns::header(review);
    let mut spans = vec![Span::styled(title, bold)];
    for (view, label) in tabs {
        let style = if view == review.view {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        };
        spans.push(Span::raw(" "));
        spans.push(Span::styled(label, style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A column's title with the sort mark after it, the title cut short when the column is too
/// narrow for both, so that the mark always shows (a tag's column is as wide as its name).
fn marked(title: &str, mark: char, width: Constraint) -> String {
    use unicode_width::UnicodeWidthChar as _;
    let room = match width {
        Constraint::Length(n) => usize::from(n).saturating_sub(1),
        _ => usize::MAX,
    };
    let mut used = 0;
    let mut out: String = title
        .chars()
        .take_while(|c| {
            used += c.width().unwrap_or(0);
            used <= room
        })
        .collect();
    out.push(mark);
    out
}

/// The cells of one row (a report, or the total).
fn cells<'a>(
    review: &Review,
    columns: &[Column],
    name: &str,
    counts: &Counts,
    modified: Option<std::time::SystemTime>,
) -> Vec<Line<'a>> {
    let tags = review.tag_names();
    columns
        .iter()
        .map(|column| match column {
            Column::Path => Line::raw(name.to_owned()),
            Column::Sentences => Line::raw(counts.sentences.to_string()).right_aligned(),
            Column::Claims => Line::raw(counts.claims.to_string()).right_aligned(),
            Column::Tag(i) => {
                let tag = tags.get(*i).map_or("", String::as_str);
                Line::raw(counts.tag(tag).to_string()).right_aligned()
            }
            Column::Reviewed => reviewed_gauge(counts),
            Column::Sourced => sourced_bar(review, counts, &tags),
            Column::Modified => Line::raw(modified.map_or_else(String::new, utc)),
            Column::Grades => Line::raw(grades_within(counts, usize::from(columns::GRADES))),
        })
        .collect()
}

/// A time as `2026-11-25 17:30` in UTC (the same on every machine, so screens can be compared).
fn utc(time: std::time::SystemTime) -> String {
    jiff::Timestamp::try_from(time).map_or_else(
        |_| String::new(),
        |t| t.strftime("%Y-%m-%d %H:%M").to_string(),
    )
}

/// `█████░░░░░ 50%`: the share of sentences reviewed (touched by a claim or a no-claim mark);
/// `done` instead of the share once every sentence that could hold a claim is reviewed.
fn reviewed_gauge(counts: &Counts) -> Line<'static> {
    let full = scaled(counts.reviewed, counts.sentences, BAR);
    let figure = if counts.is_done() && counts.sentences > 0 {
        "done".to_owned()
    } else {
        format!("{}%", scaled(counts.reviewed, counts.sentences, 100))
    };
    Line::raw(format!(
        "{}{}{figure:>4}",
        "█".repeat(full),
        "░".repeat(BAR - full)
    ))
}

/// A bar of the claims: sourced (first tag), unsourced (second tag), the rest; and the
/// sourced share.
fn sourced_bar(review: &Review, counts: &Counts, tags: &[String]) -> Line<'static> {
    if counts.claims == 0 {
        return Line::raw(format!("{:BAR$}    –", ""));
    }
    let first = tags.first().map_or(0, |t| counts.tag(t));
    let second = tags.get(1).map_or(0, |t| counts.tag(t));
    let a = scaled(first, counts.claims, BAR);
    let b = scaled(first + second, counts.claims, BAR) - a;
    let rest = BAR - a - b;
    let style = |i: usize| {
        tags.get(i)
            .map_or_else(Style::new, |t| tag_style(review, t))
    };
    Line::from(vec![
        Span::styled("█".repeat(a), style(0)),
        Span::styled("▓".repeat(b), style(1)),
        Span::styled("░".repeat(rest), Style::new().add_modifier(Modifier::DIM)),
        Span::raw(format!(" {:>3}%", scaled(first, counts.claims, 100))),
    ])
}

/// The compact grade rollup of a report: `B·2 E·1 ?·3`, how many claims rest on a source of each
/// reliability letter (`?`: ungraded). The `·` keeps a count from being read as an Admiralty
/// grade (`B2` is "usually reliable, probably true", not "two B claims").
pub(super) fn grades(counts: &Counts) -> String {
    let mut parts: Vec<String> = LETTERS
        .iter()
        .filter_map(|l| {
            let n = counts.reliability.get(&l.to_string()).copied().unwrap_or(0);
            (n > 0).then(|| format!("{l}{GRADE_COUNT}{n}"))
        })
        .collect();
    let ungraded = counts.reliability.get(UNGRADED).copied().unwrap_or(0);
    if ungraded > 0 {
        parts.push(format!("?{GRADE_COUNT}{ungraded}"));
    }
    parts.join(" ")
}

/// What stands between a reliability letter and its count of claims in [`grades`].
const GRADE_COUNT: char = '·';

/// [`grades`] in `width` columns: whole `letter·count` parts only, and `…` where some are left
/// out, so that a cut never turns `?·200` into `?·20`.
fn grades_within(counts: &Counts, width: usize) -> String {
    let all = grades(counts);
    if all.chars().count() <= width {
        return all;
    }
    let mut shown = String::new();
    for part in all.split(' ') {
        let sep = usize::from(!shown.is_empty());
        // Room for this part and for the " …" that says more follow.
        if shown.chars().count() + sep + part.chars().count() + 2 > width {
            break;
        }
        if sep == 1 {
            shown.push(' ');
        }
        shown.push_str(part);
    }
    if shown.is_empty() {
        "…".to_owned()
    } else {
        shown + " …"
    }
}

fn draw_reports(frame: &mut Frame, review: &Review, areas: &Areas) {
    let tags = review.tag_names();
    let columns = columns::report_columns(review, areas.body.width);
    let widths: Vec<Constraint> = columns
        .iter()
        .map(|c| columns::report_width(*c, &tags))
        .collect();
    let sorted = review.columns().get(review.sort).copied();
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let header = Row::new(columns.iter().map(|c| {
        let title = safe(&c.title(&tags)).into_owned();
        if Some(*c) != sorted {
            return Line::styled(title, bold);
        }
        let mark = if review.descending { '▼' } else { '▲' };
        Line::styled(marked(&title, mark, columns::report_width(*c, &tags)), bold)
    }));
    let visible = review.visible_reports();
    let mut total = Counts::zero(&tags);
    let rows: Vec<Row> = visible
        .iter()
        .map(|&i| {
            let report = &review.reports[i];
            let counts = Counts::of(report, &tags);
            total.add(&counts);
            let name = safe(&report.path.to_string_lossy()).into_owned();
            Row::new(cells(review, &columns, &name, &counts, report.modified))
        })
        .collect();
    let (table_area, total_area) = (areas.reports, areas.total);
    let unfinished = if review.unfinished_only {
        ", unfinished only"
    } else {
        ""
    };
    let title = if review.name_filter.is_empty() && !review.unfinished_only {
        format!(" {} reports ", visible.len())
    } else if review.name_filter.is_empty() {
        format!(
            " {} of {} reports{unfinished} ",
            visible.len(),
            review.reports.len()
        )
    } else {
        format!(
            " {} of {} reports matching “{}”{unfinished} ",
            visible.len(),
            review.reports.len(),
            safe(&review.name_filter)
        )
    };
    let table = Table::new(rows, widths.clone())
        .header(header)
        .column_spacing(1)
        .block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .title(title)
                .title_bottom(format!(" claims per grade: {} ", grades(&total))),
        )
        .row_highlight_style(Style::new().add_modifier(Modifier::REVERSED))
        .highlight_symbol(HIGHLIGHT)
        .highlight_spacing(HighlightSpacing::Always);
    frame.render_stateful_widget(
        table,
        table_area,
        &mut table_state(
            table_area,
            review.report_top,
            review.report_row,
            visible.len(),
        ),
    );
    let total_row = Row::new(cells(review, &columns, "total", &total, None)).style(bold);
    // Under the table's columns: inside its border, after the highlight symbol's room.
    let indent = 1 + HIGHLIGHT.chars().count() as u16;
    let inner = Rect {
        x: total_area.x + indent,
        width: total_area.width.saturating_sub(indent + 1),
        ..total_area
    };
    frame.render_widget(Table::new([total_row], widths).column_spacing(1), inner);
}

/// The claims view's prompt hint: what the filter looks in and the labels in use with their
/// counts, or, while a `label:` word is typed, the labels it may become and that `Tab`
/// completes it.
fn claims_hint(review: &Review, typed: &str) -> String {
    let labels = query::labels_in_use(&review.reports);
    let listed = |labels: &[&(String, usize)]| {
        labels
            .iter()
            .map(|(l, n)| format!("{} {n}", safe(&crate::report::one_line(l))))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    if let Some(name) = query::typed_label(typed) {
        let fit = query::candidates(typed, &labels);
        return if fit.is_empty() {
            format!(
                "   no label starts with “{}”",
                safe(&crate::report::one_line(name))
            )
        } else {
            format!("   labels: {} · Tab completes", listed(&fit))
        };
    }
    let mut hint = format!(
        "   filter by quote, source, note or label:NAME; {}",
        keep_and_clear(review)
    );
    if !labels.is_empty() {
        let all: Vec<&(String, usize)> = labels.iter().collect();
        let _ = write!(hint, " · labels: {}", listed(&all));
    }
    hint
}

/// The filter prompt's keys as bound in `[keys.prompt]`: `Enter keeps it, Esc clears it`.
fn keep_and_clear(review: &Review) -> String {
    format!(
        "{} keeps it, {} clears it",
        review.config.keys.prompt.key_name(PromptAction::Keep),
        review.config.keys.prompt.key_name(PromptAction::Cancel)
    )
}

fn draw_status(frame: &mut Frame, review: &Review, area: Rect) {
    if let Some(prompt) = &review.prompt {
        let hint = if review.view == View::Claims {
            claims_hint(review, prompt.text())
        } else {
            format!("   filter by report name; {}", keep_and_clear(review))
        };
        let line = Line::from(vec![
            Span::raw("/"),
            Span::raw(safe(prompt.text()).into_owned()),
            Span::styled(hint, Style::new().add_modifier(Modifier::DIM)),
        ]);
        frame.render_widget(Paragraph::new(line), area);
        let col = prompt.text().chars().count() + 1;
        let x = area
            .x
            .saturating_add(u16::try_from(col).unwrap_or(u16::MAX));
        frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
        return;
    }
    let progress = match review.scan {
        Scan::Finding => " looking for reports… ".to_owned(),
        Scan::Reading { done, total } => format!(" reading {done}/{total} reports… "),
        Scan::Done => String::new(),
    };
    let claims: usize = review.reports.iter().map(|r| r.claims.len()).sum();
    let mut spans = vec![
        Span::styled(progress, Style::new().add_modifier(Modifier::REVERSED)),
        Span::raw(format!(
            " {} reports · {claims} claims ",
            review.reports.len()
        )),
    ];
    for message in review.answer.iter().chain(&review.message) {
        spans.push(Span::styled(
            format!(" {} ", safe(&crate::report::one_line(message))),
            Style::new().add_modifier(Modifier::BOLD),
        ));
    }
    let hints = format!(
        " {} open · {} view · {} filter · {} sort · {} help · {} quit ",
        review.first_key(Action::EditClaim),
        review.first_key(Action::SwitchFocus),
        review.first_key(Action::Search),
        review.first_key(Action::Review(ReviewAction::SortNext)),
        review.first_key(Action::Help),
        review.first_key(Action::Quit),
    );
    // The hints give way to the counts and the message; `?` is always there.
    let used: usize = spans.iter().map(|s| s.content.chars().count()).sum();
    let hints = if used + hints.chars().count() <= usize::from(area.width) {
        hints
    } else {
        format!(" {} help ", review.first_key(Action::Help))
    };
    let [left, right] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(hints.chars().count() as u16),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(Line::from(spans)), left);
    frame.render_widget(
        Paragraph::new(Span::styled(
            hints,
            Style::new().add_modifier(Modifier::DIM),
        )),
        right,
    );
}

/// The keys of the review screen, as bound.
fn draw_help(frame: &mut Frame, review: &Review) {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut lines = vec![Line::styled("Review screen keys", bold)];
    for (actions, doc) in command::help_rows() {
        let keys: Vec<String> = actions
            .iter()
            .flat_map(|a| review.config.keys.keys_for(*a))
            .collect();
        let keys = keys.join(" ");
        lines.push(Line::from(vec![
            Span::styled(format!("  {keys:<16} "), bold),
            Span::raw(doc),
        ]));
    }
    lines.push(Line::raw(format!(
        "  {:<16} quit",
        review.first_key(Action::Quit)
    )));
    lines.push(Line::raw(format!(
        "  {:<16} select a row; on the selected row: open it",
        "click"
    )));
    // Headers and tabs share a line, so the help still fits a terminal of 24 rows.
    lines.push(Line::raw(format!(
        "  {:<16} sort by that column, again: reverse; a tab: its view",
        "click a header"
    )));
    lines.push(Line::raw(format!("  {:<16} move the selection", "wheel")));
    let area = centered(frame.area(), 74, lines.len() as u16 + 2);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .title(" Help — any key closes "),
        ),
        area,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(graded: &[(&str, usize)]) -> Counts {
        let mut counts = Counts::zero(&[]);
        for (letter, n) in graded {
            counts.reliability.insert((*letter).to_owned(), *n);
        }
        counts
    }

    #[test]
    fn the_grades_cell_cuts_between_counts_never_inside_one() {
        let few = counts(&[("E", 1), (UNGRADED, 2)]);
        assert_eq!(grades_within(&few, usize::from(columns::GRADES)), "E·1 ?·2");
        // 13 columns in full: cut inside, `?·200` would read `?·20`.
        let many = counts(&[("A", 1), ("B", 2), (UNGRADED, 200)]);
        assert_eq!(grades(&many), "A·1 B·2 ?·200");
        let cell = grades_within(&many, usize::from(columns::GRADES));
        assert_eq!(cell, "A·1 B·2 …");
        assert!(cell.chars().count() <= usize::from(columns::GRADES));
        assert_eq!(grades_within(&counts(&[(UNGRADED, 1_234_567)]), 6), "…");
    }
}
