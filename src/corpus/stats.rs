//! Counting claims: per report and in total, per tag, per kind of source and per reliability
//! letter. The numbers `sidenote stats` prints and the review screen shows.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::Reviewed;
use super::grades::{LETTERS, UNGRADED, reliability_of};
use crate::annotate::{Anchor, SourceKind};

/// The counts of one report, or of many added up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// How many reports were added up (1 for one report).
    pub reports: usize,
    /// Sentences the reader steps through.
    pub sentences: usize,
    /// Sentences at least one found claim touches.
    pub tagged_sentences: usize,
    /// Sentences a found claim or no-claim mark touches: how far the review got.
    pub reviewed: usize,
    /// Reports done: every sentence that could hold a claim reviewed (0 or 1 for one report).
    pub done: usize,
    /// All claims, orphaned ones included.
    pub claims: usize,
    /// Claims per tag: every tag of the config (zero or not), then any other tag found.
    pub tags: BTreeMap<String, usize>,
    /// Claims whose quote is no longer in the report.
    pub orphaned: usize,
    /// Claims per reliability letter (`A`…`F`) and [`UNGRADED`]; every key is always there.
    pub reliability: BTreeMap<String, usize>,
    /// Claims whose source is named, and anonymous (in [`SourceKind::ALL`] order); a claim with
    /// no `source_kind` is in neither.
    pub source_kinds: [usize; 2],
}

impl Counts {
    /// Zero counts that list every tag of `tags` and every reliability key.
    pub fn zero(tags: &[String]) -> Self {
        let mut reliability: BTreeMap<String, usize> =
            LETTERS.iter().map(|l| (l.to_string(), 0)).collect();
        reliability.insert(UNGRADED.to_owned(), 0);
        Self {
            tags: tags.iter().map(|t| (t.clone(), 0)).collect(),
            reliability,
            ..Self::default()
        }
    }

    /// The counts of one report.
    pub fn of(report: &Reviewed, tags: &[String]) -> Self {
        let mut counts = Self::zero(tags);
        counts.reports = 1;
        counts.sentences = report.sentences;
        counts.tagged_sentences = report.tagged_sentences;
        counts.reviewed = report.reviewed_sentences;
        counts.done = usize::from(report.is_done());
        counts.claims = report.claims.len();
        for (claim, anchor) in report.claims_with_anchors() {
            *counts.tags.entry(claim.status.clone()).or_default() += 1;
            if anchor == Anchor::Orphaned {
                counts.orphaned += 1;
            }
            let key = reliability_of(claim).map_or_else(|| UNGRADED.to_owned(), String::from);
            *counts.reliability.entry(key).or_default() += 1;
            if let Some(kind) = claim.source_kind {
                counts.source_kinds[kind_index(kind)] += 1;
            }
        }
        counts
    }

    /// Adds `other` to these counts.
    pub fn add(&mut self, other: &Self) {
        self.reports += other.reports;
        self.sentences += other.sentences;
        self.tagged_sentences += other.tagged_sentences;
        self.reviewed += other.reviewed;
        self.done += other.done;
        self.claims += other.claims;
        self.orphaned += other.orphaned;
        for (tag, n) in &other.tags {
            *self.tags.entry(tag.clone()).or_default() += n;
        }
        for (letter, n) in &other.reliability {
            *self.reliability.entry(letter.clone()).or_default() += n;
        }
        for (mine, theirs) in self.source_kinds.iter_mut().zip(other.source_kinds) {
            *mine += theirs;
        }
    }

    /// The claims whose source is of `kind`.
    pub fn source_kind(&self, kind: SourceKind) -> usize {
        self.source_kinds[kind_index(kind)]
    }

    /// The claims with `tag`.
    pub fn tag(&self, tag: &str) -> usize {
        self.tags.get(tag).copied().unwrap_or(0)
    }

    /// The share of sentences that were reviewed (touched by a claim or a no-claim mark), 0
    /// to 1.
    pub fn reviewed_share(&self) -> f64 {
        share(self.reviewed, self.sentences)
    }

    /// Whether every report counted here is done.
    pub fn is_done(&self) -> bool {
        self.done == self.reports
    }

    /// The tags in display order: those of `tags` first, then the others by name.
    pub fn tag_order(&self, tags: &[String]) -> Vec<String> {
        let mut names = tags.to_vec();
        names.extend(self.tags.keys().filter(|t| !tags.contains(t)).cloned());
        names
    }

