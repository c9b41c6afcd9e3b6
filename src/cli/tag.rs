//! `sidenote tag REPORT N STATUS` and `sidenote untag REPORT N`: change one sentence's claim from
//! a script.

use std::path::Path;

use super::{CliError, load_annotated};
use crate::annotate::{Claim, now};
use crate::config::Config;

/// What `tag` sets besides the status.
#[derive(Debug, Default, Clone)]
pub struct Details {
    /// Who or what the claim rests on.
    pub source: Option<String>,
    /// A note.
    pub note: Option<String>,
    /// The author, instead of the config's.
    pub author: Option<String>,
}

/// Tags sentence `n` (1-based) with `status`: updates the claim on exactly that sentence, or
/// adds one. Prints the claim's id.
pub fn tag(
    report: &Path,
    n: usize,
    status: &str,
    details: Details,
    config: &Config,
) -> Result<(), CliError> {
    if config.tag_index(status).is_none() {
        return Err(CliError::BadInput(format!(
            "unknown tag \"{status}\"; use one of: {} (or add it to the config)",
            config.tag_names()
        )));
    }
    let mut annotated = load_annotated(report)?;
    let span = annotated.sentence(n)?;
    let author = details.author.unwrap_or_else(|| config.author.clone());
    let index = if let Some(i) = annotated.claim_on(&span) {
        i
    } else {
        let claim = Claim::new(&annotated.report, span, status, &author, now());
        annotated.sidecar.claims.push(claim);
        annotated.sidecar.claims.len() - 1
    };
    let claim = &mut annotated.sidecar.claims[index];
    status.clone_into(&mut claim.status);
    let source = details
        .source
        .or_else(|| claim.source.clone())
        .unwrap_or_default();
    let note = details
        .note
        .or_else(|| claim.note.clone())
        .unwrap_or_default();
    let labels = std::mem::take(&mut claim.labels);
    claim.set_details(&source, &note, labels);
    claim.updated = now();
    let id = claim.id.clone();
    annotated
        .sidecar
        .report
        .sha256
        .clone_from(&annotated.report.sha256);
    annotated.sidecar.save(&annotated.path)?;
    println!("{id}");
    Ok(())
}

/// Removes the claim on exactly sentence `n`; removing the last claim removes the sidecar.
pub fn untag(report: &Path, n: usize) -> Result<(), CliError> {
    let mut annotated = load_annotated(report)?;
    let span = annotated.sentence(n)?;
    let Some(index) = annotated.claim_on(&span) else {
        eprintln!(
            "sidenote: sentence {n} of {} has no claim; nothing removed",
            report.display()
        );
        return Ok(());
    };
    annotated.sidecar.claims.remove(index);
    annotated
        .sidecar
        .report
        .sha256
        .clone_from(&annotated.report.sha256);
    annotated.sidecar.save(&annotated.path)?;
    Ok(())
}
