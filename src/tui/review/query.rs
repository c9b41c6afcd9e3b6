//! The claims view's filter text: words found in a claim's quote, source, note or labels, and
//! `label:NAME` words that keep only the claims carrying that label. With the labels in use and
//! their counts for the prompt, and `Tab` completing the label being typed.

use crate::annotate::Claim;
use crate::corpus::Reviewed;

/// What a `label:` word starts with (case-blind).
pub const LABEL: &str = "label:";

/// A parsed filter: `label:NAME` words (a name with spaces in double quotes:
/// `label:"needs check"`) and the rest of the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Labels a claim must all carry, lower case; an empty one (a bare `label:`) asks for any.
    labels: Vec<String>,
    /// Text found (case-blind) in the quote, source, note or a label; empty finds everything.
    text: String,
}

impl Query {
    /// Reads `query`. Without a `label:` word it is one piece of text, spaces and all.
    pub fn parse(query: &str) -> Self {
        let lower = query.to_lowercase();
        if !lower.contains(LABEL) {
            return Self {
                labels: Vec::new(),
                text: lower,
            };
        }
        let mut labels = Vec::new();
        let mut words = Vec::new();
        let mut rest = lower.trim_start();
        while !rest.is_empty() {
            if let Some(name) = rest.strip_prefix(LABEL) {
                let (label, after) = match name.strip_prefix('"') {
                    Some(quoted) => quoted.split_once('"').unwrap_or((quoted, "")),
                    None => name.split_once(char::is_whitespace).unwrap_or((name, "")),
                };
                labels.push(label.trim().to_owned());
                rest = after.trim_start();
            } else {
                let (word, after) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
                words.push(word);
                rest = after.trim_start();
            }
        }
        Self {
            labels,
            text: words.join(" "),
        }
    }

    /// Whether `claim` passes: every `label:` word names one of its labels, and the text is in
    /// its quote, source, note or one of its labels.
    pub fn matches(&self, claim: &Claim) -> bool {
        let has = |want: &String| {
            if want.is_empty() {
                !claim.labels.is_empty()
            } else {
                claim.labels.iter().any(|l| l.to_lowercase() == *want)
            }
        };
        let holds = |text: &str| text.to_lowercase().contains(&self.text);
        self.labels.iter().all(has)
            && (self.text.is_empty()
                || holds(&claim.quote)
                || claim.source.as_deref().is_some_and(holds)
                || claim.note.as_deref().is_some_and(holds)
                || claim.labels.iter().any(|l| holds(l)))
    }
}

/// Every label on the reports' claims with how many claims carry it, most used first (then by
/// name, case-blind).
pub fn labels_in_use(reports: &[Reviewed]) -> Vec<(String, usize)> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for claim in reports.iter().flat_map(|r| &r.claims) {
        let mut seen: Vec<&str> = Vec::new();
        for label in &claim.labels {
            if !seen.contains(&label.as_str()) {
                seen.push(label);
                *counts.entry(label).or_default() += 1;
            }
        }
    }
    let mut labels: Vec<(String, usize)> =
        counts.into_iter().map(|(l, n)| (l.to_owned(), n)).collect();
    labels.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase()))
            .then_with(|| a.0.cmp(&b.0))
    });
    labels
}

/// The start of the label name being typed at the end of `text` (after a last `label:`
/// word), if the text ends in one.
pub fn typed_label(text: &str) -> Option<&str> {
    let last = text.rsplit(char::is_whitespace).next()?;
    let name = last
        .get(LABEL.len()..)
        .filter(|_| last[..LABEL.len()].eq_ignore_ascii_case(LABEL))?;
    Some(name.strip_prefix('"').unwrap_or(name))
}

/// The labels of `labels` the name being typed at the end of `text` starts (case-blind).
pub fn candidates<'a>(text: &str, labels: &'a [(String, usize)]) -> Vec<&'a (String, usize)> {
    let Some(typed) = typed_label(text) else {
        return Vec::new();
    };
    let typed = typed.to_lowercase();
    labels
        .iter()
        .filter(|(l, _)| l.to_lowercase().starts_with(&typed))
        .collect()
}

