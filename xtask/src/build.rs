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
///
/// `--low-memory-unused` lets it fold constant offsets into loads and
/// stores (1.8 KB of the page's 200 KB gzipped). That assumes nothing lives
/// in the lowest kilobyte of memory, which holds for Rust's wasm32 modules:
/// their 1 MiB stack comes first and grows down from 1 MiB towards 0, the
/// data sits above it, so only a stack about to overflow would get there.
const WASM_OPT: [&str; 5] = [
    "--converge",
    "--low-memory-unused",
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
    /// More wasm-opt flags for this module alone.
    wasm_opt_extra: &'static [&'static str],
}

/// The page skips binaryen's own inlining: LLVM has inlined at opt-level
/// "z" already, and binaryen's copies of functions into their callers made
/// the gzipped page 8.8 KB larger (though 14 KB smaller raw), with no change in
/// its timings (same-day A/B: redraw, drag at N = 10,000, 10,000 draws of
/// scene 2, scene 3's runs and the first figure all within their noise).
const PAGE_WASM_OPT: [&str; 1] = ["--skip-pass=inlining-optimizing"];

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
        wasm_opt_extra: &[],
    },
    Module {
        feature: "web",
        name: "page",
        profile: "release",
        wasm_opt_level: "-Oz",
        simd: false,
        wasm_opt_extra: &PAGE_WASM_OPT,
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
        wasm_opt_extra,
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
        check_low_memory_unused(&file)?;
        let mut args: Vec<&str> = vec![wasm_opt_level];
        args.extend(WASM_OPT);
        args.extend(wasm_opt_extra);
        args.extend([file.as_str(), "-o", file.as_str()]);
        args.extend(WASM_FEATURES);
        if simd {
            args.push("--enable-simd");
        }
        println!(
            "optimising {file} with binaryen's wasm-opt {wasm_opt_level} {} {}",
            WASM_OPT.join(" "),
            wasm_opt_extra.join(" ")
        );
        run(&wasm_opt, &args, &[])?;
    }
    Ok(())
}

/// Refuses a module that puts anything in the lowest kilobyte of memory,
/// which `--low-memory-unused` (see [`WASM_OPT`]) assumes is not used: its
/// stack must start at 64 KiB or more (it grows down) and every data
/// segment must lie above 1 KiB. Read from binaryen's text of the module.
fn check_low_memory_unused(file: &str) -> Result<(), String> {
    let wasm_dis = root().join("tests/e2e/node_modules/.bin/wasm-dis");
    let text = std::process::Command::new(&wasm_dis)
        .arg(file)
        .output()
        .map_err(|e| format!("running {}: {e}", wasm_dis.display()))?;
    let text = String::from_utf8_lossy(&text.stdout);
    let start = |line: &str| -> Option<u64> {
        let (_, tail) = line.split_once("(i32.const ")?;
        tail.split(')').next()?.parse().ok()
    };
    let stack = text
        .lines()
        .find(|l| l.starts_with(" (global $__stack_pointer "))
        .and_then(start);
    let lowest_data = text
        .lines()
        .filter(|l| l.starts_with(" (data "))
        .filter_map(start)
        .min();
    match (stack, lowest_data) {
        (Some(s), Some(d)) if s >= 65_536 && d >= 1024 => Ok(()),
        _ => Err(format!(
            "{file}: the stack starts at {stack:?} and the data at {lowest_data:?}; \
             wasm-opt's --low-memory-unused needs both above the lowest kilobyte"
        )),
    }
}
