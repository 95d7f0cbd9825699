//! Read marks and bookmarks on disk: one small JSON file in the platform's state folder
//! (`$XDG_STATE_HOME/kiosk/`, else `~/.local/state/kiosk/`), keyed by a hash of each
//! article's content so that a moved or renamed file keeps its marks.
//!
//! Writes hold a lock (`marks.json.lock`), merge with what is on disk and are atomic (a
//! temporary file flushed to disk, then a rename), so a crash, a kill or a second running
//! copy never corrupts or drops marks. A file that cannot be read as marks is moved aside
//! and reported, never silently reset.

use std::collections::BTreeSet;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use crate::model::Article;

/// The name of the marks file inside the state folder.
pub const FILE_NAME: &str = "marks.json";

/// Which articles are read and which bookmarked, by content hash.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marks {
    #[serde(default, with = "hex_set")]
    read: BTreeSet<u64>,
    #[serde(default, with = "hex_set")]
    bookmarks: BTreeSet<u64>,
}

/// The two marks an article can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    Read,
    Bookmark,
}

/// One user change, kept until it is written: set or clear a flag on an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub hash: u64,
    pub flag: Flag,
    pub set: bool,
}

impl Marks {
    pub fn has(&self, hash: u64, flag: Flag) -> bool {
        self.set(flag).contains(&hash)
    }

    /// Applies a change; returns whether anything changed.
    pub fn apply(&mut self, change: Change) -> bool {
        let set = match change.flag {
            Flag::Read => &mut self.read,
            Flag::Bookmark => &mut self.bookmarks,
        };
        if change.set {
            set.insert(change.hash)
        } else {
            set.remove(&change.hash)
        }
    }

    /// How many articles carry the flag.
    pub fn count(&self, flag: Flag) -> usize {
        self.set(flag).len()
    }

    fn set(&self, flag: Flag) -> &BTreeSet<u64> {
        match flag {
            Flag::Read => &self.read,
            Flag::Bookmark => &self.bookmarks,
        }
    }
}

