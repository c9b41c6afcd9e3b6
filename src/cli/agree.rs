//! `sidenote agree PATH… [--format text|json]`: how far the authors of the claims on the same
//! reports agree, per report and overall, and where they disagree.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{Map, Value};

use super::{CliError, load_annotated, write_out};
use crate::corpus::agree::{self, Figures, Table, UNTAGGED};
use crate::report::{one_line, safe, safe_path};

/// Output formats of `agree`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Figures, a confusion table and the disagreeing sentences, for people.
    Text,
    /// One JSON object (`reports` and `total`), for scripts.
    Json,
}

/// Folders not searched for sidecars: hidden ones (`.git`) and build output.
const SKIPPED_FOLDERS: &[&str] = &["target", "node_modules"];

/// The figures of one set of items, as JSON prints them.
#[derive(Debug, Serialize)]
struct FiguresJson {
    items: usize,
    agreement: Option<f64>,
    kappa: Option<f64>,
    alpha: Option<f64>,
}

/// One report's agreement as JSON prints it; `items` is the number of sentences anyone tagged.
#[derive(Debug, Serialize)]
struct ReportJson {
    report: String,
    authors: Vec<String>,
    items: usize,
    agreement: Option<f64>,
    kappa: Option<f64>,
    alpha: Option<f64>,
    grades: FiguresJson,
    confusion: Vec<Value>,
    disagreements: Vec<DisagreementJson>,
}

/// A sentence the authors tagged or graded differently.
#[derive(Debug, Serialize)]
struct DisagreementJson {
    /// The sentence's number, from 1, as `sidenote sentences` numbers them.
    n: usize,
    text: String,
    statuses: Map<String, Value>,
    grades: Map<String, Value>,
    tags_differ: bool,
    grades_differ: bool,
}

/// The whole JSON output.
#[derive(Debug, Serialize)]
struct OutputJson {
    reports: Vec<ReportJson>,
    total: TotalJson,
}

/// The figures over every report's items together.
#[derive(Debug, Serialize)]
struct TotalJson {
    authors: Vec<String>,
    items: usize,
    agreement: Option<f64>,
    kappa: Option<f64>,
    alpha: Option<f64>,
    grades: FiguresJson,
}

/// One report loaded and tabulated.
struct Compared {
    path: PathBuf,
    text: String,
    sentences: Vec<std::ops::Range<usize>>,
    table: Table,
}

/// Compares the authors of each report found in `paths` and prints the figures.
pub fn run(paths: &[PathBuf], format: Format) -> Result<(), CliError> {
    let reports = reports_in(paths)?;
    let mut compared = Vec::with_capacity(reports.len());
    for path in reports {
        let annotated = load_annotated(&path)?;
        let table = Table::of(&annotated.report, &annotated.sidecar);
        compared.push(Compared {
            path,
            text: annotated.report.text,
            sentences: annotated.report.sentences,
            table,
        });
    }
    let authors: Vec<String> = compared
        .iter()
        .flat_map(|c| c.table.authors.iter().cloned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let total = pooled(&compared, &authors);
    let total_grades = pooled_grades(&compared, &authors);
    match format {
        Format::Json => {
            let reports: Vec<ReportJson> = compared.iter().map(report_json).collect();
            let json = OutputJson {
                reports,
                total: TotalJson {
                    authors,
                    items: compared.iter().map(|c| c.table.items.len()).sum(),
                    agreement: total.agreement,
                    kappa: total.kappa,
                    alpha: total.alpha,
                    grades: figures_json(total_grades),
                },
            };
            write_out(|out| {
                serde_json::to_writer_pretty(&mut *out, &json)?;
                writeln!(out)
            })
        }
        Format::Text => {
            let mut text = String::new();
            for c in &compared {
                report_text(&mut text, c);
            }
            let items: usize = compared.iter().map(|c| c.table.items.len()).sum();
            let _ = writeln!(
                text,
                "total ({} report(s), authors: {})\n  tags:   {}\n  grades: {}",
                compared.len(),
                list(&authors),
                figures_line(items, total),
                figures_line(total_grades.items, total_grades)
            );
            write_out(|out| out.write_all(text.as_bytes()))
        }
    }
}

/// The reports named by `paths`: a report, its sidecar, or a folder searched for sidecars.
fn reports_in(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CliError> {
    if paths.is_empty() {
        return Err(CliError::BadInput(
            "no report given; run `sidenote agree REPORT…` or `sidenote agree FOLDER`".to_owned(),
        ));
    }
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut found)?;
        } else if is_sidecar(path) {
            found.push(path.with_extension("").with_extension(""));
        } else {
            found.push(path.clone());
        }
    }
    let mut seen = BTreeSet::new();
    found.retain(|p| seen.insert(p.clone()));
    Ok(found)
}

