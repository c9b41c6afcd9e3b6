#![allow(clippy::unwrap_used)]

use std::path::Path;

use super::*;
use crate::annotate::{Anchor, Claim, now};
use crate::report::{Encoding, Report};

/// A report `name` of `sentences` sentences with claims of these (tag, source, grade).
fn reviewed(
    name: &str,
    sentences: usize,
    claims: &[(&str, Option<&str>, Option<&str>)],
) -> Reviewed {
    let report = Report::from_text(
        Path::new(name),
        "Alpha beta. Gamma delta.".into(),
        Encoding::Utf8,
        String::new(),
    );
    let claims: Vec<Claim> = claims
        .iter()
        .map(|(status, source, grade)| {
            let mut c = Claim::new(&report, 0..11, status, "ana", now());
            c.source = source.map(str::to_owned);
            c.grade = grade.map(|g| g.parse().expect("a valid grade"));
            c
        })
        .collect();
    Reviewed {
        path: name.into(),
        sentences,
        tagged_sentences: claims.len().min(sentences),
        modified: None,
        anchors: vec![Anchor::Exact; claims.len()],
        claims,
    }
}

fn review() -> Review {
    let mut review = Review::new(".".into(), Config::default());
    review.scan_found(3);
    review.scanned(Ok(reviewed(
        "b.txt",
        10,
        &[("sourced", Some("CTD"), Some("B2"))],
    )));
    review.scanned(Ok(reviewed(
        "a.txt",
        4,
        &[
            ("unsourced", None, None),
            ("sourced", Some("anonymous officials"), Some("E3")),
        ],
    )));
    review.scanned(Err("c.txt: not text".into()));
    review.scan_done();
    review
}

fn paths(review: &Review) -> Vec<String> {
    review
        .visible_reports()
        .iter()
        .map(|&i| review.reports[i].path.display().to_string())
        .collect()
}

#[test]
fn the_scan_fills_the_list_and_names_what_failed() {
    let review = review();
    assert_eq!(review.scan, Scan::Done);
    assert_eq!(review.reports.len(), 2);
    assert!(
        review
            .message
            .as_deref()
            .unwrap()
            .contains("c.txt: not text")
    );
    assert_eq!(paths(&review), ["a.txt", "b.txt"]);
}

#[test]
fn an_empty_folder_says_what_it_looked_for() {
    let mut review = Review::new(".".into(), Config::default());
    review.scan_found(0);
    review.scan_done();
    let message = review.message.unwrap();
    assert!(
        message.starts_with("no reports here (files ending .txt"),
        "{message}"
    );
}

#[test]
fn sorting_by_each_column_and_reversing() {
    let mut review = review();
    update(&mut review, Action::Review(ReviewAction::SortNext));
    assert_eq!(review.columns()[review.sort], Column::Sentences);
    assert_eq!(paths(&review), ["a.txt", "b.txt"]);
    update(&mut review, Action::Review(ReviewAction::SortReverse));
    assert_eq!(paths(&review), ["b.txt", "a.txt"]);
    update(&mut review, Action::Review(ReviewAction::SortNext));
    assert_eq!(review.columns()[review.sort], Column::Claims);
    assert_eq!(paths(&review), ["a.txt", "b.txt"], "two claims before one");
    update(&mut review, Action::Review(ReviewAction::SortPrev));
    update(&mut review, Action::Review(ReviewAction::SortPrev));
    update(&mut review, Action::Review(ReviewAction::SortPrev));
    assert_eq!(
        review.columns()[review.sort],
        Column::Modified,
        "wraps around"
    );
}

#[test]
fn the_name_filter_is_typed_live_and_esc_clears_it() {
    let mut review = review();
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    review.on_key(key(KeyCode::Char('/')));
    review.on_key(key(KeyCode::Char('B')));
    assert_eq!(paths(&review), ["b.txt"], "case-blind");
    review.on_key(key(KeyCode::Enter));
    assert!(review.prompt.is_none());
    assert_eq!(review.name_filter, "B");
    update(&mut review, Action::Cancel);
    assert_eq!(paths(&review).len(), 2);
}

#[test]
fn claims_filter_by_tag_query_and_weak_sources() {
    let mut review = review();
    assert_eq!(review.visible_claims().len(), 3);
    update(&mut review, Action::CycleFilter);
    assert_eq!(review.view, View::Claims);
    assert_eq!(review.visible_claims().len(), 2, "sourced");
    update(&mut review, Action::Tag(1));
    assert_eq!(review.visible_claims(), vec![(1, 0)], "unsourced, in a.txt");
    update(&mut review, Action::Tag(1));
    assert_eq!(review.tag_filter, None, "the same tag key again shows all");
    review.query = "ANONYMOUS".into();
    assert_eq!(review.visible_claims(), vec![(1, 1)]);
    review.query.clear();
    update(&mut review, Action::Review(ReviewAction::WeakSources));
    assert_eq!(
        review.visible_claims(),
        vec![(1, 0), (1, 1)],
        "unsourced and E3"
    );
}

#[test]
fn enter_opens_the_report_or_the_claim() {
    let mut review = review();
    update(&mut review, Action::NextSentence);
    assert_eq!(
        update(&mut review, Action::EditClaim),
        Some(Effect::Open {
            path: "b.txt".into(),
            claim: None
        })
    );
    update(&mut review, Action::Review(ReviewAction::ViewClaims));
    update(&mut review, Action::LastSentence);
    let id = review.reports[0].claims[0].id.clone();
    assert_eq!(
        update(&mut review, Action::EditClaim),
        Some(Effect::Open {
            path: "b.txt".into(),
            claim: Some(id)
        })
    );
    assert_eq!(update(&mut review, Action::Quit), Some(Effect::Quit));
}

#[test]
fn a_reloaded_report_replaces_its_row() {
    let mut review = review();
    review.reloaded(Path::new("a.txt"), Ok(reviewed("a.txt", 4, &[])));
    assert_eq!(
        review.reports.iter().map(|r| r.claims.len()).sum::<usize>(),
        1
    );
    review.reloaded(Path::new("a.txt"), Err("a.txt: gone".into()));
    assert_eq!(review.reports.len(), 1);
    assert_eq!(review.message.as_deref(), Some("a.txt: gone"));
}
