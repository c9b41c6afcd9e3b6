//! Saves under stress, on the built binary: many writers at once, and writers killed with SIGKILL
//! at random moments. Nothing a finished save wrote may be lost, and the sidecar must always parse.

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

fn report(sentences: usize) -> String {
    (1..=sentences).fold(String::new(), |mut text, n| {
        let _ = writeln!(text, "Claim number {n} rests on nobody.");
        text
    })
}

fn sidenote(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sidenote"));
    command
        .args(args)
        .arg("--config")
        .arg(crate::support::default_config())
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir)
        .env("HOME", dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

fn tag(dir: &Path, n: usize) -> Child {
    sidenote(dir, &["tag", "report.txt", &n.to_string(), "sourced"])
        .spawn()
        .expect("spawn sidenote")
}

/// Sentence numbers (from 1) that carry a claim in the sidecar, which must parse.
fn tagged(dir: &Path) -> Vec<usize> {
    let path = dir.join("report.txt.sidenote.toml");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Vec::new();
    };
    let sidecar: toml::Table =
        toml::from_str(&text).unwrap_or_else(|e| panic!("the sidecar does not parse: {e}\n{text}"));
    let mut numbers: Vec<usize> = sidecar["claim"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|claim| {
            let quote = claim["quote"].as_str().expect("quote");
            quote
                .split(' ')
                .nth(2)
                .and_then(|n| n.parse().ok())
                .expect("the quote names its sentence")
        })
        .collect();
    numbers.sort_unstable();
    numbers
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp") || name.ends_with(".lock"))
        .collect()
}

#[test]
fn the_leftover_check_sees_temporary_and_lock_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in [
        "report.txt",
        ".report.txt.sidenote.toml.1-0.tmp",
        "report.txt.sidenote.toml.lock",
    ] {
        std::fs::write(dir.path().join(name), "").expect("write");
    }
    let mut found = leftovers(dir.path());
    found.sort();
    assert_eq!(
        found,
        [
            ".report.txt.sidenote.toml.1-0.tmp",
            "report.txt.sidenote.toml.lock"
        ]
    );
}

#[test]
fn forty_writers_at_once_keep_forty_claims() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("report.txt"), report(40)).expect("report");
    let writers: Vec<Child> = (1..=40).map(|n| tag(dir.path(), n)).collect();
    for writer in writers {
        let output = writer.wait_with_output().expect("wait");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert_eq!(tagged(dir.path()), (1..=40).collect::<Vec<_>>());
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

/// A small deterministic generator, so a failure can be replayed.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn writers_killed_at_random_moments_lose_no_finished_save() {
    const ROUNDS: usize = 200;
    /// Every this many rounds, one writer runs to the end to measure how long a save takes now.
    const MEASURE_EVERY: usize = 20;
    let dir = tempfile::tempdir().expect("tempdir");
    let measured = ROUNDS / MEASURE_EVERY;
    std::fs::write(dir.path().join("report.txt"), report(ROUNDS + measured)).expect("report");
    let mut random = XorShift(0x5eed_1234_abcd_0001);
    let mut finished = Vec::new();
    let mut killed = 0;
    let mut window = 0;
    for n in 1..=ROUNDS {
        if (n - 1) % MEASURE_EVERY == 0 {
            // How long a whole `tag` takes on this machine now (it grows with the sidecar and
            // with the load), so the kills land before, during and after the save.
            let sentence = ROUNDS + 1 + (n - 1) / MEASURE_EVERY;
            let started = std::time::Instant::now();
            assert!(tag(dir.path(), sentence).wait().expect("wait").success());
            finished.push(sentence);
            window = u64::try_from(started.elapsed().as_micros() * 3 / 2).expect("fits");
        }
        let mut writer = tag(dir.path(), n);
        std::thread::sleep(Duration::from_micros(random.next() % window.max(1)));
        if writer.try_wait().expect("poll").is_none() {
            writer.kill().expect("SIGKILL");
            killed += 1;
        }
        let status = writer.wait().expect("wait");
        if status.success() {
            finished.push(n);
        }
        // After every round the sidecar parses (checked inside `tagged`) and holds every claim
        // whose writer finished.
        let on_disk = tagged(dir.path());
        for done in &finished {
            assert!(
                on_disk.binary_search(done).is_ok(),
                "claim {done} lost after round {n}"
            );
        }
    }
    eprintln!(
        "{killed} writers killed mid-way, {} finished",
        finished.len() - measured
    );
    assert!(
        killed > ROUNDS / 10,
        "only {killed} writers were killed mid-way: the test proves little"
    );
    assert!(
        finished.len() - measured > ROUNDS / 10,
        "only {} writers finished",
        finished.len() - measured
    );
    // A later save cleans what the killed writers left behind.
    let output = sidenote(dir.path(), &["untag", "report.txt", "1"])
        .output()
        .expect("run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}
