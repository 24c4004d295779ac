package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * Follows pipelines to their true end on a shared scheduler: no thread per wait. Polls at adaptive intervals with
 * jitter, respects the client's shared request budget, and looks at once when nudged.
 *
 * <p>Each poll runs briefly on the scheduler and may block on HTTP, but never sleeps: a failed read is retried by
 * scheduling the poll again. Clients built with {@link io.jenkins.plugins.circleci.api.RetryPolicy#none()} suit it
 * best (a client that retries itself holds a scheduler thread through its backoff); either kind gives correct results.
 */
public final class PipelineWatcher implements AutoCloseable {
    private static final int OWN_SCHEDULER_THREADS = 2;

    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final boolean ownsScheduler;
    private final RandomGenerator random;
    private final Set<Watch> active = ConcurrentHashMap.newKeySet();

    /**
     * Runs on the given scheduler, whose threads polls may block on HTTP (so not a scheduler shared with unrelated
     * work, such as Jenkins' Timer); the clock decides deadlines.
     */
    public PipelineWatcher(ScheduledExecutorService scheduler, Clock clock) {
        this(scheduler, clock, false, new Random());
    }

    /**
     * The same, with the source of the jitter that spreads polls apart. A seeded one ({@code new Random(seed)})
     * repeats every wait's schedule exactly, as long as the scheduler runs the polls in the same order (a virtual
     * scheduler does): the benchmarks' simulated-time figures and the soak's replayed cases rely on it. It is called from the scheduler's
     * threads, under a lock of the watcher's, so it need not be thread-safe.
     */
    public PipelineWatcher(ScheduledExecutorService scheduler, Clock clock, RandomGenerator jitter) {
        this(scheduler, clock, false, jitter);
    }

    PipelineWatcher(ScheduledExecutorService scheduler, Clock clock, boolean ownsScheduler, RandomGenerator random) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ownsScheduler = ownsScheduler;
        this.random = new LockedRandom(Objects.requireNonNull(random, "jitter"));
    }

    /** A watcher with its own small daemon scheduler, shut down by {@link #close()}. */
    public static PipelineWatcher withOwnScheduler() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory daemons = task -> {
            Thread t = new Thread(task, "circleci-watcher-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(OWN_SCHEDULER_THREADS, daemons);
        // Nudges cancel and replace pending polls; dropping cancelled ones keeps the queue as long as the waits.
        scheduler.setRemoveOnCancelPolicy(true);
        return new PipelineWatcher(scheduler, Clock.systemUTC(), true, new Random());
    }

    /** Starts (or, from a saved state, resumes) a wait. */
    public WatchHandle watch(CircleCiClient client, WatchState state, WatchOptions options, ProgressListener listener) {
        return watch(PipelineApi.of(Objects.requireNonNull(client, "client")), state, options, listener);
    }

    WatchHandle watch(PipelineApi api, WatchState state, WatchOptions options, ProgressListener listener) {
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        warnAboutUnknownStatuses(Objects.requireNonNull(options, "options"), progress);
        Watch watch = new Watch(api, Objects.requireNonNull(state, "state"), options, progress, scheduler, clock,
                random);
        active.add(watch);
        // A wait whose sweep still cancels late workflows stays active, so that close() stops it.
        watch.cancellationsDone().whenComplete((o, e) -> active.remove(watch));
        watch.start();
        return watch;
    }

    private static void warnAboutUnknownStatuses(WatchOptions options, ProgressListener listener) {
        List<String> unknown = options.resultMapping().unknownStatuses();
        if (!unknown.isEmpty()) {
            listener.onEvent(new ProgressEvent.Warning("the result mapping names " + String.join(", ", unknown)
                    + ", which CircleCI is not known to report; check the spelling (it applies only if CircleCI "
                    + "reports exactly that status)"));
        }
    }

    /**
     * Nudges every wait on this pipeline or workflow id (from a webhook).
     *
     * @return how many waits were nudged
     */
    public int nudge(String pipelineOrWorkflowId) {
        int nudged = 0;
        for (Watch watch : active) {
            if (watch.concerns(pipelineOrWorkflowId)) {
                watch.nudge();
                nudged++;
            }
        }
        return nudged;
    }

    /** How many waits are running. */
    public int activeWatches() {
        // A finished wait leaves the set just after its outcome completes; it no longer counts from that moment.
        return (int) active.stream().filter(w -> !w.outcome().isDone()).count();
    }

    /**
     * Stops every wait without canceling anything on CircleCI (their outcomes are cancelled; their saved states can
     * resume them), and shuts down the scheduler if this watcher created it.
     */
    @Override
    public void close() {
        for (Watch watch : active) {
            watch.stop();
        }
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
    }
}
