//! Tests of `sidenote corroborate` on the binary: the invented event of `tests/corroborate/event/`
//! (five reports on a footbridge collapse) copied into a temporary folder, in both formats, with
//! claims tagged by `sidenote tag` for `--claims-only` and the source count.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

struct Event {
    dir: tempfile::TempDir,
    /// The cache folder (`SIDENOTE_CACHE_DIR`), apart from the reports and from the user's.
    cache: tempfile::TempDir,
}

impl Event {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corroborate/event");
        for entry in std::fs::read_dir(from).expect("the event folder") {
            let path = entry.expect("entry").path();
            let name = path.file_name().expect("a name");
            std::fs::copy(&path, dir.path().join(name)).expect("copy");
        }
        std::fs::write(dir.path().join("config.toml"), "author = \"ana\"\n").expect("config");
        let cache = tempfile::tempdir().expect("temporary folder");
        Self { dir, cache }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_sidenote"))
            .args(args)
            .arg("--config")
            .arg(self.path("config.toml"))
            .current_dir(self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path())
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env("SIDENOTE_CACHE_DIR", self.cache.path())
            .output()
            .expect("run sidenote")
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "sidenote {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 output")
    }

    /// The cache's entries, each with its bytes, in name order.
    fn entries(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut entries: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(self.cache.path())
            .expect("the cache folder")
            .map(|e| {
                let path = e.expect("entry").path();
                let bytes = std::fs::read(&path).expect("read an entry");
                (path, bytes)
            })
            .collect();
        entries.sort();
        entries
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["corroborate"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--format", "json"]);
        serde_json::from_str(&self.ok(&all)).expect("corroborate prints JSON")
    }
}

/// The group whose members include `report` sentence `n`.
fn group_of<'v>(value: &'v Value, report: &str, n: u64) -> &'v Value {
    value["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .find(|g| {
            g["members"]
                .as_array()
                .expect("members")
                .iter()
                .any(|m| m["report"] == report && m["n"] == n)
        })
        .unwrap_or_else(|| panic!("{report}#{n} is in no group: {value:#}"))
}

#[test]
fn json_follows_the_contract() {
    let event = Event::new();
    let value = event.json(&["."]);
    assert_eq!(value["reports"], 5);
    let sentences: usize = [
        "wire.txt",
        "gazette.txt",
        "blog.md",
        "brief.txt",
        "radio.txt",
    ]
    .iter()
    .map(|r| {
        event
            .ok(&["sentences", r, "--format", "jsonl"])
            .lines()
            .count()
    })
    .sum();
    assert_eq!(value["sentences"], sentences);
    assert_eq!(value["groups"].as_array().expect("groups").len(), 7);

    let injured = group_of(&value, "wire.txt", 3);
    assert_eq!(injured["reports"], 3);
    assert_eq!(injured["sources"], 3);
    assert_eq!(
        injured["differences"],
        serde_json::json!([{"kind": "number", "values": ["Two", "Three"]}])
    );
    let members = injured["members"].as_array().expect("members");
    let reports: Vec<&str> = members
        .iter()
        .map(|m| m["report"].as_str().expect("report"))
        .collect();
    assert_eq!(reports, ["brief.txt", "gazette.txt", "wire.txt"]);
    let wire = &members[2];
    assert_eq!(wire["n"], 3);
    let text = wire["text"].as_str().expect("text");
    assert!(
        text.starts_with("Two police officers were injured"),
        "{text}"
    );
    let start = wire["start"].as_u64().expect("start");
    let end = wire["end"].as_u64().expect("end");
    assert_eq!(end - start, text.chars().count() as u64);
    assert_eq!(wire["claims"], serde_json::json!([]));
    assert_eq!(wire["suggestion"]["suggestion"], "sourced");
    assert_eq!(wire["suggestion"]["source"], "a police spokesman");
    assert_eq!(wire["suggestion"]["source_kind"], "anonymous");

    let built = group_of(&value, "radio.txt", 4);
    assert_eq!(
        built["differences"],
        serde_json::json!([{"kind": "date", "values": ["1987", "1978"]}])
    );
    assert!(
        value["groups"]
            .as_array()
            .expect("groups")
            .iter()
            .flat_map(|g| g["members"].as_array().expect("members"))
            .all(|m| !(m["report"] == "gazette.txt" && m["n"] == 8)),
        "the officers praised for a rescue are another claim"
    );
}

#[test]
fn claims_only_keeps_groups_with_a_claim_and_counts_their_sources() {
    let event = Event::new();
    assert!(
        event.json(&["--claims-only"])["groups"]
            .as_array()
            .expect("groups")
            .is_empty(),
        "no claims yet"
    );
    event.ok(&["tag", "wire.txt", "5", "sourced", "--source", "Town Hall"]);
    event.ok(&[
        "tag",
        "radio.txt",
        "2",
        "sourced",
        "--source",
        "town hall",
        "--source-kind",
        "named",
    ]);
    event.ok(&["tag", "blog.md", "3", "unsourced"]);
    let value = event.json(&[".", "--claims-only"]);
    let groups = value["groups"].as_array().expect("groups");
    assert_eq!(groups.len(), 1);
    let inquiry = &groups[0];
    assert_eq!(inquiry["reports"], 3);
    assert_eq!(
        inquiry["sources"], 1,
        "one source, named twice; unsourced adds none"
    );
    let radio = &inquiry["members"][1];
    assert_eq!(radio["report"], "radio.txt");
    assert_eq!(
        radio["claims"],
        serde_json::json!([{"status": "sourced", "source": "town hall",
                            "source_kind": "named", "author": "ana"}])
    );
    assert_eq!(value["reports"], 5, "every report is still compared");
}

