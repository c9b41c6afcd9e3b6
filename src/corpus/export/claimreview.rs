//! `--format claimreview`: schema.org `ClaimReview` JSON-LD, one per claim, the vocabulary
//! fact-checkers publish reviews in.
//!
//! The tag is the rating's `alternateName`. A grade goes in the same rating: its credibility
//! digit 1–5 is the `ratingValue` (1 best, 5 worst; 6, "cannot be judged", gives no value) and
//! the grade in words is the `ratingExplanation`. The claim's source is the `author` of the
//! reviewed `Claim`, whose `description` says whether it is a `named` or an `anonymous` source;
//! the annotator is the review's `author`.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{date, iri, report_name};
use crate::annotate::Claim;
use crate::corpus::grades::describe;
use crate::corpus::{Reviewed, grade_of};

/// The schema.org context.
pub const CONTEXT: &str = "https://schema.org";

/// Writes a JSON array of `ClaimReview` objects.
pub fn write(out: &mut dyn Write, reports: &[Reviewed]) -> io::Result<()> {
    let items: Vec<Value> = reports
        .iter()
        .flat_map(|report| report.claims.iter().map(move |claim| review(claim, report)))
        .collect();
    serde_json::to_writer_pretty(&mut *out, &items)?;
    writeln!(out)
}

/// One claim's review.
pub fn review(claim: &Claim, report: &Reviewed) -> Value {
    let mut rating = json!({"@type": "Rating", "alternateName": claim.status});
    if let Some(grade) = grade_of(claim) {
        rating["ratingExplanation"] = json!(describe(&grade));
        if let Some(value) = grade[1..].parse::<u8>().ok().filter(|d| *d <= 5) {
            rating["ratingValue"] = json!(value);
            rating["bestRating"] = json!(1);
            rating["worstRating"] = json!(5);
        }
    }
    let mut item = json!({
        "@type": "Claim",
        "appearance": {"@type": "CreativeWork", "url": iri(&report.path), "name": report_name(&report.path)},
    });
    if let Some(source) = &claim.source {
        item["author"] = json!({"@type": "Person", "name": source});
    }
    if let Some(kind) = claim.source_kind {
        item["author"]["@type"] = json!("Person");
        item["author"]["description"] = json!(kind.name());
    }
    let mut review = json!({
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "identifier": claim.id,
        "claimReviewed": claim.quote,
        "reviewRating": rating,
        "itemReviewed": item,
        "author": {"@type": "Person", "name": claim.author},
        "datePublished": date(claim, true),
        "dateModified": date(claim, false),
    });
    if let Some(note) = &claim.note {
        review["reviewBody"] = json!(note);
    }
    review
}