    /// The JSON object of these counts: the fixed keys, then one key per tag of `names` (a tag
    /// named like a fixed key does not replace it), then `orphaned`, `reliability` and
    /// `source_kinds`. `done` is `true` or `false` for one report (`one`), else how many
    /// reports are done.
    pub fn to_json(&self, names: &[String], first: Map<String, Value>, one: bool) -> Value {
        let mut object = first;
        object.insert("sentences".into(), json!(self.sentences));
        object.insert("tagged_sentences".into(), json!(self.tagged_sentences));
        object.insert("reviewed".into(), json!(self.reviewed));
        if one {
            object.insert("done".into(), json!(self.is_done()));
        } else {
            object.insert("done".into(), json!(self.done));
        }
        object.insert("claims".into(), json!(self.claims));
        for tag in names {
            if !object.contains_key(tag) && !FIXED_AFTER_TAGS.contains(&tag.as_str()) {
                object.insert(tag.clone(), json!(self.tag(tag)));
            }
        }
        object.insert("orphaned".into(), json!(self.orphaned));
        let mut reliability = Map::new();
        for key in LETTERS
            .iter()
            .map(char::to_string)
            .chain([UNGRADED.to_owned()])
        {
            let n = self.reliability.get(&key).copied().unwrap_or(0);
            reliability.insert(key, json!(n));
        }
        object.insert("reliability".into(), Value::Object(reliability));
        let kinds: Map<String, Value> = SourceKind::ALL
            .into_iter()
            .map(|k| (k.name().to_owned(), json!(self.source_kind(k))))
            .collect();
        object.insert("source_kinds".into(), Value::Object(kinds));
        Value::Object(object)
    }
}

/// The keys of a JSON row written after the tags' own, which a tag's name never replaces.
const FIXED_AFTER_TAGS: [&str; 3] = ["orphaned", "reliability", "source_kinds"];

/// Where `kind` is counted in [`Counts::source_kinds`].
fn kind_index(kind: SourceKind) -> usize {
    match kind {
        SourceKind::Named => 0,
        SourceKind::Anonymous => 1,
    }
}

/// `part / whole`, 0 when there is no whole.
pub fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        #[allow(clippy::cast_precision_loss)]
        let s = part as f64 / whole as f64;
        s.min(1.0)
    }
}

/// `part / whole` on a scale of `scale` (cells of a bar, or 100 for a percentage), rounded to
/// the nearest and never more than `scale`; 0 when there is no whole.
pub fn scaled(part: usize, whole: usize, scale: usize) -> usize {
    if whole == 0 {
        0
    } else {
        ((part.min(whole) * scale * 2 + whole) / (whole * 2)).min(scale)
    }
}

/// The `stats --format json` document: `{"reports": [...], "total": {...}}`.
/// Every row has the same keys: each tag found in any report is counted (0 or more) in all.
pub fn to_json(reports: &[Reviewed], tags: &[String]) -> Value {
    let mut total = Counts::zero(tags);
    let counts: Vec<Counts> = reports.iter().map(|r| Counts::of(r, tags)).collect();
    for c in &counts {
        total.add(c);
    }
    let names = total.tag_order(tags);
    let rows: Vec<Value> = reports
        .iter()
        .zip(&counts)
        .map(|(report, c)| {
            let mut first = Map::new();
            first.insert("report".into(), json!(report.path.to_string_lossy()));
            c.to_json(&names, first, true)
        })
        .collect();
    let mut first = Map::new();
    first.insert("reports".into(), json!(total.reports));
    json!({"reports": rows, "total": total.to_json(&names, first, false)})
}

