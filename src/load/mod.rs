//! Turning files into articles: finding the files under the paths a user gives
//! ([`files`]), reading and decoding them, and handing each to the parser of its
//! format, within the [`limits`]. A bad file is reported and skipped, the rest loads.
//! Knows nothing of extraction or the terminal.

mod anyset;
pub mod blocks;
pub mod boilerplate;
mod breadcrumbs;
pub mod clean;
pub mod dateline;
pub mod decode;
pub mod files;
mod forward;
pub mod html;
pub mod jsonl;
pub mod limits;
mod marks;
mod rules;
pub mod sentences;
mod squash;
pub mod structure;
pub mod text;

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::model::Article;

pub use files::discover;
pub use limits::MAX_FILE_BYTES;
use limits::{
    MAX_ARTICLES_PER_FILE, MAX_HTML_DEPTH, MAX_LINE_BYTES, MAX_RECORD_BYTES, human_bytes,
};

/// The five seed articles, embedded so that `kiosk` works from any directory.
pub const SEEDS: [(&str, &[u8]); 5] = [
    (
        "000_2a0abf6ffe095541.txt",
        include_bytes!("../../seeds/000_2a0abf6ffe095541.txt"),
    ),
    (
        "001_7f7d659bd392a644.txt",
        include_bytes!("../../seeds/001_7f7d659bd392a644.txt"),
    ),
    (
        "002_e173bbaacbbbef3e.txt",
        include_bytes!("../../seeds/002_e173bbaacbbbef3e.txt"),
    ),
    (
        "003_ec03675cfa36e105.txt",
        include_bytes!("../../seeds/003_ec03675cfa36e105.txt"),
    ),
    (
        "004_256c1fd378e84f19.txt",
        include_bytes!("../../seeds/004_256c1fd378e84f19.txt"),
    ),
];

/// The input formats kiosk reads, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`, `.md`: one article per file.
    Text,
    /// `.html`, `.htm`: one web page per file.
    Html,
    /// `.jsonl`: one JSON object per line.
    JsonLines,
    /// `.json`: one object or an array of objects.
    Json,
}

impl Format {
    /// The format a file's extension names, or `None` for files kiosk does not read.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "md" | "text" | "markdown" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// A file that could not be loaded (or a line of it), with the reason.
#[derive(Debug, thiserror::Error)]
#[error("{}{}: {problem}", path.display(), line.map(|n| format!(":{n}")).unwrap_or_default())]
pub struct LoadError {
    pub path: PathBuf,
    /// The 1-based line, for formats with one record per line.
    pub line: Option<usize>,
    pub problem: Problem,
}

/// Why a file or record was skipped.
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("no such file or directory")]
    NotFound,
    #[error("permission denied")]
    PermissionDenied,
    #[error("broken symbolic link (to {}, which does not exist)", .0.display())]
    DanglingLink(PathBuf),
    #[error("symbolic link back to {}, a folder it is in (a loop): not followed", .0.display())]
    SymlinkLoop(PathBuf),
    #[error("not a regular file ({0})")]
    NotRegular(&'static str),
    #[error("no files kiosk reads in this folder (.txt, .md, .html, .htm, .jsonl, .json)")]
    EmptyFolder,
    #[error("not a text file (binary data)")]
    Binary,
    #[error("empty file")]
    Empty,
    #[error("no text (only white space)")]
    Blank,
    #[error("no article text found")]
    NoText,
    #[error("too large: {} (kiosk reads files up to {})", human_bytes(*size), human_bytes(MAX_FILE_BYTES))]
    TooLarge { size: u64 },
    #[error("line {line} is {} long (kiosk reads lines up to {}): not an article text", human_bytes(*bytes as u64), human_bytes(MAX_LINE_BYTES as u64))]
    LineTooLong { line: usize, bytes: usize },
    #[error("record too long: {} (kiosk reads JSON records up to {})", human_bytes(*bytes as u64), human_bytes(MAX_RECORD_BYTES as u64))]
    RecordTooLong { bytes: usize },
    #[error(
        "elements nested {depth} levels deep (kiosk reads pages up to {MAX_HTML_DEPTH} levels)"
    )]
    TooDeep { depth: usize },
    #[error(
        "the records after the first {MAX_ARTICLES_PER_FILE}, the most kiosk reads from one file (split the file to read them)"
    )]
    TooManyArticles,
    #[error("kiosk failed on this file, a bug to report: {0}")]
    Internal(String),
    #[error("not a format kiosk reads (use .txt, .md, .html, .htm, .jsonl or .json)")]
    Unsupported,
    #[error("invalid JSON: {0}")]
    Json(String),
    #[error("{0}")]
    Invalid(String),
}

