package io.jenkins.plugins.circleci.soak;

import io.jenkins.plugins.circleci.api.http.Sleeper;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Simulated time with real threads: a {@link ScheduledExecutorService} whose delays are on a {@link ManualClock}
 * shared with the simulator. Up to {@code slots} due tasks run at once on real threads (so polls of different waits
 * race as they do on the plugin's scheduler, and each makes real HTTP requests); the clock stands still while any of
 * them runs and jumps to the next due task only when none does. A wait that takes hours of CircleCI time thus costs
 * only the requests it makes, and a loaded machine changes how long a run takes, never what it sees.
 *
 * <p>A task that must pause (the client waiting for a request permit, or before retrying a trigger after a 429) calls
 * {@link #sleeper()}: it gives its slot up until the clock reaches its wake-up. With one slot, a run is a pure function
 * of its seed.
 */
final class VirtualTime extends AbstractExecutorService implements ScheduledExecutorService {

    private final ManualClock clock;
    private final int slots;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private final PriorityQueue<Nap> naps = new PriorityQueue<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final ExecutorService threads;
    private long sequence;
    /** Tasks running on a thread and not napping, plus napping tasks woken up and about to go on. */
    private int busy;
    private long completed;
    private boolean shutdown;

    VirtualTime(ManualClock clock, int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("at least one slot, not " + slots);
        }
        this.clock = clock;
        this.slots = slots;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "soak-virtual-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    ManualClock clock() {
        return clock;
    }

    /** How long the client's pauses last: simulated time, during which other tasks run. */
    Sleeper sleeper() {
        return this::nap;
    }

    /**
     * Runs tasks and moves the clock until {@code done} holds.
     *
     * @param horizon      fails if the clock would pass it: something is still scheduled that should have ended
     * @param realPatience fails if no task completes for this long in real time: a request that hangs
     * @throws LostWaitsException when nothing at all is scheduled any more and the run is not done
     */
    void runUntil(BooleanSupplier done, Instant horizon, Duration realPatience)
            throws InterruptedException, TimeoutException {
        lock.lock();
        try {
            long lastCompleted = completed;
            long lastProgress = System.nanoTime();
            while (true) {
                throwFailure();
                if (busy == 0) {
                    wakeDueNaps();
                }
                dispatchDueTasks();
                if (busy > 0) {
                    changed.await(200, TimeUnit.MILLISECONDS);
                    if (completed != lastCompleted) {
                        lastCompleted = completed;
                        lastProgress = System.nanoTime();
                    } else if (System.nanoTime() - lastProgress > realPatience.toNanos()) {
                        throw new TimeoutException(busy + " task(s) ran for more than " + realPatience
                                + " of real time without any task completing: a request hangs.");
                    }
                    continue;
                }
                if (done.getAsBoolean()) {
                    return;
                }
                Instant next = earliest();
                if (next == null) {
                    throw new LostWaitsException("Nothing is scheduled any more at " + clock.instant()
                            + ", yet the run is not done: some wait was dropped.");
                }
                if (next.isAfter(horizon)) {
                    throw new TimeoutException("The clock would pass " + horizon + " and the run is not done.");
                }
                if (next.isAfter(clock.instant())) {
                    clock.set(next);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The clock stands still and nothing is running: whoever asks may look at the simulator undisturbed. */
    Instant now() {
        return clock.instant();
    }

    /** Nothing is scheduled any more and nothing runs. */
    static final class LostWaitsException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        LostWaitsException(String message) {
            super(message);
        }
    }

    private void dispatchDueTasks() {
        Instant now = clock.instant();
        while (busy < slots && !queue.isEmpty() && !queue.peek().time.isAfter(now)) {
            Task<?> task = queue.poll();
            busy++;
            threads.execute(() -> runTask(task));
        }
    }

    private void runTask(Task<?> task) {
        try {
            task.run();
        } catch (Throwable t) {
            recordFailure(t);
        } finally {
            lock.lock();
            try {
                busy--;
                completed++;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void wakeDueNaps() {
        Instant now = clock.instant();
        while (!naps.isEmpty() && !naps.peek().wake.isAfter(now)) {
            Nap nap = naps.poll();
            nap.woken = true;
            busy++;
            changed.signalAll();
        }
    }

    private Instant earliest() {
        Instant task = queue.isEmpty() ? null : queue.peek().time;
        Instant nap = naps.isEmpty() ? null : naps.peek().wake;
        if (task == null) {
            return nap;
        }
        return nap == null || task.isBefore(nap) ? task : nap;
    }

    private void nap(Duration duration) throws InterruptedException {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        lock.lock();
        try {
            Nap nap = new Nap(clock.instant().plus(duration), sequence++);
            naps.add(nap);
            busy--;
            completed++; // a task that naps has made progress as far as the hang detection is concerned
            changed.signalAll();
            while (!nap.woken) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** A task of the soak's own that must run to the end: its failure stops the run. */
    Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable t) {
                recordFailure(t);
            }
        };
    }

    private void recordFailure(Throwable t) {
        lock.lock();
        try {
            failures.add(t);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void throwFailure() {
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException("A soak task failed unexpectedly", failures.get(0));
            failures.clear();
            throw e;
        }
    }

    private <V> Task<V> enqueue(Task<V> task) {
        lock.lock();
        try {
            if (shutdown) {
                throw new RejectedExecutionException("The virtual scheduler is shut down.");
            }
            queue.add(task);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return task;
    }

    private Instant after(long delay, TimeUnit unit) {
        return clock.instant().plusNanos(Math.max(0, unit.toNanos(delay)));
    }

    private long nextSequence() {
        lock.lock();
        try {
            return sequence++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return enqueue(new Task<Void>(Executors.callable(command, null), after(delay, unit), 0));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return enqueue(new Task<>(callable, after(delay, unit), 0));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return enqueue(new Task<Void>(Executors.callable(command, null), after(initialDelay, unit),
                unit.toNanos(period)));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return scheduleAtFixedRate(command, initialDelay, delay, unit);
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() {
        lock.lock();
        try {
            shutdown = true;
            queue.clear();
        } finally {
            lock.unlock();
        }
        threads.shutdownNow();
    }

    @Override
    public List<Runnable> shutdownNow() {
        lock.lock();
        List<Runnable> pending;
        try {
            pending = new ArrayList<>(queue);
        } finally {
            lock.unlock();
        }
        shutdown();
        return pending;
    }

    @Override
    public boolean isShutdown() {
        lock.lock();
        try {
            return shutdown;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isTerminated() {
        return isShutdown();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    private static final class Nap implements Comparable<Nap> {
        final Instant wake;
        final long seq;
        boolean woken;

        Nap(Instant wake, long seq) {
            this.wake = wake;
            this.seq = seq;
        }

        @Override
        public int compareTo(Nap o) {
            int c = wake.compareTo(o.wake);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** A task due at a simulated instant; a periodic one goes back in the queue after each run. */
    private final class Task<V> extends FutureTask<V> implements RunnableScheduledFuture<V> {
        private Instant time;
        private final long seq;
        private final long periodNanos;

        Task(Callable<V> callable, Instant time, long periodNanos) {
            super(callable);
            this.time = time;
            this.seq = nextSequence();
            this.periodNanos = periodNanos;
        }

        @Override
        public boolean isPeriodic() {
            return periodNanos > 0;
        }

        @Override
        public void run() {
            if (!isPeriodic()) {
                super.run();
            } else if (runAndReset() && !isShutdown()) {
                time = clock.instant().plusNanos(periodNanos);
                enqueue(this);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                lock.lock();
                try {
                    queue.remove(this);
                } finally {
                    lock.unlock();
                }
            }
            return cancelled;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), time));
        }

        @Override
        public int compareTo(Delayed other) {
            if (other instanceof VirtualTime.Task<?> t) {
                int c = time.compareTo(t.time);
                return c != 0 ? c : Long.compare(seq, t.seq);
            }
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
