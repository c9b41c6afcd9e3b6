//! Hostile and odd input to the built `sidenote` binary: files that are not reports (named pipes,
//! folders, unreadable or binary files), reports that are not valid UTF-8 or are full of terminal
//! escapes, file names that try to retitle the terminal, and sidecars built to exhaust the parser.
//!
//! Every run has a deadline, a hang guard and not a speed goal (speed is for benchmarks): a
//! command still running after it is killed and the test fails loudly, so a regression (a named
//! pipe opened and waited on) fails instead of hanging the suite. The tests assert what the
//! commands do: the exit code, the one line they say, and that nothing on disk changed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use serde_json::Value;

/// How long any one command may run before it counts as hung: far beyond what any of them needs
/// on a loaded machine, so only a hang (a wait that never ends) reaches it.
const DEADLINE: Duration = Duration::from_mins(1);

/// A temporary folder holding a config file, where the commands run.
struct Sandbox {
    dir: tempfile::TempDir,
}

/// What a finished command left behind.
struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl Run {
    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    /// Checks the command failed as bad input (exit 2) with one line on stderr that holds
    /// `expected`, and returns that line.
    fn refused(&self, expected: &str) -> String {
        let stderr = self.stderr();
        assert_eq!(self.code, Some(2), "exit code; stderr: {stderr}");
        assert!(stderr.contains(expected), "{expected:?} not in: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(self.stdout.is_empty(), "stdout: {:?}", self.stdout);
        stderr
    }
}

impl Sandbox {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("config.toml"), "author = \"tester\"\n").expect("config");
        Self { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, bytes: &[u8]) {
        std::fs::write(self.path(name), bytes).expect("write fixture");
    }

    /// The names in the folder, sorted.
    fn listing(&self) -> Vec<String> {
        crate::support::listing(self.dir.path())
    }

    /// Runs `sidenote ARGS --config config.toml` in the folder, killing it at the deadline.
    fn run(&self, args: &[&str]) -> Run {
        self.run_with_config(args, &self.path("config.toml"))
    }

    /// Runs `sidenote ARGS --config CONFIG` in the folder, killing it at the deadline.
    fn run_with_config(&self, args: &[&str], config: &Path) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_sidenote"));
        command.args(args).arg("--config").arg(config);
        self.finish(command)
    }

    /// Runs `command` in the folder, killing it at the deadline.
    fn finish(&self, mut command: Command) -> Run {
        let mut child = command
            .current_dir(self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run sidenote");
        let started = Instant::now();
        let stdout = drain(child.stdout.take());
        let stderr = drain(child.stderr.take());
        let status = wait(&mut child, started, &format!("{command:?}"));
        Run {
            code: status.code(),
            stdout: stdout.join().expect("stdout reader"),
            stderr: stderr.join().expect("stderr reader"),
        }
    }

    /// `sentences REPORT --format jsonl`, which must succeed, parsed.
    fn sentences(&self, report: &str) -> Vec<Value> {
        let run = self.run(&["sentences", report, "--format", "jsonl"]);
        assert_eq!(run.code, Some(0), "stderr: {}", run.stderr());
        String::from_utf8(run.stdout)
            .expect("UTF-8 output")
            .lines()
            .map(|line| serde_json::from_str(line).expect("a JSON line"))
            .collect()
    }
}

/// Reads a child's pipe to its end on a thread of its own, so a full pipe never stalls the child.
fn drain(pipe: Option<impl std::io::Read + Send + 'static>) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            pipe.read_to_end(&mut bytes).expect("read pipe");
        }
        bytes
    })
}

/// Waits for `child`, killing it and failing the test when it outlives the deadline.
fn wait(child: &mut Child, started: Instant, what: &str) -> std::process::ExitStatus {
    loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            return status;
        }
        if started.elapsed() > DEADLINE {
            child.kill().expect("kill the hung sidenote");
            child.wait().expect("reap it");
            panic!("{what} still ran after {DEADLINE:?}: it hung");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// The characters in `bytes` that a terminal would obey rather than show (line feeds aside).
fn terminal_controls(bytes: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}')
        })
        .collect()
}

