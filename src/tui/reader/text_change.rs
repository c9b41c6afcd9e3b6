//! What changed in a claim's text since it was tagged, as one short line: the words before and
//! after each change, the change itself as `[old → new]`, the rest cut to `…`. The message that
//! shows it is one status-bar row, so a quote that starts with forty unchanged words must still
//! show the word that changed.

use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use super::wrap::char_width;

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
#[cfg(test)]
pub fn describe(old: &str, new: &str) -> String {
    describe_in(old, new, usize::MAX)
}

/// [`describe`] in at most `columns` columns if it can be: fewer unchanged words around each
/// change, down to none, so that on a narrow status bar the change itself still shows.
pub fn describe_in(old: &str, new: &str, columns: usize) -> String {
    let old: Vec<&str> = old.split_whitespace().collect();
    let new: Vec<&str> = new.split_whitespace().collect();
    if old == new {
        return SPACING_ONLY.to_owned();
    }
    let deadline = Instant::now().checked_add(DEADLINE);
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &old, &new, deadline);
    let mut shown = String::new();
    for context in (0..=CONTEXT).rev() {
        shown = render(&ops, &old, &new, context);
        if shown.chars().map(char_width).sum::<usize>() <= columns {
            break;
        }
    }
    shown
}

/// The diff `ops` of the words `old` to `new` on one line, with `context` unchanged words
/// around each change.
fn render(ops: &[DiffOp], old: &[&str], new: &[&str], context: usize) -> String {
    let last = ops.len().saturating_sub(1);
    let mut parts: Vec<String> = Vec::new();
    for (i, op) in ops.iter().enumerate() {
        match *op {
            DiffOp::Equal { old_index, len, .. } => {
                parts.push(unchanged(
                    &old[old_index..old_index + len],
                    context,
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
            } if old_len == 1
                && new_len == 1
                && is_wide(old[old_index])
                && is_wide(new[new_index]) =>
            {
                parts.push(within_word(old[old_index], new[new_index], context));
            }
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

/// Whether `word` holds wide characters (Chinese, Japanese, Korean): text written without
/// spaces, where one "word" is often a whole sentence.
fn is_wide(word: &str) -> bool {
    word.chars().any(|c| char_width(c) > 1)
}

/// A change inside one long word of wide characters, shown by characters: `…停電は[三 → 四]日続い…`,
/// `context` characters kept on each side, so the change is not lost in two whole sentences.
fn within_word(old: &str, new: &str, context: usize) -> String {
    let old: Vec<char> = old.chars().collect();
    let new: Vec<char> = new.chars().collect();
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let most = old.len().min(new.len()) - prefix;
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(most)
        .take_while(|(a, b)| a == b)
        .count();
    let before: String = old[prefix.saturating_sub(context)..prefix].iter().collect();
    let after: String = old[old.len() - suffix..][..suffix.min(context)]
        .iter()
        .collect();
    // A long changed stretch keeps its ends, as a long run of changed words does.
    let cut = |chars: &[char]| -> String {
        let keep = 2 * CONTEXT;
        if chars.len() <= 2 * keep + 1 {
            chars.iter().collect()
        } else {
            let head: String = chars[..keep].iter().collect();
            let tail: String = chars[chars.len() - keep..].iter().collect();
            format!("{head}…{tail}")
        }
    };
    let gone = cut(&old[prefix..old.len() - suffix]);
    let came = cut(&new[prefix..new.len() - suffix]);
    let change = match (gone.is_empty(), came.is_empty()) {
        (true, _) => format!("[+{came}]"),
        (_, true) => format!("[−{gone}]"),
        _ => format!("[{gone} → {came}]"),
    };
    format!(
        "{}{before}{change}{after}{}",
        if prefix > context { "…" } else { "" },
        if suffix > context { "…" } else { "" }
    )
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

/// A run of unchanged words, cut to the `context` it gives the changes beside it: the end of
/// the run when it comes `first`, its start when `last`, both ends when between two changes.
fn unchanged(words: &[&str], context: usize, first: bool, last: bool) -> String {
    if first && last {
        return words.join(" ");
    }
    let keep = if first || last { context } else { 2 * context };
    if words.len() <= keep {
        return words.join(" ");
    }
    if context == 0 {
        "…".to_owned()
    } else if first {
        format!("…{}", words[words.len() - context..].join(" "))
    } else if last {
        format!("{}…", words[..context].join(" "))
    } else {
        format!(
            "{} … {}",
            words[..context].join(" "),
            words[words.len() - context..].join(" ")
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
    fn a_narrow_row_keeps_the_change_and_drops_the_words_around_it() {
        let old = "Officials speaking on condition of anonymity said investigators had found \
                   signs of tampering at the Kessendorf substation, which feeds most of the port.";
        let new = old.replace("tampering", "damage");
        assert_eq!(
            describe_in(old, &new, 60),
            "…found signs of [tampering → damage] at the Kessendorf…"
        );
        assert_eq!(
            describe_in(old, &new, 40),
            "…signs of [tampering → damage] at the…"
        );
        assert_eq!(describe_in(old, &new, 30), "…of [tampering → damage] at…");
        assert_eq!(describe_in(old, &new, 27), "… [tampering → damage] …");
        assert_eq!(
            describe_in(old, &new, 5),
            "… [tampering → damage] …",
            "the change stays"
        );
        assert_eq!(
            describe_in("a b c d e f g h i j", "a b c X e f g h i Y", 20),
            "… [d → X] … [j → Y]"
        );
    }

    #[test]
    fn a_change_inside_a_sentence_without_spaces_shows_by_characters() {
        assert_eq!(
            describe("港の停電は三日続いた。", "港の停電は四日続いた。"),
            "…停電は[三 → 四]日続い…"
        );
        assert_eq!(describe("停電。", "停電中。"), "停電[+中]。");
        assert_eq!(describe("停電中。", "停電。"), "停電[−中]。");
        assert_eq!(
            describe(
                "市長は 港の停電は三日続いた と述べた",
                "市長は 港の停電は四日続いた と述べた"
            ),
            "市長は …停電は[三 → 四]日続い… と述べた"
        );
        assert_eq!(
            describe("would", "will"),
            "[would → will]",
            "words as before"
        );
        let old = "一二三四五六七八九十一二三四五六七八九十";
        let new = "あいうえおかきくけこさしすせそたちつてと";
        assert_eq!(
            describe(old, new),
            "[一二三四五六…五六七八九十 → あいうえおか…そたちつてと]"
        );
    }

    #[test]
    fn white_space_alone_changes_no_word_and_says_so() {
        assert_eq!(describe("a  b\nc", "a b c"), SPACING_ONLY);
        assert!(!SPACING_ONLY.contains('['));
    }
}
