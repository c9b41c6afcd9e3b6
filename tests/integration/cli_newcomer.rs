//! What a new user tripped on at the command line (issue 17), on the built binary: a sidecar
//! given as the report, `--config` before the subcommand, a narrowed claim for `tag`/`untag`,
//! unresolved conflicts in `check`, the manual page, and web pages that are furniture or no
//! article at all.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A plain ASCII report, so code points are bytes: four sentences.
const REPORT: &str = "The port reopened on Monday. Officials said the water was safe. \
Residents were not convinced. A spokesperson declined to comment.\n";

/// A temporary folder holding `r.txt` ([`REPORT`]) and `config.toml` (author `tester`).
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let sandbox = Self { dir };
        sandbox.write("config.toml", "author = \"tester\"\n");
        sandbox.write("r.txt", REPORT);
        sandbox
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, text: &str) {
        std::fs::write(self.path(name), text).expect("write fixture");
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).expect("read file")
    }

    /// The names in the folder, sorted.
    fn listing(&self) -> Vec<String> {
        crate::support::listing(self.dir.path())
    }

    /// Runs `sidenote ARGS` in the folder, exactly as given (no `--config` added).
    fn bare(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_sidenote"))
            .args(args)
            .current_dir(self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path())
            .output()
            .expect("run sidenote")
    }

    /// Runs `sidenote ARGS --config config.toml` in the folder.
    fn run(&self, args: &[&str]) -> Output {
        let mut args = args.to_vec();
        args.extend(["--config", "config.toml"]);
        self.bare(&args)
    }

    /// Runs a command that must succeed; returns its standard output.
    fn ok(&self, args: &[&str]) -> String {
        succeeded(&self.run(args), args)
    }

    /// Runs a command that must fail as bad input: exit 2, nothing on standard output, one line
    /// on standard error, which is returned.
    fn refused(&self, args: &[&str]) -> String {
        refused(&self.run(args), args)
    }
}

fn succeeded(output: &Output, args: &[&str]) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn refused(output: &Output, args: &[&str]) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(
        output.stdout.is_empty(),
        "{args:?}: printed {}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    stderr
}

// Item 6: a sidecar given as the report.

#[test]
fn every_command_on_one_report_takes_its_sidecar_as_the_report() {
    let sandbox = Sandbox::new();
    let sidecar = "r.txt.sidenote.toml";
    let id = sandbox.ok(&["tag", "r.txt", "2", "sourced"]);
    let before = sandbox.listing();

    let claims = sandbox.ok(&["claims", sidecar]);
    assert!(claims.contains(id.trim()), "{claims}");
    assert!(
        claims.contains("Officials said the water was safe."),
        "{claims}"
    );

    let retagged = sandbox.ok(&["tag", sidecar, "2", "disputed"]);
    assert_eq!(retagged, id, "the same claim is updated");
    sandbox.ok(&["tag", sidecar, "3", "unsourced"]);
    assert_eq!(
        sandbox.listing(),
        before,
        "no sidecar of the sidecar is made"
    );
    let saved = sandbox.read(sidecar);
    assert!(saved.contains("status = \"disputed\""), "{saved}");
    assert!(saved.contains("Residents were not convinced."), "{saved}");

    let sentences = sandbox.ok(&["sentences", sidecar]);
    assert_eq!(
        sentences.lines().nth(1),
        Some("2\tdisputed\tOfficials said the water was safe."),
        "{sentences}"
    );
    let text = sandbox.ok(&["text", sidecar]);
    assert_eq!(text, REPORT);
    let suggestions = sandbox.ok(&["suggest", sidecar]);
    assert_eq!(suggestions.lines().count(), 4, "{suggestions}");

    sandbox.ok(&["untag", sidecar, "3"]);
    let saved = sandbox.read(sidecar);
    assert!(!saved.contains("quote = \"Residents"), "{saved}");
    assert_eq!(sandbox.listing(), before);
}

