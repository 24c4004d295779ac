package io.jenkins.plugins.circleci.testresults;

import io.jenkins.plugins.circleci.api.model.TestCase;
import java.util.List;

/**
 * The test results read of one job.
 *
 * @param workflow its workflow's name
 * @param job      the job's name
 * @param number   its job number
 * @param tests    the results read, in CircleCI's order (messages already masked)
 * @param complete whether every result of the job was read
 */
public record JobTestResults(String workflow, String job, long number, List<TestCase> tests, boolean complete) {
    public JobTestResults {
        tests = List.copyOf(tests);
    }
}
