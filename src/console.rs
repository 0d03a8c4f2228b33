//! What the `briefing` binary shows on a terminal: diagnostics in colour and grouped, the
//! `check` report, and a progress bar for long builds. This lives beside `main.rs`, not in
//! the library, which draws nothing. Colour goes through `anstream`, which drops it when the
//! stream is not a terminal or `NO_COLOR` is set (and honours `CLICOLOR_FORCE`).

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anstyle::{AnsiColor, Style};
use briefing::check::Report;
use briefing::diagnostics::{Diagnostic, Severity};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

const BOLD: Style = Style::new().bold();
const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const NOTE: Style = AnsiColor::Cyan.on_default();

/// `path:line:col: error: message`, with the position in bold and the label in colour.
pub fn styled(d: &Diagnostic) -> String {
    let mut at = d.path.clone();
    if let Some(line) = d.line {
        at.push_str(&format!(":{line}"));
        if let Some(col) = d.column {
            at.push_str(&format!(":{col}"));
        }
    }
    let (style, label) = match d.severity {
        Severity::Error => (ERROR, "error"),
        Severity::Warning => (WARNING, "warning"),
    };
    format!("{BOLD}{at}{BOLD:#}: {style}{label}{style:#}: {}", d.message)
}

/// A note to the user, in colour where colour is allowed.
pub fn note(text: &str) {
    anstream::eprintln!("{NOTE}note{NOTE:#}: {text}");
}

/// Prints a build's diagnostics to stderr: errors first, then warnings, each group by file.
pub fn diagnostics(diags: &[Diagnostic]) {
    let mut sorted: Vec<&Diagnostic> = diags.iter().collect();
    // Stable, so a file's diagnostics keep their order within it.
    sorted.sort_by(|a, b| (b.severity, &a.path).cmp(&(a.severity, &b.path)));
    for d in sorted {
        anstream::eprintln!("{}", styled(d));
    }
}

/// Prints an error that stopped a command; a list of unreadable documents is shown one
/// coloured line each.
pub fn error(e: &anyhow::Error) {
    if let Some(briefing::Error::Ingest(briefing::ingest::IngestError::Documents(diags))) =
        e.downcast_ref::<briefing::Error>()
    {
        diagnostics(diags);
        anstream::eprintln!(
            "{ERROR}error{ERROR:#}: {} could not be read; nothing was written",
            briefing::terms::count(diags.len(), "document")
        );
    } else if let Some(briefing::Error::Links(diags)) = e.downcast_ref::<briefing::Error>() {
        diagnostics(diags);
        anstream::eprintln!(
            "{ERROR}error{ERROR:#}: {} stopped the build; nothing was written, the previous site is as it was",
            briefing::problems(diags.len())
        );
    } else {
        anstream::eprintln!("{ERROR}error{ERROR:#}: {e:#}");
    }
}

/// The `check` report for people: findings grouped by kind, then a count line.
pub fn check_report(report: &Report) {
    let mut groups: BTreeMap<_, Vec<_>> = BTreeMap::new();
    for f in &report.findings {
        groups.entry(f.kind).or_default().push(f);
    }
    for (kind, findings) in groups {
        anstream::println!(
            "{BOLD}{}{BOLD:#} — {} ({})",
            kind.as_str(),
            kind.label(),
            findings.len()
        );
        for f in findings {
            anstream::println!("{}", styled(&f.diagnostic));
        }
        anstream::println!();
    }
    let counted = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    let (errors, warnings) = (
        counted(report.errors, "error"),
        counted(report.warnings, "warning"),
    );
    let errors = if report.errors > 0 {
        format!("{ERROR}{errors}{ERROR:#}")
    } else {
        errors
    };
    let warnings = if report.warnings > 0 {
        format!("{WARNING}{warnings}{WARNING:#}")
    } else {
        warnings
    };
    anstream::println!(
        "checked {}: {errors}, {warnings}",
        counted(report.documents, "document")
    );
}

/// A progress bar for a build, on stderr. It stays hidden for the first second, so quick
/// builds print nothing extra, and altogether when stdout is not a terminal (piped or in CI),
/// where it would only be noise.
pub struct Progress {
    bar: ProgressBar,
    /// Set when the build ends; guards against showing the bar after that.
    done: Arc<Mutex<bool>>,
}

impl Progress {
    /// Starts timing; `show` is false for `--quiet`.
    pub fn start(show: bool) -> Progress {
        let stages = briefing::BUILD_STAGES;
        let bar =
            ProgressBar::with_draw_target(Some(stages.len() as u64), ProgressDrawTarget::hidden());
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} [{bar:20}] {pos}/{len} {msg} {elapsed}")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(stages[0]);
        let done = Arc::new(Mutex::new(false));
        if show && std::io::stdout().is_terminal() {
            let (bar, done) = (bar.clone(), done.clone());
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_secs(1));
                let done = done.lock().unwrap_or_else(|e| e.into_inner());
                if !*done {
                    bar.set_draw_target(ProgressDrawTarget::stderr());
                    bar.enable_steady_tick(Duration::from_millis(120));
                }
            });
        }
        Progress { bar, done }
    }

    /// What the library calls as each stage ends.
    pub fn observer(&self) -> impl Fn(&str, usize) + Send + Sync + 'static {
        let bar = self.bar.clone();
        move |_, done| {
            bar.set_position(done as u64);
            if let Some(next) = briefing::BUILD_STAGES.get(done) {
                bar.set_message(*next);
            }
        }
    }

    /// Removes the bar, so the summary line stands alone.
    pub fn finish(&self) {
        let mut done = self.done.lock().unwrap_or_else(|e| e.into_inner());
        *done = true;
        self.bar.finish_and_clear();
    }
}
