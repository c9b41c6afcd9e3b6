//! Reports as they arrive: web pages, Markdown and PDFs through `Report::load` and the built
//! binary, the quality of article extraction on the saved pages in `tests/pages/`, and the
//! completion scripts and manual page.
//!
//! Each page in `tests/pages/NAME.html` is a news page written for these tests, in its own site
//! layout (navigation, ads, comments, related-story boxes), with the article text a reader
//! should get in `NAME.expected.txt`. Extraction is scored by word-level precision (how much of
//! what was extracted belongs to the article) and recall (how much of the article was
//! extracted); `docs/formats.md` reports the figures this test prints.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sidenote::report::Report;

/// Every page must keep at least this share of the article's words...
const MIN_RECALL: f64 = 0.97;
/// ...and at least this share of what it extracts must be article words.
const MIN_PRECISION: f64 = 0.90;

fn pages() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/pages")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    pages
}

/// The words of `text` with how often each occurs: lower case, punctuation around them removed.
fn words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text.split_whitespace() {
        let word = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if !word.is_empty() {
            *counts.entry(word).or_insert(0) += 1;
        }
    }
    counts
}

/// Word-level (precision, recall) of `got` against `expected`, counting repeated words.
fn score(got: &str, expected: &str) -> (f64, f64) {
    let (got, expected) = (words(got), words(expected));
    let total = |counts: &HashMap<String, usize>| counts.values().sum::<usize>();
    let common: usize = got
        .iter()
        .map(|(word, n)| (*n).min(expected.get(word).copied().unwrap_or(0)))
        .sum();
    #[allow(clippy::cast_precision_loss)]
    let ratio = |part: usize, whole: usize| part as f64 / whole.max(1) as f64;
    (ratio(common, total(&got)), ratio(common, total(&expected)))
}

#[test]
fn the_scores_count_extra_and_missing_words() {
    assert_eq!(
        score("the harbour reopened", "The harbour reopened."),
        (1.0, 1.0)
    );
    assert_eq!(
        score("Home the harbour reopened", "the harbour reopened"),
        (0.75, 1.0)
    );
    assert_eq!(
        score("the harbour", "the harbour reopened today"),
        (1.0, 0.5)
    );
    assert_eq!(score("", "the harbour"), (0.0, 0.0));
}

#[test]
fn every_saved_page_gives_its_article() {
    let pages = pages();
    assert!(pages.len() >= 6, "the test set has {} pages", pages.len());
    let (mut sum_p, mut sum_r) = (0.0, 0.0);
    let mut failures = Vec::new();
    for page in &pages {
        let report = Report::load(page).expect("the page loads");
        let expected = std::fs::read_to_string(page.with_extension("expected.txt"))
            .expect("expected text beside the page");
        let (precision, recall) = score(&report.text, &expected);
        let name = page.file_name().unwrap_or_default().to_string_lossy();
        println!("{name:<18} precision {precision:.3}  recall {recall:.3}");
        sum_p += precision;
        sum_r += recall;
        assert!(report.warnings.is_empty(), "{name}: {:?}", report.warnings);
        if precision < MIN_PRECISION || recall < MIN_RECALL {
            failures.push(format!(
                "{name}: precision {precision:.3}, recall {recall:.3}"
            ));
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let n = pages.len() as f64;
    println!(
        "{:<18} precision {:.3}  recall {:.3}",
        "mean",
        sum_p / n,
        sum_r / n
    );
    assert!(failures.is_empty(), "below the thresholds: {failures:?}");
}

/// A temporary folder to run the binary in, with an empty config.
struct Sandbox {
    dir: tempfile::TempDir,
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

    fn copy_page(&self, page: &str, name: &str) {
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/pages")
            .join(page);
        std::fs::copy(from, self.path(name)).expect("copy page");
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_sidenote"))
            .args(args)
            .arg("--config")
            .arg(self.path("config.toml"))
            .current_dir(self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path())
            .output()
            .expect("run sidenote")
    }

    fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("UTF-8 output")
    }
}

#[test]
fn text_prints_the_article_of_a_page() {
    let sandbox = Sandbox::new();
    sandbox.copy_page("coast-daily.html", "page.html");
    let text = sandbox.ok(&["text", "page.html"]);
    assert!(
        text.starts_with("Harbour lights return after nine-hour blackout\n\nBy Mira Okafor\n\n")
    );
    for furniture in [
        "cookies",
        "Subscribe",
        "Ferry fares",
        "dockhand77",
        "Copyright",
        "dataLayer",
    ] {
        assert!(!text.contains(furniture), "{furniture} in:\n{text}");
    }
}

#[test]
fn a_claim_on_a_page_quotes_its_text_and_the_sidecar_says_how_it_was_read() {
    let sandbox = Sandbox::new();
    sandbox.copy_page("valley-news.html", "page.html");
    sandbox.ok(&["tag", "page.html", "4", "sourced"]);
    let sidecar: toml::Table = toml::from_str(
        &std::fs::read_to_string(sandbox.path("page.html.sidenote.toml")).expect("sidecar"),
    )
    .expect("TOML");
    let report = sidecar["report"].as_table().expect("[report]");
    let bytes = std::fs::read(sandbox.path("page.html")).expect("page");
    let hash = sidenote::report::sha256_hex(&bytes);
    assert_eq!(report["file"].as_str(), Some("page.html"));
    assert_eq!(report["sha256"].as_str(), Some(hash.as_str()));
    assert_eq!(
        report["extracted"].as_str(),
        Some("html/dom_smoothie 0.19.0")
    );
    let claim = &sidecar["claim"].as_array().expect("claims")[0];
    let quote = claim["quote"].as_str().expect("quote");
    let text = sandbox.ok(&["text", "page.html"]);
    let start = usize::try_from(claim["start"].as_integer().expect("start")).expect("offset");
    let chars: String = text
        .chars()
        .skip(start)
        .take(quote.chars().count())
        .collect();
    assert_eq!(chars, quote);
    assert!(quote.starts_with("A new bus route"), "{quote}");
}

#[test]
fn markdown_opens_without_its_markup() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "brief.md",
        b"# Morning brief\n\n**Ferries** run *late* today, [the operator](https://example.org) \
          says.\n\n- Check the `timetable`\n- Allow an hour\n",
    );
    let text = sandbox.ok(&["text", "brief.md"]);
    assert_eq!(
        text,
        "Morning brief\n\nFerries run late today, the operator says.\n\n- Check the timetable\n- Allow an hour\n"
    );
    let sentences = sandbox.ok(&["sentences", "brief.md"]);
    assert!(
        sentences.contains("Ferries run late today, the operator says."),
        "{sentences}"
    );
}

