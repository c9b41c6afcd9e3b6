//! The table of segmentation cases (`tests/segment/cases.rs`), checked against
//! `sidenote::report::segment::sentences`.
//!
//! Every case is a text and the exact sentences a careful reader sees in it. The table is the
//! specification of issue 4, so one test reports every case that fails, with its group, rather
//! than stopping at the first.

#[path = "../segment/cases.rs"]
mod cases;

use std::fmt::Write as _;

use sidenote::report::segment::sentences;

/// The sentences `sentences` finds in `text`, as slices.
fn split(text: &str) -> Vec<&str> {
    sentences(text)
        .into_iter()
        .map(|range| &text[range])
        .collect()
}

#[test]
fn the_table_has_enough_cases_in_every_group() {
    let total: usize = cases::CATEGORIES.iter().map(|(_, cases)| cases.len()).sum();
    assert!(total >= 150, "only {total} cases");
    for (name, cases) in cases::CATEGORIES {
        assert!(
            cases.len() >= 5,
            "group {name:?} has only {} cases",
            cases.len()
        );
    }
}

/// Guards the table itself: the expected sentences must be pieces of the text, in order, that
/// together hold every character of it that is not white space.
#[test]
fn every_expectation_covers_its_text() {
    for (name, cases) in cases::CATEGORIES {
        for (text, expected) in *cases {
            let mut rest = *text;
            for sentence in *expected {
                assert_eq!(sentence.trim(), *sentence, "{name}: untrimmed {sentence:?}");
                assert!(!sentence.is_empty(), "{name}: empty sentence in {text:?}");
                let at = rest
                    .find(sentence)
                    .unwrap_or_else(|| panic!("{name}: {sentence:?} is not next in {text:?}"));
                assert!(
                    rest[..at].trim().is_empty(),
                    "{name}: {:?} is skipped in {text:?}",
                    &rest[..at]
                );
                rest = &rest[at + sentence.len()..];
            }
            assert!(
                rest.trim().is_empty(),
                "{name}: {rest:?} is left over in {text:?}"
            );
        }
    }
}

#[test]
fn every_case_splits_as_expected() {
    let mut failures = String::new();
    let mut count = 0;
    for (name, cases) in cases::CATEGORIES {
        for (i, (text, expected)) in cases.iter().enumerate() {
            count += 1;
            let actual = split(text);
            if actual != *expected {
                let _ = writeln!(
                    failures,
                    "\n[{name} #{}] {text:?}\n  expected {expected:?}\n  actual   {actual:?}",
                    i + 1
                );
            }
        }
    }
    assert!(
        failures.is_empty(),
        "cases that fail (of {count}):{failures}"
    );
}
