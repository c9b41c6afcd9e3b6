//! `sidenote tag REPORT N STATUS` (or `--no-claim`) and `sidenote untag REPORT N`: change one
//! sentence's claim or no-claim mark from a script. Both read, change and write the sidecar under
//! its lock, so any number of them can run at once on one report without losing a claim.
//! `--label` adds labels to the claim (`tag`) or takes them off it (`untag`), as the editor's
//! Labels field does.

use std::path::Path;

use super::{CliError, load_report, sentence_span};
use crate::annotate::merge::CONFLICT_LABEL;
use crate::annotate::store::{self, NoFaults};
use crate::annotate::{
    AGREED_LABEL, Claim, Grade, NoClaim, QUOTE_WAS, Sidecar, SourceKind, now, reanchor_all,
    reanchor_marks, sidecar_path,
};
use crate::config::Config;
use crate::report::{Report, safe_path};

/// What `tag` sets besides the status.
#[derive(Debug, Default, Clone)]
pub struct Details {
    /// Who or what the claim rests on.
    pub source: Option<String>,
    /// Whether the source is named or anonymous; `None` leaves it as it is.
    pub source_kind: Option<SourceKind>,
    /// A note.
    pub note: Option<String>,
    /// The author, instead of the config's.
    pub author: Option<String>,
    /// The source's grade on the Admiralty scale (`B2`); `None` leaves it as it is.
    pub grade: Option<Grade>,
    /// Labels to add to the claim (those it has stay); checked by [`labels`].
    pub labels: Vec<String>,
}

/// Labels sidenote sets itself: an adjudicator's agreed claim and a merge's conflicting copy.
/// They mean something to the program, so `--label` neither adds nor removes them.
const MARKERS: [&str; 2] = [AGREED_LABEL, CONFLICT_LABEL];

/// The labels given with `--label`, trimmed, checked and without repeats: none empty, none
/// with a comma (the editor's Labels field splits on commas, so such a label could not be
/// edited there), none with a control character, and none of sidenote's own [`MARKERS`].
pub fn labels(given: &[String]) -> Result<Vec<String>, CliError> {
    let mut labels: Vec<String> = Vec::new();
    for raw in given {
        let label = raw.trim();
        let shown = crate::report::safe(label);
        if label.is_empty() {
            return Err(CliError::BadInput(
                "--label: a label cannot be empty; give a word such as --label follow-up"
                    .to_owned(),
            ));
        }
        if label.contains(',') {
            return Err(CliError::BadInput(format!(
                "--label \"{shown}\": a label cannot hold a comma (the editor separates labels with commas); give each label its own --label"
            )));
        }
        if label.chars().any(char::is_control) {
            return Err(CliError::BadInput(format!(
                "--label \"{shown}\": a label cannot hold a control character or a line break"
            )));
        }
        if MARKERS.iter().any(|m| m.eq_ignore_ascii_case(label)) {
            return Err(CliError::BadInput(format!(
                "--label \"{shown}\": sidenote sets this label itself ({AGREED_LABEL}: adjudication, {CONFLICT_LABEL}: merges); choose another name"
            )));
        }
        if !labels.iter().any(|l| l == label) {
            labels.push(label.to_owned());
        }
    }
    Ok(labels)
}

/// The sidecar as it is on disk now, re-anchored to the report's current text.
fn current(disk: Option<Sidecar>, report: &Report) -> Sidecar {
    let mut sidecar = disk.unwrap_or_else(|| Sidecar::new(report));
    reanchor_all(&mut sidecar.claims, report);
    reanchor_marks(&mut sidecar.no_claim, report);
    sidecar.report.describe(report);
    sidecar
}

