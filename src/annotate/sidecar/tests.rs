use super::*;
use crate::report::Encoding;
use proptest::prelude::*;

const EXAMPLE: &str = r#"version = 1

[report]
file = "report.txt"
sha256 = "abc"

[[claim]]
id = "a1b2c3d4"
status = "sourced"
start = 0
end = 10
quote = "Officials."
prefix = ""
suffix = " More"
source = "CTD sources"
note = """
first line
second line"""
labels = ["economy"]
author = "ana"
created = 2026-11-24T18:00:00Z
updated = 2026-11-24T18:05:00Z
"#;

fn report(text: &str) -> Report {
    Report::from_text(
        Path::new("report.txt"),
        text.to_owned(),
        Encoding::Utf8,
        "abc".into(),
    )
}

#[test]
fn sidecar_path_appends_the_suffix() {
    assert_eq!(
        sidecar_path(Path::new("dir/report.txt")),
        PathBuf::from("dir/report.txt.sidenote.toml")
    );
}

#[test]
fn example_parses_and_writes_back_identically() {
    let sidecar = Sidecar::parse(EXAMPLE, Path::new("x.toml")).expect("parses");
    assert_eq!(sidecar.claims.len(), 1);
    assert_eq!(
        sidecar.claims[0].note.as_deref(),
        Some("first line\nsecond line")
    );
    assert_eq!(sidecar.to_toml().expect("serialises"), EXAMPLE);
}

#[test]
fn unknown_keys_survive_a_rewrite() {
    let text = EXAMPLE
        .replace("version = 1\n", "version = 1\nproject = \"alpha\"\n")
        .replace(
            "sha256 = \"abc\"\n",
            "sha256 = \"abc\"\nextracted = \"html\"\n",
        )
        .replace("author = \"ana\"\n", "author = \"ana\"\nreviewed = true\n");
    let sidecar = Sidecar::parse(&text, Path::new("x.toml")).expect("parses");
    let written = sidecar.to_toml().expect("serialises");
    for key in [
        "project = \"alpha\"",
        "extracted = \"html\"",
        "reviewed = true",
    ] {
        assert!(written.contains(key), "{key} lost:\n{written}");
    }
    assert_eq!(
        Sidecar::parse(&written, Path::new("x.toml")).expect("reparses"),
        sidecar
    );
}

#[test]
fn parse_errors_name_file_and_line() {
    let broken = EXAMPLE.replace("start = 0", "start = zero");
    let err = Sidecar::parse(&broken, Path::new("r.txt.sidenote.toml")).expect_err("broken");
    let message = err.to_string();
    assert!(message.starts_with("r.txt.sidenote.toml:10:"), "{message}");
    assert!(!message.contains('\n'), "{message}");
}

#[test]
fn newer_version_is_refused() {
    let newer = EXAMPLE.replace("version = 1", "version = 7");
    let err = Sidecar::parse(&newer, Path::new("s.toml")).expect_err("newer");
    assert!(
        matches!(err, SidecarError::Version { found: 7, .. }),
        "{err}"
    );
}

#[test]
fn duplicate_ids_and_reversed_ranges_are_refused() {
    let twice = format!(
        "{EXAMPLE}\n{}",
        &EXAMPLE[EXAMPLE.find("[[claim]]").expect("claim")..]
    );
    let err = Sidecar::parse(&twice, Path::new("s.toml")).expect_err("dup");
    assert!(err.to_string().contains("used twice"), "{err}");
    let reversed = EXAMPLE.replace("start = 0", "start = 11");
    let err = Sidecar::parse(&reversed, Path::new("s.toml")).expect_err("reversed");
    assert!(
        err.to_string().contains("start 11 is after end 10"),
        "{err}"
    );
}

#[test]
fn a_grade_is_read_and_written_in_place() {
    let graded = EXAMPLE.replace(
        "source = \"CTD sources\"\n",
        "source = \"CTD sources\"\ngrade = \"B2\"\n",
    );
    let sidecar = Sidecar::parse(&graded, Path::new("x.toml")).expect("parses");
    assert_eq!(
        sidecar.claims[0].grade.map(|g| g.to_string()),
        Some("B2".into())
    );
    assert_eq!(sidecar.to_toml().expect("serialises"), graded);
}

