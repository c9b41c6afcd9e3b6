//! Finding reports: which files are reports, and walking folders for them.

use std::ffi::OsStr;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::report::safe_path;

/// The file name endings of reports, lower case: plain text and what the reader also opens.
/// The one list every scan uses (the review screen, `stats`, `export`).
pub const REPORT_EXTENSIONS: [&str; 6] = ["txt", "text", "md", "markdown", "html", "htm"];

/// Folders never searched, besides hidden ones (`.git` among them): build output is large and
/// holds no reports of the user's.
const SKIPPED_FOLDERS: [&str; 1] = ["target"];

/// The ending of sidecar files.
const SIDECAR_SUFFIX: &str = ".sidenote.toml";

/// The start of the first line of every Markdown export, long enough that no page or note that
/// happens to begin with a comment about sidenote (`<!-- sidenote exported from … -->`) matches. An HTML comment, so it does not show
/// when the export is rendered; a scan that meets it knows the file is an export (which ends in
/// `.md` like a report) and leaves it out, so `export . -o review.md` does not review itself.
pub const EXPORT_MARK: &str = "<!-- sidenote export: a review of claims, not a report";

/// The byte order mark an editor may put before the mark when it saves the export again.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// Whether a folder walk counts `path` as a report: a known ending, and not a sidecar.
pub fn is_report(path: &Path) -> bool {
    !is_sidecar(path)
        && path.extension().and_then(OsStr::to_str).is_some_and(|ext| {
            REPORT_EXTENSIONS
                .iter()
                .any(|known| ext.eq_ignore_ascii_case(known))
        })
}

/// Whether `path` names a sidecar (`NAME.sidenote.toml`).
pub fn is_sidecar(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().ends_with(SIDECAR_SUFFIX))
}

/// Whether `path` is a sidenote export rather than a report: a regular file whose first bytes
/// (after a byte order mark) are [`EXPORT_MARK`]. Only those bytes are read; a pipe or device is
/// never opened (reading it could wait forever), and a file that cannot be read is no export.
pub fn is_export(path: &Path) -> bool {
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::with_capacity(BOM.len() + EXPORT_MARK.len());
    let wanted = (BOM.len() + EXPORT_MARK.len()) as u64;
    if file.take(wanted).read_to_end(&mut head).is_err() {
        return false;
    }
    head.strip_prefix(BOM)
        .unwrap_or(&head)
        .starts_with(EXPORT_MARK.as_bytes())
}

/// The report a path stands for: a sidecar stands for its report, anything else for itself.
/// The name is cut as bytes, so a report whose name is not UTF-8 is found as it is named. A
/// name that is only the ending (`.sidenote.toml`) is no report's sidecar and stands for itself,
/// so that a message about it names the file given, not an empty name or its folder.
pub fn report_of(path: &Path) -> PathBuf {
    match path.file_name().and_then(report_name) {
        Some(name) => path.with_file_name(name),
        None => path.to_path_buf(),
    }
}

/// A sidecar's file name without [`SIDECAR_SUFFIX`]; `None` for any other name, and for the
/// ending alone.
#[cfg(unix)]
fn report_name(name: &OsStr) -> Option<&OsStr> {
    use std::os::unix::ffi::OsStrExt as _;
    name.as_bytes()
        .strip_suffix(SIDECAR_SUFFIX.as_bytes())
        .filter(|report| !report.is_empty())
        .map(OsStr::from_bytes)
}

/// A sidecar's file name without [`SIDECAR_SUFFIX`]; `None` for any other name, and for the
/// ending alone.
#[cfg(not(unix))]
fn report_name(name: &OsStr) -> Option<&OsStr> {
    name.to_str()?
        .strip_suffix(SIDECAR_SUFFIX)
        .filter(|report| !report.is_empty())
        .map(OsStr::new)
}

