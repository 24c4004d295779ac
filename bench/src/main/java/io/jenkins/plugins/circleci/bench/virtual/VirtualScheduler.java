package io.jenkins.plugins.circleci.bench.virtual;

import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.time.VirtualExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
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
public final class VirtualScheduler extends VirtualExecutor {

    private final PriorityQueue<Wakeup> sleeps = new PriorityQueue<>();
    private final List<Throwable> failures = new ArrayList<>();
    private int awakeParticipants;

    public VirtualScheduler(ManualClock clock) {
        super(clock);
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
            Wakeup sleep = new Wakeup(clock.instant().plus(duration), nextSequence());
            sleeps.add(sleep);
            awakeParticipants--;
            changed.signalAll();
            try {
                while (!sleep.woken) {
                    changed.await();
                }
            } catch (InterruptedException e) {
                if (!sleep.woken) {
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
                Task<?> due = pollDue();
                if (due != null) {
                    lock.unlock();
                    try {
                        due.run();
                    } finally {
                        lock.lock();
                    }
                    continue;
                }
                Instant wake = earliest(nextDue(), sleeps.isEmpty() ? null : sleeps.peek().wake);
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
            Wakeup s = sleeps.poll();
            s.woken = true;
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
}