#[test]
fn the_control_check_sees_controls() {
    assert_eq!(
        terminal_controls("a\u{1b}[31mb\u{202E}c\td\n".as_bytes()),
        ['\u{1b}', '\u{202E}', '\t']
    );
    assert!(terminal_controls("plain text, “quoted”\n".as_bytes()).is_empty());
}

/// Makes a named pipe at `path` with `mkfifo`; a system without it fails the test rather than
/// letting it pass untried.
#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap_or_else(|e| panic!("mkfifo cannot run here ({e}): the test needs it"));
    assert!(status.success(), "mkfifo {} failed", path.display());
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let sandbox = Sandbox::new();
    mkfifo(&sandbox.path("pipe.txt"));
    for args in [
        &["sentences", "pipe.txt"][..],
        &["claims", "pipe.txt"],
        &["tag", "pipe.txt", "1", "sourced"],
        &["pipe.txt"],
    ] {
        let message = sandbox
            .run(args)
            .refused("pipe.txt: is a named pipe (FIFO)");
        assert!(message.contains("not a regular file"), "{message}");
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_as_sidecar_is_refused_and_left_alone() {
    let sandbox = Sandbox::new();
    sandbox.write("report.txt", b"One sentence. Another one.\n");
    mkfifo(&sandbox.path("report.txt.sidenote.toml"));
    for args in [
        &["claims", "report.txt"][..],
        &["tag", "report.txt", "1", "sourced"],
        &["untag", "report.txt", "1"],
    ] {
        sandbox
            .run(args)
            .refused("report.txt.sidenote.toml: is a named pipe (FIFO)");
    }
    let kind = std::fs::symlink_metadata(sandbox.path("report.txt.sidenote.toml"))
        .expect("still there")
        .file_type();
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(&kind),
        "the named pipe was replaced"
    );
}

#[test]
fn a_folder_and_a_missing_file_are_refused() {
    let sandbox = Sandbox::new();
    std::fs::create_dir(sandbox.path("reports")).expect("mkdir");
    sandbox
        .run(&["sentences", "reports"])
        .refused("reports: is a folder");
    sandbox
        .run(&["claims", "gone.txt"])
        .refused("gone.txt: no such file");
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_refused() {
    use std::os::unix::fs::PermissionsExt as _;
    let sandbox = Sandbox::new();
    sandbox.write("secret.txt", b"Nobody may read this.\n");
    let path = sandbox.path("secret.txt");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let mut command = if std::fs::read(&path).is_ok() {
        // Root reads anything: run sidenote as `nobody` instead, when `setpriv` can.
        let folder = std::fs::Permissions::from_mode(0o755);
        std::fs::set_permissions(sandbox.dir.path(), folder).expect("chmod folder");
        let mut command = Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        command.arg(env!("CARGO_BIN_EXE_sidenote"));
        command
    } else {
        Command::new(env!("CARGO_BIN_EXE_sidenote"))
    };
    command.args(["sentences", "secret.txt", "--config"]);
    command.arg(sandbox.path("config.toml"));
    let run = sandbox.finish(command);
    assert!(
        !run.stderr().starts_with("setpriv:"),
        "running as root, and setpriv cannot drop to nobody to try an unreadable file: {}",
        run.stderr()
    );
    run.refused("secret.txt: permission denied");
}

#[test]
fn binary_files_are_refused() {
    let sandbox = Sandbox::new();
    sandbox.write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let message = sandbox
        .run(&["sentences", "image.txt"])
        .refused("image.txt: not a text file");
    assert!(message.contains("NUL byte at offset 8"), "{message}");
    sandbox.write(
        "noise.txt",
        b"\x01\x02\x03\x04\x05\x06\x1b\x7f abc\x10\x11\x12\x13",
    );
    let message = sandbox
        .run(&["sentences", "noise.txt"])
        .refused("noise.txt: not a text file");
    assert!(
        message.contains("% of its start is control characters"),
        "{message}"
    );
}

#[test]
fn invalid_utf8_is_shown_with_replacement_characters() {
    let sandbox = Sandbox::new();
    // Windows-1252 bytes (é, curly quotes) in an otherwise UTF-8 file.
    sandbox.write(
        "report.txt",
        b"The caf\xE9 reopened. Prices rose \x93sharply\x94, \xE2\x80\x94 owners said.\n",
    );
    let sentences = sandbox.sentences("report.txt");
    let texts: Vec<&str> = sentences
        .iter()
        .map(|s| s["text"].as_str().expect("text"))
        .collect();
    assert_eq!(
        texts,
        [
            "The caf\u{FFFD} reopened.",
            "Prices rose \u{FFFD}sharply\u{FFFD}, \u{2014} owners said."
        ]
    );
    // Offsets count the decoded text: one code point per invalid byte here.
    assert_eq!(sentences[1]["start"], 19);
    assert_eq!(sentences[1]["end"], 19 + texts[1].chars().count());
}

#[test]
fn a_report_full_of_escapes_prints_only_stand_ins() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "report.txt",
        "Red \x1b[31malert\x1b[0m here. Title \x1b]0;pwned\x07 set. Clip \x1b]52;c;cHduZWQ=\x07 \
         copied. Eight-bit \u{9b}2J cleared. Bell\x07 and back\x08\x08space. \
         Reversed \u{202E}txt.exe\u{202C} name. Hidden\u{200B}\u{2066}space\u{2069}. \
         Over\rwritten line.\n"
            .as_bytes(),
    );
    for format in ["text", "jsonl"] {
        let run = sandbox.run(&["sentences", "report.txt", "--format", format]);
        assert_eq!(run.code, Some(0), "stderr: {}", run.stderr());
        let out = String::from_utf8(run.stdout).expect("UTF-8");
        let controls = terminal_controls(out.replace('\t', " ").as_bytes());
        assert!(controls.is_empty(), "{controls:?} printed in:\n{out}");
        for shown in [
            "\u{241B}[31malert",
            "\u{241B}]0;pwned\u{2407}",
            "\u{FFFD}2J",
            "Over\u{240D}written",
        ] {
            assert!(out.contains(shown), "{shown:?} not in:\n{out}");
        }
    }
}

