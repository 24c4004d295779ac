package io.jenkins.plugins.circleci.failure;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.LogTail;
import io.jenkins.plugins.circleci.api.PartialList;
import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.api.error.CircleCiInterruptedException;
import io.jenkins.plugins.circleci.api.model.Job;
import io.jenkins.plugins.circleci.api.model.JobSteps;
import io.jenkins.plugins.circleci.api.model.TestCase;
import io.jenkins.plugins.circleci.trigger.BuildResult;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.OutcomeReason;
import io.jenkins.plugins.circleci.trigger.PipelineSummary;
import io.jenkins.plugins.circleci.trigger.WorkflowSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads why a pipeline failed, once its outcome is known: the failed jobs of the counted workflows that ended badly,
 * their failed tests ({@code GET /project/{slug}/{job-number}/tests}) and, when asked, the last lines of each one's
 * failing step (API v1.1 and its pre-signed output link). Within {@link FailureLimits}: a bounded number of requests
 * and seconds. It never throws and never touches the outcome: whatever cannot be read becomes one warning line.
 */
public final class FailureReporter {
    /** Test results that count as failed; CircleCI documents {@code failure}, reporters also say these. */
    private static final Set<String> FAILED_RESULTS = Set.of("failure", "failed", "error");
    /** Workflow statuses with no failed job to look for. */
    private static final Set<String> NOTHING_FAILED = Set.of("success", "running", "on_hold", "canceled", "not_run",
            "queued");

    private final CircleCiClient client;
    private final Clock clock;

