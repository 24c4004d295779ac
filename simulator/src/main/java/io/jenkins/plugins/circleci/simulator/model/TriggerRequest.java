package io.jenkins.plugins.circleci.simulator.model;

import java.util.Map;

/**
 * A validated trigger: the ref built ({@code branch} or {@code tag}, at most one), the pipeline parameters and, for
 * {@code pipeline/run}, the {@code config} and {@code checkout} refs exactly as sent.
 *
 * @param viaPipelineRun true when it came through {@code pipeline/run} (the only endpoint that can answer "not
 *                       triggered")
 * @param config         {@code pipeline/run}'s {@code config} ref as sent; null when absent or legacy
 * @param checkout       {@code pipeline/run}'s {@code checkout} ref as sent; null when absent or legacy
 */
public record TriggerRequest(String branch, String tag, Map<String, Object> parameters, boolean viaPipelineRun,
                             Ref config, Ref checkout) {

    public TriggerRequest {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public TriggerRequest(String branch, String tag, Map<String, Object> parameters, boolean viaPipelineRun) {
        this(branch, tag, parameters, viaPipelineRun, null, null);
    }

    /** The same trigger building another branch (the project's default one when none was given). */
    public TriggerRequest building(String otherBranch) {
        return new TriggerRequest(otherBranch, null, parameters, viaPipelineRun, config, checkout);
    }

    /** A {@code branch} or a {@code tag} of {@code pipeline/run}'s {@code config} or {@code checkout}. */
    public record Ref(String branch, String tag) {}
}