#[test]
fn file_names_with_terminal_escapes_are_printed_as_stand_ins() {
    let sandbox = Sandbox::new();
    let name = "a\x1b]0;pwned\x07.txt";
    let shown = "a\u{241B}]0;pwned\u{2407}.txt";
    // Missing, then binary, then readable with a broken sidecar: three different messages.
    let missing = sandbox.run(&["sentences", name]);
    missing.refused(&format!("{shown}: no such file"));
    sandbox.write(name, b"\x00binary");
    let binary = sandbox.run(&["claims", name]);
    binary.refused(&format!("{shown}: not a text file"));
    sandbox.write(name, b"One sentence.\n");
    sandbox.write(&format!("{name}.sidenote.toml"), b"version = [\n");
    let broken = sandbox.run(&["claims", name]);
    broken.refused(&format!("{shown}.sidenote.toml:"));
    for run in [missing, binary, broken] {
        let controls = terminal_controls(&run.stderr);
        assert!(controls.is_empty(), "{controls:?} in: {}", run.stderr());
    }
}

#[test]
fn argument_errors_show_names_and_values_with_stand_ins() {
    let sandbox = Sandbox::new();
    let name = "a\x1b]0;pwned\x07.txt";
    sandbox.write(name, b"One sentence. Two sentences.\n");
    for args in [
        &["tag", name, "9", "sourced"][..],
        &["tag", name, "1", "bad\x1b[2Jtag"],
    ] {
        let run = sandbox.run(args);
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.stderr());
        let controls = terminal_controls(&run.stderr);
        assert!(controls.is_empty(), "{controls:?} in: {}", run.stderr());
    }
}

