package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.simulator.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A {@link ScheduledExecutorService} on virtual time: nothing runs until the test advances the clock, then due tasks
 * run on the test's thread in time order, the clock set to each task's time. Hours of waiting take milliseconds.
 */
final class VirtualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final ManualClock clock;
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private long sequence;
    private boolean shutdown;
    private int ran;

    VirtualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    /** Runs every task due within {@code d}, then leaves the clock at now + d. */
    void advance(Duration d) {
        Instant end = clock.instant().plus(d);
        runWhile(() -> true, end);
        clock.set(end);
    }

    /**
     * Runs due tasks in time order until {@code done} holds, at most {@code max} of virtual time.
     *
     * @return whether {@code done} became true
     */
    boolean runUntil(BooleanSupplier done, Duration max) {
        runWhile(() -> !done.getAsBoolean(), clock.instant().plus(max));
        return done.getAsBoolean();
    }

    /** How many tasks have run. */
    int tasksRun() {
        return ran;
    }

    /** How many tasks wait to run (cancelled ones included until their time comes). */
    synchronized int queued() {
        return queue.size();
    }

    private void runWhile(BooleanSupplier go, Instant end) {
        while (go.getAsBoolean()) {
            Task<?> task;
            synchronized (this) {
                task = queue.peek();
                if (task == null || task.at.isAfter(end)) {
                    return;
                }
                queue.poll();
            }
            if (task.at.isAfter(clock.instant())) {
                clock.set(task.at);
            }
            if (!task.isCancelled()) {
                ran++;
                task.run();
            }
        }
    }

    private synchronized <V> Task<V> enqueue(Callable<V> callable, long delay, TimeUnit unit) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("the virtual scheduler is shut down");
        }
        Task<V> task = new Task<>(callable, clock.instant().plusNanos(Math.max(0, unit.toNanos(delay))), sequence++);
        queue.add(task);
        return task;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return enqueue(Executors.callable(command), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return enqueue(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("the watcher schedules one task at a time");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("the watcher schedules one task at a time");
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> pending = List.copyOf(queue);
        queue.clear();
        return pending;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && queue.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        final Instant at;
        final long seq;

        Task(Callable<V> callable, Instant at, long seq) {
            super(callable);
            this.at = at;
            this.seq = seq;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), at));
        }

        @Override
        public int compareTo(Delayed o) {
            Task<?> other = (Task<?>) o;
            int c = at.compareTo(other.at);
            return c != 0 ? c : Long.compare(seq, other.seq);
        }
    }
}
