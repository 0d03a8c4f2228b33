//! `briefing serve`: builds the site in memory, serves it on 127.0.0.1, watches the project
//! and rebuilds on every change, and tells open pages to reload.
//!
//! The output folder is never touched: pages are served from memory. An edit to documents
//! redraws only the pages that depend on it ([`Session::update`]), then the data files and
//! search index follow. A failed build keeps the last good site and shows the error over every
//! page until the next good build. Under a `base_url` with a sub-path (a GitHub Pages project
//! site) the site is served under that same sub-path, so links behave as they will online.

use std::net::{Ipv4Addr, SocketAddrV4};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use tiny_http::{Header, Request, Response, Server, StatusCode};

use crate::config::{self, Config};
use crate::session::{Files, Session};

/// Path of the WebSocket that tells pages to reload.
const LIVE_PATH: &str = "/__briefing/live";
/// Quiet time after the last file event before a rebuild starts.
const DEBOUNCE: Duration = Duration::from_millis(60);

/// Why the server could not run.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The configuration is wrong.
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    /// The port cannot be used.
    #[error(
        "cannot listen on 127.0.0.1:{port}: {message}; pass another port with --port N (0 picks a free one)"
    )]
    Listen {
        /// The port asked for.
        port: u16,
        /// Why.
        message: String,
    },
    /// The project cannot be watched.
    #[error("cannot watch `{path}` for changes: {message}")]
    Watch {
        /// What was to be watched.
        path: PathBuf,
        /// Why.
        message: String,
    },
}

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Open the site in the default browser once it is served.
    pub open: bool,
}

/// The served site and what pages need to know about it.
#[derive(Default)]
struct State {
    files: RwLock<Files>,
    /// The last build's error, shown over every page until a build succeeds.
    error: RwLock<Option<String>>,
    /// Bumped on every build that pages should reload for, with the pages it redrew
    /// (`None`: every page).
    generation: Mutex<(u64, Option<Vec<String>>)>,
    changed: Condvar,
}

impl State {
    /// Tells open pages to reload: those in `pages`, or all.
    fn publish(&self, pages: Option<Vec<String>>) {
        let mut g = self.generation.lock().unwrap_or_else(|e| e.into_inner());
        *g = (g.0 + 1, pages);
        self.changed.notify_all();
    }

    fn insert(&self, files: Files) {
        self.files
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .extend(files);
    }
}

/// Builds, serves and watches until the process is stopped. Prints the address first.
pub fn run(over: &config::Overrides, opts: &ServeOptions) -> Result<(), ServeError> {
    let cfg = Config::load(over)?;
    let prefix = prefix(&cfg);
    let server = Server::http(SocketAddrV4::new(Ipv4Addr::LOCALHOST, opts.port)).map_err(|e| {
        ServeError::Listen {
            port: opts.port,
            message: e.to_string(),
        }
    })?;
    let port = server.server_addr().to_ip().map_or(opts.port, |a| a.port());
    let state = Arc::new(State::default());
    let mut session = Session::new(cfg.clone());
    rebuild(&mut session, &state, Change::Everything);
    // Watch before announcing the address: an edit made as soon as the address is known
    // must not be missed.
    let _watcher = watch(&cfg, over.clone(), session, Arc::clone(&state))?;
    let url = format!("http://127.0.0.1:{port}{prefix}");
    println!(
        "serving {url} (from memory; {} is left alone); press Ctrl+C to stop",
        cfg.output.display()
    );
    if opts.open
        && let Err(e) = opener::open(&url)
    {
        eprintln!("warning: cannot open a browser: {e}");
    }
    for request in server.incoming_requests() {
        let state = Arc::clone(&state);
        if request.url() == LIVE_PATH {
            std::thread::spawn(move || live(request, &state));
        } else {
            respond(request, &state, &prefix);
        }
    }
    Ok(())
}

/// The sub-path the site is published under, `/` when none: `/repo/` for
/// `https://org.github.io/repo/`.
fn prefix(cfg: &Config) -> String {
    cfg.base_url
        .as_ref()
        .and_then(|b| {
            let rest = b.as_str().split_once("://")?.1;
            rest.find('/').map(|i| rest[i..].to_string())
        })
        .filter(|p| p.ends_with('/'))
        .unwrap_or_else(|| "/".into())
}

/// What changed, and so how much to rebuild.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Change {
    /// Documents only: redraw what depends on them.
    Documents,
    /// Templates or static files: redraw everything.
    Everything,
}

