//! What changed in a claim's text since it was tagged, as one short line: the words before and
//! after each change, the change itself as `[old → new]`, the rest cut to `…`. The message that
//! shows it is one status-bar row, so a quote that starts with forty unchanged words must still
//! show the word that changed.

use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

/// Unchanged words kept on each side of a change.
const CONTEXT: usize = 3;

/// What changed when no word did.
const SPACING_ONLY: &str = "only the spacing or line breaks, no word";

/// The most words a changed run shows whole; a longer one keeps its first and last
/// [`CONTEXT`] words around `…`, so that in a sentence rewritten throughout the new words still
/// show on the row beside the old ones.
const LONGEST_RUN: usize = 2 * CONTEXT + 1;

/// The most a diff may take: a claim over many paragraphs rewritten throughout must not stall a
/// key press. Past it the diff is coarser (larger changed runs), never wrong.
const DEADLINE: Duration = Duration::from_millis(20);

/// The word diff of `old` against `new`: `…the port [would → will] reopen.` Deleted words show
/// as `[−old]`, added ones as `[+new]`; runs of unchanged words longer than the context on both
/// sides are cut to `…`. Texts whose words are the same say so ([`SPACING_ONLY`]): a
/// re-wrapped paragraph changes no word, and showing the whole quote would mark nothing.
pub fn describe(old: &str, new: &str) -> String {
    let old: Vec<&str> = old.split_whitespace().collect();
    let new: Vec<&str> = new.split_whitespace().collect();
    if old == new {
        return SPACING_ONLY.to_owned();
    }
    let deadline = Instant::now().checked_add(DEADLINE);
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &old, &new, deadline);
    let last = ops.len().saturating_sub(1);
    let mut parts: Vec<String> = Vec::new();
    for (i, op) in ops.iter().enumerate() {
        match *op {
            DiffOp::Equal { old_index, len, .. } => {
                parts.push(unchanged(
                    &old[old_index..old_index + len],
                    i == 0,
                    i == last,
                ));
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => parts.push(format!(
                "[−{}]",
                changed(&old[old_index..old_index + old_len])
            )),
            DiffOp::Insert {
                new_index, new_len, ..
            } => parts.push(format!(
                "[+{}]",
                changed(&new[new_index..new_index + new_len])
            )),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => parts.push(format!(
                "[{} → {}]",
                changed(&old[old_index..old_index + old_len]),
                changed(&new[new_index..new_index + new_len])
            )),
        }
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" ")
}

/// A run of changed words, its middle cut to `…` when longer than [`LONGEST_RUN`].
fn changed(words: &[&str]) -> String {
    if words.len() <= LONGEST_RUN {
        return words.join(" ");
    }
    format!(
        "{} … {}",
        words[..CONTEXT].join(" "),
        words[words.len() - CONTEXT..].join(" ")
    )
}

/// A run of unchanged words, cut to the context it gives the changes beside it: the end of the
/// run when it comes `first`, its start when `last`, both ends when between two changes.
fn unchanged(words: &[&str], first: bool, last: bool) -> String {
    if first && last {
        return words.join(" ");
    }
    let keep = if first || last { CONTEXT } else { 2 * CONTEXT };
    if words.len() <= keep {
        return words.join(" ");
    }
    if first {
        format!("…{}", words[words.len() - CONTEXT..].join(" "))
    } else if last {
        format!("{}…", words[..CONTEXT].join(" "))
    } else {
        format!(
            "{} … {}",
            words[..CONTEXT].join(" "),
            words[words.len() - CONTEXT..].join(" ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_word_late_in_a_long_quote_shows_with_its_neighbours() {
        let old = "Officials speaking on condition of anonymity said investigators had found \
                   signs of tampering at the Kessendorf substation.";
        let new = old.replace("Kessendorf", "Valmere");
        assert_eq!(
            describe(old, &new),
            "…tampering at the [Kessendorf → Valmere] substation."
        );
    }

    #[test]
    fn additions_deletions_and_distant_changes_each_show() {
        assert_eq!(
            describe("one two three four", "one two three four five"),
            "…two three four [+five]"
        );
        assert_eq!(describe("a b c", "a c"), "a [−b] c");
        assert_eq!(
            describe(
                "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10",
                "x1 w2 w3 w4 w5 w6 w7 w8 w9 x10"
            ),
            "[w1 → x1] w2 w3 w4 … w7 w8 w9 [w10 → x10]"
        );
    }

    #[test]
    fn a_text_rewritten_throughout_shows_the_new_words_on_one_row() {
        let old: Vec<String> = (1..=40).map(|i| format!("old{i}")).collect();
        let new: Vec<String> = (1..=40).map(|i| format!("new{i}")).collect();
        let change = describe(&old.join(" "), &new.join(" "));
        assert_eq!(
            change,
            "[old1 old2 old3 … old38 old39 old40 → new1 new2 new3 … new38 new39 new40]"
        );
        let added = describe("a", &format!("a {}", new.join(" ")));
        assert_eq!(added, "a [+new1 new2 new3 … new38 new39 new40]");
        let seven = "n1 n2 n3 n4 n5 n6 n7";
        assert_eq!(
            describe("o", seven),
            format!("[o → {seven}]"),
            "short runs whole"
        );
    }

    #[test]
    fn white_space_alone_changes_no_word_and_says_so() {
        assert_eq!(describe("a  b\nc", "a b c"), SPACING_ONLY);
        assert!(!SPACING_ONLY.contains('['));
    }
}
