package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.WebUrls;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.api.error.NotFoundException;
import io.jenkins.plugins.circleci.api.model.Job;
import io.jenkins.plugins.circleci.api.model.Pipeline;
import io.jenkins.plugins.circleci.api.model.PipelineError;
import io.jenkins.plugins.circleci.api.model.PipelineState;
import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.api.model.WorkflowDuration;
import io.jenkins.plugins.circleci.api.model.WorkflowStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** An in-memory CircleCI for one pipeline, with scripted failures and a record of every call. */
final class FakeCircleCi implements PipelineApi {
    private volatile String state = "created";
    private volatile List<String> errors = List.of();
    private volatile List<Workflow> workflows = List.of();
    private final Map<String, List<Job>> jobs = new ConcurrentHashMap<>();
    private final Deque<Supplier<CircleCiException>> failures = new ArrayDeque<>();
    private Supplier<CircleCiException> always;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final List<String> canceled = new CopyOnWriteArrayList<>();
    final List<Instant> pauses = new CopyOnWriteArrayList<>();
    private final Map<String, CircleCiException> cancelFailures = new ConcurrentHashMap<>();
    private volatile Duration budgetWait = Duration.ZERO;
    private volatile Runnable onListWorkflows = () -> {};
    /** workflow id/approval request id, per approval CircleCI accepted. */
    final List<String> approved = new CopyOnWriteArrayList<>();
    private volatile CircleCiException approveFailure;
    private volatile CircleCiException listJobsFailure;
    private volatile Runnable onApprove = () -> {};
    private volatile List<WorkflowDuration> durations = List.of();
    private volatile CircleCiException durationsFailure;
    private volatile Runnable onWorkflowDurations = () -> {};

    FakeCircleCi pipelineState(String s, String... errorMessages) {
        this.state = s;
        this.errors = List.of(errorMessages);
        return this;
    }

    FakeCircleCi workflows(Workflow... w) {
        this.workflows = List.of(w);
        return this;
    }

    FakeCircleCi jobs(String workflowId, Job... j) {
        jobs.put(workflowId, List.of(j));
        return this;
    }

    /** The next calls fail with these errors, one each. */
    synchronized FakeCircleCi failNext(int times, Supplier<CircleCiException> error) {
        for (int i = 0; i < times; i++) {
            failures.add(error);
        }
        return this;
    }

    /** Every call fails until {@link #recover()}. */
    synchronized FakeCircleCi failAlways(Supplier<CircleCiException> error) {
        always = error;
        return this;
    }

    synchronized FakeCircleCi recover() {
        failures.clear();
        always = null;
        return this;
    }

    FakeCircleCi failCancel(String workflowId, CircleCiException e) {
        cancelFailures.put(workflowId, e);
        return this;
    }

    FakeCircleCi allowCancel(String workflowId) {
        cancelFailures.remove(workflowId);
        return this;
    }

    FakeCircleCi budgetWait(Duration d) {
        this.budgetWait = d;
        return this;
    }

    /** Runs during each workflow listing, after the answer was taken (as if CircleCI changed while it answered). */
    FakeCircleCi onListWorkflows(Runnable r) {
        this.onListWorkflows = r;
        return this;
    }

    /** Runs on each approval, before it is accepted or refused (as if CircleCI changed meanwhile). */
    FakeCircleCi onApprove(Runnable r) {
        this.onApprove = r;
        return this;
    }

    /** Every approval is refused with this error (null: accepted). */
    FakeCircleCi failApprove(CircleCiException e) {
        this.approveFailure = e;
        return this;
    }

    /** What Insights reports about the project's workflows. */
    FakeCircleCi durations(WorkflowDuration... d) {
        this.durations = List.of(d);
        return this;
    }

    /** Insights refuses (or fails) with this error. */
    FakeCircleCi durationsFail(CircleCiException e) {
        this.durationsFailure = e;
        return this;
    }

    /** Runs while Insights is being asked (as if the answer took long). */
    FakeCircleCi onWorkflowDurations(Runnable r) {
        this.onWorkflowDurations = r;
        return this;
    }

    int calls(String method) {
        AtomicInteger n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    int reads() {
        return calls("getPipeline") + calls("listWorkflows") + calls("listJobs");
    }

    private synchronized void call(String method) {
        calls.computeIfAbsent(method, k -> new AtomicInteger()).incrementAndGet();
        Supplier<CircleCiException> failure = always != null ? always : failures.poll();
        if (failure != null) {
            throw failure.get();
        }
    }

    @Override
    public Pipeline getPipeline(String pipelineId) {
        call("getPipeline");
        if (!pipelineId.equals(Fixtures.PIPELINE_ID)) {
            throw new NotFoundException("Pipeline " + pipelineId + " not found.", "Check the id.", 404,
                    "Pipeline not found", "GET", "/pipeline/" + pipelineId);
        }
        List<PipelineError> e = errors.stream().map(m -> new PipelineError("config", m)).toList();
        return new Pipeline(pipelineId, 42, Fixtures.SLUG, Fixtures.T0, Fixtures.T0, PipelineState.of(state), e, null);
    }

    @Override
    public List<Workflow> listWorkflows(String pipelineId) {
        call("listWorkflows");
        List<Workflow> seen = new ArrayList<>(workflows);
        onListWorkflows.run();
        return seen;
    }

    @Override
    public List<Job> listJobs(String workflowId) {
        call("listJobs");
        CircleCiException refusal = listJobsFailure;
        if (refusal != null) {
            throw refusal;
        }
        return jobs.getOrDefault(workflowId, List.of());
    }

    /** Every job list fails with {@code e} from now on (null: none does). */
    FakeCircleCi failListJobs(CircleCiException e) {
        this.listJobsFailure = e;
        return this;
    }

    @Override
    public void cancelWorkflow(String workflowId) {
        synchronized (this) {
            if (always != null) {
                throw always.get();
            }
        }
        CircleCiException e = cancelFailures.get(workflowId);
        if (e != null) {
            throw e;
        }
        canceled.add(workflowId);
        // Like CircleCI, a canceled workflow reads back as canceled from then on.
        workflows = workflows.stream().map(w -> w.id().equals(workflowId) ? asCanceled(w) : w).toList();
    }

    private static Workflow asCanceled(Workflow w) {
        return new Workflow(w.id(), w.name(), WorkflowStatus.CANCELED, w.createdAt(), Fixtures.T0, w.pipelineId(),
                w.pipelineNumber(), w.projectSlug(), w.startedBy(), "user", w.erroredBy(), w.tag(),
                w.autoRerunNumber(), w.maxAutoReruns());
    }

    @Override
    public void approve(String workflowId, String approvalRequestId) {
        call("approve");
        onApprove.run();
        CircleCiException e = approveFailure;
        if (e != null) {
            throw e;
        }
        approved.add(workflowId + "/" + approvalRequestId);
    }

    @Override
    public List<WorkflowDuration> workflowDurations(String projectSlug, String branch) {
        calls.computeIfAbsent("workflowDurations", k -> new AtomicInteger()).incrementAndGet();
        onWorkflowDurations.run();
        CircleCiException failure = durationsFailure;
        if (failure != null) {
            throw failure;
        }
        return durations;
    }

    @Override
    public Duration timeUntilAvailable() {
        return budgetWait;
    }

    @Override
    public void pauseUntil(Instant until) {
        pauses.add(until);
    }

    @Override
    public WebUrls webUrls() {
        return Fixtures.URLS;
    }
}
