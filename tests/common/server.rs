//! A tiny static file server for the built app (`dist/`), bound to 127.0.0.1 on a free port.
//!
//! It owns only HTTP: GET and HEAD of files under one folder, with the content types a browser
//! needs (`application/wasm` for WebAssembly streaming compilation, `text/javascript` for
//! modules). It records every request path so tests can say exactly what the browser fetched.
//! One request per connection (`Connection: close`); no caching, so every run measures a cold load.
//! Like the hosts it stands for (nginx, Apache, GitHub Pages, Netlify), it tags each file with
//! an `ETag` (weak when gzipped, as nginx makes it) and answers a request that names the same
//! tag in `If-None-Match` with `304 Not Modified` and no body.
//! A benchmark can make it play a slow connection ([`StaticServer::set_slow`]): each answer
//! waits a round trip, is gzipped when the browser accepts it (as a real host would), and
//! goes out no faster than the link's speed. The link is one link: answers sent at the same
//! time share its speed, as on a phone, rather than each getting the whole of it. That reaches
//! every request, a worker's too, which DevTools' network throttling does not. A benchmark can
//! also ask for gzip at full speed ([`StaticServer::set_gzip`]). Each file is gzipped once and
//! kept (as a host that stores compressed files does), so compressing is not in the timings.

use std::collections::HashMap;
use std::io;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// A running server. Dropping it stops it.
#[derive(Debug)]
pub struct StaticServer {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<String>>>,
    slow: Arc<Mutex<Option<SlowLink>>>,
    /// Set by [`StaticServer::set_gzip`].
    gzip: Arc<AtomicBool>,
    /// Set by [`StaticServer::stop`]: a connection the browser opened before (Chromium opens
    /// spare ones ahead of need) gets no answer either.
    stopped: Arc<AtomicBool>,
    /// Set by [`StaticServer::set_prelude`].
    preludes: Preludes,
    /// Set by [`StaticServer::hold`].
    holds: Holds,
    /// The request paths answered 404 ([`StaticServer::start_hiding`], [`StaticServer::unhide`]).
    hidden: Arc<Mutex<Vec<String>>>,
    task: JoinHandle<()>,
}

/// Text put before the files whose request paths contain a given part: (part, text).
type Preludes = Arc<Mutex<Vec<(String, String)>>>;

/// How long answers wait whose request paths contain a given part: (part, wait).
type Holds = Arc<Mutex<Vec<(String, Duration)>>>;

/// A slow connection the server plays (see [`StaticServer::set_slow`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SlowLink {
    /// How fast answers go out.
    pub bytes_per_second: u32,
    /// How long each answer waits before its first byte.
    pub round_trip: Duration,
}

impl StaticServer {
    /// Serves the files under `root` on `127.0.0.1` on a free port.
    pub async fn start(root: &Path) -> io::Result<Self> {
        Self::start_hiding(root, &[]).await
    }

