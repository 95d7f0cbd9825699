//! The terminal side of the reader: setting the terminal up and always restoring it (on
//! quit, on error, on a panic and on SIGTERM), the event loop, and loading the corpus in
//! a background thread so the first screen shows at once and fills in batch by batch.

use std::io::{self, stdout};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::Context;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;
use ratatui::{DefaultTerminal, Terminal};

use crate::app::{Action, AppState, LoadUpdate};
use crate::model::Article;
use crate::pipeline::{self, Batch, Plan};
use crate::state_file::{self, Marks, MarksWriter};
use crate::{hangup, keys, ui};

/// How the reader is started.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Files and folders; empty for the embedded seeds.
    pub paths: Vec<PathBuf>,
    /// Where read marks and bookmarks live; `None` keeps them in memory only.
    pub state_dir: Option<PathBuf>,
    pub no_color: bool,
    /// Quit as soon as everything is loaded and drawn (to measure load time and memory).
    pub exit_after_load: bool,
}

/// What a finished session reports back.
#[derive(Debug, Default)]
pub struct Outcome {
    pub articles: usize,
    /// Each file that could not be loaded, once.
    pub load_errors: Vec<String>,
    /// With `exit_after_load`: how long the first screen and the full load took.
    pub timings: Option<String>,
    /// What the status line said about the marks file (moved aside, not saved), to be
    /// printed once the terminal is restored.
    pub notices: Vec<String>,
}

/// Runs the reader until the user quits.
pub fn run(options: Options) -> anyhow::Result<Outcome> {
    let watch = hangup::Watch::start(restore).context("watching for signals")?;
    let guard = TerminalGuard {
        previous_hook: Some(install_panic_hook()),
    };
    let result = match setup() {
        Ok(mut terminal) => event_loop(&mut terminal, options, &watch),
        Err(e) => Err(anyhow::Error::new(e).context("setting up the terminal")),
    };
    drop(guard);
    watch.finished.store(true, Ordering::Relaxed);
    result
}

fn setup() -> io::Result<DefaultTerminal> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    Terminal::new(CrosstermBackend::new(stdout()))
}

/// Puts the terminal back as it was: cooked mode, main screen, no mouse capture, cursor.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen, Show);
}

type PanicHook = dyn Fn(&std::panic::PanicHookInfo<'_>) + Send + Sync;

/// The message of the last panic on another thread, printed if it takes the reader down.
static BACKGROUND_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Restores the terminal and the panic hook when the reader ends, also when a panic
/// unwinds through it (say from a worker thread of a parallel search).
struct TerminalGuard {
    previous_hook: Option<Arc<PanicHook>>,
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
        if thread::panicking()
            && let Some(message) = BACKGROUND_PANIC.lock().ok().and_then(|mut m| m.take())
        {
            eprintln!("{message}");
        }
        // (The hook cannot be changed while panicking; the process ends then anyway.)
        if let Some(previous) = self.previous_hook.take().filter(|_| !thread::panicking()) {
            std::panic::set_hook(Box::new(move |info| previous(info)));
        }
    }
}

/// A panic on the main thread restores the terminal before the message is printed, so
/// it can be read. A panic on another thread is kept quiet (printing would scribble
/// over the screen): a loader thread catches it and shows it as a load error, and if it
/// reaches the main thread the guard prints it after restoring. Returns the previous hook.
fn install_panic_hook() -> Arc<PanicHook> {
    let previous: Arc<PanicHook> = Arc::from(std::panic::take_hook());
    let chained = Arc::clone(&previous);
    std::panic::set_hook(Box::new(move |info| {
        if thread::current().name() == Some("main") {
            restore();
            chained(info);
        } else if let Ok(mut last) = BACKGROUND_PANIC.lock() {
            *last = Some(info.to_string());
        }
    }));
    previous
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    options: Options,
    watch: &hangup::Watch,
) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let size = terminal.size()?;
    let mut state = AppState::new(size.width, size.height);
    state.set_no_color(options.no_color);
    let mut marks = options.state_dir.as_ref().map(MarksWriter::in_dir);
    if let Some(writer) = &mut marks {
        show_written(&mut state, writer.open());
    }
    let panic_for_test = std::env::var_os("KIOSK_TEST_PANIC").is_some_and(|v| v == "1");
    let receiver = spawn_loader(options.paths).context("starting the loader thread")?;
    let (mut first_screen, mut first_articles) = (None, None);
    let mut dirty = true;
    loop {
        if dirty {
            terminal.draw(|frame| ui::draw(frame, &state))?;
            let now = started.elapsed();
            first_screen.get_or_insert(now);
            if !state.corpus().is_empty() {
                first_articles.get_or_insert(now);
            }
            dirty = false;
            if panic_for_test {
                // A hidden switch for the terminal test: is it restored on a panic?
                panic!("KIOSK_TEST_PANIC=1: a deliberate panic after the first frame");
            }
        }
        if state.should_quit() || watch.should_stop() {
            break;
        }
        if options.exit_after_load && state.progress().finished {
            break;
        }
        let loading = !state.progress().finished;
        let wait = Duration::from_millis(if loading { 20 } else { 250 });
        match handle_input(&mut state, wait)? {
            Input::None => {}
            Input::Changed => dirty = true,
            Input::Resized => {
                // A terminal resized down and back up may have dropped what it showed
                // without telling us; repaint every cell, not only the changed ones.
                // (`Terminal::clear` would ask the terminal for its cursor; `resize` does not.)
                let size = terminal.size()?;
                terminal.resize(Rect::new(0, 0, size.width, size.height))?;
                dirty = true;
            }
        }
        dirty |= receive_batches(&mut state, &receiver);
        if let Some(writer) = &mut marks {
            save_marks(&mut state, writer);
        }
    }
    let notices = match marks {
        Some(writer) => writer.finish(state.take_mark_changes()),
        None => Vec::new(),
    };
    let timings = options.exit_after_load.then(|| {
        format!(
            "kiosk: first screen after {} ms, first articles after {} ms; \
             {} articles loaded and shown after {} ms",
            first_screen.unwrap_or_default().as_millis(),
            first_articles.unwrap_or_default().as_millis(),
            state.corpus().len(),
            started.elapsed().as_millis()
        )
    });
    Ok(Outcome {
        articles: state.corpus().len(),
        load_errors: state.load_errors().to_vec(),
        timings,
        notices,
    })
}

