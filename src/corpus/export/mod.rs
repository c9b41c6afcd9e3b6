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

/// Where the reports are published (`export --url-base URL`): a report's address is the base
/// joined with the report's path below the folder it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlBase(String);

impl UrlBase {
    /// Checks `base`: an absolute URL (`https://example.org/reports/`) with no query, fragment,
    /// white space or control character. It is taken as a folder: a missing final `/` is added,
    /// so `https://example.org/reports` does not lose its last segment in the join.
    pub fn new(base: &str) -> Result<Self, String> {
        let shown = crate::report::safe(base);
        let scheme = base.split_once("://").map(|(scheme, _)| scheme);
        let scheme_ok = scheme.is_some_and(|s| {
            s.starts_with(|c: char| c.is_ascii_alphabetic())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        });
        let host = base.split_once("://").map_or("", |(_, rest)| rest);
        if !scheme_ok || host.is_empty() || host.starts_with('/') {
            return Err(format!(
                "--url-base \"{shown}\": not an absolute URL; give one such as https://example.org/reports/"
            ));
        }
        if base.chars().any(|c| c.is_whitespace() || c.is_control()) || base.contains(['?', '#']) {
            return Err(format!(
                "--url-base \"{shown}\": a base URL holds no spaces, query (?) or fragment (#); give the folder's address, such as https://example.org/reports/"
            ));
        }
        let mut base = base.to_owned();
        if !base.ends_with('/') {
            base.push('/');
        }
        Ok(Self(base))
    }

    /// The address of the report at `relative` (its path below the scanned folder): each segment
    /// percent-encoded (every byte outside `A-Z a-z 0-9 - . _ ~`), joined with `/`. `.` segments
    /// are skipped; a path that climbs out (`..`) or is absolute keeps only its file name.
    pub fn url(&self, relative: &Path) -> String {
        use std::path::Component;
        let climbs = relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
        let segments: Vec<String> = if climbs {
            relative
                .file_name()
                .map(|name| segment(&name.to_string_lossy()))
                .into_iter()
                .collect()
        } else {
            relative
                .components()
                .filter_map(|c| match c {
                    Component::Normal(name) => Some(segment(&name.to_string_lossy())),
                    _ => None,
                })
                .collect()
        };
        format!("{}{}", self.0, segments.join("/"))
    }
}

/// One path segment percent-encoded: every byte outside the unreserved set.
fn segment(name: &str) -> String {
    let mut out = String::new();
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
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
    fn url_base_joins_encoded_segments_as_a_folder() {
        let base = UrlBase::new("https://example.org/reports").expect("valid");
        assert_eq!(
            base.url(Path::new("city hall/é #1.txt")),
            "https://example.org/reports/city%20hall/%C3%A9%20%231.txt"
        );
        let slash = UrlBase::new("https://example.org/reports/").expect("valid");
        assert_eq!(
            slash.url(Path::new("./a.txt")),
            "https://example.org/reports/a.txt"
        );
        assert_eq!(
            slash.url(Path::new("../elsewhere/b c.txt")),
            "https://example.org/reports/b%20c.txt",
            "a path that climbs out keeps its name only"
        );
    }

    #[test]
    fn url_base_refuses_what_is_not_a_folder_address() {
        for bad in [
            "example.org/reports",
            "/reports/",
            "https://",
            "https:///x",
            "https://example.org/a b/",
            "https://example.org/?page=1",
            "https://example.org/#top",
            "1http://example.org/",
        ] {
            assert!(UrlBase::new(bad).is_err(), "{bad} is refused");
        }
        assert!(UrlBase::new("http://localhost:8080").is_ok());
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