#[test]
fn a_sidecar_whose_report_is_missing_is_refused_naming_the_report() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["tag", "r.txt", "1", "sourced"]);
    std::fs::rename(
        sandbox.path("r.txt.sidenote.toml"),
        sandbox.path("gone.txt.sidenote.toml"),
    )
    .expect("rename");
    let before = sandbox.listing();
    for args in [
        &["claims", "gone.txt.sidenote.toml"][..],
        &["tag", "gone.txt.sidenote.toml", "1", "sourced"],
        &["untag", "gone.txt.sidenote.toml", "1"],
        &["sentences", "gone.txt.sidenote.toml"],
    ] {
        let message = sandbox.refused(args);
        assert!(
            message.contains("gone.txt: no such file"),
            "{args:?}: {message}"
        );
    }
    assert_eq!(sandbox.listing(), before, "nothing written");
}

/// A name that is only the sidecar ending (`.sidenote.toml`) is no report's sidecar: it is taken
/// as the file it names, so a message about it names what the user typed, not an empty name
/// or the folder it is in.
#[test]
fn a_bare_sidecar_ending_is_taken_as_the_file_given() {
    let sandbox = Sandbox::new();
    std::fs::create_dir(sandbox.path("q")).expect("mkdir");
    let before = sandbox.listing();
    for name in [".sidenote.toml", "q/.sidenote.toml"] {
        for args in [
            &["claims", name][..],
            &["tag", name, "1", "sourced"],
            &["sentences", name],
        ] {
            let message = sandbox.refused(args);
            assert!(
                message.contains(&format!("{name}: no such file")),
                "{args:?}: {message}"
            );
        }
    }
    assert_eq!(sandbox.listing(), before, "nothing written");

    sandbox.write("q/.sidenote.toml", "The port reopened on Monday.\n");
    let text = sandbox.ok(&["text", "q/.sidenote.toml"]);
    assert_eq!(
        text, "The port reopened on Monday.\n",
        "read as a plain file"
    );
}

// Item 7: `--config` is global.

#[test]
fn config_is_taken_before_and_after_the_subcommand() {
    let sandbox = Sandbox::new();
    sandbox.write("other.toml", "author = \"before\"\n");
    for args in [
        &["--config", "other.toml", "tag", "r.txt", "1", "sourced"][..],
        &["tag", "r.txt", "2", "sourced", "--config", "other.toml"],
        &["tag", "--config", "other.toml", "r.txt", "3", "sourced"],
    ] {
        succeeded(&sandbox.bare(args), args);
    }
    let claims = sandbox.ok(&["claims", "r.txt", "--format", "json"]);
    assert_eq!(
        claims.matches("\"author\": \"before\"").count(),
        3,
        "{claims}"
    );
    for args in [
        &["--config", "other.toml", "stats", "."][..],
        &["stats", ".", "--config", "other.toml"],
        &["--config", "other.toml", "check", "."],
    ] {
        succeeded(&sandbox.bare(args), args);
    }
    // Read in either place by a command that uses the settings: a missing settings file is
    // named either way.
    for args in [
        &["--config", "missing.toml", "stats", "r.txt"][..],
        &["stats", "r.txt", "--config", "missing.toml"],
    ] {
        let message = refused(&sandbox.bare(args), args);
        assert!(message.contains("missing.toml"), "{args:?}: {message}");
    }
}

#[test]
fn a_report_and_a_command_together_are_refused() {
    let sandbox = Sandbox::new();
    let message = refused(&sandbox.bare(&["r.txt", "stats"]), &["r.txt", "stats"]);
    assert!(message.contains("r.txt"), "{message}");
}

// Item 9: a claim belongs to the sentence it starts in.

/// Narrows the only claim in `r.txt`'s sidecar to `part` of its sentence.
fn narrow(sandbox: &Sandbox, part: &str) {
    let path = "r.txt.sidenote.toml";
    let mut sidecar: toml::Table = toml::from_str(&sandbox.read(path)).expect("sidecar");
    let start = REPORT.find(part).expect("part of the report");
    let claims = sidecar
        .get_mut("claim")
        .and_then(toml::Value::as_array_mut)
        .expect("claims");
    assert_eq!(claims.len(), 1);
    let claim = claims[0].as_table_mut().expect("a table");
    claim.insert(
        "start".into(),
        toml::Value::Integer(start.try_into().expect("fits")),
    );
    let end = start + part.len();
    claim.insert(
        "end".into(),
        toml::Value::Integer(end.try_into().expect("fits")),
    );
    claim.insert("quote".into(), toml::Value::String(part.to_owned()));
    claim.insert(
        "prefix".into(),
        toml::Value::String(REPORT[..start].to_owned()),
    );
    claim.insert(
        "suffix".into(),
        toml::Value::String(REPORT[end..].to_owned()),
    );
    sandbox.write(path, &toml::to_string(&sidecar).expect("TOML"));
}

