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

/// Builds `pkg/gradavg.js` and `pkg/gradavg_bg.wasm` from a release build,
/// then shrinks the wasm with binaryen's wasm-opt from npm (pinned in
/// tests/e2e/package.json). Debian's /usr/bin/wasm-opt is never used: its
/// version corrupts wasm-bindgen output (TOOLCHAIN.md).
pub fn build_page() -> Result<(), String> {
    ensure_wasm_tools()?;
    ensure_npm_packages()?;
    println!("building the wasm package");
    cargo(
        &[
            "build",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "gradavg",
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
        &["--target", "web", "--out-dir", "pkg", &wasm],
        &[],
    )?;
    let wasm_opt = root().join("tests/e2e/node_modules/.bin/wasm-opt");
    let wasm_opt = wasm_opt
        .to_str()
        .ok_or("the tools path is not UTF-8")?
        .to_string();
    let mut args = vec!["-Oz", "pkg/gradavg_bg.wasm", "-o", "pkg/gradavg_bg.wasm"];
    args.extend(WASM_FEATURES);
    println!("optimising the wasm with binaryen's wasm-opt -Oz");
    run(&wasm_opt, &args, &[])
}
