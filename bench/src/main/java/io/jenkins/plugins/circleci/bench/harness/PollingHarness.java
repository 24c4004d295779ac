package io.jenkins.plugins.circleci.bench.harness;

import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.bench.baseline.BaselineWaiter;
import io.jenkins.plugins.circleci.bench.baseline.PlainApi;
import io.jenkins.plugins.circleci.bench.virtual.VirtualScheduler;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.trigger.PipelineWatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Detection latency and requests per wait when only polling, in simulated time: the simulator, our engine's scheduler
 * and the baseline's sleeping threads all follow one {@link ManualClock}, so an hour-long pipeline takes seconds and
 * a latency is exactly what the contender's schedule made it, whatever the machine's load.
 */
public final class PollingHarness {

    /** Triggers are spread over this much simulated time, as builds start at different moments on a controller. */
    private static final Duration STAGGER = Duration.ofSeconds(30);
    /**
     * At most this many pipelines run at once; more run in successive rounds. Our engine shares one request budget
     * (10 requests/s) among its waits: past about 90 concurrent waits polling every 10 s, or about 40 looking every
     * 4 s around their expected ends (a duration-aware wait's dense looks), that budget, not the schedule, would set
     * the figures. That is a load figure, not a per-wait one; {@link ScaleHarness} measures it.
     */
    static final int ROUND = 30;

    private final long seed;

    public PollingHarness(long seed) {
        this.seed = seed;
    }

    public PollingFigures run(Contender contender, Duration length, int pipelines) throws Exception {
        ManualClock clock = new ManualClock();
        List<Duration> durations = BenchProjects.jobDurations(length, pipelines, seed);
        try (CircleCiSimulator sim = CircleCiSimulator.builder().port(0).clock(clock)
                .scenario(BenchProjects.scenario(durations, null, length, contender.history(), seed)).seed(seed)
                .journalCapacity(0).webhookPollInterval(null).start()) {
            VirtualScheduler scheduler = new VirtualScheduler(clock);
            RequestCounter counter = new RequestCounter();
            // Asynchronous calls, if a contender makes any, run as tasks of the virtual scheduler too.
            OkHttpClient http = new OkHttpClient.Builder().dispatcher(new Dispatcher(scheduler))
                    .addNetworkInterceptor(counter).build();
            PipelineStarter starter = new PipelineStarter(new PlainApi(new OkHttpClient(), sim.baseUrl(),
                    BenchProjects.TOKEN));
            Instant start = clock.instant();
            try (Waiter waiter = waiter(contender, sim, http, scheduler, seed)) {
                Duration roundLength = length.plus(STAGGER).plus(Duration.ofMinutes(1));
                for (int i = 0; i < pipelines; i++) {
                    String slug = BenchProjects.slug(i);
                    Duration offset = roundLength.multipliedBy(i / ROUND)
                            .plus(STAGGER.multipliedBy(i % ROUND).dividedBy(ROUND));
                    scheduler.schedule(() -> waiter.start(starter.trigger(slug)), offset.toNanos(),
                            TimeUnit.NANOSECONDS);
                }
                int rounds = (pipelines + ROUND - 1) / ROUND;
                Instant horizon = start.plus(roundLength.multipliedBy(rounds + 2));
                scheduler.runUntil(() -> waiter.finished() == pipelines, horizon, Duration.ofMinutes(1));
                return figures(contender, length, pipelines, sim, waiter.results(), counter.sent());
            } finally {
                scheduler.shutdownNow();
                http.dispatcher().cancelAll();
            }
        }
    }

    /** The contender's waiter; our engine's jitter is seeded, so that a run repeats exactly. */
    static Waiter waiter(Contender contender, CircleCiSimulator sim, OkHttpClient http, VirtualScheduler scheduler,
                         long seed) {
        ManualClock clock = scheduler.clock();
        if (contender.isBaseline()) {
            BaselineWaiter baseline = new BaselineWaiter(new PlainApi(http, sim.baseUrl(), BenchProjects.TOKEN),
                    BaselineWaiter.DEFAULT_INTERVAL, scheduler::sleep);
            return new BaselineThreads(baseline, clock, scheduler::startParticipant);
        }
        return new EngineWaiter(new PipelineWatcher(scheduler, clock, new Random(seed)),
                EngineClients.client(sim.baseUrl(), http, RateLimit.defaults(), clock, scheduler::passTime),
                contender.options(), clock);
    }

    static PollingFigures figures(Contender contender, Duration length, int pipelines, CircleCiSimulator sim,
                                  List<WaitResult> results, long clientRequests) {
        List<Duration> latencies = new ArrayList<>();
        int correct = 0;
        for (WaitResult r : results) {
            Instant completed = sim.completedAt(r.pipelineId()).orElseThrow(() -> new IllegalStateException(
                    "The wait for " + r.pipelineId() + " ended (" + r.detail() + ") but the simulator has not "
                            + "completed that pipeline."));
            latencies.add(Duration.between(completed, r.detectedAt()));
            if (r.correct()) {
                correct++;
            }
        }
        long triggers = sim.journal().count("POST", "^/project/.+/pipeline$");
        long waitRequests = sim.journal().total() - triggers;
        return new PollingFigures(contender.name(), length, pipelines, new Latencies(latencies), waitRequests,
                clientRequests, sim.journal().countsByRoute(), correct);
    }
}