/// Tags sentence `n` (1-based) with `status`: updates the author's own claim in that sentence
/// (the one starting in it, whole or narrowed: [`Sidecar::claim_of`]), or adds one beside any
/// colleague's; the author's no-claim mark there, if any, is replaced. Prints the claim's id.
///
/// Without a `status` (`tag r.txt 3 --label key`), the author's claim there keeps its tag and
/// takes the details given; a sentence without a claim of theirs is refused (bad input), and
/// nothing is written.
pub fn tag(
    report: &Path,
    n: usize,
    status: Option<&str>,
    details: Details,
    config: &Config,
) -> Result<(), CliError> {
    if let Some(status) = status
        && config.tag_index(status).is_none()
    {
        return Err(CliError::BadInput(format!(
            "unknown tag \"{status}\"; use one of: {} (or add it to the config)",
            config.tag_list()
        )));
    }
    let added = labels(&details.labels)?;
    let report = load_report(report)?;
    let span = sentence_span(&report, n)?;
    let author = details
        .author
        .clone()
        .unwrap_or_else(|| config.author.clone());
    let mut id = None;
    let path = sidecar_path(&report.path);
    if status.is_none() {
        // Refused before the lock is taken, so that nothing is rewritten; checked again under it.
        let on_disk = current(Sidecar::load(&path)?, &report);
        if on_disk.claim_of(&report, &span, &author).is_none() {
            return Err(no_claim_to_update(&report, n, &author));
        }
    }
    store::update(&path, &mut NoFaults, |disk| {
        let mut sidecar = current(disk, &report);
        let index = match (sidecar.claim_of(&report, &span, &author), status) {
            (Some(index), _) => index,
            (None, Some(status)) => {
                sidecar.add(Claim::new(&report, span.clone(), status, &author, now()))
            }
            // The claim went between the check and the lock: nothing to update.
            (None, None) => return sidecar,
        };
        sidecar.unmark(&report, &span, &author);
        let claim = &mut sidecar.claims[index];
        claim.extra.remove(QUOTE_WAS);
        if let Some(status) = status {
            status.clone_into(&mut claim.status);
        }
        let source = details
            .source
            .or_else(|| claim.source.clone())
            .unwrap_or_default();
        let note = details
            .note
            .or_else(|| claim.note.clone())
            .unwrap_or_default();
        let mut labels = std::mem::take(&mut claim.labels);
        for label in &added {
            if !labels.contains(label) {
                labels.push(label.clone());
            }
        }
        claim.set_details(&source, &note, labels);
        if details.source_kind.is_some() {
            claim.source_kind = details.source_kind;
        }
        if details.grade.is_some() {
            claim.grade = details.grade;
        }
        claim.updated = now();
        id = Some(claim.id.clone());
        sidecar
    })?;
    let id = id.ok_or_else(|| no_claim_to_update(&report, n, &author))?;
    println!("{id}");
    Ok(())
}

/// `tag` without a STATUS on a sentence where the author has no claim.
fn no_claim_to_update(report: &Report, n: usize, author: &str) -> CliError {
    CliError::BadInput(format!(
        "{}: sentence {n} has no claim by {} to change; give a STATUS to make one (e.g. `sidenote tag {} {n} sourced --label NAME`)",
        safe_path(&report.path),
        crate::report::safe(author),
        safe_path(&report.path),
    ))
}

/// Accepts the suggestion for sentence `n`: tags it with the suggested status, source and kind
/// of source (a `--source` or `--source-kind` given with it wins).
pub fn accept(report: &Path, n: usize, details: Details, config: &Config) -> Result<(), CliError> {
    let loaded = load_report(report)?;
    let span = sentence_span(&loaded, n)?;
    let suggestions = crate::suggest::suggest(
        &loaded.text,
        std::slice::from_ref(&span),
        &super::suggest::cues(config)?,
    );
    // Carry-over needs the sentences before; run on the whole report only when it matters.
    let suggestion = match suggestions.into_iter().next() {
        Some(s) if s.source.is_some() || s.verdict.is_none() => s,
        _ => super::suggest::for_report(&loaded, config)?
            .into_iter()
            .nth(n - 1)
            .ok_or_else(|| CliError::BadInput(format!("no sentence {n}")))?,
    };
    let Some(status) = suggestion.status() else {
        return Err(CliError::BadInput(format!(
            "{}: sentence {n} is not a claim (a heading, byline, question or page furniture), so there is no suggestion to accept; tag it with a STATUS instead",
            safe_path(&loaded.path)
        )));
    };
    let source = details.source.clone().or_else(|| {
        suggestion
            .source_text(&loaded.text)
            .map(crate::report::one_line)
    });
    let source_kind = details.source_kind.or(suggestion.kind.map(Into::into));
    tag(
        report,
        n,
        Some(status),
        Details {
            source,
            source_kind,
            ..details
        },
        config,
    )
}

