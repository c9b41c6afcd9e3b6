//! `sidenote completions SHELL` and `sidenote man`: files that fit sidenote into a shell and the
//! manual, generated from the same command-line definition as the parser so they never drift.

use clap::{Arg, Command};
use clap_complete::Shell;
use clap_mangen::Man;
use clap_mangen::roff::{Inline, Roff, bold, italic, roman};

use super::{CliError, EXIT_BAD_INPUT, EXIT_FAILURE, write_out};
use crate::config::Config;
use crate::config::bindings::Bindings;
use crate::config::keys::BINDABLE;

/// Prints the completion script for `shell` for the command `cli`.
pub fn completions(shell: Shell, cli: &mut Command) -> Result<(), CliError> {
    let name = cli.get_name().to_owned();
    let mut script = Vec::new();
    clap_complete::generate(shell, cli, name, &mut script);
    write_out(|out| out.write_all(&script))
}

/// Prints the manual page (roff) for the command `cli`: one page holding every command, so it
/// names no other page, with the keys of the default settings, the exit codes, the files and
/// the environment.
pub fn man(cli: Command) -> Result<(), CliError> {
    let mut page = Vec::new();
    render(cli, &mut page)?;
    write_out(|out| out.write_all(&page))
}

/// Writes the whole page for `cli` to `out`.
fn render(cli: Command, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut cli = cli.disable_help_subcommand(true);
    cli.build();
    let man = Man::new(cli.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    let mut roff = Roff::default();
    commands(&mut roff, &cli);
    exit_status(&mut roff);
    keys(&mut roff, &Config::default());
    files(&mut roff);
    environment(&mut roff);
    roff.to_writer(out)?;
    if cli.get_version().is_some() {
        man.render_version_section(out)?;
    }
    Ok(())
}

/// COMMANDS: each subcommand's usage, what it does and its arguments.
fn commands(roff: &mut Roff, cli: &Command) {
    roff.control("SH", ["COMMANDS"]);
    for command in cli.get_subcommands().filter(|c| !c.is_hide_set()) {
        let usage = command.clone().render_usage().to_string();
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        roff.control("SS", [usage]);
        let about = command
            .get_long_about()
            .or_else(|| command.get_about())
            .map(ToString::to_string)
            .unwrap_or_default();
        roff.text([roman(about)]);
        for arg in command.get_arguments().filter(|a| shown(a)) {
            let mut help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_owned())
                .collect();
            if !values.is_empty() && !matches!(arg.get_action(), clap::ArgAction::SetTrue) {
                help = format!("{help} [values: {}]", values.join(", "));
            }
            entry(roff, bold(arg_name(arg)), help);
        }
    }
}

/// Whether an argument is listed: not hidden, and not `--help`/`--version` (every command has
/// them) nor a global flag (listed once under OPTIONS).
fn shown(arg: &Arg) -> bool {
    !arg.is_hide_set()
        && !arg.is_global_set()
        && !matches!(arg.get_id().as_str(), "help" | "version")
}

