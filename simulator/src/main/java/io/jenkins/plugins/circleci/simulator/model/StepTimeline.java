package io.jenkins.plugins.circleci.simulator.model;

import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.StepSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a job as API v1.1 shows them at one instant: the declared steps (or a default spin-up, checkout and run)
 * share the job's duration evenly; a job that failed stops at its first failed step (or fails in its last one), as
 * CircleCI runs no step after a failed one; a running job shows the steps begun so far.
 */
public final class StepTimeline {

    /** One step as seen: its index, what it prints, its v1.1 action status and its times ({@code end} null while running). */
    public record Step(int index, StepSpec spec, String status, Instant start, Instant end) {
        public boolean failed() {
            return !"success".equals(status) && !"running".equals(status);
        }
    }

    private StepTimeline() {
    }

    public static List<Step> of(JobView view, Instant now) {
        List<Step> out = new ArrayList<>();
        if (view.startedAt() == null || view.job().approval()) {
            return out;
        }
        List<StepSpec> steps = declaredOrDefault(view.job().spec());
        int n = steps.size();
        Duration total = view.job().spec().duration();
        String status = view.status();
        boolean running = "running".equals(status);
        boolean success = "success".equals(status);
        int failing = failingIndex(steps, success || running);
        Instant horizon = view.stoppedAt() != null ? view.stoppedAt() : now;
        for (int i = 0; i < n; i++) {
            Instant start = view.startedAt().plus(total.multipliedBy(i).dividedBy(n));
            Instant end = view.startedAt().plus(total.multipliedBy(i + 1L).dividedBy(n));
            if (i > 0 && start.isAfter(horizon)) {
                break;
            }
            if (running && !end.isBefore(now)) {
                out.add(new Step(i, steps.get(i), "running", start, null));
                break;
            }
            if ("canceled".equals(status) && !end.isBefore(horizon)) {
                out.add(new Step(i, steps.get(i), "canceled", start, horizon));
                break;
            }
            if (failing == i) {
                out.add(new Step(i, steps.get(i), stepStatus(status), start, view.stoppedAt()));
                break;
            }
            out.add(new Step(i, steps.get(i), "success", start, end));
        }
        return out;
    }

    /** The declared steps, or CircleCI's usual spin-up and checkout followed by one step named after the job. */
    static List<StepSpec> declaredOrDefault(JobSpec spec) {
        if (!spec.steps().isEmpty()) {
            return spec.steps();
        }
        return List.of(
                StepSpec.of("Spin up environment", "Build-agent version 1.0.0 (simulated)\r\nStarting container "
                        + "cimg/base:stable\r\n"),
                StepSpec.of("Checkout code", "Cloning git repository\r\nChecking out the simulated commit\r\n"),
                StepSpec.of(spec.name(), "Running " + spec.name() + " (simulated)\r\n"));
    }

    /** The index of the step the job fails in, or -1 when it does not fail. */
    private static int failingIndex(List<StepSpec> steps, boolean noFailure) {
        if (noFailure) {
            return -1;
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).failed()) {
                return i;
            }
        }
        return steps.size() - 1;
    }

    /** A v1.1 action status for a job's final status: the job's own when CircleCI has one for actions. */
    private static String stepStatus(String jobStatus) {
        return switch (jobStatus) {
            case "timedout", "infrastructure_fail", "canceled" -> jobStatus;
            default -> "failed";
        };
    }
}
