//! Helpers shared by the robustness tests: folders with good and bad files in a temp
//! dir, and `kiosk export` run on them as a user would run it (the built binary).
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A short article that loads, with its id (the file stem) and title.
pub const GOOD_TEXT: &str = "Kiew meldet neue Angriffe\n\n\
    Die Regierung in Kiew meldete am Montag neue Angriffe auf die Infrastruktur im Osten.\n\n\
    Moskau wies die Vorwürfe zurück und sprach von einer Provokation des Westens.\n";
pub const GOOD_TITLE: &str = "Kiew meldet neue Angriffe";

/// What one run of kiosk gave.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The ids of the exported articles (`--format jsonl`), in order.
    pub fn ids(&self) -> Vec<String> {
        self.articles()
            .iter()
            .map(|a| a["id"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// The exported articles.
    pub fn articles(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("export prints JSON lines"))
            .collect()
    }
}

/// Runs `kiosk export --format jsonl PATH...`, with a time limit so that a hang fails
/// the test instead of stalling it.
pub fn export(paths: &[&Path]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .args(["export", "--format", "jsonl"])
        .args(paths)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kiosk starts");
    // Both pipes are drained while kiosk runs, so that it never waits on a full pipe.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("kiosk runs") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("kiosk export {paths:?} did not end within 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code().unwrap_or(-1),
        stdout: stdout.join().expect("stdout is read"),
        stderr: stderr.join().expect("stderr is read"),
    }
}

/// A temp folder holding `good.txt` (the article above).
pub fn folder_with_good_file() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join("good.txt"), GOOD_TEXT).expect("good.txt is written");
    dir
}

/// The line kiosk prints for a skipped file.
pub fn skipped(path: &Path, problem: &str) -> String {
    format!("kiosk: skipped {}: {problem}\n", path.display())
}

/// The bad entry `bad` in a folder next to a good file: the folder loads with exit
/// code 0, the good article is exported and `bad` is named once with `problem`. Named
/// alone, `bad` fails the run (exit code 1) with the same message.
pub fn assert_skipped_beside_good(dir: &Path, bad: &Path, problem: &str) {
    let run = export(&[dir]);
    assert_eq!(run.stderr, skipped(bad, problem), "{run:?}");
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.ids(), ["good"], "{run:?}");
    let alone = export(&[bad]);
    assert_eq!(alone.code, 1, "{alone:?}");
    assert_eq!(
        alone.stderr,
        format!(
            "{}kiosk: no articles could be loaded\n",
            skipped(bad, problem)
        )
    );
    assert!(alone.stdout.is_empty(), "{alone:?}");
}

/// Writes `bytes` to `name` in `dir` and returns its path.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("the test file is written");
    path
}
