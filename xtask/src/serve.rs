//! A small static file server for the page, on 127.0.0.1 only.

use crate::run::root;
use std::path::{Component, Path, PathBuf};
use std::thread::JoinHandle;
use tiny_http::{Header, Response};

/// A running server. It serves until the process ends.
pub struct Server {
    port: u16,
    thread: JoinHandle<()>,
}

impl Server {
    /// Serves the repository's page files on 127.0.0.1:`port` (0 picks a free port).
    pub fn start(port: u16) -> Result<Self, String> {
        let server = tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| {
            format!("cannot listen on 127.0.0.1:{port}: {e} (is the port in use? try --port)")
        })?;
        let port = server
            .server_addr()
            .to_ip()
            .map(|a| a.port())
            .ok_or("the server has no IP address")?;
        let base = root();
        let thread = std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let response = match file_for(&base, request.url()) {
                    Some(path) => match std::fs::read(&path) {
                        Ok(bytes) => Response::from_data(bytes)
                            .with_header(content_type(&path))
                            .with_status_code(200),
                        Err(_) => Response::from_data(b"not found".to_vec()).with_status_code(404),
                    },
                    None => Response::from_data(b"not found".to_vec()).with_status_code(404),
                };
                let no_cache =
                    Header::from_bytes("Cache-Control", "no-store").expect("valid header");
                let _ = request.respond(response.with_header(no_cache));
            }
        });
        Ok(Self { port, thread })
    }

    /// The page's address.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// Blocks while the server runs.
    pub fn wait(self) {
        let _ = self.thread.join();
    }
}

/// The file for a URL path: index.html, or a file under www/ or pkg/.
/// Anything else, and any path with `..`, is not served.
fn file_for(base: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    if path == "/" || path == "/index.html" {
        return Some(base.join("index.html"));
    }
    let relative = Path::new(path.trim_start_matches('/'));
    let safe = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    let allowed = relative.starts_with("www") || relative.starts_with("pkg");
    (safe && allowed)
        .then(|| base.join(relative))
        .filter(|p| p.is_file())
}

fn content_type(path: &Path) -> Header {
    let kind = match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") | Some("mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    };
    Header::from_bytes("Content-Type", kind).expect("valid header")
}
