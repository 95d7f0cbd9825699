//! The terminal side of the reader: setting the terminal up and always restoring it (on
//! quit, on error, on a panic and on SIGTERM), the event loop, and loading the corpus in
//! a background thread so the first screen shows at once and fills in batch by batch.

use std::io::{self, stdout};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, Sender};
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
use rayon::prelude::*;

use crate::app::{Action, AppState, LoadUpdate};
use crate::model::Article;
use crate::state_file::{self, Marks, MarksWriter};
use crate::{extract, hangup, keys, load, ui};

/// Files per batch after the first: large enough to keep the cores busy, small enough
/// that the list grows visibly.
const BATCH: usize = 512;
/// The first batch is small so that the first articles show at once.
const FIRST_BATCH: usize = 32;

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
    let (sender, receiver) = mpsc::channel();
    spawn_loader(options.paths, sender).context("starting the loader thread")?;
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
fn receive_batches(state: &mut AppState, receiver: &Receiver<LoadUpdate>) -> bool {
    let mut merged: Option<LoadUpdate> = None;
    while let Ok(update) = receiver.try_recv() {
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

/// Loads `paths` (or the seeds) in batches on a background thread, in file order.
fn spawn_loader(paths: Vec<PathBuf>, sender: Sender<LoadUpdate>) -> io::Result<()> {
    thread::Builder::new()
        .name("kiosk-loader".into())
        .spawn(move || {
            let loading =
                std::panic::catch_unwind(AssertUnwindSafe(|| load_in_batches(paths, &sender)));
            if let Err(panic) = loading {
                let _ = sender.send(LoadUpdate {
                    errors: vec![format!(
                        "loading stopped: internal error: {}",
                        panic_message(&*panic)
                    )],
                    finished: true,
                    ..LoadUpdate::default()
                });
            }
        })?;
    Ok(())
}

fn load_in_batches(paths: Vec<PathBuf>, sender: &Sender<LoadUpdate>) {
    if paths.is_empty() {
        let mut update = annotated(load::seeds());
        let files = load::SEEDS.len();
        (update.files_done, update.files_total, update.finished) = (files, files, true);
        let _ = sender.send(update);
        return;
    }
    let (sources, errors) = load::discover(&paths);
    let total = sources.len();
    let first = LoadUpdate {
        errors: errors.iter().map(ToString::to_string).collect(),
        files_total: total,
        finished: total == 0,
        ..LoadUpdate::default()
    };
    if sender.send(first).is_err() {
        return;
    }
    let mut done = 0;
    while done < total {
        let size = if done == 0 { FIRST_BATCH } else { BATCH };
        let batch = &sources[done..(done + size).min(total)];
        let mut update = load_sources(batch);
        done += batch.len();
        (update.files_done, update.files_total, update.finished) = (done, total, done == total);
        if sender.send(update).is_err() {
            return;
        }
    }
}

/// Loads, annotates and hashes files on all cores, keeping their order. A file whose
/// loading or annotation panics is reported as a load error; the rest go on.
pub fn load_sources(sources: &[load::Source]) -> LoadUpdate {
    let per_file: Vec<(Vec<Article>, Vec<String>)> = sources
        .par_iter()
        .map(|source| {
            let attempt = std::panic::catch_unwind(|| {
                let mut loaded = load::load_source(source);
                loaded.articles.iter_mut().for_each(extract::annotate);
                let errors = loaded.errors.iter().map(ToString::to_string).collect();
                (loaded.articles, errors)
            });
            attempt.unwrap_or_else(|panic| {
                let problem = panic_message(&*panic);
                let error = format!("{}: internal error: {problem}", source.path.display());
                (Vec::new(), vec![error])
            })
        })
        .collect();
    let mut update = LoadUpdate::default();
    for (articles, errors) in per_file {
        update.articles.extend(articles);
        update.errors.extend(errors);
    }
    update.hashes = update
        .articles
        .par_iter()
        .map(state_file::content_hash)
        .collect();
    update
}

/// Runs the extractors over articles and hashes them for the marks.
fn annotated(mut articles: Vec<Article>) -> LoadUpdate {
    articles.par_iter_mut().for_each(extract::annotate);
    let hashes = articles.par_iter().map(state_file::content_hash).collect();
    LoadUpdate {
        articles,
        hashes,
        ..LoadUpdate::default()
    }
}

/// The text a panic was raised with, cut to one line.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    let text = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string());
    let line = text.lines().next().unwrap_or_default();
    line.chars().take(160).collect()
}
