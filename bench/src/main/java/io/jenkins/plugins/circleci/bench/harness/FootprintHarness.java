package io.jenkins.plugins.circleci.bench.harness;

import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.bench.baseline.BaselineWaiter;
import io.jenkins.plugins.circleci.bench.baseline.PlainApi;
import io.jenkins.plugins.circleci.bench.baseline.Sleeper;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.trigger.PipelineWatcher;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * Threads and heap for many concurrent waits, in real time, on pipelines that outlast the measurement.
 *
 * <p>Method: trigger every pipeline first (so the simulator's own state and its HTTP pool are in place), take a full
 * GC and read the used heap and live thread count; start the waits and let them run for {@code settle}; read the
 * JVM's peak thread count (once the waits made their first requests); full GC again and read the used heap. Threads = peak − before; heap per wait = (after −
 * before) / waits. The simulator runs in the same JVM, but its pool is full before the first reading and its per
 * pipeline state exists in both readings, so the differences are the waits'.
 */
public final class FootprintHarness {

    private static final Duration OUTLASTS_THE_RUN = Duration.ofHours(2);
    /** Requests to see before the settle period starts: the waits are at work, within any budget's first burst. */
    private static final int FIRST_REQUESTS = 20;

    private final long seed;

    public FootprintHarness(long seed) {
        this.seed = seed;
    }

    public FootprintFigures run(Contender contender, int waits, Duration settle) throws Exception {
        Clock clock = Clock.systemUTC();
        try (CircleCiSimulator sim = CircleCiSimulator.builder().port(0).clock(clock)
                .scenario(BenchProjects.uniform(OUTLASTS_THE_RUN)).seed(seed)
                .journalCapacity(0).webhookPollInterval(null).start()) {
            OkHttpClient http = new OkHttpClient();
            PipelineStarter starter = new PipelineStarter(new PlainApi(http, sim.baseUrl(), BenchProjects.TOKEN));
            List<Triggered> pipelines = new ArrayList<>(waits);
            for (int i = 0; i < waits; i++) {
                pipelines.add(starter.trigger(BenchProjects.slug(i)));
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long heapBefore = usedHeapAfterGc(memory);
            int threadsBefore = threads.getThreadCount();
            threads.resetPeakThreadCount();
            long requestsBefore = sim.journal().total();

            try (Waiter waiter = waiter(contender, sim, http, clock)) {
                pipelines.forEach(waiter::start);
                awaitFirstRequests(sim, requestsBefore, Math.min(waits, FIRST_REQUESTS), settle.multipliedBy(20));
                Thread.sleep(settle.toMillis());
                long peakThreads = threads.getPeakThreadCount() - threadsBefore;
                long heapAfter = usedHeapAfterGc(memory);
                long requests = sim.journal().total() - requestsBefore;
                if (waiter.finished() > 0) {
                    throw new IllegalStateException(waiter.finished() + " waits ended while they were measured: "
                            + waiter.results().get(0).detail());
                }
                return new FootprintFigures(contender.name(), waits, peakThreads,
                        Math.max(0, (heapAfter - heapBefore) / waits), requests, false);
            }
        }
    }

    private static Waiter waiter(Contender contender, CircleCiSimulator sim, OkHttpClient http, Clock clock) {
        if (contender.isBaseline()) {
            BaselineWaiter baseline = new BaselineWaiter(new PlainApi(http, sim.baseUrl(), BenchProjects.TOKEN),
                    BaselineWaiter.DEFAULT_INTERVAL, Sleeper.REAL);
            return new BaselineThreads(baseline, clock, BaselineThreads::startDaemon);
        }
        return new EngineWaiter(PipelineWatcher.withOwnScheduler(),
                EngineClients.client(sim.baseUrl(), http, RateLimit.defaults(), clock),
                contender.options().toBuilder().cancelOnAbort(false).build(), clock);
    }

    private static void awaitFirstRequests(CircleCiSimulator sim, long before, long count, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (sim.journal().total() - before < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The waits made only " + (sim.journal().total() - before)
                        + " requests within " + patience + "; expected at least " + count + ".");
            }
            Thread.sleep(5);
        }
    }

    /** A few full collections until the figure settles, then the used heap. */
    static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < 64 * 1024) {
                break;
            }
            previous = used;
        }
        return used;
    }
}
