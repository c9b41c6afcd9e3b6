//! `--format markdown`: a review document an editor reads: a summary table, then per report its
//! claims grouped by tag, with quote, source, kind of source, grade, author, labels and note.
//! Its first line is [`EXPORT_MARK`], so a folder scan never takes the document for a report.

use std::io::{self, Write};

use super::report_name;
use crate::annotate::SourceKind;
use crate::corpus::grades::describe;
use crate::corpus::scan::EXPORT_MARK;
use crate::corpus::stats::Counts;
use crate::corpus::{Reviewed, grade_of};
use crate::report::{one_line, safe};

/// Writes the document. `tags` orders the columns and groups (other tags follow by name).
pub fn write(out: &mut dyn Write, reports: &[Reviewed], tags: &[String]) -> io::Result<()> {
    let mut total = Counts::zero(tags);
    let counts: Vec<Counts> = reports.iter().map(|r| Counts::of(r, tags)).collect();
    for c in &counts {
        total.add(c);
    }
    let names = total.tag_order(tags);
    writeln!(
        out,
        "{EXPORT_MARK}; sidenote's folder scans skip this file -->"
    )?;
    writeln!(out, "# Claims review\n")?;
    writeln!(
        out,
        "{} reports, {} sentences, {} claims.\n",
        total.reports, total.sentences, total.claims
    )?;
    let header: Vec<String> = names.iter().map(|n| cell(n)).collect();
    writeln!(
        out,
        "| report | sentences | claims | {} | orphaned | named | anonymous |",
        header.join(" | ")
    )?;
    writeln!(
        out,
        "|---|---:|---:|{}---:|---:|---:|",
        "---:|".repeat(names.len())
    )?;
    let row = |name: &str, c: &Counts| {
        let per_tag: Vec<String> = names.iter().map(|n| c.tag(n).to_string()).collect();
        format!(
            "| {name} | {} | {} | {} | {} | {} | {} |",
            c.sentences,
            c.claims,
            per_tag.join(" | "),
            c.orphaned,
            c.source_kind(SourceKind::Named),
            c.source_kind(SourceKind::Anonymous)
        )
    };
    for (report, c) in reports.iter().zip(&counts) {
        writeln!(out, "{}", row(&cell(&report_name(&report.path)), c))?;
    }
    writeln!(out, "{}", row("**total**", &total))?;
    for report in reports {
        writeln!(out, "\n## {}\n", text(&report_name(&report.path)))?;
        if report.claims.is_empty() {
            writeln!(out, "No claims yet ({} sentences).", report.sentences)?;
            continue;
        }
        for name in &names {
            let claims: Vec<_> = report
                .claims_with_anchors()
                .filter(|(c, _)| &c.status == name)
                .collect();
            if claims.is_empty() {
                continue;
            }
            writeln!(out, "### {} ({})\n", text(name), claims.len())?;
            for (claim, anchor) in claims {
                writeln!(out, "- {}", text(&one_line(&claim.quote)))?;
                let mut details = Vec::new();
                if let Some(source) = &claim.source {
                    details.push(format!("source: {}", text(source)));
                }
                if let Some(kind) = claim.source_kind {
                    details.push(format!("{kind} source"));
                }
                if let Some(grade) = grade_of(claim) {
                    details.push(format!(
                        "grade: {}",
                        text(&describe(&grade).unwrap_or(grade))
                    ));
                }
                if anchor == crate::annotate::Anchor::Orphaned {
                    details.push("orphaned: the quote is no longer in the report".to_owned());
                }
                if !details.is_empty() {
                    writeln!(out, "  — {}", details.join(" · "))?;
                }
                writeln!(out, "  — {}", who_and_labels(claim))?;
                if let Some(note) = &claim.note {
                    for line in note.lines().filter(|l| !l.trim().is_empty()) {
                        writeln!(out, "  > {}", text(line))?;
                    }
                }
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

/// The line naming who made the claim and its labels: `by ana · labels: ports, follow-up`.
fn who_and_labels(claim: &crate::annotate::Claim) -> String {
    let author = if claim.author.trim().is_empty() {
        "by an unnamed author".to_owned()
    } else {
        format!("by {}", cell(&claim.author))
    };
    if claim.labels.is_empty() {
        return author;
    }
    let labels: Vec<String> = claim.labels.iter().map(|l| cell(l)).collect();
    format!("{author} · labels: {}", labels.join(", "))
}

/// Report text made inert for Markdown: control characters shown as stand-ins, and the
/// characters that would start formatting or HTML escaped with a backslash.
fn text(raw: &str) -> String {
    let mut out = String::new();
    for c in safe(raw).chars() {
        if "\\`*_[]<>#|!".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text for a table cell: inert, on one line.
fn cell(raw: &str) -> String {
    text(&one_line(raw))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting_characters_are_escaped() {
        assert_eq!(text("a|b *c* <x> \u{1b}"), "a\\|b \\*c\\* \\<x\\> \u{241B}");
        assert_eq!(cell("two\nlines"), "two lines");
    }
}
