//! Ending the reader when it is told to (SIGTERM, SIGHUP) or when its terminal goes
//! away, even if the event loop cannot notice.
//!
//! crossterm's event source spins on a hung-up terminal instead of returning an error
//! (crossterm-rs/crossterm#793): `event::poll` then never returns, timeout or not. A
//! reader whose terminal window was closed would burn a core forever and ignore SIGTERM.
//! So two small threads watch from outside the loop: one waits for the signals, one
//! polls the terminal for a hang-up without reading from it (so no key press is taken).
//! Either one raises the `stop` flag, which the event loop checks between events; if the
//! loop has not finished within [`GRACE`], the watcher restores the terminal and ends
//! the process itself. Read marks are saved as they change, so none is lost.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;

/// How long the event loop gets to leave on its own after a stop was asked for.
pub const GRACE: Duration = Duration::from_secs(2);

/// How often the terminal is checked for a hang-up.
const TTY_CHECK: Duration = Duration::from_millis(500);

/// The exit status when the watcher has to end the process: 128 + SIGHUP, as a shell
/// reports a process that a hang-up ended.
const HANGUP_STATUS: i32 = 129;

/// Flags shared between the event loop and the watchers.
#[derive(Debug, Clone, Default)]
pub struct Watch {
    /// Raised by a signal or a hang-up: the loop should end.
    pub stop: Arc<AtomicBool>,
    /// Raised by the loop when it has ended and restored the terminal.
    pub finished: Arc<AtomicBool>,
}

impl Watch {
    /// Starts the signal and terminal watchers. `restore` puts the terminal back.
    pub fn start(restore: fn()) -> std::io::Result<Watch> {
        let watch = Watch::default();
        let mut signals = Signals::new([SIGTERM, SIGHUP])?;
        let for_signals = watch.clone();
        thread::Builder::new()
            .name("kiosk-signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    for_signals.stop_or_exit(restore, 128 + signal);
                }
            })?;
        if stdin_is_terminal() {
            let for_tty = watch.clone();
            thread::Builder::new()
                .name("kiosk-tty-watch".into())
                .spawn(move || {
                    while !for_tty.finished.load(Ordering::Relaxed) {
                        if terminal_hung_up(TTY_CHECK) {
                            for_tty.stop_or_exit(restore, HANGUP_STATUS);
                            return;
                        }
                    }
                })?;
        }
        Ok(watch)
    }

    /// Whether the loop should end.
    pub fn should_stop(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// Asks the loop to stop; ends the process if it has not finished after [`GRACE`].
    fn stop_or_exit(&self, restore: fn(), status: i32) {
        self.stop.store(true, Ordering::Relaxed);
        let deadline = Instant::now() + GRACE;
        while Instant::now() < deadline {
            if self.finished.load(Ordering::Relaxed) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        restore();
        std::process::exit(status);
    }
}

fn stdin_is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal()
}

/// Waits up to `timeout` for the terminal on stdin to report a hang-up or an error.
/// Asks for no events, so pending input stays where it is; `poll` always reports
/// `POLLHUP`, `POLLERR` and `POLLNVAL`.
fn terminal_hung_up(timeout: Duration) -> bool {
    let mut fds = [libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: 0,
        revents: 0,
    }];
    let millis = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
    // SAFETY: `fds` is a valid array of one pollfd for the duration of the call.
    let ready = unsafe { libc::poll(fds.as_mut_ptr(), 1, millis) };
    if ready < 0 {
        // Interrupted by a signal: not a hang-up. Sleep so an error cannot spin.
        thread::sleep(Duration::from_millis(50));
        return false;
    }
    ready > 0 && fds[0].revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}