/// A stable hash of an article's text that does not depend on its path, on the order
/// its parts come in, or on how the loader splits them into lead, paragraphs and
/// captions: the wrapping sum of a 64-bit FNV-1a hash of every word.
pub fn content_hash(article: &Article) -> u64 {
    let parts = [article.title.as_str()]
        .into_iter()
        .chain(article.kicker.as_deref())
        .chain(article.dateline.as_deref())
        .chain(article.lead.as_deref())
        .chain(article.sections.iter().flat_map(|s| {
            s.heading
                .as_deref()
                .into_iter()
                .chain(s.paragraphs.iter().map(String::as_str))
        }))
        .chain(article.captions.iter().map(String::as_str))
        .chain(article.sources.iter().map(String::as_str));
    let (mut sum, mut words) = (0u64, 0u64);
    for part in parts {
        add_word_hashes(part, &mut sum, &mut words);
    }
    sum ^ words.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Adds the FNV-1a hash of every word of `text` (a run of letters and digits) to `sum`
/// and counts the words, in one pass that decodes only non-ASCII chars.
fn add_word_hashes(text: &str, sum: &mut u64, words: &mut u64) {
    let bytes = text.as_bytes();
    let (mut hash, mut in_word) = (FNV_OFFSET, false);
    let mut i = 0;
    while i < bytes.len() {
        let (len, letter) = match bytes[i] {
            b if b.is_ascii() => (1, b.is_ascii_alphanumeric()),
            _ => match text[i..].chars().next() {
                Some(c) => (c.len_utf8(), c.is_alphanumeric()),
                None => break,
            },
        };
        if letter {
            for &b in &bytes[i..i + len] {
                hash = (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME);
            }
            in_word = true;
        } else if in_word {
            (*sum, *words) = (sum.wrapping_add(hash), *words + 1);
            (hash, in_word) = (FNV_OFFSET, false);
        }
        i += len;
    }
    if in_word {
        (*sum, *words) = (sum.wrapping_add(hash), *words + 1);
    }
}

/// The state folder: `$XDG_STATE_HOME/kiosk`, else `$HOME/.local/state/kiosk`.
pub fn default_dir() -> Option<PathBuf> {
    let absolute = |v: std::ffi::OsString| Some(PathBuf::from(v)).filter(|p| p.is_absolute());
    if let Some(state) = std::env::var_os("XDG_STATE_HOME").and_then(absolute) {
        return Some(state.join("kiosk"));
    }
    std::env::var_os("HOME")
        .and_then(absolute)
        .map(|home| home.join(".local/state/kiosk"))
}

/// The marks file in one folder.
#[derive(Debug, Clone)]
pub struct StateFile {
    path: PathBuf,
}

/// What loading the marks found.
#[derive(Debug, Default)]
pub struct Opened {
    pub marks: Marks,
    /// Set when the file was unreadable and moved aside: says what was wrong and where
    /// the old file went.
    pub notice: Option<String>,
}

/// Numbers the temporary files of one process, so that two writers in one process
/// never share one.
static TEMPORARIES: AtomicU64 = AtomicU64::new(0);

impl StateFile {
    /// The marks file in `dir` (created on the first write).
    pub fn in_dir(dir: impl Into<PathBuf>) -> StateFile {
        StateFile {
            path: dir.into().join(FILE_NAME),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the marks; a missing file is no marks, a corrupt or unreadable one is moved
    /// aside (under the lock, so that no other copy's fresh file is taken for it).
    pub fn load(&self) -> io::Result<Opened> {
        match fs::symlink_metadata(&self.path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Opened::default()),
            _ => {}
        }
        match self.lock() {
            Ok(_lock) => self.read_locked(),
            // A folder we may not write to: the marks can still be shown.
            Err(lock_error) => {
                let bytes = fs::read(&self.path)?;
                let marks = serde_json::from_slice(&bytes).map_err(|_| lock_error)?;
                Ok(Opened {
                    marks,
                    notice: None,
                })
            }
        }
    }

    /// Writes `changes` on top of what is on disk now (another copy may have written
    /// since we read): under an exclusive lock, read, merge, write a temporary file,
    /// flush it to disk and rename it over the old one. Returns the merged marks and
    /// any notice.
    pub fn save(&self, changes: &[Change]) -> io::Result<Opened> {
        if let Some(dir) = self.path.parent() {
            fs::create_dir_all(dir)?;
        }
        let _lock = self.lock()?;
        self.remove_stale_temporaries();
        let mut opened = self.read_locked()?;
        for &change in changes {
            opened.marks.apply(change);
        }
        self.replace(&opened.marks)?;
        Ok(opened)
    }

    /// Waits for the lock beside the file; it is released when the returned file closes.
    /// Every copy of kiosk takes it to read, merge and write, so writes never interleave.
    fn lock(&self) -> io::Result<File> {
        let path = self.sibling("lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| with_path(e, &path, "cannot open the lock file"))?;
        // `File::lock` is std since Rust 1.89, kiosk's rust-version.
        file.lock()
            .map_err(|e| with_path(e, &path, "cannot lock"))?;
        Ok(file)
    }

    /// Reads the file while holding the lock.
    fn read_locked(&self) -> io::Result<Opened> {
        let problem = match fs::read(&self.path) {
            Ok(bytes) => match serde_json::from_slice::<Marks>(&bytes) {
                Ok(marks) => {
                    return Ok(Opened {
                        marks,
                        notice: None,
                    });
                }
                Err(e) => format!("was not a marks file ({e})"),
            },
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Opened::default()),
            Err(e) => format!("could not be read ({e})"),
        };
        let aside = self.move_aside()?;
        let name = |p: &Path| {
            p.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        };
        let dir = self.path.parent().unwrap_or(Path::new("")).display();
        Ok(Opened {
            marks: Marks::default(),
            // What happened first: the status line may only show the start.
            notice: Some(format!(
                "moved the marks file aside to {}: it {problem} (in {dir}; a new one is started)",
                name(&aside),
            )),
        })
    }

    /// Writes `marks` to a new temporary file, flushes it to disk and renames it over
    /// the file: a reader (or a crash) sees the old file or the new one, never a part.
    fn replace(&self, marks: &Marks) -> io::Result<()> {
        let json = serde_json::to_vec_pretty(marks).map_err(io::Error::other)?;
        let n = TEMPORARIES.fetch_add(1, Ordering::Relaxed);
        let tmp = self.sibling(&format!("{TMP}{}-{n}", std::process::id()));
        let written = (|| {
            let mut file = File::create(&tmp)?;
            file.write_all(&json)?;
            file.sync_all()?;
            fs::rename(&tmp, &self.path)
        })();
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            return Err(with_path(e, &tmp, "cannot write"));
        }
        // The rename itself reaches the disk with the folder (best effort).
        if let Some(dir) = self.path.parent().and_then(|d| File::open(d).ok()) {
            let _ = dir.sync_all();
        }
        Ok(())
    }

    /// Removes temporary files left by a writer that was killed: with the lock held, no
    /// other writer has one open.
    fn remove_stale_temporaries(&self) {
        let (Some(dir), Some(name)) = (self.path.parent(), self.path.file_name()) else {
            return;
        };
        let mut prefix = name.to_os_string();
        prefix.push(format!(".{TMP}"));
        let prefix = prefix.to_string_lossy().into_owned();
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// Renames the file to `marks.json.corrupt-<time>` (numbered when that exists).
    fn move_aside(&self) -> io::Result<PathBuf> {
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let mut aside = self.sibling(&format!("corrupt-{stamp}"));
        let mut n = 1;
        while fs::symlink_metadata(&aside).is_ok() {
            n += 1;
            aside = self.sibling(&format!("corrupt-{stamp}-{n}"));
        }
        fs::rename(&self.path, &aside)
            .map_err(|e| with_path(e, &self.path, "cannot move the unreadable file aside"))?;
        Ok(aside)
    }

    /// `marks.json.<suffix>` beside the file.
    fn sibling(&self, suffix: &str) -> PathBuf {
        let mut name = self.path.as_os_str().to_owned();
        name.push(".");
        name.push(suffix);
        PathBuf::from(name)
    }
}

/// The marks file as the reader uses it: changes that could not be written are kept and
/// tried again with the next ones, and every problem is remembered, to be printed on
/// stderr once the terminal is restored.
#[derive(Debug)]
pub struct MarksWriter {
    file: StateFile,
    pending: Vec<Change>,
    notices: Vec<String>,
}

impl MarksWriter {
    /// The writer for the marks file in `dir`.
    pub fn in_dir(dir: impl Into<PathBuf>) -> MarksWriter {
        MarksWriter {
            file: StateFile::in_dir(dir),
            pending: Vec::new(),
            notices: Vec::new(),
        }
    }

    /// Reads the marks: the marks when they could be read, and a message to show.
    pub fn open(&mut self) -> (Option<Marks>, Option<String>) {
        match self.file.load() {
            Ok(opened) => {
                let message = opened.notice.inspect(|n| self.notices.push(n.clone()));
                (Some(opened.marks), message)
            }
            Err(e) => (
                None,
                Some(self.notice(format!("cannot read the marks: {e}"))),
            ),
        }
    }

    /// Writes `changes` and any that failed before: the merged marks when written, and
    /// a message to show.
    pub fn write(&mut self, changes: Vec<Change>) -> (Option<Marks>, Option<String>) {
        self.pending.extend(changes);
        if self.pending.is_empty() {
            return (None, None);
        }
        match self.file.save(&self.pending) {
            Ok(opened) => {
                self.pending.clear();
                let message = opened.notice.inspect(|n| self.notices.push(n.clone()));
                (Some(opened.marks), message)
            }
            Err(e) => (None, Some(self.notice(format!("marks not saved yet: {e}")))),
        }
    }

    /// A last attempt at writing `changes` and what is pending; every notice, for stderr.
    pub fn finish(mut self, changes: Vec<Change>) -> Vec<String> {
        self.write(changes);
        if !self.pending.is_empty() {
            let lost = self.pending.len();
            self.notices
                .push(format!("{lost} mark changes could not be saved"));
        }
        self.notices
    }

    fn notice(&mut self, message: String) -> String {
        if self.notices.last() != Some(&message) {
            self.notices.push(message.clone());
        }
        message
    }
}

/// The start of a temporary file's suffix: `marks.json.tmp-<pid>-<n>`.
const TMP: &str = "tmp-";

/// An I/O error that names the file and what was being done.
fn with_path(error: io::Error, path: &Path, doing: &str) -> io::Error {
    io::Error::new(error.kind(), format!("{doing} {}: {error}", path.display()))
}

/// Hashes as 16 hex digits in the file, so that it reads well and survives any JSON
/// parser's number precision.
mod hex_set {
    use std::collections::BTreeSet;

    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(set: &BTreeSet<u64>, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(set.iter().map(|h| format!("{h:016x}")))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeSet<u64>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|h| {
                u64::from_str_radix(h, 16).map_err(|_| D::Error::custom(format!("bad hash {h:?}")))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash as first written (marks on disk are keyed by it): words split off by
    /// `str::split`, each hashed on its own.
    fn reference(text: &str) -> (u64, u64) {
        let fnv1a = |bytes: &[u8]| {
            bytes.iter().fold(FNV_OFFSET, |hash, &b| {
                (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME)
            })
        };
        let words = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        words.fold((0, 0), |(sum, n), w| {
            (sum.wrapping_add(fnv1a(w.as_bytes())), n + 1)
        })
    }

    #[test]
    fn word_hashes_are_those_of_the_first_version() {
        for text in [
            "",
            "Putin",
            "  Über 300.000 Reservisten, sagte Xi Jinping (习近平) – „Nein“!  ",
            "a-b c—d e…f 12ab Ⅻ x\u{301}y ß",
            "ende ",
        ] {
            let (mut sum, mut words) = (0, 0);
            add_word_hashes(text, &mut sum, &mut words);
            assert_eq!((sum, words), reference(text), "{text:?}");
        }
    }
}
