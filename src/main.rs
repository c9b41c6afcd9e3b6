//! The `sidenote` command: parses the command line and hands over to the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory as _, Parser, Subcommand};
use sidenote::cli::{self, CliError};
use sidenote::config::Config;
use sidenote::report::{safe, safe_path};
use sidenote::tui::ReaderError;

/// Why a run failed: a command without a terminal, or the reader. The one place where an error
/// becomes an exit code.
#[derive(Debug, thiserror::Error)]
enum Failure {
    #[error(transparent)]
    Cli(#[from] CliError),
    #[error(transparent)]
    Reader(#[from] ReaderError),
}

impl Failure {
    fn exit_code(&self) -> u8 {
        match self {
            Self::Cli(error) => error.exit_code(),
            Self::Reader(error) => error.exit_code(),
        }
    }
}

/// Read a report, tag its claims (sourced, unsourced, …), and keep the tags in a TOML sidecar
/// beside it (`report.txt` -> `report.txt.sidenote.toml`).
#[derive(Debug, Parser)]
#[command(
    name = "sidenote",
    version,
    // A report or a command, not both (refused in `dispatch`); `--config` goes with either.
    override_usage = "sidenote [OPTIONS] [REPORT]\n       sidenote [OPTIONS] <COMMAND>"
)]
struct Args {
    /// The report to open in the reader (its sidecar stands for it), or a folder to review
    /// (default: the current folder).
    report: Option<PathBuf>,
    /// Settings file to use instead of the user's config.toml (before or after the command).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the sentences the reader steps through, with offsets, tags and whether each was
    /// reviewed (a claim or a no-claim mark).
    Sentences {
        /// The report, or `-` to read it from standard input (no sidecar, so no tags).
        report: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: cli::sentences::Format,
    },
    /// Tag sentence N (creates or updates its claim), or mark it read, no claim (`--no-claim`).
    Tag(TagArgs),
    /// Remove your own claim and no-claim mark on sentence N (a colleague's stay).
    Untag {
        /// The report.
        report: PathBuf,
        /// The sentence number, from 1.
        n: usize,
        /// Whose claim to remove (default: the config's `author`, else the login name).
        #[arg(long)]
        author: Option<String>,
        /// Remove only this label from the claim, which stays (repeatable).
        #[arg(long = "label", value_name = "NAME")]
        labels: Vec<String>,
    },
    /// Print the saved claims of a report.
    Claims {
        /// The report.
        report: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: cli::claims::Format,
    },
    /// How far the authors of the claims agree (Cohen's kappa, Krippendorff's alpha), per
    /// report and overall, and the sentences where they disagree.
    Agree {
        /// Reports, sidecars or folders (searched for sidecars).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: cli::agree::Format,
    },
    /// Git's merge driver for sidecars: merges claims by id, writes the result over OURS.
    /// Install: `*.sidenote.toml merge=sidenote` in .gitattributes and
    /// `git config merge.sidenote.driver "sidenote merge-driver %O %A %B %P"`.
    MergeDriver {
        /// The common ancestor's version (git's %O).
        ancestor: PathBuf,
        /// Our version (git's %A); the merged sidecar is written here.
        ours: PathBuf,
        /// Their version (git's %B).
        theirs: PathBuf,
        /// The sidecar's path in the repository (git's %P), named in messages.
        path: Option<PathBuf>,
    },
    /// Suggest a tag and source for every sentence, from its attribution ("X said", "according
    /// to", quotations, hedges).
    Suggest {
        /// The report, or `-` to read it from standard input.
        report: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: cli::suggest::Format,
        /// Accept every suggestion into the sidecar, except on sentences that already have a
        /// claim of yours or whose suggestion was dismissed.
        #[arg(long)]
        apply: bool,
        /// With --apply: print the claims it would save (one per line: sentence, tag, kind of
        /// source, source, text; or JSON lines with --format jsonl), and save nothing.
        #[arg(long, requires = "apply")]
        dry_run: bool,
        /// Who accepts (with --apply; default: the config's `author`, else the login name).
        #[arg(long, requires = "apply")]
        author: Option<String>,
    },
    /// Check reports and sidecars: parse errors, orphaned and fuzzy claims, unresolved merge
    /// conflicts, stale hashes, sidecars whose report is missing. Exits 1 when something was
    /// found, 2 on bad input or when something could not be read.
    Check {
        /// Reports, sidecars or folders (searched recursively); the current folder by default.
        paths: Vec<PathBuf>,
    },
    /// Count sentences, reviewed sentences and done reports, claims per tag, orphaned claims and
    /// grades, per report and in total.
    Stats {
        /// Reports, sidecars or folders (searched recursively); the current folder by default.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: cli::stats::Format,
    },
    /// Find the sentences that state the same thing in two or more reports, count the
    /// independent sources behind each, and show where the reports disagree on a number, a date
    /// or a name.
    Corroborate {
        /// Reports, sidecars or folders (searched recursively); the current folder by default.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: cli::corroborate::Format,
        /// Only the groups in which at least one sentence has a claim.
        #[arg(long)]
        claims_only: bool,
        /// Neither read nor write the cache of what each report's text gives (kept per user in
        /// the platform's cache folder; see FILES in the manual page): analyse every report.
        #[arg(long)]
        no_cache: bool,
    },
    /// Export the claims of reports as Markdown, CSV, JSON, W3C Web Annotation or schema.org
    /// claim reviews.
    Export {
        /// Reports, sidecars or folders (searched recursively); the current folder by default.
        paths: Vec<PathBuf>,
        #[command(flatten)]
        options: cli::export::Options,
    },
    /// Print the text sidenote reads from a file (the article of a web page, Markdown without
    /// its markup): what sentence numbers and claim offsets count into.
    Text {
        /// The report: plain text, a web page (.html, .htm) or Markdown (.md).
        report: PathBuf,
    },
    /// Print a shell completion script (see the README for where to put it).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), one page with every command, e.g. `sidenote man > sidenote.1`.
    Man,
}

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(error) if !error.use_stderr() => error.exit(),
        Err(error) => {
            // One line, as for every other bad input: clap's first paragraph names the argument
            // (a missing one is listed on the lines after its first).
            let rendered = error.to_string();
            let paragraph: Vec<&str> = rendered
                .lines()
                .take_while(|line| !line.trim().is_empty())
                .map(str::trim)
                .collect();
            let message = paragraph.join(" ");
            let message = message.strip_prefix("error: ").unwrap_or(&message);
            say(&format!("{}; see `sidenote --help`", safe(message)));
            return ExitCode::from(cli::EXIT_BAD_INPUT);
        }
    };
    match dispatch(args) {
        Ok(code) => code,
        Err(error) => {
            let message = error.to_string().replace('\n', " ");
            say(&safe(&message));
            ExitCode::from(error.exit_code())
        }
    }
}

