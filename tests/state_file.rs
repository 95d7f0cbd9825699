//! The marks file under stress: writers interleaving in one process and in two, a
//! writer killed (SIGKILL) at random moments in the middle of writing a large file, an
//! unreadable file, and what a large file costs. The child processes are this test
//! binary run again with `KIOSK_TEST_WRITER` set (see `child_writer`).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use kiosk::state_file::{Change, FILE_NAME, Flag, Marks, StateFile};

/// Marks already in the file before the kill test starts: a large file (about 2.4 MB).
const LARGE: u64 = 100_000;

fn read(hash: u64) -> Change {
    Change {
        hash,
        flag: Flag::Read,
        set: true,
    }
}

fn read_marks(marks: &Marks, upto: u64) -> BTreeSet<u64> {
    (0..upto).filter(|&h| marks.has(h, Flag::Read)).collect()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Runs this test binary again as a writer: it saves one read mark at a time, hashes
/// `from..from + count`, into the marks file in `dir`.
fn spawn_writer(dir: &Path, from: u64, count: u64) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_writer", "--ignored", "--nocapture", "-q"])
        .env("KIOSK_TEST_WRITER", dir)
        .env("KIOSK_TEST_WRITER_FROM", from.to_string())
        .env("KIOSK_TEST_WRITER_COUNT", count.to_string())
        .stdout(Stdio::null())
        .spawn()
        .expect("run the test binary again as a writer")
}

/// Not a test of its own: the writer process that the tests below start and kill.
#[test]
#[ignore = "a child process of the tests in this file; runs only when they start it"]
fn child_writer() {
    let Some(dir) = std::env::var_os("KIOSK_TEST_WRITER") else {
        return;
    };
    let number = |name: &str| -> u64 {
        let value = std::env::var(name).unwrap_or_default();
        value.parse().unwrap_or(0)
    };
    let (from, count) = (
        number("KIOSK_TEST_WRITER_FROM"),
        number("KIOSK_TEST_WRITER_COUNT"),
    );
    let file = StateFile::in_dir(dir);
    for hash in from..from + count {
        file.save(&[read(hash)]).expect("save a mark");
    }
}