    /// Like [`StaticServer::start`], but answers 404 for the request paths in `hidden`, to
    /// test what a user sees when part of the app fails to load.
    pub async fn start_hiding(root: &Path, hidden: &[&str]) -> io::Result<Self> {
        let root = root.canonicalize()?;
        let hidden: Arc<Mutex<Vec<String>>> =
            Arc::new(Mutex::new(hidden.iter().map(|p| (*p).to_owned()).collect()));
        let hiding = Arc::clone(&hidden);
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let requests = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&requests);
        let slow = Arc::new(Mutex::new(None));
        let link = Arc::clone(&slow);
        let stopped = Arc::new(AtomicBool::new(false));
        let halted = Arc::clone(&stopped);
        let gzip = Arc::new(AtomicBool::new(false));
        let gzip_on = Arc::clone(&gzip);
        let shared = Arc::new(Shared::default());
        let preludes: Preludes = Arc::default();
        let before = Arc::clone(&preludes);
        let holds: Holds = Arc::default();
        let held = Arc::clone(&holds);
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let root = root.clone();
                let log = Arc::clone(&log);
                let hidden = hiding
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .clone();
                let link = *link.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                let halted = Arc::clone(&halted);
                let gzip = gzip_on.load(Ordering::SeqCst);
                let shared = Arc::clone(&shared);
                let prelude = before
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .clone();
                let hold = held
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .clone();
                tokio::spawn(async move {
                    let how = How {
                        slow: link,
                        gzip,
                        prelude,
                        hold,
                    };
                    // A broken connection is the browser's business, not a test failure.
                    let _ =
                        serve_connection(stream, &root, &hidden, &log, how, &halted, &shared).await;
                });
            }
        });
        Ok(Self {
            addr,
            requests,
            slow,
            gzip,
            stopped,
            preludes,
            holds,
            hidden,
            task,
        })
    }

    /// From now on, serves every file whose request path contains `part` with `text` put
    /// before it: a test's way into a worker's script (which no page script reaches), as the
    /// page's own scripts are reached with DevTools.
    pub fn set_prelude(&self, part: &str, text: &str) {
        self.preludes
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push((part.to_owned(), text.to_owned()));
    }

    /// From now on, answers every request whose path contains `part` only after `wait`: a file
    /// that is slow to come while the others are not.
    pub fn hold(&self, part: &str, wait: Duration) {
        self.holds
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push((part.to_owned(), wait));
    }

    /// From now on, serves `path` (one of the paths given to [`StaticServer::start_hiding`]) as
    /// any other file: the network is back.
    pub fn unhide(&self, path: &str) {
        self.hidden
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .retain(|hidden| hidden != path);
    }

    /// From now on, gzips answers for a browser that accepts it, at full speed too (answers
    /// over a slow link are always gzipped).
    pub fn set_gzip(&self, on: bool) {
        self.gzip.store(on, Ordering::SeqCst);
    }

    /// From now on, answers as over `link` (or at full speed again, with `None`).
    pub fn set_slow(&self, link: Option<SlowLink>) {
        *self
            .slow
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = link;
    }

    /// The origin, e.g. `http://127.0.0.1:43121`, without a trailing slash.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The absolute URL of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin())
    }

    /// Stops answering: the port closes, as when a device loses its network.
    pub fn stop(&self) {
        self.stopped.store(true, Ordering::SeqCst);
        self.task.abort();
    }

    /// Every request path received so far (without the query string), in arrival order.
    pub fn requests(&self) -> Vec<String> {
        self.requests
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// How one connection is answered.
#[derive(Clone)]
struct How {
    slow: Option<SlowLink>,
    gzip: bool,
    /// Text to put before files ([`StaticServer::set_prelude`]).
    prelude: Vec<(String, String)>,
    /// How long to hold answers ([`StaticServer::hold`]).
    hold: Vec<(String, Duration)>,
}

/// A file's bytes as read, and gzipped.
type Gzipped = (Vec<u8>, Vec<u8>);

/// What the connections share: when the slow link is next free, and each file gzipped once
/// (by request path, with the bytes it was made from).
#[derive(Default)]
struct Shared {
    link_free_at: Mutex<Option<tokio::time::Instant>>,
    gzipped: Mutex<HashMap<String, Gzipped>>,
}

impl Shared {
    fn gzip(&self, path: &str, body: &[u8]) -> io::Result<Vec<u8>> {
        let mut kept = self
            .gzipped
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((raw, gz)) = kept.get(path) {
            if raw == body {
                return Ok(gz.clone());
            }
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
        std::io::Write::write_all(&mut gz, body)?;
        let gz = gz.finish()?;
        kept.insert(path.to_owned(), (body.to_vec(), gz.clone()));
        Ok(gz)
    }

    /// Books `bytes` on the slow link after whatever is already booked, and returns when they
    /// have gone through it.
    fn send_time(&self, link: SlowLink, bytes: usize) -> tokio::time::Instant {
        let took = Duration::from_secs_f64(bytes as f64 / f64::from(link.bytes_per_second));
        let mut free = self
            .link_free_at
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let now = tokio::time::Instant::now();
        let start = free.map_or(now, |at| at.max(now));
        *free = Some(start + took);
        start + took
    }
}

async fn serve_connection(
    mut stream: TcpStream,
    root: &Path,
    hidden: &[String],
    log: &Mutex<Vec<String>>,
    how: How,
    stopped: &AtomicBool,
    shared: &Shared,
) -> io::Result<()> {
    let slow = how.slow;
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf).await?;
        if n == 0 || head.len() > 16 * 1024 {
            return Ok(());
        }
        head.extend_from_slice(&buf[..n]);
    }
    if stopped.load(Ordering::SeqCst) {
        return Ok(());
    }
    let head = String::from_utf8_lossy(&head);
    let mut parts = head.lines().next().unwrap_or_default().split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/").to_owned();
    log.lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .push(path.clone());

    let mut response = match method {
        _ if hidden.contains(&path) => Response::text(404, "Not Found"),
        "GET" | "HEAD" => respond(root, &path).await,
        _ => Response::text(405, "Method Not Allowed"),
    };
    if response.status == 200 {
        for (part, text) in &how.prelude {
            if path.contains(part.as_str()) {
                let mut body = text.as_bytes().to_vec();
                body.push(b'\n');
                body.append(&mut response.body);
                response.body = body;
            }
        }
    }
    let accepts_gzip = head.lines().any(|line| {
        line.to_ascii_lowercase()
            .strip_prefix("accept-encoding:")
            .is_some_and(|v| v.contains("gzip"))
    });
    let mut gzipped = false;
    let tag = (response.status == 200).then(|| tag_of(&response.body));
    if let Some(tag) = &tag {
        if asked_if_changed(&head).is_some_and(|asked| same_tag(asked, tag)) {
            response.status = 304;
            response.body.clear();
        }
    }
    for (part, wait) in &how.hold {
        if path.contains(part.as_str()) {
            tokio::time::sleep(*wait).await;
        }
    }
    if let Some(link) = slow {
        tokio::time::sleep(link.round_trip).await;
    }
    // Gzipped when the browser accepts it; the tag is weak then, in a 304 too.
    let gzips = (slow.is_some() || how.gzip) && accepts_gzip;
    if gzips && response.status == 200 {
        response.body = shared.gzip(&path, &response.body)?;
        gzipped = true;
    }
    let mut bytes = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        response.status,
        reason(response.status),
        response.content_type,
        response.body.len()
    );
    if let Some(location) = &response.location {
        bytes.push_str(&format!("Location: {location}\r\n"));
    }
    if gzipped {
        bytes.push_str("Content-Encoding: gzip\r\n");
    }
    if let Some(tag) = &tag {
        let weak = if gzips { "W/" } else { "" };
        bytes.push_str(&format!("ETag: {weak}{tag}\r\n"));
    }
    bytes.push_str("\r\n");
    let mut out = bytes.into_bytes();
    if method != "HEAD" {
        out.extend_from_slice(&response.body);
    }
    match slow {
        Some(link) => {
            // A tenth of a second's worth at a time.
            let chunk = (link.bytes_per_second / 10).max(1) as usize;
            for part in out.chunks(chunk) {
                let through = shared.send_time(link, part.len());
                tokio::time::sleep_until(through).await;
                stream.write_all(part).await?;
            }
        }
        None => stream.write_all(&out).await?,
    }
    stream.shutdown().await
}

