//! `--format csv`: one row per claim, RFC 4180 quoting, for spreadsheets.
//!
//! The first twelve columns are the contract (`report,id,status,start,end,quote,source,note,
//! labels,author,created,updated`); later columns are added at the end only: `grade`, `anchor`,
//! `source_kind`.

use std::io::{self, Write};

use super::{date, report_name};
use crate::corpus::{Reviewed, grade_of};
use crate::report::safe_lines;

/// The header row.
pub const HEADER: [&str; 15] = [
    "report",
    "id",
    "status",
    "start",
    "end",
    "quote",
    "source",
    "note",
    "labels",
    "author",
    "created",
    "updated",
    "grade",
    "anchor",
    "source_kind",
];

/// How labels are joined in their one cell.
pub const LABEL_SEPARATOR: &str = "; ";

/// Writes the header and one row per claim.
pub fn write(out: &mut dyn Write, reports: &[Reviewed]) -> io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    for report in reports {
        let name = report_name(&report.path);
        for (claim, anchor) in report.claims_with_anchors() {
            let record = [
                name.as_str(),
                &claim.id,
                &claim.status,
                &claim.start.to_string(),
                &claim.end.to_string(),
                &claim.quote,
                claim.source.as_deref().unwrap_or(""),
                claim.note.as_deref().unwrap_or(""),
                &claim.labels.join(LABEL_SEPARATOR),
                &claim.author,
                &date(claim, true),
                &date(claim, false),
                &grade_of(claim).unwrap_or_default(),
                anchor.name(),
                claim.source_kind.map_or("", |k| k.name()),
            ];
            // The text comes from reports and sidecars: a file printed with `cat` must not
            // steer the terminal. Line breaks and tabs stay; CSV quotes them.
            writer.write_record(record.map(|field| safe_lines(field).into_owned()))?;
        }
    }
    writer.flush()
}
