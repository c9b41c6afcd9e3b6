//! `sidenote suggest REPORT|-`: the suggested tag and source of every sentence, `--apply` to
//! accept them all into the sidecar, and `--apply --dry-run` to see what that would save.

use std::path::Path;

use serde::Serialize;

use super::sentences::{STDIN_ARG, read_stdin};
use super::{CliError, write_out};
use crate::annotate::store::{self, NoFaults};
use crate::annotate::{Claim, Sidecar, reanchor_all, sidecar_path};
use crate::config::Config;
use crate::report::{Report, one_line, safe};
use crate::suggest::{Cues, Suggestion, claim_for, suggest};

/// Output formats of `suggest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per sentence: number, suggestion, source, text; tab-separated.
    Text,
    /// One JSON object per line: `n`, `start`, `end`, `suggestion`, `source_kind`, `source`,
    /// `cues` (offsets in code points, as in the sidecar).
    Jsonl,
}

#[derive(Serialize)]
struct Span<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct CueRow<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: &'static str,
}

#[derive(Serialize)]
struct Row<'a> {
    n: usize,
    start: usize,
    end: usize,
    suggestion: Option<&'static str>,
    source_kind: Option<&'static str>,
    source: Option<Span<'a>>,
    cues: Vec<CueRow<'a>>,
    carried: bool,
}

/// The cue lists of `config`.
pub fn cues(config: &Config) -> Result<Cues, CliError> {
    Cues::new(&config.suggest.extra).map_err(|e| CliError::BadInput(e.to_string()))
}

/// The suggestions for every sentence of `report`.
pub fn for_report(report: &Report, config: &Config) -> Result<Vec<Suggestion>, CliError> {
    Ok(suggest(&report.text, &report.sentences, &cues(config)?))
}

/// What `suggest` does with the suggestions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Print them.
    Print,
    /// Accept them into the sidecar (`--apply`).
    Apply,
    /// Print the claims `--apply` would save, and save nothing (`--apply --dry-run`).
    DryRun,
}

/// Prints the suggestions for `report` (or standard input), or accepts them all (or shows what
/// accepting them would save), as `mode` says.
///
/// `author` (the `--author` flag, else the config's) owns the accepted claims; a colleague's
/// claim on a sentence does not stop theirs, as with `tag`.
pub fn run(
    report: &Path,
    format: Format,
    mode: Mode,
    author: Option<&str>,
    config: &Config,
) -> Result<(), CliError> {
    let apply = mode != Mode::Print;
    let stdin = report == Path::new(STDIN_ARG);
    if stdin && apply {
        return Err(CliError::BadInput(
            "--apply needs a report file (standard input has no sidecar)".to_owned(),
        ));
    }
    let report = if stdin {
        read_stdin()?
    } else {
        super::load_report(report)?
    };
    let suggestions = for_report(&report, config)?;
    let author = author.unwrap_or(&config.author);
    match mode {
        Mode::Print => print(&report, &suggestions, format),
        Mode::Apply => self::apply(&report, &suggestions, author, config),
        Mode::DryRun => dry_run(&report, &suggestions, author, config, format),
    }
}

fn print(report: &Report, suggestions: &[Suggestion], format: Format) -> Result<(), CliError> {
    let text = &report.text;
    let span = |range: &std::ops::Range<usize>| {
        let chars = report.char_range(range);
        (
            chars.start,
            chars.end,
            text.get(range.clone()).unwrap_or(""),
        )
    };
    write_out(|out| {
        for (i, s) in suggestions.iter().enumerate() {
            match format {
                Format::Jsonl => {
                    let (start, end, _) = span(&s.sentence);
                    let row = Row {
                        n: i + 1,
                        start,
                        end,
                        suggestion: s.verdict.map(crate::suggest::Verdict::name),
                        source_kind: s.kind.map(crate::suggest::SourceKind::name),
                        source: s.source.as_ref().map(|r| {
                            let (start, end, text) = span(r);
                            Span { start, end, text }
                        }),
                        cues: s
                            .cues
                            .iter()
                            .map(|c| {
                                let (start, end, text) = span(&c.span);
                                CueRow {
                                    start,
                                    end,
                                    text,
                                    kind: c.kind.name(),
                                }
                            })
                            .collect(),
                        carried: s.carried,
                    };
                    serde_json::to_writer(&mut *out, &row)?;
                    writeln!(out)?;
                }
                Format::Text => {
                    let verdict = match (s.verdict, s.kind) {
                        (Some(v), Some(k)) => format!("{} ({})", v.name(), k.name()),
                        (Some(v), None) => v.name().to_owned(),
                        (None, _) => "-".to_owned(),
                    };
                    let source = s.source_text(text).map_or("-".into(), one_line);
                    let sentence = one_line(&text[s.sentence.clone()]);
                    writeln!(
                        out,
                        "{}\t{verdict}\t{}\t{}",
                        i + 1,
                        safe(&source),
                        safe(&sentence)
                    )?;
                }
            }
        }
        Ok(())
    })
}

