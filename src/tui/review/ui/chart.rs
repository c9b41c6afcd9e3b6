//! Drawing the review screen's charts: per report, the share of claims resting on named and
//! anonymous sources, unsourced and other claims as one stacked bar; the most cited sources; and how many claims rest on sources of
//! each reliability grade.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, BorderType, Paragraph};

use super::parts::tag_style;
use crate::annotate::SourceKind;
use crate::corpus::grades::{LETTERS, UNGRADED};
use crate::corpus::stats::{Counts, top_sources};
use crate::report::safe;
use crate::tui::review::Review;

/// Sources in the sources chart.
const TOP: usize = 8;

/// Draws the charts into `area`.
pub fn draw(frame: &mut Frame, review: &Review, area: Rect) {
    let [top, bottom] = Layout::vertical([Constraint::Fill(1), Constraint::Length(12)]).areas(area);
    let [sources, grades] =
        Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]).areas(bottom);
    draw_shares(frame, review, top);
    draw_sources(frame, review, sources);
    draw_grades(frame, review, grades);
}

fn block(title: String) -> Block<'static> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .title(title)
}

/// One line per report: its name and a bar of its claims split by what they rest on: a named
/// source, an anonymous one, a source of a kind not said (the first tag), none (the second tag,
/// unsourced), and the rest (other tags).
fn draw_shares(frame: &mut Frame, review: &Review, area: Rect) {
    let tags = review.tag_names();
    let first = tags.first().cloned().unwrap_or_default();
    let second = tags.get(1).cloned().unwrap_or_default();
    let dim = Style::new().add_modifier(Modifier::DIM);
    let glyphs = [
        ("█", tag_style(review, &first)),
        ("▓", tag_style(review, &first)),
        ("▚", tag_style(review, &first)),
        ("▒", tag_style(review, &second)),
        ("░", dim),
    ];
    let mut legend = vec![Span::raw(" ")];
    for ((glyph, style), name) in glyphs.iter().zip([
        "named",
        "anonymous",
        &format!("{}, kind not said", safe(&first)),
        &safe(&second),
        "other",
    ]) {
        legend.push(Span::styled(*glyph, *style));
        legend.push(Span::raw(format!(" {name} ")));
    }
    let inner_width = usize::from(area.width.saturating_sub(2));
    let name_width = (inner_width / 3).clamp(8, 32);
    let bar_width = inner_width.saturating_sub(name_width + 19).max(1);
    let mut lines = vec![];
    for i in review.visible_reports() {
        let report = &review.reports[i];
        let name: String = safe(&report.path.to_string_lossy())
            .chars()
            .take(name_width)
            .collect();
        let mut spans = vec![Span::raw(format!("{name:name_width$} "))];
        let total = report.claims.len();
        if total == 0 {
            spans.push(Span::styled("no claims", dim));
        } else {
            // A sourced claim saved before kinds were kept (or by hand) has no kind: it is
            // still sourced, so it gets its own share rather than hiding under "other".
            let mut parts = [0usize; 5];
            for claim in &report.claims {
                parts[match claim.source_kind {
                    Some(SourceKind::Named) => 0,
                    Some(SourceKind::Anonymous) => 1,
                    None if claim.status == first => 2,
                    None if claim.status == second => 3,
                    None => 4,
                }] += 1;
            }
            let cells = |n: usize| n * bar_width / total;
            let mut before = 0;
            for (n, (glyph, style)) in parts.iter().zip(glyphs) {
                let width = cells(before + n) - cells(before);
                spans.push(Span::styled(glyph.repeat(width), style));
                before += n;
            }
            let shown: Vec<String> = parts.iter().map(usize::to_string).collect();
            spans.push(Span::raw(format!(" {}", shown.join("/"))));
        }
        lines.push(Line::from(spans));
    }
    let paragraph =
        Paragraph::new(lines).block(block(" Claims per report ".to_owned()).title_bottom(legend));
    frame.render_widget(paragraph, area);
}

