//! Finding a claim's text again when the report changed after the claim was saved.

use super::Claim;
use crate::report::Report;

/// Where a claim stands against the current text of its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The quote is still at the saved offsets.
    Exact,
    /// The quote was found elsewhere; the claim's offsets and context were updated.
    Moved,
    /// The quote is nowhere in the text; the claim is kept unchanged and shown as orphaned.
    Orphaned,
}

/// Checks `claim` against `report` and moves it to its quote's new place when the text changed.
///
/// Among all places the quote occurs, the one whose surrounding text best matches the saved
/// prefix and suffix wins, and among equals the one nearest the old offset, so an edit elsewhere
/// in the report never moves a claim onto another copy of the same words.
pub fn reanchor(claim: &mut Claim, report: &Report) -> Anchor {
    if claim.quote.is_empty() {
        return Anchor::Orphaned;
    }
    if let Some(span) = claim.byte_span(report)
        && report.text.get(span) == Some(claim.quote.as_str())
    {
        return Anchor::Exact;
    }
    let old = report
        .index
        .byte_of(&report.text, claim.start.min(report.index.len_chars()))
        .unwrap_or(0);
    let best = report
        .text
        .match_indices(claim.quote.as_str())
        .map(|(at, quote)| {
            let before = &report.text[..at];
            let after = &report.text[at + quote.len()..];
            let context =
                common_suffix(before, &claim.prefix) + common_prefix(after, &claim.suffix);
            (at, context, at.abs_diff(old))
        })
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)));
    match best {
        Some((at, _, _)) => {
            let len = claim.quote.len();
            claim.anchor_to(report, at..at + len);
            Anchor::Moved
        }
        None => Anchor::Orphaned,
    }
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::now;
    use crate::report::Encoding;
    use proptest::prelude::*;
    use std::path::Path;

    fn report(text: &str) -> Report {
        Report::from_text(
            Path::new("r.txt"),
            text.to_owned(),
            Encoding::Utf8,
            String::new(),
        )
    }

    fn claim_on(text: &str, quote: &str) -> Claim {
        let r = report(text);
        let at = text.find(quote).expect("quote in text");
        Claim::new(&r, at..at + quote.len(), "sourced", "ana", now())
    }

    #[test]
    fn unchanged_text_is_exact() {
        let mut claim = claim_on("A said B. C said D.", "C said D.");
        assert_eq!(
            reanchor(&mut claim, &report("A said B. C said D.")),
            Anchor::Exact
        );
    }

    #[test]
    fn inserted_text_moves_the_claim() {
        let mut claim = claim_on("A said B. C said D.", "C said D.");
        let changed = report("Breaking: A said B. C said D.");
        assert_eq!(reanchor(&mut claim, &changed), Anchor::Moved);
        assert_eq!((claim.start, claim.end), (20, 29));
    }

    #[test]
    fn context_picks_the_right_copy() {
        let text = "First: it rained. Second: it rained.";
        let second = text.rfind("it rained.").expect("found");
        let r = report(text);
        let mut claim = Claim::new(&r, second..text.len(), "sourced", "ana", now());
        let changed = report("Intro. First: it rained. Second: it rained.");
        assert_eq!(reanchor(&mut claim, &changed), Anchor::Moved);
        assert_eq!(
            claim.prefix, "ntro. First: it rained. Second: ",
            "32 code points at most"
        );
    }

    #[test]
    fn deleted_quote_is_orphaned_and_kept() {
        let mut claim = claim_on("A said B. C said D.", "C said D.");
        let before = claim.clone();
        assert_eq!(reanchor(&mut claim, &report("A said B.")), Anchor::Orphaned);
        assert_eq!(claim, before);
    }

    proptest! {
        #[test]
        fn moved_text_is_found(head in "[a-z .é]{0,40}", quote in "[A-Z][a-z ]{3,20}\\.", tail in "[a-z .]{0,40}", insert in "[a-z ]{1,30}") {
            let text = format!("{head}{quote}{tail}");
            let mut claim = claim_on(&text, &quote);
            prop_assume!(!insert.contains(&quote) && !head.contains(&quote));
            let changed = report(&format!("{insert}{text}"));
            prop_assert_ne!(reanchor(&mut claim, &changed), Anchor::Orphaned);
            let span = claim.byte_span(&changed).expect("in range");
            prop_assert_eq!(&changed.text[span], quote.as_str());
        }
    }
}
