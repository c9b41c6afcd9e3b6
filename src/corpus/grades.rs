//! Grades rolled up for review: the Admiralty (NATO) grade a claim may carry, `grade = "B2"`
//! (see [`crate::annotate::grade`] for the scale), read the same way by `stats`, the exports
//! and the review screen.

use crate::annotate::Claim;
use crate::annotate::grade::Grade;

/// The reliability letters, best first: the columns of every roll-up.
pub const LETTERS: [char; 6] = ['A', 'B', 'C', 'D', 'E', 'F'];

/// The key of the rollups for claims with no grade.
pub const UNGRADED: &str = "ungraded";

/// The claim's grade as written in the sidecar (`"B2"`), for tables and exports.
pub fn grade_of(claim: &Claim) -> Option<String> {
    claim.grade.map(|grade| grade.to_string())
}

/// The reliability letter of the claim's grade (`'B'` for `"B2"`).
pub fn reliability_of(claim: &Claim) -> Option<char> {
    claim.grade.map(Grade::reliability)
}

/// Whether the claim rests on a weak footing: a source graded E (unreliable) or F (cannot be
/// judged), or no source at all (tagged `unsourced`). The review screen filters on it.
pub fn is_weak(claim: &Claim) -> bool {
    matches!(reliability_of(claim), Some('E' | 'F')) || claim.status == "unsourced"
}

/// The grade in words, for exports that explain it: "B2: source usually reliable, information
/// probably true".
pub fn describe(grade: &str) -> Option<String> {
    let grade: Grade = grade.parse().ok()?;
    Some(format!("{grade}: {}", grade.meaning()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Encoding, Report};
    use std::path::Path;

    fn claim(grade: Option<&str>, status: &str, source: Option<&str>) -> Claim {
        let report = Report::from_text(
            Path::new("r.txt"),
            "One sentence.".into(),
            Encoding::Utf8,
            String::new(),
        );
        let mut claim = Claim::new(&report, 0..13, status, "ana", crate::annotate::now());
        claim.source = source.map(str::to_owned);
        claim.grade = grade.map(|g| g.parse().expect("a valid grade"));
        claim
    }

    #[test]
    fn reads_the_claims_grade() {
        assert_eq!(
            grade_of(&claim(Some("f6"), "sourced", None)).as_deref(),
            Some("F6")
        );
        assert_eq!(
            reliability_of(&claim(Some("C3"), "sourced", None)),
            Some('C')
        );
        assert_eq!(grade_of(&claim(None, "sourced", None)), None);
        assert_eq!(reliability_of(&claim(None, "sourced", None)), None);
    }

    #[test]
    fn weak_means_e_or_f_or_unsourced() {
        assert!(is_weak(&claim(Some("E2"), "sourced", Some("a blog"))));
        assert!(is_weak(&claim(Some("F6"), "sourced", Some("a blog"))));
        assert!(is_weak(&claim(None, "unsourced", None)));
        assert!(!is_weak(&claim(Some("D3"), "opinion", None)));
        assert!(!is_weak(&claim(
            Some("B2"),
            "sourced",
            Some("the ministry")
        )));
        assert!(!is_weak(&claim(None, "sourced", Some("the ministry"))));
    }

    #[test]
    fn describes_both_halves() {
        assert_eq!(
            describe("B2").as_deref(),
            Some("B2: source usually reliable, information probably true")
        );
        assert_eq!(describe("X9"), None);
    }
}
