//! Labels from the command line (`tag --label`, `untag --label`) and in the exports: the
//! Markdown export's author and labels, and the `ClaimReview` export's `--url-base` and the type
//! of a claim's source (`Organization` or `Person`).

use serde_json::{Value, json};

use crate::review_support::{Folder, labels};

/// A folder (see [`Folder::new`]) with `bridge.txt`, two sentences, untagged.
fn with_bridge() -> Folder {
    let folder = Folder::new();
    folder.write(
        "bridge.txt",
        "The bridge will reopen on Monday. Repairs cost two million euros.\n",
    );
    folder
}

/// The labels of the one claim of `bridge.txt`.
fn bridge_labels(folder: &Folder) -> Vec<String> {
    let claims = folder.claims("bridge.txt");
    assert_eq!(claims.len(), 1, "one claim: {claims:?}");
    labels(&claims[0])
}

/// Runs a command that must fail with exit code 2 and one line on standard error; returns it.
fn refused(folder: &Folder, args: &[&str]) -> String {
    let out = folder.run(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
    assert!(out.stdout.is_empty(), "{args:?} printed {out:?}");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    err
}

#[test]
fn tag_label_adds_labels_to_a_new_claim_and_then_to_it() {
    let folder = with_bridge();
    folder.ok(&[
        "tag",
        "bridge.txt",
        "1",
        "unsourced",
        "--label",
        "transport",
        "--label",
        " follow-up ",
        "--label",
        "transport",
    ]);
    assert_eq!(
        bridge_labels(&folder),
        ["transport", "follow-up"],
        "trimmed, in order, a repeat kept once"
    );
    let id = folder.claims("bridge.txt")[0]["id"].clone();
    folder.ok(&["tag", "bridge.txt", "1", "sourced", "--label", "budget"]);
    folder.ok(&["tag", "bridge.txt", "1", "sourced", "--label", "budget"]);
    assert_eq!(
        bridge_labels(&folder),
        ["transport", "follow-up", "budget"],
        "labels are added to the existing claim's, never twice"
    );
    let claim = &folder.claims("bridge.txt")[0];
    assert_eq!(claim["id"], id, "the same claim");
    assert_eq!(claim["status"].as_str(), Some("sourced"));
    folder.ok(&["tag", "bridge.txt", "1", "sourced"]);
    assert_eq!(
        bridge_labels(&folder).len(),
        3,
        "tagging without --label keeps the labels"
    );
}

/// `tag r.txt N --label X` with no STATUS labels the claim there, which keeps its tag; without a
/// claim of the tagger's there it is refused (exit 2), and nothing is written.
#[test]
fn tag_label_without_a_status_labels_the_existing_claim() {
    let folder = with_bridge();
    let err = refused(&folder, &["tag", "bridge.txt", "1", "--label", "key"]);
    assert!(
        err.contains("bridge.txt: sentence 1 has no claim by tester to change; give a STATUS"),
        "{err}"
    );
    assert!(
        !folder.path("bridge.txt.sidenote.toml").exists(),
        "nothing written"
    );
    let id = folder.ok(&["tag", "bridge.txt", "1", "disputed", "--note", "check"]);
    // A colleague's claim on the same sentence is not the tagger's: still refused for ana.
    let err = refused(
        &folder,
        &["tag", "bridge.txt", "1", "--label", "x", "--author", "ana"],
    );
    assert!(err.contains("no claim by ana"), "{err}");
    assert_eq!(
        folder.ok(&[
            "tag",
            "bridge.txt",
            "1",
            "--label",
            "key",
            "--label",
            "ports"
        ]),
        id,
        "prints the id of the claim it changed"
    );
    let claims = folder.claims("bridge.txt");
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(labels(&claims[0]), ["key", "ports"]);
    assert_eq!(claims[0]["status"].as_str(), Some("disputed"), "kept");
    assert_eq!(claims[0]["note"].as_str(), Some("check"), "kept");
    // A label with no STATUS still goes through the same checks.
    let err = refused(&folder, &["tag", "bridge.txt", "1", "--label", "agreed"]);
    assert!(err.contains("sidenote sets this label itself"), "{err}");
    // Neither a STATUS nor --label, --accept or --no-claim: clap's usage error.
    let out = folder.run(&["tag", "bridge.txt", "1", "--note", "x"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

#[test]
fn untag_label_removes_only_that_label_and_keeps_the_claim() {
    let folder = with_bridge();
    folder.ok(&[
        "tag",
        "bridge.txt",
        "1",
        "unsourced",
        "--label",
        "a",
        "--label",
        "b",
        "--label",
        "c",
    ]);
    let out = folder.run(&[
        "untag",
        "bridge.txt",
        "1",
        "--label",
        "b",
        "--label",
        "nope",
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("has no label \"nope\"") && err.contains("bridge.txt"),
        "a label the claim does not have is named: {err}"
    );
    assert_eq!(bridge_labels(&folder), ["a", "c"]);
    folder.ok(&["untag", "bridge.txt", "1", "--label", "a", "--label", "c"]);
    let claims = folder.claims("bridge.txt");
    assert_eq!(claims.len(), 1, "the claim stays without its labels");
    assert!(claims[0].get("labels").is_none(), "{claims:?}");
    folder.ok(&["untag", "bridge.txt", "1"]);
    assert!(
        !folder.path("bridge.txt.sidenote.toml").exists(),
        "untag without --label removes the claim, as before"
    );
}

#[test]
fn untag_label_leaves_a_colleagues_claim_alone() {
    let folder = with_bridge();
    folder.ok(&[
        "tag",
        "bridge.txt",
        "1",
        "sourced",
        "--author",
        "ana",
        "--label",
        "x",
    ]);
    let out = folder.run(&["untag", "bridge.txt", "1", "--label", "x"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no claim by tester"));
    assert_eq!(bridge_labels(&folder), ["x"]);
    folder.ok(&[
        "untag",
        "bridge.txt",
        "1",
        "--author",
        "ana",
        "--label",
        "x",
    ]);
    assert!(bridge_labels(&folder).is_empty());
}

#[test]
fn markers_and_malformed_labels_are_refused_and_nothing_changes() {
    let folder = with_bridge();
    folder.ok(&["tag", "bridge.txt", "1", "sourced", "--label", "keep"]);
    let before = std::fs::read(folder.path("bridge.txt.sidenote.toml")).expect("sidecar");
    for marker in ["agreed", "conflict", "Agreed"] {
        let err = refused(
            &folder,
            &["tag", "bridge.txt", "1", "sourced", "--label", marker],
        );
        assert!(err.contains("sidenote sets this label itself"), "{err}");
        let err = refused(&folder, &["untag", "bridge.txt", "1", "--label", marker]);
        assert!(err.contains(marker), "{err}");
    }
    let err = refused(
        &folder,
        &["tag", "bridge.txt", "1", "sourced", "--label", "a,b"],
    );
    assert!(err.contains("comma"), "{err}");
    let err = refused(
        &folder,
        &["tag", "bridge.txt", "1", "sourced", "--label", " "],
    );
    assert!(err.contains("cannot be empty"), "{err}");
    let err = refused(
        &folder,
        &["tag", "bridge.txt", "2", "sourced", "--label", "two\nlines"],
    );
    assert!(err.contains("line break"), "{err}");
    assert_eq!(
        std::fs::read(folder.path("bridge.txt.sidenote.toml")).expect("sidecar"),
        before,
        "a refused label changes nothing"
    );
}

#[test]
fn markdown_names_each_claims_author_and_labels() {
    let folder = Folder::new();
    folder.ok(&[
        "tag",
        "weather.txt",
        "1",
        "unsourced",
        "--author",
        "ana",
        "--label",
        "forecast",
        "--label",
        "needs*check",
    ]);
    let out = folder.ok(&["export", ".", "--format", "markdown"]);
    assert!(
        out.contains("- Rain is forecast.\n  — by ana · labels: forecast, needs\\*check\n"),
        "the author and the labels (escaped) under the quote: {out}"
    );
    assert!(
        out.contains(
            "  — source: anonymous officials · grade: E3: source unreliable, information possibly true\n  — by tester · labels: audit, follow-up\n"
        ),
        "after the source line: {out}"
    );
    assert!(
        out.contains("- Critics called the plan reckless.\n  — by tester\n"),
        "an author without labels: {out}"
    );
}

/// `export ARGS… --format claimreview`, parsed.
fn reviews(folder: &Folder, args: &[&str]) -> Vec<Value> {
    let mut all = args.to_vec();
    all.extend(["--format", "claimreview"]);
    let value: Value = serde_json::from_str(&folder.ok(&all)).expect("JSON");
    value.as_array().expect("an array").clone()
}

#[test]
fn url_base_builds_each_reviews_url_from_the_path_below_the_folder() {
    let folder = Folder::new();
    std::fs::create_dir_all(folder.path("site/city hall")).expect("mkdir");
    folder.write("site/city hall/é 1.txt", "Rain is forecast.\n");
    folder.ok(&["tag", "site/city hall/é 1.txt", "1", "unsourced"]);
    for base in ["https://example.org/pub", "https://example.org/pub/"] {
        let items = reviews(&folder, &["export", "site", "--url-base", base]);
        assert_eq!(items.len(), 1);
        let url = "https://example.org/pub/city%20hall/%C3%A9%201.txt";
        assert_eq!(items[0]["url"], url, "{base}");
        assert_eq!(
            items[0]["itemReviewed"]["appearance"],
            json!({"@type": "CreativeWork", "url": url, "name": "site/city hall/é 1.txt"})
        );
    }
    let named = reviews(
        &folder,
        &[
            "export",
            "site/city hall/é 1.txt",
            "--url-base",
            "https://example.org",
        ],
    );
    assert_eq!(
        named[0]["url"], "https://example.org/site/city%20hall/%C3%A9%201.txt",
        "a report named on its own keeps the path it was given"
    );
    let from_the_top = reviews(
        &folder,
        &["export", ".", "--url-base", "https://example.org/"],
    );
    let budget = from_the_top
        .iter()
        .find(|r| r["itemReviewed"]["appearance"]["name"] == "city/budget.md")
        .expect("the budget's claims");
    assert_eq!(budget["url"], "https://example.org/city/budget.md");
}

#[test]
fn without_url_base_the_review_keeps_the_relative_path() {
    let folder = Folder::new();
    let items = reviews(&folder, &["export", "."]);
    assert!(!items.is_empty());
    for item in &items {
        assert!(
            item.get("url").is_none(),
            "no url without --url-base: {item}"
        );
        let name = item["itemReviewed"]["appearance"]["name"]
            .as_str()
            .expect("name");
        assert_eq!(item["itemReviewed"]["appearance"]["url"], name);
    }
}

#[test]
fn a_bad_url_base_or_another_format_is_refused() {
    let folder = Folder::new();
    let err = refused(
        &folder,
        &[
            "export",
            ".",
            "--format",
            "claimreview",
            "--url-base",
            "example.org/pub",
        ],
    );
    assert!(err.contains("not an absolute URL"), "{err}");
    let err = refused(
        &folder,
        &[
            "export",
            ".",
            "--format",
            "claimreview",
            "--url-base",
            "https://example.org/?p=1",
        ],
    );
    assert!(err.contains("query"), "{err}");
    let err = refused(
        &folder,
        &[
            "export",
            ".",
            "--format",
            "csv",
            "--url-base",
            "https://example.org/",
        ],
    );
    assert!(err.contains("--format claimreview"), "{err}");
}

#[test]
fn a_body_is_an_organization_and_an_anonymous_person_has_no_name() {
    let folder = with_bridge();
    folder.write(
        "more.txt",
        "Reuters said so. The mayor agreed. A source disagreed. Nobody knows.\n",
    );
    let tag = |n: &str, source: &str, kind: Option<&str>| {
        let mut args = vec!["tag", "more.txt", n, "sourced", "--source", source];
        if let Some(kind) = kind {
            args.extend(["--source-kind", kind]);
        }
        folder.ok(&args);
    };
    tag("1", "Reuters", Some("named"));
    tag("2", "Mayor Jane Holloway", None);
    tag("3", "a source close to the talks", Some("anonymous"));
    tag("4", "the port authority", Some("anonymous"));
    let items = reviews(&folder, &["export", "more.txt"]);
    let author = |i: usize| items[i]["itemReviewed"]["author"].clone();
    assert_eq!(
        author(0),
        json!({"@type": "Organization", "name": "Reuters", "description": "named"})
    );
    assert_eq!(
        author(1),
        json!({"@type": "Person", "name": "Mayor Jane Holloway"})
    );
    assert_eq!(
        author(2),
        json!({
            "@type": "Person",
            "disambiguatingDescription": "a source close to the talks",
            "description": "anonymous"
        }),
        "an anonymous person is not given the words as a name"
    );
    assert_eq!(author(3)["@type"], "Organization");
    assert_eq!(author(3)["name"], "the port authority");
}

#[test]
fn the_manual_and_the_help_name_the_new_flags() {
    let folder = Folder::new();
    let page = folder.ok(&["man"]);
    for flag in ["\\-\\-label", "\\-\\-url\\-base"] {
        assert!(page.contains(flag), "{flag} in the manual");
    }
    assert!(
        page.contains("a label sidenote sets itself (agreed, conflict)"),
        "exit 2 names a refused label"
    );
    let help = folder.ok(&["untag", "--help"]);
    assert!(help.contains("--label <NAME>"), "{help}");
}
