//! The git merge driver with real `git`: two clones of one repository annotate the same report,
//! commit and pull, and the sidecar merges by claim instead of by line.
//!
//! Each test builds its own repositories in a temporary folder, with `HOME` and the config
//! folders pointing there and the system config ignored, so the user's git settings never leak
//! in and nothing outside the folder is touched.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support::SIDENOTE;

/// A fictional report of five sentences.
const REPORT: &str = "The ferry left Quillon at dawn. Its captain said the engines had been \
serviced in May. Two passengers reported smoke near the stern. The operator denied any fault. \
Inspectors will board the vessel on Friday.\n";

/// An origin repository and two clones of it, one per analyst.
struct Team {
    dir: tempfile::TempDir,
}

impl Team {
    /// Creates the origin with the report (and, when given, a first sidecar) and clones it
    /// twice, as `ana` and `ben`, both with the driver installed.
    fn new(first_tags: &[(usize, &str, &str)]) -> Self {
        let team = Self {
            dir: tempfile::tempdir().expect("tempdir"),
        };
        std::fs::create_dir_all(team.path("home")).expect("home");
        team.git(
            &team.path(""),
            &["init", "-q", "--bare", "-b", "main", "origin.git"],
        );
        let seed = team.path("seed");
        team.git(&team.path(""), &["clone", "-q", "origin.git", "seed"]);
        team.configure(&seed, "seed");
        std::fs::write(seed.join("report.txt"), REPORT).expect("report");
        std::fs::write(
            seed.join(".gitattributes"),
            "*.sidenote.toml merge=sidenote\n",
        )
        .expect("attributes");
        for (n, status, author) in first_tags {
            team.tag(&seed, *n, status, author, None);
        }
        team.git(&seed, &["add", "."]);
        team.git(&seed, &["commit", "-q", "-m", "report"]);
        team.git(&seed, &["push", "-q", "origin", "HEAD:main"]);
        for name in ["ana", "ben"] {
            team.git(&team.path(""), &["clone", "-q", "origin.git", name]);
            team.configure(&team.path(name), name);
        }
        team
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Identity and merge driver for one clone, in that clone's own config.
    fn configure(&self, repo: &Path, name: &str) {
        let driver = format!(
            "'{SIDENOTE}' merge-driver %O %A %B %P --config '{}'",
            crate::support::default_config().display()
        );
        for (key, value) in [
            ("user.name", name),
            ("user.email", &format!("{name}@example.org")),
            ("pull.rebase", "false"),
            ("merge.sidenote.name", "sidenote claims"),
            ("merge.sidenote.driver", &driver),
        ] {
            self.git(repo, &["config", key, value]);
        }
    }

    fn env(&self, command: &mut Command) {
        command
            .env("HOME", self.path("home"))
            .env("XDG_CONFIG_HOME", self.path("home"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE");
    }

    fn git(&self, repo: &Path, args: &[&str]) -> Output {
        let mut command = Command::new("git");
        command.current_dir(repo).args(args);
        self.env(&mut command);
        let out = command.output().expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    fn sidenote(&self, repo: &Path, args: &[&str]) -> Output {
        let mut command = Command::new(SIDENOTE);
        command
            .current_dir(repo)
            .args(args)
            .arg("--config")
            .arg(crate::support::default_config());
        self.env(&mut command);
        command.output().expect("sidenote runs")
    }

    fn tag(&self, repo: &Path, n: usize, status: &str, author: &str, grade: Option<&str>) {
        let n = n.to_string();
        let mut args = vec!["tag", "report.txt", &n, status, "--author", author];
        if let Some(grade) = grade {
            args.extend(["--grade", grade]);
        }
        let out = self.sidenote(repo, &args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn commit(&self, repo: &Path, message: &str) {
        self.git(repo, &["add", "."]);
        self.git(repo, &["commit", "-q", "-m", message]);
    }

    /// The claims `sidenote claims` reads from a clone: (author, status, grade) sorted.
    fn claims(&self, repo: &Path) -> Vec<serde_json::Value> {
        let out = self.sidenote(repo, &["claims", "report.txt", "--format", "json"]);
        assert!(
            out.status.success(),
            "the merged sidecar must load: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("json")
    }
}

fn sidecar(repo: &Path) -> String {
    std::fs::read_to_string(repo.join("report.txt.sidenote.toml")).expect("sidecar")
}

fn field<'a>(claim: &'a serde_json::Value, key: &str) -> &'a str {
    claim[key].as_str().unwrap_or_default()
}

/// `sidenote merge-driver`, with the tests' settings file; the caller adds the versions.
fn merge_driver() -> Command {
    let mut command = Command::new(SIDENOTE);
    command
        .arg("--config")
        .arg(crate::support::default_config())
        .arg("merge-driver");
    command
}

/// Writes `text` to `name` in `dir`; returns its path.
fn write_in(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn two_analysts_tagging_different_sentences_merge_cleanly_with_their_grades() {
    let team = Team::new(&[]);
    let (ana, ben) = (team.path("ana"), team.path("ben"));
    team.tag(&ana, 2, "sourced", "ana", Some("B2"));
    team.tag(&ana, 3, "unsourced", "ana", None);
    team.commit(&ana, "ana's tags");
    team.git(&ana, &["push", "-q"]);
    team.tag(&ben, 3, "sourced", "ben", Some("E5"));
    team.tag(&ben, 4, "disputed", "ben", Some("C3"));
    team.commit(&ben, "ben's tags");
    // Both added the sidecar: an add/add that git's line merge would mark with <<<<<<<.
    team.git(&ben, &["pull", "-q", "--no-edit"]);
    team.git(&ben, &["push", "-q"]);
    team.git(&ana, &["pull", "-q", "--no-edit"]);
    for repo in [&ana, &ben] {
        let text = sidecar(repo);
        assert!(!text.contains("<<<<<<<"), "{text}");
        assert!(!text.contains("conflict"), "{text}");
        assert!(
            text.contains("grade = \"B2\"") && text.contains("grade = \"E5\""),
            "{text}"
        );
        let claims = team.claims(repo);
        let mut seen: Vec<(String, String)> = claims
            .iter()
            .map(|c| (field(c, "author").to_owned(), field(c, "status").to_owned()))
            .collect();
        seen.sort();
        let expected = [
            ("ana", "sourced"),
            ("ana", "unsourced"),
            ("ben", "disputed"),
            ("ben", "sourced"),
        ]
        .map(|(a, s)| (a.to_owned(), s.to_owned()));
        assert_eq!(seen, expected);
    }
}

#[test]
fn later_tags_on_an_existing_sidecar_merge_without_a_conflict() {
    let team = Team::new(&[(1, "sourced", "ana")]);
    let (ana, ben) = (team.path("ana"), team.path("ben"));
    team.tag(&ana, 5, "opinion", "ana", Some("A1"));
    team.commit(&ana, "ana");
    team.git(&ana, &["push", "-q"]);
    team.tag(&ben, 1, "unsourced", "ben", None);
    team.commit(&ben, "ben");
    team.git(&ben, &["pull", "-q", "--no-edit"]);
    let claims = team.claims(&ben);
    assert_eq!(claims.len(), 3, "{claims:?}");
    let status = team.git(&ben, &["status", "--porcelain"]);
    assert!(status.stdout.is_empty(), "merge left files: {status:?}");
}

#[test]
fn both_changing_one_claim_keeps_both_versions_marked_as_a_conflict() {
    let team = Team::new(&[(2, "sourced", "ana")]);
    let (ana, ben) = (team.path("ana"), team.path("ben"));
    // Ana's claim, changed in both clones (ana works on two machines, or ben edited it by hand).
    team.tag(&ana, 2, "disputed", "ana", Some("C3"));
    team.commit(&ana, "disputed");
    team.git(&ana, &["push", "-q"]);
    team.tag(&ben, 2, "opinion", "ana", Some("D4"));
    team.commit(&ben, "opinion");
    let mut pull = Command::new("git");
    pull.current_dir(&ben).args(["pull", "-q", "--no-edit"]);
    team.env(&mut pull);
    let out = pull.output().expect("git runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "a marked conflict does not stop the pull: {stderr}"
    );
    assert!(
        stderr.contains("1 claim(s) changed differently on both sides"),
        "{stderr}"
    );
    // With %P in the driver line, the message names the sidecar, not git's temporary file.
    assert!(
        stderr.contains("report.txt.sidenote.toml: 1 claim(s)") && !stderr.contains(".merge_file"),
        "{stderr}"
    );
    // And it names the report to open and the key that resolves the conflict there.
    assert!(
        stderr.contains("open report.txt in sidenote and press x on the version to drop"),
        "{stderr}"
    );
    let text = sidecar(&ben);
    assert!(!text.contains("<<<<<<<"), "{text}");
    let claims = team.claims(&ben);
    let statuses: Vec<&str> = claims.iter().map(|c| field(c, "status")).collect();
    assert_eq!(claims.len(), 2, "{claims:?}");
    assert!(
        statuses.contains(&"disputed") && statuses.contains(&"opinion"),
        "{statuses:?}"
    );
    assert!(text.contains("conflict_of = "), "{text}");
    assert!(
        text.contains("grade = \"C3\"") && text.contains("grade = \"D4\""),
        "{text}"
    );
    let grades: Vec<&str> = claims.iter().map(|c| field(c, "grade")).collect();
    assert!(
        grades.contains(&"C3") && grades.contains(&"D4"),
        "{grades:?}"
    );
}

#[test]
fn a_broken_side_fails_and_leaves_ours_as_it_was() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, text: &str| write_in(dir.path(), name, text);
    let good = "version = 1\n\n[report]\nfile = \"r.txt\"\nsha256 = \"\"\n";
    let base = write("base", "");
    let ours = write("ours", good);
    let theirs = write("theirs", "version = 1\n<<<<<<< HEAD\n");
    let out = merge_driver()
        .args([&base, &ours, &theirs])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("theirs:2:"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&ours).expect("ours"), good);
}

/// The top of a sidecar with no claims, for the tests of dismissed suggestions.
const DISMISSED_TOP: &str = "version = 1\n\n[report]\nfile = \"r.txt\"\nsha256 = \"\"\n";

/// A `[[dismissed]]` table for the sentence `quote` starting at code point `start`.
fn dismissed(quote: &str, start: usize) -> String {
    format!(
        "\n[[dismissed]]\nstart = {start}\nend = {}\nquote = \"{quote}\"\n",
        start + quote.chars().count()
    )
}

#[test]
fn dismissed_suggestions_on_either_side_are_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, text: &str| write_in(dir.path(), name, text);
    let top = DISMISSED_TOP;
    let base = write("base", top);
    let ours = write(
        "ours",
        &format!("{top}{}", dismissed("Officials said so.", 0)),
    );
    let theirs = write(
        "theirs",
        &format!("{top}{}", dismissed("It is believed to be true.", 19)),
    );
    let out = merge_driver()
        .args([&base, &ours, &theirs])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let merged = std::fs::read_to_string(&ours).expect("ours");
    assert!(
        merged.contains("quote = \"Officials said so.\""),
        "{merged}"
    );
    assert!(
        merged.contains("quote = \"It is believed to be true.\""),
        "{merged}"
    );
}

/// Issue 17 item 2: a suggestion brought back on one side stays back; the other side's older
/// copy of its dismissal does not dismiss it again.
#[test]
fn a_suggestion_restored_on_one_side_stays_restored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, text: &str| write_in(dir.path(), name, text);
    let top = DISMISSED_TOP;
    let both = format!(
        "{top}{}{}",
        dismissed("Officials said so.", 0),
        dismissed("It is believed to be true.", 19)
    );
    let base = write("base", &both);
    // Ours restored the first; theirs still has both, untouched since the ancestor.
    let ours = write(
        "ours",
        &format!("{top}{}", dismissed("It is believed to be true.", 19)),
    );
    let theirs = write("theirs", &both);
    let out = merge_driver()
        .args([&base, &ours, &theirs])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let merged = std::fs::read_to_string(&ours).expect("ours");
    assert!(!merged.contains("Officials said so."), "{merged}");
    assert!(merged.contains("It is believed to be true."), "{merged}");
}

/// Issue 15 item 3: `%A` that is a symbolic link is refused (the link and its target kept), and
/// a regular `%A` keeps its mode.
#[cfg(unix)]
#[test]
fn a_linked_ours_is_refused_and_a_plain_one_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, text: &str| write_in(dir.path(), name, text);
    let good = "version = 1\n\n[report]\nfile = \"r.txt\"\nsha256 = \"\"\n";
    let base = write("base", "");
    let target = write("target.toml", good);
    let theirs = write("theirs", good);
    let link = dir.path().join("ours");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    let out = merge_driver()
        .args([&base, &link, &theirs])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("symbolic link") && stderr.lines().count() == 1,
        "{stderr}"
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&target).expect("target"), good);

    let ours = write("ours2", good);
    std::fs::set_permissions(&ours, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let out = merge_driver()
        .args([&base, &ours, &theirs])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let mode = std::fs::metadata(&ours).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o644, "the merged file keeps git's mode");
}

