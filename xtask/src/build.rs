//! Building the page: the wasm crate, then wasm-bindgen's JS glue into pkg/.

use crate::run::{cargo, root, run};
use crate::setup::ensure_wasm_tools;

/// Builds `pkg/gradavg.js` and `pkg/gradavg_bg.wasm` from a release build.
/// wasm-opt is deliberately not run: Debian's binaryen corrupts the output
/// (TOOLCHAIN.md), and the package is already within its size budget.
pub fn build_page() -> Result<(), String> {
    ensure_wasm_tools()?;
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
    )
}
