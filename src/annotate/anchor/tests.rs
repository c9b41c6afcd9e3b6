//! Tests of re-anchoring: the steps on hand-made edits, the edit distance against the
//! textbook table, and properties over generated reports.

use super::myers::Pattern;
use super::*;
use crate::annotate::now;
use crate::report::Encoding;
use proptest::prelude::*;
use std::fmt::Write as _;
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

/// Re-anchors a claim on `quote` in `before` against `after`, and checks the claim then
/// covers exactly `expected` there, with offsets, quote and context to match.
fn follow(before: &str, quote: &str, after: &str, expected: &str) -> Anchor {
    let mut claim = claim_on(before, quote);
    let changed = report(after);
    let anchor = reanchor(&mut claim, &changed);
    let at = after
        .find(expected)
        .expect("expected text in the new report");
    let fresh = Claim::new(&changed, at..at + expected.len(), "sourced", "ana", now());
    assert_eq!(
        (
            &claim.quote,
            claim.start,
            claim.end,
            &claim.prefix,
            &claim.suffix
        ),
        (
            &fresh.quote,
            fresh.start,
            fresh.end,
            &fresh.prefix,
            &fresh.suffix
        ),
        "{anchor:?}"
    );
    anchor
}

const STORY: &str = "The harbour lights failed at 3:40 a.m. on Tuesday. \
    Officials at the grid authority said a cable had burned through near the pier. \
    Engineers restored power to the hospital first, then to the container terminal. \
    Shops along the quay stayed shut until the afternoon.";

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
fn text_added_after_leaves_the_claim_exact() {
    let quote = "Engineers restored power to the hospital first, then to the container terminal.";
    let after = format!("{STORY} A second outage followed on Friday.");
    assert_eq!(follow(STORY, quote, &after, quote), Anchor::Exact);
}