/// Issue 15 items 5 and 12: each version is read as a sidecar (a regular file of at most 8 MiB,
/// refused unread otherwise), and with `%P` messages name the sidecar, not git's temporary file.
#[cfg(unix)]
#[test]
fn versions_are_bounded_regular_files_and_messages_name_the_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, text: &[u8]| write_in(dir.path(), name, text);
    let good = b"version = 1\n\n[report]\nfile = \"r.txt\"\nsha256 = \"\"\n";
    let base = write(".merge_file_a1", b"");
    let ours = write(".merge_file_b2", good);
    // Larger than a sidecar may be, but sparse: it is refused by its size, never read.
    let big = dir.path().join(".merge_file_c3");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(9 << 20))
        .expect("sparse file");
    let out = merge_driver()
        .args([&base, &ours, &big])
        .arg("notes/r.txt.sidenote.toml")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("notes/r.txt.sidenote.toml (theirs)"),
        "{stderr}"
    );
    assert!(stderr.contains("too large"), "{stderr}");
    assert!(!stderr.contains(".merge_file"), "{stderr}");
    assert_eq!(std::fs::read(&ours).expect("ours"), good);
    // A device is refused without being read (git never passes one; a hand call might).
    let out = merge_driver()
        .args([base.as_path(), ours.as_path(), Path::new("/dev/zero")])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("/dev/zero: is a character device"),
        "{stderr}"
    );
}

