//! The claims panel: every claim in document order with its tag, labels, quote, source and the
//! first line of its note.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::labels::{chip_spans, note_line, spans_width};
use super::quote::quote_lines;
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
            title(app, usize::from(areas.panel.width.saturating_sub(2))),
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
        let hint = empty_hint(app);
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
        head.extend(grade_and_author(app, i, several_authors));
        if let Some(warning) = warning(app, i) {
            head.push(Span::styled(
                warning,
                Style::new().add_modifier(Modifier::BOLD),
            ));
        }
        labels_and_source(app, claim, &mut head, width);
        lines.push(Line::from(head));
        lines.extend(quote_and_note(claim, &marker, width, is_selected));
        while !lines.len().is_multiple_of(PANEL_ITEM_ROWS) {
            lines.push(Line::from(marker.clone()));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Ends a claim's first row: its labels as chips, then its source. The source comes last: the
/// longest part, it is the one a narrow panel cuts short; the chips leave it a few columns.
fn labels_and_source(
    app: &App,
    claim: &crate::annotate::Claim,
    head: &mut Vec<Span<'static>>,
    width: usize,
) {
    let source = source_and_kind(claim).map(|s| format!(" — {s}"));
    let keep = source.as_ref().map_or(0, |s| s.chars().count().min(12));
    let room = width.saturating_sub(spans_width(head) + keep);
    head.extend(chip_spans(app, &claim.labels, room));
    if let Some(source) = source {
        head.push(Span::raw(source));
    }
}

/// A claim's next rows: two of its quote, or, when it has a note, one of its quote and the
/// note's first line, dim, after `✎`.
fn quote_and_note(
    claim: &crate::annotate::Claim,
    marker: &Span<'static>,
    width: usize,
    is_selected: bool,
) -> Vec<Line<'static>> {
    let quote_style = if is_selected {
        Style::new().add_modifier(Modifier::BOLD)
    } else {
        Style::new()
    };
    let note = claim
        .note
        .as_deref()
        .and_then(|n| note_line(n, width.saturating_sub(4)));
    let quote_rows = if note.is_some() { 1 } else { 2 };
    let mut lines: Vec<Line<'static>> = quote_lines(
        &safe(&one_line(&claim.quote)),
        width.saturating_sub(2),
        quote_rows,
    )
    .into_iter()
    .map(|text| {
        Line::from(vec![
            marker.clone(),
            Span::raw(" "),
            Span::styled(text, quote_style),
        ])
    })
    .collect();
    if let Some(note) = note {
        lines.push(Line::from(vec![
            marker.clone(),
            Span::styled(" ✎ ", Style::new().add_modifier(Modifier::BOLD)),
            Span::styled(note, Style::new().add_modifier(Modifier::DIM)),
        ]));
    }
    lines
}

/// What the panel says when it shows no claim: why, and the keys to press.
fn empty_hint(app: &App) -> String {
    let keys: Vec<String> = (0..app.config.tags.len())
        .filter_map(|i| app.config.keys.first_key(Action::Tag(i)))
        .collect();
    if let SaveState::ReadOnly(why) = &app.save_state {
        format!(
            "Read-only: nothing can be tagged or saved, because {}",
            safe(why)
        )
    } else if app.sidecar.claims.is_empty() {
        let help = app.config.keys.key_name(Action::Help);
        format!(
            "No claims yet. Press {} to tag the sentence under the cursor; {help} for help.",
            keys.join(", ")
        )
    } else {
        let [tag, author] =
            [Action::CycleFilter, Action::CycleAuthor].map(|a| app.config.keys.key_name(a));
        format!(
            "No claims with this filter; {tag} shows the next tag or label, {author} the next author."
        )
    }
}