/// The most cited sources, most claims first (then by name), at most `n`: the spellings of one
/// source (`Mr Osei`, `Rafael T. Osei`) counted as one, listed as its variants (see
/// [`super::sources::group`]).
pub fn top_sources<'a>(
    reports: impl IntoIterator<Item = &'a Reviewed>,
    n: usize,
) -> Vec<super::sources::Source> {
    let mut top = super::sources::group(&super::sources::cited(reports));
    top.truncate(n);
    top
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::{Claim, now};
    use crate::report::{Encoding, Report};
    use std::path::Path;

    fn reviewed(name: &str, claims: &[(&str, Option<&str>, Option<&str>)]) -> Reviewed {
        let report = Report::from_text(
            Path::new(name),
            "One here. Two here. Three here.".into(),
            Encoding::Utf8,
            String::new(),
        );
        let claims: Vec<Claim> = claims
            .iter()
            .map(|(status, source, grade)| {
                let mut c = Claim::new(&report, 0..9, status, "ana", now());
                c.source = source.map(str::to_owned);
                c.grade = grade.map(|g| g.parse().expect("a valid grade"));
                c
            })
            .collect();
        Reviewed {
            path: name.into(),
            sentences: 3,
            tagged_sentences: 1,
            reviewed_sentences: 2,
            unfinished: 1,
            modified: None,
            anchors: vec![Anchor::Exact; claims.len()],
            extracted: None,
            claims,
        }
    }

    fn tags() -> Vec<String> {
        ["sourced", "unsourced"].map(String::from).to_vec()
    }

    #[test]
    fn totals_add_up_per_tag_and_grade() {
        let a = reviewed(
            "a.txt",
            &[
                ("sourced", Some("CTD"), Some("B2")),
                ("unsourced", None, None),
            ],
        );
        let b = reviewed(
            "b.txt",
            &[
                ("sourced", Some("ctd "), Some("E5")),
                ("rumour", None, None),
            ],
        );
        let value = to_json(&[a, b], &tags());
        let total = &value["total"];
        assert_eq!(total["reports"], 2);
        assert_eq!(total["claims"], 4);
        assert_eq!(total["sourced"], 2);
        assert_eq!(total["unsourced"], 1);
        assert_eq!(total["rumour"], 1);
        assert_eq!(total["sentences"], 6);
        assert_eq!(total["reliability"]["B"], 1);
        assert_eq!(total["reliability"]["E"], 1);
        assert_eq!(total["reliability"]["ungraded"], 2);
        assert_eq!(value["reports"][0]["report"], "a.txt");
        assert_eq!(value["reports"][0]["rumour"], 0, "every tag in every row");
        assert_eq!(value["reports"][1]["unsourced"], 0);
    }

    #[test]
    fn reviewed_and_done_are_counted_per_report_and_in_total() {
        let a = reviewed("a.txt", &[]);
        let mut b = reviewed("b.txt", &[]);
        b.reviewed_sentences = 3;
        b.unfinished = 0;
        let mut c = reviewed("c.txt", &[]);
        c.reviewed_sentences = 1;
        c.unfinished = 0;
        let value = to_json(&[a, b, c], &tags());
        let rows = &value["reports"];
        assert_eq!(rows[0]["reviewed"], 2);
        assert_eq!(rows[0]["done"], false);
        assert_eq!(rows[1]["reviewed"], 3);
        assert_eq!(rows[1]["done"], true);
        assert_eq!(rows[2]["done"], true, "what is left is no claim candidate");
        assert_eq!(value["total"]["reviewed"], 6);
        assert_eq!(value["total"]["done"], 2, "a count of done reports");
        let b = Counts::of(&reviewed("b.txt", &[]), &tags());
        assert!(
            (b.reviewed_share() - 2.0 / 3.0).abs() < 1e-9,
            "the gauge's share"
        );
    }

    #[test]
    fn source_kinds_are_counted_per_report_and_in_total() {
        let mut a = reviewed(
            "a.txt",
            &[
                ("sourced", Some("the minister"), None),
                ("sourced", Some("officials"), None),
                ("sourced", Some("a spokesman"), None),
                ("unsourced", None, None),
            ],
        );
        a.claims[0].source_kind = Some(SourceKind::Named);
        a.claims[1].source_kind = Some(SourceKind::Anonymous);
        a.claims[2].source_kind = Some(SourceKind::Anonymous);
        let mut b = reviewed("b.txt", &[("sourced", Some("Reuters"), None)]);
        b.claims[0].source_kind = Some(SourceKind::Named);
        let value = to_json(&[a, b], &tags());
        assert_eq!(
            value["reports"][0]["source_kinds"],
            json!({"named": 1, "anonymous": 2})
        );
        assert_eq!(
            value["reports"][1]["source_kinds"],
            json!({"named": 1, "anonymous": 0})
        );
        assert_eq!(
            value["total"]["source_kinds"],
            json!({"named": 2, "anonymous": 2})
        );
    }

    #[test]
    fn a_tag_named_source_kinds_does_not_replace_the_counts() {
        let a = reviewed("a.txt", &[("source_kinds", None, None)]);
        let value = to_json(&[a], &tags());
        assert_eq!(
            value["reports"][0]["source_kinds"],
            json!({"named": 0, "anonymous": 0})
        );
    }

    #[test]
    fn a_tag_named_like_a_fixed_key_does_not_replace_it() {
        let a = reviewed("a.txt", &[("claims", None, None)]);
        let value = to_json(&[a], &tags());
        assert_eq!(value["reports"][0]["claims"], 1);
    }

    #[test]
    fn top_sources_merge_spellings_and_rank() {
        let a = reviewed(
            "a.txt",
            &[
                ("sourced", Some("CTD"), None),
                ("sourced", Some("Police"), None),
                ("sourced", Some("army"), None),
            ],
        );
        let b = reviewed(
            "b.txt",
            &[
                ("sourced", Some(" ctd"), None),
                ("sourced", Some("  "), None),
            ],
        );
        let top = top_sources([&a, &b], 5);
        let counted: Vec<(&str, usize)> = top.iter().map(|s| (s.name.as_str(), s.count)).collect();
        assert_eq!(
            counted,
            [("CTD", 2), ("army", 1), ("Police", 1)],
            "ties in name order, whatever the case"
        );
        assert_eq!(top[0].variants, ["ctd"], "the other spelling, trimmed");
        assert_eq!(top_sources([&a, &b], 1).len(), 1);
    }

    #[test]
    fn scaled_rounds_and_is_bounded() {
        assert_eq!(scaled(1, 3, 100), 33);
        assert_eq!(scaled(2, 3, 100), 67);
        assert_eq!(scaled(5, 4, 10), 10);
        assert_eq!(scaled(1, 0, 10), 0);
    }

    #[test]
    fn share_is_bounded() {
        assert!((share(1, 4) - 0.25).abs() < f64::EPSILON);
        assert!((share(0, 0)).abs() < f64::EPSILON);
        assert!((share(5, 4) - 1.0).abs() < f64::EPSILON);
    }
}
