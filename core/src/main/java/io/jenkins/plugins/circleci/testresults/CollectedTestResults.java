package io.jenkins.plugins.circleci.testresults;

import java.util.List;

/** The test results of a pipeline's counted jobs that were read, and one warning line per part that was not. */
public record CollectedTestResults(List<JobTestResults> jobs, List<String> warnings) {
    public CollectedTestResults {
        jobs = List.copyOf(jobs);
        warnings = List.copyOf(warnings);
    }

    public int testCount() {
        return jobs.stream().mapToInt(j -> j.tests().size()).sum();
    }
}
