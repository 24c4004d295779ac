package io.jenkins.plugins.circleci.bench.harness;

import java.time.Duration;
import java.util.List;

/**
 * When one contender's wait for one pipeline sent its requests, from the trigger on (simulated time).
 *
 * @param requests when each request went out
 * @param end      when the pipeline ended
 * @param detected when the wait ended
 */
public record ScheduleFigures(String contender, List<Duration> requests, Duration end, Duration detected) {

    public ScheduleFigures {
        requests = List.copyOf(requests);
    }
}
