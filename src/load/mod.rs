//! Turning files into articles: finding the files under the paths a user gives, reading
//! and decoding them, and handing each to the parser of its format. Knows nothing of
//! extraction or the terminal.

pub mod blocks;
pub mod boilerplate;
pub mod clean;
pub mod dateline;
pub mod decode;
pub mod html;
pub mod jsonl;
mod marks;
mod rules;
pub mod sentences;
pub mod structure;
pub mod text;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::model::Article;

/// The largest file kiosk reads; bigger files are reported and skipped.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

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
    #[error("not a text file (binary data)")]
    Binary,
    #[error("empty file")]
    Empty,
    #[error("no article text found")]
    NoText,
    #[error("too large: {size} bytes (the limit is {limit})")]
    TooLarge { size: u64, limit: u64 },
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

/// Every readable file under `paths`: files as given, folders recursively, sorted by path
/// within each folder, each real folder visited once (so symlink loops end). Paths that
/// do not exist and files of formats kiosk does not read (when named directly) are errors.
pub fn discover(paths: &[PathBuf]) -> (Vec<Source>, Vec<LoadError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        match fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                errors.push(LoadError::new(path, Problem::NotFound))
            }
            Err(e) => errors.push(LoadError::new(path, Problem::Io(e))),
            Ok(meta) if meta.is_dir() => {
                walk(path, &mut seen_dirs, &mut sources, &mut errors);
            }
            Ok(_) => match Format::from_path(path) {
                Some(format) => sources.push(Source {
                    path: path.clone(),
                    format,
                }),
                None => errors.push(LoadError::new(path, Problem::Unsupported)),
            },
        }
    }
    (sources, errors)
}

fn walk(
    dir: &Path,
    seen_dirs: &mut HashSet<PathBuf>,
    sources: &mut Vec<Source>,
    errors: &mut Vec<LoadError>,
) {
    let real = match fs::canonicalize(dir) {
        Ok(real) => real,
        Err(e) => return errors.push(LoadError::new(dir, Problem::Io(e))),
    };
    if !seen_dirs.insert(real) {
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return errors.push(LoadError::new(dir, Problem::Io(e))),
    };
    // The entry's type comes with the listing; only symlinks need a stat to follow.
    let mut children: Vec<(PathBuf, Option<fs::FileType>)> = entries
        .filter_map(|e| e.ok().map(|e| (e.path(), e.file_type().ok())))
        .collect();
    children.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (child, file_type) in children {
        let is_hidden = child
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if is_hidden {
            continue;
        }
        let is_dir = match file_type {
            Some(t) if !t.is_symlink() => Ok(t.is_dir()),
            _ => fs::metadata(&child).map(|meta| meta.is_dir()),
        };
        match is_dir {
            Ok(true) => walk(&child, seen_dirs, sources, errors),
            Ok(false) => {
                if let Some(format) = Format::from_path(&child) {
                    sources.push(Source {
                        path: child,
                        format,
                    });
                }
            }
            // A dangling symlink or a file that vanished: say so, go on.
            Err(e) => errors.push(LoadError::new(&child, Problem::Io(e))),
        }
    }
}

/// Reads and parses one file.
pub fn load_source(source: &Source) -> Loaded {
    match read_limited(&source.path) {
        Ok(bytes) => load_bytes(&source.path, source.format, &bytes).unwrap_or_else(|e| Loaded {
            articles: Vec::new(),
            errors: vec![e],
        }),
        Err(problem) => Loaded {
            articles: Vec::new(),
            errors: vec![LoadError::new(&source.path, problem)],
        },
    }
}

fn read_limited(path: &Path) -> Result<Vec<u8>, Problem> {
    use std::io::Read;
    // One open and one fstat: the size both checks the limit and sizes the buffer.
    let file = fs::File::open(path)?;
    let too_large = |size| Problem::TooLarge {
        size,
        limit: MAX_FILE_BYTES,
    };
    let size = file.metadata()?.len();
    if size > MAX_FILE_BYTES {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(size as usize + 1);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    match bytes.len() as u64 {
        grown if grown > MAX_FILE_BYTES => Err(too_large(grown)),
        _ => Ok(bytes),
    }
}

/// Parses the bytes of one file of the given format.
pub fn load_bytes(path: &Path, format: Format, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let fail = |problem| LoadError::new(path, problem);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(fail(Problem::Empty));
    }
    match format {
        Format::Text => {
            let text = decode::decode(bytes).map_err(fail)?;
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
            Ok(jsonl::parse(path, format, &text))
        }
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

/// Loads every file under `paths` on all cores; articles come out in discovery order.
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    let (sources, mut errors) = discover(paths);
    let per_file: Vec<Loaded> = sources.par_iter().map(load_source).collect();
    let mut articles = Vec::with_capacity(per_file.len());
    for loaded in per_file {
        articles.extend(loaded.articles);
        errors.extend(loaded.errors);
    }
    Loaded { articles, errors }
}
