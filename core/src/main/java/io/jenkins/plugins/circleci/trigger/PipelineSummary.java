package io.jenkins.plugins.circleci.trigger;

import java.io.Serializable;

/** The pipeline as a shell reports it. {@code state} is CircleCI's pipeline state text. */
public record PipelineSummary(String id, long number, String projectSlug, String state, String url)
        implements Serializable {}
