package io.jenkins.plugins.circleci.soak;

import io.jenkins.plugins.circleci.simulator.PipelineTruth;
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
     * @return the expected verdict, or null when the pipeline has not settled in a way any verdict can be held to
     *         (it still runs with nothing pending on the waits' side: the wait must not have ended)
     */
    static Expected expect(WaitPlan plan, PipelineTruth truth) {
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
        String result = "SUCCESS";
        boolean heldCountedAsSuccess = false;
        Map<String, String> counted = new LinkedHashMap<>();
        for (PipelineTruth.Workflow w : latest.values()) {
            if (!plan.workflowFilter().isEmpty() && !plan.workflowFilter().contains(w.name())) {
                continue;
            }
            counted.put(w.name(), w.status());
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
        return new Expected(result, heldCountedAsSuccess ? "ON_HOLD" : "COMPLETED", counted);
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
