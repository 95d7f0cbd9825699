//! A progress bar on stderr for long loads (`kiosk export` of a large corpus): shown
//! only when stderr is a terminal that the output does not go to, only once loading
//! has taken a moment, redrawn a few times a second and erased at the end. Messages
//! (skipped files) print above it.

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

/// A load shorter than this shows no bar.
const SHOW_AFTER: Duration = Duration::from_millis(400);
/// The bar is redrawn at most this often.
const REDRAW_EVERY: Duration = Duration::from_millis(100);
/// Cells of the bar itself.
const BAR_CELLS: usize = 30;

/// The progress bar of one load.
#[derive(Debug)]
pub struct ProgressBar {
    enabled: bool,
    started: Instant,
    drawn_at: Option<Instant>,
    last: (usize, usize),
}

impl ProgressBar {
    /// A bar on stderr when stderr is a terminal and stdout is not (the output would
    /// scroll it away).
    pub fn for_stderr() -> ProgressBar {
        let enabled = io::stderr().is_terminal() && !io::stdout().is_terminal();
        ProgressBar {
            enabled,
            started: Instant::now(),
            drawn_at: None,
            last: (0, 0),
        }
    }

    /// Notes that `done` of `total` files are loaded; draws when it is time.
    pub fn update(&mut self, done: usize, total: usize) {
        self.last = (done, total);
        if !self.enabled || self.started.elapsed() < SHOW_AFTER {
            return;
        }
        if self.drawn_at.is_some_and(|at| at.elapsed() < REDRAW_EVERY) {
            return;
        }
        self.drawn_at = Some(Instant::now());
        let mut err = io::stderr().lock();
        let _ = write!(err, "\r\x1b[K{}", bar_line(done, total));
        let _ = err.flush();
    }

    /// Prints a line on stderr above the bar.
    pub fn message(&mut self, line: &str) {
        self.clear();
        eprintln!("{line}");
        if self.drawn_at.is_some() {
            self.drawn_at = None;
            let (done, total) = self.last;
            self.update(done, total);
        }
    }

    /// Erases the bar (the load is over).
    pub fn finish(&mut self) {
        self.clear();
        self.drawn_at = None;
    }

    fn clear(&self) {
        if self.drawn_at.is_some() {
            let mut err = io::stderr().lock();
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
        }
    }
}

/// `kiosk: [#########.....................] 3072/10000 files`
fn bar_line(done: usize, total: usize) -> String {
    let filled = (done.min(total) * BAR_CELLS)
        .checked_div(total)
        .unwrap_or(0);
    format!(
        "kiosk: [{}{}] {done}/{total} files",
        "#".repeat(filled),
        ".".repeat(BAR_CELLS - filled)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_with_the_files_done() {
        assert_eq!(
            bar_line(0, 10),
            "kiosk: [..............................] 0/10 files"
        );
        assert_eq!(
            bar_line(5, 10),
            "kiosk: [###############...............] 5/10 files"
        );
        assert_eq!(
            bar_line(10, 10),
            "kiosk: [##############################] 10/10 files"
        );
        assert_eq!(
            bar_line(3, 0),
            "kiosk: [..............................] 3/0 files"
        );
    }
}
