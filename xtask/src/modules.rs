//! The page's JavaScript module graph: every module www/main.js imports,
//! directly or not. The single file (dist.rs) joins them in this order, and
//! index.html names each one in a `<link rel="modulepreload">`, so the
//! browser fetches them all while it parses the page instead of finding them
//! one import at a time after the parse (which put the wasm's request about
//! 120 ms later). The build refuses an index.html whose list is out of date.

use crate::run::root;
use std::fs;
use std::path::{Path, PathBuf};

/// The page's entry module.
pub const ENTRY: &str = "www/main.js";

/// The modules index.html loads with a `<script type="module">` of their
/// own; they need no preload.
const SCRIPT_TAGGED: [&str; 2] = ["www/early.js", ENTRY];

/// Every module of the graph, each after the modules it imports, as paths
/// relative to the repository ("pkg/page.js").
pub fn module_graph() -> Result<Vec<String>, String> {
    let base = root()
        .canonicalize()
        .map_err(|e| format!("cannot resolve the repository's path: {e}"))?;
    let mut order = Vec::new();
    imports_first(&base.join(ENTRY), &mut order)?;
    order
        .iter()
        .map(|path| {
            path.strip_prefix(&base)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .map_err(|_| format!("{} is outside the repository", path.display()))
        })
        .collect()
}

/// Appends `module` to `order` after every module it imports (each once):
/// the order in which the joined modules can run.
fn imports_first(module: &Path, order: &mut Vec<PathBuf>) -> Result<(), String> {
    let name = module.display().to_string();
    let text = fs::read_to_string(module).map_err(|e| format!("cannot read {name}: {e}"))?;
    for line in text
        .lines()
        .filter(|l| l.trim_start().starts_with("import "))
    {
        let spec = line
            .split(['"', '\''])
            .nth(1)
            .ok_or_else(|| format!("{name}: cannot read the import `{line}`"))?;
        let path = module
            .parent()
            .expect("a module has a folder")
            .join(spec)
            .canonicalize()
            .map_err(|e| format!("{name}: import {spec}: {e}"))?;
        if !order.contains(&path) {
            imports_first(&path, order)?;
        }
    }
    let module = module.canonicalize().map_err(|e| format!("{name}: {e}"))?;
    if !order.contains(&module) {
        order.push(module);
    }
    Ok(())
}

/// The `href`s of the `<link rel="modulepreload" href="…">` lines of `page`.
pub fn preloads(page: &str) -> Vec<&str> {
    page.lines()
        .filter_map(|line| {
            line.trim()
                .strip_prefix(r#"<link rel="modulepreload" href=""#)
        })
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

/// Checks that `page` preloads exactly the modules of `graph` that have no
/// script tag of their own; the error names what to add or remove.
pub fn check_preloads(page: &str, graph: &[String]) -> Result<(), String> {
    let listed = preloads(page);
    let wanted: Vec<&str> = graph
        .iter()
        .map(String::as_str)
        .filter(|m| !SCRIPT_TAGGED.contains(m))
        .collect();
    let missing: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|m| !listed.contains(m))
        .collect();
    let extra: Vec<&str> = listed
        .iter()
        .copied()
        .filter(|m| !wanted.contains(m))
        .collect();
    if missing.is_empty() && extra.is_empty() {
        return Ok(());
    }
    let line = |m: &&str| format!("  <link rel=\"modulepreload\" href=\"{m}\">");
    let mut message = String::from("index.html's module preloads are out of date.");
    if !missing.is_empty() {
        message.push_str("\nAdd:\n");
        message.push_str(&missing.iter().map(line).collect::<Vec<_>>().join("\n"));
    }
    if !extra.is_empty() {
        message.push_str("\nRemove (no module imports it):\n");
        message.push_str(&extra.iter().map(line).collect::<Vec<_>>().join("\n"));
    }
    Err(message)
}

/// The build's check of index.html against the module graph.
pub fn check_index_preloads() -> Result<(), String> {
    let page = fs::read_to_string(root().join("index.html"))
        .map_err(|e| format!("cannot read index.html: {e}"))?;
    check_preloads(&page, &module_graph()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph() -> Vec<String> {
        ["pkg/page.js", "www/early.js", "www/announce.js", ENTRY]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn a_complete_list_passes() {
        let page = "<head>\n<link rel=\"modulepreload\" href=\"pkg/page.js\">\n\
                    <link rel=\"modulepreload\" href=\"www/announce.js\">\n</head>";
        assert_eq!(preloads(page), ["pkg/page.js", "www/announce.js"]);
        assert_eq!(check_preloads(page, &graph()), Ok(()));
    }

    #[test]
    fn a_missing_or_stale_preload_is_named() {
        let page = "<link rel=\"modulepreload\" href=\"pkg/page.js\">\n\
                    <link rel=\"modulepreload\" href=\"www/gone.js\">";
        let error = check_preloads(page, &graph()).unwrap_err();
        assert!(
            error.contains("Add:\n  <link rel=\"modulepreload\" href=\"www/announce.js\">"),
            "{error}"
        );
        assert!(error.contains("Remove (no module imports it):\n  <link rel=\"modulepreload\" href=\"www/gone.js\">"), "{error}");
        assert!(
            !error.contains("main.js") && !error.contains("early.js"),
            "{error}"
        );
    }
}
