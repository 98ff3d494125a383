//! Imports go one way: `text` ← `records` ← features ← `workspace` ← `workshop` in the core,
//! and shared pieces ← pages ← `app` in the web shell (the table below is the rule; see
//! ARCHITECTURE.md). This test reads the sources, names every `use` (or inline path) that
//! imports against the table, and every cycle between the top-level modules of `src/core` or
//! `src/web`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// What each top-level module of `src/core` may import from the core.
const CORE: &[(&str, &[&str])] = &[
    ("text", &[]),
    ("records", &["text"]),
    ("maturity", &["text", "records"]),
    ("cards", &["text", "records"]),
    ("debt", &["text", "records"]),
    ("checklists", &["text", "records"]),
    // Approvals and audits are of one card version: the one feature built on another.
    ("lifecycle", &["text", "records", "cards"]),
    // The registry names every feature's records.
    (
        "workspace",
        &[
            "text",
            "records",
            "maturity",
            "cards",
            "debt",
            "checklists",
            "lifecycle",
        ],
    ),
    // Rooms of assessments, read from whole workspace files and links; gaps become debt.
    (
        "workshop",
        &["text", "records", "maturity", "debt", "workspace"],
    ),
];

/// The web shell's pieces that every page may use; they import no page.
const WEB_SHARED: &[&str] = &[
    "clock",
    "nav",
    "fields",
    "charts",
    "files",
    "split",
    "storage",
    "undo",
    "workspace_file",
];

/// What each top-level module of `src/web` may import from the web shell.
fn web_rules() -> Vec<(&'static str, Vec<&'static str>)> {
    let pages = [
        "assessments",
        "cards",
        "debt",
        "checklists",
        "lifecycle",
        "data_page",
    ];
    let mut rules: Vec<(&str, Vec<&str>)> = vec![
        ("clock", vec![]),
        ("poison", vec![]),
        ("nav", vec![]),
        ("fields", vec![]),
        ("charts", vec![]),
        ("files", vec![]),
        ("split", vec![]),
        ("storage", vec!["clock", "poison", "split"]),
        ("undo", vec!["clock", "storage"]),
        ("workspace_file", vec!["clock", "files", "split", "storage"]),
        ("panic", vec!["files", "poison", "storage"]),
        ("banners", vec!["storage", "workspace_file"]),
    ];
    for page in pages {
        rules.push((page, WEB_SHARED.to_vec()));
    }
    // Workshops are rooms of assessments: they show an assessment's results.
    let mut workshop = WEB_SHARED.to_vec();
    workshop.push("assessments");
    rules.push(("workshop", workshop));
    // The page table: every page, each feature behind its split point.
    let mut page_table = WEB_SHARED.to_vec();
    page_table.extend(pages);
    page_table.push("workshop");
    rules.push(("pages", page_table));
    let mut app = WEB_SHARED.to_vec();
    app.extend(["pages", "banners", "panic"]);
    rules.push(("app", app));
    rules
}

/// One import of another top-level module: where it is and what it says.
#[derive(Debug, Clone)]
struct Import {
    file: String,
    line: usize,
    text: String,
    from: String,
    to: String,
}

