//! The real binary in a pseudo-terminal: keys in, the screen read back (vt100) by polling
//! with a timeout (no fixed waits, so a loaded machine only makes it slower), and the
//! terminal restored on the way out (alternate screen left, cursor shown, mouse off):
//! after `q`, after SIGTERM and after a panic, with messages printed after restoring.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const FJORD: &str = "Norwegen öffnet neue Gasfelder";
const MARKT: &str = "Strompreise in Frankreich";
const TIMEOUT: Duration = Duration::from_secs(20);

struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Receiver<Vec<u8>>,
    screen: vt100::Parser,
    /// `XDG_STATE_HOME` of the run.
    state: tempfile::TempDir,
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a size above zero")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reader")
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        Session::start_with(args, cols, rows, tempfile::tempdir().unwrap(), &[])
    }

    /// Starts kiosk with `state` as `XDG_STATE_HOME` and extra environment variables.
    fn start_with(
        args: &[&str],
        cols: u16,
        rows: u16,
        state: tempfile::TempDir,
        env: &[(&str, &str)],
    ) -> Session {
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system().openpty(size).expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_kiosk"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_STATE_HOME", state.path());
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("KIOSK_TEST_PANIC");
        for (name, value) in env {
            cmd.env(name, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("start kiosk");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (sender, output) = channel();
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || sender.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            master: pair.master,
            writer,
            child,
            output,
            screen: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            state,
        }
    }

    /// Resizes the pseudo-terminal (kiosk gets SIGWINCH) and the screen that reads it.
    fn resize(&mut self, cols: u16, rows: u16) {
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        // The emulator takes the new size first: whatever kiosk writes after the resize
        // is then read at the size it was written for.
        self.pump();
        self.screen
            .set_size(nonzero(rows.max(1)), nonzero(cols.max(1)));
        self.master.resize(size).unwrap();
    }

    fn pump(&mut self) {
        while let Ok(bytes) = self.output.try_recv() {
            self.screen.process(&bytes);
        }
    }

    fn contents(&mut self) -> String {
        self.pump();
        self.screen.screen().contents()
    }

    /// Waits until the screen satisfies `ready`; fails showing the screen.
    fn wait_for(&mut self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let contents = self.contents();
            if ready(&contents) {
                return contents;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{contents}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Sends keys and waits until the screen shows their effect.
    fn send_and_wait(&mut self, keys: &str) -> String {
        let before = self.contents();
        self.send(keys);
        self.wait_for(&format!("the effect of {keys:?}"), |now| now != before);
        self.settled()
    }

    /// Waits until a frame is written out whole: the screen reads the same twice, 60 ms
    /// apart (a read can land between the writes of one frame).
    fn settled(&mut self) -> String {
        let deadline = Instant::now() + TIMEOUT;
        let mut last = self.contents();
        loop {
            thread::sleep(Duration::from_millis(60));
            let now = self.contents();
            if now == last || Instant::now() > deadline {
                return now;
            }
            last = now;
        }
    }

    /// The bottom line: the status line.
    fn status(&mut self) -> String {
        let contents = self.contents();
        contents.lines().last().unwrap_or_default().to_string()
    }

    /// Waits for the process to end; returns whether it exited successfully.
    fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                thread::sleep(Duration::from_millis(100));
                self.pump();
                return status.success();
            }
            assert!(Instant::now() < deadline, "kiosk did not exit");
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn assert_restored(&mut self) {
        self.pump();
        let screen = self.screen.screen();
        assert!(!screen.alternate_screen(), "alternate screen left");
        assert!(!screen.hide_cursor(), "cursor shown again");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse released"
        );
    }
}

