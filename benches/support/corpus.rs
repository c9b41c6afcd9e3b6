//! A large, realistic text for the segmentation benchmarks, made from the bundled samples.
//!
//! Shared by `benches/segment.rs` and `examples/segment_compare.rs`, so the criterion figures
//! and the comparison with pySBD run on the same kind of text. The text is the samples in
//! `assets/samples/` again and again, each copy varied so that no two are alike: its body
//! paragraphs shuffled, every number redrawn and the names of people and places swapped for
//! others. The variation is drawn from a fixed seed, so every run sees the same bytes.

use std::path::Path;

/// Names that occur in the samples and are swapped for others in each copy.
const SAMPLE_NAMES: &[&str] = &[
    "Valmere",
    "Kessendorf",
    "Meridian",
    "Osei",
    "Okonkwo-Vance",
    "Marchetti-Dale",
    "Haddad-Brook",
    "Varga-Mendes",
    "Ebrecht-Saliu",
    "Brigid",
    "Amara",
    "Rafael",
    "Selin",
    "Henrik",
    "Tomasz",
    "Ines",
];

/// Fictional names put in their place, of varied lengths.
const OTHER_NAMES: &[&str] = &[
    "Lindqvist",
    "Osterman",
    "Halloran",
    "Brandvold",
    "Sadowski",
    "Vukovic",
    "Amsel",
    "Okafor",
    "Dunne",
    "Ostrowski",
    "Castell",
    "Whitcombe",
    "Ruiz",
    "Abend",
    "Kowal",
    "Forsberg-Lind",
    "Hadi",
    "Marlowe",
    "Quint",
    "Varnholt",
];

/// A small deterministic generator (xorshift64*), so that the corpus is the same on every run
/// without a dependency.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The samples' texts, in file-name order.
fn samples() -> Vec<String> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .expect("the samples folder")
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| std::fs::read_to_string(path).expect("a readable sample"))
        .collect()
}

/// At least `bytes` bytes of report text: varied copies of the samples, one after another,
/// separated by blank lines.
pub fn corpus(bytes: usize) -> String {
    let samples = samples();
    let mut draw = Draw(0x5EED_5EED_5EED_5EED);
    let mut text = String::with_capacity(bytes + 16 * 1024);
    let mut copy = 0;
    while text.len() < bytes {
        varied_copy(&samples[copy % samples.len()], &mut draw, &mut text);
        text.push_str("\n\n");
        copy += 1;
    }
    text
}

/// Appends a copy of `sample` to `out`: the first paragraph (the headline block) stays first,
/// the other paragraphs are shuffled, numbers are redrawn and names swapped.
fn varied_copy(sample: &str, draw: &mut Draw, out: &mut String) {
    let mut paragraphs: Vec<&str> = sample.trim().split("\n\n").collect();
    for i in (2..paragraphs.len()).rev() {
        let j = 1 + draw.below(i);
        paragraphs.swap(i, j);
    }
    let mut body = paragraphs.join("\n\n");
    for name in SAMPLE_NAMES {
        if body.contains(name) {
            body = body.replace(name, OTHER_NAMES[draw.below(OTHER_NAMES.len())]);
        }
    }
    let mut first_digit = true;
    for c in body.chars() {
        if let Some(digit) = c.to_digit(10) {
            // A number that starts with a non-zero digit still does, so it reads the same way.
            let low = u32::from(first_digit && digit != 0);
            let drawn = low + draw.below((10 - low) as usize) as u32;
            out.push(char::from_digit(drawn, 10).expect("a digit"));
            first_digit = false;
        } else {
            out.push(c);
            first_digit = true;
        }
    }
}
