package io.jenkins.plugins.circleci.testresults;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.PartialList;
import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.api.model.Job;
import io.jenkins.plugins.circleci.api.model.TestCase;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.WorkflowSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the test results of every build job of the counted workflows of a pipeline whose wait was judged, within a
 * budget of requests and time (a project can report tens of thousands of tests): at most {@link #MAX_JOBS} jobs,
 * {@link #PAGES_PER_JOB} pages each and {@link #MAX_PAGES} in all, for at most {@link #TIME_BUDGET}. Never throws; a
 * part that cannot be read is one warning line.
 */
public final class TestResultsCollector {
    static final int MAX_JOBS = 50;
    static final int JOB_PAGES = 2;
    static final int PAGES_PER_JOB = 20;
    static final int MAX_PAGES = 200;
    static final Duration TIME_BUDGET = Duration.ofMinutes(3);

    private final CircleCiClient client;
    private final Clock clock;

    public TestResultsCollector(CircleCiClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CollectedTestResults collect(Outcome outcome) {
        List<JobTestResults> jobs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (outcome.result() == null || outcome.pipeline() == null || outcome.pipeline().projectSlug() == null) {
            return new CollectedTestResults(jobs, warnings);
        }
        ProjectSlug slug;
        try {
            slug = ProjectSlug.parse(outcome.pipeline().projectSlug());
        } catch (CircleCiException e) {
            return new CollectedTestResults(jobs, List.of("Could not read test results: " + e.getMessage()));
        }
        Instant deadline = clock.instant().plus(TIME_BUDGET);
        int pagesLeft = MAX_PAGES;
        for (WorkflowSummary w : outcome.workflows()) {
            if (!clock.instant().isBefore(deadline) || pagesLeft == 0 || jobs.size() == MAX_JOBS) {
                warnings.add("Not every job's test results were read (at most " + MAX_JOBS + " jobs, " + MAX_PAGES
                        + " pages and " + TIME_BUDGET.toMinutes() + " minutes).");
                break;
            }
            PartialList<Job> list;
            try {
                list = client.listJobs(w.id(), JOB_PAGES);
            } catch (CircleCiException e) {
                warnings.add("Could not list the jobs of workflow " + w.name() + ": " + e.getMessage());
                continue;
            }
            for (Job job : list.items()) {
                if (job.isApproval() || job.jobNumber() == null || job.status() == null || !job.status().isTerminal()) {
                    continue;
                }
                if (!clock.instant().isBefore(deadline) || pagesLeft == 0 || jobs.size() == MAX_JOBS) {
                    break;
                }
                try {
                    PartialList<TestCase> tests = client.listTests(slug, job.jobNumber(),
                            Math.min(PAGES_PER_JOB, pagesLeft));
                    pagesLeft -= tests.pages();
                    if (!tests.items().isEmpty()) {
                        jobs.add(new JobTestResults(w.name(), job.name(), job.jobNumber(), masked(tests.items()),
                                tests.complete()));
                    }
                } catch (CircleCiException e) {
                    warnings.add("Could not read the test results of job " + job.name() + " (#" + job.jobNumber()
                            + "): " + e.getMessage());
                }
            }
        }
        return new CollectedTestResults(jobs, warnings);
    }

    private List<TestCase> masked(List<TestCase> tests) {
        List<TestCase> out = new ArrayList<>(tests.size());
        for (TestCase t : tests) {
            out.add(new TestCase(t.name(), t.classname(), t.file(), t.result(), client.maskSecrets(t.message()),
                    t.source(), t.runTimeSeconds()));
        }
        return out;
    }
}
