//! `cargo xtask <command>`: the project's two commands and their helpers.
//!
//!   serve [--port N]   build, then serve the page on http://127.0.0.1:N/ (8000)
//!   test               every test layer: native, wasm in Chromium, end-to-end
//!   build              build the wasm package into pkg/
//!   dist               dist/site/ (the static site) and dist/gradavg.html (one file, works offline)
//!   bench              build, serve on a free port and run the browser benchmark
//!
//! Each command first installs what a fresh Debian machine lacks (see setup.rs).

mod build;
mod dist;
mod run;
mod serve;
mod setup;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve_command(&args[1..]),
        Some("test") => test_command(),
        Some("build") => build::build_page(),
        Some("dist") => dist::dist_command(),
        Some("bench") => bench_command(),
        Some("fuzz") => fuzz_command(&args[1..]),
        _ => Err(
            "usage: cargo xtask <serve [--port N] | test | build | dist | bench | fuzz [COUNT]>"
                .to_string(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The URL codec against COUNT generated links and the CSV reader against
/// COUNT generated pastes (10⁶ each by default), in release.
fn fuzz_command(args: &[String]) -> Result<(), String> {
    let count = args.first().map(String::as_str).unwrap_or("1000000");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    for example in ["fuzz_query", "fuzz_csv"] {
        run::run(
            &cargo,
            &[
                "run",
                "--quiet",
                "--release",
                "--example",
                example,
                "--",
                count,
            ],
            &[],
        )?;
    }
    Ok(())
}

fn serve_command(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => 8000,
        [flag, value] if flag == "--port" => value
            .parse()
            .map_err(|_| format!("--port needs a number, got {value:?}"))?,
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    build::build_page()?;
    let server = serve::Server::start(port)?;
    println!("gradavg is served at {}  (Ctrl+C stops it)", server.url());
    server.wait();
    Ok(())
}

fn test_command() -> Result<(), String> {
    println!("== 1/3 native tests (cargo test)");
    run::cargo(&["test", "--workspace"], &[])?;
    println!("== 1b/3 the same without the web crates (cargo test --no-default-features)");
    run::cargo(&["test", "-p", "gradavg", "--no-default-features"], &[])?;
    println!("== 2/3 wasm-bindgen tests in headless Chromium");
    setup::ensure_wasm_tools()?;
    let driver = setup::ensure_chromium()?;
    run::cargo(
        &[
            "test",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "gradavg",
            "--test",
            "web",
        ],
        &[("CHROMEDRIVER", driver.as_str())],
    )?;
    println!("== 3/3 end-to-end tests (playwright-core + Chromium)");
    // dist builds the page too: the tests see the same pkg/ in all three forms.
    dist::dist_command()?;
    setup::ensure_npm_packages()?;
    let server = serve::Server::start(0)?;
    let url = server.url();
    let site = serve::Server::start_at(0, run::root().join("dist/site"), "/course/gradavg/")?;
    let site_url = site.url();
    let dist_file = run::root().join("dist/gradavg.html");
    let dist_file = dist_file.to_str().ok_or("the dist path is not UTF-8")?;
    run::node(
        &["--test", "--test-concurrency=1", "tests/e2e/"],
        &[
            ("GRADAVG_URL", url.as_str()),
            ("GRADAVG_SITE_URL", site_url.as_str()),
            ("GRADAVG_DIST_FILE", dist_file),
        ],
    )?;
    println!("all test layers passed");
    Ok(())
}

fn bench_command() -> Result<(), String> {
    build::build_page()?;
    setup::ensure_chromium()?;
    setup::ensure_npm_packages()?;
    println!("timing the core kernel natively (examples/kernel_bench.rs)");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let native = run::output(
        &cargo,
        &["run", "--quiet", "--release", "--example", "kernel_bench"],
    )
    .ok_or("the native kernel benchmark failed to run")?;
    let server = serve::Server::start(0)?;
    let url = server.url();
    run::node(
        &["bench/page.mjs"],
        &[
            ("GRADAVG_URL", url.as_str()),
            ("GRADAVG_NATIVE_KERNEL_MS", native.trim()),
        ],
    )
}