/// The most cited sources, longest bar first, spellings of one source counted as one (see
/// [`crate::corpus::sources`]); under the bars, the spellings each merged source includes.
fn draw_sources(frame: &mut Frame, review: &Review, area: Rect) {
    let top = top_sources(&review.reports, TOP);
    let label_width = usize::from(area.width / 3).max(6);
    let bars: Vec<Bar> = top
        .iter()
        .map(|source| {
            let label: String = safe(&source.name).chars().take(label_width).collect();
            Bar::default()
                .value(source.count as u64)
                .label(Line::raw(label))
                .text_value(source.count.to_string())
        })
        .collect();
    let title = if top.is_empty() {
        " Most cited sources: none yet ".to_owned()
    } else {
        " Most cited sources (claims) ".to_owned()
    };
    let block = block(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = u16::try_from(bars.len()).unwrap_or(u16::MAX);
    let [bars_area, merged_area] =
        Layout::vertical([Constraint::Length(rows), Constraint::Fill(1)]).areas(inner);
    let chart = BarChart::default()
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .data(BarGroup::default().bars(&bars));
    frame.render_widget(chart, bars_area);
    let dim = Style::new().add_modifier(Modifier::DIM);
    let merged: Vec<Line> = top
        .iter()
        .filter(|source| !source.variants.is_empty())
        .map(|source| {
            Line::from(vec![
                Span::raw(safe(&source.name).into_owned()),
                Span::styled(" includes ", dim),
                Span::styled(safe(&source.variants.join(", ")).into_owned(), dim),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(merged), merged_area);
}

/// Claims per reliability letter, and ungraded.
fn draw_grades(frame: &mut Frame, review: &Review, area: Rect) {
    let mut total = Counts::zero(&review.tag_names());
    for report in &review.reports {
        total.add(&Counts::of(report, &review.tag_names()));
    }
    let mut keys: Vec<(String, String)> = LETTERS
        .iter()
        .map(|l| (l.to_string(), l.to_string()))
        .collect();
    keys.push((UNGRADED.to_owned(), "?".to_owned()));
    let bars: Vec<Bar> = keys
        .iter()
        .map(|(key, label)| {
            let n = total.reliability.get(key).copied().unwrap_or(0);
            Bar::default()
                .value(n as u64)
                .label(Line::raw(label.clone()))
                .text_value(n.to_string())
        })
        .collect();
    let chart = BarChart::default()
        .block(block(" Claims per source grade (? ungraded) ".to_owned()))
        .bar_width(3)
        .bar_gap(1)
        .data(BarGroup::default().bars(&bars));
    frame.render_widget(chart, area);
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use crate::annotate::{Claim, Sidecar, now, sidecar_path};
    use crate::config::Config;
    use crate::config::keys::{Action, ReviewAction};
    use crate::corpus::Reviewed;
    use crate::report::Report;
    use crate::tui::review::{Review, update};

    /// A report in `dir` whose sentences cite `sources`, one claim each.
    fn cited(dir: &std::path::Path, name: &str, sources: &[&str]) -> Reviewed {
        let path = dir.join(name);
        std::fs::write(&path, "One here. Two here. Three here. Four here.").unwrap();
        let report = Report::load(&path).unwrap();
        let mut sidecar = Sidecar::new(&report);
        for (span, source) in report.sentences.iter().zip(sources) {
            let mut claim = Claim::new(&report, span.clone(), "sourced", "ana", now());
            claim.source = Some((*source).to_owned());
            sidecar.add(claim);
        }
        std::fs::write(sidecar_path(&path), sidecar.to_toml().unwrap()).unwrap();
        Reviewed::load(&path).unwrap()
    }

    #[test]
    fn spellings_of_one_source_are_one_bar_and_listed_under_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut review = Review::new(dir.path().to_path_buf(), Config::default());
        review.scan_found(2);
        let a = ["Rafael T. Osei", "Mr Osei", "the ministry", "Reuters"];
        review.scanned(Ok(cited(dir.path(), "a.txt", &a)));
        let b = ["osei", "Kwame Mensah", "THE MINISTRY"];
        review.scanned(Ok(cited(dir.path(), "b.txt", &b)));
        review.scan_done();
        update(&mut review, Action::Resize(100, 30));
        update(&mut review, Action::Review(ReviewAction::ViewChart));
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        terminal
            .draw(|frame| crate::tui::review::ui::draw(frame, &review))
            .unwrap();
        let buffer = terminal.backend().buffer();
        let rows: Vec<String> = (0..buffer.area.height)
            .map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect()
            })
            .collect();
        let row = |needle: &str| {
            rows.iter()
                .find(|r| r.contains(needle))
                .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{}", rows.join("\n")))
                .clone()
        };
        let osei = row("Rafael T. Osei ");
        assert!(osei.contains(" 3█"), "three claims, one bar: {osei}");
        let ministry = row("the ministry ");
        assert!(ministry.contains(" 2█"), "{ministry}");
        assert!(row("Kwame Mensah").contains(" 1█"));
        assert!(row("Reuters").contains(" 1█"));
        assert!(
            row("Rafael T. Osei includes").contains("Rafael T. Osei includes Mr Osei, osei"),
            "the variants merged"
        );
        assert!(row("the ministry includes").contains("the ministry includes THE MINISTRY"));
        assert!(
            !rows
                .iter()
                .any(|r| r.contains("Mr Osei ") && r.contains('█')),
            "no bar of its own for a variant"
        );
    }
}
