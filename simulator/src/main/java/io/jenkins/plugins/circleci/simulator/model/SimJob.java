package io.jenkins.plugins.circleci.simulator.model;

import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import java.util.List;
import java.util.UUID;

/** A job of a simulated workflow. Its state is computed from the clock by {@link SimWorkflow}. */
public final class SimJob {

    private final UUID id;
    private final JobSpec spec;
    private final List<SimJob> upstream;
    private final SimWorkflow workflow;
    /** Assigned when the job is first seen started (or approved), as CircleCI numbers jobs when they run. */
    private volatile Long number;

    SimJob(UUID id, JobSpec spec, List<SimJob> upstream, SimWorkflow workflow) {
        this.id = id;
        this.spec = spec;
        this.upstream = List.copyOf(upstream);
        this.workflow = workflow;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return spec.name();
    }

    public JobSpec spec() {
        return spec;
    }

    public boolean approval() {
        return spec.approval();
    }

    public List<SimJob> upstream() {
        return upstream;
    }

    public SimWorkflow workflow() {
        return workflow;
    }

    public Long number() {
        return number;
    }

    void assignNumber(long n) {
        this.number = n;
    }
}