struct Response {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    location: Option<String>,
}

impl Response {
    fn text(status: u16, body: &str) -> Self {
        Self {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.as_bytes().to_vec(),
            location: None,
        }
    }
}

async fn respond(root: &Path, url_path: &str) -> Response {
    let Some(relative) = safe_relative_path(url_path) else {
        return Response::text(400, "Bad Request");
    };
    let mut file = root.join(&relative);
    if tokio::fs::metadata(&file)
        .await
        .is_ok_and(|meta| meta.is_dir())
    {
        if !url_path.ends_with('/') {
            return Response {
                location: Some(format!("{url_path}/")),
                ..Response::text(301, "Moved Permanently")
            };
        }
        file = file.join("index.html");
    }
    match tokio::fs::read(&file).await {
        Ok(body) => Response {
            status: 200,
            content_type: content_type(&file),
            body,
            location: None,
        },
        Err(_) => Response::text(404, "Not Found"),
    }
}

/// A file's tag: a hash of what is sent (before gzip), quoted as an `ETag` is.
fn tag_of(body: &[u8]) -> String {
    use std::hash::{Hash, Hasher};
    // SipHash with fixed keys: the same file has the same tag in every run.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    body.hash(&mut hasher);
    format!("\"{:016x}\"", hasher.finish())
}

/// The tags a request's `If-None-Match` names, if it has one.
fn asked_if_changed(head: &str) -> Option<&str> {
    head.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("if-none-match")
            .then(|| value.trim())
    })
}