/// Issue 15 items 10 and 11 through the driver: one author's two new claims on one sentence
/// become one; a claim moved on one side (the report was edited) and annotated on the other
/// merges without a conflict copy.
#[test]
fn one_claim_per_author_per_span_and_moves_are_no_conflict() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, text: &str| write_in(dir.path(), name, text);
    let top = "version = 1\n\n[report]\nfile = \"r.txt\"\nsha256 = \"\"\n";
    let claim = |id: &str, start: usize, note: &str| {
        format!(
            "\n[[claim]]\nid = \"{id}\"\nstatus = \"sourced\"\nstart = {start}\nend = {}\nquote = \"Officials said so.\"\n{note}author = \"ana\"\ncreated = 2026-01-01T00:00:00Z\nupdated = 2026-01-01T00:00:00Z\n",
            start + 18
        )
    };
    let run = |base: &Path, ours: &Path, theirs: &Path| {
        let out = merge_driver()
            .args([base, ours, theirs])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{out:?}");
        assert!(out.stderr.is_empty(), "no conflict reported: {out:?}");
    };
    let base = write("base", top);
    let ours = write("ours", &format!("{top}{}", claim("aaaa1", 0, "")));
    let theirs = write("theirs", &format!("{top}{}", claim("bbbb2", 0, "")));
    run(&base, &ours, &theirs);
    let merged = std::fs::read_to_string(&ours).expect("ours");
    assert_eq!(merged.matches("[[claim]]").count(), 1, "{merged}");

    let base = write("base", &format!("{top}{}", claim("aaaa1", 0, "")));
    let ours = write("ours", &format!("{top}{}", claim("aaaa1", 10, "")));
    let theirs = write(
        "theirs",
        &format!(
            "{top}{}",
            claim("aaaa1", 0, "note = \"ask the ministry\"\n")
        ),
    );
    run(&base, &ours, &theirs);
    let merged = std::fs::read_to_string(&ours).expect("ours");
    assert_eq!(merged.matches("[[claim]]").count(), 1, "{merged}");
    assert!(
        merged.contains("start = 10") && merged.contains("ask the ministry"),
        "{merged}"
    );
    assert!(!merged.contains("conflict"), "{merged}");
}