#[test]
fn a_config_error_names_its_file_with_stand_ins() {
    let sandbox = Sandbox::new();
    sandbox.write("report.txt", b"One sentence.\n");
    let config = sandbox.path("c\x1b[2J.toml");
    std::fs::write(&config, "\"\x1b]0;pwned\x07\" = 1\n").expect("config");
    let run = sandbox.run_with_config(&["tag", "report.txt", "1", "sourced"], &config);
    let stderr = run.stderr();
    assert_eq!(run.code, Some(2), "{stderr}");
    assert!(stderr.contains("c\u{241B}[2J.toml:1:"), "{stderr}");
    let controls = terminal_controls(&run.stderr);
    assert!(controls.is_empty(), "{controls:?} in: {stderr}");
}

/// Sidecars built to hurt the parser, by name.
fn hostile_sidecars() -> Vec<(&'static str, Vec<u8>)> {
    const DEEP: usize = 100_000;
    let head = "version = 1\n\n[report]\nfile = \"report.txt\"\n\n";
    let text = |body: String| format!("{head}{body}").into_bytes();
    let mut invalid_utf8 = text("[[claim]]\nid = \"a\"\nnote = \"".to_owned());
    invalid_utf8.extend_from_slice(b"caf\xE9\"\n");
    vec![
        (
            "arrays nested 100,000 deep",
            text(format!("x = {}{}\n", "[".repeat(DEEP), "]".repeat(DEEP))),
        ),
        (
            "inline tables nested 100,000 deep",
            text(format!(
                "x = {}1{}\n",
                "{a = ".repeat(DEEP),
                "}".repeat(DEEP)
            )),
        ),
        (
            "a dotted key of 100,000 parts",
            text(format!("{} = 1\n", vec!["a"; DEEP].join("."))),
        ),
        (
            "a table header of 100,000 parts",
            text(format!("[{}]\n", vec!["a"; DEEP].join("."))),
        ),
        (
            "an unclosed array 100,000 deep",
            text("x = ".to_owned() + &"[".repeat(DEEP)),
        ),
        (
            "a 50 MB string",
            text(format!("note = \"{}\"\n", "x".repeat(50_000_000))),
        ),
        ("invalid UTF-8", invalid_utf8),
    ]
}

#[test]
fn hostile_sidecars_are_refused_and_left_unchanged() {
    let sandbox = Sandbox::new();
    sandbox.write("report.txt", b"One sentence. Another one.\n");
    let sidecar = sandbox.path("report.txt.sidenote.toml");
    for (what, bytes) in hostile_sidecars() {
        std::fs::write(&sidecar, &bytes).expect("write sidecar");
        let before = sandbox.listing();
        for args in [
            &["claims", "report.txt"][..],
            &["tag", "report.txt", "1", "sourced"],
            &["untag", "report.txt", "1"],
        ] {
            let run = sandbox.run(args);
            let stderr = run.stderr();
            assert_eq!(run.code, Some(2), "{what}, {args:?}: {stderr}");
            assert!(
                stderr.contains("report.txt.sidenote.toml"),
                "{what}: {stderr}"
            );
            assert!(
                stderr.len() < 1000,
                "{what}: a {} byte message",
                stderr.len()
            );
            assert!(
                std::fs::read(&sidecar).expect("sidecar") == bytes,
                "{what}: the sidecar changed after {args:?}"
            );
            assert_eq!(
                sandbox.listing(),
                before,
                "{what}: files left after {args:?}"
            );
        }
    }
}

#[test]
fn a_sidecar_over_the_size_limit_is_refused_unread() {
    let sandbox = Sandbox::new();
    sandbox.write("report.txt", b"One sentence.\n");
    let sidecar = sandbox.path("report.txt.sidenote.toml");
    // Valid TOML, one small key per line, just over the limit: refused on its size alone.
    let limit = usize::try_from(sidenote::annotate::MAX_SIDECAR_BYTES).expect("fits");
    let mut text = String::from("version = 1\n\n[report]\nfile = \"report.txt\"\n\n[x]\n");
    let mut i = 0;
    while text.len() <= limit {
        writeln!(text, "k{i} = {i}").expect("write to a string");
        i += 1;
    }
    std::fs::write(&sidecar, &text).expect("write sidecar");
    let message = sandbox
        .run(&["claims", "report.txt"])
        .refused("report.txt.sidenote.toml: too large for a sidecar");
    assert!(
        message.contains(&format!("the limit is {} MiB", limit >> 20)),
        "{message}"
    );
    assert!(std::fs::read_to_string(&sidecar).expect("sidecar") == text);
}

