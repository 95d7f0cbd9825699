//! The `kiosk` command: argument parsing and the commands of DESIGN.md §2.

use std::io::{self, BufRead, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use kiosk::corpus::Corpus;
use kiosk::export::{ExportFormat, Exporter, Filter, to_json};
use kiosk::extract::countries;
use kiosk::pipeline::{self, Plan};
use kiosk::progress::ProgressBar;
use kiosk::{Loaded, load_corpus};

/// A terminal news reader that knows which countries an article mentions and whom it quotes.
///
/// With no command, opens the reader on PATH... (files and folders, read recursively:
/// .txt, .md, .html, .htm, .jsonl, .json), or on the five embedded seed articles.
#[derive(Debug, Parser)]
#[command(name = "kiosk", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files and folders to read.
    paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the parsed articles as JSON (no PATH: the embedded seeds).
    Export {
        paths: Vec<PathBuf>,
        /// One JSON array, or one article per line.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Only articles that mention this country (ISO code, German or English name);
        /// repeat to require several.
        #[arg(long = "country", value_name = "CODE")]
        countries: Vec<String>,
        /// Only articles that quote this person.
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
    },
    /// Read text lines from stdin and print the country mentions of each.
    Entities {
        /// One JSON object per line: {"line": N, "countries": [{"start", "end", "text", "code"}]}.
        #[arg(long)]
        jsonl: bool,
    },
    /// A table of everyone quoted: name, kind, role, quotes, articles (experts first).
    Speakers { paths: Vec<PathBuf> },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => reader(&cli.paths),
        Some(Command::Export {
            paths,
            format,
            countries,
            speaker,
        }) => export(&paths, format, &countries, speaker.as_deref()),
        Some(Command::Entities { jsonl }) => entities(jsonl),
        Some(Command::Speakers { paths }) => speakers(&paths),
    };
    match result {
        Ok(code) => code,
        // `kiosk export | head` closes the pipe early: not an error.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kiosk: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

/// Loads a corpus and reports each skipped file once on stderr. Fails when nothing loaded.
fn load(paths: &[PathBuf]) -> Result<Loaded> {
    let loaded = load_corpus(paths);
    for error in &loaded.errors {
        eprintln!("kiosk: skipped {error}");
    }
    if loaded.articles.is_empty() {
        anyhow::bail!("no articles could be loaded");
    }
    Ok(loaded)
}

/// The reader (DESIGN.md §5). `NO_COLOR` turns colours off; `KIOSK_EXIT_AFTER_LOAD`
/// quits once everything is loaded and drawn, printing how long that took (to measure).
fn reader(paths: &[PathBuf]) -> Result<ExitCode> {
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        anyhow::bail!("the reader needs a terminal; `kiosk export` prints the articles as JSON");
    }
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let outcome = kiosk::tui::run(kiosk::tui::Options {
        paths: paths.to_vec(),
        state_dir: kiosk::state_file::default_dir(),
        no_color: set("NO_COLOR"),
        exit_after_load: set("KIOSK_EXIT_AFTER_LOAD"),
    })?;
    for error in &outcome.load_errors {
        eprintln!("kiosk: skipped {error}");
    }
    for notice in &outcome.notices {
        eprintln!("kiosk: {notice}");
    }
    if let Some(timings) = &outcome.timings {
        eprintln!("{timings}");
    }
    if outcome.articles == 0 {
        anyhow::bail!("no articles could be loaded");
    }
    Ok(ExitCode::SUCCESS)
}

/// Streams the export: files load in ordered batches on all cores, each article is
/// filtered and serialised on the worker threads, and every batch is written as soon as
/// it is done, so memory does not grow with the corpus.
fn export(
    paths: &[PathBuf],
    format: ExportFormat,
    countries: &[String],
    speaker: Option<&str>,
) -> Result<ExitCode> {
    let filter = Filter::new(countries, speaker).map_err(anyhow::Error::msg)?;
    let batches = pipeline::spawn(paths.to_vec(), Plan::THROUGHPUT, move |article| {
        filter.matches(&article).then(|| to_json(&article))
    })
    .context("starting the loader")?;
    let stdout = io::stdout().lock();
    let mut exporter = Exporter::new(BufWriter::with_capacity(1 << 16, stdout), format);
    let mut progress = ProgressBar::for_stderr();
    let mut articles = 0;
    for batch in batches {
        for error in &batch.errors {
            progress.message(&format!("kiosk: skipped {error}"));
        }
        if let Some(failure) = batch.failure {
            progress.finish();
            anyhow::bail!("loading stopped: internal error: {failure}");
        }
        articles += batch.articles;
        for json in batch.items {
            exporter
                .write_json(&json.context("serialising an article")?)
                .context("writing the export")?;
        }
        progress.update(batch.files_done, batch.files_total);
    }
    progress.finish();
    if articles == 0 {
        anyhow::bail!("no articles could be loaded");
    }
    exporter.finish().context("writing the export")?;
    Ok(ExitCode::SUCCESS)
}

fn entities(jsonl: bool) -> Result<ExitCode> {
    let stdin = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    for (i, line) in stdin.lines().enumerate() {
        let line = line.context("reading stdin")?;
        let mentions: Vec<serde_json::Value> = countries::find(&line)
            .into_iter()
            .map(|m| {
                serde_json::json!({
                    "start": line[..m.start].chars().count(),
                    "end": line[..m.end].chars().count(),
                    "text": &line[m.start..m.end],
                    "code": m.code.as_str(),
                })
            })
            .collect();
        if jsonl {
            let row = serde_json::json!({"line": i + 1, "countries": mentions});
            writeln!(out, "{row}")?;
        } else {
            let found: Vec<String> = mentions
                .iter()
                .map(|m| {
                    format!(
                        "{} ({})",
                        m["text"].as_str().unwrap_or(""),
                        m["code"].as_str().unwrap_or("")
                    )
                })
                .collect();
            writeln!(out, "{}: {}", i + 1, found.join(", "))?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn speakers(paths: &[PathBuf]) -> Result<ExitCode> {
    let loaded = load(paths)?;
    let corpus = Corpus::new(loaded.articles);
    let mut rows: Vec<_> = corpus.speakers().iter().collect();
    // experts first, then officials, then everyone else; the most quoted first
    rows.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(b.quotes.len().cmp(&a.quotes.len()))
            .then(a.name.cmp(&b.name))
    });
    let width = rows
        .iter()
        .map(|s| s.name.width())
        .max()
        .unwrap_or(4)
        .clamp(4, 40);
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(
        out,
        "{}  {:<8} {:>6} {:>8}  ROLE",
        pad("NAME", width),
        "KIND",
        "QUOTES",
        "ARTICLES"
    )?;
    for s in rows {
        let mut role = s.role.clone().unwrap_or_default();
        // a speaker named only by a role ("Sprecher") is known in one article: name it
        if let Some(article) = s.only_in.and_then(|i| corpus.articles().get(i)) {
            let sep = if role.is_empty() { "" } else { " · " };
            role = format!("{role}{sep}in “{}”", article.title);
        }
        writeln!(
            out,
            "{}  {:<8} {:>6} {:>8}  {}",
            pad(&s.name, width),
            s.kind.as_str(),
            s.quotes.len(),
            s.articles,
            clip(&role, 80)
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `text` cut or padded with spaces to `width` terminal columns.
fn pad(text: &str, width: usize) -> String {
    let mut out = clip(text, width);
    let used = out.width();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

/// `text` cut to at most `width` terminal columns, with "…" where it was cut.
fn clip(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.width().unwrap_or(0) + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}