#[test]
fn writers_in_one_process_never_lose_each_others_marks() {
    let dir = tempfile::tempdir().unwrap();
    let per_writer = 60;
    let writers: Vec<_> = (0..3u64)
        .map(|w| {
            let file = StateFile::in_dir(dir.path());
            thread::spawn(move || {
                for i in 0..per_writer {
                    file.save(&[read(w * 1000 + i)]).unwrap();
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    let marks = StateFile::in_dir(dir.path()).load().unwrap().marks;
    assert_eq!(marks.count(Flag::Read), 3 * per_writer as usize);
    for w in 0..3 {
        assert!((0..per_writer).all(|i| marks.has(w * 1000 + i, Flag::Read)));
    }
    assert_eq!(names_in(dir.path()), [FILE_NAME, "marks.json.lock"]);
}

#[test]
fn two_processes_writing_at_once_keep_every_mark() {
    let dir = tempfile::tempdir().unwrap();
    let count = 80;
    let mut children = [
        spawn_writer(dir.path(), 0, count),
        spawn_writer(dir.path(), 10_000, count),
    ];
    for child in &mut children {
        assert!(child.wait().unwrap().success(), "a writer failed");
    }
    let marks = StateFile::in_dir(dir.path()).load().unwrap().marks;
    assert_eq!(marks.count(Flag::Read), 2 * count as usize);
    assert!((0..count).all(|h| marks.has(h, Flag::Read) && marks.has(10_000 + h, Flag::Read)));
}

/// A small random number generator (xorshift), seeded from the clock.
struct Jitter(u64);

impl Jitter {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn a_writer_killed_mid_write_leaves_the_old_file_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let file = StateFile::in_dir(dir.path());
    let base: Vec<Change> = (0..LARGE).map(read).collect();
    file.save(&base).unwrap();
    let size = std::fs::metadata(file.path()).unwrap().len();
    assert!(size > 2_000_000, "a large file: {size} bytes");
    let seed = Instant::now().elapsed().as_nanos() as u64 ^ u64::from(std::process::id());
    let mut jitter = Jitter(seed | 1);
    let (rounds, mut torn_writes, mut last) = (24, 0, LARGE);
    for round in 0..rounds {
        let mut child = spawn_writer(dir.path(), last, u64::MAX / 2);
        let own_temporary = format!(".tmp-{}-", child.id());
        if round % 2 == 0 {
            // Any moment: starting, reading, merging, writing or renaming.
            thread::sleep(Duration::from_micros(jitter.below(250_000)));
        } else {
            // While its temporary file is being written.
            let started = Instant::now();
            while !names_in(dir.path())
                .iter()
                .any(|n| n.contains(&own_temporary))
            {
                assert!(
                    started.elapsed() < Duration::from_secs(20),
                    "no write began"
                );
                thread::sleep(Duration::from_micros(200));
            }
            thread::sleep(Duration::from_micros(jitter.below(3_000)));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let names = names_in(dir.path());
        torn_writes += usize::from(names.iter().any(|n| n.contains(&own_temporary)));
        let opened = file.load().unwrap();
        assert!(
            opened.notice.is_none(),
            "round {round}: {:?}",
            opened.notice
        );
        let marks = opened.marks;
        let count = marks.count(Flag::Read) as u64;
        assert!(count >= last, "round {round}: marks were lost");
        assert!(
            marks.has(count - 1, Flag::Read) && marks.has(0, Flag::Read),
            "round {round}: a whole version, 0..{count}"
        );
        last = count;
    }
    eprintln!("{torn_writes} of {rounds} kills left a half-written temporary file");
    assert!(
        torn_writes > 0,
        "some kills must land in the middle of a write"
    );
    file.save(&[read(last)]).unwrap();
    assert_eq!(
        names_in(dir.path()),
        [FILE_NAME, "marks.json.lock"],
        "the next save clears what killed writers left"
    );
    let marks = file.load().unwrap().marks;
    assert_eq!(read_marks(&marks, last + 1).len() as u64, last + 1);
}

#[test]
fn an_unreadable_file_is_moved_aside_not_reset() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where the file should be: reading it fails whatever the permissions.
    std::fs::create_dir(dir.path().join(FILE_NAME)).unwrap();
    std::fs::write(dir.path().join(FILE_NAME).join("inside"), b"kept").unwrap();
    let file = StateFile::in_dir(dir.path());
    let opened = file.save(&[read(7)]).unwrap();
    let notice = opened.notice.expect("a message");
    assert!(
        notice.contains("could not be read") && notice.contains("moved the marks file aside"),
        "{notice}"
    );
    let aside: Vec<String> = names_in(dir.path())
        .into_iter()
        .filter(|n| n.starts_with("marks.json.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert!(dir.path().join(&aside[0]).join("inside").exists());
    assert!(file.load().unwrap().marks.has(7, Flag::Read));
}

#[test]
fn two_corrupt_files_in_one_second_both_survive() {
    let dir = tempfile::tempdir().unwrap();
    let file = StateFile::in_dir(dir.path());
    for junk in [&b"first"[..], b"second"] {
        std::fs::write(file.path(), junk).unwrap();
        assert!(file.load().unwrap().notice.is_some());
    }
    let mut kept: Vec<Vec<u8>> = names_in(dir.path())
        .iter()
        .filter(|n| n.contains("corrupt"))
        .map(|n| std::fs::read(dir.path().join(n)).unwrap())
        .collect();
    kept.sort();
    assert_eq!(kept, [b"first".to_vec(), b"second".to_vec()]);
}

#[test]
fn a_large_file_loads_and_saves_in_reasonable_time() {
    let dir = tempfile::tempdir().unwrap();
    let file = StateFile::in_dir(dir.path());
    let marks: Vec<Change> = (0..LARGE)
        .map(|h| read(h.wrapping_mul(0x9E37_79B9)))
        .collect();
    file.save(&marks).unwrap();
    let started = Instant::now();
    let opened = file.load().unwrap();
    let load = started.elapsed();
    let started = Instant::now();
    file.save(&[read(1)]).unwrap();
    let save = started.elapsed();
    let size = std::fs::metadata(file.path()).unwrap().len();
    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "optimised"
    };
    eprintln!(
        "{} marks: {size} bytes, load {load:?}, save {save:?} ({build} build)",
        opened.marks.count(Flag::Read)
    );
    assert_eq!(opened.marks.count(Flag::Read), LARGE as usize);
    assert!(load < Duration::from_secs(5) && save < Duration::from_secs(5));
}
