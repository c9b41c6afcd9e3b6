#![allow(clippy::unwrap_used)]

use std::path::Path;

use super::*;
use crate::annotate::{Anchor, Claim, now};
use crate::config::keys::ReviewAction;
use crate::report::{Encoding, Report};
use crossterm::event::{KeyCode, KeyModifiers};
use rows::ClaimColumn;

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
        reviewed_sentences: claims.len().min(sentences),
        unfinished: sentences - claims.len().min(sentences),
        modified: None,
        anchors: vec![Anchor::Exact; claims.len()],
        extracted: None,
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
fn the_filter_prompt_takes_its_keys_from_keys_prompt() {
    let mut review = review();
    review.config = Config::from_str_with_defaults(
        "[keys.prompt]\n\"ctrl-g\" = \"cancel\"\n\"esc\" = \"none\"\n\"tab\" = \"keep\"\n",
        Path::new("c.toml"),
    )
    .expect("valid");
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    review.on_key(key(KeyCode::Char('/')));
    review.on_key(key(KeyCode::Char('b')));
    review.on_key(key(KeyCode::Esc));
    assert!(review.prompt.is_some(), "Esc is unbound in the prompt");
    review.on_key(key(KeyCode::Tab));
    assert!(review.prompt.is_none(), "Tab keeps the filter");
    assert_eq!(paths(&review), ["b.txt"]);
    review.on_key(key(KeyCode::Char('/')));
    review.on_key(KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL));
    assert!(review.prompt.is_none());
    assert_eq!(paths(&review).len(), 2, "Ctrl-g cleared the filter");
}

#[test]
fn a_key_of_the_reader_alone_says_it_does_nothing_here() {
    let mut review = review();
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    let message = review.message.clone();
    review.on_key(key(KeyCode::Char('z')));
    assert_eq!(
        review.answer.as_deref(),
        Some("z is a key of the reader; nothing to do on the review screen")
    );
    assert_eq!(review.message, message, "the message stays");
    review.on_key(key(KeyCode::Char('j')));
    assert_eq!(review.answer, None, "gone with the next key");
}

#[test]
fn the_filter_prompt_edits_like_every_other_input() {
    let mut review = review();
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    review.on_key(key(KeyCode::Char('/')));
    for c in "a.txt".chars() {
        review.on_key(key(KeyCode::Char(c)));
    }
    assert_eq!(paths(&review), ["a.txt"]);
    review.on_key(key(KeyCode::Home));
    review.on_key(key(KeyCode::Delete));
    assert_eq!(
        review.name_filter, ".txt",
        "Home, then Delete takes the first letter"
    );
    review.on_key(key(KeyCode::End));
    review.on_key(KeyEvent::new(KeyCode::Char('b'), KeyModifiers::ALT));
    review.on_key(key(KeyCode::Char('x')));
    assert_eq!(
        review.name_filter, "x.txt",
        "End, then Alt-b goes back a word"
    );
}

