package io.jenkins.plugins.circleci.simulator.time;

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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bookkeeping of a {@link ScheduledExecutorService} whose delays run on a {@link ManualClock} shared with the
 * simulator: tasks wait in a queue ordered by the simulated instant they are due at (then by when they were
 * scheduled, so a run repeats), periodic ones go back in after each run, and a cancelled one leaves the queue.
 *
 * <p>When due tasks run, on which threads, and when the clock moves are the subclass's business: the bench runs them
 * one at a time on its driving thread beside sleeping participant threads, the soak on a few real threads at once.
 * Both guard their own state with {@link #lock} and signal {@link #changed} when something they wait for may have
 * happened.
 */
public abstract class VirtualExecutor extends AbstractExecutorService implements ScheduledExecutorService {

    protected final ManualClock clock;
    protected final ReentrantLock lock = new ReentrantLock();
    protected final Condition changed = lock.newCondition();
    /** Guarded by {@link #lock}. */
    protected final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private long sequence;
    private boolean shutdown;

    protected VirtualExecutor(ManualClock clock) {
        this.clock = clock;
    }

    public ManualClock clock() {
        return clock;
    }

    /** A number that orders things scheduled at the same instant by when they were scheduled. */
    protected final long nextSequence() {
        lock.lock();
        try {
            return sequence++;
        } finally {
            lock.unlock();
        }
    }

    /** The instant the earliest queued task is due at; null when none is queued. The lock must be held. */
    protected final Instant nextDue() {
        return queue.isEmpty() ? null : queue.peek().time;
    }

    /** Takes the earliest queued task if it is due by now; null otherwise. The lock must be held. */
    protected final Task<?> pollDue() {
        Instant due = nextDue();
        return due != null && !due.isAfter(clock.instant()) ? queue.poll() : null;
    }

    /** The earlier of two instants, either of which may be null (nothing due). */
    protected static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
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

    /** Shuts down and drops every queued task, returning them. */
    @Override
    public List<Runnable> shutdownNow() {
        lock.lock();
        try {
            shutdown = true;
            List<Runnable> pending = new ArrayList<>(queue);
            queue.clear();
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
            return shutdown && queue.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
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

    /** A thread's pending wake-up on simulated time, ordered like tasks. Guarded by the executor's lock. */
    protected static final class Wakeup implements Comparable<Wakeup> {
        public final Instant wake;
        private final long seq;
        /** Set once the clock has reached {@link #wake} and the thread may go on. */
        public boolean woken;

        public Wakeup(Instant wake, long seq) {
            this.wake = wake;
            this.seq = seq;
        }

        @Override
        public int compareTo(Wakeup o) {
            int c = wake.compareTo(o.wake);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** A task due at a simulated instant; a periodic one goes back in the queue after each run. */
    protected final class Task<V> extends FutureTask<V> implements RunnableScheduledFuture<V> {
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
            if (other instanceof VirtualExecutor.Task<?> t) {
                int c = time.compareTo(t.time);
                return c != 0 ? c : Long.compare(seq, t.seq);
            }
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
