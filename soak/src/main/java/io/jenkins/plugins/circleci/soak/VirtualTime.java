package io.jenkins.plugins.circleci.soak;

import io.jenkins.plugins.circleci.api.http.Sleeper;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.time.VirtualExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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
final class VirtualTime extends VirtualExecutor {

    private final int slots;
    private final PriorityQueue<Wakeup> naps = new PriorityQueue<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final ExecutorService threads;
    /** Tasks running on a thread and not napping, plus napping tasks woken up and about to go on. */
    private int busy;
    private long completed;

    VirtualTime(ManualClock clock, int slots) {
        super(clock);
        if (slots < 1) {
            throw new IllegalArgumentException("at least one slot, not " + slots);
        }
        this.slots = slots;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "soak-virtual-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
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
        while (busy < slots) {
            Task<?> task = pollDue();
            if (task == null) {
                return;
            }
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
            Wakeup nap = naps.poll();
            nap.woken = true;
            busy++;
            changed.signalAll();
        }
    }

    private Instant earliest() {
        return earliest(nextDue(), naps.isEmpty() ? null : naps.peek().wake);
    }

    private void nap(Duration duration) throws InterruptedException {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        lock.lock();
        try {
            Wakeup nap = new Wakeup(clock.instant().plus(duration), nextSequence());
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

    /** Drops every queued task and stops the threads: a soak run is over, or its controller went down. */
    @Override
    public void shutdown() {
        super.shutdownNow();
        threads.shutdownNow();
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> pending = super.shutdownNow();
        threads.shutdownNow();
        return pending;
    }
}
