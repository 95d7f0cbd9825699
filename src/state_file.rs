//! Read marks and bookmarks on disk: one small JSON file in the platform's state folder
//! (`$XDG_STATE_HOME/kiosk/`, else `~/.local/state/kiosk/`), keyed by a hash of each
//! article's content so that a moved or renamed file keeps its marks.
//!
//! Writes are atomic (a temporary file, then a rename) and merge with what is on disk,
//! so a crash or a second running copy never corrupts or drops marks. A file that
//! cannot be read as marks is moved aside and reported, never silently reset.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

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
    let mut sum = 0u64;
    let mut words = 0u64;
    for part in parts {
        for word in part.split(|c: char| !c.is_alphanumeric()) {
            if !word.is_empty() {
                sum = sum.wrapping_add(fnv1a(word.as_bytes()));
                words += 1;
            }
        }
    }
    sum ^ words.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
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
    /// Set when the file was unreadable and moved aside: says where to.
    pub notice: Option<String>,
}

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

    /// Reads the marks; a missing file is no marks, a corrupt one is moved aside.
    pub fn load(&self) -> io::Result<Opened> {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Opened::default()),
            Err(e) => return Err(e),
        };
        match serde_json::from_slice::<Marks>(&bytes) {
            Ok(marks) => Ok(Opened {
                marks,
                notice: None,
            }),
            Err(e) => {
                let aside = self.move_aside()?;
                Ok(Opened {
                    marks: Marks::default(),
                    notice: Some(format!(
                        "{} was not a marks file ({e}); moved it to {}",
                        self.path.display(),
                        aside.display()
                    )),
                })
            }
        }
    }

    /// Writes `changes` on top of what is on disk now (another copy may have written
    /// since we read), atomically; returns the merged marks and any notice.
    pub fn save(&self, changes: &[Change]) -> io::Result<Opened> {
        let mut opened = self.load()?;
        for &change in changes {
            opened.marks.apply(change);
        }
        if let Some(dir) = self.path.parent() {
            fs::create_dir_all(dir)?;
        }
        let json = serde_json::to_vec_pretty(&opened.marks).map_err(io::Error::other)?;
        let tmp = self.sibling(&format!("tmp-{}", std::process::id()));
        fs::write(&tmp, json)?;
        fs::rename(&tmp, &self.path).inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })?;
        Ok(opened)
    }

    fn move_aside(&self) -> io::Result<PathBuf> {
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let aside = self.sibling(&format!("corrupt-{stamp}"));
        fs::rename(&self.path, &aside)?;
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
