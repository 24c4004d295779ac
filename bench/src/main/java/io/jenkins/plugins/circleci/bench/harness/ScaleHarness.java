package io.jenkins.plugins.circleci.bench.harness;

import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.bench.baseline.PlainApi;
import io.jenkins.plugins.circleci.bench.virtual.VirtualScheduler;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.trigger.PipelineWatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Thousands of waits on one token at once, in simulated time, against a simulator that throttles the token as CircleCI
 * would: how many requests per second the waits send at most, and whether any is refused (429).
 *
 * <p>The pipelines are those of a few projects (so that waits share their projects' durations, as builds of one
 * controller do), all of one length, triggered evenly over the first half of that length: every wait runs at once
 * through the second half, and their ends spread over as long.
 * CircleCI publishes no numeric limit (see docs/simulator.md); the simulator throttles each token to {@link #LIMIT}
 * requests per second, the one figure seen in public ({@code x-ratelimit-limit: 300} with a one-second reset, as a
 * third party reported), and our engine's budget is the most a token bucket may hold under it.
 */
public final class ScaleHarness {

    /** The simulator's throttle, per token and second. */
    public static final int LIMIT = 300;
    /**
     * Our engine's budget for the token: a bucket of this rate and burst never sends more than rate + burst requests
     * within one second, so never more than {@link #LIMIT}.
     */
    public static final RateLimit BUDGET = new RateLimit(250, 50);
    /** The harness triggers the pipelines with another token than the one the waits share. */
    static final String TRIGGER_TOKEN = "bench-trigger-token";
    public static final int PROJECTS = 20;

    private final long seed;

    public ScaleHarness(long seed) {
        this.seed = seed;
    }

    public ScaleFigures run(Contender contender, int waits, Duration length) throws Exception {
        ManualClock clock = new ManualClock();
        int projects = Math.min(PROJECTS, waits);
        List<Duration> durations = BenchProjects.jobDurations(length, projects, seed);
        Scenario scenario = BenchProjects.scenario(durations, null, length, contender.history(), seed,
                s -> s.rateLimit(LIMIT, Duration.ofSeconds(1)));
        try (CircleCiSimulator sim = CircleCiSimulator.builder().port(0).clock(clock).scenario(scenario).seed(seed)
                .journalCapacity(0).webhookPollInterval(null).threads(8).start()) {
            VirtualScheduler scheduler = new VirtualScheduler(clock);
            RequestCounter counter = new RequestCounter();
            RequestsPerSecond perSecond = new RequestsPerSecond(clock);
            OkHttpClient http = new OkHttpClient.Builder().dispatcher(new Dispatcher(scheduler))
                    .addNetworkInterceptor(counter).addNetworkInterceptor(perSecond).build();
            // Triggered with a token of their own: only the waits' requests count against the waits' token.
            PipelineStarter starter = new PipelineStarter(new PlainApi(new OkHttpClient(), sim.baseUrl(),
                    TRIGGER_TOKEN));
            Instant start = clock.instant();
            try (EngineWaiter waiter = new EngineWaiter(new PipelineWatcher(scheduler, clock, new Random(seed)),
                    EngineClients.client(sim.baseUrl(), http, BUDGET, clock, scheduler::passTime),
                    contender.options(), clock)) {
                AtomicReference<RuntimeException> triggerFailed = new AtomicReference<>();
                for (int i = 0; i < waits; i++) {
                    String slug = BenchProjects.slug(i % projects);
                    Duration offset = length.dividedBy(2).multipliedBy(i).dividedBy(waits);
                    scheduler.schedule(() -> {
                        try {
                            waiter.start(starter.trigger(slug));
                        } catch (RuntimeException e) {
                            triggerFailed.compareAndSet(null, e);
                        }
                    }, offset.toNanos(), TimeUnit.NANOSECONDS);
                }
                Instant horizon = start.plus(length.multipliedBy(4)).plus(Duration.ofHours(1));
                scheduler.runUntil(() -> waiter.finished() == waits || triggerFailed.get() != null, horizon,
                        Duration.ofMinutes(2));
                if (triggerFailed.get() != null) {
                    throw new IllegalStateException("A trigger failed, so a wait never started", triggerFailed.get());
                }
                Duration simulated = Duration.between(start, clock.instant());
                return figures(contender, waits, length, sim, waiter.results(), counter.sent(), perSecond, simulated);
            } finally {
                scheduler.shutdownNow();
                http.dispatcher().cancelAll();
            }
        }
    }

    private static ScaleFigures figures(Contender contender, int waits, Duration length, CircleCiSimulator sim,
                                        List<WaitResult> results, long clientRequests, RequestsPerSecond perSecond,
                                        Duration simulated) {
        List<Duration> latencies = new ArrayList<>();
        int correct = 0;
        for (WaitResult r : results) {
            sim.completedAt(r.pipelineId()).ifPresent(done -> latencies.add(Duration.between(done, r.detectedAt())));
            if (r.correct()) {
                correct++;
            }
        }
        long triggers = sim.journal().count("POST", "^/project/.+/pipeline$");
        long waitRequests = sim.journal().total() - triggers;
        long limited = sim.journal().countsByRoute().entrySet().stream()
                .filter(e -> e.getKey().endsWith("(rate limited)")).mapToLong(e -> e.getValue()).sum();
        long insights = sim.journal().count("GET", "^/insights/");
        double mean = simulated.isZero() ? 0 : perSecond.total() / (simulated.toMillis() / 1000.0);
        return new ScaleFigures(contender.name(), waits, length, BUDGET, LIMIT, new Latencies(latencies),
                waitRequests, clientRequests, perSecond.peak(), mean, limited, insights, correct, simulated);
    }
}
