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
 *   <li>{@link #blocking()}: triggers, credential lookups and the reports read once a wait has ended, which may block
 *       for as long as the client's retries allow. At most {@value #BLOCKING_THREADS} threads, which end after a
 *       minute idle; more work queues.
 *   <li>{@link #scheduler()}: the watcher's polls and aborts (cancels). Its client never retries in place (see
 *       {@link CircleCiWaitRunner}), but one task may still send several requests (the pipeline, its workflows, some of
 *       their jobs, an approval, one cancel per running workflow), each bounded by the client's timeouts
 *       and by its wait for the shared request budget; so a slow CircleCI holds these threads for minutes at worst,
 *       and nothing that must happen on time runs here.
 *   <li>{@link #timer()}: short timers that must fire on time whatever CircleCI does (an abort's grace period, the
 *       check that the build still runs). Its one thread never does I/O: a task here only decides, and hands any
 *       request to the pools above.
 * </ul>
 *
 * All are daemon threads named after the plugin, whose context class loader is the plugin's (a thread first made
 * while a build's CPS VM thread hands over work would otherwise inherit, and keep alive for the controller's
 * lifetime, that build's Groovy class loader). They are shut down when Jenkins terminates and made anew when Jenkins
 * starts again inside the same JVM (as tests do).
 */
@Restricted(NoExternalUse.class)
public final class CircleCiExecutors {
    static final int BLOCKING_THREADS = 4;
    static final int SCHEDULER_THREADS = 2;
    private static final long IDLE_SECONDS = 60;
    private static final ClassLoader PLUGIN_LOADER = CircleCiExecutors.class.getClassLoader();

    private static ExecutorService blocking;
    private static ScheduledExecutorService scheduler;
    private static ScheduledExecutorService timer;

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

    static synchronized ScheduledExecutorService timer() {
        if (timer == null || timer.isShutdown()) {
            timer = newTimer("CircleCI timer");
        }
        return timer;
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

    /** One thread for timers that never do I/O; a timer cancelled before it is due leaves the queue at once. */
    static ScheduledExecutorService newTimer(String threadName) {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, daemons(threadName));
        pool.setRemoveOnCancelPolicy(true);
        // Once shut down, timers due later are dropped: a restarted controller arms its own on resume.
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return pool;
    }

    /**
     * Stops the pools as Jenkins goes down. Running waits are not failed: their saved state resumes them after the
     * restart (the runner tells a rejected poll from a failed one).
     */
    @Terminator
    public static synchronized void shutdown() {
        stop(blocking);
        stop(scheduler);
        stop(timer);
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
            // Not the creating thread's (which may be a build's CPS VM thread, with its script's class loader).
            t.setContextClassLoader(PLUGIN_LOADER);
            return t;
        };
    }
}
