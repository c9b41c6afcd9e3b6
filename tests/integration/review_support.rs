//! A folder of three fictional reports, two of them tagged through the `sidenote tag` command,
//! shared by the `stats` and `export` tests, and a way to read the sidecars back.
// Each test file uses part of this module.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

/// First report: three sentences.
pub const PORT: &str = "The port authority said the cranes would restart on Friday. \
The strike cost the city four million euros. Dockers expect a long winter.\n";

/// Second report, in a subfolder: Markdown, four sentences, one with a pipe and asterisks (escaped,
/// so they stay in the text sidenote reads).
pub const BUDGET: &str = "Officials said the budget | was \\*balanced\\*. The mayor denied any shortfall. \
Critics called the plan reckless. Nobody has seen the audit.\n";

/// Third report: never tagged.
pub const WEATHER: &str = "Rain is forecast. Winds will ease by the evening.\n";

/// The folder and its config.
pub struct Folder {
    /// Removed on drop.
    pub dir: tempfile::TempDir,
}

impl Folder {
    /// Writes the three reports and tags five claims with the binary, then grades one claim by
    /// hand as the reader's editor would store it.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = Self { dir };
        folder.write("config.toml", "author = \"tester\"\n");
        folder.write("port.txt", PORT);
        std::fs::create_dir(folder.path("city")).expect("mkdir");
        folder.write("city/budget.md", BUDGET);
        folder.write("weather.txt", WEATHER);
        folder.ok(&[
            "tag",
            "port.txt",
            "1",
            "sourced",
            "--source",
            "the port authority",
        ]);
        folder.ok(&[
            "tag",
            "port.txt",
            "2",
            "unsourced",
            "--note",
            "no figure given\nask the city",
        ]);
        folder.ok(&[
            "tag",
            "city/budget.md",
            "1",
            "sourced",
            "--source",
            "anonymous officials",
        ]);
        folder.ok(&["tag", "city/budget.md", "3", "opinion"]);
        folder.ok(&[
            "tag",
            "city/budget.md",
            "2",
            "disputed",
            "--source",
            "the mayor",
        ]);
        folder.edit_claim("city/budget.md", 0, |claim| {
            claim.insert("grade".into(), "E3".into());
            claim.insert(
                "labels".into(),
                toml::Value::Array(vec!["audit".into(), "follow-up".into()]),
            );
        });
        folder
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, text: &str) {
        std::fs::write(self.path(name), text).expect("write fixture");
    }

    /// Runs `sidenote ARGS --config config.toml` in the folder.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_sidenote"))
            .args(args)
            .arg("--config")
            .arg(self.path("config.toml"))
            .current_dir(self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path())
            .output()
            .expect("run sidenote")
    }

    /// Runs a command that must succeed; returns its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// The claims of `report`'s sidecar, as TOML tables, in file order.
    pub fn claims(&self, report: &str) -> Vec<toml::Table> {
        let path = self.path(&format!("{report}.sidenote.toml"));
        let text = std::fs::read_to_string(path).expect("sidecar exists");
        let table: toml::Table = toml::from_str(&text).expect("sidecar is TOML");
        table["claim"]
            .as_array()
            .expect("claims")
            .iter()
            .map(|c| c.as_table().expect("claim table").clone())
            .collect()
    }

    /// Every claim of the folder with its report, in the order exports write them (report path,
    /// then document order).
    pub fn all_claims(&self) -> Vec<(String, toml::Table)> {
        let mut all = Vec::new();
        for report in ["city/budget.md", "port.txt"] {
            let mut claims = self.claims(report);
            claims.sort_by_key(|c| (int(c, "start"), int(c, "end")));
            all.extend(claims.into_iter().map(|c| (report.to_owned(), c)));
        }
        all
    }

    /// Changes claim `i` of `report`'s sidecar in place.
    pub fn edit_claim(&self, report: &str, i: usize, edit: impl FnOnce(&mut toml::Table)) {
        let path = self.path(&format!("{report}.sidenote.toml"));
        let text = std::fs::read_to_string(&path).expect("sidecar exists");
        let mut table: toml::Table = toml::from_str(&text).expect("sidecar is TOML");
        let claims = table
            .get_mut("claim")
            .and_then(|c| c.as_array_mut())
            .expect("claims");
        let mut sorted: Vec<usize> = (0..claims.len()).collect();
        sorted.sort_by_key(|&j| {
            let c = claims[j].as_table().expect("table");
            (int(c, "start"), int(c, "end"))
        });
        edit(claims[sorted[i]].as_table_mut().expect("table"));
        std::fs::write(path, toml::to_string(&table).expect("serialise")).expect("write");
    }
}

/// An integer key of a claim.
pub fn int(claim: &toml::Table, key: &str) -> i64 {
    claim[key].as_integer().expect("integer")
}

/// A string key of a claim ("" when absent).
pub fn text<'a>(claim: &'a toml::Table, key: &str) -> &'a str {
    claim.get(key).and_then(toml::Value::as_str).unwrap_or("")
}

/// A date key of a claim, as RFC 3339 text.
pub fn date(claim: &toml::Table, key: &str) -> String {
    claim[key].as_datetime().expect("date").to_string()
}

/// The labels of a claim.
pub fn labels(claim: &toml::Table) -> Vec<String> {
    claim
        .get("labels")
        .and_then(toml::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}