#[test]
fn a_deletion_elsewhere_moves_the_claim() {
    let quote = "Shops along the quay stayed shut until the afternoon.";
    let after = STORY.replace("The harbour lights failed at 3:40 a.m. on Tuesday. ", "");
    assert_eq!(follow(STORY, quote, &after, quote), Anchor::Moved);
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
fn context_picks_the_right_copy_far_away() {
    let filler = "Nothing else happened that day. ".repeat(4000);
    let text = format!("Mayor: it rained. {filler}Chief: it rained. {filler}");
    let second = text.rfind("it rained.").expect("found");
    let mut claim = Claim::new(&report(&text), second..second + 10, "sourced", "ana", now());
    let changed = report(&format!("Intro. {text}"));
    assert_eq!(reanchor(&mut claim, &changed), Anchor::Moved);
    assert!(claim.prefix.ends_with("Chief: "), "{}", claim.prefix);
}

#[test]
fn deleted_quote_is_orphaned_and_kept() {
    let mut claim = claim_on("A said B. C said D.", "C said D.");
    let before = claim.clone();
    assert_eq!(reanchor(&mut claim, &report("A said B.")), Anchor::Orphaned);
    assert_eq!(claim, before);
}

#[test]
fn a_fixed_typo_is_found_fuzzily() {
    let before = STORY.replace("authority", "autority");
    assert_eq!(
        follow(
            &before,
            "Officials at the grid autority said a cable had burned through near the pier.",
            STORY,
            "Officials at the grid authority said a cable had burned through near the pier."
        ),
        Anchor::Fuzzy
    );
}

#[test]
fn a_typo_fixed_in_a_short_quote_with_text_inserted_before_is_found() {
    let before = "Rain fell all night. The mayor resgned. Shops closed at noon.";
    let after = "Rain fell all night. UPDATE 14:00: The mayor resigned. Shops closed at noon.";
    assert_eq!(
        follow(before, "The mayor resgned.", after, "The mayor resigned."),
        Anchor::Fuzzy
    );
}

#[test]
fn a_rewrapped_paragraph_is_found_fuzzily() {
    let wrap = |width: usize| {
        let mut out = String::new();
        let mut line = 0;
        for word in STORY.split(' ') {
            if line > 0 && line + 1 + word.len() > width {
                out.push('\n');
                line = 0;
            } else if line > 0 {
                out.push(' ');
                line += 1;
            }
            out.push_str(word);
            line += word.len();
        }
        out
    };
    let (narrow, wide) = (wrap(38), wrap(61));
    let sentence = |text: &str| {
        let from = text.find("Officials").expect("start");
        let to = text.find("pier.").expect("end") + "pier.".len();
        text[from..to].to_owned()
    };
    let (old, new) = (sentence(&narrow), sentence(&wide));
    assert_ne!(old, new, "the sentence is wrapped differently");
    assert_eq!(follow(&narrow, &old, &wide, &new), Anchor::Fuzzy);
}

#[test]
fn a_word_added_or_removed_in_a_long_quote_is_found() {
    let quote = "Engineers restored power to the hospital first, then to the container terminal.";
    let added = quote.replace("the container", "the busy container");
    let after = STORY.replace(quote, &added);
    assert_eq!(follow(STORY, quote, &after, &added), Anchor::Fuzzy);
    let removed = quote.replace(" first,", ",");
    let after = STORY.replace(quote, &removed);
    assert_eq!(follow(STORY, quote, &after, &removed), Anchor::Fuzzy);
}

#[test]
fn a_reworded_ending_is_taken_in_whole() {
    let before = "Power returned at dusk. The outage is believed to be the longest in the \
        city’s history. Investigators have not ruled out sabotage.";
    let after = "Power returned at dusk. The outage is believed to be the longest in the \
        history of the city. Investigators have not ruled out sabotage.";
    assert_eq!(
        follow(
            before,
            "The outage is believed to be the longest in the city’s history.",
            after,
            "The outage is believed to be the longest in the history of the city."
        ),
        Anchor::Fuzzy
    );
}

#[test]
fn an_edited_paragraph_moved_far_away_is_found() {
    let quote = "Officials at the grid authority said a cable had burned through near the pier.";
    let filler = "Nothing else happened that day. ".repeat(5000);
    let edited = quote.replace("a cable", "one cable");
    let before = format!("{STORY}\n\n{filler}");
    let after = format!("{filler}\n\n{}", STORY.replace(quote, &edited));
    assert_eq!(follow(&before, quote, &after, &edited), Anchor::Fuzzy);
}

#[test]
fn an_edited_quote_with_all_its_context_changed_is_orphaned() {
    let quote = "Officials at the grid authority said a cable had burned through near the pier.";
    let filler = "Nothing else happened that day. ".repeat(50);
    let edited = quote.replace("a cable", "one cable");
    let after = STORY.replace(quote, "") + &filler + &edited;
    let mut claim = claim_on(STORY, quote);
    assert_eq!(reanchor(&mut claim, &report(&after)), Anchor::Orphaned);
}

#[test]
fn a_deleted_sentence_does_not_latch_onto_a_similar_one() {
    let text = "The port reopened on Monday. The port reopened to ferries on Tuesday. \
        Trucks queued for hours.";
    let mut claim = claim_on(text, "The port reopened on Monday.");
    let before = claim.clone();
    let changed = report("The port reopened to ferries on Tuesday. Trucks queued for hours.");
    assert_eq!(reanchor(&mut claim, &changed), Anchor::Orphaned);
    assert_eq!(claim, before);
}

#[test]
fn context_beats_fewer_edits_next_door() {
    // The sentence before is closer to the old quote, but the edited claim keeps its context.
    let before = "A: The ship left port at dawn on Monday. B: The ship left port at noon on \
        Monday. Cargo was unloaded by evening.";
    let after = "A: The ship left port at dawn on Monday. B: The big ship left its port at \
        noon on Monday. Cargo was unloaded by evening.";
    assert_eq!(
        follow(
            before,
            "The ship left port at noon on Monday.",
            after,
            "The big ship left its port at noon on Monday."
        ),
        Anchor::Fuzzy
    );
}

#[test]
fn a_claim_rewritten_in_place_is_orphaned() {
    // The context is intact, but the claim now says something else: its tag must not follow.
    let before = "Trucks queued all night. The port reopened on Monday. Ferries kept running.";
    let after = "Trucks queued all night. The port stayed closed on Monday. Ferries kept running.";
    let mut claim = claim_on(before, "The port reopened on Monday.");
    assert_eq!(reanchor(&mut claim, &report(after)), Anchor::Orphaned);
}

#[test]
fn a_sentence_replaced_by_another_is_orphaned() {
    let quote = "Officials at the grid authority said a cable had burned through near the pier.";
    let after = STORY.replace(quote, "Nobody has said what caused the failure.");
    let mut claim = claim_on(STORY, quote);
    assert_eq!(reanchor(&mut claim, &report(&after)), Anchor::Orphaned);
}

#[test]
fn reanchor_all_agrees_with_reanchor_one_by_one() {
    let quotes = [
        "The harbour lights failed at 3:40 a.m. on Tuesday.",
        "Officials at the grid authority said a cable had burned through near the pier.",
        "Engineers restored power to the hospital first, then to the container terminal.",
        "Shops along the quay stayed shut until the afternoon.",
    ];
    let after = format!(
        "Updated. {}",
        STORY
            .replace("3:40", "3:45")
            .replace("Shops along the quay stayed shut until the afternoon.", "")
    );
    let changed = report(&after);
    let mut all: Vec<Claim> = quotes.iter().map(|q| claim_on(STORY, q)).collect();
    let mut one_by_one = all.clone();
    let anchors = reanchor_all(&mut all, &changed);
    let singles: Vec<Anchor> = one_by_one
        .iter_mut()
        .map(|c| reanchor(c, &changed))
        .collect();
    assert_eq!(
        anchors,
        [
            Anchor::Fuzzy,
            Anchor::Moved,
            Anchor::Moved,
            Anchor::Orphaned
        ]
    );
    assert_eq!(anchors, singles);
    assert_eq!(all, one_by_one);
}

#[test]
fn many_claims_in_a_long_report_are_found_after_a_change_at_the_top() {
    let mut text = String::new();
    for i in 0..3000 {
        let lights = i * 7919 % 1009;
        writeln!(text, "Witness {i} said the {lights}\nlights went out.").expect("writes");
    }
    let r = report(&text);
    let mut claims: Vec<Claim> = text
        .match_indices("Witness")
        .step_by(3)
        .map(|(at, _)| {
            let end = at + text[at..].find(".\n").expect("line ends") + 1;
            Claim::new(&r, at..end, "sourced", "ana", now())
        })
        .collect();
    let quotes: Vec<String> = claims.iter().map(|c| c.quote.clone()).collect();
    let changed = report(&format!(
        "Correction appended.\n{}",
        text.replace('\n', " ")
    ));
    let anchors = reanchor_all(&mut claims, &changed);
    for ((claim, quote), anchor) in claims.iter().zip(&quotes).zip(&anchors) {
        assert_eq!(*anchor, Anchor::Fuzzy, "{quote}");
        let span = claim.byte_span(&changed).expect("in range");
        assert_eq!(changed.text[span], quote.replace('\n', " "));
    }
}

#[test]
fn a_short_quote_without_grams_is_found_at_its_old_place() {
    let before = "He was asked if the dam would hold. Yas. Then he left the room.";
    let after = "He was asked if the dam would hold. Yes. Then he left the room.";
    assert_eq!(follow(before, "Yas.", after, "Yes."), Anchor::Fuzzy);
}

fn naive(pattern: &[char], text: &[char], anchored: bool) -> Vec<usize> {
    let mut column: Vec<usize> = (0..=pattern.len()).collect();
    let mut out = Vec::new();
    for (j, &t) in text.iter().enumerate() {
        let mut next = vec![if anchored { j + 1 } else { 0 }];
        for (i, &p) in pattern.iter().enumerate() {
            let best = (column[i] + usize::from(p != t))
                .min(column[i + 1] + 1)
                .min(next[i] + 1);
            next.push(best);
        }
        out.push(next[pattern.len()]);
        column = next;
    }
    out
}

/// Words of random letters: sentences that share no more than chance with each other.
fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec("[a-z]{2,9}", 6..14).prop_map(|words| {
        let mut s = words.join(" ");
        s.push('.');
        s[..1].to_ascii_uppercase() + &s[1..]
    })
}

