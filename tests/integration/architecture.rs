//! The shape of `src/` that the architecture in the README promises, checked on the code
//! itself: no import circles between modules, `config` and `cli` never naming the terminal app,
//! no process-wide atomics in it, and no file of code over 800 lines.
//!
//! Imports are read from the text: every `crate::…` and `super::…` path outside the tests
//! (groups in braces included) is resolved to the longest module that exists. A module and its
//! own ancestors or descendants may name each other (a folder's `mod.rs` declares its children
//! and they use its types); between any other two modules the imports must go one way.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The code of every module under `src/` by its path (`tui::reader::help`), tests left out.
fn modules() -> BTreeMap<String, (PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = BTreeMap::new();
    let mut folders = vec![root.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("read src") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || is_test_file(&path) {
                continue;
            }
            let relative = path.strip_prefix(&root).expect("under src");
            let mut parts: Vec<String> = relative
                .with_extension("")
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if matches!(
                parts.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                parts.pop();
            }
            let text = std::fs::read_to_string(&path).expect("read a module");
            found.insert(parts.join("::"), (path, text));
        }
    }
    found
}

/// Whether `path` holds tests only (`tests.rs`, or a file under a `tests` folder).
fn is_test_file(path: &Path) -> bool {
    path.file_stem().is_some_and(|s| s == "tests") || path.iter().any(|p| p == "tests")
}

/// `text` without comments and without the items under `#[cfg(test)]`.
fn code(text: &str) -> String {
    let mut kept = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        if trimmed.starts_with("#[cfg(test)]") {
            // Skip the next item: one line ending in `;`, or a block to its closing brace.
            let mut depth = 0i32;
            for line in lines.by_ref() {
                depth += count(line, '{') - count(line, '}');
                if depth <= 0 && (line.contains('}') || line.trim_end().ends_with(';')) {
                    break;
                }
            }
            continue;
        }
        kept.push_str(line.split(" // ").next().unwrap_or(line));
        kept.push('\n');
    }
    kept
}

fn count(line: &str, c: char) -> i32 {
    i32::try_from(line.matches(c).count()).expect("a short line")
}

/// The paths a `crate::`/`super::` path at the start of `rest` names, as segments after the
/// root: `a::{b, c::d}` gives `a::b` and `a::c::d`.
fn paths(rest: &str) -> Vec<Vec<String>> {
    let mut prefix = Vec::new();
    let mut chars = rest;
    loop {
        let word: String = chars
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        chars = &chars[word.len()..];
        if !word.is_empty() {
            prefix.push(word);
        }
        if let Some(after) = chars.strip_prefix("::") {
            chars = after;
            if let Some(group) = chars.strip_prefix('{') {
                let mut depth = 1;
                let end = group
                    .char_indices()
                    .find(|&(_, c)| {
                        depth += match c {
                            '{' => 1,
                            '}' => -1,
                            _ => 0,
                        };
                        depth == 0
                    })
                    .map_or(group.len(), |(i, _)| i);
                let mut items = Vec::new();
                let mut depth = 0;
                let mut start = 0;
                for (i, c) in group[..end].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            items.push(&group[start..i]);
                            start = i + 1;
                        }
                        _ => {}
                    }
                }
                items.push(&group[start..end]);
                return items
                    .into_iter()
                    .flat_map(|item| {
                        let item = item.trim();
                        paths(item).into_iter().map(|tail| {
                            let mut path = prefix.clone();
                            path.extend(tail.into_iter().filter(|s| s != "self"));
                            path
                        })
                    })
                    .collect();
            }
            continue;
        }
        return vec![prefix];
    }
}

