//! The review screen's place on a folder, as kept between sessions ([`crate::resume`]): the view,
//! the sorts, and the selected report and claim by identity. The reports arrive from a scan in
//! the background, so the selection is looked for as they come in ([`Review::resuming`]).

use std::path::{Path, PathBuf};

use super::{ClaimSort, Review, Selection, View};
use crate::resume::ReviewPlace;
use crate::tui::review::rows::ClaimColumn;

impl Review {
    /// The folder as the paths the scan finds start with: without a leading `./` (the scan
    /// drops it, so `sidenote .` finds `a.md`).
    fn found_under(&self) -> &Path {
        self.root.strip_prefix(".").unwrap_or(&self.root)
    }
}

/// The views a place can name, by their debug names in lower case.
const VIEWS: [View; 3] = [View::Reports, View::Claims, View::Chart];

fn view_name(view: View) -> String {
    format!("{view:?}").to_lowercase()
}

impl Review {
    /// Where the screen is now, to keep for the next time the folder is reviewed. Paths are kept
    /// relative to the folder, so that the place holds however the folder is named next time.
    pub fn place(&self) -> ReviewPlace {
        let selection = self.resuming.clone().unwrap_or_else(|| self.selection());
        let root = self.found_under();
        let relative = |path: PathBuf| {
            path.strip_prefix(root)
                .map(Path::to_path_buf)
                .unwrap_or(path)
        };
        ReviewPlace {
            path: String::new(),
            view: view_name(self.view),
            report: selection.report.map(relative),
            claim: selection.claim.map(|(path, id)| (relative(path), id)),
            sort: (self.sort, self.descending),
            claim_sort: (self.claim_sort.column, self.claim_sort.descending),
        }
    }

    /// Takes back a kept place: the view and sorts at once (a column that no longer exists is
    /// the first), the selection as the scan brings its rows in.
    pub fn resume(&mut self, place: ReviewPlace) {
        if let Some(view) = VIEWS.into_iter().find(|v| view_name(*v) == place.view) {
            self.view = view;
        }
        let (sort, descending) = place.sort;
        if sort < self.columns().len() {
            (self.sort, self.descending) = (sort, descending);
        }
        let (column, descending) = place.claim_sort;
        if column < ClaimColumn::ALL.len() {
            self.claim_sort = ClaimSort { column, descending };
        }
        let under_root = |path: PathBuf| self.found_under().join(path);
        self.resuming = Some(Selection {
            report: place.report.map(under_root),
            claim: place.claim.map(|(path, id)| (under_root(path), id)),
        });
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::annotate::{Claim, now};
    use crate::config::Config;
    use crate::config::keys::{Action, ReviewAction};
    use crate::corpus::Reviewed;
    use crate::report::Report;
    use crate::tui::review::{Message, update};

    /// The reports `a.txt`, `b.txt`, `c.txt` in a folder, with 1, 2 and 3 claims.
    fn folder() -> (tempfile::TempDir, Vec<Reviewed>) {
        let dir = tempfile::tempdir().unwrap();
        let mut found = Vec::new();
        for (n, name) in ["a.txt", "b.txt", "c.txt"].into_iter().enumerate() {
            let path = dir.path().join(name);
            std::fs::write(&path, "One here. Two here. Three here.").unwrap();
            let report = Report::load(&path).unwrap();
            let mut sidecar = crate::annotate::Sidecar::new(&report);
            for span in report.sentences.iter().take(n + 1) {
                sidecar.add(Claim::new(&report, span.clone(), "sourced", "ana", now()));
            }
            let sidecar_file = crate::annotate::sidecar_path(&path);
            std::fs::write(sidecar_file, sidecar.to_toml().unwrap()).unwrap();
            found.push(Reviewed::load(&path).unwrap());
        }
        (dir, found)
    }

    fn review(root: &Path) -> Review {
        let mut review = Review::new(root.to_path_buf(), Config::default());
        update(&mut review, Action::Resize(120, 40));
        review
    }

    fn scan(review: &mut Review, found: &[Reviewed]) {
        review.receive([Message::Found(found.len())]);
        for report in found {
            review.receive([Message::Read(Ok(report.clone()))]);
        }
        review.receive([Message::Done]);
    }

    #[test]
    fn the_view_sort_and_rows_come_back_as_the_scan_brings_them() {
        let (dir, found) = folder();
        let mut first = review(dir.path());
        scan(&mut first, &found);
        update(&mut first, Action::NextSentence);
        update(&mut first, Action::NextSentence);
        let report = first.selection().report.unwrap();
        update(&mut first, Action::Review(ReviewAction::ViewClaims));
        update(&mut first, Action::NextSentence);
        update(&mut first, Action::NextSentence);
        let selected = first.selection();
        let place = first.place();
        assert_eq!(place.view, "claims");
        assert_eq!(
            place.report.as_deref(),
            Some(Path::new("c.txt")),
            "relative"
        );

        let mut again = review(dir.path());
        again.resume(place);
        assert_eq!(again.view, View::Claims);
        scan(&mut again, &found);
        assert_eq!(again.selection(), selected, "the same claim and report");
        assert_eq!(again.selection().report.unwrap(), report);
        assert_eq!(again.resuming, None, "done once the scan is");
    }

    #[test]
    fn a_key_before_the_rows_arrive_wins_over_the_kept_place() {
        let mut again = review(Path::new("/folder"));
        again.resume(ReviewPlace {
            report: Some(PathBuf::from("c.txt")),
            ..ReviewPlace::default()
        });
        again.receive([Message::Found(3)]);
        update(&mut again, Action::NextSentence);
        assert_eq!(again.resuming, None);
    }

    #[test]
    fn a_stale_place_changes_nothing_it_cannot_use() {
        let (dir, found) = folder();
        let mut again = review(dir.path());
        again.resume(ReviewPlace {
            view: "no such view".into(),
            report: Some(PathBuf::from("gone.txt")),
            sort: (999, true),
            claim_sort: (999, true),
            ..ReviewPlace::default()
        });
        scan(&mut again, &found);
        assert_eq!(again.view, View::Reports);
        assert_eq!((again.sort, again.descending), (0, false));
        assert_eq!(again.claim_sort, ClaimSort::default());
        assert_eq!(again.report_row, 0);
    }
}
