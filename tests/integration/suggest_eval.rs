//! The suggestion rules against a labelled set of sentences written for this project
//! (`tests/suggest/eval.txt`): the scores `docs/suggestions.md` reports, asserted.
//!
//! `cargo test --test suggest_eval -- --nocapture` prints the scores and every miss.

use std::collections::BTreeMap;
use std::ops::Range;

use sidenote::suggest::{Cues, SourceKind, Verdict, suggest};

const SET: &str = include_str!("../suggest/eval.txt");

/// The misses (wrong class or wrong source text) the rules had when this floor was last
/// ratcheted: lower it when they improve, never raise it to make a change pass.
const MAX_MISSES: usize = 13;

struct Case {
    class: &'static str,
    source: &'static str,
    span: Range<usize>,
    line: usize,
}

/// The cases, and the document they make: a paragraph each, unless marked to continue one.
fn document() -> (String, Vec<Case>) {
    let mut text = String::new();
    let mut cases = Vec::new();
    for (i, line) in SET.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.splitn(3, " | ");
        let (Some(class), Some(source), Some(sentence)) =
            (parts.next(), parts.next(), parts.next())
        else {
            panic!("eval.txt:{}: needs CLASS | SOURCE | SENTENCE", i + 1);
        };
        let (class, continues) = match class.strip_prefix('+') {
            Some(class) => (class, true),
            None => (class, false),
        };
        assert!(
            matches!(class, "named" | "anon" | "unsourced" | "none"),
            "eval.txt:{}: unknown class {class}",
            i + 1
        );
        if !text.is_empty() {
            text.push_str(if continues { " " } else { "\n\n" });
        }
        let start = text.len();
        text.push_str(sentence.trim());
        cases.push(Case {
            class,
            source: source.trim(),
            span: start..text.len(),
            line: i + 1,
        });
    }
    (text, cases)
}

#[derive(Default)]
struct Counts {
    hits: usize,
    predicted: usize,
    expected: usize,
}

#[test]
fn suggestions_reach_the_goals_on_the_evaluation_set() {
    let (text, cases) = document();
    let spans: Vec<Range<usize>> = cases.iter().map(|c| c.span.clone()).collect();
    let suggestions = suggest(&text, &spans, &Cues::builtin());
    let mut per_class: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut correct = 0;
    let (mut span_hits, mut spans_expected, mut spans_predicted) = (0, 0, 0);
    let mut misses = Vec::new();
    for (case, s) in cases.iter().zip(&suggestions) {
        let class = match (s.verdict, s.kind) {
            (None, _) => "none",
            (Some(Verdict::Unsourced), _) => "unsourced",
            (Some(Verdict::Sourced), Some(SourceKind::Anonymous) | None) => "anon",
            (Some(Verdict::Sourced), Some(SourceKind::Named)) => "named",
        };
        let source = s.source_text(&text).unwrap_or("");
        per_class.entry(class).or_default().predicted += 1;
        per_class.entry(case.class).or_default().expected += 1;
        if class == case.class {
            correct += 1;
            per_class.entry(class).or_default().hits += 1;
        }
        if !case.source.is_empty() {
            spans_expected += 1;
        }
        if !source.is_empty() {
            spans_predicted += 1;
        }
        let span_ok = !case.source.is_empty() && source == case.source;
        if span_ok {
            span_hits += 1;
        }
        if class != case.class || (source != case.source) {
            misses.push(format!(
                "eval.txt:{}: expected {} [{}], got {class} [{source}]: {}",
                case.line,
                case.class,
                case.source,
                &text[case.span.clone()]
            ));
        }
    }
    let n = cases.len();
    let ratio = |a: usize, b: usize| {
        let (a, b) = (
            f64::from(u32::try_from(a).expect("small")),
            f64::from(u32::try_from(b).expect("small")),
        );
        if b == 0.0 { 1.0 } else { a / b }
    };
    let accuracy = ratio(correct, n);
    let span_precision = ratio(span_hits, spans_predicted);
    let span_recall = ratio(span_hits, spans_expected);
    println!("{n} sentences; accuracy {accuracy:.3}");
    println!("| class | precision | recall | sentences |");
    println!("|---|---|---|---|");
    for (class, c) in &per_class {
        println!(
            "| {class} | {:.3} | {:.3} | {} |",
            ratio(c.hits, c.predicted),
            ratio(c.hits, c.expected),
            c.expected
        );
    }
    println!(
        "source spans: {spans_expected} expected, {spans_predicted} predicted, {span_hits} exact; precision {span_precision:.3}, recall (exact-match rate) {span_recall:.3}"
    );
    for miss in &misses {
        println!("{miss}");
    }
    assert!(n >= 300, "the set needs at least 300 sentences, has {n}");
    assert!(
        misses.len() <= MAX_MISSES,
        "{} misses (class or source), more than the {MAX_MISSES} of the last ratchet",
        misses.len()
    );
    assert!(accuracy >= 0.9, "accuracy {accuracy:.3} < 0.9");
    assert!(
        span_recall >= 0.8,
        "exact source spans {span_recall:.3} < 0.8"
    );
    assert!(
        span_precision >= 0.9,
        "source span precision {span_precision:.3} < 0.9"
    );
}