#[test]
fn claims_filter_by_label_typed_and_completed_in_the_prompt() {
    let mut review = review();
    review.reports[0].claims[0].labels = vec!["needs-check".into()];
    review.reports[1].claims[1].labels = vec!["Ports".into(), "needs-check".into()];
    update(&mut review, Action::Review(ReviewAction::ViewClaims));
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    review.on_key(key(KeyCode::Char('/')));
    for c in "label:ne".chars() {
        review.on_key(key(KeyCode::Char(c)));
    }
    assert!(
        review.visible_claims().is_empty(),
        "no label is called `ne`"
    );
    review.on_key(key(KeyCode::Tab));
    assert_eq!(
        review.query, "label:needs-check ",
        "Tab completes the label"
    );
    assert_eq!(review.visible_claims().len(), 2);
    for c in "label:ports".chars() {
        review.on_key(key(KeyCode::Char(c)));
    }
    assert_eq!(
        review.visible_claims(),
        vec![(1, 1)],
        "both labels, case-blind"
    );
    review.on_key(key(KeyCode::Enter));
    assert!(review.prompt.is_none());
    assert_eq!(
        review.visible_claims(),
        vec![(1, 1)],
        "Enter keeps the filter"
    );
    review.query = "PORTS".into();
    assert_eq!(
        review.visible_claims(),
        vec![(1, 1)],
        "plain text finds a label too"
    );
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

#[test]
fn the_claims_view_sorts_by_its_own_columns_ties_in_reading_order() {
    let mut review = review();
    // reports[0] is b.txt: sourced, CTD, B2. reports[1] is a.txt: unsourced with nothing,
    // then sourced, anonymous officials, E3.
    review.reports[0].claims[0].author = String::new();
    review.reports[1].claims[0].author = "Zoe".into();
    review.reports[1].claims[1].author = "bob".into();
    review.reports[0].claims[0].updated = "2026-01-02T00:00:00Z".parse().unwrap();
    review.reports[1].claims[0].updated = "2026-01-01T23:00:00-05:00".parse().unwrap();
    review.reports[1].claims[1].updated = "2026-01-01T12:00:00Z".parse().unwrap();
    update(&mut review, Action::Review(ReviewAction::ViewClaims));
    assert_eq!(review.claim_column(), ClaimColumn::Place);
    assert_eq!(
        review.visible_claims(),
        [(1, 0), (1, 1), (0, 0)],
        "reading order"
    );

    let sort = |review: &mut Review, action| update(review, Action::Review(action));
    sort(&mut review, ReviewAction::SortNext);
    assert_eq!(review.claim_column(), ClaimColumn::Tag);
    assert_eq!(
        review.visible_claims(),
        [(1, 1), (0, 0), (1, 0)],
        "sourced (a.txt before b.txt), then unsourced"
    );
    sort(&mut review, ReviewAction::SortReverse);
    assert_eq!(
        review.visible_claims(),
        [(1, 0), (1, 1), (0, 0)],
        "reversed, but equal tags stay in reading order"
    );
    sort(&mut review, ReviewAction::SortReverse);

    sort(&mut review, ReviewAction::SortNext);
    assert_eq!(review.claim_column(), ClaimColumn::Source);
    assert_eq!(
        review.visible_claims(),
        [(1, 1), (0, 0), (1, 0)],
        "anonymous before CTD (case-blind), no source last"
    );
    sort(&mut review, ReviewAction::SortReverse);
    assert_eq!(
        review.visible_claims(),
        [(0, 0), (1, 1), (1, 0)],
        "reversed: CTD before anonymous, and no source still last"
    );
    sort(&mut review, ReviewAction::SortReverse);
    sort(&mut review, ReviewAction::SortNext);
    assert_eq!(review.claim_column(), ClaimColumn::Grade);
    assert_eq!(
        review.visible_claims(),
        [(0, 0), (1, 1), (1, 0)],
        "B2, E3, none"
    );
    sort(&mut review, ReviewAction::SortNext);
    assert_eq!(review.claim_column(), ClaimColumn::Author);
    assert_eq!(
        review.visible_claims(),
        [(1, 1), (1, 0), (0, 0)],
        "bob, Zoe, none"
    );
    sort(&mut review, ReviewAction::SortNext);
    assert_eq!(review.claim_column(), ClaimColumn::Updated);
    assert_eq!(
        review.visible_claims(),
        [(1, 1), (0, 0), (1, 0)],
        "as instants: 23:00 at -05:00 is the latest"
    );
    sort(&mut review, ReviewAction::SortNext);
    assert_eq!(review.claim_column(), ClaimColumn::Place, "wraps around");
    sort(&mut review, ReviewAction::SortReverse);
    assert_eq!(review.visible_claims(), [(0, 0), (1, 1), (1, 0)]);
    sort(&mut review, ReviewAction::SortPrev);
    assert_eq!(review.claim_column(), ClaimColumn::Updated);
    assert_eq!(review.view, View::Claims);
    assert_eq!(
        (review.sort, review.descending),
        (0, false),
        "reports untouched"
    );
}

#[test]
fn rows_arriving_from_the_scan_keep_the_selection_on_its_report_and_claim() {
    use super::Message;
    let mut review = Review::new(".".into(), Config::default());
    review.receive([
        Message::Found(4),
        Message::Read(Ok(reviewed("m.txt", 3, &[("sourced", Some("X"), None)]))),
        Message::Read(Ok(reviewed(
            "n.txt",
            3,
            &[("unsourced", None, None), ("sourced", Some("Y"), None)],
        ))),
    ]);
    update(&mut review, Action::NextSentence);
    assert_eq!(paths(&review)[review.report_row], "n.txt");
    update(&mut review, Action::Review(ReviewAction::ViewClaims));
    update(&mut review, Action::LastSentence);
    let chosen = review.selection();
    assert_eq!(chosen.claim.as_ref().unwrap().0, Path::new("n.txt"));

    review.receive([
        Message::Read(Ok(reviewed("b.txt", 3, &[("sourced", None, None)]))),
        Message::Read(Ok(reviewed("a.txt", 3, &[("opinion", None, None)]))),
    ]);
    assert_eq!(review.report_row, 3, "two rows sorted in above it");
    assert_eq!(review.selection(), chosen, "the same report and claim");
    review.receive([Message::Done]);
    assert_eq!(review.selection(), chosen);
}

#[test]
fn sorting_and_filtering_keep_the_selected_report() {
    let mut review = review();
    update(&mut review, Action::LastSentence);
    assert_eq!(paths(&review)[review.report_row], "b.txt");
    update(&mut review, Action::Review(ReviewAction::SortReverse));
    assert_eq!(paths(&review), ["b.txt", "a.txt"]);
    assert_eq!(
        review.report_row, 0,
        "b.txt moved to the top, and the selection with it"
    );
    review.on_key(KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE));
    review.on_key(KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE));
    assert_eq!(paths(&review), ["a.txt"]);
    assert_eq!(
        review.report_row, 0,
        "b.txt is filtered out: the row is kept in the list"
    );
}

