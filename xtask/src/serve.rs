//! A small static file server for the page, on 127.0.0.1 only. It behaves
//! like a careful static host, so the tests prove the page under the
//! conditions it will meet: gzip when the browser accepts it, validators and
//! revalidation (ETag, 304), and a strict Content-Security-Policy.
//!
//! It speaks just enough HTTP/1.1 for a browser's GETs, on std's sockets:
//! one request per connection (`Connection: close`), each on its own thread.
//! (tiny_http's keep-alive connections left one module request of a page
//! unanswered in about one page load in twenty, after the page grew to
//! seven parallel requests.)

use crate::run::root;
use flate2::write::GzEncoder;
use flate2::Compression;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

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
        let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| {
            format!("cannot listen on 127.0.0.1:{port}: {e} (is the port in use? try --port)")
        })?;
        let port = listener
            .local_addr()
            .map_err(|e| format!("the server has no address: {e}"))?
            .port();
        let mounted: Arc<str> = prefix.into();
        let base: Arc<Path> = base.into();
        let thread = std::thread::spawn(move || {
            let gzip_cache = Arc::new(Mutex::new(GzipCache::default()));
            for stream in listener.incoming().flatten() {
                let (base, mounted, cache) = (base.clone(), mounted.clone(), gzip_cache.clone());
                std::thread::spawn(move || serve_one(stream, &base, &mounted, &cache));
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

/// A request's method, path and headers (names in lower case).
struct Request {
    method: String,
    url: String,
    headers: Vec<(String, String)>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A response: status, headers and body.
struct Reply {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

/// Reads one request from `stream`, answers it, and closes the connection.
fn serve_one(stream: TcpStream, base: &Path, prefix: &str, gzip_cache: &Mutex<GzipCache>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let Some(request) = read_request(&stream) else {
        return;
    };
    let reply = if request.method == "GET" || request.method == "HEAD" {
        answer(base, prefix, &request, gzip_cache)
    } else {
        text_reply(405, "only GET and HEAD")
    };
    let result = write_reply(&stream, &reply, request.method == "HEAD");
    if std::env::var_os("GRADAVG_SERVE_LOG").is_some() {
        eprintln!(
            "{} {} {}: {result:?}",
            request.method, request.url, reply.status
        );
    }
}

fn read_request(stream: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, url) = (parts.next()?.to_string(), parts.next()?.to_string());
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            break;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    Some(Request {
        method,
        url,
        headers,
    })
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        304 => "Not Modified",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "",
    }
}

/// Writes `reply` with the headers every response carries.
fn write_reply(mut stream: &TcpStream, reply: &Reply, head_only: bool) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {} {}\r\n", reply.status, reason(reply.status));
    let common = [
        ("Content-Security-Policy", CSP.to_string()),
        ("X-Content-Type-Options", "nosniff".into()),
        ("Cache-Control", "no-cache".into()),
        ("Connection", "close".into()),
    ];
    for (name, value) in reply.headers.iter().chain(common.iter()) {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if reply.status != 304 {
        head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only && reply.status != 304 {
        stream.write_all(&reply.body)?;
    }
    stream.flush()
}

fn text_reply(status: u16, text: &str) -> Reply {
    Reply {
        status,
        headers: vec![("Content-Type", "text/plain; charset=utf-8".into())],
        body: text.as_bytes().to_vec(),
    }
}

/// The file, gzipped if accepted, with its ETag; 304 when the browser
/// already holds it; 404 otherwise. Files are read afresh each time
/// (`serve` follows rebuilds), and must be revalidated (no-cache).
fn answer(base: &Path, prefix: &str, request: &Request, gzip_cache: &Mutex<GzipCache>) -> Reply {
    let file = request
        .url
        .strip_prefix(prefix)
        .and_then(|rest| file_for(base, &format!("/{rest}")))
        .and_then(|p| Some((std::fs::read(&p).ok()?, p)));
    let Some((bytes, path)) = file else {
        return text_reply(404, "not found");
    };
    let etag = format!("\"{:016x}\"", {
        let mut h = DefaultHasher::new();
        bytes.hash(&mut h);
        h.finish()
    });
    if request
        .header("if-none-match")
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag))
    {
        return Reply {
            status: 304,
            headers: vec![("ETag", etag)],
            body: Vec::new(),
        };
    }
    let gzip = request
        .header("accept-encoding")
        .is_some_and(|v| v.contains("gzip"))
        && compressible(&path);
    let body = if gzip {
        gzip_cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(&etag, &bytes)
    } else {
        bytes
    };
    let mut headers = vec![
        ("Content-Type", content_type(&path).to_string()),
        ("ETag", etag),
        ("Vary", "Accept-Encoding".to_string()),
    ];
    if gzip {
        headers.push(("Content-Encoding", "gzip".into()));
    }
    Reply {
        status: 200,
        headers,
        body,
    }
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

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") | Some("mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}