/// `sidenote tag`'s arguments.
#[derive(Debug, clap::Args)]
struct TagArgs {
    /// The report.
    report: PathBuf,
    /// The sentence number, from 1 (as `sidenote sentences` numbers them).
    n: usize,
    /// A tag from the config (default tags: sourced, unsourced, disputed, opinion). Without
    /// it, `--label` (and any other detail given) changes your claim there, which keeps its tag.
    #[arg(required_unless_present_any = ["accept", "no_claim", "labels"])]
    status: Option<String>,
    /// Accept the suggested tag, source and kind of source instead of giving a STATUS (see
    /// `sidenote suggest`).
    #[arg(long, conflicts_with = "status")]
    accept: bool,
    /// Mark the sentence read, no claim, instead of giving a STATUS: it counts as reviewed,
    /// and replaces your claim there (`untag` removes the mark).
    #[arg(long, conflicts_with_all = ["status", "accept", "source", "source_kind", "note", "grade", "labels"])]
    no_claim: bool,
    /// Who or what the claim is attributed to.
    #[arg(long)]
    source: Option<String>,
    /// Whether the source is named or anonymous.
    #[arg(long, value_name = "named|anonymous")]
    source_kind: Option<sidenote::annotate::SourceKind>,
    /// A note on the claim.
    #[arg(long)]
    note: Option<String>,
    /// Who is tagging (default: the config's `author`, else the login name).
    #[arg(long)]
    author: Option<String>,
    /// The source's grade on the Admiralty scale: reliability A-F, credibility 1-6 (`B2`).
    #[arg(long)]
    grade: Option<sidenote::annotate::Grade>,
    /// Add a label to the claim (repeatable; the labels it has stay). Not `agreed` or
    /// `conflict`, which sidenote sets itself.
    #[arg(long = "label", value_name = "NAME")]
    labels: Vec<String>,
}

