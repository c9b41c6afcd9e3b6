//! Splitting report text into sentences.
//!
//! The reader steps through a report one sentence at a time, and every tag
//! is anchored to a sentence, so this module is the single place that decides
//! where sentences begin and end. It works in two passes, both linear in the
//! length of the text and neither allocating per character:
//!
//! 1. **Blocks** (`layout.rs`). The text is cut into lines, and each single
//!    line break is judged: a soft wrap inside hard-wrapped prose is read as
//!    a space, and every other break, like every blank line, ends a block.
//!    A block therefore never spans a heading, a byline or a list item and
//!    the next line.
//! 2. **Sentences** (`split.rs`). Each block is scanned for terminal
//!    punctuation, and small rules backed by word tables (`words.rs`: titles,
//!    months, company suffixes, sentence openers) decide whether that
//!    punctuation really ends a sentence.
//!
//! Both passes skip ordinary text eight bytes at a time (`scan.rs`) and look
//! closer only at line breaks and at characters that may end a sentence, so
//! the time goes to the few places where something is decided.

mod layout;
mod list;
mod scan;
mod split;
mod words;

use std::ops::Range;

use layout::{Break, Line, Lines};

/// Returns the sentences of `text` as byte ranges into `text`.
///
/// Tags in a sidecar file point at sentences, and the reader highlights them
/// in place, so sentences are reported as ranges into the original text
/// rather than as copies: they can be sliced out, measured and re-found
/// without losing the surrounding layout, and the index costs 16 bytes per
/// sentence (the vector is shrunk to fit before it is returned).
///
/// # Guarantees
///
/// The ranges are in order, never overlap, are never empty, lie on `char`
/// boundaries and carry no leading or trailing white space. Together they
/// cover every non-white-space character of `text` exactly once. The function
/// runs in time linear in the length of the text and never panics.
///
/// # Where a sentence ends
///
/// * `.`, `?`, `!`, `…`, `‼`, `‽` and the Arabic, Urdu, Devanagari and
///   Ethiopic stops (`؟` `۔` `।` `॥` `።`) end a sentence when white space
///   follows them. A run of punctuation (`?!`, `!!`, `...`, `. . .`) stays
///   together, and closing quotes and brackets right after it (`"` `'` `”`
///   `’` `»` `)` `]` `」` ...), a closing guillemet set off by a space as in
///   French (`« Non. »`) and a footnote mark (`[3]`) belong to the sentence
///   it ends. The full-width stops `。` `！` `？` end a sentence even with no
///   space after them, except inside a Japanese quotation that a quoting
///   particle continues (`「本当ですか？」と…`).
/// * Punctuation with no white space after it never ends a sentence, which
///   keeps decimals (`3.14`), versions, web and e-mail addresses
///   (`example.com/a?b=1`, `ana.ruiz@example.org`) and file names whole.
/// * No punctuation ends a sentence when the next word starts with a
///   lower-case letter (`"Is it real?" she asked.`, `etc. and`, `p.m. on`),
///   looking past opening quotes, brackets and dashes.
/// * A `?` or `!` that closes a quotation does not end the sentence when a
///   verb of speech follows a few capitalised words (`"Why?" Dr. Hale
///   asked.`, `"Why?" I asked.`), unless the first of them is a sentence
///   opener such as `He` or `The`, which a tag would have written `he`.
/// * An ellipsis (`...`, `…`, `. . .`, `[...]`, four periods) ends a
///   sentence only when the next word is capitalised, and never when it
///   opens the sentence. A spaced ellipsis after a function word marks an
///   omission inside the sentence (`the thing is . . . I did not`). Four
///   spaced periods right after a word end the sentence at the first of
///   them, and the next sentence opens with the rest (`cut the fence. . . .
///   Nobody saw them.` gives `cut the fence.` and `. . . Nobody saw them.`).
/// * A citation in brackets after a closing quote belongs to the sentence
///   the quotation ends (`"... by night" (Osei 12).`), and so does a closing
///   quote set off from its period by a space (`... 11%. "`).
/// * Titles and Latin abbreviations (`Mr.`, `Dr.`, `Gen.`, `Sen.`, `e.g.`,
///   `i.e.`, `vs.`, `cf.`, `approx.`, `v.`) never end a sentence. Words that
///   stand before numbers (`No. 5`, `p. 55`, `pp. 4-6`, `Vol. II`, `est.
///   1990`, `74 Stat. 1021`) and months and days (`Jan. 5`) do not end one
///   before a number or a Roman numeral.
/// * Company, name and place abbreviations (`Inc.`, `Co.`, `co.`, `Jr.`,
///   `St.`, `Dist.`), dotted acronyms (`U.S.`, `Ph.D.`) and initials (`John
///   F. Kennedy`, `J. I. Case`) end a sentence only when the next word opens
///   one: a common opener such as `He`, `The`, `But` or `Officials`, a
///   personal title such as `Mr.`, or a capitalised word that opens a
///   quotation.
/// * State abbreviations (`Del.`, `Tenn.`, `Calif.`), `a.m.`, `p.m.` and
///   units after a number (`lb.`, `oz.`, `cu. ft.`, `in.`) also end one
///   before a capitalised word that a clause goes on from: the next word is
///   followed by a lower-case word that does not join it into a name
///   (`Dover, Del. Voting starts` ends; `the U.S. Department of` and `at 6
///   p.m. Friday` do not). Units never end one before a number (`50 lb. (23
///   kg)`), `/` or `--`, and a title after a short opening phrase stays (`By 7 a.m. Dr.
///   Osei had arrived`).
/// * A single capital after a lower-case word names a thing rather than a
///   person (`the set S.`, `the field F.`) and ends a sentence before an
///   opener or a clause (`Let p be ...`). The pronoun `I` ends one unless
///   more initials follow (`I. M. Lind`) or it stands between two names
///   (`Henry I. Walsh`).
/// * A list marker (`1.`, `2)`, `1.)`, `(3)`, `a.`, `b)`, `iv.`, `2.1.`,
///   `•`, `-`, `• 9.`, `⁃10.`) at the start of a sentence is part of that
///   sentence, never a sentence of its own. When a sentence opens with a
///   numbered or lettered marker, the next label in sequence with the same
///   closer, set off by spaces, starts the next item even on the same line
///   (`1) seal the site 2) recover the logs` is two sentences). Inside a
///   sentence, a run that starts at `1` or `a` after white space and goes on
///   in sequence (`Next steps: 1) seal the site 2) recover the logs`) starts
///   a sentence at each item, and the text before it is a sentence of its
///   own; a lone label (`in 2) cases`), a run out of sequence, and items a
///   conjunction joins (`1) a permit and 2) a driver`) do not.
///
/// # Line breaks: hard-wrapped text and one paragraph per line
///
/// A blank line (or a form feed or paragraph separator) always ends a
/// sentence. A single line break (`\n`, `\r\n`, `\r`, or a Unicode line
/// separator) also ends one, so a heading, a byline, a dateline or a list
/// item is a sentence of its own even without closing punctuation, unless
/// the text around the break is hard-wrapped prose. Each break is judged on
/// its own, from the lines around it, so a text may mix hard-wrapped
/// paragraphs with paragraphs written on one line each. A single break is a
/// soft wrap, that is plain white space, when all of these hold:
///
/// * the line before is not a list marker on its own (then the break is
///   always soft: the marker belongs to the item below);
/// * neither line is a Markdown-style heading (`# ...`) and the next line
///   does not start a list item (a number or a bracketed label, such as
///   `71.` or `(2)`, after a line that ends no sentence and is no list item
///   itself is carried over, not an item);
/// * the line before is 40 to 100 columns wide and the line after is at
///   most 100 (hard-wrapped prose fills its lines to 60-80 columns; a wider
///   line is a paragraph written on one line);
/// * the line before is at least three quarters as wide as the line after
///   (a line much shorter than its successor ended its paragraph);
/// * the two lines are not short lines standing between lines wider than
///   100 columns (short paragraphs of text written one paragraph per line);
/// * the next line starts with a lower-case letter, or the line before ends
///   with a function word (`the`, `of`, `and`), or else the next line is
///   itself at least 40 columns wide or ends like prose (with terminal
///   punctuation or `,` `;` `:`), and, when the line before ends in a word,
///   the next line's first word would not have fitted on it with room to
///   spare (a line ended early on purpose, as a heading is) and the line
///   before is not a title-case headline: three or more capitalised words,
///   no lower-case word longer than four letters and fewer than two commas,
///   unless the break falls inside a name (a capitalised word on both sides,
///   the next one going on like a name: `Howard` / `Cox of Austin`).
///
/// When the break is soft, punctuation at the end of the line is judged by
/// the rules above exactly as if a space stood there, so `Mr.` at the end
/// of a wrapped line does not end the sentence and `U.S.` before `He` does.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut lines = Lines::new(text);
    let Some(mut prev) = lines.next() else {
        return out;
    };
    let mut before: Option<Line> = None;
    let mut next = lines.next();
    let mut after = lines.next();
    let mut block_start = prev.start;
    while let Some(line) = next {
        let soft = !line.after_gap
            && Break {
                text,
                before: before.as_ref(),
                prev: &prev,
                next: &line,
                after: after.as_ref().filter(|after| !after.after_gap),
            }
            .is_soft();
        if !soft {
            split::split_block(text, block_start..prev.end, &mut out);
            block_start = line.start;
        }
        before = (!line.after_gap).then_some(prev);
        prev = line;
        next = after;
        after = lines.next();
    }
    split::split_block(text, block_start..prev.end, &mut out);
    out.shrink_to_fit();
    out
}

#[cfg(test)]
mod tests;