/// The deepest nesting the `toml` crate lets through, `levels` deep: a table header of that many
/// parts holding arrays and inline tables nested that deep.
fn nested(levels: usize) -> String {
    let header = vec!["t"; levels].join(".");
    let arrays = format!("{}1{}", "[".repeat(levels), "]".repeat(levels));
    let tables = format!("{}1{}", "{ a = ".repeat(levels), " }".repeat(levels));
    format!("version = 1\n\n[report]\nfile = \"r.txt\"\n\n[{header}]\nx = {arrays}\ny = {tables}\n")
}

#[test]
fn deep_nesting_is_refused_by_the_parser_not_the_stack() {
    use sidenote::annotate::Sidecar;
    for (what, bytes) in hostile_sidecars() {
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        let error = within_deadline(what, move || {
            Sidecar::parse(&text, Path::new("s.toml")).map_err(|e| e.to_string())
        })
        .expect_err(what);
        assert!(error.starts_with("s.toml:"), "{what}: {error}");
    }
    // What is let through (80 levels) must not overflow a test thread's small stack either,
    // parsed or dropped; one level more is refused.
    let sidecar = Sidecar::parse(&nested(80), Path::new("s.toml")).expect("80 levels parse");
    drop(sidecar);
    let error = Sidecar::parse(&nested(81), Path::new("s.toml")).expect_err("81 levels");
    assert!(error.to_string().contains("recursion"), "{error}");
}

/// Runs `work` on a thread of its own and returns what it returned; a run outliving
/// [`DEADLINE`] counts as hung and fails the test (the thread is left behind), so a parser
/// caught in a loop fails loudly instead of stalling the suite.
fn within_deadline<T: Send + 'static>(what: &str, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(work());
    });
    match result.recv_timeout(DEADLINE) {
        Ok(value) => value,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what}: still running after {DEADLINE:?}: it hung")
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
            panic!("{what}: the work panicked")
        }
    }
}

/// Pieces of TOML syntax and characters a terminal obeys.
const SYNTAX: [&str; 21] = [
    "[",
    "]",
    "{",
    "}",
    "[[",
    "]]",
    "=",
    "\"",
    "'",
    "\"\"\"",
    ",",
    ".",
    "\n",
    "#",
    "\\",
    "\\u",
    "\u{9b}",
    "\u{202E}",
    "\0",
    "\r",
    "\x1b]0;t\x07",
];

/// Lines that are valid TOML but break sidecar rules, or stretch TOML's value syntax.
const PHRASES: [&str; 11] = [
    "version = 2",
    "start = -1",
    "end = 99999999999999999999",
    "id = \"a1\"",
    "[[claim]]",
    "claim = 1",
    "1979-05-27",
    "inf",
    "nan",
    "0x",
    "1e999",
];

