//! Work on many items on several threads, with the results handed out in the items'
//! order, each as soon as it and all before it are done. The threads take the items one
//! by one from the front, so they stay together and never wait at a batch's end for the
//! slowest item of the batch; they run at most a bounded number of items ahead of the
//! consumer, so memory does not grow with the number of items.

use std::collections::VecDeque;
use std::ops::ControlFlow;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::thread;

/// What the workers and the consumer share.
struct Shared<R> {
    state: Mutex<State<R>>,
    /// [`State::oldest`], for a worker to see without the lock that it may go on.
    oldest: AtomicUsize,
    /// Signalled when the run the consumer waits for is done.
    run_done: Condvar,
    /// Signalled when the consumer moved on (or stopped) and a worker waits for room.
    room: Condvar,
    /// Set when the consumer is done: the workers take no more items.
    stop: AtomicBool,
}

struct State<R> {
    /// The results from `oldest` on, `None` while an item is being worked on.
    done: VecDeque<Option<thread::Result<R>>>,
    /// The index of the oldest item not yet handed to the consumer.
    oldest: usize,
    /// Every item before this one is done.
    ready: usize,
    /// The consumer waits until `ready` reaches this (`usize::MAX`: it does not wait).
    wanted: usize,
    /// Workers waiting for room: they are signalled only when some wait.
    waiting_for_room: usize,
}

impl<R> Shared<R> {
    fn lock(&self) -> MutexGuard<'_, State<R>> {
        // (nobody panics while holding the lock: the work runs outside it)
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Waits on `signal`, which gives the lock back when it comes.
    fn wait<'a>(
        &self,
        signal: &Condvar,
        state: MutexGuard<'a, State<R>>,
    ) -> MutexGuard<'a, State<R>> {
        signal
            .wait(state)
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Stops the workers after the items they hold and wakes those waiting for room.
    fn stop(&self) {
        self.stop.store(true, Ordering::Release);
        // (under the lock, so that no worker is between its check and its wait)
        let _state = self.lock();
        self.room.notify_all();
    }
}

/// Stops the workers when the consumer is done, returns early, or panics (a worker
/// waiting for room would otherwise wait for ever, and so would the scope that joins it).
struct StopOnDrop<'a, R>(&'a Shared<R>);

impl<R> Drop for StopOnDrop<'_, R> {
    fn drop(&mut self) {
        self.0.stop();
    }
}

/// Runs `work` on each of `items` on `threads` threads (at least one) and calls `consume`
/// on the calling thread with the results in the order of the items, in runs of the
/// lengths `runs` gives (the last run is cut at the last item): each run as soon as all
/// its items are done. A result is `Err` with the payload when `work` panicked on that
/// item. The workers take no item `ahead` or more items past the oldest not yet handed
/// out: with `ahead` at least twice the longest run, they go on with the next run while
/// the consumer waits for the end of one (a run longer than `ahead` is cut to it). When `consume` returns `ControlFlow::Break`,
/// the workers stop after the items they hold and no more runs are handed out.
pub fn for_each_ordered<I, R, W, C>(
    items: &[I],
    threads: usize,
    ahead: usize,
    runs: impl IntoIterator<Item = usize>,
    work: W,
    mut consume: C,
) where
    I: Sync,
    R: Send,
    W: Fn(&I) -> R + Sync,
    C: FnMut(Vec<thread::Result<R>>) -> ControlFlow<()>,
{
    let shared = Shared {
        state: Mutex::new(State {
            done: VecDeque::new(),
            oldest: 0,
            ready: 0,
            wanted: usize::MAX,
            waiting_for_room: 0,
        }),
        oldest: AtomicUsize::new(0),
        run_done: Condvar::new(),
        room: Condvar::new(),
        stop: AtomicBool::new(false),
    };
    let next = AtomicUsize::new(0);
    let ahead = ahead.max(1);
    thread::scope(|scope| {
        let _stop = StopOnDrop(&shared);
        let worker = || work_through(items, &next, ahead, &shared, &work);
        let started = (0..threads.max(1))
            .filter(|k| {
                thread::Builder::new()
                    .name(format!("kiosk-load-{k}"))
                    .spawn_scoped(scope, worker)
                    .is_ok()
            })
            .count();
        if started == 0 {
            // no thread could be started: the calling thread works through the items
            let mut results = items
                .iter()
                .map(|item| catch_unwind(AssertUnwindSafe(|| work(item))));
            for run in runs {
                let run: Vec<_> = results.by_ref().take(run.max(1)).collect();
                if run.is_empty() || consume(run).is_break() {
                    return;
                }
            }
            return;
        }
        for run in runs {
            let Some(run) = take_run(items.len(), run.clamp(1, ahead), &shared) else {
                return;
            };
            if consume(run).is_break() {
                return;
            }
        }
    });
}

