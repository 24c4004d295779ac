package io.jenkins.plugins.circleci.trigger;

import java.io.Serializable;

/** One workflow as a shell reports it; {@code status} is CircleCI's text, unknown values included. */
public record WorkflowSummary(String id, String name, String status, String url) implements Serializable {}
