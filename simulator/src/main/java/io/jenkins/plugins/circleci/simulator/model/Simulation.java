package io.jenkins.plugins.circleci.simulator.model;

import io.jenkins.plugins.circleci.simulator.scenario.ProjectScenario;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The simulated CircleCI: projects, pipelines and workflows, indexed for the API. Thread-safe; time comes from the
 * clock only.
 */
public final class Simulation {

    private final Scenario scenario;
    private final Clock clock;
    private final Ids ids;
    private final UUID userId;
    private final Map<String, SimProject> projects = new ConcurrentHashMap<>();
    private final Map<UUID, SimPipeline> pipelines = new ConcurrentHashMap<>();
    private final Map<UUID, SimWorkflow> workflows = new ConcurrentHashMap<>();
    private final List<Consumer<SimPipeline>> triggerListeners = new CopyOnWriteArrayList<>();
    /** Bumped by every client action that changes what the clock alone would compute. */
    private final AtomicLong version = new AtomicLong();

    public Simulation(Scenario scenario, Clock clock, long seed) {
        this.scenario = scenario;
        this.clock = clock;
        this.ids = new Ids(seed);
        this.userId = ids.uuid();
    }

    public Scenario scenario() {
        return scenario;
    }

    public Instant now() {
        return clock.instant();
    }

    public Ids ids() {
        return ids;
    }

    /** The one simulated user every valid token belongs to. */
    public UUID userId() {
        return userId;
    }

    /** The project, or empty when the scenario says this slug does not exist. */
    public Optional<SimProject> project(String slug) {
        SimProject known = projects.get(slug);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ProjectScenario> script = scenario.project(slug);
        return script.map(s -> projects.computeIfAbsent(slug, k -> new SimProject(this, k, s)));
    }

    public SimPipeline trigger(SimProject project, TriggerRequest request) {
        SimPipeline p = project.newPipeline(ids, request, now());
        pipelines.put(p.id(), p);
        p.allWorkflows().forEach(w -> workflows.put(w.id(), w));
        version.incrementAndGet();
        triggerListeners.forEach(l -> l.accept(p));
        return p;
    }

    /** Called with every new pipeline and every pipeline that gets a new workflow (the webhook dispatcher watches them). */
    public void onPipelineChange(Consumer<SimPipeline> listener) {
        triggerListeners.add(listener);
    }

    /**
     * A counter of client actions (trigger, cancel, approve, rerun). With the clock, it tells whether anything can
     * have changed since a previous look.
     */
    public long version() {
        return version.get();
    }

    /** Cancels a workflow (nothing happens if it has finished). */
    public void cancel(SimWorkflow workflow) {
        if (workflow.pipeline().cancel(workflow, now())) {
            version.incrementAndGet();
        }
    }

    /** Approves an approval job of a workflow; false if it is not on hold. */
    public boolean approve(SimWorkflow workflow, UUID approvalRequestId) {
        boolean approved = workflow.pipeline().approve(workflow, approvalRequestId, now());
        if (approved) {
            version.incrementAndGet();
        }
        return approved;
    }

    public Optional<SimPipeline> pipeline(UUID id) {
        return Optional.ofNullable(pipelines.get(id));
    }

    public Optional<SimWorkflow> workflow(UUID id) {
        return Optional.ofNullable(workflows.get(id));
    }

    /** A visible workflow: one that a client could have seen in its pipeline's list by now. */
    public Optional<WorkflowView> visibleWorkflow(UUID id) {
        return workflow(id).flatMap(w -> w.pipeline().view(w, now()));
    }

    public Optional<SimWorkflow> rerun(SimWorkflow original) {
        Optional<SimWorkflow> rerun = original.pipeline().rerun(ids, original, now());
        rerun.ifPresent(w -> {
            workflows.put(w.id(), w);
            version.incrementAndGet();
            triggerListeners.forEach(l -> l.accept(w.pipeline()));
        });
        return rerun;
    }

    public List<SimPipeline> allPipelines() {
        return List.copyOf(pipelines.values());
    }
}
