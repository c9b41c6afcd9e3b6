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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::path::Path;

    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Modifier;

    use crate::annotate::{Claim, Sidecar, now};
    use crate::config::Config;
    use crate::config::keys::Action;
    use crate::report::{Encoding, Report};
    use crate::tui::reader::{App, update};

    /// The screen with the editor open on the second sentence and `typed` in its Source field,
    /// the first sentence's claim citing `Rafael T. Osei`; and the rows as text.
    fn screen(typed: &str) -> (Terminal<TestBackend>, Vec<String>) {
        let report = Report::from_text(
            Path::new("r.txt"),
            "The port will reopen. Repairs are done.".to_owned(),
            Encoding::Utf8,
            String::new(),
        );
        let mut sidecar = Sidecar::new(&report);
        let mut claim = Claim::new(&report, report.sentences[0].clone(), "sourced", "t", now());
        claim.source = Some("Rafael T. Osei".to_owned());
        sidecar.add(claim);
        let mut config = Config {
            author: "t".to_owned(),
            ..Config::default()
        };
        config.suggest.enabled = false;
        let mut app = App::new(report, Some(sidecar), config, None);
        update(&mut app, Action::Resize(100, 30));
        update(&mut app, Action::NextSentence);
        app.on_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE));
        update(&mut app, Action::EditClaim);
        for c in typed.chars() {
            app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        terminal
            .draw(|frame| super::super::draw(frame, &app))
            .unwrap();
        let buffer = terminal.backend().buffer();
        let rows = (0..buffer.area.height)
            .map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect()
            })
            .collect();
        (terminal, rows)
    }

    #[test]
    fn the_rest_of_a_known_source_shows_dim_after_the_text() {
        let (terminal, rows) = screen("raf");
        let (y, row) = rows
            .iter()
            .enumerate()
            .find(|(_, r)| r.contains("Source"))
            .unwrap();
        assert!(row.contains("rafael T. Osei"), "{row}");
        let at = row.find("rafael").unwrap();
        let x = row[..at].chars().count();
        let cell = |dx: usize| &terminal.backend().buffer()[((x + dx) as u16, y as u16)];
        assert!(!cell(0).modifier.contains(Modifier::DIM), "typed: not dim");
        assert!(cell(3).modifier.contains(Modifier::DIM), "offered: dim");
    }

    #[test]
    fn another_spelling_shows_the_known_one_beside_it() {
        let (_, rows) = screen("Mr Osei");
        let row = rows.iter().find(|r| r.contains("Source")).unwrap();
        assert!(row.contains("Mr Osei  → Rafael T. Osei (Tab)"), "{row}");
        let (_, rows) = screen("Amina");
        let row = rows.iter().find(|r| r.contains("Source")).unwrap();
        assert!(!row.contains('→'), "nothing offered: {row}");
    }
}