#[test]
fn tag_and_untag_find_a_narrowed_claim_in_the_sentence_it_starts_in() {
    let sandbox = Sandbox::new();
    let id = sandbox.ok(&["tag", "r.txt", "2", "sourced", "--source", "officials"]);
    narrow(&sandbox, "the water was safe");
    let claims = sandbox.ok(&["claims", "r.txt", "--format", "json"]);
    assert!(
        claims.contains("\"quote\": \"the water was safe\""),
        "{claims}"
    );

    // `tag` updates the narrowed claim, keeping its words, instead of adding a second one.
    let retagged = sandbox.ok(&["tag", "r.txt", "2", "disputed"]);
    assert_eq!(retagged, id);
    let claims: serde_json::Value =
        serde_json::from_str(&sandbox.ok(&["claims", "r.txt", "--format", "json"])).expect("JSON");
    let claims = claims.as_array().expect("array");
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(claims[0]["status"], "disputed");
    assert_eq!(claims[0]["quote"], "the water was safe");
    assert_eq!(claims[0]["source"], "officials");
    // `sentences` shows the narrowed claim's tag on its sentence.
    let sentences = sandbox.ok(&["sentences", "r.txt"]);
    let tags: Vec<&str> = sentences
        .lines()
        .map(|l| l.split('\t').nth(1).unwrap_or_default())
        .collect();
    assert_eq!(tags, ["-", "disputed", "-", "-"], "{sentences}");

    // A colleague's tag is still their own claim beside it.
    sandbox.ok(&["tag", "r.txt", "2", "sourced", "--author", "colleague"]);
    // `untag` finds the narrowed claim and removes only it.
    let run = sandbox.run(&["untag", "r.txt", "2"]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("has no claim"), "{stderr}");
    let left = sandbox.ok(&["claims", "r.txt", "--format", "json"]);
    assert!(
        !left.contains("\"quote\": \"the water was safe\""),
        "{left}"
    );
    assert!(left.contains("colleague"), "{left}");
}

#[test]
fn a_claim_starting_in_the_sentence_before_is_not_taken_for_the_next() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["tag", "r.txt", "1", "sourced"]);
    // Starts in sentence 1 and runs into sentence 2.
    narrow(&sandbox, "Monday. Officials");
    let run = sandbox.run(&["untag", "r.txt", "2"]);
    assert_eq!(run.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("has no claim"),
        "sentence 2 holds no claim of its own"
    );
    assert!(
        sandbox
            .read("r.txt.sidenote.toml")
            .contains("Monday. Officials")
    );
    sandbox.ok(&["untag", "r.txt", "1"]);
    assert!(!sandbox.path("r.txt.sidenote.toml").exists());
}

// Item 3: `check` reports unresolved conflicts.

