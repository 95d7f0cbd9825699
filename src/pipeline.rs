//! Loading a corpus on all cores in ordered batches. A background thread finds the
//! files; worker threads, one per core, take them one by one and read, parse, annotate
//! and prepare each; the results come out in file order, batch by batch, each batch as
//! soon as its last file is done, while the workers already go on with the next (no
//! core waits at a batch's end for the slowest file of the batch). The workers stay at
//! most two batches ahead of what was sent, and a bounded queue keeps at most a few sent
//! batches waiting, so a consumer that writes each batch out (`kiosk export`) runs in
//! memory that does not grow with the corpus. The reader and [`crate::load_corpus`] use
//! the same path.

use std::ops::ControlFlow;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread;

use rayon::prelude::*;

use crate::extract::{self, countries, quotes, speakers};
use crate::load::{
    self, LoadError, Loaded, Problem, Source, boilerplate, dateline, panic_message, sentences,
};
use crate::model::Article;
use crate::ordered;

/// How the files are cut into batches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    /// Files in the first batch: small, so that the first articles show at once.
    pub first: usize,
    /// Files in every later batch: how often the consumer hears from the loader.
    pub batch: usize,
    /// Finished batches that may wait for the consumer before loading pauses.
    pub queued: usize,
}

impl Plan {
    /// For a consumer that wants everything soon: export and whole-corpus loads.
    pub const THROUGHPUT: Plan = Plan {
        first: 256,
        batch: 256,
        queued: 2,
    };
    /// For the reader: the first screen fills at once, then the list grows batch by batch.
    pub const INTERACTIVE: Plan = Plan {
        first: 32,
        batch: 512,
        queued: 4,
    };
}

/// One batch of loaded files, in file order.
#[derive(Debug)]
pub struct Batch<T> {
    /// What `prepare` made of each article that it kept, in order.
    pub items: Vec<T>,
    /// Articles loaded in this batch (before `prepare` dropped any).
    pub articles: usize,
    /// Files or records that could not be loaded, each with its reason, in order.
    pub errors: Vec<LoadError>,
    pub files_done: usize,
    pub files_total: usize,
    /// The last batch: every file is done (or loading stopped, see `failure`).
    pub finished: bool,
    /// Loading stopped early because of an internal error (a bug), with its message.
    pub failure: Option<String>,
}

impl<T> Batch<T> {
    /// Adds what one file gave, after the files added before it.
    fn add(&mut self, (items, articles, errors): FileLoaded<T>) {
        self.items.extend(items);
        self.articles += articles;
        self.errors.extend(errors);
    }
}

impl<T> Default for Batch<T> {
    fn default() -> Self {
        Batch {
            items: Vec::new(),
            articles: 0,
            errors: Vec::new(),
            files_done: 0,
            files_total: 0,
            finished: false,
            failure: None,
        }
    }
}

/// Starts loading `paths` (the embedded seeds when empty) on a background thread.
/// `prepare` runs on the worker threads with each annotated article and keeps what the
/// consumer needs (`None` drops the article). The receiver gets the batches in order; the
/// last has `finished` set. Dropping the receiver stops the loading after the batch at hand.
pub fn spawn<T, P>(
    paths: Vec<PathBuf>,
    plan: Plan,
    prepare: P,
) -> std::io::Result<Receiver<Batch<T>>>
where
    T: Send + 'static,
    P: Fn(Article) -> Option<T> + Send + Sync + 'static,
{
    let (sender, receiver) = mpsc::sync_channel(plan.queued.max(1));
    thread::Builder::new()
        .name("kiosk-loader".into())
        .spawn(move || {
            let run = catch_unwind(AssertUnwindSafe(|| run(paths, plan, &prepare, &sender)));
            if let Err(panic) = run {
                let _ = sender.send(Batch {
                    finished: true,
                    failure: Some(panic_message(&*panic)),
                    ..Batch::default()
                });
            }
        })?;
    Ok(receiver)
}

fn run<T: Send, P>(paths: Vec<PathBuf>, plan: Plan, prepare: &P, sender: &SyncSender<Batch<T>>)
where
    P: Fn(Article) -> Option<T> + Sync,
{
    if paths.is_empty() {
        let articles = load::seeds();
        let total = load::SEEDS.len();
        let mut batch = prepare_all(articles, prepare);
        (batch.files_done, batch.files_total, batch.finished) = (total, total, true);
        let _ = sender.send(batch);
        return;
    }
    let (sources, errors) = discover(&paths);
    let total = sources.len();
    // A first word as soon as the files are known: how many, and which paths failed.
    let found = Batch {
        errors,
        files_total: total,
        finished: total == 0,
        ..Batch::default()
    };
    if sender.send(found).is_err() || total == 0 {
        return;
    }
    let mut batcher = Batcher {
        total,
        done: 0,
        sender,
    };
    let runs = std::iter::once(plan.first).chain(std::iter::repeat(plan.batch));
    // (twice the longest batch: the next batch loads while one waits for its last file)
    let ahead = 2 * plan.first.max(plan.batch);
    ordered::for_each_ordered(
        &sources,
        rayon::current_num_threads(),
        ahead,
        runs,
        |source| load_one(source, prepare),
        |files| batcher.send(files),
    );
}

/// Sends the files' results, in order, batch by batch.
struct Batcher<'a, T> {
    total: usize,
    done: usize,
    sender: &'a SyncSender<Batch<T>>,
}

