package io.jenkins.plugins.circleci.failure;

import java.io.Serializable;
import java.time.Duration;

/**
 * How much a failure report reads at most, so that it costs a bounded number of requests and seconds whatever
 * CircleCI holds (5,000 failed tests, a hundred failed jobs): at most {@code workflows} job lists of
 * {@code jobPages} pages, {@code testPages} pages of test results in all ({@code testPagesPerJob} per job), and
 * {@code 2 × logJobs} requests for step output.
 *
 * @param logTail         lines of the failing step's output to show per job; 0 = none (the default)
 * @param workflows       failed workflows whose jobs are listed
 * @param jobPages        pages of each job list
 * @param jobs            failed jobs reported
 * @param testsPerJob     failed tests listed per job ("and N more" for the rest)
 * @param testPagesPerJob pages of test results read per job
 * @param testPages       pages of test results read in all
 * @param logJobs         jobs whose step output is read
 * @param messageLines    lines of each test's message shown
 * @param lineChars       characters of each shown line
 * @param timeBudget      time after which nothing more is read
 */
public record FailureLimits(int logTail, int workflows, int jobPages, int jobs, int testsPerJob, int testPagesPerJob,
        int testPages, int logJobs, int messageLines, int lineChars, Duration timeBudget) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The most lines of output anyone may ask for. */
    public static final int MAX_LOG_TAIL = 1000;

    public FailureLimits {
        if (logTail < 0 || logTail > MAX_LOG_TAIL) {
            throw new IllegalArgumentException("logTail must be 0 (none) to " + MAX_LOG_TAIL + " lines, was "
                    + logTail + ".");
        }
    }

    /** No log tail; 10 workflows, 10 jobs, 10 tests per job, 5 pages of tests per job and 20 in all, 2 minutes. */
    public static FailureLimits defaults() {
        return new FailureLimits(0, 10, 2, 10, 10, 5, 20, 3, 3, 200, Duration.ofMinutes(2));
    }

    public FailureLimits withLogTail(int lines) {
        return new FailureLimits(lines, workflows, jobPages, jobs, testsPerJob, testPagesPerJob, testPages, logJobs,
                messageLines, lineChars, timeBudget);
    }

    /** The most requests a report with these limits can send. */
    public int maxRequests() {
        return workflows * jobPages + testPages + (logTail > 0 ? 2 * logJobs : 0);
    }
}
