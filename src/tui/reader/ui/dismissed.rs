//! The panel's list of dismissed suggestions (the panel filter's last step): what each
//! suggested and its sentence, the one under the cursor marked, and the key that brings one back.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::quote::quote_lines;
use super::{badge, color};
use crate::config::keys::Action;
use crate::report::{one_line, safe};
use crate::tui::reader::dismissed::DISMISSED_HEADING;
use crate::tui::reader::{App, PANEL_ITEM_ROWS};

/// Draws the dismissed suggestions in the panel's inside, `inner`.
pub fn draw(frame: &mut Frame, app: &App, inner: Rect) {
    let list = app.dismissed_sentences();
    let key = |action| {
        app.config
            .keys
            .first_key(action)
            .unwrap_or_else(|| "-".to_owned())
    };
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let dim = Style::new().add_modifier(Modifier::DIM);
    let keys = format!(
        "{} brings one back · {} shows the claims",
        key(Action::DismissSuggestion),
        key(Action::CycleFilter)
    );
    let width = usize::from(inner.width);
    // As many rows as `DISMISSED_HEADING`: the count, then the keys.
    let mut lines: Vec<Line> = vec![
        Line::styled(format!("Dismissed suggestions: {}", list.len()), bold),
        Line::styled(keys, dim),
    ];
    if list.is_empty() {
        lines.push(Line::raw("None: every suggestion is offered."));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
        return;
    }
    let accent = color(app, app.config.theme.accent);
    for n in app.dismissed_shown() {
        let marker = if n == app.cursor {
            Span::styled("▍", accent.map_or(bold, |c| Style::new().fg(c)))
        } else {
            Span::raw(" ")
        };
        let mut head = vec![marker.clone(), Span::styled("◌ ", dim)];
        let suggestion = app.dismissed_suggestion(n);
        if let Some(status) = suggestion
            .as_ref()
            .and_then(crate::suggest::Suggestion::status)
        {
            head.push(badge(app, status).patch_style(dim));
        }
        head.push(Span::styled(format!(" sentence {}", n + 1), dim));
        // The source comes last: the longest part, it is the one a narrow panel cuts short.
        let source = suggestion.as_ref().map_or_else(
            || "no suggestion now".to_owned(),
            |s| {
                s.source_text(&app.report.text)
                    .map_or_else(|| "no source".to_owned(), one_line)
            },
        );
        head.push(Span::styled(format!(" — {}", safe(&source)), dim));
        lines.push(Line::from(head));
        let text = app.report.text.get(app.sentence(n)).unwrap_or_default();
        for line in quote_lines(&safe(&one_line(text)), width.saturating_sub(2), 2) {
            lines.push(Line::from(vec![
                marker.clone(),
                Span::raw(" "),
                Span::raw(line),
            ]));
        }
        while !(lines.len() - DISMISSED_HEADING).is_multiple_of(PANEL_ITEM_ROWS) {
            lines.push(Line::from(marker.clone()));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
