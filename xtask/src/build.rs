//! Building the page: the wasm crate, wasm-bindgen's JS glue into pkg/, and
//! binaryen's wasm-opt.

use crate::run::{cargo, root, run};
use crate::setup::{ensure_npm_packages, ensure_wasm_tools};

/// The wasm features Rust's wasm32 target uses by default, which wasm-opt
/// must be allowed to keep.
const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-multivalue",
    "--enable-reference-types",
];

/// wasm-opt's passes: size first, repeated until nothing shrinks, and no
/// producers or debug sections.
const WASM_OPT: [&str; 4] = ["-Oz", "--converge", "--strip-producers", "--strip-debug"];

/// The two wasm modules, each a release build of the crate with one feature:
/// the JS `Problem` API of DESIGN.md as `pkg/gradavg.js` (what course
/// authors import), and the page as `pkg/page.js`, so the page downloads
/// none of the API and the API none of the page.
const MODULES: [(&str, &str); 2] = [("api", "gradavg"), ("web", "page")];

/// Builds both modules into `pkg/` from release builds, then shrinks each
/// wasm with binaryen's wasm-opt from npm (pinned in tests/e2e/package.json).
/// Debian's /usr/bin/wasm-opt is never used: its version corrupts
/// wasm-bindgen output (TOOLCHAIN.md).
pub fn build_page() -> Result<(), String> {
    ensure_wasm_tools()?;
    ensure_npm_packages()?;
    let wasm_opt = root().join("tests/e2e/node_modules/.bin/wasm-opt");
    let wasm_opt = wasm_opt
        .to_str()
        .ok_or("the tools path is not UTF-8")?
        .to_string();
    for (feature, name) in MODULES {
        println!("building the wasm module pkg/{name}.js (feature {feature})");
        cargo(
            &[
                "build",
                "--release",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "gradavg",
                "--no-default-features",
                "--features",
                feature,
            ],
            &[],
        )?;
        let wasm = root().join("target/wasm32-unknown-unknown/release/gradavg.wasm");
        let wasm = wasm
            .to_str()
            .ok_or("the target path is not UTF-8")?
            .to_string();
        run(
            "wasm-bindgen",
            &[
                "--target",
                "web",
                "--out-dir",
                "pkg",
                "--out-name",
                name,
                &wasm,
            ],
            &[],
        )?;
        let file = format!("pkg/{name}_bg.wasm");
        let mut args: Vec<&str> = WASM_OPT.to_vec();
        args.extend([file.as_str(), "-o", file.as_str()]);
        args.extend(WASM_FEATURES);
        println!(
            "optimising {file} with binaryen's wasm-opt {}",
            WASM_OPT.join(" ")
        );
        run(&wasm_opt, &args, &[])?;
    }
    Ok(())
}