#[test]
fn a_grade_off_the_scale_names_file_claim_and_value() {
    for bad in ["\"G7\"", "\"b\"", "12"] {
        let text = EXAMPLE.replace(
            "author = \"ana\"\n",
            &format!("author = \"ana\"\ngrade = {bad}\n"),
        );
        let err = Sidecar::parse(&text, Path::new("r.txt.sidenote.toml")).expect_err(bad);
        let message = err.to_string();
        assert!(
            matches!(err, SidecarError::Invalid { ref id, .. } if id == "a1b2c3d4"),
            "{message}"
        );
        assert!(
            message.starts_with("r.txt.sidenote.toml: claim \"a1b2c3d4\": grade "),
            "{message}"
        );
        assert!(message.contains(bad.trim_matches('"')), "{message}");
    }
}

#[test]
fn a_source_kind_is_written_right_after_the_source_and_may_be_absent() {
    for kind in ["named", "anonymous"] {
        let text = EXAMPLE.replace(
            "source = \"CTD sources\"\n",
            &format!("source = \"CTD sources\"\nsource_kind = \"{kind}\"\n"),
        );
        let sidecar = Sidecar::parse(&text, Path::new("x.toml")).expect("parses");
        assert_eq!(
            sidecar.claims[0]
                .source_kind
                .map(crate::annotate::SourceKind::name),
            Some(kind)
        );
        assert_eq!(sidecar.to_toml().expect("serialises"), text);
    }
    // A sidecar written before the key existed loads, and stays without it.
    let sidecar = Sidecar::parse(EXAMPLE, Path::new("x.toml")).expect("parses");
    assert_eq!(sidecar.claims[0].source_kind, None);
    let written = sidecar.to_toml().expect("serialises");
    assert!(!written.contains("source_kind"), "{written}");
}

#[test]
fn a_source_kind_of_another_value_names_file_claim_and_value() {
    for bad in ["\"official\"", "\"Named\"", "1"] {
        let text = EXAMPLE.replace(
            "author = \"ana\"\n",
            &format!("author = \"ana\"\nsource_kind = {bad}\n"),
        );
        let err = Sidecar::parse(&text, Path::new("r.txt.sidenote.toml")).expect_err(bad);
        let message = err.to_string();
        assert!(
            matches!(err, SidecarError::Invalid { ref id, .. } if id == "a1b2c3d4"),
            "{message}"
        );
        assert!(
            message.starts_with("r.txt.sidenote.toml: claim \"a1b2c3d4\": source_kind "),
            "{message}"
        );
        assert!(message.contains(bad.trim_matches('"')), "{message}");
        assert!(message.contains("\"named\" nor \"anonymous\""), "{message}");
        assert!(!message.contains('\n'), "{message}");
    }
}

fn claim_strategy() -> impl Strategy<Value = Claim> {
    (
        "[a-f0-9]{8}",
        prop::sample::select(vec!["sourced", "unsourced", "disputed"]),
        0usize..1000,
        0usize..200,
        "\\PC{0,40}",
        proptest::option::of("[^\u{0}]{0,20}"),
        proptest::option::of("(\\PC|\n){0,60}"),
        prop::collection::vec("[a-z]{1,8}", 0..3),
        proptest::option::of(("[A-F]", 1u8..=6)),
        proptest::option::of(prop::sample::select(
            crate::annotate::SourceKind::ALL.to_vec(),
        )),
    )
        .prop_map(
            |(id, status, start, len, quote, source, note, labels, grade, source_kind)| Claim {
                id,
                status: status.to_owned(),
                start,
                end: start + len,
                quote: quote.clone(),
                prefix: quote.chars().rev().take(3).collect(),
                suffix: String::new(),
                source,
                source_kind,
                grade: grade.and_then(|(r, c)| {
                    crate::annotate::Grade::new(r.chars().next().unwrap_or('A'), c)
                }),
                note,
                labels,
                author: "ana".to_owned(),
                created: "2026-11-24T18:00:00Z".parse().expect("date"),
                updated: "2026-11-25T09:30:15Z".parse().expect("date"),
                extra: toml::Table::new(),
            },
        )
}

