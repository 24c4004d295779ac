package io.jenkins.plugins.circleci.api.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a workflow usually takes, from CircleCI Insights ({@code duration_metrics}): the median and the 95th
 * percentile of its runs' durations (created → stopped) in the reporting window.
 */
public record WorkflowDuration(String name, Duration median, Duration p95) {

    public WorkflowDuration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(p95, "p95");
        if (p95.compareTo(median) < 0) {
            p95 = median;
        }
    }
}
