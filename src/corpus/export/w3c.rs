//! `--format w3c`: W3C Web Annotation JSON-LD, one `Annotation` per claim, gathered in an
//! `AnnotationCollection`, so annotation tools (Hypothesis and the like) can take them in.
//!
//! Each body carries an `id` ending in `#tag`, `#label`, `#note`, `#source`, `#source_kind` or
//! `#grade`, so a reader can tell the `describing` bodies (source, its kind, grade) apart.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{date, iri};
use crate::annotate::Claim;
use crate::corpus::{Reviewed, grade_of};

/// The Web Annotation context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Writes the collection.
pub fn write(out: &mut dyn Write, reports: &[Reviewed]) -> io::Result<()> {
    let items: Vec<Value> = reports
        .iter()
        .flat_map(|report| {
            let target = iri(&report.path);
            let positions = report.extracted.is_none();
            report
                .claims
                .iter()
                .map(move |claim| annotation(claim, &target, positions))
        })
        .collect();
    let collection = json!({
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": "sidenote claims",
        "total": items.len(),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    });
    serde_json::to_writer_pretty(&mut *out, &collection)?;
    writeln!(out)
}

/// One claim as an annotation on the report at `target` (a relative IRI). `positions` is false
/// for a web page or Markdown file: the claim's offsets count into the text sidenote extracted,
/// not into the file a tool would open, so only the quote selector (which finds the words in
/// the rendered page) is given.
pub fn annotation(claim: &Claim, target: &str, positions: bool) -> Value {
    let id = format!("urn:sidenote:{target}:{}", claim.id);
    let body = |part: &str, purpose: &str, value: &str| json!({"id": format!("{id}#{part}"), "type": "TextualBody", "purpose": purpose, "value": value});
    let mut bodies = vec![body("tag", "tagging", &claim.status)];
    bodies.extend(claim.labels.iter().map(|l| body("label", "tagging", l)));
    if let Some(source) = &claim.source {
        bodies.push(body("source", "describing", source));
    }
    if let Some(kind) = claim.source_kind {
        bodies.push(body("source_kind", "describing", kind.name()));
    }
    if let Some(grade) = grade_of(claim) {
        bodies.push(body("grade", "describing", &grade));
    }
    if let Some(note) = &claim.note {
        bodies.push(body("note", "commenting", note));
    }
    let mut selectors = vec![
        json!({"type": "TextQuoteSelector", "exact": claim.quote, "prefix": claim.prefix, "suffix": claim.suffix}),
    ];
    if positions {
        selectors
            .push(json!({"type": "TextPositionSelector", "start": claim.start, "end": claim.end}));
    }
    json!({
        "@context": CONTEXT,
        "id": id,
        "type": "Annotation",
        "motivation": "tagging",
        "creator": {"type": "Person", "name": claim.author},
        "created": date(claim, true),
        "modified": date(claim, false),
        "body": bodies,
        "target": {
            "source": target,
            "selector": selectors,
        },
    })
}
