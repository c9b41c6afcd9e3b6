//! Invariants of the suggestions on arbitrary text: offsets stay inside the sentence and every
//! span cuts out exactly its words, whatever the input (non-ASCII, quotes, control characters).

use proptest::prelude::*;
use sidenote::report::segment::sentences as segment;
use sidenote::suggest::{Cues, suggest};

fn text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "said",
        "Said",
        "according",
        "to",
        "officials",
        "Jane",
        "Smith",
        ",",
        ".",
        "“",
        "”",
        "\"",
        "he",
        "added",
        "that",
        "reportedly",
        "is",
        "believed",
        "a",
        "Treasury",
        "spokesman",
        ":",
        "?",
        "\n\n",
        "\n",
        "Ünïcødé",
        "日本語",
        "—",
        "(",
        ")",
        "citing",
        "in",
        "statement",
        "it",
        "understood",
        "'s",
        "report",
        "found",
        "Dr.",
        "U.N.",
        "é",
        "\u{301}",
        "\u{202e}",
    ]);
    (prop::collection::vec(words, 0..60), "\\PC{0,40}")
        .prop_map(|(words, noise)| format!("{} {noise}", words.join(" ")))
}

proptest! {
    #[test]
    fn spans_stay_in_their_sentence_and_cut_their_text(text in text()) {
        let sentences = segment(&text);
        let out = suggest(&text, &sentences, &Cues::builtin());
        prop_assert_eq!(out.len(), sentences.len());
        for (s, span) in out.iter().zip(&sentences) {
            prop_assert_eq!(&s.sentence, span);
            for cue in &s.cues {
                prop_assert!(span.start <= cue.span.start && cue.span.end <= span.end, "{:?} outside {:?}", cue, span);
                prop_assert!(text.get(cue.span.clone()).is_some_and(|t| !t.is_empty()));
            }
            if let Some(source) = &s.source {
                let cut = text.get(source.clone());
                prop_assert!(cut.is_some_and(|t| !t.trim().is_empty()), "{:?}", source);
                // A carried source is where another sentence of the text named it.
                if !s.carried {
                    prop_assert!(span.start <= source.start && source.end <= span.end);
                }
            }
            if s.verdict.is_none() {
                prop_assert!(s.kind.is_none() && s.source.is_none());
            }
        }
    }

    #[test]
    fn arbitrary_ranges_never_panic(text in "\\PC{0,80}", a in 0usize..100, b in 0usize..100) {
        let range = a.min(b)..a.max(b);
        let out = suggest(&text, std::slice::from_ref(&range), &Cues::builtin());
        prop_assert_eq!(out.len(), 1);
        prop_assert!(text.get(out[0].sentence.clone()).is_some());
    }
}
