package io.jenkins.plugins.circleci.simulator.model;

import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.WorkflowSpec;
import java.util.List;

/** Derives the workflow a rerun runs: the same jobs, whose failures either pass this time or fail again. */
final class RerunSpecs {

    private RerunSpecs() {
    }

    /** An automatic rerun: same jobs; {@code outcome} {@code success} turns the failing jobs green. */
    static WorkflowSpec withOutcome(WorkflowSpec spec, String outcome) {
        return new WorkflowSpec(spec.name(), spec.setup(), jobs(spec, outcome), null, null, spec.maxAutoReruns(),
                spec.autoRerunOutcomes(), spec.autoRerunDelay());
    }

    /** A manual rerun through the API: never rerun automatically again. */
    static WorkflowSpec manual(WorkflowSpec spec, String outcome) {
        return new WorkflowSpec(spec.name(), spec.setup(), jobs(spec, outcome), null, null, 0, List.of(), null);
    }

    private static List<JobSpec> jobs(WorkflowSpec spec, String outcome) {
        if (!"success".equals(outcome)) {
            return spec.jobs();
        }
        return spec.jobs().stream()
                .map(j -> Statuses.FAILING_JOB.contains(j.outcome()) ? j.withOutcome("success") : j)
                .toList();
    }
}
