//! Drawing the review screen's groups view: each group of sentences that state the same claim in
//! several reports, most reports first, as a line saying how many reports and sources carry it
//! and where they differ, then one row per member (its report and sentence number, its tag and
//! source, the sentence with the differing values shown apart). The member rows are what the
//! selection moves over.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::parts::tag_style;
use crate::config::keys::Action;
use crate::corroborate::Member;
use crate::report::{one_line, safe};
use crate::tui::reader::corroboration::{lines, marked};
use crate::tui::review::Review;
use crate::tui::review::columns::HIGHLIGHT;
use crate::tui::review::groups::{Shown, State};

/// How the values the reports disagree on are shown: reversed and bold, so they show without
/// colour too.
const DIFFERING: Style = Style::new().add_modifier(Modifier::BOLD.union(Modifier::REVERSED));

/// Draws the groups view into `area`.
pub fn draw(frame: &mut Frame, review: &Review, area: Rect) {
    let groups = &review.groups;
    let tag = review.tag_name();
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(title(review, tag.as_deref()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let computed = match &groups.state {
        State::Ready(computed) => computed,
        State::Waiting => {
            return say(
                frame,
                inner,
                "comparing the reports once they are all read…",
            );
        }
        State::Reading { done, total } => {
            return say(
                frame,
                inner,
                &format!("comparing the reports: {done}/{total} read…"),
            );
        }
        State::Failed(why) => {
            return say(frame, inner, &format!("could not compare: {}", safe(why)));
        }
    };
    let visible = groups.visible(tag.as_deref());
    if visible.is_empty() {
        let why = if computed.groups.is_empty() {
            "no sentence states the same thing in two reports here"
        } else {
            "no group with these filters; Esc clears them"
        };
        return say(frame, inner, why);
    }
    let width = usize::from(inner.width);
    let mut out: Vec<Line> = Vec::new();
    let mut row = 0;
    for &g in &visible {
        let group = &computed.groups[g];
        out.push(head(group));
        for member in &group.members {
            out.push(member_line(review, group, member, row == groups.row, width));
            row += 1;
        }
    }
    // The same first line the clicks count from.
    let top = groups.top(tag.as_deref(), usize::from(inner.height));
    let top = u16::try_from(top).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(out).scroll((top, 0)), inner);
}

/// The view's title: how many groups, and the filters in force.
fn title(review: &Review, tag: Option<&str>) -> String {
    let State::Ready(computed) = &review.groups.state else {
        return " groups ".to_owned();
    };
    let mut title = format!(
        " {} of {} groups in {} reports ",
        review.groups.visible(tag).len(),
        computed.groups.len(),
        computed.compared
    );
    if computed.found > computed.compared {
        let _ = write!(
            title,
            "(the first {} of {}) ",
            computed.compared, computed.found
        );
    }
    if let Some(tag) = tag {
        let _ = write!(title, "[tag {}] ", safe(tag));
    }
    if review.groups.differs_only {
        let _ = write!(
            title,
            "[differs; {} all] ",
            review.first_key(Action::Corroboration)
        );
    } else {
        let _ = write!(
            title,
            "· {} only those that differ ",
            review.first_key(Action::Corroboration)
        );
    }
    title
}

fn say(frame: &mut Frame, area: Rect, text: &str) {
    frame.render_widget(
        Paragraph::new(text.to_owned()).wrap(ratatui::widgets::Wrap { trim: true }),
        area,
    );
}

/// A group's line: its reports and sources, and the values its reports disagree on.
fn head(group: &Shown) -> Line<'static> {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut spans = vec![Span::styled(
        format!(
            "{} reports · {} source{}",
            group.reports,
            group.sources,
            if group.sources == 1 { "" } else { "s" }
        ),
        bold,
    )];
    for difference in &group.differences {
        spans.push(Span::styled(
            format!(" · differs in {}:", difference.kind.name()),
            bold,
        ));
        for (i, value) in difference.values.iter().enumerate() {
            spans.push(Span::raw(if i == 0 { " " } else { " / " }));
            spans.push(Span::styled(safe(value).into_owned(), DIFFERING));
        }
    }
    Line::from(spans)
}

/// A member's row: the selection mark, `report:n`, its tag and source, and its sentence.
fn member_line(
    review: &Review,
    group: &Shown,
    member: &Member,
    selected: bool,
    width: usize,
) -> Line<'static> {
    let mark = if selected {
        HIGHLIGHT.to_owned()
    } else {
        " ".repeat(HIGHLIGHT.chars().count())
    };
    let place = format!("{}:{} ", safe(&member.report.to_string_lossy()), member.n);
    let mut spans = vec![
        Span::raw(mark),
        Span::styled(place.clone(), Style::new().add_modifier(Modifier::BOLD)),
    ];
    let mut used = HIGHLIGHT.chars().count() + place.chars().count();
    let standing = match member.claims.first() {
        Some(claim) => {
            spans.push(Span::styled(
                safe(&claim.status).into_owned(),
                tag_style(review, &claim.status).add_modifier(Modifier::BOLD),
            ));
            used += claim.status.chars().count();
            claim
                .source
                .as_deref()
                .map(|s| format!(" — {}", safe(&one_line(s))))
                .unwrap_or_default()
        }
        None => match member.suggestion.verdict {
            Some(verdict) => {
                let source = member
                    .suggestion
                    .source
                    .as_deref()
                    .map(|s| format!(" — {}", safe(&one_line(s))))
                    .unwrap_or_default();
                format!("◌ {verdict}{source}")
            }
            None => "?".to_owned(),
        },
    };
    used += standing.chars().count() + 2;
    spans.push(Span::styled(
        standing,
        Style::new().add_modifier(Modifier::DIM),
    ));
    spans.push(Span::raw("  "));
    let text = marked(&member.text, &group.differences);
    if let Some(line) = lines(&text, width.saturating_sub(used), 1)
        .into_iter()
        .next()
    {
        for (piece, mark) in line {
            let piece = safe(&piece).into_owned();
            spans.push(if mark {
                Span::styled(piece, DIFFERING)
            } else {
                Span::raw(piece)
            });
        }
    }
    let line = Line::from(spans);
    if selected {
        line.style(Style::new().add_modifier(Modifier::REVERSED))
    } else {
        line
    }
}