/// A test that fails midway must not leave kiosk running without its terminal.
impl Drop for Session {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

#[test]
fn keys_filter_quotes_and_a_clean_exit() {
    let dir = fixtures();
    let mut s = Session::start(&[dir.to_str().unwrap()], 120, 36);
    let screen = s.wait_for("both titles", |c| c.contains(FJORD) && c.contains(MARKT));
    assert!(
        s.screen.screen().alternate_screen(),
        "runs on the alternate screen"
    );
    assert!(
        screen.contains("leer.txt: no text"),
        "the load error is shown:\n{screen}"
    );

    // Country filter: Norway hides the French article and keeps the Norwegian one.
    s.send("c");
    s.wait_for("the country prompt", |c| c.contains("Country filter"));
    s.send("norw");
    s.wait_for("Norway offered", |c| c.contains("NO Norwegen · Norway"));
    s.send("\r\x1b");
    let screen = s.wait_for("the filter", |c| {
        !c.contains("Country filter") && !c.contains(MARKT)
    });
    assert!(
        screen.contains(FJORD),
        "the Norwegian article stays:\n{screen}"
    );
    assert!(s.status().contains(" NO ") && s.status().contains("1 of 2 articles"));
    s.send("x");
    s.wait_for("the cleared filter", |c| {
        c.contains(FJORD) && c.contains(MARKT)
    });

    // The next quote: the speaker's name in the status line and beside the quote.
    s.send("]");
    let screen = s.wait_for("the speaker", |c| c.contains("quote 1/"));
    assert!(
        s.status().contains("Ingrid Solberg (expert)"),
        "{}",
        s.status()
    );
    assert!(screen.contains("Ingrid Solberg,"), "{screen}");

    // Search narrows the list.
    s.send("/Paris\r");
    s.wait_for("the search", |c| c.contains("/Paris") && !c.contains(FJORD));
    s.send("x");

    // Resized to nothing and back: it keeps running and draws the whole screen again.
    for (cols, rows) in [(1, 1), (0, 0), (3, 2), (0, 0), (120, 36)] {
        s.resize(cols, rows);
        thread::sleep(Duration::from_millis(30));
    }
    s.wait_for("the screen after the resizes", |c| {
        let rows: Vec<&str> = c.lines().collect();
        rows.len() == 36 && rows[0].starts_with("┌ Articles 2") && rows[35].contains("2 articles")
    });
    assert!(s.child.try_wait().unwrap().is_none(), "still running");

    // A resize to a narrow terminal shows one pane and keeps running.
    s.resize(50, 15);
    s.wait_for("the narrow screen", |c| {
        let rows: Vec<&str> = c.lines().collect();
        rows.len() == 15 && rows[0].starts_with('┏') && rows[0].chars().count() == 50
    });
    s.send("h");
    s.wait_for("the narrow list", |c| {
        c.contains("Articles") && c.contains("Norwegen öffnet")
    });

    s.send("q");
    assert!(s.wait_exit(), "kiosk exits with success");
    s.assert_restored();
    let after = s.contents();
    assert!(
        after.contains("skipped") && after.contains("leer.txt"),
        "errors repeated on stderr:\n{after}"
    );
}

/// The seeds and an invented article that quotes the seed expert Wolfgang Richter again.
#[test]
fn the_same_speaker_jump_crosses_from_a_seed_into_another_article() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = root.join("seeds");
    let extra = root.join("tests/fixtures/richter/vietnam.txt");
    let args = [seeds.to_str().unwrap(), extra.to_str().unwrap()];
    let mut s = Session::start(&args, 120, 40);
    s.wait_for("all six articles", |c| c.contains("6 articles"));
    // Open the seed about the "Anti-Nato" by searching for it, then drop the search.
    s.send("/Anti-Nato\r");
    s.wait_for("the search", |c| c.contains("1 of 6 articles"));
    s.send("x");
    s.wait_for("seed 3 of 6 open", |c| {
        c.contains("Article 3 of 6") && c.contains("6 articles")
    });
    for _ in 0..12 {
        if s.status().contains("Wolfgang Richter (expert)") {
            break;
        }
        s.send_and_wait("]");
    }
    let status = s.status();
    assert!(status.contains("Wolfgang Richter (expert)"), "{status}");
    assert!(status.contains("in 2 articles"), "{status}");
    for _ in 0..30 {
        if s.contents().contains("Article 6 of 6") {
            break;
        }
        s.send_and_wait("}");
        assert!(s.status().contains("Wolfgang Richter"), "{}", s.status());
    }
    let screen = s.contents();
    assert!(screen.contains("Article 6 of 6"), "crossed:\n{screen}");
    assert!(screen.contains("Vietnam zwischen den Mächten"), "{screen}");
    assert!(screen.contains("sagt Wolfgang Richter"), "{screen}");
    s.send("\x7f"); // Backspace: back to where the jump started
    s.wait_for("back in the seed", |c| c.contains("Article 3 of 6"));
    s.send("q");
    assert!(s.wait_exit(), "kiosk exits with success");
    s.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_marks() {
    let mut s = Session::start(&[], 100, 30);
    s.wait_for("the seeds", |c| c.contains("5 articles"));
    s.send("jb");
    s.wait_for("the bookmark", |c| c.contains("bookmarked"));
    let pid = s.child.process_id().expect("a pid");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert!(s.wait_exit(), "a clean exit after SIGTERM");
    s.assert_restored();
    let file = kiosk::state_file::StateFile::in_dir(s.state.path().join("kiosk"));
    let marks = file.load().unwrap().marks;
    assert_eq!(marks.count(kiosk::state_file::Flag::Bookmark), 1);
}

#[test]
fn a_panic_restores_the_terminal_before_its_message_is_printed() {
    let state = tempfile::tempdir().unwrap();
    let mut s = Session::start_with(&[], 100, 30, state, &[("KIOSK_TEST_PANIC", "1")]);
    assert!(!s.wait_exit(), "a panic is a failure exit");
    s.assert_restored();
    let after = s.contents();
    assert!(
        after.contains("KIOSK_TEST_PANIC=1: a deliberate panic"),
        "the message is on the normal screen, after restoring:\n{after}"
    );
}

#[test]
fn a_corrupt_marks_file_is_reported_and_new_marks_are_kept() {
    let state = tempfile::tempdir().unwrap();
    let dir = state.path().join("kiosk");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("marks.json"), "{ half a file").unwrap();
    let mut s = Session::start_with(&[], 120, 30, state, &[]);
    s.wait_for("the notice in the status line", |c| {
        c.contains("5 articles") && c.contains("moved the marks file aside to marks.json.corrupt-")
    });
    s.send("m");
    s.wait_for("the mark", |c| c.contains("marked read"));
    s.send("q");
    assert!(s.wait_exit(), "kiosk exits with success");
    s.assert_restored();
    let after = s.contents();
    assert!(
        after.contains("kiosk: ") && after.contains("was not a marks file"),
        "the notice is repeated on stderr:\n{after}"
    );
    let marks = kiosk::state_file::StateFile::in_dir(&dir).load().unwrap();
    assert_eq!(marks.marks.count(kiosk::state_file::Flag::Read), 1);
    let aside = std::fs::read_dir(&dir).unwrap().flatten();
    let kept = aside
        .filter(|e| e.file_name().to_string_lossy().contains("corrupt"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect::<Vec<_>>();
    assert_eq!(kept, ["{ half a file"], "the old file is kept");
}

#[test]
fn two_copies_running_at_once_keep_each_others_marks() {
    let shared = tempfile::tempdir().unwrap();
    let home = shared.path().to_str().unwrap().to_string();
    let copy = || {
        let own = tempfile::tempdir().unwrap();
        Session::start_with(&[], 120, 30, own, &[("XDG_STATE_HOME", &home)])
    };
    let (mut first, mut second) = (copy(), copy());
    first.wait_for("the seeds", |c| c.contains("5 articles"));
    second.wait_for("the seeds", |c| c.contains("5 articles"));
    first.send("m");
    first.wait_for("the first mark", |c| c.contains("marked read"));
    second.send("jm");
    // The second copy's write merges the first copy's mark: both rows show it.
    second.wait_for("both marks in the second copy", |c| {
        c.contains("marked read") && c.matches("✓ ").count() >= 2
    });
    for s in [&mut first, &mut second] {
        s.send("q");
        assert!(s.wait_exit(), "a clean exit");
        s.assert_restored();
    }
    let file = kiosk::state_file::StateFile::in_dir(shared.path().join("kiosk"));
    let marks = file.load().unwrap().marks;
    assert_eq!(marks.count(kiosk::state_file::Flag::Read), 2);
}

/// Closing the terminal window (the pty master) ends the reader within a few seconds,
/// instead of leaving it spinning on the dead terminal (crossterm-rs/crossterm#793).
#[test]
fn a_closed_terminal_ends_the_reader() {
    let size = PtySize {
        rows: 30,
        cols: 100,
        pixel_width: 0,
        pixel_height: 0,
    };
    let pair = native_pty_system().openpty(size).expect("open a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_kiosk"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_STATE_HOME", tempfile::tempdir().unwrap().path());
    let mut child = pair.slave.spawn_command(cmd).expect("start kiosk");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut screen = vt100::Parser::new(nonzero(30), nonzero(100), 0);
    let deadline = Instant::now() + TIMEOUT;
    let mut buf = [0u8; 8192];
    while !screen.screen().contents().contains("5 articles") {
        assert!(Instant::now() < deadline, "the seeds never showed");
        let n = reader.read(&mut buf).unwrap();
        screen.process(&buf[..n]);
    }
    drop(reader);
    drop(pair.master);
    let closed = Instant::now();
    let exited = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if closed.elapsed() > kiosk::hangup::GRACE + Duration::from_secs(8) {
            let _ = child.kill();
            panic!(
                "kiosk still running {:?} after its terminal closed",
                closed.elapsed()
            );
        }
        thread::sleep(Duration::from_millis(50));
    };
    assert!(!exited.success(), "a hang-up is not a clean quit");
}
