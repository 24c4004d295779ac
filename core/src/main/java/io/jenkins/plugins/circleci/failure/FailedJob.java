package io.jenkins.plugins.circleci.failure;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * A job that failed, and what is known of why.
 *
 * @param workflowId      its workflow's id
 * @param workflow        its workflow's name
 * @param name            the job's name
 * @param number          its job number
 * @param status          CircleCI's job status ({@code failed}, {@code timedout}, ...)
 * @param duration        how long it ran; null when unknown
 * @param url             its page in CircleCI
 * @param tests           the first failed tests read (at most {@link FailureLimits#testsPerJob()})
 * @param failedTestsRead how many failed tests the test results read contain (at least {@code tests.size()})
 * @param testsComplete   whether every test result of the job was read (else more may have failed)
 * @param logStep         the step the job failed in, when its output was read; else null
 * @param logTail         the last lines of that step's output; empty unless asked for and read
 */
public record FailedJob(String workflowId, String workflow, String name, long number, String status,
        Duration duration, String url, List<FailedTest> tests, int failedTestsRead, boolean testsComplete,
        String logStep, List<String> logTail) implements Serializable {
    private static final long serialVersionUID = 1L;

    public FailedJob {
        tests = tests == null ? List.of() : List.copyOf(tests);
        logTail = logTail == null ? List.of() : List.copyOf(logTail);
    }

    /** Failed tests read but not listed. */
    public int moreFailedTests() {
        return Math.max(0, failedTestsRead - tests.size());
    }
}
