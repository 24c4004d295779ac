package io.jenkins.plugins.circleci.steps;

import hudson.init.Terminator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The plugin's own threads for talking to CircleCI, so that a CircleCI outage or a storm of 429s never holds Jenkins'
 * shared {@code jenkins.util.Timer} (a handful of threads the whole controller depends on).
 *
 * <ul>
 *   <li>{@link #blocking()}: triggers and credential lookups, which may block for as long as the client's retries
 *       allow. At most {@value #BLOCKING_THREADS} threads, which end after a minute idle; more work queues.
 *   <li>{@link #scheduler()}: the watcher's polls and aborts (cancels). Its client never retries in place (see
 *       {@link CircleCiWaitRunner}), so each task blocks for at most one request's timeouts.
 * </ul>
 *
 * Both are daemon threads named after the plugin, shut down when Jenkins terminates and made anew when Jenkins starts
 * again inside the same JVM (as tests do).
 */
@Restricted(NoExternalUse.class)
public final class CircleCiExecutors {
    static final int BLOCKING_THREADS = 4;
    static final int SCHEDULER_THREADS = 2;
    private static final long IDLE_SECONDS = 60;

    private static ExecutorService blocking;
    private static ScheduledExecutorService scheduler;

    private CircleCiExecutors() {}

    static synchronized ExecutorService blocking() {
        if (blocking == null || blocking.isShutdown()) {
            blocking = newBlocking("CircleCI trigger");
        }
        return blocking;
    }

    static synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null || scheduler.isShutdown()) {
            scheduler = newScheduler("CircleCI watcher");
        }
        return scheduler;
    }

    /** At most {@value #BLOCKING_THREADS} threads, which end after a minute idle; more work queues. */
    static ExecutorService newBlocking(String threadName) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(BLOCKING_THREADS, BLOCKING_THREADS, IDLE_SECONDS,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemons(threadName));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    static ScheduledExecutorService newScheduler(String threadName) {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(SCHEDULER_THREADS, daemons(threadName));
        // A nudge replaces a pending poll; dropping the cancelled one keeps the queue as short as the waits.
        pool.setRemoveOnCancelPolicy(true);
        // Once shut down, polls due later are dropped rather than run: the saved state resumes them after a restart.
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return pool;
    }

    /**
     * Stops both pools as Jenkins goes down. Running waits are not failed: their saved state resumes them after the
     * restart (the runner tells a rejected poll from a failed one).
     */
    @Terminator
    public static synchronized void shutdown() {
        stop(blocking);
        stop(scheduler);
    }

    /**
     * Takes no new work and drops what was due later, but does not interrupt a request in flight: an interrupted
     * poll would fail its step, when the controller going down must only pause it. Requests end within their
     * timeouts, and the threads are daemons, so nothing holds the JVM.
     */
    static void stop(ExecutorService pool) {
        if (pool != null) {
            pool.shutdown();
        }
    }

    static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, name + " #" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
