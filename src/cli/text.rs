//! `sidenote text FILE`: the text sidenote reads from a file, exactly as offsets count into it.
//!
//! For a web page or a Markdown file this is the extracted text, which differs from the file's
//! bytes; printing it lets users (and tests) see what a claim's offsets and quote refer to.

use std::path::Path;

use super::{CliError, write_out};
use crate::report::{safe, safe_path};

/// Prints the text of the report at `path`, then any warnings about it on standard error.
pub fn run(path: &Path) -> Result<(), CliError> {
    let report = super::load_report(path)?;
    write_out(|out| out.write_all(report.text.as_bytes()))?;
    for warning in &report.warnings {
        eprintln!("sidenote: {}: {}", safe_path(&report.path), safe(warning));
    }
    Ok(())
}
