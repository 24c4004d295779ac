package io.jenkins.plugins.circleci.bench.harness;

import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.bench.baseline.BaselineWaiter;
import io.jenkins.plugins.circleci.bench.baseline.PlainApi;
import io.jenkins.plugins.circleci.bench.baseline.Sleeper;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.trigger.PipelineWatcher;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * Threads and heap for many concurrent waits, in real time, on pipelines that outlast the measurement.
 *
 * <p>Method: trigger every pipeline and read it once (so the simulator's per-pipeline state and its HTTP pool are in
 * place), read the {@link LiveHeap live heap} and the live thread count; start the waits, wait until every one has
 * made its first poll, and let them run for {@code settle}; read the JVM's peak thread count and the live heap again.
 * Threads = peak − before; heap per wait = (after − before) / waits. The simulator runs in the same JVM, but what it
 * keeps exists in both readings, so the differences are the waits'.
 */
public final class FootprintHarness {

    private static final Duration OUTLASTS_THE_RUN = Duration.ofHours(2);
    private static final String WORKFLOW_ROUTE = "GET /pipeline/{pipeline-id}/workflow";
    /**
     * Our engine's budget for this figure only: large enough that every wait has made its first poll (and so holds
     * what a wait holds) within seconds. With the default 10 requests/s, 10,000 waits would need 17 minutes for
     * that. The budget creates no thread and holds nothing per wait.
     */
    static final RateLimit FIRST_POLLS_BUDGET = new RateLimit(10_000, 10_000);
    private static final Duration FIRST_POLLS_PATIENCE = Duration.ofMinutes(1);

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
            PlainApi api = new PlainApi(http, sim.baseUrl(), BenchProjects.TOKEN);
            List<Triggered> pipelines = new ArrayList<>(waits);
            for (int i = 0; i < waits; i++) {
                Triggered t = starter.trigger(BenchProjects.slug(i));
                pipelines.add(t);
                readOnce(api, t);
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long heapBefore = LiveHeap.bytes();
            int threadsBefore = threads.getThreadCount();
            threads.resetPeakThreadCount();
            long requestsBefore = sim.journal().total();
            long workflowReadsBefore = workflowReads(sim);

            try (Waiter waiter = waiter(contender, sim, http, clock)) {
                pipelines.forEach(waiter::start);
                awaitFirstPolls(sim, workflowReadsBefore, waits);
                Thread.sleep(settle.toMillis());
                long peakThreads = threads.getPeakThreadCount() - threadsBefore;
                long heapAfter = LiveHeap.bytes();
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
                EngineClients.client(sim.baseUrl(), http, FIRST_POLLS_BUDGET, clock),
                contender.options().toBuilder().cancelOnAbort(false).build(), clock);
    }

    /** Until every wait has listed its pipeline's workflows once: each then holds what a running wait holds. */
    private static void awaitFirstPolls(CircleCiSimulator sim, long before, int waits) throws InterruptedException {
        long deadline = System.nanoTime() + FIRST_POLLS_PATIENCE.toNanos();
        while (workflowReads(sim) - before < waits) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + (workflowReads(sim) - before) + " of " + waits + " waits "
                        + "made their first poll within " + FIRST_POLLS_PATIENCE + ".");
            }
            Thread.sleep(10);
        }
    }

    private static long workflowReads(CircleCiSimulator sim) {
        return sim.journal().countsByRoute().getOrDefault(WORKFLOW_ROUTE, 0L);
    }

    /**
     * Reads the pipeline and its workflows once, as a first poll would, so that what the simulator keeps per pipeline
     * it has been asked about (its journal's counters) exists before the first heap reading and is not charged to the
     * waits.
     */
    private static void readOnce(PlainApi api, Triggered pipeline) throws java.io.IOException {
        api.get("/pipeline/" + pipeline.id());
        api.get("/pipeline/" + pipeline.id() + "/workflow");
    }
}
