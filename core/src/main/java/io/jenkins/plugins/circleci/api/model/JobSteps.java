package io.jenkins.plugins.circleci.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A job as API v1.1 shows it ({@code GET /api/v1.1/project/:vcs/:org/:repo/:build_num}, "Single Job"): only what API
 * v2 lacks, its steps, each with one action per parallel run, whose {@code output_url} is a pre-signed link to the
 * step's output.
 */
public record JobSteps(
        @JsonProperty("build_num") Long number,
        @JsonProperty("status") String status,
        @JsonProperty("steps") List<Step> steps) {

    public JobSteps {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A step (named as the config names it, e.g. {@code Run tests}) and its actions. */
    public record Step(@JsonProperty("name") String name, @JsonProperty("actions") List<Action> actions) {
        public Step {
            actions = actions == null ? List.of() : List.copyOf(actions);
        }
    }

    /** One run of a step. Its {@code toString} leaves the output link's query (its signature) out. */
    public record Action(
            @JsonProperty("name") String name,
            @JsonProperty("index") Integer index,
            @JsonProperty("status") String status,
            @JsonProperty("failed") Boolean failed,
            @JsonProperty("exit_code") Integer exitCode,
            @JsonProperty("has_output") Boolean hasOutput,
            @JsonProperty("output_url") String outputUrl) {

        private static final Set<String> FAILING = Set.of("failed", "timedout", "infrastructure_fail");

        /** Whether this run failed: {@code failed: true}, or a failing status. */
        public boolean isFailure() {
            return Boolean.TRUE.equals(failed) || (status != null && FAILING.contains(status));
        }

        @Override
        public String toString() {
            String link = outputUrl == null ? "none" : outputUrl.replaceAll("\\?.*", "?…");
            return "Action[" + name + " #" + index + ", status=" + status + ", failed=" + failed + ", exit_code="
                    + exitCode + ", output_url=" + link + "]";
        }
    }

    /** A step and the run of it that failed. */
    public record FailedStep(Step step, Action action) {}

    /** The first step, in order, with a failed run: where the job failed. */
    public Optional<FailedStep> firstFailedStep() {
        for (Step step : steps) {
            for (Action action : step.actions()) {
                if (action != null && action.isFailure()) {
                    return Optional.of(new FailedStep(step, action));
                }
            }
        }
        return Optional.empty();
    }
}
