//! Drawing: a pure function of the [`App`] state, one file per part of the screen.

mod adjudicate;
mod article;
mod claims;
mod corroboration;
mod dismissed;
mod editor;
mod help;
mod labels;
mod quote;
#[cfg(test)]
mod small_screens;
mod source_hint;
mod status;

use ratatui::Frame;
use ratatui::layout::Alignment;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Paragraph, Wrap};

use super::{App, Overlay};

/// Draws the whole screen for the current state.
pub fn draw(frame: &mut Frame, app: &App) {
    // The frame's own size, not the last resize event: the two differ for a moment when the
    // terminal is resized before the event reaches the loop, and drawing must stay inside it.
    let Some(areas) = super::layout::areas(frame.area()) else {
        let message = Paragraph::new("sidenote needs a bigger terminal (at least 40x10)")
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true });
        frame.render_widget(message, frame.area());
        return;
    };
    article::draw(frame, app, &areas);
    claims::draw(frame, app, &areas);
    status::draw(frame, app, areas.status);
    match &app.overlay {
        Overlay::None | Overlay::Search(..) => {}
        Overlay::Help(scroll) => help::draw(frame, app, *scroll),
        Overlay::Editor(editor) => editor::draw(frame, app, editor),
        Overlay::Adjudicate(_) => adjudicate::draw(frame, app),
    }
    corroboration::draw_list(frame, app);
}

/// The colour of a tag by name; `None` for tags the config does not know, or without colour.
fn tag_color(app: &App, status: &str) -> Option<Color> {
    if !app.config.color {
        return None;
    }
    app.config
        .tags
        .iter()
        .find(|t| t.name == status)
        .map(|t| t.color)
}

/// The letter that marks a tag wherever its colour shows (gutter, panel, overview, status), so
/// colour is never the only signal: the tag's key when it is one character, else the first
/// letter of its name. Safe to print.
fn tag_letter(app: &App, status: &str) -> String {
    let key = app
        .config
        .tags
        .iter()
        .find(|t| t.name == status)
        .map(|t| t.key.label())
        .filter(|k| k.chars().count() == 1);
    let letter = key.or_else(|| {
        status
            .get(..status.chars().next().map_or(0, char::len_utf8))
            .map(str::to_owned)
    });
    crate::report::safe(letter.as_deref().unwrap_or("?")).into_owned()
}

/// A colour when colour is on.
fn color(app: &App, color: Color) -> Option<Color> {
    app.config.color.then_some(color)
}

/// The style of a pane's border: the accent colour (or bold without colour) when focused.
fn border_style(app: &App, focused: bool) -> Style {
    match (focused, color(app, app.config.theme.accent)) {
        (true, Some(accent)) => Style::new().fg(accent),
        (true, None) => Style::new().add_modifier(Modifier::BOLD),
        (false, _) => Style::new().add_modifier(Modifier::DIM),
    }
}

/// The grade badge beside a tag: `B2` in reverse video (or in brackets without colour), or
/// nothing for an ungraded claim.
fn grade_badge(
    app: &App,
    grade: Option<crate::annotate::Grade>,
) -> Option<ratatui::text::Span<'static>> {
    let grade = grade?;
    Some(if app.config.color {
        ratatui::text::Span::styled(
            format!(" {grade} "),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    } else {
        ratatui::text::Span::styled(
            format!("[{grade}]"),
            Style::new().add_modifier(Modifier::BOLD),
        )
    })
}

/// The tag badge: its letter and name on its colour, or in brackets without colour.
fn badge(app: &App, status: &str) -> ratatui::text::Span<'static> {
    // A tag from a colleague's sidecar is as untrusted as the report.
    let shown = crate::report::safe(status);
    let letter = tag_letter(app, status);
    match tag_color(app, status) {
        Some(bg) => ratatui::text::Span::styled(
            format!(" {letter} {shown} "),
            Style::new()
                .fg(Color::Black)
                .bg(bg)
                .add_modifier(Modifier::BOLD),
        ),
        None => ratatui::text::Span::styled(
            format!("[{letter} {shown}]"),
            Style::new().add_modifier(Modifier::BOLD),
        ),
    }
}

/// Clears `area` and draws a pop-up's rounded, focused frame titled `title` there; returns the
/// inside. The editor, the adjudication view and the help share it, so every pop-up looks alike.
fn popup(
    frame: &mut Frame,
    app: &App,
    area: ratatui::layout::Rect,
    title: &str,
) -> ratatui::layout::Rect {
    let block = ratatui::widgets::Block::bordered()
        .border_type(ratatui::widgets::BorderType::Rounded)
        .border_style(border_style(app, true))
        .title(ratatui::text::Span::styled(
            title.to_owned(),
            Style::new().add_modifier(Modifier::BOLD),
        ));
    let inner = block.inner(area);
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(block, area);
    inner
}