proptest! {
    #[test]
    fn reanchor_all_finds_every_claim_after_an_insertion(
        words in prop::collection::vec("[a-z]{3,9}", 12..40),
        cut in 0usize..6,
        insert in "[A-Za-z ,.]{1,80}",
    ) {
        // Six distinct sentences, each a claim; text is inserted between two of them.
        let sentences: Vec<String> = words
            .chunks(words.len() / 6)
            .take(6)
            .enumerate()
            .map(|(i, chunk)| format!("Claim {i} says {}.", chunk.join(" ")))
            .collect();
        let text = sentences.join(" ");
        let before = report(&text);
        let mut claims: Vec<Claim> = sentences
            .iter()
            .map(|q| {
                let at = text.find(q.as_str()).expect("sentence in text");
                Claim::new(&before, at..at + q.len(), "sourced", "ana", now())
            })
            .collect();
        let mut changed = sentences.clone();
        changed.insert(cut, insert.clone());
        let after = report(&changed.join(" "));
        let anchors = reanchor_all(&mut claims, &after);
        for (claim, anchor) in claims.iter().zip(anchors) {
            prop_assert!(matches!(anchor, Anchor::Exact | Anchor::Moved), "{anchor:?}");
            let span = claim.byte_span(&after).expect("in range");
            prop_assert_eq!(&after.text[span], claim.quote.as_str());
        }
    }
}

/// Replaces up to `cut` bytes of `text` at a place `place` picks among those outside `quote`
/// (a byte range of `text`) by `insert`; returns where the quote starts then. The cut is as long
/// as the room on the quote's longer side allows, so some place is always left.
fn edit_outside(
    text: &mut String,
    quote: std::ops::Range<usize>,
    place: prop::sample::Index,
    insert: &str,
    cut: usize,
) -> usize {
    let cut = cut.min(quote.start.max(text.len() - quote.end));
    let outside: Vec<usize> = (0..=text.len())
        .filter(|&p| p + cut <= quote.start || p >= quote.end)
        .filter(|&p| p + cut <= text.len())
        .collect();
    let p = *place.get(&outside);
    text.replace_range(p..p + cut, insert);
    if p <= quote.start {
        quote.start + insert.len() - cut
    } else {
        quote.start
    }
}

