package io.jenkins.plugins.circleci.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jenkins.plugins.circleci.api.model.WorkflowDuration;
import java.time.Duration;

/**
 * An item of {@code GET /insights/{project-slug}/workflows}, bound only as far as a wait reads it: the workflow's
 * name and its duration metrics' median and p95 (whole seconds, null for a workflow without runs).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record InsightsMetrics(@JsonProperty("name") String name, @JsonProperty("metrics") Metrics metrics) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Metrics(@JsonProperty("duration_metrics") Durations durations) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Durations(@JsonProperty("median") Long median, @JsonProperty("p95") Long p95) {}

    /** The expected duration, or null when Insights has none for this workflow. */
    WorkflowDuration toDuration() {
        if (name == null || metrics == null || metrics.durations() == null || metrics.durations().median() == null
                || metrics.durations().p95() == null || metrics.durations().median() < 0) {
            return null;
        }
        return new WorkflowDuration(name, Duration.ofSeconds(metrics.durations().median()),
                Duration.ofSeconds(Math.max(0, metrics.durations().p95())));
    }
}
