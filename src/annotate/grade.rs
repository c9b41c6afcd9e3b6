//! Source grading on the Admiralty (NATO) scale: how reliable the source is (A–F) and how
//! credible the information is (1–6), written together as `B2`.
//!
//! Analysts weigh a claim by both: a usually reliable source can pass on an improbable story, and
//! an unknown source can report something other sources confirm. The two letters are kept apart
//! so each can be set, counted and compared on its own.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The reliability letters, best first, with a short name and what each means: one table for
/// the help screen, `docs/grading.md` and the status line.
pub const RELIABILITY: [(char, &str, &str); 6] = [
    (
        'A',
        "completely reliable",
        "no doubt of authenticity, trustworthiness or competence",
    ),
    (
        'B',
        "usually reliable",
        "minor doubts; a history of mostly valid information",
    ),
    (
        'C',
        "fairly reliable",
        "doubts, but has given valid information before",
    ),
    (
        'D',
        "not usually reliable",
        "significant doubts; valid information only at times",
    ),
    (
        'E',
        "unreliable",
        "lacks authenticity, trustworthiness or competence",
    ),
    ('F', "cannot be judged", "no basis to evaluate the source"),
];

/// The credibility digits, best first, with a short name and what each means.
pub const CREDIBILITY: [(u8, &str, &str); 6] = [
    (
        1,
        "confirmed",
        "by other independent sources; logical; consistent",
    ),
    (
        2,
        "probably true",
        "not confirmed; logical; consistent with other information",
    ),
    (
        3,
        "possibly true",
        "not confirmed; reasonably logical; agrees with some information",
    ),
    (
        4,
        "doubtful",
        "not confirmed; possible but not logical; nothing else on it",
    ),
    (
        5,
        "improbable",
        "not confirmed; not logical; contradicted by other information",
    ),
    (
        6,
        "cannot be judged",
        "no basis to evaluate the information",
    ),
];

/// A claim's grade: the source's reliability and the information's credibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Grade {
    /// `A` (completely reliable) to `F` (cannot be judged).
    reliability: char,
    /// `1` (confirmed) to `6` (cannot be judged).
    credibility: u8,
}

/// Why a text is not a grade; the message shows the scale so the user can fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("grade \"{0}\" is not a letter A-F followed by a digit 1-6 (e.g. \"B2\")")]
pub struct GradeError(pub String);

impl Grade {
    /// A grade from its two parts, when both are on the scale.
    pub fn new(reliability: char, credibility: u8) -> Option<Self> {
        let ok = RELIABILITY.iter().any(|(r, _, _)| *r == reliability)
            && CREDIBILITY.iter().any(|(c, _, _)| *c == credibility);
        ok.then_some(Self {
            reliability,
            credibility,
        })
    }

    /// The source's reliability letter, `A` to `F`.
    pub fn reliability(self) -> char {
        self.reliability
    }

    /// The information's credibility digit, `1` to `6`.
    pub fn credibility(self) -> u8 {
        self.credibility
    }

    /// The next reliability letter (after `F`, `A` again), keeping the credibility. An
    /// ungraded claim starts at `A` with credibility 6, "cannot be judged", until that is set
    /// too. (A grade is removed in the editor, by emptying its field.)
    pub fn cycle_reliability(grade: Option<Self>) -> Self {
        let (reliability, credibility) = match grade {
            None => ('A', 6),
            Some(g) => {
                let i = RELIABILITY
                    .iter()
                    .position(|(r, _, _)| *r == g.reliability)
                    .unwrap_or(0);
                (RELIABILITY[(i + 1) % RELIABILITY.len()].0, g.credibility)
            }
        };
        Self {
            reliability,
            credibility,
        }
    }

    /// The next credibility digit (after `6`, `1` again), keeping the reliability. An ungraded
    /// claim starts at `1` with reliability `F`, "cannot be judged", until that is set too.
    pub fn cycle_credibility(grade: Option<Self>) -> Self {
        match grade {
            None => Self {
                reliability: 'F',
                credibility: 1,
            },
            Some(g) => Self {
                reliability: g.reliability,
                credibility: g.credibility % 6 + 1,
            },
        }
    }