    public FailureReporter(CircleCiClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether an outcome has failures worth reading: judged, not a success, not aborted, with workflows. */
    public static boolean worthReporting(Outcome outcome) {
        return outcome.result() != null && outcome.result() != BuildResult.SUCCESS
                && outcome.reason() != OutcomeReason.ABORTED && outcome.pipeline() != null
                && outcome.workflows().stream().anyMatch(FailureReporter::mayHaveFailedJobs);
    }

    /** The report, or {@link FailureReport#NONE} when the outcome is not {@link #worthReporting worth it}. */
    public FailureReport report(Outcome outcome, FailureLimits limits) {
        if (!worthReporting(outcome)) {
            return FailureReport.NONE;
        }
        try {
            return new Reading(outcome.pipeline(), limits).read(outcome.workflows());
        } catch (RuntimeException e) {
            // A bug here must not fail the step: the outcome stands; say what went wrong, once.
            return new FailureReport(List.of(), 0, List.of("Could not read why CircleCI pipeline #"
                    + outcome.pipeline().number() + " failed (" + e.getClass().getSimpleName() + ")."));
        }
    }

    private static boolean mayHaveFailedJobs(WorkflowSummary w) {
        return w.status() != null && !NOTHING_FAILED.contains(w.status());
    }

    /** One report being read: the budgets left and the warnings so far. */
    private final class Reading {
        private final PipelineSummary pipeline;
        private final FailureLimits limits;
        private final Instant deadline;
        private final List<String> warnings = new ArrayList<>();
        private int testPagesLeft;
        private int logJobsLeft;
        private boolean stopped;

        Reading(PipelineSummary pipeline, FailureLimits limits) {
            this.pipeline = pipeline;
            this.limits = limits;
            this.deadline = clock.instant().plus(limits.timeBudget());
            this.testPagesLeft = limits.testPages();
            this.logJobsLeft = limits.logJobs();
        }

        FailureReport read(List<WorkflowSummary> workflows) {
            ProjectSlug slug = slugOrNull(pipeline.projectSlug());
            if (slug == null) {
                return new FailureReport(List.of(), 0, List.of("Could not read why CircleCI pipeline #"
                        + pipeline.number() + " failed: its project slug is not known."));
            }
            List<Candidate> candidates = new ArrayList<>();
            int listed = 0;
            for (WorkflowSummary w : workflows) {
                if (!mayHaveFailedJobs(w) || !canGoOn()) {
                    continue;
                }
                if (listed++ == limits.workflows()) {
                    warnings.add("The jobs of more failed workflows were not looked at (at most "
                            + limits.workflows() + ").");
                    break;
                }
                candidates.addAll(failedJobs(w));
            }
            List<FailedJob> jobs = new ArrayList<>();
            for (Candidate c : candidates.subList(0, Math.min(candidates.size(), limits.jobs()))) {
                jobs.add(describe(slug, c));
            }
            return new FailureReport(jobs, Math.max(0, candidates.size() - limits.jobs()), warnings);
        }

        private List<Candidate> failedJobs(WorkflowSummary w) {
            PartialList<Job> jobs;
            try {
                jobs = client.listJobs(w.id(), limits.jobPages());
            } catch (CircleCiException e) {
                warn("Could not list the jobs of workflow " + w.name(), e);
                return List.of();
            }
            List<Candidate> out = new ArrayList<>();
            for (Job job : jobs.items()) {
                if (job.status() != null && job.status().isFailure() && !job.isApproval() && job.jobNumber() != null) {
                    out.add(new Candidate(w, job));
                }
            }
            return out;
        }

        private FailedJob describe(ProjectSlug slug, Candidate c) {
            Job job = c.job();
            long number = job.jobNumber();
            String label = "job " + job.name() + " (#" + number + ")";
            List<FailedTest> shown = new ArrayList<>();
            int failedRead = 0;
            boolean complete = false;
            if (testPagesLeft > 0 && canGoOn()) {
                try {
                    PartialList<TestCase> tests = client.listTests(slug, number,
                            Math.min(limits.testPagesPerJob(), testPagesLeft));
                    testPagesLeft -= tests.pages();
                    complete = tests.complete();
                    for (TestCase t : tests.items()) {
                        if (t != null && isFailed(t)) {
                            failedRead++;
                            if (shown.size() < limits.testsPerJob()) {
                                shown.add(new FailedTest(t.classname(), t.name(), t.file(),
                                        client.consoleLines(t.message(), limits.messageLines(), limits.lineChars())));
                            }
                        }
                    }
                } catch (CircleCiException e) {
                    warn("Could not read the test results of " + label, e);
                }
            }
            String logStep = null;
            List<String> logTail = List.of();
            if (limits.logTail() > 0 && logJobsLeft > 0 && canGoOn()) {
                logJobsLeft--;
                Optional<StepOutput> output = stepOutput(slug, number, label);
                if (output.isPresent()) {
                    logStep = output.get().step();
                    logTail = output.get().tail().lines();
                }
            }
            return new FailedJob(c.workflow().id(), c.workflow().name(), job.name(), number, job.status().value(),
                    duration(job), client.webUrls().job(slug, pipeline.number(), c.workflow().id(), number), shown,
                    failedRead, complete, logStep, logTail);
        }

        private Optional<StepOutput> stepOutput(ProjectSlug slug, long number, String label) {
            try {
                JobSteps steps = client.getJobSteps(slug, number);
                Optional<JobSteps.FailedStep> failed = steps.firstFailedStep();
                if (failed.isEmpty()) {
                    warnings.add("Could not show the output of " + label + ": CircleCI lists no failed step.");
                    return Optional.empty();
                }
                String url = failed.get().action().outputUrl();
                if (url == null || url.isBlank() || Boolean.FALSE.equals(failed.get().action().hasOutput())) {
                    warnings.add("Could not show the output of " + label + ": its step '" + failed.get().step().name()
                            + "' has no output.");
                    return Optional.empty();
                }
                LogTail tail = client.readStepOutput(url, limits.logTail());
                return Optional.of(new StepOutput(failed.get().step().name(), tail));
            } catch (CircleCiException e) {
                warn("Could not read the output of " + label, e);
                return Optional.empty();
            }
        }

        /** Whether more may be read: time is left and nobody interrupted. */
        private boolean canGoOn() {
            if (stopped) {
                return false;
            }
            if (Thread.currentThread().isInterrupted()) {
                stopped = true;
                warnings.add("Stopped reading why the pipeline failed: interrupted.");
            } else if (!clock.instant().isBefore(deadline)) {
                stopped = true;
                warnings.add("Stopped reading why the pipeline failed after "
                        + limits.timeBudget().toSeconds() + " s.");
            }
            return !stopped;
        }

        private void warn(String what, CircleCiException e) {
            if (e instanceof CircleCiInterruptedException) {
                stopped = true;
            }
            warnings.add(what + ": " + e.getMessage());
        }
    }

    private record Candidate(WorkflowSummary workflow, Job job) {}

    private record StepOutput(String step, LogTail tail) {}

    static boolean isFailed(TestCase t) {
        return t.result() != null && FAILED_RESULTS.contains(t.result().strip().toLowerCase(Locale.ROOT));
    }

    private static Duration duration(Job job) {
        return job.startedAt() == null || job.stoppedAt() == null || job.stoppedAt().isBefore(job.startedAt()) ? null
                : Duration.between(job.startedAt(), job.stoppedAt());
    }

    private static ProjectSlug slugOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ProjectSlug.parse(text);
        } catch (CircleCiException e) {
            return null;
        }
    }
}
