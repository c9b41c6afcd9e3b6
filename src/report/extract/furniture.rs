//! Page furniture that reader mode lets through, and pages that hold no article at all.
//!
//! Readability keeps a block when it scores like prose, so the furniture repeated inside the
//! article's container survives it: a "HIDE CAPTION" under every photo, a promo headline
//! repeated between paragraphs. And on a page with no article (a section front, a list of
//! links) it still picks the best block it can, which is navigation. Both are judged here on
//! the extracted text and the article's markup, apart from the parsing itself.

use dom_smoothie::Readability;

/// A line seen this many times in one page is furniture, not the article's words.
const REPEATS: usize = 3;

/// Only short lines are taken for furniture: a repeated paragraph is the writer's choice.
const MAX_FURNITURE_CHARS: usize = 120;

/// When more of the article's text than this lies inside links, it is a list of links (a
/// section front, a menu), not an article.
const MAX_LINK_SHARE: f64 = 0.5;

/// `text` (normalised: one block a line) without the short lines it repeats [`REPEATS`] times or
/// more. A line that ends like a sentence or introduces one (`.`, `!`, `?`, a closing quote, a
/// speaker's `:`) is kept however often it comes, since transcripts repeat those.
pub fn drop_repeated(text: &str) -> String {
    let mut seen = std::collections::HashMap::<&str, usize>::new();
    for line in text.lines().map(str::trim).filter(|l| is_furniture_like(l)) {
        *seen.entry(line).or_default() += 1;
    }
    let mut kept = String::with_capacity(text.len());
    for line in text
        .lines()
        .filter(|line| seen.get(line.trim()).is_none_or(|n| *n < REPEATS))
    {
        kept.push_str(line);
        kept.push('\n');
    }
    kept
}

/// A short line with no sentence ending: a caption button, a headline, a label.
fn is_furniture_like(line: &str) -> bool {
    !line.is_empty()
        && line.chars().count() <= MAX_FURNITURE_CHARS
        && !line.ends_with(['.', '!', '?', ':', '"', '\u{201D}', '\u{2019}', '\''])
}

/// Whether the article Readability picked (its markup, `content`) is mostly links: the share of
/// its visible characters inside `<a>` elements is over [`MAX_LINK_SHARE`].
pub fn mostly_links(content: &str) -> bool {
    let Ok(reader) = Readability::new(content, None, None) else {
        return false;
    };
    let visible = |text: &str| text.chars().filter(|c| !c.is_whitespace()).count();
    let all = visible(&reader.doc.select("body").text());
    let linked = visible(&reader.doc.select("a").text());
    #[allow(clippy::cast_precision_loss)]
    let share = linked as f64 / all.max(1) as f64;
    all > 0 && share > MAX_LINK_SHARE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_repeated_three_times_are_dropped_wherever_they_are() {
        let text = "Harbour lights return\nPower came back on Tuesday.\nHIDE CAPTION\n\
                    Crews worked all day.\nHIDE CAPTION\nRead more: ten beaches to visit\n\
                    HIDE CAPTION\nRead more: ten beaches to visit\nTraders lost a day.\n\
                    Read more: ten beaches to visit\n";
        assert_eq!(
            drop_repeated(text),
            "Harbour lights return\nPower came back on Tuesday.\nCrews worked all day.\n\
             Traders lost a day.\n"
        );
    }

    #[test]
    fn twice_sentences_and_speakers_are_kept() {
        let twice = "Photo: harbour at dusk\nText.\nPhoto: harbour at dusk\n";
        assert_eq!(drop_repeated(twice), twice);
        let transcript = "MAYOR:\nWe will reopen.\nREPORTER:\nWhen?\nMAYOR:\nSoon.\n\
                          REPORTER:\nWhen?\nMAYOR:\nNo.\nREPORTER:\nWhen?\n";
        assert_eq!(drop_repeated(transcript), transcript);
        let long = format!(
            "{}\n",
            "a long repeated paragraph without an end ".repeat(4)
        );
        let paragraphs = long.repeat(3);
        assert_eq!(drop_repeated(&paragraphs), paragraphs);
    }

    #[test]
    fn a_list_of_links_is_mostly_links_and_an_article_is_not() {
        let links = "<div><ul><li><a href=/a>Storm closes the coast road</a></li>\
                     <li><a href=/b>Election night live</a></li>\
                     <li><a href=/c>Follow us</a></li></ul><p>Updated 5 min ago</p></div>";
        assert!(mostly_links(links));
        let article = "<div><p>Power came back to the eastern docks on Tuesday, the \
                       <a href=/auth>harbour authority</a> said in a statement.</p></div>";
        assert!(!mostly_links(article));
        assert!(!mostly_links(""));
    }
}
