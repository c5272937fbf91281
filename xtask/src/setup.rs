//! Installing what a fresh machine lacks, or saying exactly what to install.

use crate::run::{output, root, run};
use std::path::Path;

const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The wasm target and the wasm-bindgen CLI of exactly the version in Cargo.lock.
pub fn ensure_wasm_tools() -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).ok_or(
        "rustup is not available: install Rust with rustup (https://rustup.rs), then rerun",
    )?;
    if !installed.lines().any(|l| l.trim() == WASM_TARGET) {
        println!("installing the {WASM_TARGET} target");
        run("rustup", &["target", "add", WASM_TARGET], &[])?;
    }
    let wanted = locked_version("wasm-bindgen")?;
    let have = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    let have_runner = output("wasm-bindgen-test-runner", &["--version"]).unwrap_or_default();
    if !have.contains(&wanted) || !have_runner.contains(&wanted) {
        println!(
            "installing wasm-bindgen-cli {wanted} (matches Cargo.lock; takes a few minutes once)"
        );
        // No --locked: the registry mirror lacks one of its locked dependencies.
        run(
            "cargo",
            &[
                "install",
                "wasm-bindgen-cli",
                "--version",
                &wanted,
                "--force",
            ],
            &[],
        )?;
    }
    Ok(())
}

/// The version of `package` recorded in Cargo.lock.
fn locked_version(package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == format!("name = \"{package}\"") {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
            {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err(format!("Cargo.lock has no entry for {package}"))
}

/// Debian's chromium and chromedriver, installed with apt-get when missing.
/// Returns the chromedriver path.
pub fn ensure_chromium() -> Result<String, String> {
    let (browser, driver) = ("/usr/bin/chromium", "/usr/bin/chromedriver");
    if Path::new(browser).exists() && Path::new(driver).exists() {
        return Ok(driver.to_string());
    }
    let is_root = output("id", &["-u"]).is_some_and(|u| u.trim() == "0");
    let has_apt = Path::new("/usr/bin/apt-get").exists();
    if !(is_root && has_apt) {
        return Err(format!(
            "Chromium and ChromeDriver are needed at {browser} and {driver}. {}",
            if has_apt {
                "Run as root: apt-get update && apt-get install -y chromium chromium-driver"
            } else {
                "This is not a Debian machine: install Chromium and a matching ChromeDriver and link them to those paths"
            }
        ));
    }
    println!("installing chromium and chromium-driver with apt-get");
    run("apt-get", &["update"], &[])?;
    run(
        "apt-get",
        &["install", "-y", "chromium", "chromium-driver"],
        &[("DEBIAN_FRONTEND", "noninteractive")],
    )?;
    Ok(driver.to_string())
}

/// The npm packages of tests/e2e, from its lock file: playwright-core for
/// the browser tests, axe-core for their accessibility checks, and binaryen
/// (wasm-opt) for the build. Any one missing installs them all.
pub fn ensure_npm_packages() -> Result<(), String> {
    let modules = root().join("tests/e2e/node_modules");
    if ["playwright-core", "axe-core", "binaryen"]
        .iter()
        .all(|p| modules.join(p).join("package.json").exists())
    {
        return Ok(());
    }
    if output("npm", &["--version"]).is_none() {
        return Err(
            "npm is needed to build and test: apt-get install -y nodejs npm (Node 20 or newer)"
                .into(),
        );
    }
    println!("installing the npm packages of tests/e2e");
    run(
        "npm",
        &["ci", "--prefix", "tests/e2e", "--no-audit", "--no-fund"],
        &[],
    )
}
