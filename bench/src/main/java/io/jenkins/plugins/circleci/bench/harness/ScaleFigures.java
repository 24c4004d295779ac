package io.jenkins.plugins.circleci.bench.harness;

import io.jenkins.plugins.circleci.api.RateLimit;
import java.time.Duration;

/**
 * Many concurrent waits on one token, in simulated time, against a simulator that throttles the token.
 *
 * @param contender        who waited
 * @param waits            how many waits ran at once
 * @param length           the pipelines' length
 * @param budget           the engine's shared request budget for the token
 * @param limit            the simulator's throttle: at most this many requests per second per token
 * @param latencies        from each pipeline's completion to the end of its wait
 * @param waitRequests     requests the waits sent (the journal's, less the triggers)
 * @param clientRequests   requests the engine's HTTP client sent (must equal {@code waitRequests})
 * @param peakPerSecond    the most requests the waits sent within one second of simulated time
 * @param meanPerSecond    their requests over the run's simulated duration
 * @param rateLimited      requests the simulator answered 429
 * @param insightsRequests requests for the projects' durations
 * @param correctOutcomes  waits that reported the scripted success
 * @param simulated        how long the run took in simulated time
 */
public record ScaleFigures(String contender, int waits, Duration length, RateLimit budget, int limit,
                           Latencies latencies, long waitRequests, long clientRequests, long peakPerSecond,
                           double meanPerSecond, long rateLimited, long insightsRequests, int correctOutcomes,
                           Duration simulated) {

    public double requestsPerWait() {
        return waits == 0 ? 0 : (double) waitRequests / waits;
    }
}
