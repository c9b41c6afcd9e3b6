//! The panel's list of dismissed suggestions (the panel filter's last step): what each
//! suggested and its sentence, the one under the cursor marked, and the key that brings one back.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::claims::quote_lines;
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
    let heading = format!(
        "Dismissed suggestions: {} · {} on one brings it back · {} shows the claims",
        list.len(),
        key(Action::DismissSuggestion),
        key(Action::CycleFilter)
    );
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = vec![Line::styled(heading, bold), Line::default()];
    if list.is_empty() {
        lines.push(Line::raw("None: every suggestion is offered."));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
        return;
    }
    let dim = Style::new().add_modifier(Modifier::DIM);
    let accent = color(app, app.config.theme.accent);
    for n in app.dismissed_shown() {
        let marker = if n == app.cursor {
            Span::styled("▍", accent.map_or(bold, |c| Style::new().fg(c)))
        } else {
            Span::raw(" ")
        };
        let mut head = vec![marker.clone(), Span::styled("◌ ", dim)];
        match app.dismissed_suggestion(n) {
            Some(suggestion) => {
                let status = suggestion.status().unwrap_or_default();
                head.push(badge(app, status).patch_style(dim));
                let source = suggestion
                    .source_text(&app.report.text)
                    .map_or_else(|| "no source".to_owned(), one_line);
                head.push(Span::styled(format!(" — {}", safe(&source)), dim));
            }
            None => head.push(Span::styled("no suggestion now", dim)),
        }
        head.push(Span::styled(format!(" · sentence {}", n + 1), dim));
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