impl LoadError {
    pub fn new(path: impl Into<PathBuf>, problem: Problem) -> Self {
        LoadError {
            path: path.into(),
            line: None,
            problem,
        }
    }

    pub fn at_line(path: impl Into<PathBuf>, line: usize, problem: Problem) -> Self {
        LoadError {
            path: path.into(),
            line: Some(line),
            problem,
        }
    }
}

/// What loading one file gave: its articles and the problems met on the way
/// (a JSON-lines file can give both).
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub errors: Vec<LoadError>,
}

/// One file to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub path: PathBuf,
    pub format: Format,
}

/// The embedded seed articles, parsed.
pub fn seeds() -> Vec<Article> {
    SEEDS
        .iter()
        .flat_map(|(name, bytes)| {
            let path = format!("seeds/{name}");
            load_bytes(Path::new(&path), Format::Text, bytes)
                .map(|loaded| loaded.articles)
                .unwrap_or_default()
        })
        .collect()
}

/// Reads and parses one file. A bug in a parser that panics on it costs this file
/// only: it is reported as such and the load goes on.
pub fn load_source(source: &Source) -> Loaded {
    let failed = |problem| Loaded {
        articles: Vec::new(),
        errors: vec![LoadError::new(&source.path, problem)],
    };
    let bytes = match files::read_file(&source.path) {
        Ok(bytes) => bytes,
        Err(problem) => return failed(problem),
    };
    let parsed = panic::catch_unwind(AssertUnwindSafe(|| {
        load_bytes(&source.path, source.format, &bytes)
    }));
    match parsed {
        Ok(Ok(loaded)) => loaded,
        Ok(Err(e)) => Loaded {
            articles: Vec::new(),
            errors: vec![e],
        },
        Err(payload) => failed(Problem::Internal(panic_message(payload.as_ref()))),
    }
}

/// The message a panic carried, cut to one line.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let text = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_owned());
    let line = text.lines().next().unwrap_or_default();
    line.chars().take(160).collect()
}

/// Parses the bytes of one file of the given format.
pub fn load_bytes(path: &Path, format: Format, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let fail = |problem| LoadError::new(path, problem);
    if bytes.is_empty() {
        return Err(fail(Problem::Empty));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(fail(Problem::Blank));
    }
    match format {
        Format::Text => {
            let text = decode::decode(bytes).map_err(fail)?;
            no_blank_text(&text).map_err(fail)?;
            if let Some((line, bytes)) = limits::overlong_line(&text) {
                return Err(fail(Problem::LineTooLong { line, bytes }));
            }
            let article = text::parse(&article_id(path), &display_path(path), &text)
                .ok_or_else(|| fail(Problem::NoText))?;
            Ok(Loaded {
                articles: vec![article],
                errors: Vec::new(),
            })
        }
        Format::Html => {
            let article =
                html::parse(&article_id(path), &display_path(path), bytes).map_err(fail)?;
            Ok(Loaded {
                articles: vec![article],
                errors: Vec::new(),
            })
        }
        Format::JsonLines | Format::Json => {
            let text = decode::decode(bytes).map_err(fail)?;
            no_blank_text(&text).map_err(fail)?;
            Ok(jsonl::parse(path, format, &text))
        }
    }
}

/// Text that decoded to white space only (a byte-order mark, UTF-16 spaces).
fn no_blank_text(text: &str) -> Result<(), Problem> {
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        Err(Problem::Blank)
    } else {
        Ok(())
    }
}

/// The id of a one-article file: its stem.
pub fn article_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string_lossy().into_owned())
}

/// The path as shown to the user and exported.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Loads every file under `paths` on all cores; articles come out in discovery order,
/// problems in the order of the paths they name.
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    let (sources, mut errors) = discover(paths);
    let per_file: Vec<Loaded> = sources.par_iter().map(load_source).collect();
    let mut articles = Vec::with_capacity(per_file.len());
    for loaded in per_file {
        articles.extend(loaded.articles);
        errors.extend(loaded.errors);
    }
    // A file's summary (no line) after its lines.
    errors.sort_by_cached_key(|e| (e.path.clone(), e.line.unwrap_or(usize::MAX)));
    Loaded { articles, errors }
}
