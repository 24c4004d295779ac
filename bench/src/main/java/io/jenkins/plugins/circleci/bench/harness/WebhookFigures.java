package io.jenkins.plugins.circleci.bench.harness;

/**
 * Our engine with webhooks, in real time.
 *
 * @param latencies         from the simulator's completion instant to the end of each wait, wall clock
 * @param accepted          webhook deliveries whose signature checked out
 * @param rejected          deliveries refused for a bad signature (0 unless something is wrong)
 * @param nudges            waits nudged, summed over deliveries
 * @param waitRequests      requests the waits made (the journal's, less the triggers)
 * @param correctOutcomes   waits that reported the scripted success
 */
public record WebhookFigures(String contender, int pipelines, Latencies latencies, int accepted, int rejected,
                             int nudges, long waitRequests, int correctOutcomes) {}