/// The modules each module imports from, resolved to modules that exist.
fn imports(modules: &BTreeMap<String, (PathBuf, String)>) -> BTreeMap<&str, BTreeSet<&str>> {
    let resolve = |path: &[String]| {
        (1..=path.len())
            .rev()
            .map(|n| path[..n].join("::"))
            .find_map(|candidate| modules.get_key_value(&candidate).map(|(k, _)| k.as_str()))
    };
    let mut edges: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (name, (_, text)) in modules {
        let code = code(text);
        let own: Vec<String> = name.split("::").map(str::to_owned).collect();
        for (at, _) in code
            .match_indices("crate::")
            .chain(code.match_indices("super::"))
        {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let (root, rest) = if code[at..].starts_with("crate::") {
                (Vec::new(), &code[at + "crate::".len()..])
            } else {
                // `super` is the parent of the file's module; each further `super::` goes up.
                let mut rest = &code[at + "super::".len()..];
                let mut root = own[..own.len().saturating_sub(1)].to_vec();
                while let Some(after) = rest.strip_prefix("super::") {
                    root.pop();
                    rest = after;
                }
                (root, rest)
            };
            for path in paths(rest) {
                let full: Vec<String> = root.iter().cloned().chain(path).collect();
                if let Some(target) = resolve(&full)
                    && target != name
                {
                    edges.entry(name.as_str()).or_default().insert(target);
                }
            }
        }
    }
    edges
}

/// Whether `a` is `b`, or one of them contains the other.
fn related(a: &str, b: &str) -> bool {
    a.is_empty()
        || b.is_empty()
        || a == b
        || a.starts_with(&format!("{b}::"))
        || b.starts_with(&format!("{a}::"))
}

/// A circle of imports among `edges`, if there is one: each module imports the next, the
/// last the first.
fn circle<'a>(edges: &BTreeMap<&'a str, BTreeSet<&'a str>>) -> Option<Vec<&'a str>> {
    fn visit<'a>(
        node: &'a str,
        edges: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<&'a str>> {
        if let Some(at) = path.iter().position(|n| *n == node) {
            return Some(path[at..].to_vec());
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for next in edges.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, edges, path, done) {
                return Some(found);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|node| visit(node, edges, &mut Vec::new(), &mut done))
}

#[test]
fn modules_import_each_other_one_way_only() {
    let modules = modules();
    let edges: BTreeMap<&str, BTreeSet<&str>> = imports(&modules)
        .into_iter()
        .map(|(from, to)| (from, to.into_iter().filter(|t| !related(from, t)).collect()))
        .collect();
    // Positive controls: the reader's help reads the config, the event loop the reader.
    assert!(edges["tui::reader::help"].contains("config::keys"));
    assert!(edges["tui::reader::ui::status"].contains("tui::reader::loading"));
    assert_eq!(circle(&edges), None);
    let mut circled = edges.clone();
    circled
        .entry("config::keys")
        .or_default()
        .insert("tui::reader::help");
    assert!(
        circle(&circled).is_some(),
        "a circle is found when there is one"
    );
}

#[test]
fn settings_and_commands_never_name_the_terminal_app() {
    let modules = modules();
    let edges = imports(&modules);
    let mut checked = 0;
    for (name, targets) in &edges {
        if name.starts_with("config") || name.starts_with("cli") {
            checked += 1;
            let tui: Vec<_> = targets.iter().filter(|t| t.starts_with("tui")).collect();
            assert!(tui.is_empty(), "{name} imports {tui:?}");
        }
    }
    assert!(checked >= 10, "the config and cli modules were read");
}

#[test]
fn the_terminal_app_keeps_no_process_wide_atomics() {
    for (name, (path, text)) in modules() {
        if !name.starts_with("tui") {
            continue;
        }
        for line in code(&text).lines() {
            let line = line.trim_start();
            assert!(
                !(line.contains("static ") && line.contains("Atomic")),
                "{}: {line}",
                path.display()
            );
        }
    }
}

#[test]
fn no_file_of_code_is_over_800_lines() {
    let modules = modules();
    assert!(modules.len() > 100, "every module was read");
    for (path, text) in modules.values() {
        let lines = text.lines().count();
        assert!(lines <= 800, "{}: {lines} lines", path.display());
    }
}

#[test]
fn grouped_and_nested_paths_are_read() {
    let split =
        |text: &str| -> Vec<String> { paths(text).into_iter().map(|p| p.join("::")).collect() };
    assert_eq!(split("config::keys::Key;"), ["config::keys::Key"]);
    assert_eq!(
        split("tui::{reader::help, review::{self, command}};"),
        ["tui::reader::help", "tui::review", "tui::review::command"]
    );
    assert_eq!(
        code("use a;\n#[cfg(test)]\nmod tests {\n    use b;\n}\nuse c;\n"),
        "use a;\nuse c;\n"
    );
}
