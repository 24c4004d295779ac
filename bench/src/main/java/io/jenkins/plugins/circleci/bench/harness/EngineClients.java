package io.jenkins.plugins.circleci.bench.harness;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RequestBudget;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.api.http.Sleeper;
import java.time.Clock;
import okhttp3.OkHttpClient;

/** Our client, set up the way the watcher wants it, pointed at a simulator. */
public final class EngineClients {

    private EngineClients() {}

    /**
     * A client with a budget of its own (what one controller has for one host and token), so that runs do not share
     * budget through the JVM-wide registry, and without retries of its own (the watcher reschedules failed reads
     * itself, as {@code PipelineWatcher} recommends).
     */
    public static CircleCiClient client(String baseUrl, OkHttpClient http, RateLimit limit, Clock clock) {
        return builder(baseUrl, http, limit, clock).build();
    }

    /** The same, for simulated time: the client's waits for a budget permit pass on {@code sleeper}. */
    public static CircleCiClient client(String baseUrl, OkHttpClient http, RateLimit limit, Clock clock,
                                        Sleeper sleeper) {
        return builder(baseUrl, http, limit, clock).sleeper(sleeper).build();
    }

    private static CircleCiClient.Builder builder(String baseUrl, OkHttpClient http, RateLimit limit, Clock clock) {
        return CircleCiClient.builder()
                .baseUrl(baseUrl)
                .token(BenchProjects.TOKEN)
                .httpClient(http)
                .clock(clock)
                .retryPolicy(RetryPolicy.none())
                .budget(RequestBudget.create(limit, clock));
    }
}