/// `text` with its last `label:` word completed to the first candidate (quoted when the label
/// holds a space), or `None` when nothing is being typed or nothing fits.
pub fn complete(text: &str, labels: &[(String, usize)]) -> Option<String> {
    let (label, _) = candidates(text, labels).into_iter().next()?;
    let last = text.rsplit(char::is_whitespace).next().unwrap_or("");
    let head = &text[..text.len() - last.len()];
    let name = if label.contains(char::is_whitespace) {
        format!("\"{label}\"")
    } else {
        label.clone()
    };
    Some(format!("{head}{}{name} ", &last[..LABEL.len()]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Encoding, Report};

    fn claim(quote_note: (&str, Option<&str>), labels: &[&str]) -> Claim {
        let report = Report::from_text(
            std::path::Path::new("r.txt"),
            quote_note.0.to_owned(),
            Encoding::Utf8,
            String::new(),
        );
        let mut claim = Claim::new(
            &report,
            0..quote_note.0.len(),
            "sourced",
            "ana",
            crate::annotate::now(),
        );
        claim.note = quote_note.1.map(str::to_owned);
        claim.labels = labels.iter().map(|&l| l.to_owned()).collect();
        claim
    }

    #[test]
    fn label_words_keep_only_claims_with_that_label() {
        let ports = claim(("The port reopened.", None), &["Ports", "needs check"]);
        let none = claim(("The port is shut.", Some("ports")), &[]);
        let q = Query::parse("label:ports");
        assert!(q.matches(&ports), "case-blind");
        assert!(!q.matches(&none), "a note saying it is not a label");
        assert!(Query::parse("label:\"Needs Check\"").matches(&ports));
        assert!(Query::parse("reopened label:ports").matches(&ports));
        assert!(!Query::parse("shut label:ports").matches(&ports));
        assert!(!Query::parse("label:port").matches(&ports), "whole names");
        assert!(Query::parse("label:").matches(&ports), "any label");
        assert!(!Query::parse("label:").matches(&none));
    }

    #[test]
    fn plain_text_also_finds_labels_and_keeps_its_spaces() {
        let ports = claim(("The port reopened.", None), &["energy"]);
        assert!(Query::parse("ENERGY").matches(&ports));
        assert!(Query::parse("port reopened").matches(&ports));
        assert!(!Query::parse("port  reopened").matches(&ports));
        assert!(Query::parse("").matches(&ports));
    }

    #[test]
    fn tab_completes_the_label_being_typed() {
        let labels = vec![
            ("ports".to_owned(), 3),
            ("needs check".to_owned(), 2),
            ("politics".to_owned(), 1),
        ];
        assert_eq!(typed_label("shut label:po"), Some("po"));
        assert_eq!(typed_label("shut"), None);
        assert_eq!(
            candidates("label:po", &labels)
                .iter()
                .map(|(l, _)| l.as_str())
                .collect::<Vec<_>>(),
            ["ports", "politics"]
        );
        assert_eq!(
            complete("shut label:po", &labels).as_deref(),
            Some("shut label:ports ")
        );
        assert_eq!(
            complete("Label:ne", &labels).as_deref(),
            Some("Label:\"needs check\" ")
        );
        assert_eq!(complete("label:zz", &labels), None);
        assert_eq!(complete("shut", &labels), None);
    }

    #[test]
    fn labels_are_counted_once_per_claim_most_used_first() {
        let report = |claims: Vec<Claim>| Reviewed {
            path: "r.txt".into(),
            sentences: 1,
            tagged_sentences: 1,
            reviewed_sentences: 1,
            unfinished: 0,
            modified: None,
            anchors: vec![crate::annotate::Anchor::Exact; claims.len()],
            extracted: None,
            claims,
        };
        let reports = [
            report(vec![claim(("A.", None), &["b", "a", "a"])]),
            report(vec![
                claim(("B.", None), &["a"]),
                claim(("C.", None), &["c"]),
            ]),
        ];
        assert_eq!(
            labels_in_use(&reports),
            [
                ("a".to_owned(), 2),
                ("b".to_owned(), 1),
                ("c".to_owned(), 1)
            ]
        );
    }
}
