package io.jenkins.plugins.circleci.soak;

import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults of a soak, each on every route at the same seeded rate: 429 with and without Retry-After, 500, 502, 503,
 * connections dropped mid-answer, before the request body arrived and after it was carried out, malformed and
 * truncated JSON, page tokens that repeat, and (optionally) answers slower than the client's read timeout.
 */
final class FaultMix {
    private FaultMix() {}

    static List<FaultRule> of(double rate, boolean slow) {
        List<FaultRule> rules = new ArrayList<>();
        if (rate <= 0) {
            return rules;
        }
        rules.add(FaultRule.rateLimited(Duration.ofSeconds(1)).rate(rate));
        rules.add(FaultRule.rateLimitedWithoutRetryAfter().rate(rate));
        rules.add(FaultRule.status(500).rate(rate));
        rules.add(FaultRule.status(502).rate(rate));
        rules.add(FaultRule.status(503).rate(rate));
        rules.add(FaultRule.disconnect().rate(rate));
        rules.add(FaultRule.disconnectBeforeBody().rate(rate));
        rules.add(FaultRule.disconnectAfterBody().rate(rate));
        rules.add(FaultRule.malformedJson().rate(rate));
        rules.add(FaultRule.truncatedJson().rate(rate));
        // Only requests for a second page can repeat a token: hit them more often so that it happens at all.
        rules.add(FaultRule.repeatPageToken().rate(Math.min(1, rate * 5)));
        if (slow) {
            // Each costs a slot for the read timeout in real time: rarer than the others.
            Duration past = SoakSettings.READ_TIMEOUT.multipliedBy(5).dividedBy(4);
            rules.add(FaultRule.delay(past).rate(rate / 20));
        }
        return rules;
    }
}
