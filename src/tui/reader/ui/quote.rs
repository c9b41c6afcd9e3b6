//! A quote fitted to a few rows of the panel: white space collapsed, cut with an ellipsis. Both
//! the claims and the dismissed suggestions in the panel show quotes so.

use crate::tui::reader::wrap::char_width;

/// The quote on at most `max` lines of `width` columns, white space collapsed, with an ellipsis
/// when it does not fit.
pub(super) fn quote_lines(quote: &str, width: usize, max: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in quote.split_whitespace() {
        let w: usize = word.chars().map(char_width).sum();
        if used > 0 && used + 1 + w <= width {
            line.push(' ');
            used += 1;
        } else if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
            if lines.len() == max {
                return finish_with_ellipsis(lines, width);
            }
        }
        for c in word.chars() {
            if used + char_width(c) > width {
                lines.push(std::mem::take(&mut line));
                used = 0;
                if lines.len() == max {
                    return finish_with_ellipsis(lines, width);
                }
            }
            line.push(c);
            used += char_width(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn finish_with_ellipsis(mut lines: Vec<String>, width: usize) -> Vec<String> {
    if let Some(last) = lines.last_mut() {
        while last.chars().map(char_width).sum::<usize>() + 1 > width {
            if last.pop().is_none() {
                break;
            }
        }
        last.push('…');
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_quotes_fit_on_one_line() {
        assert_eq!(
            quote_lines("Officials said\nit was safe.", 40, 2),
            vec!["Officials said it was safe."]
        );
    }

    #[test]
    fn long_quotes_get_two_lines_and_an_ellipsis() {
        let lines = quote_lines("one two three four five six seven eight", 10, 2);
        assert_eq!(lines, vec!["one two", "three fou…"]);
    }

    #[test]
    fn long_words_are_cut() {
        assert_eq!(quote_lines("abcdefghijkl", 5, 2), vec!["abcde", "fghi…"]);
    }
}
