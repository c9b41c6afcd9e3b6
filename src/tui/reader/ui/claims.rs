//! The claims panel: every claim in document order with its tag, quote, source and note mark.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::{badge, border_style, color, grade_badge};
use crate::config::keys::Action;
use crate::report::{one_line, safe};
use crate::tui::reader::layout::Areas;
use crate::tui::reader::wrap::char_width;
use crate::tui::reader::{App, Focus, PANEL_ITEM_ROWS, SaveState};

/// Draws the claims panel.
pub fn draw(frame: &mut Frame, app: &App, areas: &Areas) {
    let focused = app.focus == Focus::Panel;
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(border_style(app, focused))
        .title(Span::styled(
            title(app),
            Style::new().add_modifier(Modifier::BOLD),
        ));
    frame.render_widget(block, areas.panel);
    let inner = reserve_suggestion(frame, app, areas.panel_inner);
    if app.dismissed_view {
        return super::dismissed::draw(frame, app, inner);
    }
    let width = usize::from(inner.width);
    let visible = app.visible_claims();
    if visible.is_empty() {
        let keys: Vec<String> = app.config.tags.iter().map(|t| t.key.label()).collect();
        let hint = if let SaveState::ReadOnly(why) = &app.save_state {
            format!(
                "Read-only: nothing can be tagged or saved, because {}",
                safe(why)
            )
        } else if app.sidecar.claims.is_empty() {
            format!(
                "No claims yet. Press {} to tag the sentence under the cursor; ? for help.",
                keys.join(", ")
            )
        } else {
            "No claims with this filter; f shows the next tag, a the next author.".to_owned()
        };
        frame.render_widget(
            Paragraph::new(hint).wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return;
    }
    let fit = (usize::from(inner.height) / PANEL_ITEM_ROWS).max(1);
    let selected = app.selected_index();
    let accent = color(app, app.config.theme.accent);
    // The author is shown once there is more than one, or when the panel shows only one's.
    let several_authors = app.author_filter.is_some() || app.authors().len() > 1;
    let mut lines: Vec<Line> = Vec::new();
    for &i in visible.iter().skip(app.panel_scroll).take(fit) {
        let claim = &app.sidecar.claims[i];
        let is_selected = selected == Some(i);
        let marker = if is_selected {
            Span::styled(
                "▍",
                accent.map_or(Style::new().add_modifier(Modifier::BOLD), |c| {
                    Style::new().fg(c)
                }),
            )
        } else {
            Span::raw(" ")
        };
        let mut head = vec![marker.clone(), badge(app, &claim.status)];
        head.extend(grade_and_author(app, claim, several_authors));
        if claim.note.is_some() {
            head.push(Span::styled(
                " ✎",
                Style::new().add_modifier(Modifier::BOLD),
            ));
        }
        if let Some(warning) = warning(app, i) {
            head.push(Span::styled(
                warning,
                Style::new().add_modifier(Modifier::BOLD),
            ));
        }
        // The source comes last: the longest part, it is the one a narrow panel cuts short.
        if let Some(source) = source_and_kind(claim) {
            head.push(Span::raw(format!(" — {source}")));
        }
        lines.push(Line::from(head));
        let quote_style = if is_selected {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        for text in quote_lines(&safe(&one_line(&claim.quote)), width.saturating_sub(2), 2) {
            lines.push(Line::from(vec![
                marker.clone(),
                Span::raw(" "),
                Span::styled(text, quote_style),
            ]));
        }
        while !lines.len().is_multiple_of(PANEL_ITEM_ROWS) {
            lines.push(Line::from(marker.clone()));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// What the panel warns of on claim `i`: orphaned, one of the versions of a conflict (with the
/// key that drops it, keeping the other), or found with changed text.
fn warning(app: &App, i: usize) -> Option<String> {
    if app.claim_span(i).is_none() {
        Some(" ⚠ orphaned".to_owned())
    } else if app.in_conflict(i) {
        let drop = app.config.keys.first_key(Action::RemoveClaim);
        Some(drop.map_or_else(
            || " ⚠ conflict".to_owned(),
            |key| format!(" ⚠ conflict ({key} drops)"),
        ))
    } else if app.old_quote(i).is_some() {
        Some(" ≈ text changed".to_owned())
    } else {
        None
    }
}

/// The claim's source and whether it is named or anonymous (`officials · anonymous`), either
/// alone when the other is not known, or `None` when neither is.
fn source_and_kind(claim: &crate::annotate::Claim) -> Option<String> {
    let source = claim
        .source
        .as_deref()
        .map(|s| safe(&one_line(s)).into_owned());
    let kind = claim.source_kind.map(|k| k.name().to_owned());
    let about: Vec<String> = source.into_iter().chain(kind).collect();
    (!about.is_empty()).then(|| about.join(" · "))
}

/// The spans after a claim's tag badge: its grade, and its author when several are shown.
fn grade_and_author(
    app: &App,
    claim: &crate::annotate::Claim,
    with_author: bool,
) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    if let Some(grade) = grade_badge(app, claim.grade) {
        spans.extend([Span::raw(" "), grade]);
    }
    if with_author {
        spans.push(Span::styled(
            format!(" {}", safe(&one_line(&claim.author))),
            Style::new().add_modifier(Modifier::ITALIC),
        ));
    }
    spans
}

/// Draws the cursor sentence's pending (or dismissed) suggestion at the bottom of the panel,
/// and returns the rows left for the claims.
fn reserve_suggestion(
    frame: &mut Frame,
    app: &App,
    mut inner: ratatui::layout::Rect,
) -> ratatui::layout::Rect {
    let shown = app
        .pending_suggestion(app.cursor)
        .map(|s| (s, false))
        .or_else(|| app.dismissed_suggestion(app.cursor).map(|s| (s, true)));
    if let Some((suggestion, dismissed)) = shown
        && inner.height > SUGGESTION_ROWS + 2
    {
        inner.height -= SUGGESTION_ROWS;
        let area = ratatui::layout::Rect {
            y: inner.bottom(),
            height: SUGGESTION_ROWS,
            ..inner
        };
        draw_suggestion(frame, app, &suggestion, dismissed, area);
    }
    inner
}

/// Rows the pending suggestion takes at the bottom of the panel.
const SUGGESTION_ROWS: u16 = 3;

/// The suggestion for the cursor sentence, dim and marked as a suggestion, with its keys; a
/// dismissed one with the key that brings it back.
fn draw_suggestion(
    frame: &mut Frame,
    app: &App,
    suggestion: &crate::suggest::Suggestion,
    dismissed: bool,
    area: ratatui::layout::Rect,
) {
    let dim = Style::new().add_modifier(Modifier::DIM);
    let status = suggestion.status().unwrap_or_default();
    let mut head = vec![Span::styled("◌ ", dim), badge(app, status).patch_style(dim)];
    if let Some(kind) = suggestion.kind {
        head.push(Span::styled(format!(" {}", kind.name()), dim));
    }
    let source = suggestion
        .source_text(&app.report.text)
        .map_or_else(|| "no source".to_owned(), one_line);
    let keys = [
        Action::AcceptSuggestion,
        Action::DismissSuggestion,
        Action::NextSuggestion,
    ]
    .map(|action| {
        app.config
            .keys
            .keys_for(action)
            .into_iter()
            .next()
            .unwrap_or_else(|| "-".to_owned())
    });
    let rule = if dismissed {
        format!("┄ dismissed suggestion: {} brings it back ", keys[1])
    } else {
        format!(
            "┄ suggestion: {} accept · {} dismiss · {} next ",
            keys[0], keys[1], keys[2]
        )
    };
    let fill = usize::from(area.width).saturating_sub(rule.chars().count());
    let lines = vec![
        Line::from(Span::styled(format!("{rule}{}", "┄".repeat(fill)), dim)),
        Line::from(head),
        Line::from(Span::styled(format!("  — {}", safe(&source)), dim)),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}

/// The panel title: the claim count and the count per tag, and the filter when one is set.
fn title(app: &App) -> String {
    let (counts, other) = app.counts();
    let mut parts = vec![format!("Claims {}", app.sidecar.claims.len())];
    for (tag, n) in app.config.tags.iter().zip(&counts).filter(|(_, n)| **n > 0) {
        parts.push(format!("{} {n}", tag.name));
    }
    if other > 0 {
        parts.push(format!("other {other}"));
    }
    let orphaned = (0..app.sidecar.claims.len())
        .filter(|&i| app.claim_span(i).is_none())
        .count();
    if orphaned > 0 {
        parts.push(format!("{orphaned} orphaned"));
    }
    let mut title = format!(" {} ", parts.join(" · "));
    if let Some(tag) = app.filter.and_then(|f| app.config.tags.get(f)) {
        let _ = write!(title, "[only {}] ", tag.name);
    }
    if let Some(author) = &app.author_filter {
        let _ = write!(title, "[by {}] ", safe(&one_line(author)));
    }
    title
}

/// The quote on at most `max` lines of `width` columns, white space collapsed, with an ellipsis
/// when it does not fit.
pub(super) fn quote_lines(quote: &str, width: usize, max: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in quote.split_whitespace() {
        let w: usize = word.chars().map(char_width).sum();
        if used > 0 && used + 1 + w <= width {
            line.push(' ');
            used += 1;
        } else if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
            if lines.len() == max {
                return finish_with_ellipsis(lines, width);
            }
        }
        for c in word.chars() {
            if used + char_width(c) > width {
                lines.push(std::mem::take(&mut line));
                used = 0;
                if lines.len() == max {
                    return finish_with_ellipsis(lines, width);
                }
            }
            line.push(c);
            used += char_width(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn finish_with_ellipsis(mut lines: Vec<String>, width: usize) -> Vec<String> {
    if let Some(last) = lines.last_mut() {
        while last.chars().map(char_width).sum::<usize>() + 1 > width {
            if last.pop().is_none() {
                break;
            }
        }
        last.push('…');
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_quotes_fit_on_one_line() {
        assert_eq!(
            quote_lines("Officials said\nit was safe.", 40, 2),
            vec!["Officials said it was safe."]
        );
    }

    #[test]
    fn long_quotes_get_two_lines_and_an_ellipsis() {
        let lines = quote_lines("one two three four five six seven eight", 10, 2);
        assert_eq!(lines, vec!["one two", "three fou…"]);
    }

    #[test]
    fn long_words_are_cut() {
        assert_eq!(quote_lines("abcdefghijkl", 5, 2), vec!["abcde", "fghi…"]);
    }
}
