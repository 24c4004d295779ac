package io.jenkins.plugins.circleci.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The way the common peer plugins wait (Parameterized Remote Trigger, Buildkite, CodeBuild): the calling thread is
 * held for the whole wait and polls at a fixed interval, each poll reading the pipeline and then its workflows. No
 * backoff, no jitter, no shared request budget, no webhook. It is the yardstick, so it is deliberately plain.
 */
public final class BaselineWaiter {

    /** The peers' usual interval. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    private static final Set<String> TERMINAL =
            Set.of("success", "failed", "error", "canceled", "unauthorized", "not_run");

    private final PlainApi api;
    private final Duration interval;
    private final Sleeper sleeper;

    public BaselineWaiter(PlainApi api, Duration interval, Sleeper sleeper) {
        this.api = api;
        this.interval = interval;
        this.sleeper = sleeper;
    }

    /** Blocks the calling thread until the pipeline errored or all its workflows are terminal. */
    public BaselineOutcome await(String pipelineId) throws IOException, InterruptedException {
        int polls = 0;
        while (true) {
            polls++;
            String state = api.get("/pipeline/" + pipelineId).path("state").asText();
            if ("errored".equals(state)) {
                return new BaselineOutcome(state, Map.of(), polls);
            }
            JsonNode items = api.get("/pipeline/" + pipelineId + "/workflow").path("items");
            Map<String, String> statuses = new LinkedHashMap<>();
            items.forEach(w -> statuses.put(w.path("name").asText(), w.path("status").asText()));
            if (!statuses.isEmpty() && TERMINAL.containsAll(statuses.values())) {
                return new BaselineOutcome(state, statuses, polls);
            }
            sleeper.sleep(interval);
        }
    }
}