#[test]
fn check_reports_each_unresolved_conflict_with_its_sentence() {
    let sandbox = Sandbox::new();
    let sidecar = "r.txt.sidenote.toml";
    sandbox.ok(&["tag", "r.txt", "3", "sourced"]);
    sandbox.ok(&["tag", "r.txt", "4", "sourced"]);
    let base = sandbox.read(sidecar);
    sandbox.ok(&["tag", "r.txt", "3", "unsourced"]);
    sandbox.ok(&["tag", "r.txt", "4", "opinion"]);
    let ours = sandbox.read(sidecar);
    sandbox.write(sidecar, &base);
    sandbox.ok(&["tag", "r.txt", "3", "disputed"]);
    sandbox.ok(&["tag", "r.txt", "4", "disputed"]);
    let theirs = sandbox.read(sidecar);
    sandbox.write("base.toml", &base);
    sandbox.write(sidecar, &ours);
    sandbox.write("theirs.toml", &theirs);
    let merged = sandbox.run(&["merge-driver", "base.toml", sidecar, "theirs.toml"]);
    assert_eq!(merged.status.code(), Some(0));
    assert!(
        sandbox.read(sidecar).contains("conflict_of"),
        "the merge marked the conflicts"
    );

    let run = sandbox.run(&["check", sidecar]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    for (line, n) in lines.iter().zip([3, 4]) {
        assert!(line.starts_with(&format!("{sidecar}: ")), "{line}");
        assert!(
            line.contains(&format!("sentence {n}: unresolved conflict")),
            "{line}"
        );
    }
}

/// The control for the test above: the same claims without a merge give no finding.
#[test]
fn check_finds_nothing_without_a_conflict() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["tag", "r.txt", "3", "unsourced"]);
    sandbox.ok(&["tag", "r.txt", "4", "disputed"]);
    let run = sandbox.run(&["check", "r.txt.sidenote.toml"]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stdout)
    );
}

/// `untag` on a sentence a merge left in two versions removes one and keeps the other as the
/// claim, without the conflict's markers: `check` is clean, as after resolving in the reader.
#[test]
fn untag_on_a_conflict_keeps_the_other_version_without_markers() {
    let sandbox = Sandbox::new();
    let sidecar = "r.txt.sidenote.toml";
    sandbox.ok(&["tag", "r.txt", "3", "sourced"]);
    let base = sandbox.read(sidecar);
    sandbox.ok(&["tag", "r.txt", "3", "unsourced"]);
    let ours = sandbox.read(sidecar);
    sandbox.write(sidecar, &base);
    sandbox.ok(&["tag", "r.txt", "3", "disputed"]);
    let theirs = sandbox.read(sidecar);
    sandbox.write("base.toml", &base);
    sandbox.write(sidecar, &ours);
    sandbox.write("theirs.toml", &theirs);
    let merged = sandbox.run(&["merge-driver", "base.toml", sidecar, "theirs.toml"]);
    assert_eq!(merged.status.code(), Some(0));
    assert_eq!(sandbox.read(sidecar).matches("[[claim]]").count(), 2);
    let id = |text: &str| {
        text.lines()
            .find(|l| l.starts_with("id = "))
            .map(str::to_owned)
    };

    // The original removed by hand, as `check` advises: the copy left is still reported.
    let merged = sandbox.read(sidecar);
    let original = id(&ours).expect("an id");
    let by_hand: Vec<&str> = merged
        .split("[[claim]]")
        .filter(|block| !block.contains(&format!("{original}\n")))
        .collect();
    sandbox.write(sidecar, &by_hand.join("[[claim]]"));
    let run = sandbox.run(&["check", sidecar]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("is the only version left of claim"),
        "{stdout}"
    );
    sandbox.write(sidecar, &merged);

    sandbox.ok(&["untag", "r.txt", "3"]);
    let after = sandbox.read(sidecar);
    assert_eq!(after.matches("[[claim]]").count(), 1, "{after}");
    assert!(!after.contains("conflict"), "no residue: {after}");
    assert_eq!(id(&after), id(&ours), "the survivor has the claim's id");
    let run = sandbox.run(&["check", sidecar]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stdout)
    );
}

// Item 10: the manual page.

