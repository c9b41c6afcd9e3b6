//! Writes a large team-annotated report for timing `sidenote merge-driver` and `sidenote agree`
//! (see docs/benchmarks.md): a 4,000-sentence report and the sidecars of a git merge where three
//! analysts tagged 2,000 sentences each, and 100 of the first analyst's claims were changed
//! differently in two clones.
//!
//! `cargo run --release --example team_data -- FOLDER`

use std::path::PathBuf;

use sidenote::annotate::{Claim, Grade, Sidecar};
use sidenote::report::Report;

const WORDS: [&str; 12] = [
    "harbour",
    "grid",
    "minister",
    "cable",
    "ferry",
    "police",
    "substation",
    "official",
    "outage",
    "engineers",
    "council",
    "market",
];
const TAGS: [&str; 4] = ["sourced", "unsourced", "disputed", "opinion"];

/// A small deterministic generator (xorshift), so every run writes the same files.
struct Dice(u64);

impl Dice {
    fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % below as u64) as usize
    }
}

fn main() {
    let folder = PathBuf::from(std::env::args().nth(1).expect("usage: team_data FOLDER"));
    std::fs::create_dir_all(&folder).expect("folder");
    let mut dice = Dice(0x5eed);
    let mut text = String::new();
    for i in 0..4000 {
        let words: Vec<&str> = (0..6 + dice.next(12))
            .map(|_| WORDS[dice.next(12)])
            .collect();
        let sentence = words.join(" ");
        // A capital after the full stop, so each one ends a sentence.
        text.push_str(&sentence[..1].to_uppercase());
        text.push_str(&sentence[1..]);
        text.push_str(if i % 5 == 4 { ".\n\n" } else { ". " });
    }
    let path = folder.join("big.txt");
    std::fs::write(&path, &text).expect("report");
    let report = Report::load(&path).expect("loads");
    let when = "2026-11-25T10:00:00Z".parse().expect("date");
    let mut analyst = |author: &str| -> Vec<Claim> {
        let mut chosen: Vec<usize> = (0..report.sentences.len()).collect();
        for i in (1..chosen.len()).rev() {
            chosen.swap(i, dice.next(i + 1));
        }
        chosen[..2000]
            .iter()
            .map(|&n| {
                let status = TAGS[dice.next(4)];
                let mut claim =
                    Claim::new(&report, report.sentences[n].clone(), status, author, when);
                let letter = char::from(b'A' + dice.next(6) as u8);
                claim.grade =
                    Grade::new(letter, 1 + dice.next(6) as u8).filter(|_| dice.next(10) < 7);
                claim
            })
            .collect()
    };
    let (ana, ben, cal) = (analyst("ana"), analyst("ben"), analyst("cal"));
    let changed = |claims: &[Claim], status: &str| -> Vec<Claim> {
        let mut claims = claims.to_vec();
        for claim in claims.iter_mut().take(100) {
            status.clone_into(&mut claim.status);
        }
        claims
    };
    let write = |name: &str, claims: Vec<Claim>| {
        let mut sidecar = Sidecar::new(&report);
        sidecar.claims = claims;
        sidecar.sort();
        std::fs::write(folder.join(name), sidecar.to_toml().expect("toml")).expect("write");
    };
    write("base.toml", ana.clone());
    write(
        "ours.toml",
        [changed(&ana, "disputed"), ben.clone()].concat(),
    );
    write(
        "theirs.toml",
        [changed(&ana, "opinion"), cal.clone()].concat(),
    );
    write("big.txt.sidenote.toml", [ana, ben, cal].concat());
}
