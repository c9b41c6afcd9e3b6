//! `sidenote completions SHELL` and `sidenote man`: files that fit sidenote into a shell and the
//! manual, generated from the same command-line definition as the parser so they never drift.

use clap::Command;
use clap_complete::Shell;

use super::{CliError, write_out};

/// Prints the completion script for `shell` for the command `cli`.
pub fn completions(shell: Shell, cli: &mut Command) -> Result<(), CliError> {
    let name = cli.get_name().to_owned();
    let mut script = Vec::new();
    clap_complete::generate(shell, cli, name, &mut script);
    write_out(|out| out.write_all(&script))
}

/// Prints the manual page (roff) for the command `cli`.
pub fn man(cli: Command) -> Result<(), CliError> {
    let mut page = Vec::new();
    clap_mangen::Man::new(cli).render(&mut page)?;
    write_out(|out| out.write_all(&page))
}
