//! Finding and reading the files under the paths a user gives, whatever the folder
//! holds: folders are walked in name order, each real folder once; a symbolic link back
//! to a folder it is in, a broken link, a FIFO, socket or device with a kiosk file
//! name, an unreadable file or folder are reported and passed over, never followed,
//! opened or waited on. Reading stops at [`MAX_FILE_BYTES`].

use std::collections::HashSet;
use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::load::limits::MAX_FILE_BYTES;
use crate::load::{Format, LoadError, Problem, Source};

/// Every readable file under `paths`: files as given, folders recursively, sorted by
/// name within each folder, hidden entries (`.name`) left out. A path that does not
/// exist, a named file of a format kiosk does not read, and a named folder without any
/// file kiosk reads are errors; inside folders, only files with a kiosk extension are
/// looked at.
pub fn discover(paths: &[PathBuf]) -> (Vec<Source>, Vec<LoadError>) {
    let mut found = Found::default();
    for path in paths {
        let meta = match metadata(path) {
            Ok(meta) => meta,
            Err(problem) => {
                found.errors.push(LoadError::new(path, problem));
                continue;
            }
        };
        if meta.is_dir() {
            let before = (found.sources.len(), found.errors.len());
            found.walk(path);
            if (found.sources.len(), found.errors.len()) == before {
                found
                    .errors
                    .push(LoadError::new(path, Problem::EmptyFolder));
            }
        } else {
            match Format::from_path(path) {
                Some(format) => found.file(path, &meta, format),
                None => found
                    .errors
                    .push(LoadError::new(path, Problem::Unsupported)),
            }
        }
    }
    (found.sources, found.errors)
}

/// A folder being walked: its real path and its entries still to visit, each with its
/// type from the listing (`None` for a link, or when the listing did not say).
type Stack = Vec<(PathBuf, std::vec::IntoIter<Child>)>;
type Child = (PathBuf, Option<fs::FileType>);

/// What a walk has found so far, and the real folders it has been in.
#[derive(Default)]
struct Found {
    sources: Vec<Source>,
    errors: Vec<LoadError>,
    seen_dirs: HashSet<PathBuf>,
}

impl Found {
    /// A file to load, or an error when it is not a regular file.
    fn file(&mut self, path: &Path, meta: &Metadata, format: Format) {
        match not_regular(meta) {
            Some(kind) => self
                .errors
                .push(LoadError::new(path, Problem::NotRegular(kind))),
            None => self.sources.push(Source {
                path: path.to_path_buf(),
                format,
            }),
        }
    }

    /// Walks a folder depth-first in name order, with a stack rather than recursion.
    fn walk(&mut self, root: &Path) {
        let mut stack: Stack = Vec::new();
        match fs::canonicalize(root) {
            Ok(real) => self.enter(root, real, &mut stack),
            Err(e) => self.errors.push(LoadError::new(root, io_problem(e))),
        }
        while let Some((real, children)) = stack.last_mut() {
            let Some((child, kind)) = children.next() else {
                stack.pop();
                continue;
            };
            let real = real.clone();
            // The type from the listing where it is known; a link (or an unknown type)
            // takes a stat to see what it leads to.
            match kind {
                Some(kind) if kind.is_file() => {
                    if let Some(format) = Format::from_path(&child) {
                        self.sources.push(Source {
                            path: child,
                            format,
                        });
                    }
                    continue;
                }
                Some(kind) if kind.is_dir() => {}
                // Anything else without a kiosk name: nothing to look at.
                Some(_) if Format::from_path(&child).is_none() => continue,
                _ => match metadata(&child) {
                    Ok(meta) if meta.is_dir() => {}
                    Ok(meta) => {
                        if let Some(format) = Format::from_path(&child) {
                            self.file(&child, &meta, format);
                        }
                        continue;
                    }
                    Err(problem) => {
                        if Format::from_path(&child).is_some() || is_link(&child) {
                            self.errors.push(LoadError::new(&child, problem));
                        }
                        continue;
                    }
                },
            }
            // A folder: entered unless it leads back to one the walk is in.
            match fs::canonicalize(&child) {
                Ok(target) if real.starts_with(&target) => self
                    .errors
                    .push(LoadError::new(&child, Problem::SymlinkLoop(target))),
                Ok(target) => self.enter(&child, target, &mut stack),
                Err(e) => self.errors.push(LoadError::new(&child, io_problem(e))),
            }
        }
    }

    /// Lists a folder (whose real path is `real`) not entered before onto the walk's stack.
    fn enter(&mut self, dir: &Path, real: PathBuf, stack: &mut Stack) {
        if !self.seen_dirs.insert(real.clone()) {
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return self.errors.push(LoadError::new(dir, io_problem(e))),
        };
        // The entry's type comes with the listing: only links need a stat to follow.
        let mut children: Vec<Child> = entries
            .filter_map(|e| {
                let e = e.ok()?;
                let kind = e.file_type().ok().filter(|t| !t.is_symlink());
                Some((e.path(), kind))
            })
            .filter(|(p, _)| !is_hidden(p))
            .collect();
        // All are `dir` joined with a name (one component, no `/`): their bytes compare
        // as their names do, which is how the paths compare, without parsing components.
        children.sort_unstable_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
        stack.push((real, children.into_iter()));
    }
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// The metadata of what a path leads to, or why there is none (a broken link says
/// where it points).
fn metadata(path: &Path) -> Result<Metadata, Problem> {
    fs::metadata(path).map_err(|e| {
        if e.kind() == io::ErrorKind::NotFound {
            match fs::read_link(path) {
                Ok(target) => Problem::DanglingLink(target),
                Err(_) => Problem::NotFound,
            }
        } else {
            io_problem(e)
        }
    })
}

/// What a file that is neither a regular file nor a folder is: reading a FIFO would
/// wait for a writer forever, a device may never end.
fn not_regular(meta: &Metadata) -> Option<&'static str> {
    if meta.is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return Some("a FIFO");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some("a device");
        }
    }
    Some("not a file")
}

/// An I/O error as a problem; a permission error says so plainly.
pub fn io_problem(e: io::Error) -> Problem {
    match e.kind() {
        io::ErrorKind::PermissionDenied => Problem::PermissionDenied,
        io::ErrorKind::NotFound => Problem::NotFound,
        _ => Problem::Io(e),
    }
}

/// The bytes of a file that discovery found to be a regular file, of at most
/// [`MAX_FILE_BYTES`]; a file that grows past the limit while it is read is refused too.
/// One open and no stat: the file is opened without waiting, so that one swapped for a
/// FIFO since discovery ends at once instead of blocking, and read up to one byte past the
/// limit, so that a device that never ends stops there.
pub fn read_file(path: &Path) -> Result<Vec<u8>, Problem> {
    let file = open_nonblocking(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => metadata(path).err().unwrap_or(Problem::NotFound),
        _ => io_problem(e),
    })?;
    // Most articles are a few KB: one read fills this, the next finds the end.
    let mut bytes = Vec::with_capacity(FIRST_READ);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_problem)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Problem::TooLarge {
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// The buffer a file is first read into, grown for a longer file.
const FIRST_READ: usize = 16 * 1024;

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK changes nothing for a regular file; it only keeps a FIFO from waiting.
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}
