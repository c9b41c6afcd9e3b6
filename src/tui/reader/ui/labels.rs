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
    use crate::annotate::{Claim, Sidecar};
    use crate::config::Config;
    use crate::config::keys::Action;
    use crate::report::{Encoding, Report};
    use crate::tui::reader::update;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    const TEXT: &str = "The minister said the port would reopen on Monday after the storm. \
Officials said repairs were done. The cost is unknown.";

    /// A reader on [`TEXT`] with a claim on each sentence, `edit` applied to each, `width`
    /// columns wide; returns it and its screen's rows.
    fn screen(width: u16, edit: impl Fn(usize, &mut Claim)) -> (App, Terminal<TestBackend>) {
        let report = Report::from_text(
            std::path::Path::new("r.txt"),
            TEXT.to_owned(),
            Encoding::Utf8,
            String::new(),
        );
        let mut sidecar = Sidecar::new(&report);
        let when = "2026-11-25T09:00:00Z".parse().expect("date");
        for (n, span) in report.sentences.clone().into_iter().enumerate() {
            let mut claim = Claim::new(&report, span, "sourced", "ed", when);
            claim.id = format!("c{n}");
            edit(n, &mut claim);
            sidecar.add(claim);
        }
        let mut config = Config {
            author: "ed".into(),
            color: true,
            ..Config::default()
        };
        config.suggest.enabled = false;
        let mut app = App::new(report, Some(sidecar), config, None);
        update(&mut app, Action::Resize(width, 20));
        let mut terminal = Terminal::new(TestBackend::new(width, 20)).expect("terminal");
        terminal
            .draw(|frame| super::super::draw(frame, &app))
            .expect("draws");
        (app, terminal)
    }

    fn rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
        let buffer = terminal.backend().buffer();
        (0..buffer.area.height)
            .map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect()
            })
            .collect()
    }

    /// The row holding `needle` and where in it (in cells), or a failure listing the screen.
    fn at(terminal: &Terminal<TestBackend>, needle: &str) -> (usize, u16) {
        let rows = rows(terminal);
        rows.iter()
            .zip(0..)
            .find_map(|(row, y)| {
                row.find(needle)
                    .map(|byte| (row[..byte].chars().count(), y))
            })
            .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{}", rows.join("\n")))
    }

    #[test]
    fn the_panel_shows_labels_as_chips_and_the_notes_first_line() {
        let (app, terminal) = screen(120, |n, claim| {
            if n == 0 {
                claim.labels = vec!["ports".into(), "energy".into()];
                claim.note = Some("Check the transcript.\nThen call the ministry.".into());
                claim.source = Some("the minister".into());
            }
        });
        let (x, y) = at(&terminal, "#ports #energy — the minister");
        let head = &rows(&terminal)[usize::from(y)];
        assert!(head.contains("sourced"), "on the claim's first row: {head}");
        let buffer = terminal.backend().buffer();
        let cell = &buffer[(u16::try_from(x).expect("column"), y)];
        assert_eq!(
            cell.fg, app.config.theme.accent,
            "chips in the accent colour"
        );
        // The panel starts at the selection's mark, on the claim's first row.
        let left = head.chars().position(|c| c == '▍').expect("selected");
        let below = &rows(&terminal)[usize::from(y + 1)];
        assert!(
            below
                .chars()
                .skip(left)
                .collect::<String>()
                .contains("▍ The minister said"),
            "the quote on the next row: {below}"
        );
        let (x, note) = at(&terminal, "✎ Check the transcript.…");
        assert_eq!(note, y + 2, "the note takes the quote's second row");
        let text = &buffer[(u16::try_from(x + 2).expect("column"), note)];
        assert!(text.modifier.contains(Modifier::DIM), "the note is dim");
        // A claim without a note keeps two rows of quote and shows no `✎`.
        let panel: Vec<String> = rows(&terminal)
            .iter()
            .map(|r| r.chars().skip(left).collect())
            .collect();
        assert_eq!(
            panel.iter().filter(|r| r.contains('✎')).count(),
            1,
            "only the claim with a note: {panel:#?}"
        );
    }

    #[test]
    fn the_panel_title_names_the_label_filter() {
        let (mut app, mut terminal) = screen(120, |n, claim| {
            if n != 1 {
                claim.labels = vec!["ports".into()];
            }
        });
        while app.label_filter.is_none() {
            update(&mut app, Action::CycleFilter);
        }
        terminal
            .draw(|frame| super::super::draw(frame, &app))
            .expect("draws");
        let (_, y) = at(&terminal, "[#ports]");
        assert_eq!(y, 0, "in the panel's title");
        let panel_rows = rows(&terminal)
            .iter()
            .filter(|r| r.contains(" s sourced"))
            .count();
        assert_eq!(panel_rows, 2, "the two labelled claims, not the third");
    }

    #[test]
    fn a_narrow_panel_cuts_the_chips_and_keeps_the_source_in_sight() {
        let long = |n: usize| format!("a-rather-long-label-{n}");
        let (_, terminal) = screen(60, |n, claim| {
            if n == 0 {
                claim.labels = (1..=5).map(long).collect();
                claim.source = Some("the minister".into());
                claim.note = Some(
                    "one two three four five six seven eight nine ten eleven twelve thirteen"
                        .into(),
                );
            }
        });
        let (_, y) = at(&terminal, "#a-rather-long…");
        let head = rows(&terminal)[usize::from(y)].clone();
        assert!(
            head.contains(" +"),
            "the labels left out are counted: {head}"
        );
        assert!(
            head.contains("— the mi"),
            "the source keeps a few columns: {head}"
        );
        assert!(!head.contains("label-5"), "{head}");
        let (_, note) = at(&terminal, "✎ one two");
        let row = rows(&terminal)[usize::from(note)].clone();
        assert!(row.contains('…') && !row.contains("thirteen"), "cut: {row}");
    }

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