/// Adds the report of every sidecar under `folder`, in name order; links to folders are not
/// followed, so a loop cannot trap the walk.
fn walk(folder: &Path, found: &mut Vec<PathBuf>) -> Result<(), CliError> {
    let entries = std::fs::read_dir(folder).map_err(|e| {
        CliError::BadInput(format!(
            "{}: cannot read the folder: {}",
            safe_path(folder),
            safe(&e.to_string())
        ))
    })?;
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            if !name.starts_with('.') && !SKIPPED_FOLDERS.contains(&name.as_str()) {
                walk(&path, found)?;
            }
        } else if is_sidecar(&path) {
            found.push(path.with_extension("").with_extension(""));
        }
    }
    Ok(())
}

/// Whether `path` names a sidecar, `NAME.sidenote.toml`.
fn is_sidecar(path: &Path) -> bool {
    path.extension() == Some(OsStr::new("toml"))
        && path.file_stem().map(Path::new).and_then(Path::extension) == Some(OsStr::new("sidenote"))
}

/// The tag figures of one report.
fn status_figures(table: &Table) -> Figures {
    let units: Vec<Vec<Option<&str>>> = table
        .items
        .iter()
        .map(|i| i.statuses.iter().map(|s| Some(s.as_str())).collect())
        .collect();
    agree::figures(table.authors.len(), &units)
}

/// The grade figures of one report: reliability letters, where graded.
fn grade_figures(table: &Table) -> Figures {
    let units: Vec<Vec<Option<&str>>> = table
        .items
        .iter()
        .map(|i| i.grades.iter().map(Option::as_deref).collect())
        .collect();
    agree::figures(table.authors.len(), &units)
}

/// The tag figures over every report's items, each author in one column across reports.
fn pooled(compared: &[Compared], authors: &[String]) -> Figures {
    let units = pool(compared, authors, |item, i| Some(item.statuses[i].clone()));
    let units: Vec<Vec<Option<&str>>> = units
        .iter()
        .map(|u| u.iter().map(Option::as_deref).collect())
        .collect();
    agree::figures(authors.len(), &units)
}

/// The grade figures over every report's items.
fn pooled_grades(compared: &[Compared], authors: &[String]) -> Figures {
    let units = pool(compared, authors, |item, i| item.grades[i].clone());
    let units: Vec<Vec<Option<&str>>> = units
        .iter()
        .map(|u| u.iter().map(Option::as_deref).collect())
        .collect();
    agree::figures(authors.len(), &units)
}

/// Every report's items with one column per author of `authors`; an author who has no claim
/// in a report at all gives no value there (missing), not `untagged`.
fn pool(
    compared: &[Compared],
    authors: &[String],
    value: impl Fn(&agree::Item, usize) -> Option<String>,
) -> Vec<Vec<Option<String>>> {
    let mut units = Vec::new();
    for c in compared {
        for item in &c.table.items {
            let mut row = vec![None; authors.len()];
            for (i, author) in c.table.authors.iter().enumerate() {
                if let Some(column) = authors.iter().position(|a| a == author) {
                    row[column] = value(item, i);
                }
            }
            units.push(row);
        }
    }
    units
}

fn figures_json(f: Figures) -> FiguresJson {
    FiguresJson {
        items: f.items,
        agreement: f.agreement,
        kappa: f.kappa,
        alpha: f.alpha,
    }
}

/// The JSON of one report.
fn report_json(c: &Compared) -> ReportJson {
    let f = status_figures(&c.table);
    let table = &c.table;
    let confusion = if table.authors.len() == 2 {
        let pairs: Vec<(&str, &str)> = table
            .items
            .iter()
            .map(|i| (i.statuses[0].as_str(), i.statuses[1].as_str()))
            .collect();
        agree::confusion(&pairs)
            .into_iter()
            .map(|((a, b), n)| {
                let mut row = Map::new();
                row.insert(table.authors[0].clone(), a.into());
                row.insert(table.authors[1].clone(), b.into());
                row.insert("count".into(), n.into());
                Value::Object(row)
            })
            .collect()
    } else {
        Vec::new()
    };
    let disagreements = table
        .disagreements()
        .map(|item| {
            let mut statuses = Map::new();
            let mut grades = Map::new();
            for (i, author) in table.authors.iter().enumerate() {
                statuses.insert(author.clone(), item.statuses[i].clone().into());
                let grade = item.claims[i]
                    .as_ref()
                    .and_then(|c| c.grade)
                    .map_or(Value::Null, |g| g.to_string().into());
                grades.insert(author.clone(), grade);
            }
            DisagreementJson {
                n: item.sentence + 1,
                text: sentence_text(c, item.sentence),
                statuses,
                grades,
                tags_differ: item.statuses_differ(),
                grades_differ: item.grades_differ(),
            }
        })
        .collect();
    ReportJson {
        report: c.path.display().to_string(),
        authors: table.authors.clone(),
        items: table.items.len(),
        agreement: f.agreement,
        kappa: f.kappa,
        alpha: f.alpha,
        grades: figures_json(grade_figures(table)),
        confusion,
        disagreements,
    }
}

