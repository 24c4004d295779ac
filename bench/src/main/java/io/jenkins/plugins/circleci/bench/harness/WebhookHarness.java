package io.jenkins.plugins.circleci.bench.harness;

import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.bench.baseline.PlainApi;
import io.jenkins.plugins.circleci.bench.webhook.WebhookEndpoint;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.scenario.WebhookTarget;
import io.jenkins.plugins.circleci.trigger.PipelineWatcher;
import io.jenkins.plugins.circleci.trigger.WatchOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import okhttp3.OkHttpClient;

/**
 * Detection latency with a webhook nudge, in real time (the point is the wall time between CircleCI's event and the
 * end of the wait): simulator outbound webhook → {@link WebhookEndpoint} (core's webhook receiver: signature checked) →
 * {@link PipelineWatcher#nudge}. Polling is slowed to once a minute, so that only the nudge can explain a quick end,
 * and builds start slowly enough that the request budget never runs dry (a nudge that finds it dry waits for it,
 * which is the budget's figure, not the nudge's).
 */
public final class WebhookHarness {

    static final String SECRET = "bench-webhook-secret";
    /** The simulator's webhook sender looks for completed workflows this often (real time). */
    static final Duration SIMULATOR_WEBHOOK_POLL = Duration.ofMillis(5);
    private static final Duration POLL_WHEN_NUDGED = Duration.ofMinutes(1);
    /** Each wait makes four requests (first look, nudged look): 8 requests a second, within the default 10. */
    private static final Duration TRIGGER_SPACING = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final long seed;

    public WebhookHarness(long seed) {
        this.seed = seed;
    }

    public WebhookFigures run(Contender contender, int pipelines) throws Exception {
        if (contender.isBaseline()) {
            throw new IllegalArgumentException("The baseline has no webhook support: it only polls.");
        }
        Clock clock = Clock.systemUTC();
        WatchOptions options = contender.options().toBuilder()
                .pollInterval(POLL_WHEN_NUDGED, POLL_WHEN_NUDGED).build();
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-watcher");
            t.setDaemon(true);
            return t;
        });
        PipelineWatcher watcher = new PipelineWatcher(pool, clock);
        try (WebhookEndpoint receiver = WebhookEndpoint.start(SECRET, watcher::nudge);
             CircleCiSimulator sim = CircleCiSimulator.builder().port(0).clock(clock)
                     .scenario(BenchProjects.scenario(shortJobs(pipelines), new WebhookTarget(receiver.url(), SECRET,
                             "bench", List.of("workflow-completed"), null)))
                     .seed(seed).journalCapacity(0).webhookPollInterval(SIMULATOR_WEBHOOK_POLL).start();
             EngineWaiter waiter = new EngineWaiter(watcher,
                     EngineClients.client(sim.baseUrl(), new OkHttpClient(), RateLimit.defaults(), clock),
                     options, clock)) {
            PipelineStarter starter = new PipelineStarter(new PlainApi(new OkHttpClient(), sim.baseUrl(),
                    BenchProjects.TOKEN));
            for (int i = 0; i < pipelines; i++) {
                waiter.start(starter.trigger(BenchProjects.slug(i)));
                Thread.sleep(TRIGGER_SPACING.toMillis());
            }
            awaitAll(waiter, pipelines);
            List<Duration> latencies = new ArrayList<>();
            int correct = 0;
            for (WaitResult r : waiter.results()) {
                latencies.add(Duration.between(sim.completedAt(r.pipelineId()).orElseThrow(), r.detectedAt()));
                correct += r.correct() ? 1 : 0;
            }
            long waitRequests = sim.journal().total() - sim.journal().count("POST", "^/project/.+/pipeline$");
            return new WebhookFigures(contender.name(), pipelines, new Latencies(latencies), receiver.accepted(),
                    receiver.rejected(), receiver.nudged(), waitRequests, correct);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Jobs of 1 to 3 s: long enough to be waited for, short enough that the run takes seconds. */
    private List<Duration> shortJobs(int count) {
        Random random = new Random(seed);
        List<Duration> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(Duration.ofMillis(1_000 + random.nextInt(2_000)));
        }
        return out;
    }

    private static void awaitAll(Waiter waiter, int count) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (waiter.finished() < count) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Only " + waiter.finished() + " of " + count + " waits ended within "
                        + PATIENCE + ": a webhook nudge was lost.");
            }
            Thread.sleep(10);
        }
    }
}