/// Rebuilds, publishes the result (or the error) and says so on the terminal.
fn rebuild(session: &mut Session, state: &State, change: Change) {
    let started = Instant::now();
    let result = match change {
        Change::Everything => session.build_all().map(|(files, warnings)| {
            *state.files.write().unwrap_or_else(|e| e.into_inner()) = files;
            (Vec::new(), warnings, None)
        }),
        Change::Documents => session
            .update_with(&mut |first: &Files| {
                // The edited documents' own pages are served (and reloaded) first.
                state.insert(first.clone());
                state.publish(Some(first.keys().cloned().collect()));
            })
            .map(|u| {
                let pages: Vec<String> = u.written.keys().cloned().collect();
                let mut files = state.files.write().unwrap_or_else(|e| e.into_inner());
                for gone in &u.removed {
                    files.remove(gone);
                }
                let stages: Vec<String> = u
                    .stages
                    .iter()
                    .map(|s| format!("{} {:.0} ms", s.name, s.seconds * 1e3))
                    .collect();
                let what = format!(
                    "{} ({})",
                    crate::terms::count(u.written.len(), "page"),
                    stages.join(", ")
                );
                files.extend(u.written);
                drop(files);
                state.publish(Some(pages));
                (u.changed, u.warnings, Some(what))
            }),
    };
    match result {
        Ok((changed, warnings, pages)) => {
            let was_broken = state
                .error
                .write()
                .unwrap_or_else(|e| e.into_inner())
                .take()
                .is_some();
            if pages.is_none() || was_broken {
                state.publish(None);
            }
            let took = started.elapsed().as_millis();
            for w in &warnings {
                eprintln!("{w}");
            }
            match pages {
                Some(what) => println!(
                    "rebuilt {what} in {took} ms after changes to {}",
                    changed.join(", ")
                ),
                None => println!("built the site in {took} ms"),
            }
            if change == Change::Documents {
                // The data files and search index follow the pages, without another reload.
                match session.indexes() {
                    Ok(more) => state
                        .files
                        .write()
                        .unwrap_or_else(|e| e.into_inner())
                        .extend(more),
                    Err(e) => eprintln!("error: {e}"),
                }
            }
        }
        Err(e) => {
            eprintln!("error: {e}\n(serving the last good site until this is fixed)");
            *state.error.write().unwrap_or_else(|e| e.into_inner()) = Some(e.to_string());
            state.publish(None);
        }
    }
}

/// Watches the seeds, templates, static files and configuration, rebuilding on changes.
/// The returned watcher stops watching when dropped.
fn watch(
    cfg: &Config,
    over: config::Overrides,
    mut session: Session,
    state: Arc<State>,
) -> Result<impl Drop, ServeError> {
    let (tx, rx) = std::sync::mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(DEBOUNCE, None, tx).map_err(|e| ServeError::Watch {
        path: cfg.root.clone(),
        message: e.to_string(),
    })?;
    let templates = cfg.root.join("templates");
    let statics = cfg.root.join("static");
    for (path, mode) in [
        (&cfg.seeds, RecursiveMode::Recursive),
        (&templates, RecursiveMode::Recursive),
        (&statics, RecursiveMode::Recursive),
        (&cfg.root, RecursiveMode::NonRecursive),
    ] {
        if path.exists() {
            debouncer.watch(path, mode).map_err(|e| ServeError::Watch {
                path: path.clone(),
                message: e.to_string(),
            })?;
        }
    }
    let seeds = absolute(&cfg.seeds);
    let config_file = over
        .config
        .clone()
        .unwrap_or_else(|| cfg.root.join(config::CONFIG_FILE));
    let (templates, statics, config_file) = (
        absolute(&templates),
        absolute(&statics),
        absolute(&config_file),
    );
    std::thread::spawn(move || {
        for events in rx {
            let Ok(events) = events else { continue };
            // Reading files is an event too (inotify reports opens); only changes count, or
            // every rebuild would set off the next.
            let paths: Vec<PathBuf> = events
                .iter()
                .filter(|e| !matches!(e.kind, EventKind::Access(_)))
                .flat_map(|e| e.paths.iter().map(|p| absolute(p)))
                .collect();
            if paths.contains(&config_file) {
                match Config::load(&over) {
                    Ok(cfg) => session = Session::new(cfg),
                    Err(e) => {
                        eprintln!("error: {e}");
                        *state.error.write().unwrap_or_else(|e| e.into_inner()) =
                            Some(e.to_string());
                        state.publish(None);
                        continue;
                    }
                }
                rebuild(&mut session, &state, Change::Everything);
            } else if paths
                .iter()
                .any(|p| p.starts_with(&templates) || p.starts_with(&statics))
            {
                rebuild(&mut session, &state, Change::Everything);
            } else if paths.iter().any(|p| p.starts_with(&seeds)) {
                session.hint_changed(paths);
                rebuild(&mut session, &state, Change::Documents);
            }
        }
    });
    Ok(debouncer)
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Serves one file of the site.
fn respond(request: Request, state: &State, prefix: &str) {
    let path = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string();
    let Some(rel) = path.strip_prefix(prefix) else {
        if path == "/" {
            let to = Header::from_bytes("Location", prefix.as_bytes()).expect("header");
            let _ = request.respond(Response::empty(StatusCode(302)).with_header(to));
        } else {
            not_found(request, state, prefix);
        }
        return;
    };
    let rel = crate::links::percent_decode(rel);
    let rel = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel
    };
    let body = state
        .files
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(&rel)
        .cloned();
    match body {
        Some(bytes) => send(request, state, prefix, &rel, bytes, 200),
        None => not_found(request, state, prefix),
    }
}

