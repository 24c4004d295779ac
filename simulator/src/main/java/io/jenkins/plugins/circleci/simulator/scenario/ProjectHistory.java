package io.jenkins.plugins.circleci.simulator.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A project's past: the workflow runs CircleCI's Insights endpoints report, and whether those endpoints answer at all.
 *
 * @param insights  whether {@code /insights/{project-slug}/...} answers ({@link Access#AVAILABLE}), or refuses with
 *                  403 ({@link Access#FORBIDDEN}) or 404 ({@link Access#NOT_FOUND}, as a server installation without
 *                  Insights would)
 * @param workflows past runs, grouped by workflow name and branch
 */
public record ProjectHistory(Access insights, List<WorkflowHistory> workflows) {

    /** Whether the Insights endpoints answer for this project. */
    public enum Access {
        AVAILABLE,
        /** 403. */
        FORBIDDEN,
        /** 404. */
        NOT_FOUND
    }

    public ProjectHistory {
        insights = insights == null ? Access.AVAILABLE : insights;
        workflows = List.copyOf(workflows == null ? List.of() : workflows);
    }

    /** Insights answers, with no past run: every metric is empty. */
    public static ProjectHistory none() {
        return new ProjectHistory(Access.AVAILABLE, List.of());
    }

    /**
     * Past runs of one workflow on one branch, newest first. The newest stopped {@code ago} before the simulator
     * started, each older one {@code every} before the one after it; each ran for its duration and ended with
     * {@code status}.
     *
     * @param workflow  the workflow's name
     * @param branch    the branch its pipelines ran on
     * @param durations how long each run took (created → stopped), newest first
     * @param status    {@code success} (default), {@code failed}, {@code error}, {@code canceled} or {@code unauthorized}
     * @param ago       how long before the simulator started the newest run stopped (default 25 h: Insights'
     *                  aggregates are refreshed daily, so a run of the last 24 hours may be missing from them)
     * @param every     time between the runs' ends (default 1 h)
     */
    public record WorkflowHistory(String workflow, String branch, List<Duration> durations, String status,
                                  Duration ago, Duration every) {

        static final List<String> STATUSES = List.of("success", "failed", "error", "canceled", "unauthorized");

        public WorkflowHistory {
            Objects.requireNonNull(workflow, "workflow");
            Objects.requireNonNull(branch, "branch");
            durations = List.copyOf(durations == null ? List.of() : durations);
            status = status == null ? "success" : status;
            ago = ago == null ? Duration.ofHours(25) : ago;
            every = every == null ? Duration.ofHours(1) : every;
            if (!STATUSES.contains(status)) {
                throw new IllegalArgumentException("a past run's status is one of " + STATUSES + ", not '" + status
                        + "'");
            }
            for (Duration d : durations) {
                if (d.isNegative()) {
                    throw new IllegalArgumentException("a past run of '" + workflow + "' has a negative duration: " + d);
                }
            }
            if (ago.isNegative() || every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("'ago' must not be negative and 'every' must be positive");
            }
        }
    }

    /** A fluent way to write a history in a test. */
    public static final class Builder {
        private Access insights = Access.AVAILABLE;
        private final List<WorkflowHistory> workflows = new ArrayList<>();

        /** Past successful runs of {@code workflow} on {@code branch}, newest first, one an hour, the newest 25 h ago. */
        public Builder runs(String workflow, String branch, List<Duration> durations) {
            return runs(new WorkflowHistory(workflow, branch, durations, null, null, null));
        }

        public Builder runs(WorkflowHistory runs) {
            workflows.add(runs);
            return this;
        }

        /** The Insights endpoints answer 403 for this project. */
        public Builder forbidden() {
            this.insights = Access.FORBIDDEN;
            return this;
        }

        /** The Insights endpoints answer 404 for this project (a server installation without Insights). */
        public Builder notFound() {
            this.insights = Access.NOT_FOUND;
            return this;
        }

        public ProjectHistory build() {
            return new ProjectHistory(insights, workflows);
        }
    }
}
