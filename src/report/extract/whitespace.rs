//! White space as a reader wants it, whatever the source did with it.

/// `text` with each line's runs of spaces and tabs made one space and trimmed, and blank lines
/// between paragraphs made exactly one; no blank line at the start or the end.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let words: Vec<&str> = line
            .split(|c: char| c.is_whitespace() && c != '\u{00A0}')
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(&words.join(" "));
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn spaces_collapse_and_paragraphs_keep_one_blank_line() {
        let text = "\n\n  The  harbour\t reopened. \n\n\n\n  Crews   returned.\nAt dawn.  \n\n";
        assert_eq!(
            normalise(text),
            "The harbour reopened.\n\nCrews returned.\nAt dawn.\n"
        );
    }

    #[test]
    fn nothing_stays_nothing() {
        assert_eq!(normalise(" \n\t\n"), "");
    }
}
