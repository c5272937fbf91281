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

/// wasm-opt's passes after the module's own level: repeated until nothing
/// changes, and no target-features, producers or debug sections.
const WASM_OPT: [&str; 4] = [
    "--converge",
    "--strip-target-features",
    "--strip-producers",
    "--strip-debug",
];

/// One wasm module: a build of the crate with one feature and one profile.
struct Module {
    feature: &'static str,
    /// pkg/{name}.js and pkg/{name}_bg.wasm.
    name: &'static str,
    /// The Cargo profile (Cargo.toml) and wasm-opt's level.
    profile: &'static str,
    wasm_opt_level: &'static str,
    /// wasm's 128-bit SIMD (every current browser has it): the kernels'
    /// loops compile to two examples an instruction.
    simd: bool,
}

/// The two wasm modules: the JS `Problem` API of DESIGN.md as
/// `pkg/gradavg.js` (what course authors import), built for speed since its
/// kernels are its point, and the page as `pkg/page.js`, built for size, so
/// the page downloads none of the API and the API none of the page.
const MODULES: [Module; 2] = [
    Module {
        feature: "api",
        name: "gradavg",
        profile: "api",
        wasm_opt_level: "-O3",
        simd: true,
    },
    Module {
        feature: "web",
        name: "page",
        profile: "release",
        wasm_opt_level: "-Oz",
        simd: false,
    },
];

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
    for Module {
        feature,
        name,
        profile,
        wasm_opt_level,
        simd,
    } in MODULES
    {
        println!("building the wasm module pkg/{name}.js (feature {feature}, profile {profile})");
        let mut build = vec![
            "build",
            "--profile",
            profile,
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "gradavg",
            "--no-default-features",
            "--features",
            feature,
        ];
        // Flags for this module alone: its profile's own target directory
        // keeps the two modules' builds from invalidating each other.
        if simd {
            build.extend([
                "--config",
                r#"target.wasm32-unknown-unknown.rustflags=["-C", "target-feature=+simd128"]"#,
            ]);
        }
        cargo(&build, &[])?;
        let wasm = root().join(format!(
            "target/wasm32-unknown-unknown/{profile}/gradavg.wasm"
        ));
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
        let mut args: Vec<&str> = vec![wasm_opt_level];
        args.extend(WASM_OPT);
        args.extend([file.as_str(), "-o", file.as_str()]);
        args.extend(WASM_FEATURES);
        if simd {
            args.push("--enable-simd");
        }
        println!(
            "optimising {file} with binaryen's wasm-opt {wasm_opt_level} {}",
            WASM_OPT.join(" ")
        );
        run(&wasm_opt, &args, &[])?;
    }
    Ok(())
}
