//! The claim editor's offer for its Source field, drawn dim right after what was typed: the rest
//! of a known source that starts the same way (as fish suggests the rest of a command), or
//! `→ Rafael T. Osei (Tab)` when what was typed is another spelling of a known source.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Paragraph;

use crate::report::safe;
use crate::tui::input::TextInput;
use crate::tui::reader::App;
use crate::tui::reader::wrap::char_width;

/// Draws the offer after the text of `field`, which is drawn in `area`; nothing when there is
/// no offer or no room after the text.
pub fn draw(frame: &mut Frame, app: &App, field: &TextInput, area: Rect) {
    let Some(offer) = app.source_completion() else {
        return;
    };
    let typed = field.text();
    let shown: usize = typed.chars().map(char_width).sum();
    let Ok(shown) = u16::try_from(shown) else {
        return;
    };
    if shown + 2 > area.width {
        return;
    }
    let n = typed.chars().count();
    let head: String = offer.chars().take(n).collect();
    let hint = if head.to_lowercase() == typed.to_lowercase() {
        offer.chars().skip(n).collect()
    } else {
        format!("  → {offer} (Tab)")
    };
    let hint =
        Paragraph::new(safe(&hint).into_owned()).style(Style::new().add_modifier(Modifier::DIM));
    frame.render_widget(
        hint,
        Rect {
            x: area.x + shown,
            width: area.width - shown,
            height: 1,
            ..area
        },
    );
}