/// A version that does not exist (a typo in a call by hand; git always passes three files) is
/// bad input naming it, not an empty side: taken as empty, a missing `%B` read as "theirs
/// removed every claim" and the driver deleted the ancestor's claims from `%A`, exit 0.
#[test]
fn a_missing_version_is_refused_and_ours_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let claim = "version = 1\n\n[report]\nfile = \"r.txt\"\nsha256 = \"\"\n\n[[claim]]\n\
        id = \"a1\"\nstatus = \"sourced\"\nstart = 0\nend = 3\nquote = \"The\"\nauthor = \"ana\"\n\
        created = 2026-01-01T00:00:00Z\nupdated = 2026-01-01T00:00:00Z\n";
    let base = dir.path().join("base");
    let ours = dir.path().join("ours");
    std::fs::write(&base, claim).expect("base");
    std::fs::write(&ours, claim).expect("ours");
    for (args, missing) in [
        (
            [base.clone(), ours.clone(), dir.path().join("thiers")],
            "thiers",
        ),
        (
            [dir.path().join("bsae"), ours.clone(), base.clone()],
            "bsae",
        ),
    ] {
        let out = merge_driver().args(&args).output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(missing) && stderr.contains("no such file"),
            "{stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert_eq!(std::fs::read_to_string(&ours).expect("ours"), claim);
    }
    let absent = dir.path().join("absent");
    let out = merge_driver()
        .args([&base, &absent, &base])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(!absent.exists(), "a missing %A was created");
}

