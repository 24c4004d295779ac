package io.jenkins.plugins.circleci.steps;

import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.jenkins.plugins.circleci.failure.FailedJob;
import io.jenkins.plugins.circleci.failure.FailedTest;
import io.jenkins.plugins.circleci.failure.FailureReport;
import io.jenkins.plugins.circleci.trigger.BuildResult;
import io.jenkins.plugins.circleci.trigger.DurationText;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.PipelineSummary;
import io.jenkins.plugins.circleci.trigger.WorkflowSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The CircleCI pipelines a build triggered or waited for: shown on the build's page with their workflows (status,
 * duration, link) and the failed jobs and tests of those that failed, exported to the REST API
 * ({@code .../api/json?tree=actions[pipelines[...]]}), and the last one to end offered to the build's environment as
 * {@code CIRCLECI_PIPELINE_ID}, {@code CIRCLECI_PIPELINE_NUMBER} and {@code CIRCLECI_PIPELINE_URL}. Saved with the
 * build, so it holds only what anyone who can see the build may see (ids, links, statuses, test names and the first,
 * masked lines of their messages; never a token, never a log), and little of it (core's failure limits).
 */
@ExportedBean
public final class CircleCiPipelineAction extends InvisibleAction implements EnvironmentContributingAction {
    static final String ENV_ID = "CIRCLECI_PIPELINE_ID";
    static final String ENV_NUMBER = "CIRCLECI_PIPELINE_NUMBER";
    static final String ENV_URL = "CIRCLECI_PIPELINE_URL";

    private final List<Entry> pipelines = new CopyOnWriteArrayList<>();
    /** The pipeline of the step that ended last; null in builds saved before it existed. */
    private volatile String latest;

    @Exported(inline = true)
    public List<Entry> getPipelines() {
        return pipelines;
    }

    /** The pipeline of the step that ended last, if any ended. */
    public Entry getLatest() {
        String id = latest;
        return id == null ? null : pipelines.stream().filter(e -> e.getId().equals(id)).findFirst().orElse(null);
    }

    /** Adds the pipeline to the build's action, or updates its entry (the result arrives when the wait ends). */
    static void record(Run<?, ?> run, PipelineSummary pipeline, BuildResult result) {
        of(run).recordProgress(pipeline, result);
    }

    void recordProgress(PipelineSummary pipeline, BuildResult result) {
        put(new Entry(pipeline.id(), pipeline.number(), pipeline.projectSlug(), pipeline.url(),
                result == null ? null : result.name(), null), false);
    }

    /**
     * Records how a step ended: its pipeline, workflows and what failed. This pipeline becomes the one the build's
     * environment names: the last step to end wins.
     */
    static void finished(Run<?, ?> run, Outcome outcome, FailureReport failures) {
        of(run).recordFinished(outcome, failures);
    }

    void recordFinished(Outcome outcome, FailureReport failures) {
        PipelineSummary p = outcome.pipeline();
        List<WorkflowEntry> workflows = new ArrayList<>();
        for (WorkflowSummary w : outcome.workflows()) {
            List<JobEntry> jobs = new ArrayList<>();
            for (FailedJob job : failures.jobs()) {
                if (job.workflowId() != null && job.workflowId().equals(w.id())) {
                    jobs.add(JobEntry.of(job));
                }
            }
            workflows.add(new WorkflowEntry(w.id(), w.name(), w.status(), w.url(), seconds(w.duration()), jobs));
        }
        synchronized (this) {
            put(new Entry(p.id(), p.number(), p.projectSlug(), p.url(),
                    outcome.result() == null ? null : outcome.result().name(), workflows), true);
            latest = p.id();
        }
    }

    private static CircleCiPipelineAction of(Run<?, ?> run) {
        synchronized (run) {
            CircleCiPipelineAction action = run.getAction(CircleCiPipelineAction.class);
            if (action == null) {
                action = new CircleCiPipelineAction();
                run.addAction(action);
            }
            return action;
        }
    }

    /** Adds or replaces the entry; progress updates keep the workflows a finished step recorded. */
    private synchronized void put(Entry entry, boolean withWorkflows) {
        for (int i = 0; i < pipelines.size(); i++) {
            Entry old = pipelines.get(i);
            if (old.getId().equals(entry.getId())) {
                pipelines.set(i, withWorkflows ? entry : entry.withWorkflows(old.workflows));
                return;
            }
        }
        pipelines.add(entry);
    }

    /**
     * {@code CIRCLECI_PIPELINE_ID}, {@code CIRCLECI_PIPELINE_NUMBER} and {@code CIRCLECI_PIPELINE_URL} of the
     * pipeline whose step ended last; nothing before any ended. The run is not needed: the action is the run's.
     */
    @Override
    public void buildEnvironment(Run<?, ?> run, EnvVars env) {
        Entry entry = getLatest();
        if (entry == null) {
            return;
        }
        env.put(ENV_ID, entry.getId());
        if (entry.getNumber() > 0) {
            env.put(ENV_NUMBER, Long.toString(entry.getNumber()));
        }
        if (entry.getUrl() != null) {
            env.put(ENV_URL, entry.getUrl());
        }
    }

    /**
     * A list as saved with the build: an ArrayList, which Jenkins' XStream writes and reads with its own converter
     * (JDK-internal immutable lists would need reflective access to java.util that Java 17 denies).
     */
    private static <T> List<T> saved(List<T> items) {
        return new ArrayList<>(items);
    }

    private static Long seconds(Duration d) {
        return d == null ? null : d.toSeconds();
    }

    private static String text(Long seconds) {
        return seconds == null ? null : DurationText.format(Duration.ofSeconds(seconds));
    }

    /** A web link only (the page renders it as one). */
    private static String webLink(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }

    /** One pipeline; {@code result} is null while waiting or when not waited for. */
    @ExportedBean(defaultVisibility = 2)
    public static final class Entry {
        private final String id;
        private final long number;
        private final String project;
        private final String url;
        private final String result;
        /** Null until a step ended with it, and in builds saved before workflows were recorded. */
        private final List<WorkflowEntry> workflows;

        Entry(String id, long number, String project, String url, String result, List<WorkflowEntry> workflows) {
            this.id = id;
            this.number = number;
            this.project = project;
            this.url = url;
            this.result = result;
            this.workflows = workflows == null ? null : saved(workflows);
        }

        Entry withWorkflows(List<WorkflowEntry> kept) {
            return new Entry(id, number, project, url, result, kept);
        }

        @Exported
        public String getId() {
            return id;
        }

        @Exported
        public long getNumber() {
            return number;
        }

        @Exported
        public String getProject() {
            return project;
        }

        @Exported
        public String getUrl() {
            return webLink(url);
        }

        @Exported
        public String getResult() {
            return result;
        }

        @Exported(inline = true)
        public List<WorkflowEntry> getWorkflows() {
            return workflows == null ? List.of() : Collections.unmodifiableList(workflows);
        }
    }

    /** A workflow that counted, as the step ended; {@code failedJobs} are those read when it ended badly. */
    @ExportedBean(defaultVisibility = 2)
    public static final class WorkflowEntry {
        private final String id;
        private final String name;
        private final String status;
        private final String url;
        private final Long durationSeconds;
        private final List<JobEntry> failedJobs;

        WorkflowEntry(String id, String name, String status, String url, Long durationSeconds,
                List<JobEntry> failedJobs) {
            this.id = id;
            this.name = name;
            this.status = status;
            this.url = url;
            this.durationSeconds = durationSeconds;
            this.failedJobs = saved(failedJobs);
        }

        @Exported
        public String getId() {
            return id;
        }

        @Exported
        public String getName() {
            return name;
        }

        @Exported
        public String getStatus() {
            return status;
        }

        @Exported
        public String getUrl() {
            return webLink(url);
        }

        /** Seconds from its creation to its end; null while unknown. */
        @Exported
        public Long getDurationSeconds() {
            return durationSeconds;
        }

        /** The duration as the page shows it, e.g. {@code 2m13s}; null while unknown. */
        public String getDuration() {
            return text(durationSeconds);
        }

        @Exported(inline = true)
        public List<JobEntry> getFailedJobs() {
            return failedJobs == null ? List.of() : Collections.unmodifiableList(failedJobs);
        }
    }

    /** A failed job and its first failed tests. */
    @ExportedBean(defaultVisibility = 2)
    public static final class JobEntry {
        private final String name;
        private final long number;
        private final String status;
        private final String url;
        private final Long durationSeconds;
        private final int failedTests;
        private final boolean testsComplete;
        private final List<TestEntry> tests;

        JobEntry(String name, long number, String status, String url, Long durationSeconds, int failedTests,
                boolean testsComplete, List<TestEntry> tests) {
            this.name = name;
            this.number = number;
            this.status = status;
            this.url = url;
            this.durationSeconds = durationSeconds;
            this.failedTests = failedTests;
            this.testsComplete = testsComplete;
            this.tests = saved(tests);
        }

        static JobEntry of(FailedJob job) {
            List<TestEntry> tests = new ArrayList<>();
            for (FailedTest t : job.tests()) {
                tests.add(new TestEntry(t.classname(), t.name(), t.file(), String.join("\n", t.message())));
            }
            return new JobEntry(job.name(), job.number(), job.status(), job.url(), seconds(job.duration()),
                    job.failedTestsRead(), job.testsComplete(), tests);
        }

        @Exported
        public String getName() {
            return name;
        }

        @Exported
        public long getNumber() {
            return number;
        }

        @Exported
        public String getStatus() {
            return status;
        }

        @Exported
        public String getUrl() {
            return webLink(url);
        }

        @Exported
        public Long getDurationSeconds() {
            return durationSeconds;
        }

        public String getDuration() {
            return text(durationSeconds);
        }

        /** How many failed tests the results read hold (more may have failed unless {@link #isTestsComplete}). */
        @Exported
        public int getFailedTests() {
            return failedTests;
        }

        @Exported
        public boolean isTestsComplete() {
            return testsComplete;
        }

        /** Failed tests read but not listed. */
        public int getMoreTests() {
            return Math.max(0, failedTests - getTests().size());
        }

        @Exported(inline = true)
        public List<TestEntry> getTests() {
            return tests == null ? List.of() : Collections.unmodifiableList(tests);
        }
    }

    /** A failed test: where it is and the first lines of its message. */
    @ExportedBean(defaultVisibility = 2)
    public static final class TestEntry {
        private final String classname;
        private final String name;
        private final String file;
        private final String message;

        TestEntry(String classname, String name, String file, String message) {
            this.classname = classname;
            this.name = name;
            this.file = file;
            this.message = message;
        }

        @Exported
        public String getClassname() {
            return classname;
        }

        @Exported
        public String getName() {
            return name;
        }

        @Exported
        public String getFile() {
            return file;
        }

        @Exported
        public String getMessage() {
            return message;
        }

        /** {@code classname.name}. */
        public String getFullName() {
            return classname == null || classname.isEmpty() ? name : classname + "." + name;
        }
    }
}
