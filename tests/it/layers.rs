//! The import graph of `src/` flows one way: each module may use only the modules below it
//! (the layers listed in `src/lib.rs`). This test reads every source file and fails on any
//! `crate::` path that points up, or sideways into another module of the same rank.

use std::path::{Path, PathBuf};

use crate::harness::repo;

/// Module path prefixes and their rank, lowest first. A file belongs to the longest prefix
/// that matches its module path; it may name a module of its own entry or of a lower rank.
const LAYERS: &[(&str, u32)] = &[
    ("error", 0),
    ("support", 1),
    ("outln", 1), // the `support::out` macros, exported at the crate root
    ("out", 1),
    ("questions", 2),
    ("data::recipients", 3),
    ("data::import", 4),
    ("data::campaign", 5),
    ("conventions", 6),
    ("data::templates", 7),
    ("data::profile", 8),
    ("data", 9),
    ("letters", 10),
    ("render", 11),
    ("output", 12),
    ("mail", 13),
    ("records", 14),
    ("interactive", 15),
    ("commands", 16),
    ("", 17), // lib.rs and main.rs
];

/// The layer entry (prefix, rank) of a module path such as `data::recipients::find`.
fn layer(module: &str) -> (&'static str, u32) {
    LAYERS
        .iter()
        .filter(|(prefix, _)| {
            prefix.is_empty() || module == *prefix || module.starts_with(&format!("{prefix}::"))
        })
        .max_by_key(|(prefix, _)| prefix.len())
        .copied()
        .expect("the empty prefix matches everything")
}

/// The module path of a source file: `src/data/recipients/find.rs` → `data::recipients::find`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .filter(|p| p != "mod" && p != "lib" && p != "main")
        .collect();
    parts.join("::")
}

/// Every upward or sideways `crate::` path in `text`, as (line, target) pairs.
fn violations(module: &str, text: &str) -> Vec<(usize, String)> {
    let (own_prefix, own_rank) = layer(module);
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let path: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let target = path.trim_end_matches(':');
            let (prefix, rank) = layer(target);
            // `use crate::data::{profile, recipients}` names `data` itself: check each item.
            let allowed = prefix == own_prefix
                || rank < own_rank
                || (target == "data" && own_rank > layer("data").1);
            if !allowed && !target.is_empty() {
                out.push((i + 1, target.to_string()));
            }
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn imports_point_only_down_the_layers() {
    let src = repo().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(
        files.len() > 20,
        "expected the source tree at {}",
        src.display()
    );
    let mut problems = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        let text = std::fs::read_to_string(file).unwrap();
        for (line, target) in violations(&module, &text) {
            problems.push(format!(
                "{}:{line}: `{module}` (layer {}) imports `crate::{target}` (layer {})",
                file.strip_prefix(repo()).unwrap().display(),
                layer(&module).1,
                layer(&target).1
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "imports that point up the layers:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_check_catches_an_upward_import() {
    assert_eq!(
        violations("data::recipients", "use crate::letters::Letter;\n"),
        vec![(1, "letters::Letter".to_string())]
    );
    assert_eq!(
        violations(
            "render::txt",
            "// see crate::commands\nuse crate::letters::Letter;\n"
        ),
        vec![]
    );
    assert_eq!(
        violations("data::templates", "use crate::data::profile::Profile;"),
        vec![(1, "data::profile::Profile".to_string())]
    );
    assert_eq!(
        violations("mail::send", "fn f(p: &mut crate::interactive::Prompts) {}"),
        vec![(1, "interactive::Prompts".to_string())]
    );
}
