//! Inter-annotator agreement: how far several analysts tagging the same report agree, beyond
//! what chance alone would give.
//!
//! The unit of comparison (an *item*) is a sentence that at least one author tagged. Each author
//! gives it one value: the tag of their claim starting in that sentence, or [`UNTAGGED`] when
//! they left it alone. Grades are compared the same way on the reliability letter, but only
//! where an author graded: an ungraded claim is a missing value, not a category. The formulas
//! and the treatment of missing values are written out for users in `docs/agreement.md`.

use std::collections::{BTreeMap, BTreeSet};

use crate::annotate::{Claim, Sidecar};
use crate::report::Report;

/// The value of an author who left a sentence that someone else tagged without a claim.
pub const UNTAGGED: &str = "untagged";

/// One sentence somebody tagged: each author's tag and grade on it, in the order of
/// [`Table::authors`].
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The sentence's index in the report (from 0).
    pub sentence: usize,
    /// Each author's tag, [`UNTAGGED`] when they have no claim there.
    pub statuses: Vec<String>,
    /// Each author's reliability letter, `None` when ungraded or untagged.
    pub grades: Vec<Option<String>>,
    /// Each author's claim there, for showing side by side (adjudication).
    pub claims: Vec<Option<Claim>>,
}

impl Item {
    /// Whether the authors gave this sentence different tags.
    pub fn statuses_differ(&self) -> bool {
        self.statuses.iter().any(|s| *s != self.statuses[0])
    }

    /// Whether at least two authors graded this sentence differently.
    pub fn grades_differ(&self) -> bool {
        let mut given = self.grades.iter().flatten();
        given.next().is_some_and(|first| given.any(|g| g != first))
    }
}

/// The authors of a report and the sentences they tagged, ready for the figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// Every author with at least one claim, sorted.
    pub authors: Vec<String>,
    /// The sentences at least one author tagged, in document order.
    pub items: Vec<Item>,
}

impl Table {
    /// The items of `report` from the claims of `sidecar`, already re-anchored to its text.
    ///
    /// A claim counts for the sentence its first character is in. Orphaned claims (their text is
    /// gone) and agreed claims (an adjudicator's, not an annotator's) are left out; when one
    /// author has two claims in a sentence (a marked conflict), the first in document order
    /// counts.
    pub fn of(report: &Report, sidecar: &Sidecar) -> Self {
        let mut by_sentence: BTreeMap<usize, BTreeMap<&str, &Claim>> = BTreeMap::new();
        let mut claims: Vec<&Claim> = sidecar.claims.iter().filter(|c| !c.is_agreed()).collect();
        claims.sort_by(|a, b| crate::annotate::document_order(a, b));
        for claim in claims {
            let Some(sentence) = claim.sentence(report) else {
                continue;
            };
            by_sentence
                .entry(sentence)
                .or_default()
                .entry(claim.author.as_str())
                .or_insert(claim);
        }
        let authors: Vec<String> = by_sentence
            .values()
            .flat_map(BTreeMap::keys)
            .map(|a| (*a).to_owned())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let items = by_sentence
            .into_iter()
            .map(|(sentence, claims)| {
                let mine: Vec<Option<Claim>> = authors
                    .iter()
                    .map(|a| claims.get(a.as_str()).map(|c| (*c).clone()))
                    .collect();
                Item {
                    sentence,
                    statuses: mine
                        .iter()
                        .map(|c| {
                            c.as_ref()
                                .map_or(UNTAGGED, |c| c.status.as_str())
                                .to_owned()
                        })
                        .collect(),
                    grades: mine
                        .iter()
                        .map(|c| {
                            c.as_ref()
                                .and_then(|c| c.grade)
                                .map(|g| g.reliability().to_string())
                        })
                        .collect(),
                    claims: mine,
                }
            })
            .collect();
        Self { authors, items }
    }

    /// The items where the authors' tags or grades differ: the ones to adjudicate.
    pub fn disagreements(&self) -> impl Iterator<Item = &Item> {
        self.items
            .iter()
            .filter(|i| i.statuses_differ() || i.grades_differ())
    }
}

/// The agreement figures over a set of items.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Figures {
    /// Items with at least two values (the ones that can agree or not).
    pub items: usize,
    /// The share of those items on which every value is the same; `None` without items.
    pub agreement: Option<f64>,
    /// Cohen's kappa, only for exactly two authors, over the items both gave a value.
    pub kappa: Option<f64>,
    /// Krippendorff's alpha (nominal), for any number of authors; `None` without items.
    pub alpha: Option<f64>,
}

