//! Editing a claim's note in the user's own editor (`$VISUAL`, else `$EDITOR`, else `vi`), as
//! `git commit` does: the note goes to a temporary file, the editor runs on it, and what it
//! leaves there comes back.
//!
//! The terminal is handed over for the time the editor runs: [`Screen`] says how, so the event
//! loop can be tested on a `TestBackend` with a stand-in editor and no terminal.

use std::io;
use std::process::Command;

/// Hands the terminal to another program and takes it back.
pub trait Screen {
    /// Leaves the reader's screen (raw mode, alternate screen, mouse capture) for a program
    /// that draws on the terminal itself.
    fn suspend(&mut self) -> io::Result<()>;
    /// Takes the terminal back; the caller redraws the whole screen afterwards.
    fn resume(&mut self) -> io::Result<()>;

    /// The editor to run: the user's (see [`editor_command`]) unless a test says otherwise.
    fn editor(&self) -> String {
        editor_command()
    }
}

/// No terminal to hand over: for tests and for screens drawn somewhere else.
#[derive(Debug, Default)]
pub struct Headless;

impl Screen for Headless {
    fn suspend(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn resume(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The real terminal on standard output, set up as `ratatui::init` and the reader do.
#[derive(Debug, Default)]
pub struct Tty;

impl Screen for Tty {
    fn suspend(&mut self) -> io::Result<()> {
        crossterm::execute!(
            io::stdout(),
            crossterm::event::DisableMouseCapture,
            crossterm::terminal::LeaveAlternateScreen,
            crossterm::cursor::Show
        )?;
        crossterm::terminal::disable_raw_mode()
    }

    fn resume(&mut self) -> io::Result<()> {
        crossterm::terminal::enable_raw_mode()?;
        crate::tui::tty::reads_never_wait()?;
        crossterm::execute!(
            io::stdout(),
            crossterm::terminal::EnterAlternateScreen,
            crossterm::event::EnableMouseCapture
        )
    }
}

/// The editor command: `$VISUAL`, else `$EDITOR`, else `vi`; it may carry arguments
/// (`code --wait`), split at white space.
pub fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(std::env::var_os)
        .map(|v| v.to_string_lossy().trim().to_owned())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "vi".to_owned())
}

/// Runs `command` on a temporary file holding `note` and returns what the file holds after it
/// exits (without the one line break editors add at the end), or why the note is unchanged.
pub fn edit(command: &str, note: &str) -> Result<String, String> {
    let mut words = command.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let file = tempfile::Builder::new()
        .prefix("sidenote-note-")
        .suffix(".txt")
        .tempfile()
        .map_err(|e| format!("cannot create a file for the editor: {e}"))?;
    let mut text = note.to_owned();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    std::fs::write(file.path(), text)
        .map_err(|e| format!("cannot write the note for the editor: {e}"))?;
    let status = Command::new(program)
        .args(words)
        .arg(file.path())
        .status()
        .map_err(|e| format!("cannot run the editor `{program}`: {e}; set $EDITOR"))?;
    if !status.success() {
        return Err(format!(
            "the editor `{program}` failed ({status}); the note is unchanged"
        ));
    }
    let edited = std::fs::read_to_string(file.path())
        .map_err(|e| format!("cannot read the note back from the editor: {e}"))?;
    let edited = edited.strip_suffix('\n').unwrap_or(&edited);
    Ok(edited.strip_suffix('\r').unwrap_or(edited).to_owned())
}

#[cfg(all(test, unix))]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::edit;

    /// A stand-in editor: a shell script that appends a line to the file it is given.
    fn script(dir: &std::path::Path, body: &str) -> String {
        use std::os::unix::fs::PermissionsExt as _;
        let path = dir.join("editor.sh");
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path.display().to_string()
    }

    #[test]
    fn the_edited_file_comes_back_as_the_note() {
        let dir = tempfile::tempdir().unwrap();
        let editor = script(
            dir.path(),
            "printf 'checked with the port office\\n' >> \"$1\"",
        );
        assert_eq!(
            edit(&editor, "first line").unwrap(),
            "first line\nchecked with the port office"
        );
        assert_eq!(edit(&editor, "").unwrap(), "checked with the port office");
    }

    #[test]
    fn a_failing_or_missing_editor_leaves_the_note_alone() {
        let dir = tempfile::tempdir().unwrap();
        let failing = script(dir.path(), "echo x > \"$1\"; exit 3");
        assert!(edit(&failing, "kept").unwrap_err().contains("unchanged"));
        let missing = dir.path().join("no-such-editor").display().to_string();
        assert!(edit(&missing, "kept").unwrap_err().contains("set $EDITOR"));
    }
}