/// True when `asked` (an `If-None-Match` value: tags separated by commas, or `*`) names
/// `tag`, compared weakly (a `W/` ignored), as RFC 9110 has a server compare them for a GET.
fn same_tag(asked: &str, tag: &str) -> bool {
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    asked.trim() == "*" || asked.split(',').any(|one| bare(one) == bare(tag))
}

/// Decodes `%XX` escapes and refuses anything that could climb out of the served folder.
fn safe_relative_path(url_path: &str) -> Option<PathBuf> {
    let bytes = url_path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    let decoded = String::from_utf8(decoded).ok()?;
    let relative = PathBuf::from(decoded.trim_start_matches('/'));
    relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then_some(relative)
}

/// The `Content-Type` for a file, by extension.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "txt" => "text/plain; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        304 => "Not Modified",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "",
    }
}

// The bench includes this file too; checked as a test target there, its `#[tokio::test]`
// functions are not compiled in, so the imports they use are allowed to go unused.
#[cfg(test)]
#[allow(unused_imports)]
mod tests {
    use std::time::{Duration, Instant};

    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpStream;

    use super::{SlowLink, StaticServer};

    /// The whole answer (head and body) to a plain GET, which does not accept gzip.
    async fn get(server: &StaticServer, path: &str) -> Vec<u8> {
        let mut stream = TcpStream::connect(server.addr).await.expect("connect");
        let request = format!("GET {path} HTTP/1.1\r\nHost: test\r\n\r\n");
        stream.write_all(request.as_bytes()).await.expect("send");
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).await.expect("read");
        answer
    }

    /// The answer to a GET with these extra header lines.
    async fn get_with(server: &StaticServer, path: &str, headers: &str) -> String {
        let mut stream = TcpStream::connect(server.addr).await.expect("connect");
        let request = format!("GET {path} HTTP/1.1\r\nHost: test\r\n{headers}\r\n");
        stream.write_all(request.as_bytes()).await.expect("send");
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).await.expect("read");
        String::from_utf8_lossy(&answer).into_owned()
    }

    #[tokio::test]
    async fn a_file_asked_for_if_changed_is_not_sent_again_unless_it_has() {
        let root = super::super::browser::unique_temp_dir("mhsw-server-tags");
        std::fs::write(root.join("a.json"), "{\"version\": 1}").expect("write a file");
        let server = StaticServer::start(&root).await.expect("serve");
        let first = get_with(&server, "/a.json", "").await;
        let tag = first
            .lines()
            .find_map(|line| line.strip_prefix("ETag: "))
            .expect("a tag")
            .to_owned();
        assert!(first.starts_with("HTTP/1.1 200") && first.ends_with("{\"version\": 1}"));
        let same = get_with(&server, "/a.json", &format!("If-None-Match: W/{tag}\r\n")).await;
        assert!(
            same.starts_with("HTTP/1.1 304") && same.contains("Content-Length: 0\r\n"),
            "{same}"
        );
        assert!(same.contains(&format!("ETag: {tag}")), "{same}");
        std::fs::write(root.join("a.json"), "{\"version\": 2}").expect("change the file");
        let changed = get_with(&server, "/a.json", &format!("If-None-Match: {tag}\r\n")).await;
        let _ = std::fs::remove_dir_all(&root);
        assert!(
            changed.starts_with("HTTP/1.1 200") && changed.ends_with("{\"version\": 2}"),
            "{changed}"
        );
    }

    #[tokio::test]
    async fn answers_sent_at_once_share_the_slow_link() {
        let root = super::super::browser::unique_temp_dir("mhsw-server-test");
        for name in ["a.bin", "b.bin"] {
            std::fs::write(root.join(name), vec![7u8; 40_000]).expect("write a file");
        }
        let server = StaticServer::start(&root).await.expect("serve");
        server.set_slow(Some(SlowLink {
            bytes_per_second: 200_000,
            round_trip: Duration::ZERO,
        }));
        let started = Instant::now();
        let (a, b) = tokio::join!(get(&server, "/a.bin"), get(&server, "/b.bin"));
        let took = started.elapsed();
        let _ = std::fs::remove_dir_all(&root);
        assert!(
            a.len() > 40_000 && b.len() > 40_000,
            "both answers came in full"
        );
        // 80 kB at 200 kB/s is 0.4 s; with the link each's alone, it would be 0.2 s.
        assert!(
            took >= Duration::from_millis(380),
            "two 40 kB answers over one 200 kB/s link took {took:?}"
        );
    }
}