/// The text of sentence `n` (from 0) of a compared report.
fn sentence_text(c: &Compared, n: usize) -> String {
    c.sentences
        .get(n)
        .and_then(|s| c.text.get(s.clone()))
        .map(one_line)
        .unwrap_or_default()
}

/// A figure to three places, or `-` when there is none.
fn number(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_owned(), |x| format!("{x:.3}"))
}

fn figures_line(items: usize, f: Figures) -> String {
    format!(
        "items {items}  agreement {}  kappa {}  alpha {}",
        number(f.agreement),
        number(f.kappa),
        number(f.alpha)
    )
}

fn list(authors: &[String]) -> String {
    if authors.is_empty() {
        "none".to_owned()
    } else {
        authors
            .iter()
            .map(|a| safe(a).into_owned())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The text block of one report: figures, the confusion (or coincidence) table, and the
/// disagreeing sentences.
fn report_text(out: &mut String, c: &Compared) {
    let table = &c.table;
    let f = status_figures(table);
    let g = grade_figures(table);
    let _ = writeln!(
        out,
        "{}\n  authors: {}\n  tags:   {}\n  grades: {} (reliability letters, where graded)",
        safe_path(&c.path),
        list(&table.authors),
        figures_line(table.items.len(), f),
        figures_line(g.items, g)
    );
    let categories: Vec<&str> = table
        .items
        .iter()
        .flat_map(|i| i.statuses.iter().map(String::as_str))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if table.authors.len() == 2 {
        let pairs: Vec<(&str, &str)> = table
            .items
            .iter()
            .map(|i| (i.statuses[0].as_str(), i.statuses[1].as_str()))
            .collect();
        let counts = agree::confusion(&pairs);
        let _ = writeln!(
            out,
            "  confusion (rows {}, columns {}):",
            safe(&table.authors[0]),
            safe(&table.authors[1])
        );
        matrix(out, &categories, |r, c| {
            counts.get(&(r, c)).copied().unwrap_or(0).to_string()
        });
    } else if table.authors.len() > 2 {
        let units: Vec<Vec<&str>> = table
            .items
            .iter()
            .map(|i| i.statuses.iter().map(String::as_str).collect())
            .collect();
        let counts = agree::coincidences(&units);
        let _ = writeln!(
            out,
            "  coincidences (Krippendorff; pairs of values within a sentence):"
        );
        matrix(out, &categories, |r, c| {
            format!("{:.2}", counts.get(&(r, c)).copied().unwrap_or(0.0))
        });
    }
    let disagreeing: Vec<&agree::Item> = table.disagreements().collect();
    if !disagreeing.is_empty() {
        let _ = writeln!(out, "  disagreements:");
    }
    for item in disagreeing {
        let views: Vec<String> = table
            .authors
            .iter()
            .enumerate()
            .map(|(i, author)| {
                let grade = item.claims[i]
                    .as_ref()
                    .and_then(|c| c.grade)
                    .map(|g| format!(" {g}"))
                    .unwrap_or_default();
                format!("{}: {}{grade}", safe(author), safe(&item.statuses[i]))
            })
            .collect();
        let mut text = sentence_text(c, item.sentence);
        if text.chars().count() > 60 {
            text = text.chars().take(59).collect::<String>() + "…";
        }
        let _ = writeln!(
            out,
            "    {:>4}  {}  {}",
            item.sentence + 1,
            views.join(" · "),
            crate::report::quoted(&safe(&text))
        );
    }
}

/// A square table with the categories as row and column heads.
fn matrix(out: &mut String, categories: &[&str], cell: impl Fn(&str, &str) -> String) {
    let width = categories
        .iter()
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(0)
        .max(UNTAGGED.len())
        .max(5);
    let _ = write!(out, "    {:width$}", "");
    for c in categories {
        let _ = write!(out, " {:>width$}", safe(c));
    }
    let _ = writeln!(out);
    for r in categories {
        let _ = write!(out, "    {:width$}", safe(r));
        for c in categories {
            let _ = write!(out, " {:>width$}", cell(r, c));
        }
        let _ = writeln!(out);
    }
}
