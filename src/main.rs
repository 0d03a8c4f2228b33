//! The `briefing` command line: parses arguments and calls the library.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use briefing::config::{Config, Overrides};
use briefing::diagnostics::Severity;
use briefing::terms::count;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod console;

/// Turns a folder of news-style documents into a briefing microsite.
#[derive(Parser)]
#[command(name = "briefing", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site from the seeds folder (the default command).
    Build(BuildArgs),
    /// Build the site in memory, serve it on 127.0.0.1, and rebuild and reload on every change.
    Serve(ServeArgs),
    /// Print what extraction finds in the given files, without writing anything.
    Extract {
        /// Print the data contract as JSON (the same shape as site/data/briefing.json).
        #[arg(long, conflicts_with = "explain")]
        json: bool,
        /// Print, for each person and agreement, the sentence and the rule that produced it.
        #[arg(long)]
        explain: bool,
        /// Documents to read (.md, .markdown or .txt).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Report problems in the documents and the site they make, writing nothing.
    Check(CheckArgs),
    /// Start a new document in the seeds folder, named after its title.
    New(NewArgs),
}

/// Where the project is and what to read: shared by build, check and serve.
#[derive(clap::Args, Default)]
struct ProjectArgs {
    /// Folder of documents [default: seeds/]
    #[arg(long, value_name = "DIR")]
    seeds: Option<PathBuf>,
    /// Configuration file [default: briefing.toml, when present]
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Absolute URL the site is published at, e.g. https://org.github.io/repo/
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Include documents marked `draft = true`.
    #[arg(long)]
    drafts: bool,
}

impl ProjectArgs {
    /// The configuration these options describe, writing to `out` when given.
    fn load(self, out: Option<PathBuf>) -> anyhow::Result<Config> {
        Ok(Config::load(&self.overrides(out))?)
    }

    fn overrides(self, out: Option<PathBuf>) -> Overrides {
        Overrides {
            config: self.config,
            seeds: self.seeds,
            out,
            base_url: self.base_url,
            drafts: self.drafts,
            ..Overrides::default()
        }
    }
}

