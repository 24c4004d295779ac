package io.jenkins.plugins.circleci.soak;

import io.jenkins.plugins.circleci.simulator.PipelineTruth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a wait must conclude, worked out from the simulator's own account of the pipeline ({@link PipelineTruth}) and
 * what the step asked for. Written here from the documented rules (docs/engine.md), sharing nothing with the engine
 * it judges: a verdict that agrees with this one agrees with CircleCI's final state, not with itself.
 */
final class Oracle {
    /** Jenkins' order, worst last. */
    private static final List<String> ORDER = List.of("SUCCESS", "UNSTABLE", "FAILURE", "NOT_BUILT", "ABORTED");
    private static final Map<String, String> DEFAULT_MAPPING = Map.of(
            "success", "SUCCESS",
            "failed", "FAILURE", "error", "FAILURE", "unauthorized", "FAILURE", "infrastructure_fail", "FAILURE",
            "timedout", "FAILURE", "terminated-unknown", "FAILURE",
            "canceled", "ABORTED",
            "not_run", "NOT_BUILT");

    /**
     * The verdict: result and reason as the engine names them, and the status of each counted workflow (empty when
     * the reason does not list them).
     */
    record Expected(String result, String reason, Map<String, String> workflows) {
        String describe() {
            return result + "/" + reason + (workflows.isEmpty() ? "" : " " + workflows);
        }
    }

    private Oracle() {}

    /**
     * How much later than its hold timeout a wait may end for the hold: the hold timer starts at the first look that
     * sees the hold, which a controller that is down (up to 5 minutes, up to three times), a run of failed reads or
     * an exhausted request budget can put off. A wait still waiting this long after the hold timeout is wrong.
     */
    static final Duration HOLD_TIMEOUT_SLACK = Duration.ofMinutes(15);

    /**
     * A counted workflow's approval gate: when it began to wait ({@code since}) and when it was approved (by a person
     * or by the step; null: never).
     */
    record Hold(String workflow, Instant since, Instant approvedAt) {
        /** Whether the gate waited at {@code t}: it had begun and was not yet approved (an approval at {@code t} may
         * come after a look at {@code t}). */
        boolean waitingAt(Instant t) {
            return !since.isAfter(t) && (approvedAt == null || !approvedAt.isBefore(t));
        }

        /** How long it had waited by {@code t}, or by its approval if that came first. */
        Duration lastedBy(Instant t) {
            Instant end = approvedAt != null && approvedAt.isBefore(t) ? approvedAt : t;
            return end.isBefore(since) ? Duration.ZERO : Duration.between(since, end);
        }
    }

    /**
     * The expected verdict from the final state alone (no timing known: a wait ending as soon as it sees a hold
     * counts every workflow that has ended).
     *
     * @return the expected verdict, or null when the pipeline has not settled in a way any verdict can be held to
     *         (it still runs with nothing pending on the waits' side: the wait must not have ended)
     */
    static Expected expect(WaitPlan plan, PipelineTruth truth) {
        return expect(plan, truth, null);
    }

    /**
     * @param endedAt when the wait ended (a wait that stops at a hold judges what had ended by then); null: unknown
     * @return the expected verdict, or null when the pipeline has not settled in a way any verdict can be held to
     */
    static Expected expect(WaitPlan plan, PipelineTruth truth, Instant endedAt) {
        if (plan.timesOut()) {
            return new Expected("FAILURE", "TIMED_OUT", Map.of());
        }
        if ("errored".equals(truth.state())) {
            return new Expected("FAILURE", "ERRORED", Map.of());
        }
        Map<String, PipelineTruth.Workflow> latest = new LinkedHashMap<>();
        for (PipelineTruth.Workflow w : truth.workflows()) { // oldest first: a rerun replaces the run before it
            latest.remove(w.name());
            latest.put(w.name(), w);
        }
        if (!"created".equals(truth.state())) {
            return null;
        }
        if (latest.isEmpty()) {
            return new Expected("NOT_BUILT", "NO_WORKFLOWS", Map.of());
        }
        if (latest.values().stream().allMatch(PipelineTruth.Workflow::setup)) {
            PipelineTruth.Workflow setup = latest.values().iterator().next();
            if (!"success".equals(setup.status())) {
                return new Expected(worst("FAILURE", map(plan, setup.status())), "COMPLETED", Map.of());
            }
            return new Expected("NOT_BUILT", "NO_WORKFLOWS", Map.of());
        }
        List<PipelineTruth.Workflow> counted = latest.values().stream()
                .filter(w -> plan.workflowFilter().isEmpty() || plan.workflowFilter().contains(w.name())).toList();
        boolean held = counted.stream().anyMatch(w -> "on_hold".equals(w.status()));
        if (held && plan.onHold().equals("unstable")) {
            // Stops at the first look that sees the hold: UNSTABLE, or worse for what had already ended worse.
            String result = "UNSTABLE";
            for (PipelineTruth.Workflow w : counted) {
                if (terminal(w.status()) && (endedAt == null || !w.stoppedAt().isAfter(endedAt))) {
                    result = worst(result, map(plan, w.status()));
                }
            }
            return new Expected(result, "ON_HOLD", Map.of());
        }
        String result = "SUCCESS";
        boolean heldCountedAsSuccess = false;
        Map<String, String> statuses = new LinkedHashMap<>();
        for (PipelineTruth.Workflow w : counted) {
            statuses.put(w.name(), w.status());
            if ("on_hold".equals(w.status())) {
                switch (plan.onHold()) {
                    case "fail" -> {
                        return new Expected("FAILURE", "ON_HOLD", Map.of());
                    }
                    case "succeed" -> heldCountedAsSuccess = true;
                    default -> {
                        return null; // still held: a wait that waits for approval must not have ended
                    }
                }
            } else if (!terminal(w.status())) {
                return null;
            } else {
                result = worst(result, map(plan, w.status()));
            }
        }
        return new Expected(result, heldCountedAsSuccess ? "ON_HOLD" : "COMPLETED", statuses);
    }

