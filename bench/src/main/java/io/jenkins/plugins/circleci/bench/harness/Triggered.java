package io.jenkins.plugins.circleci.bench.harness;

import io.jenkins.plugins.circleci.trigger.PipelineSummary;

/** A pipeline the harness triggered, as CircleCI's 201 described it. */
public record Triggered(String id, long number, String projectSlug, String state) {

    /** What {@code circleciTrigger} hands the watcher after its own trigger. */
    public PipelineSummary summary() {
        return new PipelineSummary(id, number, projectSlug, state,
                "https://app.circleci.com/pipelines/" + projectSlug + "/" + number);
    }
}