#[derive(clap::Args)]
struct CheckArgs {
    #[command(flatten)]
    project: ProjectArgs,
    /// Also ask every external http(s) link whether it answers (uses the network).
    #[arg(long)]
    external: bool,
    /// Print the findings as one JSON object, for CI.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
struct NewArgs {
    /// The document's title; the file name is made from it.
    title: String,
    /// A country the document is about (ISO code or name); repeat for more.
    #[arg(long, value_name = "XX")]
    country: Vec<String>,
    /// Folder of documents [default: seeds/]
    #[arg(long, value_name = "DIR")]
    seeds: Option<PathBuf>,
    /// Configuration file [default: briefing.toml, when present]
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(clap::Args, Default)]
struct BuildArgs {
    #[command(flatten)]
    project: ProjectArgs,
    /// Output folder [default: site/]
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Print only errors.
    #[arg(long, short)]
    quiet: bool,
    /// Also print the time and memory of each stage.
    #[arg(long, short, conflicts_with = "quiet")]
    verbose: bool,
    /// Print the time and peak memory of each stage.
    #[arg(long)]
    timings: bool,
    /// Fail, changing nothing, if a URL published by an earlier build would move or disappear.
    #[arg(long)]
    locked: bool,
    /// Fail, changing nothing, if a link, image or linked file of a document does not work out
    /// (these are warnings otherwise).
    #[arg(long)]
    strict: bool,
    /// The deployed site's record of published URLs (its data/permalinks.json), merged into
    /// permalinks.json before building.
    #[arg(long, value_name = "FILE")]
    live_permalinks: Option<PathBuf>,
}

#[derive(clap::Args)]
struct ServeArgs {
    /// Port to listen on (0 picks a free one).
    #[arg(long, short, default_value_t = 1111)]
    port: u16,
    /// Open the site in the default browser.
    #[arg(long)]
    open: bool,
    #[command(flatten)]
    project: ProjectArgs,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command.unwrap_or(Command::Build(BuildArgs::default())) {
        Command::Build(args) => build(args),
        Command::Serve(args) => serve(args),
        Command::Extract {
            json,
            explain,
            files,
        } => extract(json, explain, &files),
        Command::Check(args) => check(args),
        Command::New(args) => new(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            console::error(&e);
            ExitCode::from(2)
        }
    }
}

fn check(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let cfg = args.project.load(None)?;
    let opts = briefing::check::CheckOptions {
        external: args.external,
        ..Default::default()
    };
    let report = briefing::check::run(&cfg, &opts)?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).context("serialising the report")?
        );
    } else {
        console::check_report(&report);
    }
    Ok(if report.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn new(args: NewArgs) -> anyhow::Result<ExitCode> {
    let cfg = Config::load(&Overrides {
        config: args.config,
        seeds: args.seeds,
        ..Overrides::default()
    })?;
    let path = briefing::new::create(
        &cfg.seeds,
        &args.title,
        &args.country,
        briefing::new::today(),
    )?;
    println!("{}", path.display());
    Ok(ExitCode::SUCCESS)
}

fn build(args: BuildArgs) -> anyhow::Result<ExitCode> {
    let mut over = args.project.overrides(args.out);
    over.locked = args.locked;
    over.strict = args.strict;
    over.live_permalinks = args.live_permalinks;
    let cfg = Config::load(&over)?;
    let progress = console::Progress::start(!args.quiet);
    let built = briefing::build_with_progress(&cfg, progress.observer());
    progress.finish();
    let report = built?;
    let warnings = report
        .warnings
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    if !args.quiet {
        console::diagnostics(&report.warnings);
        if cfg.base_url.is_none() {
            console::note(
                "no base_url set, so canonical links, Open Graph URLs and images, feeds and the sitemap are left out (set base_url in briefing.toml or pass --base-url)",
            );
        }
        println!(
            "built {}, {}, {}: {} ({}) in {} in {:.2}s{}",
            count(report.documents, "document"),
            count(report.countries, "country"),
            count(report.agreements, "agreement"),
            count(report.pages, "page"),
            count(report.files, "file"),
            report.output.display(),
            report.seconds,
            if warnings > 0 {
                format!(", {}", count(warnings, "warning"))
            } else {
                String::new()
            }
        );
    }
    if args.timings || args.verbose {
        print!("{}", briefing::timings::table(&report.stages));
        println!(
            "files: {} written, {:.1} MB, {:.2} s of thread time creating and writing them (within render)",
            report.files,
            report.bytes as f64 / 1e6,
            report.write_seconds
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn serve(args: ServeArgs) -> anyhow::Result<ExitCode> {
    briefing::serve::run(
        &args.project.overrides(None),
        &briefing::serve::ServeOptions {
            port: args.port,
            open: args.open,
        },
    )?;
    Ok(ExitCode::SUCCESS)
}

fn extract(json: bool, explain: bool, files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let out = briefing::extract_files(files)?;
    for d in &out.warnings {
        eprintln!("{d}");
    }
    let text = if json {
        serde_json::to_string_pretty(&out.briefing).context("serialising the extraction")?
    } else if explain {
        explain_text(&out.explanations)
    } else {
        summary_text(&out.briefing)
    };
    println!("{text}");
    Ok(ExitCode::SUCCESS)
}

/// Every finding with its rule and sentence.
fn explain_text(explanations: &[(String, Vec<briefing::extract::Explanation>)]) -> String {
    let mut out = String::new();
    for (path, list) in explanations {
        out.push_str(&format!("{path}\n"));
        for e in list {
            out.push_str(&format!(
                "  {}\n    rule: {}\n    in #{}: {}\n",
                e.what, e.rule, e.block, e.text
            ));
        }
    }
    out
}

/// A short human-readable account of an extraction.
fn summary_text(data: &briefing::render::data::Briefing) -> String {
    let mut out = String::new();
    for d in &data.documents {
        out.push_str(&format!("{}: {}\n", d.path, d.title));
        let countries: Vec<String> = d
            .countries
            .iter()
            .map(|c| format!("{} ({})", c.code, c.mentions))
            .collect();
        out.push_str(&format!("  countries: {}\n", countries.join(", ")));
        for p in &d.people {
            out.push_str(&format!(
                "  person: {}{}\n",
                p.name,
                p.role
                    .as_ref()
                    .map(|r| format!(", {r}"))
                    .unwrap_or_default()
            ));
        }
    }
    for a in &data.agreements {
        out.push_str(&format!(
            "  agreement: {} [{} {}]\n",
            a.title, a.kind, a.status
        ));
    }
    out
}
