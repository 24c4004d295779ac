package io.jenkins.plugins.circleci.bench.virtual;

import io.jenkins.plugins.circleci.simulator.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Simulated time for both kinds of waiter, so that an hour-long pipeline is measured in seconds and its latency is
 * exact rather than blurred by a noisy machine.
 *
 * <p>Two kinds of work share one {@link ManualClock}:
 * <ul>
 *   <li>tasks handed to this {@link ScheduledExecutorService} (the engine's polls), run one at a time on the thread
 *       that calls {@link #runUntil};</li>
 *   <li>participant threads ({@link #startParticipant}), each of which sleeps on simulated time with {@link #sleep}:
 *       this is how the baseline's thread-per-wait is modelled without changing its code.</li>
 * </ul>
 * Time only moves when every participant is asleep (or finished) and no task is due; it then jumps to the earliest
 * task or wake-up. HTTP requests still take real time, but no simulated time passes during them.
 */
public final class VirtualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final ManualClock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Task<?>> tasks = new PriorityQueue<>();
    private final PriorityQueue<Sleep> sleeps = new PriorityQueue<>();
    private final List<Throwable> failures = new ArrayList<>();
    private long sequence;
    private int awakeParticipants;
    private boolean shutdown;

    public VirtualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    public ManualClock clock() {
        return clock;
    }

    /**
     * Starts a thread whose {@link #sleep} calls follow simulated time. Time stands still until it sleeps or ends.
     */
    public Thread startParticipant(String name, Runnable body) {
        lock.lock();
        try {
            awakeParticipants++;
        } finally {
            lock.unlock();
        }
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                recordFailure(t);
            } finally {
                lock.lock();
                try {
                    awakeParticipants--;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Called by a participant: returns once simulated time has advanced by {@code duration}. */
    public void sleep(Duration duration) throws InterruptedException {
        lock.lock();
        try {
            Sleep sleep = new Sleep(clock.instant().plus(duration), sequence++);
            sleeps.add(sleep);
            awakeParticipants--;
            changed.signalAll();
            try {
                while (!sleep.released) {
                    changed.await();
                }
            } catch (InterruptedException e) {
                if (!sleep.released) {
                    sleeps.remove(sleep);
                    awakeParticipants++;
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called from a running task that blocks for {@code duration} (our client waiting for a budget permit): the
     * block takes simulated time, as it would hold a scheduler thread for real.
     */
    public void passTime(Duration duration) {
        lock.lock();
        try {
            clock.advance(duration);
            releaseDueSleeps();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drives simulated time until {@code done} holds.
     *
     * @param horizon     fails if simulated time would pass this instant (a wait that never ends)
     * @param realPatience fails if a participant stays awake this long in real time (a hung request)
     */
    public void runUntil(BooleanSupplier done, Instant horizon, Duration realPatience)
            throws InterruptedException, TimeoutException {
        lock.lock();
        try {
            while (true) {
                awaitParticipantsAsleep(realPatience);
                throwRecordedFailure();
                if (done.getAsBoolean()) {
                    return;
                }
                Task<?> next = tasks.peek();
                if (next != null && !next.time.isAfter(clock.instant())) {
                    tasks.poll();
                    lock.unlock();
                    try {
                        next.run();
                    } finally {
                        lock.lock();
                    }
                    continue;
                }
                Instant wake = earliest(next == null ? null : next.time, sleeps.isEmpty() ? null : sleeps.peek().wake);
                if (wake == null) {
                    throw new IllegalStateException("Nothing is scheduled any more, yet the run is not done at "
                            + clock.instant() + ": a wait was lost.");
                }
                if (wake.isAfter(horizon)) {
                    throw new TimeoutException("Simulated time would pass " + horizon + " and the run is not done.");
                }
                if (wake.isAfter(clock.instant())) {
                    clock.set(wake);
                }
                releaseDueSleeps();
            }
        } finally {
            lock.unlock();
        }
    }

    private void awaitParticipantsAsleep(Duration realPatience) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + realPatience.toNanos();
        while (awakeParticipants > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException(awakeParticipants + " participant thread(s) stayed busy for more than "
                        + realPatience + " of real time.");
            }
            changed.awaitNanos(left);
        }
    }

    private void releaseDueSleeps() {
        Instant now = clock.instant();
        boolean any = false;
        while (!sleeps.isEmpty() && !sleeps.peek().wake.isAfter(now)) {
            Sleep s = sleeps.poll();
            s.released = true;
            awakeParticipants++;
            any = true;
        }
        if (any) {
            changed.signalAll();
        }
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

    private void throwRecordedFailure() {
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException("A participant thread failed", failures.get(0));
            failures.clear();
            throw e;
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }

    private <V> Task<V> enqueue(Task<V> task) {
        lock.lock();
        try {
            if (shutdown) {
                throw new java.util.concurrent.RejectedExecutionException("The virtual scheduler is shut down.");
            }
            tasks.add(task);
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
        return enqueue(new Task<Void>(Executors.callable(command, null), after(delay, unit), 0, false));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return enqueue(new Task<>(callable, after(delay, unit), 0, false));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return enqueue(new Task<Void>(Executors.callable(command, null), after(initialDelay, unit),
                unit.toNanos(period), true));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return enqueue(new Task<Void>(Executors.callable(command, null), after(initialDelay, unit),
                unit.toNanos(delay), false));
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
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Runnable> shutdownNow() {
        lock.lock();
        try {
            shutdown = true;
            List<Runnable> pending = new ArrayList<>(tasks);
            tasks.clear();
            return pending;
        } finally {
            lock.unlock();
        }
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
        lock.lock();
        try {
            return shutdown && tasks.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    /** A participant's pending wake-up. */
    private static final class Sleep implements Comparable<Sleep> {
        final Instant wake;
        final long seq;
        boolean released;

        Sleep(Instant wake, long seq) {
            this.wake = wake;
            this.seq = seq;
        }

        @Override
        public int compareTo(Sleep o) {
            int c = wake.compareTo(o.wake);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** A task due at a simulated instant; periodic ones re-enqueue themselves after running. */
    private final class Task<V> extends FutureTask<V> implements RunnableScheduledFuture<V> {
        private Instant time;
        private final long seq;
        private final long periodNanos;
        private final boolean fixedRate;

        Task(Callable<V> callable, Instant time, long periodNanos, boolean fixedRate) {
            super(callable);
            this.time = time;
            this.seq = nextSequence();
            this.periodNanos = periodNanos;
            this.fixedRate = fixedRate;
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
                time = fixedRate ? time.plusNanos(periodNanos) : clock.instant().plusNanos(periodNanos);
                enqueue(this);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                lock.lock();
                try {
                    tasks.remove(this);
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
            if (other instanceof VirtualScheduler.Task<?> t) {
                int c = time.compareTo(t.time);
                return c != 0 ? c : Long.compare(seq, t.seq);
            }
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