/// Text shaped like a sidecar gone wrong: a valid file with fragments of TOML syntax, control
/// characters and nesting spliced in at random places.
fn mangled_sidecar() -> impl Strategy<Value = String> {
    const VALID: &str = "version = 1\n\n[report]\nfile = \"r.txt\"\nsha256 = \"ab\"\n\n[[claim]]\n\
        id = \"a1\"\nstatus = \"sourced\"\nstart = 0\nend = 4\nquote = \"Text\"\n\
        labels = [\"x\"]\ncreated = 2026-11-24T18:00:00Z\nupdated = 2026-11-24T18:00:00Z\n";
    let fragment = prop_oneof![
        prop::sample::select(SYNTAX.to_vec()).prop_map(str::to_owned),
        prop::sample::select(PHRASES.to_vec()).prop_map(str::to_owned),
        "\\PC{0,8}",
        (1usize..200).prop_map(|n| "[".repeat(n)),
        (1usize..200).prop_map(|n| "{a=".repeat(n)),
    ];
    (
        prop::collection::vec((0..=VALID.len(), fragment), 0..6),
        any::<bool>(),
    )
        .prop_map(|(edits, truncate)| {
            let mut text = VALID.to_owned();
            for (at, fragment) in edits {
                let mut at = at.min(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                text.insert_str(at, &fragment);
            }
            if truncate {
                let mut at = text.len() / 2;
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                text.truncate(at);
            }
            text
        })
}

/// Checks an error message is one line with nothing a terminal would obey.
fn printable(message: &str) -> Result<(), TestCaseError> {
    prop_assert!(!message.contains('\n'), "{:?}", message);
    let controls = terminal_controls(message.as_bytes());
    prop_assert!(controls.is_empty(), "{:?} in {:?}", controls, message);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_sidecar_parser_never_panics_on_any_text(text in any::<String>()) {
        if let Err(error) = sidenote::annotate::Sidecar::parse(&text, Path::new("s\x1b.toml")) {
            printable(&error.to_string())?;
        }
    }

    #[test]
    fn the_sidecar_parser_never_panics_on_mangled_sidecars(text in mangled_sidecar()) {
        if let Err(error) = sidenote::annotate::Sidecar::parse(&text, Path::new("s.toml")) {
            printable(&error.to_string())?;
        }
    }

    #[test]
    fn loading_arbitrary_bytes_fails_cleanly_and_changes_nothing(
        report in prop::collection::vec(any::<u8>(), 0..300),
        sidecar in prop::collection::vec(any::<u8>(), 0..300),
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let report_path = dir.path().join("r.txt");
        let sidecar_path = sidenote::annotate::sidecar_path(&report_path);
        std::fs::write(&report_path, &report).expect("write report");
        std::fs::write(&sidecar_path, &sidecar).expect("write sidecar");
        match sidenote::report::Report::load(&report_path) {
            Ok(loaded) => {
                let shown: String = loaded.text.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
                prop_assert_eq!(sidenote::report::safe(&shown), shown.as_str());
            }
            Err(error) => printable(&error.to_string())?,
        }
        if let Err(error) = sidenote::annotate::Sidecar::load(&sidecar_path) {
            printable(&error.to_string())?;
        }
        prop_assert_eq!(std::fs::read(&report_path).expect("report"), report);
        prop_assert_eq!(std::fs::read(&sidecar_path).expect("sidecar"), sidecar);
    }
}

#[test]
fn hostile_text_in_a_sidecar_never_reaches_the_terminal() {
    let sandbox = Sandbox::new();
    sandbox.write("report.txt", b"One claim here. Another one.\n");
    let tagged = sandbox.run(&["tag", "report.txt", "1", "sourced"]);
    assert_eq!(tagged.code, Some(0), "{}", tagged.stderr());
    let path = sandbox.path("report.txt.sidenote.toml");
    let sidecar = std::fs::read_to_string(&path).expect("sidecar");
    let hostile = sidecar.replace(
        "status = \"sourced\"",
        "status = \"x\\u001b]0;PWNED\\u0007\\u001b[2J\"",
    );
    assert_ne!(hostile, sidecar);
    std::fs::write(&path, hostile).expect("write");
    for args in [
        &["sentences", "report.txt"][..],
        &["claims", "report.txt"],
        &["check", "report.txt"],
    ] {
        let run = sandbox.run(args);
        // Tabs separate the columns of `sentences`; anything else is the sidecar's.
        let controls: Vec<char> = terminal_controls(&run.stdout)
            .into_iter()
            .chain(terminal_controls(&run.stderr))
            .filter(|&c| c != '\t')
            .collect();
        assert!(controls.is_empty(), "{args:?} printed {controls:?}");
    }
}

#[cfg(unix)]
#[test]
fn untag_names_a_hostile_file_with_stand_ins() {
    let sandbox = Sandbox::new();
    let name = "a\x1b]0;PWNED\x07.txt";
    sandbox.write(name, b"Nothing tagged here.\n");
    let run = sandbox.run(&["untag", name, "1"]);
    assert_eq!(run.code, Some(0));
    assert!(run.stderr().contains("nothing removed"), "{}", run.stderr());
    assert!(
        terminal_controls(&run.stderr).is_empty(),
        "{}",
        run.stderr()
    );
}
