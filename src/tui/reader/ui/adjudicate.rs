//! The adjudication view: one disagreeing sentence, each author's version side by side, and the
//! agreed claim when one was recorded.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{badge, grade_badge, popup};
use crate::annotate::{ADJUDICATED_BY, Claim};
use crate::config::modes::AdjudicateAction;
use crate::report::{one_line, safe};
use crate::tui::reader::layout::centered;
use crate::tui::reader::{App, Overlay};

/// Rows of the pop-up.
const HEIGHT: u16 = 18;

/// Draws the view over the main screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let Overlay::Adjudicate(view) = &app.overlay else {
        return;
    };
    let area = centered(frame.area(), 100, HEIGHT);
    let title = format!(
        " Adjudicate {}/{} · sentence {} ",
        view.at + 1,
        view.sentences.len(),
        view.sentence().map_or(0, |n| n + 1)
    );
    let inner = popup(frame, app, area, &title);
    let Some((table, item)) = app.adjudicated_item() else {
        return;
    };
    if inner.height < 8 || inner.width < 20 {
        return;
    }
    let text = app
        .report
        .text
        .get(app.sentence(item.sentence))
        .map(one_line)
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(crate::report::quoted(&safe(&text)))
            .wrap(Wrap { trim: true })
            .style(Style::new().add_modifier(Modifier::ITALIC)),
        Rect { height: 2, ..inner },
    );
    let agreed_rows = 2;
    let columns_area = Rect {
        y: inner.y + 3,
        height: inner.height.saturating_sub(4 + agreed_rows),
        ..inner
    };
    let columns = Layout::horizontal(vec![
        Constraint::Ratio(1, table.authors.len().max(1) as u32);
        table.authors.len().max(1)
    ])
    .spacing(1)
    .split(columns_area);
    for (i, author) in table.authors.iter().enumerate() {
        let Some(column) = columns.get(i) else { break };
        let lines = version(app, i, author, item.claims[i].as_ref());
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), *column);
    }
    let agreed = agreed_line(app, item.sentence);
    frame.render_widget(
        Paragraph::new(agreed),
        Rect {
            y: inner.bottom().saturating_sub(agreed_rows + 1),
            height: 1,
            ..inner
        },
    );
    let bound = &app.config.keys.adjudicate;
    let keys = format!(
        "1-{} accept that version · {} write the agreed claim · {}/{} next/previous · {} close",
        table.authors.len(),
        bound.key_name(AdjudicateAction::Write),
        bound.key_name(AdjudicateAction::Next),
        bound.key_name(AdjudicateAction::Prev),
        bound.key_name(AdjudicateAction::Close)
    );
    frame.render_widget(
        Paragraph::new(Span::styled(keys, Style::new().add_modifier(Modifier::DIM))),
        Rect {
            y: inner.bottom() - 1,
            height: 1,
            ..inner
        },
    );
}

/// The agreed claim of sentence `sentence`, or that there is none yet.
fn agreed_line(app: &App, sentence: usize) -> Line<'_> {
    match app.agreed_in(sentence).map(|i| &app.sidecar.claims[i]) {
        Some(claim) => {
            let by = claim
                .extra
                .get(ADJUDICATED_BY)
                .and_then(toml::Value::as_str)
                .unwrap_or(&claim.author);
            let mut spans = vec![
                Span::styled(
                    format!("agreed (by {}): ", safe(&one_line(by))),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                badge(app, &claim.status),
            ];
            if let Some(grade) = grade_badge(app, claim.grade) {
                spans.extend([Span::raw(" "), grade]);
            }
            if let Some(source) = &claim.source {
                spans.push(Span::raw(format!(" — {}", safe(&one_line(source)))));
            }
            Line::from(spans)
        }
        None => Line::styled(
            "no agreed claim yet",
            Style::new().add_modifier(Modifier::DIM),
        ),
    }
}

/// One author's column: number and name, tag and grade, source, note.
fn version<'a>(app: &App, i: usize, author: &str, claim: Option<&'a Claim>) -> Vec<Line<'a>> {
    let mut lines = vec![Line::styled(
        format!("{} {}", i + 1, safe(&one_line(author))),
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
    )];
    let Some(claim) = claim else {
        lines.push(Line::styled(
            "untagged",
            Style::new().add_modifier(Modifier::DIM),
        ));
        return lines;
    };
    let mut head = vec![badge(app, &claim.status)];
    match grade_badge(app, claim.grade) {
        Some(grade) => head.extend([Span::raw(" "), grade]),
        None => head.push(Span::styled(
            " ungraded",
            Style::new().add_modifier(Modifier::DIM),
        )),
    }
    lines.push(Line::from(head));
    lines.push(Line::raw(format!(
        "— {}",
        claim.source.as_deref().map_or_else(
            || "no source".to_owned(),
            |s| safe(&one_line(s)).into_owned()
        )
    )));
    if let Some(note) = &claim.note {
        lines.push(Line::raw(format!("✎ {}", safe(&one_line(note)))));
    }
    lines
}