impl<T> Batcher<'_, T> {
    /// Sends one batch; breaks when loading must stop (the consumer is gone, or a bug
    /// panicked outside the guarded parts of loading a file).
    fn send(&mut self, files: Vec<std::thread::Result<FileLoaded<T>>>) -> ControlFlow<()> {
        self.done += files.len();
        let mut batch = Batch {
            files_done: self.done,
            files_total: self.total,
            finished: self.done == self.total,
            ..Batch::default()
        };
        for file in files {
            match file {
                Ok(file) => batch.add(file),
                Err(panic) => {
                    batch.failure = Some(panic_message(&*panic));
                    batch.finished = true;
                    break;
                }
            }
        }
        let stop = batch.failure.is_some();
        match self.sender.send(batch) {
            Ok(()) if !stop => ControlFlow::Continue(()),
            _ => ControlFlow::Break(()), // the consumer is gone, or loading failed
        }
    }
}

/// Every file under `paths`, found while the loader's and extractors' tables are built
/// on the other core (so that no worker waits for them later).
fn discover(paths: &[PathBuf]) -> (Vec<Source>, Vec<LoadError>) {
    let (found, ()) = rayon::join(|| load::discover(paths), warm_up);
    found
}

/// Builds the tables of the loader and the extractors, all of start-up: each on its own
/// and on all cores at once (each is built on first use, so one after another otherwise),
/// the costliest first. (A table left out is built by the first worker that asks.)
fn warm_up() {
    let mut tables: Vec<fn()> = vec![countries::warm_up];
    tables.extend(boilerplate::TABLES);
    tables.extend([
        dateline::warm_up,
        speakers::warm_up,
        quotes::lexicon::warm_up,
        || _ = &*sentences::WORDS,
    ]);
    run_all(&tables);
}

/// Runs `tasks` on all cores: each core takes the next task not yet taken, so the
/// costliest, put first, are spread over the cores before the small ones fill the gaps.
fn run_all(tasks: &[fn()]) {
    let next = AtomicUsize::new(0);
    let work = || {
        while let Some(task) = tasks.get(next.fetch_add(1, Ordering::Relaxed)) {
            task();
        }
    };
    rayon::scope(|s| {
        for _ in 1..rayon::current_num_threads() {
            s.spawn(|_| work());
        }
        work();
    });
}

/// Loads and annotates everything under `paths` (the seeds when empty) on all cores, in
/// file order, on the calling thread.
pub fn load_all(paths: &[PathBuf]) -> Loaded {
    if paths.is_empty() {
        let batch = prepare_all(load::seeds(), &Some);
        return Loaded {
            articles: batch.items,
            errors: batch.errors,
        };
    }
    let (sources, mut errors) = discover(paths);
    let batch = load_sources(&sources, &Some);
    errors.extend(batch.errors);
    Loaded {
        articles: batch.items,
        errors,
    }
}

/// Loads, annotates and prepares files on all cores, keeping their order. A file whose
/// loading or annotation panics is reported as a load error; the rest go on.
pub fn load_sources<T: Send, P>(sources: &[Source], prepare: &P) -> Batch<T>
where
    P: Fn(Article) -> Option<T> + Sync,
{
    let per_file: Vec<FileLoaded<T>> = sources
        .par_iter()
        .map(|source| load_one(source, prepare))
        .collect();
    let mut batch = Batch::default();
    per_file.into_iter().for_each(|file| batch.add(file));
    batch
}

/// What one file gave: its prepared articles, how many articles it had, and its errors.
type FileLoaded<T> = (Vec<T>, usize, Vec<LoadError>);

/// One file: its prepared articles, how many articles it had, and its errors. A parser
/// that panics costs the file (see [`load::load_source`]); an extractor that panics costs
/// only that article's countries and quotes.
fn load_one<T, P>(source: &Source, prepare: &P) -> FileLoaded<T>
where
    P: Fn(Article) -> Option<T>,
{
    let loaded = load::load_source(source);
    let articles = loaded.articles.len();
    let mut errors = loaded.errors;
    let items = loaded
        .articles
        .into_iter()
        .filter_map(|article| {
            let (item, error) = finish(article, prepare);
            errors.extend(error);
            item
        })
        .collect();
    (items, articles, errors)
}

/// Annotates and prepares one loaded article, with the error of an extractor that
/// panicked on it.
fn finish<T, P>(mut article: Article, prepare: &P) -> (Option<T>, Option<LoadError>)
where
    P: Fn(Article) -> Option<T>,
{
    let error = annotate_guarded(&mut article);
    (prepare(article), error)
}

/// Annotates one article; a bug in an extractor that panics on it leaves this article
/// unannotated (and reported) instead of ending the load.
fn annotate_guarded(article: &mut Article) -> Option<LoadError> {
    let done = catch_unwind(AssertUnwindSafe(|| extract::annotate(article)));
    done.err().map(|payload| {
        article.countries.clear();
        article.quotes.clear();
        article.speakers.clear();
        let problem = Problem::Internal(format!(
            "countries and quotes not found: {}",
            panic_message(payload.as_ref())
        ));
        LoadError::new(&article.path, problem)
    })
}

/// Annotates and prepares articles already loaded (the seeds) on all cores.
fn prepare_all<T: Send, P>(articles: Vec<Article>, prepare: &P) -> Batch<T>
where
    P: Fn(Article) -> Option<T> + Sync,
{
    let count = articles.len();
    let finished: Vec<(Option<T>, Option<LoadError>)> = articles
        .into_par_iter()
        .map(|article| finish(article, prepare))
        .collect();
    let mut batch = Batch {
        articles: count,
        ..Batch::default()
    };
    for (item, error) in finished {
        batch.items.extend(item);
        batch.errors.extend(error);
    }
    batch
}