/// One worker: takes the next item not taken, waits while it is too far ahead of the
/// consumer, works on it and puts the result in its place.
fn work_through<I, R>(
    items: &[I],
    next: &AtomicUsize,
    ahead: usize,
    shared: &Shared<R>,
    work: &(impl Fn(&I) -> R + Sync),
) {
    loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(item) = items.get(i) else {
            return;
        };
        if i >= shared.oldest.load(Ordering::Acquire) + ahead {
            let mut state = shared.lock();
            while i >= state.oldest + ahead && !shared.stop.load(Ordering::Acquire) {
                state.waiting_for_room += 1;
                state = shared.wait(&shared.room, state);
                state.waiting_for_room -= 1;
            }
        }
        if shared.stop.load(Ordering::Acquire) {
            return;
        }
        let result = catch_unwind(AssertUnwindSafe(|| work(item)));
        let mut state = shared.lock();
        let slot = i - state.oldest;
        if state.done.len() <= slot {
            state.done.resize_with(slot + 1, || None);
        }
        state.done[slot] = Some(result);
        while state
            .done
            .get(state.ready - state.oldest)
            .is_some_and(Option::is_some)
        {
            state.ready += 1;
        }
        if state.ready >= state.wanted {
            shared.run_done.notify_one();
        }
    }
}

/// The consumer's side: the next `run` results (fewer at the end), once all are done;
/// `None` when every item was handed out.
fn take_run<R>(count: usize, run: usize, shared: &Shared<R>) -> Option<Vec<thread::Result<R>>> {
    let mut state = shared.lock();
    let end = (state.oldest + run).min(count);
    if end == state.oldest {
        return None;
    }
    while state.ready < end {
        state.wanted = end;
        state = shared.wait(&shared.run_done, state);
    }
    state.wanted = usize::MAX;
    let taken = end - state.oldest;
    // (every item before `ready` is done: none is left out)
    let results: Vec<_> = state.done.drain(..taken).flatten().collect();
    state.oldest = end;
    shared.oldest.store(end, Ordering::Release);
    if state.waiting_for_room > 0 {
        shared.room.notify_all();
    }
    Some(results)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Runs `work` over `0..count` and returns the runs as they were handed out.
    fn runs_of(
        count: usize,
        threads: usize,
        runs: Vec<usize>,
        work: impl Fn(&usize) -> usize + Sync,
    ) -> Vec<Vec<Option<usize>>> {
        let items: Vec<usize> = (0..count).collect();
        let mut out = Vec::new();
        let ahead = 2 * runs.iter().max().copied().unwrap_or(1);
        let runs = runs
            .clone()
            .into_iter()
            .chain(std::iter::repeat(*runs.last().unwrap_or(&1)));
        for_each_ordered(&items, threads, ahead, runs, work, |run| {
            out.push(run.into_iter().map(Result::ok).collect());
            ControlFlow::Continue(())
        });
        out
    }

    #[test]
    fn results_come_in_order_in_runs_of_the_given_lengths() {
        for threads in [0, 1, 2, 4] {
            let runs = runs_of(103, threads, vec![3, 25], |&i| {
                // later items often finish first
                thread::sleep(Duration::from_micros((103 - i as u64) % 7 * 40));
                i * 2
            });
            let lengths: Vec<usize> = runs.iter().map(Vec::len).collect();
            assert_eq!(lengths, [3, 25, 25, 25, 25], "{threads} threads");
            let all: Vec<Option<usize>> = runs.concat();
            assert_eq!(all, (0..103).map(|i| Some(i * 2)).collect::<Vec<_>>());
        }
        assert!(runs_of(0, 2, vec![4], |&i| i).is_empty());
        // a run longer than the workers may go ahead is cut to that length
        let items: Vec<usize> = (0..10).collect();
        let mut lengths = Vec::new();
        for_each_ordered(
            &items,
            2,
            4,
            std::iter::repeat(100),
            |&i| i,
            |run| {
                lengths.push(run.len());
                ControlFlow::Continue(())
            },
        );
        assert_eq!(lengths, [4, 4, 2]);
    }

    /// The workers take no item `ahead` or more past the oldest not handed out.
    #[test]
    fn workers_stay_within_reach_of_a_slow_consumer() {
        let items: Vec<usize> = (0..200).collect();
        let handed_out = AtomicUsize::new(0);
        let farthest = AtomicUsize::new(0);
        for_each_ordered(
            &items,
            3,
            10,
            std::iter::repeat(5),
            |&i| {
                let gap = i - handed_out.load(Ordering::SeqCst);
                farthest.fetch_max(gap, Ordering::SeqCst);
            },
            |run| {
                handed_out.fetch_add(run.len(), Ordering::SeqCst);
                thread::sleep(Duration::from_micros(300));
                ControlFlow::Continue(())
            },
        );
        // (`handed_out` lags one run behind what the workers see as handed out)
        assert!(farthest.load(Ordering::SeqCst) < 10 + 5);
        assert_eq!(handed_out.load(Ordering::SeqCst), 200);
    }

    /// A panic costs its item only; a consumer that breaks stops the workers.
    #[test]
    fn a_panic_is_handed_out_in_its_place_and_break_stops_early() {
        let runs = runs_of(30, 2, vec![10], |&i| {
            assert!(i != 3, "item three panics");
            i
        });
        assert_eq!(runs[0][2..5], [Some(2), None, Some(4)]);
        let items: Vec<usize> = (0..10_000).collect();
        let worked = AtomicUsize::new(0);
        let mut handed_out = 0;
        for_each_ordered(
            &items,
            2,
            8,
            std::iter::repeat(4),
            |_| worked.fetch_add(1, Ordering::SeqCst),
            |run| {
                handed_out += run.len();
                ControlFlow::Break(())
            },
        );
        assert_eq!(handed_out, 4);
        assert!(worked.load(Ordering::SeqCst) <= 4 + 8 + 2);
    }
}