#[test]
fn a_click_selects_a_row_and_a_click_on_the_selected_row_opens_it() {
    let mut review = review();
    update(&mut review, Action::Resize(80, 12));
    // Header line, the table's border and its header: the first report's row is line 3.
    assert_eq!(update(&mut review, Action::Click(30, 4)), None);
    assert_eq!(paths(&review)[review.report_row], "b.txt");
    assert_eq!(
        update(&mut review, Action::Click(5, 4)),
        Some(Effect::Open {
            path: "b.txt".into(),
            claim: None
        }),
        "the selected row again: open it"
    );
    for (column, row) in [(30, 2), (30, 5), (0, 3), (79, 3), (30, 11)] {
        assert_eq!(update(&mut review, Action::Click(column, row)), None);
        assert_eq!(review.report_row, 1, "({column}, {row}) is not on a row");
    }

    update(&mut review, Action::Review(ReviewAction::ViewClaims));
    update(&mut review, Action::Click(30, 5));
    assert_eq!(review.claim_row, 2);
    let (r, c) = review.visible_claims()[2];
    assert_eq!(
        update(&mut review, Action::Click(30, 5)),
        Some(Effect::Open {
            path: review.reports[r].path.clone(),
            claim: Some(review.reports[r].claims[c].id.clone())
        })
    );
    update(&mut review, Action::Review(ReviewAction::ViewChart));
    assert_eq!(
        update(&mut review, Action::Click(30, 5)),
        None,
        "no rows to click"
    );
}

#[test]
fn a_click_counts_rows_from_the_first_one_shown() {
    let mut review = Review::new(".".into(), Config::default());
    for name in ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"] {
        review.scanned(Ok(reviewed(name, 1, &[])));
    }
    // 8 lines: header, border, table header, two rows, border, total, status.
    update(&mut review, Action::Resize(60, 8));
    update(&mut review, Action::LastSentence);
    assert_eq!(review.report_top, 3, "d.txt and e.txt show");
    update(&mut review, Action::Click(10, 3));
    assert_eq!(paths(&review)[review.report_row], "d.txt");
    assert_eq!(review.report_top, 3, "the row clicked stays where it was");
    review.prompt = Some(TextInput::new("x"));
    assert_eq!(
        update(&mut review, Action::Click(10, 3)),
        Some(Effect::Open {
            path: "d.txt".into(),
            claim: None
        }),
        "the second click of a double click opens what the first one selected"
    );
    assert!(review.prompt.is_none(), "a click leaves the filter prompt");
    update(&mut review, Action::FirstSentence);
    assert_eq!(review.report_top, 0, "up past the top: the list follows");
    update(&mut review, Action::Help);
    assert_eq!(update(&mut review, Action::Click(10, 4)), None);
    assert!(!review.help, "a click closes the help first");
    assert_eq!(
        paths(&review)[review.report_row],
        "a.txt",
        "and selects nothing"
    );
}

#[test]
fn the_unfinished_key_shows_only_reports_not_done() {
    let mut review = review();
    // a.txt: every claim candidate reviewed; b.txt: 9 of its 10 sentences wait.
    let a = review
        .reports
        .iter()
        .position(|r| r.path == Path::new("a.txt"))
        .unwrap();
    review.reports[a].unfinished = 0;
    review.view = View::Claims;
    update(&mut review, Action::NextUntagged);
    assert_eq!(review.view, View::Reports, "the filter is the table's");
    assert!(review.unfinished_only);
    assert_eq!(paths(&review), ["b.txt"]);
    update(&mut review, Action::NextUntagged);
    assert_eq!(paths(&review), ["a.txt", "b.txt"], "again: all");
    update(&mut review, Action::NextUntagged);
    update(&mut review, Action::Cancel);
    assert!(!review.unfinished_only, "cleared with the other filters");
    assert_eq!(paths(&review), ["a.txt", "b.txt"]);
    // The help lists the key.
    let keys = review.config.keys.keys_for(Action::NextUntagged);
    assert!(keys.iter().any(|k| k == "]"), "{keys:?}");
    assert!(
        command::help_rows().any(|(actions, line)| actions.contains(&Action::NextUntagged)
            && line.contains("unfinished"))
    );
}
