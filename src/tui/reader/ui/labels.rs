//! What a claim row of the panel shows besides its tag and quote: its labels as small chips
//! (`#ports`), and the first line of its note, dim and cut with `…`.

use ratatui::style::{Modifier, Style};
use ratatui::text::Span;

use super::color;
use crate::report::{one_line, safe};
use crate::tui::reader::App;
use crate::tui::reader::wrap::char_width;

/// The widest a chip's name is shown, in columns; a longer one is cut with `…`.
const CHIP_NAME: usize = 14;

/// Columns of a string on screen.
fn width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// `text` cut to at most `max` columns, ending in `…` when it was cut, or when `more` says
/// more follows.
fn cut(text: &str, max: usize, more: bool) -> String {
    if width(text) <= max && !more {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        if used + char_width(c) + 1 > max {
            break;
        }
        out.push(c);
        used += char_width(c);
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// The chips for `labels` in at most `room` columns, each ` #name` (a long name cut to
/// [`CHIP_NAME`] columns): as many as fit in order, then ` +N` for the labels left out.
/// Safe to print (labels come from a colleague's sidecar as untrusted text).
pub fn chips(labels: &[String], room: usize) -> (Vec<String>, usize) {
    let mut shown = Vec::new();
    let mut used = 0;
    for (i, label) in labels.iter().enumerate() {
        let chip = format!(" #{}", cut(&safe(&one_line(label)), CHIP_NAME, false));
        let left = labels.len() - i - 1;
        // Room for this chip, and for the count of the others after it.
        let after = if left > 0 {
            width(&format!(" +{left}"))
        } else {
            0
        };
        if used + width(&chip) + after > room {
            // The chips shown left room for this count when they were added.
            return (shown, labels.len() - i);
        }
        used += width(&chip);
        shown.push(chip);
    }
    (shown, 0)
}

/// The spans of the chips: each in the theme's accent colour (plain without colour, where the
/// `#` marks it), the count of the hidden ones dim.
pub fn chip_spans(app: &App, labels: &[String], room: usize) -> Vec<Span<'static>> {
    let (shown, hidden) = chips(labels, room);
    let style = color(app, app.config.theme.accent).map_or(Style::new(), |c| Style::new().fg(c));
    let mut spans: Vec<Span<'static>> = shown
        .into_iter()
        .map(|chip| Span::styled(chip, style))
        .collect();
    let count = format!(" +{hidden}");
    if hidden > 0 && spans_width(&spans) + width(&count) <= room {
        spans.push(Span::styled(
            count,
            Style::new().add_modifier(Modifier::DIM),
        ));
    }
    spans
}

/// The first line of a note with something on it, fitted to `room` columns: cut with `…` when
/// it is longer or when more lines follow. `None` for a note with nothing on it.
pub fn note_line(note: &str, room: usize) -> Option<String> {
    let mut lines = note.lines().filter(|l| !l.trim().is_empty());
    let first = safe(lines.next()?.trim()).into_owned();
    let more = lines.next().is_some();
    Some(cut(&first, room, more))
}

/// Columns the spans take on screen.
pub fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| width(&s.content)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(names: &[&str]) -> Vec<String> {
        names.iter().map(|&n| n.to_owned()).collect()
    }

    #[test]
    fn chips_fit_in_order_then_count_the_rest() {
        let three = labels(&["ports", "energy", "follow-up"]);
        assert_eq!(
            chips(&three, 40),
            (labels(&[" #ports", " #energy", " #follow-up"]), 0)
        );
        // " #ports" (7) + " #energy" (8) + " +1" (3) = 18.
        assert_eq!(chips(&three, 18), (labels(&[" #ports", " #energy"]), 1));
        assert_eq!(chips(&three, 12), (labels(&[" #ports"]), 2));
        assert_eq!(chips(&three, 3), (Vec::new(), 3));
        assert_eq!(chips(&three, 0), (Vec::new(), 3));
    }

    #[test]
    fn long_names_are_cut_and_hostile_ones_made_safe() {
        let (shown, _) = chips(&labels(&["a-very-long-label-name"]), 40);
        assert_eq!(shown, [" #a-very-long-l…"]);
        assert!(width(&shown[0]) <= CHIP_NAME + 2);
        let (shown, _) = chips(&labels(&["\u{1b}[31mred"]), 40);
        assert!(!shown[0].contains('\u{1b}'), "{shown:?}");
    }

    #[test]
    fn the_note_shows_its_first_line_cut_with_an_ellipsis() {
        assert_eq!(
            note_line("check the figure", 40).as_deref(),
            Some("check the figure")
        );
        assert_eq!(
            note_line("\n  ask the city  \nthen the port", 40).as_deref(),
            Some("ask the city…"),
            "more lines follow"
        );
        assert_eq!(note_line("abcdefghij", 6).as_deref(), Some("abcde…"));
        assert_eq!(note_line("  \n ", 10), None);
    }
}
