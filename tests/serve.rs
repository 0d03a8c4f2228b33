//! `briefing serve` end to end: the real binary on a free port, fetched over HTTP while its
//! seeds are edited. Waits poll with generous time-outs and assert behaviour, not speed.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::*;

const PATIENCE: Duration = Duration::from_secs(60);

/// The server process, stopped when the test ends however it ends.
struct Served {
    child: Child,
    /// `127.0.0.1:PORT`.
    host: String,
    /// The sub-path it serves the site under.
    prefix: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(root: &Path, args: &[&str]) -> Served {
    let mut child = briefing(root)
        .arg("serve")
        .args(["--port", "0"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("cannot start briefing serve");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let url = loop {
        let line = lines
            .next()
            .expect("serve ended before saying where it serves")
            .expect("stdout");
        if let Some(rest) = line.strip_prefix("serving ") {
            break rest.split_whitespace().next().expect("url").to_string();
        }
    };
    // Keep reading so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    let rest = url.strip_prefix("http://").expect("http url");
    let (host, path) = rest.split_at(rest.find('/').expect("path"));
    Served {
        child,
        host: host.to_string(),
        prefix: path.to_string(),
    }
}

/// Status line, headers and body of a GET.
struct Reply {
    status: u16,
    head: String,
    body: String,
}

fn get(s: &Served, path: &str) -> Reply {
    let mut stream = TcpStream::connect(&s.host).expect("connect");
    stream
        .set_read_timeout(Some(PATIENCE))
        .expect("read timeout");
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {}\r\n\r\n", s.host).expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Reply {
        status,
        head: head.to_ascii_lowercase(),
        body: body.to_string(),
    }
}

/// Fetches `path` until `ok` holds, or fails after [`PATIENCE`].
fn wait_for(s: &Served, path: &str, what: &str, ok: impl Fn(&Reply) -> bool) -> Reply {
    let start = Instant::now();
    loop {
        let r = get(s, path);
        if ok(&r) {
            return r;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "{path} never showed {what}; last reply {}:\n{}",
            r.status,
            &r.body[..r.body.len().min(2000)]
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn doc(title: &str) -> String {
    format!(
        "+++\ntitle = \"{title}\"\ndate = 2025-03-01\n+++\n\nKenya and Ghana signed a trade agreement in Nairobi on Monday.\n"
    )
}

/// A project with one document, `seeds/kg.md`; returns it and its seeds folder.
fn project() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let seeds = tmp.path().join("seeds");
    write_seed(&seeds, "kg.md", &doc("Kenya and Ghana sign trade pact"));
    (tmp, seeds)
}

#[test]
fn serve_shows_edits_shows_a_broken_build_over_the_last_good_site_and_recovers() {
    let (tmp, seeds) = project();
    let root = tmp.path();
    let s = serve(root, &["--base-url", "https://example.org/sub/"]);
    assert_eq!(s.prefix, "/sub/", "served under base_url's sub-path");

    let home = get(&s, "/sub/");
    assert_eq!(home.status, 200);
    assert!(
        home.head.contains("content-type: text/html"),
        "{}",
        home.head
    );
    assert!(home.body.contains("Kenya and Ghana sign trade pact"));
    assert!(
        home.body.contains("/__briefing/live"),
        "reload script injected"
    );
    let root_reply = get(&s, "/");
    assert_eq!(root_reply.status, 302);
    assert!(
        root_reply.head.contains("location: /sub/"),
        "{}",
        root_reply.head
    );
    let css = get(&s, "/sub/style.css");
    assert_eq!(css.status, 200);
    assert!(css.head.contains("content-type: text/css"), "{}", css.head);
    let missing = get(&s, "/sub/documents/nothing-here.html");
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("Page not found"),
        "the site's own 404 page"
    );

    // An edit is served.
    std::fs::write(seeds.join("kg.md"), doc("Kenya and Ghana widen their pact")).unwrap();
    let page = wait_for(
        &s,
        "/sub/documents/kenya-and-ghana-widen-their-pact.html",
        "the edited document",
        |r| r.status == 200,
    );
    assert!(
        page.body
            .contains("<h1>Kenya and Ghana widen their pact</h1>")
    );
    wait_for(
        &s,
        "/sub/index.html",
        "the new title on the home page",
        |r| r.body.contains("Kenya and Ghana widen their pact"),
    );
    assert_eq!(
        get(&s, "/sub/documents/kenya-and-ghana-sign-trade-pact.html").status,
        404,
        "the old page is gone"
    );

    // A broken edit: the overlay names the file and line, over the last good site.
    std::fs::write(seeds.join("kg.md"), "+++\ntitle = = \"x\"\n+++\n\nText.\n").unwrap();
    let broken = wait_for(&s, "/sub/index.html", "the error overlay", |r| {
        r.body.contains("briefing-error")
    });
    assert!(broken.body.contains("kg.md:2"), "{}", broken.body);
    assert!(broken.body.contains("Kenya and Ghana widen their pact"));

    // Fixed: the overlay goes and the new content is served.
    std::fs::write(
        seeds.join("kg.md"),
        doc("Kenya and Ghana settle their pact"),
    )
    .unwrap();
    wait_for(&s, "/sub/index.html", "recovery", |r| {
        !r.body.contains("briefing-error") && r.body.contains("Kenya and Ghana settle their pact")
    });
    assert!(
        !root.join("site").exists(),
        "serve never writes the output folder"
    );
}

#[test]
fn open_pages_are_told_to_reload_after_a_rebuild() {
    let (tmp, seeds) = project();
    let s = serve(tmp.path(), &[]);
    assert_eq!(s.prefix, "/");
    let stream = TcpStream::connect(&s.host).expect("connect");
    stream
        .set_read_timeout(Some(PATIENCE))
        .expect("read timeout");
    let (mut ws, _) = tungstenite::client(format!("ws://{}/__briefing/live", s.host), stream)
        .expect("WebSocket handshake");
    std::fs::write(seeds.join("kg.md"), doc("Kenya and Ghana widen their pact")).unwrap();
    // Each message names the pages redrawn; the edited page comes first, on its own.
    let mut named = Vec::new();
    while !named.iter().any(|p: &String| p == "index.html") {
        if let tungstenite::Message::Text(t) = ws.read().expect("a message before the time-out") {
            let pages: Vec<String> = serde_json::from_str(t.as_str())
                .unwrap_or_else(|e| panic!("not a list of pages: {t}: {e}"));
            if named.is_empty() {
                assert_eq!(pages, ["documents/kenya-and-ghana-widen-their-pact.html"]);
            }
            named.extend(pages);
        }
    }
    assert!(
        named.contains(&"countries/kenya.html".to_string()),
        "{named:?}"
    );
}