/// What the queued input did.
enum Input {
    None,
    Changed,
    /// The terminal changed size (and perhaps something else happened too).
    Resized,
}

/// Waits up to `wait` for input, then handles every event already queued.
fn handle_input(state: &mut AppState, wait: Duration) -> io::Result<Input> {
    if !event::poll(wait)? {
        return Ok(Input::None);
    }
    let mut resized = false;
    loop {
        let event = event::read()?;
        resized |= matches!(event, Event::Resize(..));
        if let Some(action) = to_action(event, state) {
            state.update(action);
        }
        if state.should_quit() || !event::poll(Duration::ZERO)? {
            return Ok(if resized {
                Input::Resized
            } else {
                Input::Changed
            });
        }
    }
}

fn to_action(event: Event, state: &AppState) -> Option<Action> {
    match event {
        Event::Key(key) => keys::action(key, keys::mode(state)),
        Event::Resize(width, height) => Some(Action::Resize(width, height)),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(mouse.column, mouse.row)),
            MouseEventKind::ScrollDown => Some(Action::Wheel(mouse.column, mouse.row, true)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(mouse.column, mouse.row, false)),
            _ => None,
        },
        _ => None,
    }
}

/// Takes in every batch that has arrived, as one.
fn receive_batches(state: &mut AppState, receiver: &Receiver<Batch<(Article, u64)>>) -> bool {
    let mut merged: Option<LoadUpdate> = None;
    while let Ok(batch) = receiver.try_recv() {
        let update = to_update(batch);
        match &mut merged {
            None => merged = Some(update),
            Some(all) => {
                all.articles.extend(update.articles);
                all.hashes.extend(update.hashes);
                all.errors.extend(update.errors);
                all.files_done = update.files_done;
                all.files_total = update.files_total;
                all.finished = update.finished;
            }
        }
    }
    merged.map(|update| state.receive(update)).is_some()
}

/// Writes the marks the user changed since the last call (and any that failed before).
fn save_marks(state: &mut AppState, writer: &mut MarksWriter) {
    let changes = state.take_mark_changes();
    if !changes.is_empty() {
        show_written(state, writer.write(changes));
    }
}

fn show_written(state: &mut AppState, (marks, message): (Option<Marks>, Option<String>)) {
    if let Some(marks) = marks {
        state.set_marks(marks, None);
    }
    if let Some(message) = message {
        state.show_message(message);
    }
}

/// Loads `paths` (or the seeds) in batches on a background thread, in file order, each
/// article hashed for the marks on the worker threads.
fn spawn_loader(paths: Vec<PathBuf>) -> io::Result<Receiver<Batch<(Article, u64)>>> {
    pipeline::spawn(paths, Plan::INTERACTIVE, |article| {
        let hash = state_file::content_hash(&article);
        Some((article, hash))
    })
}

/// A loaded batch as the app state takes it.
pub fn to_update(batch: Batch<(Article, u64)>) -> LoadUpdate {
    let (articles, hashes) = batch.items.into_iter().unzip();
    let mut errors: Vec<String> = batch.errors.iter().map(ToString::to_string).collect();
    if let Some(failure) = batch.failure {
        errors.push(format!("loading stopped: internal error: {failure}"));
    }
    LoadUpdate {
        articles,
        hashes,
        errors,
        files_done: batch.files_done,
        files_total: batch.files_total,
        finished: batch.finished,
    }
}