/// The module path of a file below `src/<layer>/`: `cards/readme/import.rs` → cards, readme,
/// import; a `mod.rs` is its folder.
fn module_path(relative: &str) -> Vec<String> {
    let without = relative.strip_suffix(".rs").unwrap_or(relative);
    let mut parts: Vec<String> = without.split('/').map(str::to_owned).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The Rust identifier at the start of `text`.
fn identifier(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// The top-level modules of `layer` ("core" or "web") that one file's lines refer to, with
/// the line: `crate::core::x` and `crate::web::x` paths anywhere in code (use statements,
/// inline paths, serde attributes), and `super::` paths that climb out of the file's own
/// top-level module.
fn imports_of(layer: &str, relative: &str, source: &str) -> Vec<Import> {
    let path = module_path(relative);
    let Some(own) = path.first().cloned() else {
        return Vec::new();
    };
    let prefix = format!("crate::{layer}::");
    let mut found = Vec::new();
    for (index, line) in source.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        let mut targets = Vec::new();
        let mut rest = code;
        while let Some(at) = rest.find(&prefix) {
            rest = &rest[at + prefix.len()..];
            targets.push(identifier(rest));
        }
        // `super` of a file is its folder; of a mod.rs, the folder above. A path that climbs
        // to the layer's root names another top-level module.
        if let Some(at) = code.find("super::") {
            let mut segments = code[at..].split("::");
            let mut depth = path.len();
            let mut next = segments.next();
            while next == Some("super") {
                depth = depth.saturating_sub(1);
                next = segments.next();
            }
            if let (0, Some(segment)) = (depth, next) {
                targets.push(identifier(segment));
            }
        }
        for to in targets {
            if !to.is_empty() && to != own {
                found.push(Import {
                    file: format!("src/{layer}/{relative}"),
                    line: index + 1,
                    text: code.to_owned(),
                    from: own.clone(),
                    to,
                });
            }
        }
    }
    found
}

/// Every import against `rules`, in words.
fn violations(imports: &[Import], rules: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    imports
        .iter()
        .filter_map(|import| {
            let allowed = rules.get(&import.from);
            let ok = allowed.is_some_and(|a| a.contains(&import.to));
            (!ok).then(|| {
                let may = allowed.map_or("nothing: it is not in the table".to_owned(), |a| {
                    a.iter().cloned().collect::<Vec<_>>().join(", ")
                });
                format!(
                    "{}:{}: `{}` imports {} against the direction ({} may import: {})",
                    import.file, import.line, import.text, import.to, import.from, may
                )
            })
        })
        .collect()
}

/// Cycles between top-level modules, each as `a → b → a` with the `use` behind each step.
fn cycles(imports: &[Import]) -> Vec<String> {
    let mut edges: BTreeMap<&str, BTreeMap<&str, &Import>> = BTreeMap::new();
    for import in imports {
        edges
            .entry(import.from.as_str())
            .or_default()
            .entry(import.to.as_str())
            .or_insert(import);
    }
    let mut found = BTreeSet::new();
    for start in edges.keys() {
        // Depth-first search for a path back to `start`.
        let mut stack: Vec<(&str, Vec<&str>)> = vec![(start, vec![start])];
        let mut seen = BTreeSet::new();
        while let Some((node, path)) = stack.pop() {
            for next in edges
                .get(node)
                .map(|e| e.keys().copied())
                .into_iter()
                .flatten()
            {
                if next == *start {
                    let mut cycle = path.clone();
                    cycle.push(next);
                    // One spelling per cycle: start at its smallest module.
                    let ring = &cycle[..cycle.len() - 1];
                    let min = ring
                        .iter()
                        .enumerate()
                        .min_by_key(|(_, m)| **m)
                        .map_or(0, |(i, _)| i);
                    let mut canonical: Vec<&str> =
                        ring[min..].iter().chain(&ring[..min]).copied().collect();
                    canonical.push(canonical[0]);
                    let steps: Vec<String> = canonical
                        .windows(2)
                        .map(|w| {
                            let import = edges[w[0]][w[1]];
                            format!(
                                "{} → {} ({}:{}: `{}`)",
                                w[0], w[1], import.file, import.line, import.text
                            )
                        })
                        .collect();
                    found.insert(format!(
                        "cycle {}: {}",
                        canonical.join(" → "),
                        steps.join("; ")
                    ));
                } else if seen.insert(next) {
                    let mut longer = path.clone();
                    longer.push(next);
                    stack.push((next, longer));
                }
            }
        }
    }
    found.into_iter().collect()
}

fn rules_of(table: Vec<(&str, Vec<&str>)>) -> BTreeMap<String, BTreeSet<String>> {
    table
        .into_iter()
        .map(|(m, allowed)| {
            (
                m.to_owned(),
                allowed.into_iter().map(str::to_owned).collect(),
            )
        })
        .collect()
}

fn core_rules() -> BTreeMap<String, BTreeSet<String>> {
    rules_of(CORE.iter().map(|(m, a)| (*m, a.to_vec())).collect())
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every import between top-level modules of `src/<layer>`, read from the sources.
fn imports_in(layer: &str) -> Vec<Import> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(layer);
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files.sort();
    assert!(!files.is_empty(), "no sources under {}", root.display());
    files
        .iter()
        .flat_map(|path| {
            let relative = path
                .strip_prefix(&root)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            let source = fs::read_to_string(path).unwrap_or_default();
            imports_of(layer, &relative, &source)
        })
        .collect()
}

fn assert_clean(layer: &str, rules: &BTreeMap<String, BTreeSet<String>>) {
    let imports = imports_in(layer);
    assert!(
        imports.len() > 20,
        "only {} imports found in src/{layer}: is the reader broken?",
        imports.len()
    );
    let mut problems = violations(&imports, rules);
    problems.extend(cycles(&imports));
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn the_core_imports_in_one_direction_without_cycles() {
    assert_clean("core", &core_rules());
}

#[test]
fn the_web_shell_imports_in_one_direction_without_cycles() {
    assert_clean("web", &rules_of(web_rules()));
}

#[test]
fn every_top_level_module_is_in_the_table() {
    for (layer, rules) in [("core", core_rules()), ("web", rules_of(web_rules()))] {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(layer);
        let mut modules: Vec<String> = fs::read_dir(&root)
            .unwrap()
            .flatten()
            .map(|e| {
                e.file_name()
                    .to_string_lossy()
                    .trim_end_matches(".rs")
                    .to_owned()
            })
            .filter(|name| name != "mod")
            .collect();
        modules.sort();
        for module in modules {
            assert!(
                rules.contains_key(&module),
                "src/{layer}/{module} is not in the import table of tests/layers.rs: add it with what it may import"
            );
        }
        if layer == "core" {
            assert!(
                rules.len() <= 12,
                "src/core has more than 12 top-level modules"
            );
        }
    }
}

#[test]
fn the_reader_finds_a_wrong_import_and_a_cycle() {
    let sources = [
        ("cards/html.rs", "use crate::core::workspace::Workspace;\n"),
        (
            "workspace/mod.rs",
            "use crate::core::cards::card::CardRecord;\n",
        ),
        (
            "debt/item.rs",
            "// use crate::core::cards::card::CardRecord;\n",
        ),
        (
            "maturity/report.rs",
            "#[serde(deserialize_with = \"crate::core::lifecycle::x\")]\n",
        ),
        (
            "text/markdown.rs",
            "use super::super::records::collection::Record;\n",
        ),
        ("cards/readme/mod.rs", "use super::card::ModelCard;\n"),
    ];
    let imports: Vec<Import> = sources
        .iter()
        .flat_map(|(file, text)| imports_of("core", file, text))
        .collect();
    let problems = violations(&imports, &core_rules());
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(problems[0].starts_with(
        "src/core/cards/html.rs:1: `use crate::core::workspace::Workspace;` imports workspace"
    ));
    assert!(
        problems[1].contains("maturity/report.rs:1") && problems[1].contains("imports lifecycle")
    );
    assert!(problems[2].contains("text/markdown.rs:1") && problems[2].contains("imports records"));
    let found = cycles(&imports);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with(
            "cycle cards → workspace → cards: cards → workspace (src/core/cards/html.rs:1"
        ),
        "{}",
        found[0]
    );
}