/// What the panel warns of on claim `i`: orphaned, one of the versions of a conflict (with the
/// key that drops it, or keeps it when it is the only version left), or found with changed
/// text.
fn warning(app: &App, i: usize) -> Option<String> {
    if app.claim_span(i).is_none() {
        Some(" ⚠ orphaned".to_owned())
    } else if app.in_conflict(i) {
        // Two versions: the key that drops this one; one left: the key that keeps it. The
        // other key works too (help and README say so), but the panel has room for one.
        let (action, what) = if app.lone_version(i) {
            (Action::AcceptSuggestion, "keeps")
        } else {
            (Action::RemoveClaim, "drops")
        };
        Some(app.config.keys.first_key(action).map_or_else(
            || " ⚠ conflict".to_owned(),
            |key| format!(" ⚠ conflict ({key} {what})"),
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

/// The spans after claim `i`'s tag badge: its grade (with the credibility other reports
/// support, as a hint), and its author when several are shown.
fn grade_and_author(app: &App, i: usize, with_author: bool) -> Vec<Span<'static>> {
    let claim = &app.sidecar.claims[i];
    let mut spans = Vec::new();
    if let Some(grade) = grade_badge(app, claim.grade) {
        spans.extend([Span::raw(" "), grade]);
    }
    // What other reports' independent sources support, beside the grade the analyst gave.
    spans.extend(super::corroboration::hint(app, i));
    if with_author {
        spans.push(Span::styled(
            format!(" {}", safe(&one_line(&claim.author))),
            Style::new().add_modifier(Modifier::ITALIC),
        ));
    }
    spans
}

/// Draws the cursor sentence's pending (or dismissed) suggestion at the bottom of the panel,
/// and above it the other reports stating it, and returns the rows left for the claims.
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
    // Above the suggestion: the other reports that state the same claim.
    super::corroboration::reserve(frame, app, inner)
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

/// The panel title, fitted to `width` columns: the claim count and the count per tag, and the
/// filters when set. When it does not fit, the filters shorten first (`[only unsourced]`,
/// `[unsourced]`, `[uns]`), then the tags shrink to their letters, then only the total is left,
/// so that the counts and the filter both stay in sight.
fn title(app: &App, width: usize) -> String {
    let (counts, other) = app.counts();
    let orphaned = (0..app.sidecar.claims.len())
        .filter(|&i| app.claim_span(i).is_none())
        .count();
    let total = app.sidecar.claims.len();
    let per_tag = |letters: bool| {
        let mut parts = vec![format!("Claims {total}")];
        for (tag, n) in app.config.tags.iter().zip(&counts).filter(|(_, n)| **n > 0) {
            if letters {
                parts.push(format!("{} {n}", super::tag_letter(app, &tag.name)));
            } else {
                parts.push(format!("{} {n}", tag.name));
            }
        }
        if other > 0 {
            parts.push(format!("other {other}"));
        }
        if orphaned > 0 {
            parts.push(format!("{orphaned} orphaned"));
        }
        parts.join(" · ")
    };
    let tag = app
        .filter
        .and_then(|f| app.config.tags.get(f))
        .map(|t| t.name.as_str());
    let author = app
        .author_filter
        .as_deref()
        .map(|a| safe(&one_line(a)).into_owned());
    let label = app
        .label_filter
        .as_deref()
        .map(|l| safe(&one_line(l)).into_owned());
    let filters = |level: usize| {
        let mut shown = String::new();
        let short = |name: &str| name.chars().take(3).collect::<String>();
        if let Some(tag) = tag {
            let _ = match level {
                0 => write!(shown, "[only {tag}] "),
                1 => write!(shown, "[{tag}] "),
                _ => write!(shown, "[{}] ", short(tag)),
            };
        }
        if let Some(author) = &author {
            let _ = match level {
                0 => write!(shown, "[by {author}] "),
                1 => write!(shown, "[{author}] "),
                _ => write!(shown, "[{}] ", short(author)),
            };
        }
        if let Some(label) = &label {
            let _ = match level {
                0 | 1 => write!(shown, "[#{label}] "),
                _ => write!(shown, "[#{}] ", short(label)),
            };
        }
        shown
    };
    let counts = [per_tag(false), per_tag(true), format!("Claims {total}")];
    let layouts = [(0, 0), (0, 1), (0, 2), (1, 2), (2, 2)];
    let fitting = layouts
        .iter()
        .map(|&(c, f)| format!(" {} {}", counts[c], filters(f)));
    let mut last = String::new();
    for candidate in fitting {
        if candidate.chars().map(char_width).sum::<usize>() <= width {
            return candidate;
        }
        last = candidate;
    }
    last
}