/// A `[[no_claim]]` table: `quote` read by `author`, starting at code point `start`.
fn mark(quote: &str, start: usize, author: &str) -> String {
    format!(
        "\n[[no_claim]]\nstart = {start}\nend = {}\nquote = \"{quote}\"\nprefix = \"\"\nsuffix = \"\"\nauthor = \"{author}\"\ncreated = 2026-11-24T18:00:00Z\n",
        start + quote.chars().count()
    )
}

/// The merged seams of issues 17 and 18: no-claim marks and dismissed suggestions changed on
/// both sides at once, each merged three ways in one run — additions on either side kept,
/// removals (an unmark, a restore) on either side kept removed, nothing written twice.
#[test]
fn marks_and_dismissals_changed_on_both_sides_merge_three_ways_together() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, text: &str| write_in(dir.path(), name, text);
    let top = DISMISSED_TOP;
    let (one, two, three, four) = ("One.", "Two.", "Three.", "Four.");
    // The ancestor: ana read One, ben read Two; Three's and Four's suggestions dismissed.
    let base = format!(
        "{top}{}{}{}{}",
        mark(one, 0, "ana"),
        mark(two, 5, "ben"),
        dismissed(three, 10),
        dismissed(four, 17)
    );
    // Ours: ana unmarked One, marked Four; brought Three's suggestion back; dismissed One's.
    let ours = format!(
        "{top}{}{}{}{}",
        mark(two, 5, "ben"),
        mark(four, 17, "ana"),
        dismissed(one, 0),
        dismissed(four, 17)
    );
    // Theirs: ben unmarked Two, marked Three; brought Four's suggestion back; dismissed Two's.
    let theirs = format!(
        "{top}{}{}{}{}",
        mark(one, 0, "ana"),
        mark(three, 10, "ben"),
        dismissed(two, 5),
        dismissed(three, 10)
    );
    let (base, ours_path, theirs) = (
        write("base", &base),
        write("ours", &ours),
        write("theirs", &theirs),
    );
    let out = merge_driver()
        .args([&base, &ours_path, &theirs])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let merged: toml::Table = std::fs::read_to_string(&ours_path)
        .expect("ours")
        .parse()
        .expect("the result is a valid sidecar");
    let quotes = |table: &str| -> Vec<String> {
        merged
            .get(table)
            .and_then(toml::Value::as_array)
            .map(|list| {
                list.iter()
                    .map(|item| {
                        format!(
                            "{} {}",
                            item["quote"].as_str().unwrap_or_default(),
                            item.get("author")
                                .and_then(toml::Value::as_str)
                                .unwrap_or_default()
                        )
                        .trim_end()
                        .to_owned()
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        quotes("no_claim"),
        ["Three. ben", "Four. ana"],
        "both unmarks applied, both new marks kept"
    );
    assert_eq!(
        quotes("dismissed"),
        ["One.", "Two."],
        "both restores applied, both new dismissals kept"
    );
}