#[test]
fn a_pdf_is_refused_with_how_to_convert_it() {
    let sandbox = Sandbox::new();
    sandbox.write("paper.pdf", b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n%%EOF\n");
    sandbox.write("saved", b"%PDF-1.7\n%%EOF\n");
    for name in ["paper.pdf", "saved"] {
        let output = sandbox.run(&["text", name]);
        assert_eq!(output.status.code(), Some(2));
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains(name) && stderr.contains("pdftotext"),
            "{stderr}"
        );
    }
}

#[test]
fn broken_and_empty_pages_open_without_a_panic() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "broken.html",
        b"<html><body><table><tr><td><p>The ferry left at noon, <b>two hours <i>late</b>, \
          the operator said, blaming the wind and a crew shortage that has lasted all \
          week.</i><p>A second ferry will run on Sunday evening for the passengers who \
          missed the crossing, the operator added, at no extra cost to them.\
          <p>Passengers waited in the terminal<div>with no news&nbsp;&amp no \
          food</span></td></tr></table></p></div><!-- unclosed",
    );
    let text = sandbox.ok(&["text", "broken.html"]);
    assert!(text.contains("two hours late, the operator said"), "{text}");
    assert!(
        text.contains("Passengers waited in the terminal\n\nwith no news"),
        "{text}"
    );
    assert!(text.contains("& no food"), "{text}");
    sandbox.write(
        "empty.html",
        b"<html><head><title></title></head><body></body></html>",
    );
    // No article: commands refuse the page with one line naming it (the reader shows a notice).
    let output = sandbox.run(&["text", "empty.html"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("empty.html") && stderr.contains("no article found"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn a_huge_page_is_read_whole_and_a_bloated_one_is_bounded() {
    let paragraphs = (0..2_000).fold(String::new(), |mut page, i| {
        let _ = write!(page, "<p>Paragraph {i} says the harbour stayed open through the long night while crews worked.</p>");
        page
    });
    let page = format!(
        "<html><body><nav><a href=/>Home</a></nav><article>{paragraphs}</article></body></html>"
    );
    let report = Report::from_bytes(Path::new("huge.html"), page.as_bytes()).expect("text");
    assert_eq!(report.text.matches("crews worked.").count(), 2_000);
    assert!(report.text.contains("Paragraph 1999 says"));
    let bloated = format!(
        "<html><body><p>x</p>{}</body></html>",
        "<i></i>".repeat(100_001)
    );
    let report = Report::from_bytes(Path::new("bloated.html"), bloated.as_bytes()).expect("text");
    assert_eq!(report.text, "");
    assert!(
        report.warnings.iter().any(|w| w.contains("elements")),
        "{:?}",
        report.warnings
    );
}

#[test]
fn character_references_cannot_smuggle_controls_to_the_terminal() {
    let page = "<html><body><article><p>The harbour &#x1b;[31mreopened&#x202e; on Monday after \
        nine hours, the authority said in a statement issued at six in the evening.</p></article></body></html>";
    let report = Report::from_bytes(Path::new("p.html"), page.as_bytes()).expect("text");
    assert!(!report.text.contains('\u{1b}') && !report.text.contains('\u{202e}'));
    assert!(report.text.contains("reopened"));
}

#[test]
fn completions_are_generated_for_every_shell() {
    let sandbox = Sandbox::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = sandbox.ok(&["completions", shell]);
        assert!(script.contains("sidenote"), "{shell}");
        assert!(
            script.contains("completions") && script.contains("sentences"),
            "{shell}"
        );
    }
    let output = sandbox.run(&["completions", "tcsh"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_manual_page_and_the_version() {
    let sandbox = Sandbox::new();
    let page = sandbox.ok(&["man"]);
    assert!(page.contains(".TH sidenote"), "{page}");
    assert!(page.contains("completions"));
    let version = sandbox.ok(&["--version"]);
    assert_eq!(
        version.trim(),
        format!("sidenote {}", env!("CARGO_PKG_VERSION"))
    );
}
