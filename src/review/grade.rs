//! The Admiralty (NATO) grade a claim may carry, `grade = "B2"`: the reliability of the source
//! (A completely reliable … E unreliable, F cannot be judged) and the credibility of the
//! information (1 confirmed … 5 improbable, 6 cannot be judged).
//!
//! The claim model does not have a typed grade field yet, so a grade lives among the keys the
//! model keeps but does not know (`Claim::extra`). [`grade_of`] is the ONE place that reads it:
//! when the typed field lands, switch this function to it and every count and export follows.

use crate::annotate::Claim;

/// The reliability letters, best first.
pub const LETTERS: [char; 6] = ['A', 'B', 'C', 'D', 'E', 'F'];

/// The key of the rollups for claims with no (valid) grade.
pub const UNGRADED: &str = "ungraded";

/// The claim's grade (`"B2"`), when it has a valid one. A value that is not a letter A–F
/// followed by a digit 1–6 counts as no grade here; reporting it is the sidecar check's job.
pub fn grade_of(claim: &Claim) -> Option<String> {
    let text = claim.extra.get("grade")?.as_str()?.trim();
    let mut chars = text.chars();
    let (letter, digit) = (chars.next()?, chars.next()?);
    let valid = chars.next().is_none()
        && LETTERS.contains(&letter.to_ascii_uppercase())
        && ('1'..='6').contains(&digit);
    valid.then(|| format!("{}{digit}", letter.to_ascii_uppercase()))
}

/// The reliability letter of the claim's grade (`'B'` for `"B2"`).
pub fn reliability_of(claim: &Claim) -> Option<char> {
    grade_of(claim).and_then(|g| g.chars().next())
}

/// Whether the claim rests on a weak footing: a source graded E (unreliable) or F (cannot be
/// judged), or no source at all (tagged `unsourced`). The review screen filters on it.
pub fn is_weak(claim: &Claim) -> bool {
    matches!(reliability_of(claim), Some('E' | 'F')) || claim.status == "unsourced"
}

/// The grade in words, for exports that explain it: "B2: usually reliable source; probably true".
pub fn describe(grade: &str) -> Option<String> {
    let mut chars = grade.chars();
    let reliability = match chars.next()? {
        'A' => "completely reliable source",
        'B' => "usually reliable source",
        'C' => "fairly reliable source",
        'D' => "not usually reliable source",
        'E' => "unreliable source",
        'F' => "source reliability cannot be judged",
        _ => return None,
    };
    let credibility = match chars.next()? {
        '1' => "confirmed by other sources",
        '2' => "probably true",
        '3' => "possibly true",
        '4' => "doubtful",
        '5' => "improbable",
        '6' => "truth cannot be judged",
        _ => return None,
    };
    Some(format!("{grade}: {reliability}; {credibility}"))
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
        if let Some(grade) = grade {
            claim.extra.insert("grade".into(), grade.into());
        }
        claim
    }

    #[test]
    fn reads_valid_grades_only() {
        assert_eq!(
            grade_of(&claim(Some("B2"), "sourced", None)).as_deref(),
            Some("B2")
        );
        assert_eq!(
            grade_of(&claim(Some("f6"), "sourced", None)).as_deref(),
            Some("F6")
        );
        for bad in ["G2", "B7", "B", "B22", "", "2B"] {
            assert_eq!(grade_of(&claim(Some(bad), "sourced", None)), None, "{bad}");
        }
        assert_eq!(
            reliability_of(&claim(Some("C3"), "sourced", None)),
            Some('C')
        );
        assert_eq!(grade_of(&claim(None, "sourced", None)), None);
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
            Some("B2: usually reliable source; probably true")
        );
        assert_eq!(describe("X9"), None);
    }
}
