package io.jenkins.plugins.circleci.bench.harness;

import java.time.Duration;
import java.util.Map;

/**
 * One contender polling {@code pipelines} pipelines of about {@code length} each, in simulated time.
 *
 * @param latencies          from the simulator's completion instant to the end of each wait
 * @param waitRequests       requests the simulator journaled, less the triggers
 * @param clientRequests     requests the contender's HTTP client sent (must equal {@code waitRequests})
 * @param requestsByRoute    the journal's counters per route, triggers included
 * @param correctOutcomes    waits that reported the scripted success
 */
public record PollingFigures(String contender, Duration length, int pipelines, Latencies latencies, long waitRequests,
                             long clientRequests, Map<String, Long> requestsByRoute, int correctOutcomes) {

    public PollingFigures {
        requestsByRoute = Map.copyOf(requestsByRoute);
    }

    public double requestsPerPipeline() {
        return pipelines == 0 ? 0 : (double) waitRequests / pipelines;
    }
}