    /**
     * Every verdict a wait that ended at {@code endedAt} may return. With a hold timeout: FAILURE (or worse) /
     * HOLD_TIMED_OUT when a counted gate still waited then and had waited at least the hold timeout; the verdict of
     * the final state when no gate waited longer than the hold timeout and its slack; both in between. Otherwise
     * the one of {@link #expect(WaitPlan, PipelineTruth, Instant)}, if any.
     */
    static List<Expected> acceptable(WaitPlan plan, PipelineTruth truth, Instant endedAt, List<Hold> holds) {
        Expected fromState = expect(plan, truth, endedAt);
        if (plan.holdTimeout() == null || plan.timesOut() || "errored".equals(truth.state())) {
            return fromState == null ? List.of() : List.of(fromState);
        }
        List<Expected> out = new ArrayList<>();
        boolean expired = holds.stream().anyMatch(h -> h.waitingAt(endedAt)
                && h.lastedBy(endedAt).compareTo(plan.holdTimeout()) >= 0);
        if (expired) {
            out.add(new Expected(worst("FAILURE", endedBy(plan, truth, endedAt)), "HOLD_TIMED_OUT", Map.of()));
        }
        Duration longest = plan.holdTimeout().plus(HOLD_TIMEOUT_SLACK);
        boolean overdue = holds.stream().anyMatch(h -> h.lastedBy(endedAt).compareTo(longest) > 0);
        if (fromState != null && !overdue) {
            out.add(fromState);
        }
        return out;
    }

    /** The worst result of the counted workflows that had ended by {@code t}; SUCCESS for none. */
    private static String endedBy(WaitPlan plan, PipelineTruth truth, Instant t) {
        String result = "SUCCESS";
        Map<String, PipelineTruth.Workflow> latest = new LinkedHashMap<>();
        for (PipelineTruth.Workflow w : truth.workflows()) {
            if (!w.createdAt().isAfter(t)) {
                latest.remove(w.name());
                latest.put(w.name(), w);
            }
        }
        for (PipelineTruth.Workflow w : latest.values()) {
            boolean counted = plan.workflowFilter().isEmpty() || plan.workflowFilter().contains(w.name());
            // What the wait canceled as it ended (the hold timeout cancels like a timeout) had not ended before.
            boolean canceledAsItEnded = "canceled".equals(w.status()) && w.stoppedAt().equals(t);
            if (counted && terminal(w.status()) && !w.stoppedAt().isAfter(t) && !canceledAsItEnded) {
                result = worst(result, map(plan, w.status()));
            }
        }
        return result;
    }

    static boolean terminal(String workflowStatus) {
        return List.of("success", "failed", "error", "canceled", "unauthorized", "not_run").contains(workflowStatus);
    }

    private static String map(WaitPlan plan, String status) {
        Object override = plan.mappingOverrides().get(status);
        if (override != null) {
            return override.toString().toUpperCase(Locale.ROOT);
        }
        return DEFAULT_MAPPING.getOrDefault(status, "FAILURE");
    }

    static String worst(String a, String b) {
        return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
    }
}
