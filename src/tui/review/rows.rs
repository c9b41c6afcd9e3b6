//! Which rows the review screen shows, in which order: pure functions of the reports, so
//! sorting and filtering are tested without a screen.

use std::cmp::Ordering;

use super::query::Query;
use crate::annotate::Claim;
use crate::corpus::grades::{UNGRADED, is_weak};
use crate::corpus::stats::{Counts, share};
use crate::corpus::{Reviewed, grade_of};

/// A column of the reports table the rows can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The report's path.
    Path,
    /// Its sentence count.
    Sentences,
    /// Its claim count.
    Claims,
    /// The count of the tag at this index of the config.
    Tag(usize),
    /// The share of sentences reviewed.
    Reviewed,
    /// The share of claims tagged with the first tag (`sourced` by default).
    Sourced,
    /// The claims per source grade (sorted by how many are graded).
    Grades,
    /// When the report or its sidecar last changed.
    Modified,
}

impl Column {
    /// Every column, in the order the table shows them, for `tags` tags.
    pub fn all(tags: usize) -> Vec<Self> {
        let mut columns = vec![Self::Path, Self::Sentences, Self::Claims];
        columns.extend((0..tags).map(Self::Tag));
        columns.extend([Self::Reviewed, Self::Sourced, Self::Grades, Self::Modified]);
        columns
    }

    /// The column's heading; `tags` names the tag columns.
    pub fn title(self, tags: &[String]) -> String {
        match self {
            Self::Path => "report".to_owned(),
            Self::Sentences => "sent.".to_owned(),
            Self::Claims => "claims".to_owned(),
            Self::Tag(i) => tags.get(i).cloned().unwrap_or_default(),
            Self::Reviewed => "reviewed".to_owned(),
            Self::Sourced => "sourced/unsourced".to_owned(),
            Self::Grades => "claims/grade".to_owned(),
            Self::Modified => "modified (UTC)".to_owned(),
        }
    }
}

/// The share of a report's claims tagged with the first tag.
pub fn sourced_share(counts: &Counts, tags: &[String]) -> f64 {
    let first = tags.first().map_or(0, |t| counts.tag(t));
    share(first, counts.claims)
}

/// How many claims carry a grade.
fn graded(counts: &Counts) -> usize {
    let ungraded = counts.reliability.get(UNGRADED).copied().unwrap_or(0);
    counts.claims.saturating_sub(ungraded)
}

impl Column {
    /// Whether sorting by the column needs each report's [`Counts`] (worth skipping: counting a
    /// report's claims per tag and grade costs more than the sort itself on a large folder).
    fn needs_counts(self) -> bool {
        matches!(
            self,
            Self::Tag(_) | Self::Reviewed | Self::Sourced | Self::Grades
        )
    }
}

/// Compares two reports by `column`; `counts` holds theirs when the column needs them.
fn compare(
    a: &Reviewed,
    b: &Reviewed,
    counts: Option<(&Counts, &Counts)>,
    column: Column,
    tags: &[String],
) -> Ordering {
    match (column, counts) {
        (Column::Path, _) => a.path.cmp(&b.path),
        (Column::Sentences, _) => a.sentences.cmp(&b.sentences),
        (Column::Claims, _) => a.claims.len().cmp(&b.claims.len()),
        (Column::Modified, _) => a.modified.cmp(&b.modified),
        (Column::Tag(i), Some((ca, cb))) => {
            let tag = tags.get(i).map_or("", String::as_str);
            ca.tag(tag).cmp(&cb.tag(tag))
        }
        (Column::Reviewed, Some((ca, cb))) => ca.reviewed_share().total_cmp(&cb.reviewed_share()),
        (Column::Sourced, Some((ca, cb))) => {
            sourced_share(ca, tags).total_cmp(&sourced_share(cb, tags))
        }
        (Column::Grades, Some((ca, cb))) => graded(ca).cmp(&graded(cb)),
        (Column::Tag(_) | Column::Reviewed | Column::Sourced | Column::Grades, None) => {
            Ordering::Equal
        }
    }
}

/// The reports whose path holds `filter` (case-blind), sorted by `column` (ties by path), as
/// indices into `reports`.
pub fn reports(
    reports: &[Reviewed],
    filter: &str,
    column: Column,
    descending: bool,
    tags: &[String],
) -> Vec<usize> {
    let filter = filter.to_lowercase();
    let mut rows: Vec<(usize, Option<Counts>)> = reports
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            filter.is_empty() || r.path.to_string_lossy().to_lowercase().contains(&filter)
        })
        .map(|(i, r)| (i, column.needs_counts().then(|| Counts::of(r, tags))))
        .collect();
    rows.sort_by(|(a, ca), (b, cb)| {
        let (a, b) = (&reports[*a], &reports[*b]);
        let counts = ca.as_ref().zip(cb.as_ref());
        let order = compare(a, b, counts, column, tags).then_with(|| a.path.cmp(&b.path));
        if descending { order.reverse() } else { order }
    });
    rows.into_iter().map(|(i, _)| i).collect()
}

