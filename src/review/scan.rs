//! Finding reports: which files are reports, and walking folders for them.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::report::safe_path;

/// The file name endings of reports, lower case: plain text and what the reader also opens.
/// The one list every scan uses (the review screen, `stats`, `export`).
pub const REPORT_EXTENSIONS: [&str; 6] = ["txt", "text", "md", "markdown", "html", "htm"];

/// Folders never searched, besides hidden ones (`.git` among them): build output is large and
/// holds no reports of the user's.
const SKIPPED_FOLDERS: [&str; 1] = ["target"];

/// The ending of sidecar files.
const SIDECAR_SUFFIX: &str = ".sidenote.toml";

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

/// The report a path stands for: a sidecar stands for its report, anything else for itself.
pub fn report_of(path: &Path) -> PathBuf {
    if is_sidecar(path) {
        let name = path.as_os_str().to_string_lossy();
        PathBuf::from(&name[..name.len() - SIDECAR_SUFFIX.len()])
    } else {
        path.to_path_buf()
    }
}

/// Every report named by `paths`: a file is taken as it is (a sidecar as its report), a folder
/// is searched recursively. The list is sorted and without duplicates. A path that does not
/// exist is an error naming it, so a typo is not taken for an empty folder.
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
    // `sidenote stats .` should show `a.txt`, not `./a.txt`.
    let mut found: Vec<PathBuf> = found
        .into_iter()
        .map(|p| p.strip_prefix(".").map(Path::to_path_buf).unwrap_or(p))
        .collect();
    found.sort();
    found.dedup();
    Ok(found)
}

/// Adds every report under `folder`, skipping hidden folders and `target/`. Symbolic links to
/// folders are not followed, so a link loop cannot trap the walk; an unreadable folder is
/// skipped.
fn walk(folder: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if !name.starts_with('.') && !SKIPPED_FOLDERS.contains(&name.as_ref()) {
                walk(&path, found);
            }
        } else if is_report(&path) {
            found.push(path);
        }
    }
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
        let error = find_reports(&[root.join("nope")]).unwrap_err();
        assert!(error.contains("nope: no such file"), "{error}");
    }
}