/// `sidenote tag`: a STATUS, `--accept` or `--no-claim` for sentence N.
fn tag(args: TagArgs, config: &impl Fn() -> Result<Config, CliError>) -> Result<(), CliError> {
    let TagArgs {
        report,
        n,
        status,
        accept,
        no_claim,
        source,
        source_kind,
        note,
        author,
        grade,
        labels,
    } = args;
    let details = cli::tag::Details {
        source,
        source_kind,
        note,
        author,
        grade,
        labels,
    };
    match status {
        _ if no_claim => {
            let author = details
                .author
                .map_or_else(|| config().map(|c| c.author), Ok)?;
            cli::tag::no_claim(&report, n, &author)
        }
        _ if accept => cli::tag::accept(&report, n, details, &config()?),
        status => cli::tag::tag(&report, n, status.as_deref(), details, &config()?),
    }
}

fn dispatch(args: Args) -> Result<ExitCode, Failure> {
    // Only the commands that use the settings read them: a broken config.toml must not stop
    // git's merges (`merge-driver`), `check`, `completions` or `man`.
    let settings = args.config;
    let config = || Config::load(settings.as_deref()).map_err(CliError::from);
    // `--config` is global, so clap takes a REPORT and a subcommand together: refuse the pair.
    if let (Some(report), Some(_)) = (&args.report, &args.command) {
        return Err(CliError::BadInput(format!(
            "{}: give a report to read or a command, not both (see `sidenote --help`)",
            safe_path(report)
        ))
        .into());
    }
    let done = match args.command {
        Some(Command::Check { paths }) => return Ok(cli::check::run(&paths)?),
        Some(Command::Agree { paths, format }) => cli::agree::run(&paths, format),
        Some(Command::MergeDriver {
            ancestor,
            ours,
            theirs,
            path,
        }) => cli::merge_driver::run(cli::merge_driver::Versions {
            ancestor: &ancestor,
            ours: &ours,
            theirs: &theirs,
            path: path.as_deref(),
        })
        .map(|_| ()),
        Some(Command::Sentences { report, format }) => cli::sentences::run(&report, format),
        Some(Command::Claims { report, format }) => cli::claims::run(&report, format),
        Some(Command::Tag(args)) => tag(args, &config),
        Some(Command::Suggest {
            report,
            format,
            apply,
            dry_run,
            author,
        }) => {
            let mode = match (apply, dry_run) {
                (true, true) => cli::suggest::Mode::DryRun,
                (true, false) => cli::suggest::Mode::Apply,
                (false, _) => cli::suggest::Mode::Print,
            };
            cli::suggest::run(&report, format, mode, author.as_deref(), &config()?)
        }
        Some(Command::Untag {
            report,
            n,
            author,
            labels,
        }) => {
            let author = author.map_or_else(|| config().map(|c| c.author), Ok)?;
            cli::tag::remove(&report, n, &author, &labels)
        }
        Some(Command::Stats { paths, format }) => cli::stats::run(&paths, format, &config()?),
        Some(Command::Corroborate {
            paths,
            format,
            claims_only,
            no_cache,
        }) => cli::corroborate::run(&paths, format, claims_only, !no_cache, &config()?),
        Some(Command::Export { paths, options }) => cli::export::run(&paths, &options, &config()?),
        Some(Command::Text { report }) => cli::text::run(&report),
        Some(Command::Completions { shell }) => {
            cli::completions::completions(shell, &mut Args::command())
        }
        Some(Command::Man) => cli::completions::man(Args::command()),
        None => {
            let read = match args.report {
                // A folder, or nothing (the current folder), opens the review screen.
                Some(folder) if folder.is_dir() => sidenote::tui::review(&folder, config()?),
                Some(report) => sidenote::tui::read(&cli::report_path(&report), config()?),
                None => sidenote::tui::review(std::path::Path::new("."), config()?),
            };
            return Ok(read.map(|()| ExitCode::SUCCESS)?);
        }
    };
    Ok(done.map(|()| ExitCode::SUCCESS)?)
}

/// Prints the one-line error. Standard error may be a terminal that has just hung up (the reader's
/// window was closed): the line is then lost, but the exit code still tells.
fn say(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "sidenote: {message}");
}
