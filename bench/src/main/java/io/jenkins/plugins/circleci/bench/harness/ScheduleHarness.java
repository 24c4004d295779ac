package io.jenkins.plugins.circleci.bench.harness;

import io.jenkins.plugins.circleci.bench.baseline.PlainApi;
import io.jenkins.plugins.circleci.bench.virtual.VirtualScheduler;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/** The requests of one wait for one pipeline, in simulated time: the picture of a contender's schedule. */
public final class ScheduleHarness {

    private final long seed;

    public ScheduleHarness(long seed) {
        this.seed = seed;
    }

    /** One pipeline whose job lasts {@code job}; projects have {@code contender.history()} for {@code length}. */
    public ScheduleFigures run(Contender contender, Duration length, Duration job) throws Exception {
        ManualClock clock = new ManualClock();
        try (CircleCiSimulator sim = CircleCiSimulator.builder().port(0).clock(clock)
                .scenario(BenchProjects.scenario(List.of(job), null, length, contender.history(), seed)).seed(seed)
                .journalCapacity(0).webhookPollInterval(null).start()) {
            VirtualScheduler scheduler = new VirtualScheduler(clock);
            Instant start = clock.instant();
            List<Duration> requests = new ArrayList<>();
            OkHttpClient http = new OkHttpClient.Builder().dispatcher(new Dispatcher(scheduler))
                    .addNetworkInterceptor(chain -> {
                        synchronized (requests) {
                            requests.add(Duration.between(start, clock.instant()));
                        }
                        return chain.proceed(chain.request());
                    }).build();
            PipelineStarter starter = new PipelineStarter(new PlainApi(new OkHttpClient(), sim.baseUrl(),
                    BenchProjects.TOKEN));
            try (Waiter waiter = PollingHarness.waiter(contender, sim, http, scheduler, seed)) {
                Triggered pipeline = starter.trigger(BenchProjects.slug(0));
                waiter.start(pipeline);
                scheduler.runUntil(() -> waiter.finished() == 1, start.plus(length.multipliedBy(3)),
                        Duration.ofMinutes(1));
                WaitResult result = waiter.results().get(0);
                Instant end = sim.completedAt(pipeline.id()).orElseThrow();
                synchronized (requests) {
                    return new ScheduleFigures(contender.name(), requests, Duration.between(start, end),
                            Duration.between(start, result.detectedAt()));
                }
            } finally {
                scheduler.shutdownNow();
                http.dispatcher().cancelAll();
            }
        }
    }
}
