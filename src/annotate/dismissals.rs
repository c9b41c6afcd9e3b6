//! Merging two writers' lists of dismissed suggestions.
//!
//! A dismissal is an edit like a claim: the user can bring a dismissed suggestion back, so a
//! merge must keep a restore as it keeps a dismissal. A plain union would put a restored
//! suggestion's dismissal back from the other side's older copy.

use super::Dismissed;

/// Merges `ours` and `theirs`, two descendants of `base`, by the sentence's text: a dismissal
/// either side made since `base` is kept, and one that was in `base` and that either side
/// restored (removed) stays restored. In document order.
pub fn merge_dismissed(
    base: &[Dismissed],
    ours: &[Dismissed],
    theirs: &[Dismissed],
) -> Vec<Dismissed> {
    let has = |list: &[Dismissed], quote: &str| list.iter().any(|d| d.quote == quote);
    let mut merged: Vec<Dismissed> = Vec::with_capacity(ours.len().max(theirs.len()));
    for d in ours.iter().chain(theirs) {
        if has(&merged, &d.quote) {
            continue;
        }
        let restored = has(base, &d.quote) && !(has(ours, &d.quote) && has(theirs, &d.quote));
        if !restored {
            merged.push(d.clone());
        }
    }
    merged.sort_by_key(|d| (d.start, d.end));
    merged
}

/// Whether two lists dismiss the same sentences (by their text, whatever the order).
pub fn same_dismissed(a: &[Dismissed], b: &[Dismissed]) -> bool {
    a.len() == b.len() && a.iter().all(|d| b.iter().any(|e| e.quote == d.quote))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(quote: &str, start: usize) -> Dismissed {
        Dismissed {
            start,
            end: start + quote.chars().count(),
            quote: quote.to_owned(),
            extra: toml::Table::new(),
        }
    }

    fn quotes(list: &[Dismissed]) -> Vec<&str> {
        list.iter().map(|d| d.quote.as_str()).collect()
    }

    #[test]
    fn dismissals_made_on_either_side_are_kept_in_document_order() {
        let base = [d("One.", 0)];
        let ours = [d("One.", 0), d("Three.", 10)];
        let theirs = [d("Two.", 5), d("One.", 0)];
        assert_eq!(
            quotes(&merge_dismissed(&base, &ours, &theirs)),
            ["One.", "Two.", "Three."]
        );
    }

    #[test]
    fn a_restore_on_either_side_is_not_undone_by_the_other_sides_copy() {
        let base = [d("One.", 0), d("Two.", 5)];
        let ours = [d("Two.", 5)];
        let theirs = [d("One.", 0), d("Two.", 5)];
        assert_eq!(quotes(&merge_dismissed(&base, &ours, &theirs)), ["Two."]);
        assert_eq!(quotes(&merge_dismissed(&base, &theirs, &ours)), ["Two."]);
        assert!(merge_dismissed(&base, &[], &base).is_empty());
    }

    #[test]
    fn the_same_dismissal_on_both_sides_is_kept_once() {
        let list = [d("One.", 0), d("Two.", 5)];
        assert_eq!(merge_dismissed(&[], &list, &list), list);
        assert_eq!(merge_dismissed(&list, &list, &list), list);
    }

    #[test]
    fn a_dismissal_made_again_after_its_restore_elsewhere_stays() {
        // Not in base: one side dismissed it anew, so the other's lack of it is no restore.
        let ours = [d("One.", 0)];
        assert_eq!(quotes(&merge_dismissed(&[], &ours, &[])), ["One."]);
    }

    #[test]
    fn sameness_is_by_the_sentences_text() {
        assert!(same_dismissed(
            &[d("One.", 0), d("Two.", 5)],
            &[d("Two.", 5), d("One.", 0)]
        ));
        assert!(!same_dismissed(&[d("One.", 0)], &[d("Two.", 5)]));
    }
}