#[test]
fn an_edit_finds_room_outside_a_quote_with_little_text_around_it() {
    use proptest::strategy::ValueTree as _;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for _ in 0..20 {
        let place = any::<prop::sample::Index>()
            .new_tree(&mut runner)
            .expect("an index")
            .current();
        // Four bytes before the quote, two after: a cut of 30 has no room on either side.
        let mut text = "Abc Quote here. x.".to_owned();
        let at = edit_outside(&mut text, 4..15, place, "new", 30);
        assert_eq!(&text[at..at + 11], "Quote here.", "{text}");
    }
}

proptest! {
    #[test]
    fn myers_agrees_with_the_textbook_table(
        pattern in "[abc ]{1,150}",
        text in "[abcd ]{0,200}",
        anchored in any::<bool>(),
    ) {
        let pattern: Vec<char> = pattern.chars().collect();
        let text: Vec<char> = text.chars().collect();
        prop_assert_eq!(
            Pattern::new(&pattern).distances(text.iter().copied(), anchored),
            naive(&pattern, &text, anchored)
        );
    }

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

    #[test]
    fn edits_away_from_the_quote_keep_it(
        sentences in prop::collection::vec(sentence(), 3..12),
        pick in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), "[a-z .\n]{0,40}", 0_usize..30), 1..5),
    ) {
        let text = sentences.join(" ");
        let quote = pick.get(&sentences).clone();
        prop_assume!(text.matches(quote.as_str()).count() == 1);
        let at = text.find(&quote).expect("in text");
        let mut claim = claim_on(&text, &quote);
        // Each edit replaces up to 30 bytes by new text, away from the quote.
        let (mut new, mut quote_at) = (text.clone(), at);
        for (place, insert, cut) in &edits {
            quote_at = edit_outside(&mut new, quote_at..quote_at + quote.len(), *place, insert, *cut);
        }
        prop_assert_eq!(&new[quote_at..quote_at + quote.len()], quote.as_str());
        prop_assume!(new.matches(quote.as_str()).count() == 1);
        let changed = report(&new);
        let anchor = reanchor(&mut claim, &changed);
        prop_assert!(matches!(anchor, Anchor::Exact | Anchor::Moved), "{:?}", anchor);
        let span = claim.byte_span(&changed).expect("in range");
        prop_assert_eq!(span, quote_at..quote_at + quote.len());
    }

    #[test]
    fn small_edits_inside_a_long_quote_are_found(
        sentences in prop::collection::vec(sentence(), 3..8),
        long in prop::collection::vec("[a-z]{2,9}", 16..30),
        place in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0_u8..3, "[a-z]"), 1..3),
    ) {
        let quote = format!("Long {}.", long.join(" "));
        let mut parts = sentences.clone();
        parts.insert(place.index(parts.len() + 1), quote.clone());
        let text = parts.join(" ");
        let at = text.find(&quote).expect("in text");
        let mut claim = claim_on(&text, &quote);
        // Replace, insert or delete letters at least 6 bytes inside the quote.
        let mut edited = quote.clone();
        for (where_, kind, letter) in &edits {
            let inner: Vec<usize> = (6..edited.len() - 6).collect();
            let p = *where_.get(&inner);
            match kind {
                0 => edited.replace_range(p..=p, letter),
                1 => edited.insert_str(p, letter),
                _ => edited.replace_range(p..=p, ""),
            }
        }
        prop_assume!(edited != quote);
        let new = format!("{}{edited}{}", &text[..at], &text[at + quote.len()..]);
        let changed = report(&new);
        let anchor = reanchor(&mut claim, &changed);
        prop_assert_eq!(anchor, Anchor::Fuzzy);
        prop_assert_eq!(&claim.quote, &edited);
        let span = claim.byte_span(&changed).expect("in range");
        prop_assert_eq!(span, at..at + edited.len());
    }

    #[test]
    fn unrelated_text_never_matches(
        sentences in prop::collection::vec(sentence(), 2..12),
        pick in any::<prop::sample::Index>(),
        others in prop::collection::vec(sentence(), 0..6),
    ) {
        let text = sentences.join(" ");
        let quote = pick.get(&sentences).clone();
        let mut claim = claim_on(&text, &quote);
        let before = claim.clone();
        // The claim's sentence is deleted; some new unrelated sentences may come in.
        let rest: Vec<&String> = sentences.iter().filter(|s| **s != quote).chain(&others).collect();
        let new = rest.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ");
        let anchor = reanchor(&mut claim, &report(&new));
        prop_assert_eq!(anchor, Anchor::Orphaned);
        prop_assert_eq!(claim, before);
    }
}
