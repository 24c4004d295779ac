package io.jenkins.plugins.circleci.bench.harness;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RequestBudget;
import java.time.Clock;
import okhttp3.OkHttpClient;

/** Our client, set up the way the plugin sets it up, pointed at a simulator. */
public final class EngineClients {

    private EngineClients() {}

    /**
     * A client with a budget of its own (what one controller has for one host and token), so that runs do not share
     * budget through the JVM-wide registry.
     */
    public static CircleCiClient client(String baseUrl, OkHttpClient http, RateLimit limit, Clock clock) {
        return CircleCiClient.builder()
                .baseUrl(baseUrl)
                .token(BenchProjects.TOKEN)
                .httpClient(http)
                .clock(clock)
                .budget(RequestBudget.create(limit, clock))
                .build();
    }
}
