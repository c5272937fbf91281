//! `cargo xtask dist`: the page for anywhere a teacher can put it.
//!
//! - `dist/site/`: the static site (index.html, www/, pkg/) with relative
//!   paths only, so it works from any sub-path of any static host.
//! - `dist/gradavg.html`: one self-contained file, opened from `file://`
//!   with no network: the stylesheet inlined, every JavaScript module (the
//!   wasm-bindgen glue, its inline snippets, www/*.js) joined into one inline
//!   module, and the wasm inlined as base64 for `init`.

use crate::build::build_page;
use crate::run::root;
use base64::Engine;
use std::fs;
use std::path::{Path, PathBuf};

/// The page's entry module; every module it imports, directly or not, is joined.
const ENTRY: &str = "www/main.js";
const GLUE: &str = "pkg/page.js";
/// How main.js imports the glue; in the single file `init` is the glue's own `__wbg_init`.
const GLUE_IMPORT: &str = r#"import init, { App } from "../pkg/page.js";"#;
/// How the glue exports its entry points.
const GLUE_EXPORT: &str = "export { initSync, __wbg_init as default };";
const STYLE_LINK: &str = r#"<link rel="stylesheet" href="www/style.css">"#;
const SCRIPT_TAG: &str = r#"<script type="module" src="www/main.js"></script>"#;
/// The module that shows a linked scene before main.js loads; the single
/// file joins it through main.js's import instead.
const EARLY_TAG: &str = "<script type=\"module\" src=\"www/early.js\"></script>\n";

pub fn dist_command() -> Result<(), String> {
    build_page()?;
    let dist = root().join("dist");
    let site = dist.join("site");
    if site.exists() {
        fs::remove_dir_all(&site).map_err(|e| format!("cannot clear {}: {e}", site.display()))?;
    }
    for file in site_files()? {
        let to = site.join(&file);
        fs::create_dir_all(to.parent().expect("a file has a parent"))
            .and_then(|()| fs::copy(root().join(&file), &to))
            .map_err(|e| format!("cannot copy {}: {e}", file.display()))?;
    }
    let single = single_file()?;
    let out = dist.join("gradavg.html");
    fs::write(&out, &single).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!(
        "wrote {} ({} files) and {} ({} KB)",
        site.display(),
        site_files()?.len(),
        out.display(),
        single.len() / 1000
    );
    Ok(())
}

/// The files of the site, relative to the repository: the page, its styles
/// and modules, and the wasm package (glue, snippets, wasm).
fn site_files() -> Result<Vec<PathBuf>, String> {
    let mut files = vec![PathBuf::from("index.html")];
    for dir in ["www", "pkg"] {
        for file in walk(&root().join(dir))? {
            let relative = file
                .strip_prefix(root())
                .expect("under the root")
                .to_path_buf();
            let wanted = matches!(
                relative.extension().and_then(|e| e.to_str()),
                Some("js" | "css" | "wasm")
            );
            if wanted {
                files.push(relative);
            }
        }
    }
    files.sort();
    Ok(files)
}

fn walk(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path)?);
        } else {
            out.push(path);
        }
    }
    Ok(out)
}

fn read(relative: &str) -> Result<String, String> {
    fs::read_to_string(root().join(relative)).map_err(|e| format!("cannot read {relative}: {e}"))
}

/// Replaces the one `from` in `text`, or says which file lacked it.
fn replace_once(text: &str, from: &str, to: &str, file: &str) -> Result<String, String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!(
            "{file}: expected `{from}` once, found it {n} times"
        )),
    }
}

/// One ES module as a function scope of its own: its imports dropped (the
/// names they bring are the exports of modules joined before it), its body
/// inside `(() => { … })()`, and its exports (`export function|class|const
/// NAME`, plus `extra` names) handed out as consts of the shared scope. So
/// two modules may each keep a private `$` without clashing. Every import
/// must be one line.
fn unmodule(text: &str, file: &str, extra: &[&str]) -> Result<String, String> {
    let mut body = String::with_capacity(text.len());
    let mut exports: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("import ") {
            if !trimmed.ends_with(';') || !trimmed.contains(" from ") {
                return Err(format!("{file}: an import over several lines: {line}"));
            }
            continue;
        }
        let declared = [
            "export async function ",
            "export function ",
            "export class ",
            "export const ",
        ]
        .iter()
        .find_map(|p| line.strip_prefix(p).map(|rest| (&p[7..], rest)));
        let line = match declared {
            Some((keyword, rest)) => {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
                    .collect();
                exports.push(name);
                format!("{keyword}{rest}")
            }
            None => line.to_string(),
        };
        if line.starts_with("export ") {
            return Err(format!(
                "{file}: an export the single file cannot join: {line}"
            ));
        }
        body.push_str(&line);
        body.push('\n');
    }
    let names = exports.join(", ");
    Ok(if exports.is_empty() {
        format!("(() => {{\n{body}}})();\n")
    } else {
        format!("const {{ {names} }} = (() => {{\n{body}return {{ {names} }};\n}})();\n")
    })
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

/// The page as one self-contained HTML file.
fn single_file() -> Result<String, String> {
    let base = root()
        .canonicalize()
        .map_err(|e| format!("cannot resolve the repository's path: {e}"))?;
    let mut order = Vec::new();
    imports_first(&base.join(ENTRY), &mut order)?;
    let mut script = String::new();
    for path in &order {
        let module = path
            .strip_prefix(&base)
            .map_err(|_| format!("{} is outside the repository", path.display()))?
            .to_string_lossy()
            .replace('\\', "/");
        let mut text = read(&module)?;
        if module == GLUE {
            text = replace_once(&text, GLUE_EXPORT, "", &module)?;
        }
        if module == ENTRY {
            text = replace_once(&text, GLUE_IMPORT, "const init = __wbg_init;", &module)?;
        }
        // The glue's entry point is exported by a list, which is dropped above.
        let extra: &[&str] = if module == GLUE { &["__wbg_init"] } else { &[] };
        script.push_str(&format!(
            "// ---- {module}\n{}",
            unmodule(&text, &module, extra)?
        ));
    }
    // Nothing in the joined script may close the <script> element early.
    if script.contains("</script") {
        return Err("a module contains `</script`, which would end the inline script".into());
    }
    let wasm = fs::read(root().join("pkg/page_bg.wasm"))
        .map_err(|e| format!("cannot read pkg/page_bg.wasm: {e}"))?;
    let wasm = base64::engine::general_purpose::STANDARD.encode(wasm);
    let css = read("www/style.css")?;
    let page = read("index.html")?;
    let page = replace_once(
        &page,
        STYLE_LINK,
        &format!("<style>\n{css}</style>"),
        "index.html",
    )?;
    let scripts = format!(
        "<script>window.gradavgWasm = Uint8Array.from(atob(\"{wasm}\"), (c) => c.charCodeAt(0));</script>\n\
         <script type=\"module\">\n{script}</script>"
    );
    let page = replace_once(&page, EARLY_TAG, "", "index.html")?;
    replace_once(&page, SCRIPT_TAG, &scripts, "index.html")
}