/// Removes `author`'s own claim in sentence `n`, whole or narrowed (a colleague's stays), and
/// `author`'s no-claim mark there: both, when a merge left both. When the claim was one of two
/// versions of a conflict, the other is kept, without the conflict's markers. Removing the last claim or mark
/// removes the sidecar. A sentence with neither is said so on stderr, and is no error.
pub fn untag(report: &Path, n: usize, author: &str) -> Result<(), CliError> {
    let report = load_report(report)?;
    let span = sentence_span(&report, n)?;
    let mut removed = false;
    store::update(&sidecar_path(&report.path), &mut NoFaults, |disk| {
        let mut sidecar = current(disk, &report);
        if let Some(index) = sidecar.claim_of(&report, &span, author) {
            let claim = sidecar.claims.remove(index);
            // One of two versions a merge left: the other is the claim now, as in the reader.
            sidecar.settle_conflict(&claim);
            removed = true;
        }
        removed |= sidecar.unmark(&report, &span, author) > 0;
        sidecar
    })?;
    if !removed {
        eprintln!(
            "sidenote: sentence {n} of {} has no claim by {} (nor a no-claim mark); nothing removed",
            safe_path(&report.path),
            crate::report::safe(author)
        );
    }
    Ok(())
}

/// `untag`: takes `labels` off `author`'s claim in sentence `n` ([`unlabel`]), or, with no
/// labels, removes the claim ([`untag`]).
pub fn remove(report: &Path, n: usize, author: &str, labels: &[String]) -> Result<(), CliError> {
    if labels.is_empty() {
        untag(report, n, author)
    } else {
        unlabel(report, n, author, labels)
    }
}

/// Takes `labels` off `author`'s own claim in sentence `n`, leaving the claim and its other
/// labels. A label the claim does not have, or a sentence without a claim of theirs, is said on
/// standard error and changes nothing.
pub fn unlabel(report: &Path, n: usize, author: &str, given: &[String]) -> Result<(), CliError> {
    let wanted = labels(given)?;
    let report = load_report(report)?;
    let span = sentence_span(&report, n)?;
    let mut found = false;
    let mut missing: Vec<String> = Vec::new();
    store::update(&sidecar_path(&report.path), &mut NoFaults, |disk| {
        let mut sidecar = current(disk, &report);
        if let Some(index) = sidecar.claim_of(&report, &span, author) {
            found = true;
            let claim = &mut sidecar.claims[index];
            missing = wanted
                .iter()
                .filter(|l| !claim.labels.contains(l))
                .cloned()
                .collect();
            let before = claim.labels.len();
            claim.labels.retain(|l| !wanted.contains(l));
            if claim.labels.len() != before {
                claim.updated = now();
            }
        }
        sidecar
    })?;
    let file = safe_path(&report.path);
    if !found {
        eprintln!(
            "sidenote: sentence {n} of {file} has no claim by {}; no label removed",
            crate::report::safe(author)
        );
    }
    for label in missing {
        eprintln!(
            "sidenote: the claim on sentence {n} of {file} has no label \"{}\"; nothing to remove",
            crate::report::safe(&label)
        );
    }
    Ok(())
}

/// Marks sentence `n` (1-based) read, no claim, for `author` (`tag --no-claim`): the author's own
/// claim in that sentence, if any, is replaced by the mark, as tagging replaces a mark, and said
/// so on standard error (there is no undo on the command line). A sentence the author already
/// marked keeps its mark. Prints nothing on standard output; a colleague's claim or mark stays.
pub fn no_claim(report: &Path, n: usize, author: &str) -> Result<(), CliError> {
    let report = load_report(report)?;
    let span = sentence_span(&report, n)?;
    let mut replaced = Vec::new();
    store::update(&sidecar_path(&report.path), &mut NoFaults, |disk| {
        let mut sidecar = current(disk, &report);
        replaced.clear();
        while let Some(index) = sidecar.claim_of(&report, &span, author) {
            replaced.push(sidecar.claims.remove(index));
        }
        if sidecar.mark_of(&report, &span, author).is_none() {
            sidecar.unmark(&report, &span, author);
            sidecar
                .no_claim
                .push(NoClaim::new(&report, span.clone(), author, now()));
        }
        sidecar
    })?;
    for claim in replaced {
        eprintln!(
            "sidenote: sentence {n} of {}: claim {} ({}) by {} replaced by the no-claim mark",
            safe_path(&report.path),
            crate::report::safe(&claim.id),
            crate::report::safe(&claim.status),
            crate::report::safe(author)
        );
    }
    Ok(())
}
