package io.jenkins.plugins.circleci.failure;

import java.io.Serializable;
import java.util.List;

/**
 * What failed in a pipeline: its failed jobs (at most {@link FailureLimits#jobs()}; {@code moreJobs} more were not
 * looked at) and one warning line for each part that could not be read. Holds no secret: test messages and log lines
 * are masked when read.
 */
public record FailureReport(List<FailedJob> jobs, int moreJobs, List<String> warnings) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final FailureReport NONE = new FailureReport(List.of(), 0, List.of());

    public FailureReport {
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return jobs.isEmpty() && warnings.isEmpty() && moreJobs == 0;
    }
}