#[test]
fn the_manual_is_one_page_with_every_command_and_the_sections_a_user_needs() {
    let sandbox = Sandbox::new();
    let page = sandbox.ok(&["man"]);
    // No other page is named: every command is on this one.
    assert!(!page.contains("(1)"), "names another page: {page}");
    for command in [
        "sentences",
        "tag",
        "untag",
        "claims",
        "agree",
        "merge-driver",
        "suggest",
        "check",
        "stats",
        "export",
        "text",
        "completions",
        "man",
    ] {
        assert!(
            page.contains(&format!(".SS \"sidenote {command}")),
            "{command}: {page}"
        );
    }
    assert!(
        page.contains("\\-\\-source <SOURCE>"),
        "the options of tag: {page}"
    );
    for section in [
        ".SH \"EXIT STATUS\"",
        ".SH KEYS",
        ".SH FILES",
        ".SH ENVIRONMENT",
    ] {
        assert!(page.contains(section), "{section}: {page}");
    }
    let section = |name: &str| {
        let start = page.find(name).expect("section");
        let rest = &page[start + name.len()..];
        rest[..rest.find(".SH").unwrap_or(rest.len())].to_owned()
    };
    let exit = section(".SH \"EXIT STATUS\"");
    for code in ["\\fB0\\fR", "\\fB1\\fR", "\\fB2\\fR"] {
        assert!(exit.contains(code), "{code}: {exit}");
    }
    // As the README's table: check exits 2, not 1, when a file could not be read, and output
    // that could not be written is 1 for every other command.
    let (one, two) = exit.split_once("\\fB2\\fR").expect("an entry for 2");
    assert!(one.contains("output that could not be written"), "{one}");
    assert!(!one.contains("or the system failed"), "{one}");
    assert!(
        two.contains("for check, also a file or folder it could not read"),
        "{two}"
    );
    assert!(two.contains("an input over its limit"), "{two}");
    // The keys are the built-in ones (assets/config.toml), tags included.
    let keys = section(".SH KEYS");
    for (key, meaning) in [
        ("j, down", "next sentence\n"),
        ("s", "tag the sentence sourced: "),
        ("u", "tag the sentence unsourced: "),
        ("?", "help\n"),
        ("q, ctrl\\-c", "quit\n"),
    ] {
        let entry = format!(".TP\n\\fB{key}\\fR\n{meaning}");
        assert!(keys.contains(&entry), "{entry:?} not in: {keys}");
    }
    let files = section(".SH FILES");
    assert!(
        files.contains("config.toml") && files.contains(".sidenote.toml"),
        "{files}"
    );
    let environment = section(".SH ENVIRONMENT");
    for variable in ["NO_COLOR", "VISUAL", "EDITOR"] {
        assert!(environment.contains(variable), "{variable}: {environment}");
    }
}

// Item 11: page furniture and pages without an article.

fn page(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/pages")
        .join(path)
}

#[test]
fn repeated_captions_and_promos_are_dropped_from_a_page() {
    let sandbox = Sandbox::new();
    let path = page("tidewater-gallery.html");
    let text = sandbox.ok(&["text", path.to_str().expect("UTF-8 path")]);
    assert!(!text.contains("HIDE CAPTION"), "{text}");
    assert!(!text.contains("coastal walks"), "the promo: {text}");
    assert!(
        text.contains("Divers prepare to inspect the sea wall."),
        "a caption: {text}"
    );
    assert!(text.contains("cod off their menus"), "{text}");
}

#[test]
fn a_page_of_links_is_no_article_for_any_command_on_one_report() {
    let sandbox = Sandbox::new();
    let front = page("fronts/tidewater-news.html");
    let front = front.to_str().expect("UTF-8 path");
    for args in [
        &["text", front][..],
        &["sentences", front],
        &["claims", front],
        &["suggest", front],
        &["tag", front, "1", "sourced"],
        &["untag", front, "1"],
    ] {
        let message = sandbox.refused(args);
        assert!(
            message.contains("tidewater-news.html: no article found"),
            "{args:?}: {message}"
        );
    }
    assert!(!page("fronts/tidewater-news.html.sidenote.toml").exists());
}

#[test]
fn the_reader_opens_a_sidecar_as_its_report() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["tag", "r.txt", "2", "sourced"]);
    let mut reader =
        crate::support::pty::Session::start(sandbox.dir.path(), &["r.txt.sidenote.toml"]);
    reader.wait_for("The port reopened on Monday.");
    reader.wait_for_status("1 claim");
    reader.press("u");
    reader.wait_for_status("2 claims");
    reader.wait_for_status("saved");
    reader.press("q");
    assert_eq!(reader.wait_exit(), 0, "screen:\n{}", reader.screen());
    drop(reader);
    assert!(
        !sandbox.path("r.txt.sidenote.toml.sidenote.toml").exists(),
        "the sidecar was read as a report"
    );
    let claims = sandbox.ok(&["claims", "r.txt", "--format", "json"]);
    assert_eq!(claims.matches("\"id\"").count(), 2, "{claims}");
}
