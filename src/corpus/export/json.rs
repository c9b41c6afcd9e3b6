//! `--format json`: every report with its claims as the sidecar holds them, plus how each claim
//! was found in the report's current text and its grade.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use super::{date, report_name, toml_to_json};
use crate::annotate::{Anchor, Claim, SourceKind};
use crate::corpus::{Reviewed, grade_of};

/// Writes `{"reports": [{"report": …, "claims": [...]}]}`.
pub fn write(out: &mut dyn Write, reports: &[Reviewed]) -> io::Result<()> {
    let reports: Vec<Value> = reports
        .iter()
        .map(|report| {
            let claims: Vec<Value> = report
                .claims_with_anchors()
                .map(|(claim, anchor)| claim_json(claim, anchor))
                .collect();
            json!({"report": report_name(&report.path), "claims": claims})
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &json!({ "reports": reports }))?;
    writeln!(out)
}

/// One claim: the sidecar's keys (unknown ones too, `source_kind` always), dates as strings,
/// `anchor` and `grade`.
pub fn claim_json(claim: &Claim, anchor: Anchor) -> Value {
    let mut object = Map::new();
    object.insert("id".into(), json!(claim.id));
    object.insert("status".into(), json!(claim.status));
    object.insert("anchor".into(), json!(anchor.name()));
    object.insert("start".into(), json!(claim.start));
    object.insert("end".into(), json!(claim.end));
    object.insert("quote".into(), json!(claim.quote));
    object.insert("prefix".into(), json!(claim.prefix));
    object.insert("suffix".into(), json!(claim.suffix));
    object.insert("source".into(), json!(claim.source));
    object.insert(
        "source_kind".into(),
        json!(claim.source_kind.map(SourceKind::name)),
    );
    object.insert("note".into(), json!(claim.note));
    object.insert("labels".into(), json!(claim.labels));
    object.insert("author".into(), json!(claim.author));
    object.insert("created".into(), json!(date(claim, true)));
    object.insert("updated".into(), json!(date(claim, false)));
    object.insert("grade".into(), json!(grade_of(claim)));
    for (key, value) in &claim.extra {
        object
            .entry(key.clone())
            .or_insert_with(|| toml_to_json(value));
    }
    Value::Object(object)
}