/// A column of the claims view the rows can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimColumn {
    /// The report's path, then the claim's place in it: reading order, the default.
    Place,
    /// The tag, in the config's order (tags it does not know after, by name).
    Tag,
    /// The source, case-blind; claims without one last.
    Source,
    /// The grade, `A1` first; ungraded claims last.
    Grade,
    /// Who made the claim, case-blind; claims with no author last.
    Author,
    /// When the claim last changed, oldest first.
    Updated,
}

impl ClaimColumn {
    /// Every sort column, in the order `>` steps through them.
    pub const ALL: [Self; 6] = [
        Self::Place,
        Self::Tag,
        Self::Source,
        Self::Grade,
        Self::Author,
        Self::Updated,
    ];
}

/// What a claim sorts by in one column. Within a column every key is the same variant; a
/// missing value (`true` in the first field) sorts after every present one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum ClaimKey {
    /// Sorted by place alone.
    Place,
    /// A tag's index in the config (or past its end), then its name.
    Rank(usize, String),
    /// Text, lower case.
    Text(bool, String),
    /// A time.
    Time(bool, Option<jiff::Timestamp>),
}

impl ClaimKey {
    /// Whether the claim has no value in the column (no source, grade, author or date).
    fn missing(&self) -> bool {
        matches!(self, Self::Text(true, _) | Self::Time(true, _))
    }
}

/// The key of `claim` in `column`; `tags` ranks the tags.
fn claim_key(claim: &Claim, column: ClaimColumn, tags: &[String]) -> ClaimKey {
    let text = |t: Option<&str>| {
        let t = t.map(str::trim).filter(|t| !t.is_empty());
        ClaimKey::Text(t.is_none(), t.unwrap_or_default().to_lowercase())
    };
    match column {
        ClaimColumn::Place => ClaimKey::Place,
        ClaimColumn::Tag => {
            let rank = tags
                .iter()
                .position(|t| *t == claim.status)
                .unwrap_or(tags.len());
            ClaimKey::Rank(rank, claim.status.clone())
        }
        ClaimColumn::Source => text(claim.source.as_deref()),
        ClaimColumn::Grade => text(grade_of(claim).as_deref()),
        ClaimColumn::Author => text(Some(&claim.author)),
        ClaimColumn::Updated => {
            let time = updated_at(claim);
            ClaimKey::Time(time.is_none(), time)
        }
    }
}

/// When the claim last changed, as an instant (dates in the sidecar may carry any offset, so
/// they are compared as instants, not as written). `None` when the date has no time zone.
pub fn updated_at(claim: &Claim) -> Option<jiff::Timestamp> {
    claim.updated.to_string().parse().ok()
}

/// The claims with `tag` (any when `None`) that pass the filter text `query` ([`Query`]: text
/// in the quote, source, note or labels, `label:NAME` words), only weak ones when `weak_only`;
/// sorted by `column` (reversed when `descending`), ties in reading order: by report path, then
/// in document order.
pub fn claims(
    reports: &[Reviewed],
    filter: &ClaimFilter,
    column: ClaimColumn,
    descending: bool,
    tags: &[String],
) -> Vec<(usize, usize)> {
    let query = Query::parse(&filter.query);
    let mut order: Vec<usize> = (0..reports.len()).collect();
    order.sort_by(|&a, &b| reports[a].path.cmp(&reports[b].path));
    let mut rows: Vec<(ClaimKey, (usize, usize))> = order
        .into_iter()
        .flat_map(|r| (0..reports[r].claims.len()).map(move |c| (r, c)))
        .filter(|&(r, c)| {
            let claim = &reports[r].claims[c];
            filter.tag.as_deref().is_none_or(|t| claim.status == t)
                && (!filter.weak_only || is_weak(claim))
                && query.matches(claim)
        })
        .map(|(r, c)| (claim_key(&reports[r].claims[c], column, tags), (r, c)))
        .collect();
    if column == ClaimColumn::Place {
        if descending {
            rows.reverse();
        }
    } else {
        // Stable: equal keys stay in reading order, whichever way the keys go; claims without
        // a value come last either way.
        rows.sort_by(|a, b| {
            let order = a.0.cmp(&b.0);
            a.0.missing()
                .cmp(&b.0.missing())
                .then(if descending { order.reverse() } else { order })
        });
    }
    rows.into_iter().map(|(_, at)| at).collect()
}

/// Which claims the claims view shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimFilter {
    /// Only claims with this tag.
    pub tag: Option<String>,
    /// Only claims that pass this filter text ([`Query`]).
    pub query: String,
    /// Only claims resting on E/F sources or unsourced.
    pub weak_only: bool,
}