/// Every report named by `paths`: a file is taken as it is (a sidecar as its report), a folder
/// is searched recursively. An export ([`is_export`]) is left out, named or found. The list is
/// sorted and without duplicates. A path that does not exist is an error naming it, so a typo
/// is not taken for an empty folder.
pub fn find_reports(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    for path in paths {
        if path.symlink_metadata().is_err() {
            return Err(format!(
                "{}: no such file or folder; give reports or folders",
                safe_path(path)
            ));
        }
        if path.is_dir() {
            walk(path, &mut found);
        } else {
            found.push(report_of(path));
        }
    }
    // `sidenote stats .` should show `a.txt`, not `./a.txt`. Looking at each file's first bytes
    // is an open and a read per report: in parallel, as the reading of the reports is.
    let mut found: Vec<PathBuf> = found
        .into_par_iter()
        .filter(|p| !is_export(p))
        .map(|p| p.strip_prefix(".").map(Path::to_path_buf).unwrap_or(p))
        .collect();
    found.sort();
    found.dedup();
    Ok(found)
}

/// The reports under `folder` for work in the background, found as [`find_reports`] finds them,
/// but walking at most `most_entries` files and folders and stopping as soon as `stop` says so:
/// a report opened from a huge tree (a home folder) must not keep a thread walking all of it.
/// Returns the reports found and whether the walk was cut short.
pub fn find_reports_bounded(
    folder: &Path,
    most_entries: usize,
    stop: &dyn Fn() -> bool,
) -> (Vec<PathBuf>, bool) {
    let searched =
        |entry: &walkdir::DirEntry| !entry.file_type().is_dir() || !is_skipped(entry.file_name());
    let mut found = Vec::new();
    let mut cut = false;
    let entries = WalkDir::new(folder)
        .min_depth(1)
        .into_iter()
        .filter_entry(searched)
        .filter_map(Result::ok);
    for (visited, entry) in entries.enumerate() {
        if visited >= most_entries || stop() {
            cut = true;
            break;
        }
        if !entry.file_type().is_dir() && is_report(entry.path()) && !is_export(entry.path()) {
            found.push(entry.into_path());
        }
    }
    found.sort();
    (found, cut)
}

/// Adds every report under `folder`, skipping hidden folders and `target/` below it (the folder
/// itself is searched whatever its name, so `sidenote stats .` works). Symbolic links to folders
/// are not followed, so a link loop cannot trap the walk; a link to a report counts as a report.
/// An unreadable folder is skipped.
fn walk(folder: &Path, found: &mut Vec<PathBuf>) {
    let searched =
        |entry: &walkdir::DirEntry| !entry.file_type().is_dir() || !is_skipped(entry.file_name());
    // From depth 1: the folder itself is never filtered out, nor yielded.
    let entries = WalkDir::new(folder)
        .min_depth(1)
        .into_iter()
        .filter_entry(searched)
        .filter_map(Result::ok);
    found.extend(
        entries
            .filter(|entry| !entry.file_type().is_dir() && is_report(entry.path()))
            .map(walkdir::DirEntry::into_path),
    );
}

