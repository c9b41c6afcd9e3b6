//! The help pop-up: the lines of [`crate::tui::reader::help`], styled.

use ratatui::Frame;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::popup;
use crate::tui::reader::App;
use crate::tui::reader::help::{self, HelpLine};

/// The help text, styled.
fn lines(app: &App) -> Vec<Line<'_>> {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    help::lines(&app.config)
        .into_iter()
        .map(|line| match line {
            HelpLine::Heading(text) => Line::styled(text, bold),
            HelpLine::Keys(keys, doc) => row(&keys, doc),
            HelpLine::Tag(keys, i) => {
                let tag = &app.config.tags[i];
                Line::from(vec![
                    Span::raw(format!("  {keys:<14} ")),
                    super::badge(app, &tag.name),
                    Span::raw(format!(" {}", tag.description)),
                ])
            }
            HelpLine::Text(text) => Line::raw(text),
            HelpLine::Blank => Line::default(),
        })
        .collect()
}

/// Draws the help pop-up, scrolled by `scroll` rows.
pub fn draw(frame: &mut Frame, app: &App, scroll: usize) {
    let area = help::area(frame.area());
    let scroll = scroll.min(help::max_scroll(&app.config, frame.area()));
    let inner = popup(frame, app, area, &help::title(&app.config.keys));
    frame.render_widget(
        Paragraph::new(lines(app)).scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        inner,
    );
}

fn row<'a>(keys: &str, doc: &'a str) -> Line<'a> {
    Line::from(vec![
        Span::styled(
            format!("  {keys:<14} "),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::raw(doc),
    ])
}
