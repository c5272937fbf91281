//! A small static file server for the page, on 127.0.0.1 only. It behaves
//! like a careful static host, so the tests prove the page under the
//! conditions it will meet: gzip when the browser accepts it, validators and
//! revalidation (ETag, 304), and a strict Content-Security-Policy.

use crate::run::root;
use flate2::write::GzEncoder;
use flate2::Compression;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::io::{Cursor, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use tiny_http::{Header, Request, Response};

/// The policy every response carries: scripts and styles only from the
/// page's own origin, wasm compiled by the page, no plugins, no <base>.
pub const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
                       img-src 'self' data: blob:; object-src 'none'; base-uri 'none'";

/// A running server. It serves until the process ends.
pub struct Server {
    port: u16,
    prefix: String,
    thread: JoinHandle<()>,
}

impl Server {
    /// Serves the repository's page files on 127.0.0.1:`port` (0 picks a free port).
    pub fn start(port: u16) -> Result<Self, String> {
        Self::start_at(port, root(), "/")
    }

    /// Serves the page files under `base` at the URL path `prefix` (which
    /// starts and ends with '/'), as a host serving a site from a sub-path does.
    pub fn start_at(port: u16, base: PathBuf, prefix: &str) -> Result<Self, String> {
        let server = tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| {
            format!("cannot listen on 127.0.0.1:{port}: {e} (is the port in use? try --port)")
        })?;
        let port = server
            .server_addr()
            .to_ip()
            .map(|a| a.port())
            .ok_or("the server has no IP address")?;
        let mounted: Arc<str> = prefix.into();
        let base: Arc<Path> = base.into();
        let thread = std::thread::spawn(move || {
            let gzip_cache = Arc::new(Mutex::new(GzipCache::default()));
            // One thread per request, as a real host answers in parallel: a
            // client that stops reading one response holds up no other.
            for request in server.incoming_requests() {
                let (base, mounted, cache) = (base.clone(), mounted.clone(), gzip_cache.clone());
                std::thread::spawn(move || respond(&base, &mounted, request, &cache));
            }
        });
        Ok(Self {
            port,
            prefix: prefix.to_string(),
            thread,
        })
    }

    /// The page's address.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}{}", self.port, self.prefix)
    }

    /// Blocks while the server runs.
    pub fn wait(self) {
        let _ = self.thread.join();
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name, value).expect("valid header")
}

/// Answers one request, with the headers every response carries.
fn respond(base: &Path, prefix: &str, request: Request, gzip_cache: &Mutex<GzipCache>) {
    let mut response = answer(base, prefix, &request, gzip_cache);
    for h in [
        header("Content-Security-Policy", CSP),
        header("X-Content-Type-Options", "nosniff"),
        header("Cache-Control", "no-cache"),
    ] {
        response.add_header(h);
    }
    let _ = request.respond(response);
}

/// The file, gzipped if accepted, with its ETag; 304 when the browser
/// already holds it; 404 otherwise. Files are read afresh each time
/// (`serve` follows rebuilds), and must be revalidated (no-cache).
fn answer(
    base: &Path,
    prefix: &str,
    request: &Request,
    gzip_cache: &Mutex<GzipCache>,
) -> Response<Cursor<Vec<u8>>> {
    let file = request
        .url()
        .strip_prefix(prefix)
        .and_then(|rest| file_for(base, &format!("/{rest}")))
        .and_then(|p| Some((std::fs::read(&p).ok()?, p)));
    let Some((bytes, path)) = file else {
        return Response::from_data(b"not found".to_vec()).with_status_code(404);
    };
    let etag = format!("\"{:016x}\"", {
        let mut h = DefaultHasher::new();
        bytes.hash(&mut h);
        h.finish()
    });
    let asks = |name: &'static str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.equiv(name))
            .map(|h| h.value.as_str().to_string())
    };
    if asks("If-None-Match").is_some_and(|v| v.split(',').any(|t| t.trim() == etag)) {
        return Response::from_data(Vec::new())
            .with_status_code(304)
            .with_header(header("ETag", &etag));
    }
    let gzip = asks("Accept-Encoding").is_some_and(|v| v.contains("gzip")) && compressible(&path);
    let body = if gzip {
        gzip_cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(&etag, &bytes)
    } else {
        bytes
    };
    let mut r = Response::from_data(body)
        .with_header(content_type(&path))
        .with_header(header("ETag", &etag))
        .with_header(header("Vary", "Accept-Encoding"));
    if gzip {
        r.add_header(header("Content-Encoding", "gzip"));
    }
    r
}

/// Gzipped bodies by ETag: each version of a file is compressed once, so a
/// page load costs what a real host's pre-compressed files would.
#[derive(Default)]
struct GzipCache(std::collections::HashMap<String, Vec<u8>>);

impl GzipCache {
    fn get(&mut self, etag: &str, bytes: &[u8]) -> Vec<u8> {
        self.0
            .entry(etag.to_string())
            .or_insert_with(|| gzipped(bytes))
            .clone()
    }
}

fn gzipped(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder
        .write_all(bytes)
        .and_then(|_| encoder.finish())
        .expect("gzip into memory cannot fail")
}

/// Text and wasm shrink under gzip; images do not.
fn compressible(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("html" | "js" | "mjs" | "css" | "wasm" | "svg" | "json")
    )
}

/// The file for a URL path: index.html, or a file under www/ or pkg/, or
/// the benchmark's plain-JS twins (bench/plain.js). Anything else, and any
/// path with `..`, is not served.
fn file_for(base: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    if path == "/" || path == "/index.html" {
        return Some(base.join("index.html"));
    }
    let relative = Path::new(path.trim_start_matches('/'));
    let safe = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    let allowed = relative.starts_with("www")
        || relative.starts_with("pkg")
        || relative == Path::new("bench/plain.js");
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
    header("Content-Type", kind)
}