#[test]
fn text_has_one_block_per_group_with_tags_and_sources() {
    let event = Event::new();
    event.ok(&["tag", "gazette.txt", "3", "sourced", "--source", "police"]);
    let text = event.ok(&["corroborate", "."]);
    let blocks: Vec<&str> = text.trim_end().split("\n\n").collect();
    assert_eq!(blocks.len(), 8, "7 groups and the count: {text}");
    let injured = blocks
        .iter()
        .find(|b| b.contains("Three police officers"))
        .expect("the officers' group");
    let lines: Vec<&str> = injured.lines().collect();
    assert_eq!(
        lines[0],
        "3 reports, 3 sources; differs in number: Two / Three"
    );
    assert!(lines[1].starts_with("  brief.txt:2  [suggested: sourced — local police]  Two"));
    assert!(lines[2].starts_with("  gazette.txt:3  [sourced — police]  Three police"));
    assert_eq!(lines.len(), 4);
    assert_eq!(
        blocks.last().copied(),
        Some("7 group(s) in 5 report(s), 35 sentence(s)")
    );
}

#[test]
fn a_missing_path_is_bad_input_and_an_unreadable_sidecar_is_named() {
    let event = Event::new();
    let out = event.run(&["corroborate", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nowhere: no such file or folder"), "{err}");

    std::fs::write(event.path("brief.txt.sidenote.toml"), "not = [valid").expect("write");
    let out = event.run(&["corroborate", ".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("brief.txt.sidenote.toml"), "{err}");
    let value: Value = serde_json::from_slice(&out.stdout).expect("the rest is printed");
    assert_eq!(value["reports"], 4);
}

#[test]
fn a_cold_cache_a_warm_one_and_no_cache_print_the_same() {
    let event = Event::new();
    let before = crate::support::listing(event.dir.path());
    let without = event.json(&[".", "--no-cache"]);
    assert!(event.entries().is_empty(), "--no-cache writes no entry");
    assert!(!without["groups"].as_array().expect("groups").is_empty());

    let cold = event.json(&["."]);
    let entries = event.entries();
    assert_eq!(entries.len(), 5, "one entry per report: {entries:?}");
    let warm = event.json(&["."]);
    assert_eq!(cold, without, "a cold cache");
    assert_eq!(warm, without, "a warm cache");
    assert_eq!(event.entries(), entries, "a warm run rewrites nothing");
    assert_eq!(
        crate::support::listing(event.dir.path()),
        before,
        "nothing written beside the reports"
    );

    // A claim changes the sidecar, not the report: the warm cache still shows it.
    event.ok(&["tag", "gazette.txt", "3", "sourced", "--source", "police"]);
    let tagged = event.json(&["."]);
    assert_eq!(tagged, event.json(&[".", "--no-cache"]));
    assert_eq!(
        group_of(&tagged, "gazette.txt", 3)["members"][1]["claims"][0]["source"],
        "police"
    );
    assert_eq!(event.entries(), entries, "claims are not cached");

    // Damaged entries are ignored and made again.
    for (path, bytes) in &entries {
        std::fs::write(path, &bytes[..bytes.len() / 2]).expect("truncate an entry");
    }
    assert_eq!(event.json(&["."]), tagged);
    assert_eq!(event.entries(), entries, "made again, whole");

    // A changed report misses; the others still hit.
    let wire = event.path("wire.txt");
    let text = std::fs::read_to_string(&wire).expect("wire");
    assert!(text.contains("Two police officers"));
    std::fs::write(
        &wire,
        text.replace("Two police officers", "Four police officers"),
    )
    .expect("change the wire");
    let changed = event.json(&["."]);
    assert_eq!(changed, event.json(&[".", "--no-cache"]));
    let wire = &group_of(&changed, "wire.txt", 3)["members"][2];
    assert!(
        wire["text"]
            .as_str()
            .expect("text")
            .starts_with("Four police officers"),
        "{wire}"
    );
    assert_eq!(
        event.entries().len(),
        6,
        "a new entry for the changed report"
    );
}

/// A web page with no article (a section front) whose links repeat a report's sentence word for
/// word states nothing itself: it joins no group.
#[test]
fn a_page_with_no_article_joins_no_group() {
    let event = Event::new();
    let links =
        "<li><a href=\"/s\">A story on the canal and the council's budget for the town</a></li>"
            .repeat(12);
    let copied = "Two police officers were injured when part of the crowd on the bridge fell into the water, according to a police spokesman.";
    std::fs::write(
        event.path("front.html"),
        format!(
            "<!doctype html><html><head><title>Northmere Today</title></head><body><main><ul>{links}<li><a href=\"/bridge\">{copied}</a></li></ul></main></body></html>"
        ),
    )
    .expect("write the page");
    // The page is one the commands refuse as holding no article.
    assert_eq!(event.run(&["text", "front.html"]).status.code(), Some(2));
    let value = event.json(&["."]);
    let members: Vec<&str> = value["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .flat_map(|g| g["members"].as_array().expect("members"))
        .filter_map(|m| m["report"].as_str())
        .collect();
    assert!(
        members.iter().any(|r| r.ends_with("wire.txt")),
        "the reports still group: {members:?}"
    );
    assert!(
        !members.iter().any(|r| r.ends_with("front.html")),
        "{members:?}"
    );
}
