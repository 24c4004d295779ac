package io.jenkins.plugins.circleci.simulator.model;

import io.jenkins.plugins.circleci.simulator.scenario.PipelineStep;
import io.jenkins.plugins.circleci.simulator.scenario.ProjectScenario;
import io.jenkins.plugins.circleci.simulator.scenario.WorkflowSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * A triggered pipeline: its scripted state progression and its workflows (including those that will only appear
 * later: continuations and automatic reruns). Its monitor guards the state of its workflows.
 */
public final class SimPipeline {

    private final UUID id;
    private final long number;
    private final SimProject project;
    private final ProjectScenario scenario;
    private final TriggerRequest trigger;
    private final Instant createdAt;
    private final Instant finalAt;
    private final String revision;
    private final List<SimWorkflow> workflows = new ArrayList<>();
    private final LongAdder requests = new LongAdder();
    /** Counts workflows added after the trigger (manual reruns), so watchers know to look again. */
    private volatile long additions;

    SimPipeline(Ids ids, SimProject project, long number, ProjectScenario scenario, TriggerRequest trigger,
                Instant createdAt) {
        this.id = ids.uuid();
        this.number = number;
        this.project = project;
        this.scenario = scenario;
        this.trigger = trigger;
        this.createdAt = createdAt;
        this.revision = ids.sha();
        Instant t = createdAt;
        for (PipelineStep step : scenario.effectiveSteps()) {
            t = t.plus(step.lasts());
        }
        this.finalAt = t;
        if (!scenario.errored()) {
            plan(ids);
        }
    }

    /** Creates every workflow the scenario can produce; each appears when its condition holds. */
    private void plan(Ids ids) {
        SimWorkflow setup = null;
        for (WorkflowSpec spec : scenario.workflows()) {
            SimWorkflow.Appearance appearance = setup == null || spec.setup()
                    ? SimWorkflow.Appearance.at(finalAt)
                    : SimWorkflow.Appearance.after(setup, Set.of("success"), scenario.continuationDelay());
            SimWorkflow workflow = new SimWorkflow(ids, this, spec, null, appearance);
            workflows.add(workflow);
            if (spec.setup()) {
                setup = workflow;
            }
            SimWorkflow previous = workflow;
            for (int n = 1; n <= spec.maxAutoReruns(); n++) {
                WorkflowSpec rerun = RerunSpecs.withOutcome(spec, spec.autoRerunOutcome(n));
                SimWorkflow next = new SimWorkflow(ids, this, rerun, n,
                        SimWorkflow.Appearance.after(previous, Set.of("failed"), spec.autoRerunDelay()));
                workflows.add(next);
                previous = next;
            }
        }
    }

    public UUID id() {
        return id;
    }

    public long number() {
        return number;
    }

    public SimProject project() {
        return project;
    }

    public ProjectScenario scenario() {
        return scenario;
    }

    public TriggerRequest trigger() {
        return trigger;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String revision() {
        return revision;
    }

    /** Requests that concerned this pipeline, its workflows or its jobs (for the bench's cost per wait). */
    public long requestCount() {
        return requests.sum();
    }

    /** Grows each time a workflow is added after the trigger (a manual rerun). */
    public long additions() {
        return additions;
    }

    public void countRequest() {
        requests.increment();
    }

    /** The pipeline, its state and its visible workflows at {@code now}. */
    public synchronized PipelineView view(Instant now) {
        Evaluation eval = new Evaluation(now);
        String state = "pending";
        Instant updatedAt = createdAt;
        Instant t = createdAt;
        boolean reachedFinal = true;
        for (PipelineStep step : scenario.effectiveSteps()) {
            if (now.isBefore(t.plus(step.lasts()))) {
                state = step.state();
                updatedAt = t;
                reachedFinal = false;
                break;
            }
            t = t.plus(step.lasts());
        }
        List<WorkflowView> visible = new ArrayList<>();
        if (reachedFinal) {
            state = scenario.errored() ? "errored" : "created";
            updatedAt = finalAt;
            for (SimWorkflow w : workflows) {
                eval.view(w).ifPresent(visible::add);
            }
        }
        return new PipelineView(this, state, updatedAt, visible);
    }

    /** The workflow's view at {@code now}, if it has appeared. */
    public synchronized Optional<WorkflowView> view(SimWorkflow workflow, Instant now) {
        return new Evaluation(now).view(workflow);
    }

    /**
     * The instant at which this pipeline's last workflow became terminal (or at which it errored or was created
     * without workflows), or empty while something is still running or still due (a continuation, an automatic rerun).
     */
    public synchronized Optional<Instant> completedAt(Instant now) {
        if (now.isBefore(finalAt)) {
            return Optional.empty();
        }
        Evaluation eval = new Evaluation(now);
        Instant last = finalAt;
        for (SimWorkflow w : workflows) {
            Optional<WorkflowView> v = eval.view(w);
            if (v.isEmpty()) {
                if (w.mayStillAppear(eval)) {
                    return Optional.empty();
                }
                continue;
            }
            if (!v.get().terminal()) {
                return Optional.empty();
            }
            if (v.get().stoppedAt().isAfter(last)) {
                last = v.get().stoppedAt();
            }
        }
        return Optional.of(last);
    }

    public synchronized boolean cancel(SimWorkflow workflow, Instant now) {
        return workflow.cancel(new Evaluation(now));
    }

    public synchronized boolean approve(SimWorkflow workflow, UUID approvalRequestId, Instant now) {
        return workflow.approve(approvalRequestId, new Evaluation(now));
    }

    /** Adds a manual rerun of a finished workflow, appearing now; empty if the workflow is still going. */
    synchronized Optional<SimWorkflow> rerun(Ids ids, SimWorkflow original, Instant now) {
        Optional<WorkflowView> v = new Evaluation(now).view(original);
        if (v.isEmpty() || !v.get().terminal()) {
            return Optional.empty();
        }
        WorkflowSpec spec = RerunSpecs.manual(original.spec(), scenario.manualRerunOutcome());
        SimWorkflow rerun = new SimWorkflow(ids, this, spec, null, SimWorkflow.Appearance.at(now));
        workflows.add(rerun);
        additions++;
        return Optional.of(rerun);
    }

    synchronized List<SimWorkflow> allWorkflows() {
        return List.copyOf(workflows);
    }
}