    /// Parses the text of the editor's grade field: empty means no grade.
    pub fn parse_optional(text: &str) -> Result<Option<Self>, GradeError> {
        let text = text.trim();
        if text.is_empty() {
            Ok(None)
        } else {
            text.parse().map(Some)
        }
    }
}

impl FromStr for Grade {
    type Err = GradeError;

    /// Reads `B2`; a lower-case letter is accepted (typed quickly), written back upper-case.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut chars = text.chars();
        let parsed = match (chars.next(), chars.next(), chars.next()) {
            (Some(r), Some(c), None) => c
                .to_digit(10)
                .and_then(|d| u8::try_from(d).ok())
                .and_then(|d| Self::new(r.to_ascii_uppercase(), d)),
            _ => None,
        };
        parsed.ok_or_else(|| GradeError(text.to_owned()))
    }
}

impl Grade {
    /// The grade in words: the two short names, for the status line.
    pub fn meaning(self) -> String {
        let r = RELIABILITY
            .iter()
            .find(|(l, _, _)| *l == self.reliability)
            .map_or("", |(_, name, _)| name);
        let c = CREDIBILITY
            .iter()
            .find(|(d, _, _)| *d == self.credibility)
            .map_or("", |(_, name, _)| name);
        format!("source {r}, information {c}")
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.reliability, self.credibility)
    }
}

impl Serialize for Grade {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Grade {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_grade_on_the_scale_reads_back_as_written() {
        for (r, _, _) in RELIABILITY {
            for (c, _, _) in CREDIBILITY {
                let text = format!("{r}{c}");
                let grade: Grade = text.parse().expect("on the scale");
                assert_eq!(grade.to_string(), text);
                assert_eq!((grade.reliability(), grade.credibility()), (r, c));
            }
        }
        assert_eq!(
            "b2".parse::<Grade>().map(|g| g.to_string()),
            Ok("B2".into())
        );
    }

    #[test]
    fn anything_else_is_refused_with_the_value() {
        for bad in ["", "B", "2B", "G1", "A0", "A7", "B22", "BB", " B2", "Б2"] {
            let error = bad.parse::<Grade>().expect_err(bad);
            assert_eq!(error, GradeError(bad.to_owned()));
            assert!(error.to_string().contains(&format!("\"{bad}\"")));
        }
    }

    #[test]
    fn cycling_walks_the_scale_round() {
        let mut grade = None;
        let mut seen = Vec::new();
        for _ in 0..7 {
            grade = Some(Grade::cycle_reliability(grade));
            seen.push(grade.map(|g| g.to_string()).unwrap_or_default());
        }
        assert_eq!(seen, ["A6", "B6", "C6", "D6", "E6", "F6", "A6"]);
        let b = Grade::new('B', 5);
        assert_eq!(Some(Grade::cycle_credibility(b)), Grade::new('B', 6));
        assert_eq!(
            Some(Grade::cycle_credibility(Grade::new('B', 6))),
            Grade::new('B', 1)
        );
        assert_eq!(Some(Grade::cycle_credibility(None)), Grade::new('F', 1));
    }

    #[test]
    fn the_user_guide_shows_the_same_scale() {
        let guide = include_str!("../../docs/grading.md");
        for (letter, name, meaning) in RELIABILITY {
            let row = format!("| `{letter}` | {name} | {meaning} |");
            assert!(guide.contains(&row), "docs/grading.md lacks: {row}");
        }
        for (digit, name, meaning) in CREDIBILITY {
            let row = format!("| `{digit}` | {name} | {meaning} |");
            assert!(guide.contains(&row), "docs/grading.md lacks: {row}");
        }
    }

    #[test]
    fn the_editor_field_may_be_empty() {
        assert_eq!(Grade::parse_optional("  "), Ok(None));
        assert_eq!(Grade::parse_optional(" c3 "), Ok(Grade::new('C', 3)));
        assert!(Grade::parse_optional("Z9").is_err());
    }
}