/// The figures for `units`: one row per item, one value per author (`None`: missing), every row
/// as long as the number of authors.
pub fn figures(authors: usize, units: &[Vec<Option<&str>>]) -> Figures {
    let pairable: Vec<Vec<&str>> = units
        .iter()
        .map(|u| u.iter().flatten().copied().collect::<Vec<_>>())
        .filter(|values| values.len() >= 2)
        .collect();
    let agreeing = pairable
        .iter()
        .filter(|values| values.iter().all(|v| *v == values[0]))
        .count();
    let kappa = (authors == 2).then(|| {
        let pairs: Vec<(&str, &str)> = units
            .iter()
            .filter_map(|u| Some(((*u.first()?)?, (*u.get(1)?)?)))
            .collect();
        cohen_kappa(&pairs)
    });
    Figures {
        items: pairable.len(),
        agreement: ratio(agreeing, pairable.len()),
        kappa: kappa.flatten(),
        alpha: krippendorff_alpha(&pairable),
    }
}

/// Cohen's kappa of two raters' values on the same items: `(po - pe) / (1 - pe)`, with `po` the
/// share of items they agree on and `pe` the agreement expected from each rater's own category
/// shares. `None` without items; 1 when both used one and the same category throughout (no
/// chance correction is possible, and they did agree).
pub fn cohen_kappa(pairs: &[(&str, &str)]) -> Option<f64> {
    if pairs.is_empty() {
        return None;
    }
    let n = count(pairs.len());
    let po = count(pairs.iter().filter(|(a, b)| a == b).count()) / n;
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    let mut second: BTreeMap<&str, usize> = BTreeMap::new();
    for (a, b) in pairs {
        *first.entry(a).or_default() += 1;
        *second.entry(b).or_default() += 1;
    }
    let pe: f64 = first
        .iter()
        .map(|(category, &k)| count(k) / n * count(second.get(category).copied().unwrap_or(0)) / n)
        .sum();
    if (1.0 - pe).abs() < f64::EPSILON {
        return Some(1.0);
    }
    Some((po - pe) / (1.0 - pe))
}

/// Krippendorff's alpha for nominal values: `1 - (n - 1) · D_o / D_e`, from the coincidence
/// matrix of all pairable values (each unit with `m` values adds `1 / (m - 1)` for each ordered
/// pair of them). `D_o` sums the off-diagonal coincidences, `D_e` the products `n_c · n_k` of
/// different categories' totals. Units with fewer than two values are not pairable and must be
/// left out by the caller. `None` without pairable values; 1 when every value is one category.
pub fn krippendorff_alpha(units: &[Vec<&str>]) -> Option<f64> {
    let matrix = coincidences(units);
    let mut totals: BTreeMap<&str, f64> = BTreeMap::new();
    let mut observed = 0.0;
    for (&(c, k), &o) in &matrix {
        *totals.entry(c).or_default() += o;
        if c != k {
            observed += o;
        }
    }
    let n: f64 = totals.values().sum();
    if n <= 0.0 {
        return None;
    }
    let squares: f64 = totals.values().map(|t| t * t).sum();
    let expected = n * n - squares;
    if expected <= f64::EPSILON {
        return Some(1.0);
    }
    Some(1.0 - (n - 1.0) * observed / expected)
}

/// The coincidence matrix of the values in `units` (see [`krippendorff_alpha`]): for each
/// ordered pair of categories, how often they were paired within a unit.
pub fn coincidences<'a>(units: &[Vec<&'a str>]) -> BTreeMap<(&'a str, &'a str), f64> {
    let mut matrix: BTreeMap<(&str, &str), f64> = BTreeMap::new();
    for unit in units.iter().filter(|u| u.len() >= 2) {
        let weight = 1.0 / (count(unit.len()) - 1.0);
        let mut tally: BTreeMap<&str, usize> = BTreeMap::new();
        for v in unit {
            *tally.entry(v).or_default() += 1;
        }
        for (&c, &nc) in &tally {
            for (&k, &nk) in &tally {
                let pairs = if c == k { nc * (nc - 1) } else { nc * nk };
                if pairs > 0 {
                    *matrix.entry((c, k)).or_default() += count(pairs) * weight;
                }
            }
        }
    }
    matrix
}

/// The confusion table of two raters: how often the first said `row` and the second `column`.
pub fn confusion<'a>(pairs: &[(&'a str, &'a str)]) -> BTreeMap<(&'a str, &'a str), usize> {
    let mut table = BTreeMap::new();
    for &(a, b) in pairs {
        *table.entry((a, b)).or_default() += 1;
    }
    table
}

/// `part / whole`, `None` when there is no whole.
fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| count(part) / count(whole))
}

