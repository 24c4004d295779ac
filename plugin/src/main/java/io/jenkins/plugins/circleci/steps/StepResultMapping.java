package io.jenkins.plugins.circleci.steps;

import io.jenkins.plugins.circleci.api.model.JobStatus;
import io.jenkins.plugins.circleci.api.model.WorkflowStatus;
import io.jenkins.plugins.circleci.trigger.BuildResult;
import io.jenkins.plugins.circleci.trigger.ResultMapping;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the steps' {@code resultMapping:} argument before anything is triggered: each key a status a CircleCI
 * workflow or job ends with, each value a Jenkins result name. A status that is not final (running, on_hold, failing)
 * could never apply, and an unknown one is most likely a typo: both are refused rather than silently ignored.
 */
final class StepResultMapping {
    private StepResultMapping() {}

    /**
     * The overrides, statuses in lower case, ready for {@link ResultMapping#withOverrides}.
     *
     * @throws IllegalArgumentException saying which entry is wrong and what to write instead
     */
    static Map<String, String> checked(Map<String, String> overrides) {
        Map<String, String> checked = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            String status = e.getKey() == null ? "" : e.getKey().trim().toLowerCase(Locale.ROOT);
            if (!isFinal(status)) {
                throw new IllegalArgumentException("resultMapping: '" + e.getKey() + "' is not a status a CircleCI "
                        + (isKnown(status) ? "workflow or job ends with, so it could never apply"
                                : "workflow or job has")
                        + ". Map final statuses only: " + String.join(", ", finalStatusExamples()) + ".");
            }
            try {
                BuildResult.parse(e.getValue());
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("resultMapping: " + status + ": " + bad.getMessage(), bad);
            }
            checked.put(status, e.getValue());
        }
        return checked;
    }

    private static boolean isFinal(String status) {
        return !status.isEmpty() && (WorkflowStatus.of(status).isTerminal() || JobStatus.of(status).isTerminal());
    }

    private static boolean isKnown(String status) {
        return !status.isEmpty() && (WorkflowStatus.of(status).isKnown() || JobStatus.of(status).isKnown());
    }

    private static Iterable<String> finalStatusExamples() {
        return ResultMapping.defaults().asMap().keySet();
    }
}
