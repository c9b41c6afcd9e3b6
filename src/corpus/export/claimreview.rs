//! `--format claimreview`: schema.org `ClaimReview` JSON-LD, one per claim, the vocabulary
//! fact-checkers publish reviews in.
//!
//! The tag is the rating's `alternateName`. A grade goes in the same rating: its credibility
//! digit 1–5 is the `ratingValue` (1 best, 5 worst; 6, "cannot be judged", gives no value) and
//! the grade in words is the `ratingExplanation`. The claim's source is the `author` of the
//! reviewed `Claim` ([`source_author`]): an `Organization` when it is a body, else a `Person`,
//! whose `description` says whether it is a `named` or an `anonymous` source; the annotator is
//! the review's `author`. With a [`super::UrlBase`], the report's address is the review's `url`
//! and the `url` of the `appearance` the claim was made in.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{date, iri, report_name};
use crate::annotate::{Claim, SourceKind};
use crate::corpus::grades::describe;
use crate::corpus::{Reviewed, grade_of};
use crate::suggest::{Cues, is_body};

/// What the reviews need besides the claims: the cue lists that tell a body from a person, and
/// each report's published address.
pub struct Context<'a> {
    /// The cue lists (with the config's additions).
    pub cues: &'a Cues,
    /// The address of each report (same index as the reports), when `--url-base` was given.
    pub urls: Option<Vec<String>>,
}

/// The schema.org context.
pub const CONTEXT: &str = "https://schema.org";

/// Writes a JSON array of `ClaimReview` objects.
pub fn write(out: &mut dyn Write, reports: &[Reviewed], context: &Context) -> io::Result<()> {
    let items: Vec<Value> = reports
        .iter()
        .enumerate()
        .flat_map(|(i, report)| {
            let url = context.urls.as_ref().and_then(|urls| urls.get(i));
            report
                .claims
                .iter()
                .map(move |claim| review(claim, report, url.map(String::as_str), context.cues))
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &items)?;
    writeln!(out)
}

/// One claim's review; `url` is the report's published address, when known.
pub fn review(claim: &Claim, report: &Reviewed, url: Option<&str>, cues: &Cues) -> Value {
    let mut rating = json!({"@type": "Rating", "alternateName": claim.status});
    if let Some(grade) = grade_of(claim) {
        rating["ratingExplanation"] = json!(describe(&grade));
        if let Some(value) = grade[1..].parse::<u8>().ok().filter(|d| *d <= 5) {
            rating["ratingValue"] = json!(value);
            rating["bestRating"] = json!(1);
            rating["worstRating"] = json!(5);
        }
    }
    let address = url.map_or_else(|| iri(&report.path), str::to_owned);
    let mut item = json!({
        "@type": "Claim",
        "appearance": {"@type": "CreativeWork", "url": address, "name": report_name(&report.path)},
    });
    if let Some(author) = source_author(claim, cues) {
        item["author"] = author;
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
    if let Some(url) = url {
        review["url"] = json!(url);
    }
    if let Some(note) = &claim.note {
        review["reviewBody"] = json!(note);
    }
    review
}

/// Who made the claim, as the reviewed `Claim`'s `author`, or `None` when the claim says
/// nothing of its source.
///
/// A body ([`is_body`]: "the port authority", "Reuters", "a UN report") is an `Organization`
/// named by the source's words. Anyone else is a `Person`: named by the source's words when the
/// source is named or its kind unknown; an anonymous one gets no `name` (the words, "a senior
/// official", are not one), only `description` `anonymous` and the words as its
/// `disambiguatingDescription`. The kind, when known, is the `description`.
pub fn source_author(claim: &Claim, cues: &Cues) -> Option<Value> {
    let source = claim.source.as_deref();
    let kind = claim.source_kind;
    let mut author = match source {
        None => {
            kind?;
            json!({"@type": "Person"})
        }
        Some(words) if is_body(words, cues) => json!({"@type": "Organization", "name": words}),
        Some(words) if kind == Some(SourceKind::Anonymous) => {
            json!({"@type": "Person", "disambiguatingDescription": words})
        }
        Some(words) => json!({"@type": "Person", "name": words}),
    };
    if let Some(kind) = kind {
        author["description"] = json!(kind.name());
    }
    Some(author)
}
