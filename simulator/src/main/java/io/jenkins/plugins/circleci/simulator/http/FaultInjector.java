package io.jenkins.plugins.circleci.simulator.http;

import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Decides which requests a fault hits. Each rule counts the requests it matches and, for {@code rate}, draws from its
 * own generator seeded from the simulator's seed, so the same seed and the same request sequence give the same faults.
 */
final class FaultInjector {

    private final List<RuleState> rules;

    private static final class RuleState {
        final FaultRule rule;
        final Pattern path;
        final AtomicLong matched = new AtomicLong();
        final Random random;

        RuleState(FaultRule rule, long seed) {
            this.rule = rule;
            this.path = Pattern.compile(rule.pathPattern());
            this.random = new Random(seed);
        }

        boolean appliesTo(String method, String apiPath, String rawQuery) {
            return ("*".equals(rule.method()) || rule.method().equalsIgnoreCase(method)) && path.matcher(apiPath).find()
                    && rule.appliesToQuery(rawQuery);
        }

        synchronized boolean hits() {
            long n = matched.incrementAndGet();
            if (rule.first() > 0 && n > rule.first()) {
                return false;
            }
            if (rule.every() > 0 && n % rule.every() != 0) {
                return false;
            }
            if (rule.rate() > 0) {
                return random.nextDouble() < rule.rate();
            }
            return true;
        }
    }

    FaultInjector(List<FaultRule> faults, long seed) {
        this.rules = new java.util.ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            rules.add(new RuleState(faults.get(i), seed * 31 + i));
        }
    }

    /** The fault for this request, or null. Every matching rule counts the request, even when an earlier one hits. */
    FaultRule pick(String method, String apiPath, String rawQuery) {
        FaultRule chosen = null;
        for (RuleState state : rules) {
            if (state.appliesTo(method, apiPath, rawQuery) && state.hits() && chosen == null) {
                chosen = state.rule;
            }
        }
        return chosen;
    }
}