/// How an argument is written: `REPORT` for a positional one, `-o, --output <FILE>` for an
/// option.
fn arg_name(arg: &Arg) -> String {
    let value = arg
        .get_value_names()
        .and_then(|names| names.first())
        .map_or_else(|| arg.get_id().as_str().to_uppercase(), ToString::to_string);
    match (arg.get_short(), arg.get_long()) {
        (None, None) => value,
        (short, long) => {
            let name = [
                short.map(|s| format!("-{s}")),
                long.map(|l| format!("--{l}")),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
            if arg.get_action().takes_values() {
                format!("{name} <{value}>")
            } else {
                name
            }
        }
    }
}

/// EXIT STATUS: the codes every command ends with.
fn exit_status(roff: &mut Roff) {
    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in [
        (0, "Done; for check, nothing to fix."),
        (
            EXIT_FAILURE,
            "The system failed: a write refused, the sidecar's lock held too long, a change the reader could not save, output that could not be written (export -o too). For check: it found something (a finding per line on standard output).",
        ),
        (
            EXIT_BAD_INPUT,
            "Bad input: a wrong argument, no such file, a file that is not text, a PDF, a web page with no article, an unknown tag, N out of range, a sidecar or config that does not parse, an input over its limit, export -o naming a file it reads, a --label that is empty, holds a comma or is a label sidenote sets itself (agreed, conflict), a --url-base that is not an absolute URL, a linked or missing version given to merge-driver; for check, also a file or folder it could not read, or findings it could not print. The message is one line on standard error naming the file and what to do.",
        ),
    ] {
        entry(roff, bold(code.to_string()), meaning);
    }
}

/// KEYS: the reader's and review screen's keys in the built-in settings (the `[keys]` and
/// `[[tag]]` sections of the config change them).
fn keys(roff: &mut Roff, config: &Config) {
    roff.control("SH", ["KEYS"]);
    roff.text([roman(
        "The keys of the built-in settings; the [keys] and [[tag]] sections of the config file change them, the [keys.editor], [keys.search], [keys.adjudicate] and [keys.prompt] tables those of each mode, and ? in the reader shows the keys in use.",
    )]);
    for tag in &config.tags {
        let meaning = format!("tag the sentence {}: {}", tag.name, tag.description);
        entry(roff, bold(tag.key.config_name()), meaning);
    }
    // The other actions by their names in the config (snake case), as the keymap binds them.
    for (name, action, _) in BINDABLE {
        let keys = config.keys.config_names_for(*action);
        if keys.is_empty() {
            continue;
        }
        let words: Vec<&str> = name
            .split('_')
            .map(|w| if w == "prev" { "previous" } else { w })
            .collect();
        entry(roff, bold(keys.join(", ")), words.join(" "));
    }
    mode_keys(roff, &config.keys.editor);
    mode_keys(roff, &config.keys.search);
    mode_keys(roff, &config.keys.adjudicate);
    mode_keys(roff, &config.keys.prompt);
}

/// The keys of one mode, each entry saying the mode's table and the action's name in it.
fn mode_keys<A: Copy + PartialEq>(roff: &mut Roff, bindings: &Bindings<A>) {
    let vocabulary = bindings.vocabulary();
    for (name, action, doc) in vocabulary.actions {
        let keys = bindings.config_names_for(*action);
        if !keys.is_empty() {
            let meaning = format!("[{}] {name}: {doc}", vocabulary.table);
            entry(roff, bold(keys.join(", ")), meaning);
        }
    }
}

/// One entry of a definition list: `term` on its line, `meaning` indented below it.
fn entry(roff: &mut Roff, term: Inline, meaning: impl Into<String>) {
    roff.control("TP", []);
    roff.text([term]);
    roff.text([roman(meaning)]);
}

/// FILES: the settings, the sidecars, the places kept per user and the corroboration cache.
fn files(roff: &mut Roff) {
    roff.control("SH", ["FILES"]);
    for (file, meaning) in [
        (
            "~/.config/sidenote/config.toml",
            "The user's settings (author, tags, keys, theme, suggestions) over the built-in defaults, in the platform's config folder (this path on Linux); --config FILE reads FILE instead. See config.example.toml.",
        ),
        (
            "REPORT.sidenote.toml",
            "The sidecar beside each report (report.txt.sidenote.toml for report.txt): its claims, as plain TOML. Every command that takes a REPORT takes its sidecar as the report too.",
        ),
        (
            "~/.local/state/sidenote/",
            "Where you left off, per user and never beside the reports: reader/ holds the sentence and scroll of each report opened, review/ the view, sort and row of each folder reviewed, one small TOML file each, named by a hash of the report's or folder's canonical path; the 1,000 most recent of each are kept. This is the platform's state folder (this path on Linux; the local data folder on macOS and Windows); SIDENOTE_STATE_DIR names another. A missing or damaged file only means starting at the top; deleting the folder forgets every place.",
        ),
        (
            "~/.cache/sidenote/corroborate/",
            "What corroborate, the reader's corroboration and the review's groups view made of each report's text (each sentence's words, facts and suggested source; never a claim, which is read from the sidecar each time), one file per report named by the SHA-256 of its bytes, so a report read before is not analysed again. A changed report, other [suggest] words, another format or a new build of sidenote use new entries; a damaged entry is ignored and made again; after a run that wrote entries the oldest are removed beyond 200 MB. This is the platform's cache folder (this path on Linux; ~/Library/Caches on macOS, the local data folder on Windows); SIDENOTE_CACHE_DIR names another; corroborate --no-cache neither reads nor writes it. Deleting the folder is always safe.",
        ),
    ] {
        entry(roff, italic(file), meaning);
    }
}

/// ENVIRONMENT: the variables sidenote reads.
fn environment(roff: &mut Roff) {
    roff.control("SH", ["ENVIRONMENT"]);
    for (variable, meaning) in [
        (
            "NO_COLOR",
            "When set (to anything), the screens use no colour.",
        ),
        (
            "VISUAL, EDITOR",
            "The editor that the claim editor's external_note key (Ctrl-o by default) opens for a claim's note: VISUAL, else EDITOR, else vi.",
        ),
        (
            "SIDENOTE_STATE_DIR",
            "The folder where sidenote keeps where you left off (see FILES), instead of the platform's state folder.",
        ),
        (
            "SIDENOTE_CACHE_DIR",
            "The folder where sidenote keeps its corroboration cache (see FILES), instead of the platform's cache folder.",
        ),
    ] {
        entry(roff, bold(variable), meaning);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> String {
        let cli = Command::new("demo")
            .about("A demo.")
            .arg(Arg::new("config").long("config").global(true))
            .subcommand(
                Command::new("tag")
                    .about("Tag a sentence.")
                    .arg(Arg::new("report").required(true))
                    .arg(Arg::new("note").long("note").value_name("TEXT")),
            );
        let mut out = Vec::new();
        render(cli, &mut out).expect("render");
        String::from_utf8(out).expect("roff is UTF-8")
    }

    #[test]
    fn one_page_lists_every_command_and_names_no_other_page() {
        let page = page();
        assert!(page.contains(".SS \"demo tag"), "{page}");
        assert!(page.contains("\\-\\-note <TEXT>"), "{page}");
        assert!(page.contains("REPORT"), "{page}");
        assert!(!page.contains("demo\\-tag(1)"), "{page}");
        assert!(
            page.contains("SIDENOTE_STATE_DIR"),
            "the places' folder: {page}"
        );
        assert!(
            page.contains("SIDENOTE_CACHE_DIR") && page.contains("sidenote/corroborate/"),
            "the corroboration cache: {page}"
        );
        for section in ["COMMANDS", "EXIT STATUS", "KEYS", "FILES", "ENVIRONMENT"] {
            assert!(
                page.contains(&format!(".SH \"{section}\""))
                    || page.contains(&format!(".SH {section}")),
                "{section}: {page}"
            );
        }
        // Each mode's keys, named by their table and action.
        assert!(
            page.contains("[keys.editor] save: save the claim"),
            "{page}"
        );
        assert!(page.contains("[keys.adjudicate] next"), "{page}");
    }
}