/// Whether a folder below the one searched is left out: hidden (`.git` among them) or build
/// output.
fn is_skipped(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || SKIPPED_FOLDERS.contains(&name.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_by_ending_but_never_sidecars() {
        for yes in ["a.txt", "b.MD", "c.markdown", "d.html", "e.htm", "f.text"] {
            assert!(is_report(Path::new(yes)), "{yes}");
        }
        for no in [
            "a.txt.sidenote.toml",
            "a.toml",
            "a",
            "a.txt.sidenote.toml.lock",
            "x.pdf",
        ] {
            assert!(!is_report(Path::new(no)), "{no}");
        }
        assert_eq!(
            report_of(Path::new("d/a.txt.sidenote.toml")),
            PathBuf::from("d/a.txt")
        );
    }

    /// A name that is not UTF-8 was cut from its lossy form: `\xff.txt.sidenote.toml` stood
    /// for `\u{fffd}.txt`, a file that does not exist, and every command refused it.
    #[cfg(unix)]
    #[test]
    fn a_sidecar_whose_name_is_not_utf8_stands_for_its_report() {
        use std::os::unix::ffi::OsStrExt as _;
        let sidecar = Path::new(OsStr::from_bytes(b"d/\xff.txt.sidenote.toml"));
        assert_eq!(
            report_of(sidecar).as_os_str().as_bytes(),
            b"d/\xff.txt".as_slice()
        );
    }

    #[test]
    #[allow(clippy::unwrap_used)]
    fn an_export_is_known_by_its_first_bytes_only() {
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        };
        let mark = format!("{EXPORT_MARK} -->\n# Claims review\n");
        assert!(is_export(&file("review.md", &mark)));
        assert!(is_export(&file("bom.md", &format!("\u{feff}{mark}"))));
        assert!(is_export(&file("named.txt", &mark)), "whatever its ending");
        assert!(!is_export(&file(
            "report.md",
            "# Budget\n\nThe mayor said.\n"
        )));
        assert!(
            !is_export(&file("quoting.md", &format!("# About\n{mark}"))),
            "the mark must open the file"
        );
        assert!(!is_export(&file("short.md", "<!-- side")));
        assert!(
            !is_export(&file(
                "page.html",
                "<!-- sidenote exported from CMS -->\n<html><p>The mayor said.</p></html>\n"
            )),
            "a near miss is a report"
        );
        assert!(!is_export(&file("empty.md", "")));
        assert!(!is_export(&dir.path().join("missing.md")));
        assert!(!is_export(dir.path()), "a folder is no export");
    }

    #[test]
    #[allow(clippy::unwrap_used)]
    fn walk_skips_hidden_and_target_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for (file, text) in [
            ("one.txt", "x"),
            ("sub/two.md", "x"),
            ("sub/two.md.sidenote.toml", "x"),
            (".git/three.txt", "x"),
            (".hidden/four.txt", "x"),
            ("target/five.txt", "x"),
            ("notes.pdf", "x"),
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let found = find_reports(&[root.to_path_buf()]).unwrap();
        assert_eq!(found, vec![root.join("one.txt"), root.join("sub/two.md")]);
        std::fs::write(root.join("review.md"), format!("{EXPORT_MARK} -->\n# x\n")).unwrap();
        let found = find_reports(&[root.to_path_buf(), root.join("review.md")]).unwrap();
        assert_eq!(
            found,
            vec![root.join("one.txt"), root.join("sub/two.md")],
            "an export is left out, found or named"
        );
        let error = find_reports(&[root.join("nope")]).unwrap_err();
        assert!(error.contains("nope: no such file"), "{error}");
    }

    #[test]
    #[allow(clippy::unwrap_used)]
    fn hidden_files_count_and_the_folder_named_is_searched_whatever_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join(".reports");
        std::fs::create_dir_all(root.join("target")).unwrap();
        std::fs::write(root.join(".draft.txt"), "x").unwrap();
        std::fs::write(root.join("target/old.txt"), "x").unwrap();
        let found = find_reports(std::slice::from_ref(&root)).unwrap();
        assert_eq!(found, vec![root.join(".draft.txt")]);
        let found = find_reports(&[root.join("target")]).unwrap();
        assert_eq!(
            found,
            vec![root.join("target/old.txt")],
            "named, it is searched"
        );
    }

    #[cfg(unix)]
    #[test]
    #[allow(clippy::unwrap_used)]
    fn links_to_reports_count_but_links_to_folders_are_not_followed() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root");
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::fs::write(root.join("sub/a.txt"), "x").unwrap();
        std::fs::write(elsewhere.join("b.txt"), "x").unwrap();
        symlink(elsewhere.join("b.txt"), root.join("linked.txt")).unwrap();
        symlink(&elsewhere, root.join("folder")).unwrap();
        symlink(&root, root.join("sub/loop")).unwrap();
        let found = find_reports(std::slice::from_ref(&root)).unwrap();
        assert_eq!(found, vec![root.join("linked.txt"), root.join("sub/a.txt")]);
        let found = find_reports(&[root.join("folder")]).unwrap();
        assert_eq!(
            found,
            vec![root.join("folder/b.txt")],
            "a link named on the command line is searched"
        );
    }

    #[test]
    fn a_bounded_walk_stops_at_its_limit_or_when_told() {
        let dir = tempfile::tempdir().expect("tempdir");
        for i in 0..10 {
            std::fs::write(dir.path().join(format!("r{i}.txt")), "A report.").expect("write");
        }
        let (all, cut) = find_reports_bounded(dir.path(), 100, &|| false);
        assert_eq!((all.len(), cut), (10, false));
        let (some, cut) = find_reports_bounded(dir.path(), 4, &|| false);
        assert_eq!((some.len(), cut), (4, true));
        let (none, cut) = find_reports_bounded(dir.path(), 100, &|| true);
        assert_eq!((none.len(), cut), (0, true));
    }
}
