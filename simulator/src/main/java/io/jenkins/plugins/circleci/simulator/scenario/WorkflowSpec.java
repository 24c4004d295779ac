package io.jenkins.plugins.circleci.simulator.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One scripted workflow.
 *
 * @param name              workflow name
 * @param setup             true for a dynamic-config setup workflow ({@code tag: "setup"})
 * @param jobs              its jobs, in an order where every job comes after the jobs it requires
 * @param status            optional forced status (e.g. {@code queued}, {@code error}, {@code unauthorized}, or
 *                          any unknown string) shown instead of the computed one
 * @param statusFor         how long the forced status lasts before the jobs start; {@code null} = forever
 * @param maxAutoReruns     0, or 1..5: a failed workflow is rerun automatically as a new workflow
 * @param autoRerunOutcomes outcome of each automatic rerun in turn ({@code success} or {@code failed});
 *                          the last one repeats; empty = {@code success}
 * @param autoRerunDelay    delay between a failure and its automatic rerun
 */
public record WorkflowSpec(String name, boolean setup, List<JobSpec> jobs, String status, Duration statusFor,
                           int maxAutoReruns, List<String> autoRerunOutcomes, Duration autoRerunDelay) {

    public WorkflowSpec {
        Objects.requireNonNull(name, "workflow name");
        jobs = List.copyOf(jobs);
        autoRerunOutcomes = autoRerunOutcomes == null ? List.of() : List.copyOf(autoRerunOutcomes);
        autoRerunDelay = autoRerunDelay == null ? Duration.ofSeconds(5) : autoRerunDelay;
        if (maxAutoReruns < 0 || maxAutoReruns > 5) {
            throw new IllegalArgumentException("max_auto_reruns must be 0..5 (CircleCI allows 1..5): " + maxAutoReruns);
        }
        List<String> seen = new ArrayList<>();
        for (JobSpec job : jobs) {
            if (job.requires() != null && !seen.containsAll(job.requires())) {
                throw new IllegalArgumentException("workflow '" + name + "': job '" + job.name()
                        + "' requires " + job.requires() + " but only " + seen + " come before it");
            }
            seen.add(job.name());
        }
    }

    /** The outcome of automatic rerun number {@code n} (1-based). */
    public String autoRerunOutcome(int n) {
        if (autoRerunOutcomes.isEmpty()) {
            return "success";
        }
        return autoRerunOutcomes.get(Math.min(n, autoRerunOutcomes.size()) - 1);
    }

    /** A fluent way to write a workflow in a test. */
    public static final class Builder {
        private final String name;
        private boolean setup;
        private final List<JobSpec> jobs = new ArrayList<>();
        private String status;
        private Duration statusFor;
        private int maxAutoReruns;
        private final List<String> autoRerunOutcomes = new ArrayList<>();
        private Duration autoRerunDelay;

        public Builder(String name) {
            this.name = name;
        }

        /** A build job that succeeds after {@code duration}. */
        public Builder job(String jobName, Duration duration) {
            return job(JobSpec.build(jobName, duration, "success"));
        }

        /** A build job that ends with {@code outcome} (e.g. {@code failed}) after {@code duration}. */
        public Builder job(String jobName, Duration duration, String outcome) {
            return job(JobSpec.build(jobName, duration, outcome));
        }

        public Builder job(JobSpec job) {
            jobs.add(job);
            return this;
        }

        /** An approval job: the workflow is {@code on_hold} until it is approved through the API. */
        public Builder approval(String jobName) {
            return job(JobSpec.approval(jobName));
        }

        /** Forces a status (e.g. an unknown {@code queued}) for {@code duration}, then runs normally. */
        public Builder status(String forcedStatus, Duration duration) {
            this.status = forcedStatus;
            this.statusFor = duration;
            return this;
        }

        /** Forces a status forever (e.g. {@code error} or {@code unauthorized}). */
        public Builder status(String forcedStatus) {
            return status(forcedStatus, null);
        }

        public Builder maxAutoReruns(int max) {
            this.maxAutoReruns = max;
            return this;
        }

        /** Outcomes of the automatic reruns in turn, e.g. {@code "failed", "success"}. */
        public Builder autoRerunOutcomes(String... outcomes) {
            autoRerunOutcomes.addAll(List.of(outcomes));
            return this;
        }

        public Builder autoRerunDelay(Duration delay) {
            this.autoRerunDelay = delay;
            return this;
        }

        Builder setup(boolean isSetup) {
            this.setup = isSetup;
            return this;
        }

        public WorkflowSpec build() {
            return new WorkflowSpec(name, setup, jobs, status, statusFor, maxAutoReruns, autoRerunOutcomes,
                    autoRerunDelay);
        }
    }
}