#[test]
fn dismissed_suggestions_round_trip_and_old_files_load() {
    let r = report("Officials said it was safe. Rain fell.");
    let mut sidecar = Sidecar::parse(EXAMPLE, Path::new("x.toml")).expect("parses");
    assert!(sidecar.dismissed.is_empty());
    sidecar.dismiss(&r, &(28..38));
    sidecar.dismiss(&r, &(28..38));
    assert_eq!(sidecar.dismissed.len(), 1);
    let text = sidecar.to_toml().expect("serialises");
    assert!(
        text.ends_with("[[dismissed]]\nstart = 28\nend = 38\nquote = \"Rain fell.\"\n"),
        "{text}"
    );
    let back = Sidecar::parse(&text, Path::new("x.toml")).expect("reparses");
    assert!(back.is_dismissed(&r, &(28..38)));
    assert!(!back.is_dismissed(&r, &(0..27)));
}

proptest! {
    #[test]
    fn sidecars_round_trip(claims in prop::collection::vec(claim_strategy(), 0..6)) {
        let mut sidecar = Sidecar::new(&report("x"));
        let mut ids = std::collections::HashSet::new();
        sidecar.claims = claims.into_iter().filter(|c| ids.insert(c.id.clone())).collect();
        sidecar.sort();
        let text = sidecar.to_toml().expect("serialises");
        let back = Sidecar::parse(&text, Path::new("s.toml")).expect("round trip parses");
        prop_assert_eq!(back, sidecar);
    }
}

/// A no-claim mark as `docs/sidecar-format.md` shows it.
const MARK: &str = r#"
[[no_claim]]
start = 28
end = 38
quote = "Rain fell."
prefix = "Officials said it was safe. "
suffix = ""
author = "ben"
created = 2026-11-24T18:10:00Z
"#;

#[test]
fn no_claim_marks_round_trip_and_old_files_load_without_them() {
    // An old sidecar, written before marks existed, loads with none and is written unchanged.
    let old = Sidecar::parse(EXAMPLE, Path::new("x.toml")).expect("parses");
    assert!(old.no_claim.is_empty());
    assert_eq!(old.to_toml().expect("serialises"), EXAMPLE);
    // With a mark: read, written back identically, found in its sentence.
    let text = format!("{EXAMPLE}{MARK}");
    let sidecar = Sidecar::parse(&text, Path::new("x.toml")).expect("parses");
    assert_eq!(sidecar.no_claim.len(), 1);
    let mark = &sidecar.no_claim[0];
    assert_eq!(
        (mark.start, mark.end, mark.author.as_str()),
        (28, 38, "ben")
    );
    assert_eq!(mark.created.to_string(), "2026-11-24T18:10:00Z");
    assert_eq!(sidecar.to_toml().expect("serialises"), text);
    let r = report("Officials said it was safe. Rain fell.");
    assert_eq!(sidecar.mark_of(&r, &r.sentences[1], "ben"), Some(0));
    assert_eq!(sidecar.mark_of(&r, &r.sentences[1], "ana"), None);
    assert_eq!(sidecar.mark_of(&r, &r.sentences[0], "ben"), None);
    // A sidecar with only marks is not empty: saving it keeps the file.
    let mut only = Sidecar::new(&r);
    assert!(only.is_empty());
    only.no_claim.push(mark.clone());
    assert!(!only.is_empty());
    // Unknown keys on a mark survive a rewrite.
    let extra = text.replace("author = \"ben\"\n", "author = \"ben\"\nseen_by = \"x\"\n");
    let written = Sidecar::parse(&extra, Path::new("x.toml"))
        .expect("parses")
        .to_toml()
        .expect("serialises");
    assert!(written.contains("seen_by = \"x\""), "{written}");
}

#[test]
fn a_reversed_mark_names_file_and_mark() {
    let text = format!("{EXAMPLE}{}", MARK.replace("start = 28", "start = 40"));
    let err = Sidecar::parse(&text, Path::new("r.txt.sidenote.toml")).expect_err("reversed");
    let message = err.to_string();
    assert!(
        message
            .starts_with("r.txt.sidenote.toml: no_claim mark 1 (at 40): start 40 is after end 38"),
        "{message}"
    );
    // A mark missing a key it needs is a parse error with a line, as for a claim.
    let text = format!(
        "{EXAMPLE}{}",
        MARK.replace("created = 2026-11-24T18:10:00Z\n", "")
    );
    let err = Sidecar::parse(&text, Path::new("r.txt.sidenote.toml")).expect_err("no created");
    assert!(err.to_string().contains("created"), "{err}");
}