/// Refuses to accept suggestions when the config lacks a tag they give.
fn check_tags(config: &Config) -> Result<(), CliError> {
    for status in ["sourced", "unsourced"] {
        if config.tag_index(status).is_none() {
            return Err(CliError::BadInput(format!(
                "the config has no tag \"{status}\" for suggestions; add it (tags: {})",
                config.tag_list()
            )));
        }
    }
    Ok(())
}

/// The sidecar as on disk (or a new one), re-anchored to `report`.
fn current(disk: Option<Sidecar>, report: &Report) -> Sidecar {
    let mut sidecar = disk.unwrap_or_else(|| Sidecar::new(report));
    reanchor_all(&mut sidecar.claims, report);
    crate::annotate::reanchor_marks(&mut sidecar.no_claim, report);
    sidecar.report.describe(report);
    sidecar
}

/// The claims accepting the suggestions adds to `sidecar`: one per suggestion on a sentence that
/// has no claim or no-claim mark of `author`'s and was not dismissed, in document order.
fn accepted(
    sidecar: &Sidecar,
    report: &Report,
    suggestions: &[Suggestion],
    author: &str,
) -> Vec<Claim> {
    suggestions
        .iter()
        .filter(|suggestion| {
            let span = &suggestion.sentence;
            let taken = sidecar.claims.iter().any(|c| {
                c.author == author
                    && c.byte_span(report)
                        .is_some_and(|s| s.start < span.end && span.start < s.end)
            });
            let read = sidecar.no_claim.iter().any(|m| {
                m.author == author
                    && m.span(report)
                        .is_some_and(|s| s.start < span.end && span.start < s.end)
            });
            !taken && !read && !sidecar.is_dismissed(report, span)
        })
        .filter_map(|suggestion| claim_for(report, suggestion, author))
        .collect()
}

/// Accepts every suggestion on a sentence that has no claim or no-claim mark of `author`'s and
/// was not dismissed.
fn apply(
    report: &Report,
    suggestions: &[Suggestion],
    author: &str,
    config: &Config,
) -> Result<(), CliError> {
    check_tags(config)?;
    let mut added = 0;
    store::update(&sidecar_path(&report.path), &mut NoFaults, |disk| {
        let mut sidecar = current(disk, report);
        let claims = accepted(&sidecar, report, suggestions, author);
        added = claims.len();
        for claim in claims {
            sidecar.add(claim);
        }
        sidecar.sort();
        sidecar
    })?;
    println!("{added} suggestion(s) accepted");
    Ok(())
}

/// Prints the claims [`apply`] would add now, one per line (or as `claims --format jsonl`
/// prints them), and leaves the sidecar alone.
fn dry_run(
    report: &Report,
    suggestions: &[Suggestion],
    author: &str,
    config: &Config,
    format: Format,
) -> Result<(), CliError> {
    check_tags(config)?;
    let disk = Sidecar::load(&sidecar_path(&report.path))?;
    let claims = accepted(&current(disk, report), report, suggestions, author);
    write_out(|out| {
        for claim in &claims {
            match format {
                Format::Jsonl => {
                    let row = super::claims::ClaimJson::new(claim, crate::annotate::Anchor::Exact);
                    serde_json::to_writer(&mut *out, &row)?;
                    writeln!(out)?;
                }
                Format::Text => {
                    let n = report.sentence_at(claim.byte_span(report).map_or(0, |s| s.start));
                    let kind = claim.source_kind.map_or("-", |k| k.name());
                    let source = claim.source.as_deref().unwrap_or("-");
                    writeln!(
                        out,
                        "{}\t{}\t{kind}\t{}\t{}",
                        n + 1,
                        safe(&claim.status),
                        safe(source),
                        safe(&one_line(&claim.quote))
                    )?;
                }
            }
        }
        if format == Format::Text {
            writeln!(
                out,
                "{} suggestion(s) would be accepted; nothing was saved (--dry-run)",
                claims.len()
            )?;
        }
        Ok(())
    })
}