/// A count as a float; counts of items never come near 2^52.
#[allow(clippy::cast_precision_loss)]
fn count(n: usize) -> f64 {
    n as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(actual: Option<f64>, expected: f64) {
        let actual = actual.expect("a figure");
        assert!(
            (actual - expected).abs() < 1e-9,
            "{actual} is not {expected}"
        );
    }

    // Cohen's 2×2 example as textbooks give it: 50 items, both say yes on 20, the first yes and
    // the second no on 5, the first no and the second yes on 10, both no on 15.
    // By hand: po = (20 + 15) / 50 = 0.7. The first says yes 25 times (0.5), the second
    // 30 times (0.6), so pe = 0.5·0.6 + 0.5·0.4 = 0.5, and kappa = (0.7 − 0.5) / (1 − 0.5) = 0.4.
    #[test]
    fn cohen_kappa_of_the_textbook_two_by_two() {
        let mut pairs = Vec::new();
        for (a, b, times) in [
            ("yes", "yes", 20),
            ("yes", "no", 5),
            ("no", "yes", 10),
            ("no", "no", 15),
        ] {
            pairs.extend(std::iter::repeat_n((a, b), times));
        }
        close(cohen_kappa(&pairs), 0.4);
        let table = confusion(&pairs);
        assert_eq!(table[&("yes", "no")], 5);
        assert_eq!(table[&("no", "yes")], 10);
    }

    // Krippendorff's binary example ("Computing Krippendorff's alpha-reliability", 2011): two
    // observers, ten units, A = 0100000010 and B = 1110010000; published alpha = 0.095.
    // By hand: units 1, 3, 6 and 9 disagree, so o(0,1) = o(1,0) = 4; unit 2 gives o(1,1) = 2;
    // the five 0-0 units give o(0,0) = 10. n0 = 14, n1 = 6, n = 20.
    // alpha = 1 − (n − 1)·D_o / Σ_{c≠k} n_c·n_k = 1 − 19·8 / (2·14·6) = 1 − 152/168 = 0.0952.
    // Kappa by hand: po = 6/10; A says 1 twice (0.2), B four times (0.4);
    // pe = 0.2·0.4 + 0.8·0.6 = 0.56; kappa = (0.6 − 0.56) / 0.44 = 0.0909.
    #[test]
    fn krippendorff_binary_example() {
        let a = "0100000010";
        let b = "1110010000";
        let units: Vec<Vec<Option<&str>>> = a
            .char_indices()
            .zip(b.char_indices())
            .map(|((i, _), (j, _))| vec![Some(&a[i..=i]), Some(&b[j..=j])])
            .collect();
        let f = figures(2, &units);
        close(f.alpha, 1.0 - 152.0 / 168.0);
        assert!((f.alpha.expect("alpha") - 0.095).abs() < 0.001);
        close(f.kappa, 0.04 / 0.44);
        close(f.agreement, 0.6);
        assert_eq!(f.items, 10);
    }

    // Krippendorff's nominal example with missing values (same paper): four observers, twelve
    // units, values 1–5, `.` missing; published nominal alpha = 0.743.
    // By hand: unit 12 has one value and is dropped, leaving n = 40 pairable values with
    // totals n1 = 9, n2 = 13, n3 = 10, n4 = 5, n5 = 3. The diagonal of the coincidence matrix is
    // 7 + 10 + 8 + 4 + 3 = 32, so D_o = 40 − 32 = 8; Σ_{c≠k} n_c·n_k = 40² − (81 + 169 + 100 +
    // 25 + 9) = 1216. alpha = 1 − 39·8 / 1216 = 1 − 312/1216 = 0.7434.
    #[test]
    fn krippendorff_nominal_example_with_missing_values() {
        let rows = [
            "123321412...",
            "1233224125.3",
            ".3332342251.",
            "12332441251.",
        ];
        let units: Vec<Vec<Option<&str>>> = (0..12)
            .map(|u| {
                rows.iter()
                    .map(|r| Some(&r[u..=u]).filter(|v| *v != "."))
                    .collect()
            })
            .collect();
        let f = figures(4, &units);
        close(f.alpha, 1.0 - 312.0 / 1216.0);
        assert!((f.alpha.expect("alpha") - 0.743).abs() < 0.001);
        assert_eq!(f.kappa, None, "kappa needs exactly two authors");
        assert_eq!(f.items, 11);
        let pairable: Vec<Vec<&str>> = units
            .iter()
            .map(|u| u.iter().flatten().copied().collect())
            .collect();
        let matrix = coincidences(&pairable);
        close(matrix.get(&("1", "2")).copied(), 4.0 / 3.0);
        close(matrix.get(&("2", "2")).copied(), 10.0);
    }

    #[test]
    fn items_are_the_sentences_anyone_tagged_without_agreed_or_orphaned_claims() {
        use crate::annotate::{AGREED_LABEL, now};
        use crate::report::Encoding;
        let report = Report::from_text(
            std::path::Path::new("r.txt"),
            "One is here. Two is there. Three is gone. Four stays.".to_owned(),
            Encoding::Utf8,
            String::new(),
        );
        let claim = |n: usize, status: &str, author: &str| {
            Claim::new(&report, report.sentences[n].clone(), status, author, now())
        };
        let mut sidecar = Sidecar::new(&report);
        sidecar.add(claim(0, "sourced", "ana"));
        sidecar.add(claim(1, "opinion", "ben"));
        let mut agreed = claim(1, "opinion", "ed");
        agreed.labels.push(AGREED_LABEL.to_owned());
        sidecar.add(agreed);
        let mut orphan = claim(2, "sourced", "ana");
        orphan.quote = "text no longer in the report".to_owned();
        sidecar.add(orphan);
        let mut graded = claim(3, "sourced", "ben");
        graded.grade = "C2".parse().ok();
        sidecar.add(graded);
        let table = Table::of(&report, &sidecar);
        assert_eq!(
            table.authors,
            ["ana", "ben"],
            "the adjudicator is not an author"
        );
        let rows: Vec<(usize, Vec<&str>)> = table
            .items
            .iter()
            .map(|i| (i.sentence, i.statuses.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            rows,
            [
                (0, vec!["sourced", UNTAGGED]),
                (1, vec![UNTAGGED, "opinion"]),
                (3, vec![UNTAGGED, "sourced"]),
            ]
        );
        assert_eq!(table.items[2].grades, [None, Some("C".to_owned())]);
        assert_eq!(table.disagreements().count(), 3);
    }

    #[test]
    fn no_items_give_no_figures() {
        assert_eq!(figures(2, &[]), Figures::default());
        assert_eq!(cohen_kappa(&[]), None);
    }

    fn rename(value: &str) -> String {
        format!(
            "renamed-{}",
            value.len() * 7 + value.chars().next().map_or(0, |c| c as usize)
        )
    }

    fn as_units<'a>(pairs: &[(&'a str, &'a str)]) -> Vec<Vec<&'a str>> {
        pairs.iter().map(|(a, b)| vec![*a, *b]).collect()
    }

    proptest! {
        #[test]
        fn perfect_agreement_gives_one(
            values in prop::collection::vec(prop::sample::select(vec!["a", "b", "c", "untagged"]), 1..40),
            raters in 2usize..5,
        ) {
            let units: Vec<Vec<Option<&str>>> =
                values.iter().map(|v| vec![Some(*v); raters]).collect();
            let f = figures(raters, &units);
            prop_assert_eq!(f.agreement, Some(1.0));
            prop_assert_eq!(f.alpha, Some(1.0));
            if raters == 2 {
                prop_assert_eq!(f.kappa, Some(1.0));
            }
        }

        #[test]
        fn kappa_and_alpha_do_not_depend_on_category_names(
            pairs in prop::collection::vec(
                (prop::sample::select(vec!["a", "bb", "ccc"]), prop::sample::select(vec!["a", "bb", "ccc"])),
                1..40,
            ),
        ) {
            let renamed: Vec<(String, String)> =
                pairs.iter().map(|(a, b)| (rename(a), rename(b))).collect();
            let renamed: Vec<(&str, &str)> =
                renamed.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
            let before = cohen_kappa(&pairs).expect("kappa");
            let after = cohen_kappa(&renamed).expect("kappa");
            prop_assert!((before - after).abs() < 1e-12);
            let a1 = krippendorff_alpha(&as_units(&pairs)).expect("alpha");
            let a2 = krippendorff_alpha(&as_units(&renamed)).expect("alpha");
            prop_assert!((a1 - a2).abs() < 1e-12);
        }

        #[test]
        fn kappa_and_alpha_stay_in_range(
            pairs in prop::collection::vec(
                (prop::sample::select(vec!["x", "y", "z"]), prop::sample::select(vec!["x", "y", "z"])),
                2..40,
            ),
        ) {
            let kappa = cohen_kappa(&pairs).expect("kappa");
            prop_assert!((-1.0..=1.0).contains(&kappa));
            let units: Vec<Vec<&str>> = pairs.iter().map(|(a, b)| vec![*a, *b]).collect();
            let alpha = krippendorff_alpha(&units).expect("alpha");
            prop_assert!(alpha <= 1.0, "{}", alpha);
        }
    }
}
