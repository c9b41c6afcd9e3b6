//! Where a sentence states a value its group disagrees on (a number, a date, a name), so that
//! the panel, the list and the review screen can show it apart; and the sentence cut into lines
//! keeping those marks.

use crate::corroborate::Difference;
use crate::tui::reader::wrap::char_width;

/// A piece of text, and whether it is a value the group disagrees on.
pub type Piece = (String, bool);

/// `text` cut into pieces, the values of `differences` found in it (whole words, case-blind)
/// marked.
pub fn marked(text: &str, differences: &[Difference]) -> Vec<Piece> {
    let fold = |c: char| c.to_lowercase().next().unwrap_or(c);
    let values: Vec<Vec<char>> = differences
        .iter()
        .flat_map(|d| &d.values)
        .map(|v| v.chars().map(fold).collect::<Vec<char>>())
        .filter(|v| !v.is_empty())
        .collect();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let lower: Vec<char> = chars.iter().map(|&(_, c)| fold(c)).collect();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
    let word = |i: usize| chars.get(i).is_some_and(|c| c.1.is_alphanumeric());
    let mut pieces = Vec::new();
    let mut plain = 0;
    let mut i = 0;
    while i < chars.len() {
        let found = (i == 0 || !word(i - 1))
            .then(|| {
                values
                    .iter()
                    .filter(|v| lower[i..].starts_with(v) && !word(i + v.len()))
                    .map(Vec::len)
                    .max()
            })
            .flatten();
        match found {
            Some(n) => {
                if plain < byte(i) {
                    pieces.push((text[plain..byte(i)].to_owned(), false));
                }
                pieces.push((text[byte(i)..byte(i + n)].to_owned(), true));
                i += n;
                plain = byte(i);
            }
            None => i += 1,
        }
    }
    if plain < text.len() {
        pieces.push((text[plain..].to_owned(), false));
    }
    pieces
}

/// `pieces` on at most `max` lines of `width` columns, cut where the text has white space (a
/// word too long for a line is cut), the last line ending in `…` when the text goes on. Each
/// line is its words with their marks, one space apart; a word may hold pieces marked and not
/// ("Three," is the marked "Three" and a plain ",").
pub fn lines(pieces: &[Piece], width: usize, max: usize) -> Vec<Vec<Piece>> {
    let width = width.max(2);
    let mut lines: Vec<Vec<Piece>> = Vec::new();
    let mut line: Vec<Piece> = Vec::new();
    let mut used = 0;
    for word in words(pieces) {
        let w: usize = word
            .iter()
            .map(|(t, _)| t.chars().map(char_width).sum::<usize>())
            .sum();
        if used > 0 && used + 1 + w > width {
            lines.push(std::mem::take(&mut line));
            used = 0;
            if lines.len() == max {
                return ellipsis(lines, width);
            }
        }
        if used > 0 {
            line.push((" ".to_owned(), false));
            used += 1;
        }
        for (text, mark) in word {
            let mut taken = 0;
            let text: String = text
                .chars()
                .take_while(|&c| {
                    taken += char_width(c);
                    used + taken <= width
                })
                .collect();
            used += text.chars().map(char_width).sum::<usize>();
            line.push((text, mark));
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The words of `pieces` (split at white space), each as its pieces.
fn words(pieces: &[Piece]) -> Vec<Vec<Piece>> {
    let mut words: Vec<Vec<Piece>> = Vec::new();
    let mut word: Vec<Piece> = Vec::new();
    for (text, mark) in pieces {
        let mut part = String::new();
        for c in text.chars() {
            if c.is_whitespace() {
                if !part.is_empty() {
                    word.push((std::mem::take(&mut part), *mark));
                }
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            } else {
                part.push(c);
            }
        }
        if !part.is_empty() {
            word.push((part, *mark));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Ends the last of `lines` with `…`, cutting it to leave room.
fn ellipsis(mut lines: Vec<Vec<Piece>>, width: usize) -> Vec<Vec<Piece>> {
    if let Some(last) = lines.last_mut() {
        let mut used: usize = last
            .iter()
            .map(|(t, _)| t.chars().map(char_width).sum::<usize>())
            .sum();
        while used + 1 > width {
            let Some((text, _)) = last.last_mut() else {
                break;
            };
            match text.pop() {
                Some(c) => used -= char_width(c),
                None => {
                    last.pop();
                }
            }
        }
        last.push(("…".to_owned(), false));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corroborate::FactKind;

    fn differs(values: &[&str]) -> Vec<Difference> {
        vec![Difference {
            kind: FactKind::Number,
            values: values.iter().map(|v| (*v).to_owned()).collect(),
        }]
    }

    #[test]
    fn values_are_marked_as_whole_words_whatever_their_case() {
        let pieces = marked(
            "Two officers, not twofold: two of 8,000.",
            &differs(&["two", "8,000"]),
        );
        let marked: Vec<&str> = pieces
            .iter()
            .filter(|(_, m)| *m)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(marked, ["Two", "two", "8,000"]);
        let whole: String = pieces.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(whole, "Two officers, not twofold: two of 8,000.");
    }

    #[test]
    fn lines_keep_the_marks_and_end_in_an_ellipsis() {
        let pieces = marked(
            "Three, police officers were hurt when the bridge fell",
            &differs(&["Three"]),
        );
        let lines = lines(&pieces, 16, 2);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0][0], ("Three".to_owned(), true));
        assert_eq!(
            lines[0][1],
            (",".to_owned(), false),
            "no space before the comma"
        );
        let text = |l: &Vec<Piece>| l.iter().map(|(t, _)| t.as_str()).collect::<String>();
        assert_eq!(text(&lines[0]), "Three, police");
        assert_eq!(text(&lines[1]), "officers were…");
        assert!(text(&lines[1]).chars().count() <= 16);
    }
}
