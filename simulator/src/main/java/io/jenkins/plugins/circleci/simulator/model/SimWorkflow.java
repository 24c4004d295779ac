package io.jenkins.plugins.circleci.simulator.model;

import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.WorkflowSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A simulated workflow. Nothing runs in the background: {@link #evaluate} derives every job's and the workflow's
 * status from the clock, the scenario and the few events clients cause (approve, cancel). All mutable state is
 * guarded by the owning pipeline's monitor.
 */
public final class SimWorkflow {

    private final UUID id;
    private final SimPipeline pipeline;
    private final WorkflowSpec spec;
    private final List<SimJob> jobs = new ArrayList<>();
    private final Integer autoRerunNumber;
    private final Appearance appearance;
    private final Map<UUID, Instant> approvals = new HashMap<>();
    private Instant canceledAt;

    /**
     * When a workflow appears: at a fixed instant, or once another workflow ended with one of some statuses
     * (a continuation after its setup workflow succeeded, an automatic rerun after a failure).
     */
    record Appearance(Instant at, SimWorkflow after, Set<String> afterStatuses, Duration delay) {
        static Appearance at(Instant instant) {
            return new Appearance(instant, null, Set.of(), Duration.ZERO);
        }

        static Appearance after(SimWorkflow predecessor, Set<String> statuses, Duration delay) {
            return new Appearance(null, predecessor, statuses, delay);
        }
    }

    SimWorkflow(Ids ids, SimPipeline pipeline, WorkflowSpec spec, Integer autoRerunNumber, Appearance appearance) {
        this.id = ids.uuid();
        this.pipeline = pipeline;
        this.spec = spec;
        this.autoRerunNumber = autoRerunNumber;
        this.appearance = appearance;
        Map<String, SimJob> byName = new HashMap<>();
        SimJob previous = null;
        for (JobSpec jobSpec : spec.jobs()) {
            List<SimJob> upstream = new ArrayList<>();
            if (jobSpec.requires() == null) {
                if (previous != null) {
                    upstream.add(previous);
                }
            } else {
                jobSpec.requires().forEach(name -> upstream.add(byName.get(name)));
            }
            SimJob job = new SimJob(ids.uuid(), jobSpec, upstream, this);
            jobs.add(job);
            byName.put(jobSpec.name(), job);
            previous = job;
        }
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return spec.name();
    }

    public SimPipeline pipeline() {
        return pipeline;
    }

    public WorkflowSpec spec() {
        return spec;
    }

    public List<SimJob> jobs() {
        return jobs;
    }

    public boolean setup() {
        return spec.setup();
    }

    public Integer autoRerunNumber() {
        return autoRerunNumber;
    }

    public Integer maxAutoReruns() {
        return spec.maxAutoReruns() > 0 ? spec.maxAutoReruns() : null;
    }

    /** When this workflow appears at {@code now}, or empty if it has not (yet, or ever). */
    Optional<Instant> createdAt(Evaluation eval) {
        if (appearance.at() != null) {
            return appearance.at().isAfter(eval.now()) ? Optional.empty() : Optional.of(appearance.at());
        }
        return eval.view(appearance.after())
                .filter(WorkflowView::terminal)
                .filter(v -> appearance.afterStatuses().contains(v.status()))
                .map(v -> v.stoppedAt().plus(appearance.delay()))
                .filter(t -> !t.isAfter(eval.now()));
    }

    /** Whether this workflow, not visible yet, will still appear later. */
    boolean mayStillAppear(Evaluation eval) {
        if (appearance.at() != null) {
            return appearance.at().isAfter(eval.now());
        }
        Optional<WorkflowView> before = eval.view(appearance.after());
        if (before.isEmpty()) {
            return appearance.after().mayStillAppear(eval);
        }
        WorkflowView v = before.get();
        return !v.terminal() || appearance.afterStatuses().contains(v.status())
                && v.stoppedAt().plus(appearance.delay()).isAfter(eval.now());
    }

    /** The state of this workflow and its jobs at {@code eval.now()}; empty while it has not appeared. */
    Optional<WorkflowView> evaluate(Evaluation eval) {
        Optional<Instant> created = createdAt(eval);
        if (created.isEmpty()) {
            return Optional.empty();
        }
        Instant createdAt = created.get();
        Instant now = eval.now();
        Instant jobsStart = spec.statusFor() == null ? createdAt : createdAt.plus(spec.statusFor());
        if (spec.status() != null && (spec.statusFor() == null || now.isBefore(jobsStart))) {
            return Optional.of(forcedStatus(createdAt));
        }
        // Progress stops at the cancel instant; whatever was still going then is canceled.
        Instant horizon = canceledAt != null && canceledAt.isBefore(now) ? canceledAt : now;
        UUID user = pipeline.project().simulation().userId();
        Map<SimJob, JobView> views = new HashMap<>();
        List<JobView> out = new ArrayList<>();
        for (SimJob job : jobs) {
            // Dependencies see the state at the cancel instant: a job blocked behind a canceled one is canceled
            // too, not "not_run".
            JobView v = progress(job, views, jobsStart, horizon, user);
            views.put(job, v);
            if (canceledAt != null && !v.terminal()) {
                v = new JobView(job, "canceled", v.startedAt(), canceledAt, v.number(), v.approvedBy(), user);
            }
            out.add(v);
        }
        return Optional.of(summarize(createdAt, jobsStart, out, user));
    }

    private JobView progress(SimJob job, Map<SimJob, JobView> views, Instant jobsStart, Instant horizon, UUID user) {
        Instant readyAt = jobsStart;
        for (SimJob up : job.upstream()) {
            JobView u = views.get(up);
            if (!u.terminal()) {
                return new JobView(job, "blocked", null, null, null, null, null);
            }
            if (!"success".equals(u.status())) {
                return new JobView(job, "not_run", null, null, null, null, null);
            }
            if (u.stoppedAt().isAfter(readyAt)) {
                readyAt = u.stoppedAt();
            }
        }
        if (job.approval()) {
            Instant approvedAt = approvals.get(job.id());
            if (approvedAt != null && !approvedAt.isAfter(horizon)) {
                return new JobView(job, "success", readyAt, approvedAt, numberOf(job), user, null);
            }
            return new JobView(job, "on_hold", null, null, null, null, null);
        }
        Instant end = readyAt.plus(job.spec().duration());
        long number = numberOf(job);
        if (!end.isAfter(horizon)) {
            return new JobView(job, job.spec().outcome(), readyAt, end, number, null, null);
        }
        return new JobView(job, "running", readyAt, null, number, null, null);
    }

    private long numberOf(SimJob job) {
        if (job.number() == null) {
            pipeline.project().assignJobNumber(job);
        }
        return job.number();
    }

    private WorkflowView summarize(Instant createdAt, Instant jobsStart, List<JobView> jobViews, UUID user) {
        boolean allDone = jobViews.stream().allMatch(JobView::terminal);
        boolean anyFailed = jobViews.stream().anyMatch(j -> Statuses.FAILING_JOB.contains(j.status()));
        if (canceledAt != null) {
            return new WorkflowView(this, createdAt, "canceled", canceledAt, jobViews, user);
        }
        if (allDone) {
            Instant stopped = jobViews.stream().map(JobView::stoppedAt).filter(t -> t != null)
                    .max(Instant::compareTo).orElse(jobsStart);
            String status = anyFailed ? "failed"
                    : jobViews.stream().anyMatch(j -> "unauthorized".equals(j.status())) ? "unauthorized"
                    : jobViews.stream().anyMatch(j -> "canceled".equals(j.status())) ? "canceled"
                    : "success";
            return new WorkflowView(this, createdAt, status, stopped, jobViews, null);
        }
        if (anyFailed) {
            return new WorkflowView(this, createdAt, "failing", null, jobViews, null);
        }
        boolean waiting = jobViews.stream().anyMatch(j -> "on_hold".equals(j.status()));
        boolean running = jobViews.stream().anyMatch(j -> "running".equals(j.status()));
        return new WorkflowView(this, createdAt, waiting && !running ? "on_hold" : "running", null, jobViews, null);
    }

    private WorkflowView forcedStatus(Instant createdAt) {
        boolean terminal = Statuses.workflowTerminal(spec.status());
        String jobStatus = terminal ? "not_run" : "queued".equals(spec.status()) ? "queued" : "blocked";
        List<JobView> jobViews = jobs.stream()
                .map(j -> new JobView(j, jobStatus, null, null, null, null, null)).toList();
        return new WorkflowView(this, createdAt, spec.status(), terminal ? createdAt : null, jobViews, null);
    }

    /** Records a cancel at {@code now}; false if the workflow had already finished (nothing to cancel). */
    boolean cancel(Evaluation eval) {
        Optional<WorkflowView> v = eval.view(this);
        if (v.isEmpty() || v.get().terminal()) {
            return false;
        }
        canceledAt = eval.now();
        return true;
    }

    /** Approves an approval job that is on hold; false if there is no such job waiting. */
    boolean approve(UUID approvalRequestId, Evaluation eval) {
        Optional<WorkflowView> v = eval.view(this);
        if (v.isEmpty()) {
            return false;
        }
        boolean onHold = v.get().jobs().stream()
                .anyMatch(j -> j.job().id().equals(approvalRequestId) && "on_hold".equals(j.status()));
        if (onHold) {
            approvals.put(approvalRequestId, eval.now());
        }
        return onHold;
    }
}
