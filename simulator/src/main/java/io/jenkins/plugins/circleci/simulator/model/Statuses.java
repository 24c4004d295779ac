package io.jenkins.plugins.circleci.simulator.model;

import java.util.Set;

/** Status vocabularies of the spec, and which values are final. */
public final class Statuses {

    /** Workflow statuses after which nothing changes (unknown strings, like {@code queued}, are not terminal). */
    public static final Set<String> TERMINAL_WORKFLOW = Set.of("success", "failed", "error", "canceled",
            "unauthorized", "not_run");

    /** Job statuses after which nothing changes. */
    public static final Set<String> TERMINAL_JOB = Set.of("success", "failed", "canceled", "unauthorized", "not_run",
            "infrastructure_fail", "timedout", "terminated-unknown", "retried");

    /** Job outcomes that fail their workflow. */
    public static final Set<String> FAILING_JOB = Set.of("failed", "infrastructure_fail", "timedout",
            "terminated-unknown");

    /** The statuses for which CircleCI sends {@code workflow-completed} / {@code job-completed}. */
    public static final Set<String> WEBHOOK_WORKFLOW = Set.of("success", "failed", "error", "canceled", "unauthorized");
    public static final Set<String> WEBHOOK_JOB = Set.of("success", "failed", "canceled", "unauthorized");

    private Statuses() {
    }

    public static boolean workflowTerminal(String status) {
        return TERMINAL_WORKFLOW.contains(status);
    }

    public static boolean jobTerminal(String status) {
        return TERMINAL_JOB.contains(status);
    }
}
