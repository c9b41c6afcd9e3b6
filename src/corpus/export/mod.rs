//! Exports of the claims of many reports, for people (Markdown) and for other tools (CSV, JSON,
//! W3C Web Annotation, schema.org `ClaimReview`). How each field maps is in `docs/exports.md`.
//!
//! Every writer takes the reports already loaded and writes to any `io::Write`; the command
//! decides where the bytes go.
pub mod claimreview;
pub mod csv;
pub mod json;
pub mod markdown;
pub mod w3c;

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

use crate::annotate::Claim;

/// A claim's date as the exports write it: RFC 3339, as in the sidecar.
fn date(claim: &Claim, created: bool) -> String {
    if created {
        claim.created
    } else {
        claim.updated
    }
    .to_string()
}

/// A report's path as other tools see it: `/` between folders, whatever the system.
fn report_name(path: &Path) -> String {
    let name = path.to_string_lossy();
    let name = name.strip_prefix("./").unwrap_or(&name);
    if std::path::MAIN_SEPARATOR == '/' {
        name.to_owned()
    } else {
        name.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// A path as a relative IRI reference: every byte outside the unreserved set and `/` is
/// percent-encoded, so spaces and non-ASCII names survive JSON-LD processing.
fn iri(path: &Path) -> String {
    let mut out = String::new();
    for byte in report_name(path).bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// A TOML value (a key of the sidecar this version does not know) as JSON; dates become RFC
/// 3339 strings.
fn toml_to_json(value: &toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::from(s.as_str()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => Value::from(*f),
        toml::Value::Boolean(b) => Value::from(*b),
        toml::Value::Datetime(d) => Value::from(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .iter()
                .map(|(k, v)| (k.clone(), toml_to_json(v)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iri_encodes_what_is_not_safe() {
        assert_eq!(iri(Path::new("./a b/é.txt")), "a%20b/%C3%A9.txt");
        assert_eq!(iri(Path::new("reports/x-1_~.md")), "reports/x-1_~.md");
    }

    #[test]
    fn toml_values_become_json() {
        let table: toml::Table = "a = 1\nb = [true, \"x\"]\nc = 2026-11-24T18:00:00Z\n"
            .parse()
            .expect("toml");
        let json = toml_to_json(&toml::Value::Table(table));
        assert_eq!(json["a"], 1);
        assert_eq!(json["b"][1], "x");
        assert_eq!(json["c"], "2026-11-24T18:00:00Z");
    }
}