fn not_found(request: Request, state: &State, prefix: &str) {
    let page = state
        .files
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get("404.html")
        .cloned();
    match page {
        Some(bytes) => send(request, state, prefix, "404.html", bytes, 404),
        None => {
            let _ = request.respond(
                Response::from_string(format!("not found; the site starts at {prefix}"))
                    .with_status_code(404),
            );
        }
    }
}

fn send(request: Request, state: &State, prefix: &str, rel: &str, bytes: Vec<u8>, status: u16) {
    let mime = mime_guess::from_path(rel).first_or_octet_stream();
    let is_html = mime.essence_str() == "text/html";
    let mime = if mime.type_() == "text" || mime.essence_str() == "application/javascript" {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_string()
    };
    let bytes = if is_html {
        let error = state
            .error
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        inject(bytes, error.as_deref(), prefix)
    } else {
        bytes
    };
    let response = Response::from_data(bytes)
        .with_status_code(status)
        .with_header(Header::from_bytes("Content-Type", mime.as_bytes()).expect("header"))
        .with_header(Header::from_bytes("Cache-Control", "no-store").expect("header"));
    let _ = request.respond(response);
}

/// Adds the live-reload script, and the error overlay when the last build failed, before
/// `</body>`.
fn inject(html: Vec<u8>, error: Option<&str>, prefix: &str) -> Vec<u8> {
    let mut extra = String::new();
    if let Some(e) = error {
        extra.push_str(&format!(
            r#"<div id="briefing-error" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;background:rgba(25,25,25,.94);color:#fff;font:15px/1.5 ui-monospace,monospace;white-space:pre-wrap"><strong style="font-size:1.3em">The build failed</strong>
This is the last good site; it reloads by itself once the problem is fixed.

{}</div>"#,
            escape(e)
        ));
    }
    extra.push_str(&format!(
        r#"<script>(function(){{var p="{prefix}";function me(){{var r=decodeURIComponent(location.pathname);if(r.indexOf(p)===0)r=r.slice(p.length);return r===""||r.slice(-1)==="/"?r+"index.html":r;}}function c(){{var w=new WebSocket((location.protocol==="https:"?"wss://":"ws://")+location.host+"{LIVE_PATH}");w.onmessage=function(e){{var d="*";try{{d=JSON.parse(e.data);}}catch(x){{}}if(d==="*"||(Array.isArray(d)&&d.indexOf(me())!==-1))location.reload();}};w.onclose=function(){{setTimeout(c,1000);}};}}c();}})();</script>"#
    ));
    let text = String::from_utf8_lossy(&html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{extra}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{extra}").into_bytes(),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A page's live-reload connection: a WebSocket that gets a message after each build.
fn live(request: Request, state: &State) {
    let key = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Sec-WebSocket-Key"))
        .map(|h| h.value.as_str().to_string());
    let Some(key) = key else {
        let _ =
            request.respond(Response::from_string("expected a WebSocket").with_status_code(400));
        return;
    };
    let accept = tungstenite::handshake::derive_accept_key(key.as_bytes());
    let response = Response::empty(StatusCode(101)).with_header(
        Header::from_bytes("Sec-WebSocket-Accept", accept.as_bytes()).expect("header"),
    );
    let stream = request.upgrade("websocket", response);
    let mut ws =
        tungstenite::WebSocket::from_raw_socket(stream, tungstenite::protocol::Role::Server, None);
    let mut seen = state.generation.lock().unwrap_or_else(|e| e.into_inner()).0;
    loop {
        let (generation, pages) = {
            let g = state.generation.lock().unwrap_or_else(|e| e.into_inner());
            let (g, _) = state
                .changed
                .wait_timeout_while(g, Duration::from_secs(20), |g| g.0 == seen)
                .unwrap_or_else(|e| e.into_inner());
            g.clone()
        };
        // A ping now and then finds closed pages, so their threads end. The message names
        // the pages redrawn ("*" for all, or when builds followed each other unseen).
        let message = if generation == seen {
            tungstenite::Message::Ping(Vec::new().into())
        } else {
            let list = match pages {
                Some(p) if generation == seen + 1 => serde_json::to_string(&p).unwrap_or_default(),
                _ => "\"*\"".into(),
            };
            tungstenite::Message::text(list)
        };
        seen = generation;
        if ws.send(message).is_err() {
            return;
        }
    }
}
