package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.model.PipelineState;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * All a wait needs to resume after a restart: the pipeline's ids, the workflows seen so far and the deadline. It never
 * holds a secret. Immutable; the watcher publishes a new one through {@link ProgressListener#onStateChanged}.
 *
 * <p>Besides the ids it keeps what makes a resumed wait behave like the original one: the last status of each
 * workflow (so no change is announced twice), the notices already given, and when each grace period began (so a
 * restart neither extends a grace period nor the absolute deadline).
 */
public final class WatchState implements Serializable {
    private static final long serialVersionUID = 1L;
    /** CircleCI's pipeline states before {@code created} or {@code errored}. */
    private static final Set<String> SET_UP_STATES = Set.of(PipelineState.SETUP_PENDING.value(),
            PipelineState.SETUP.value(), PipelineState.PENDING.value());

    /** A workflow as last seen: enough to announce changes and to report it if the wait ends without a fresh look. */
    record SeenWorkflow(String name, String status, boolean setup, Instant createdAt) implements Serializable {
        private static final long serialVersionUID = 1L;

        SeenWorkflow {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
        }
    }

    private final String pipelineId;
    private final long pipelineNumber;
    private final String projectSlug;
    private final String pipelineState;
    private final Instant startedAt;
    private final Instant deadline;
    private final Map<String, SeenWorkflow> workflows;
    private final Map<String, Instant> graceStarts;
    private final Set<String> announced;
    /**
     * The approval request ids this wait approved ({@link WatchOptions#approve()}), so that none is approved twice,
     * restarts included. Null in states saved before it existed: none.
     */
    private final Set<String> approved;

    private WatchState(String pipelineId, long pipelineNumber, String projectSlug, String pipelineState,
            Instant startedAt, Instant deadline, Map<String, SeenWorkflow> workflows, Map<String, Instant> graceStarts,
            Set<String> announced, Set<String> approved) {
        if (pipelineId == null || pipelineId.isBlank()) {
            throw new IllegalArgumentException("A wait needs the CircleCI pipeline id (a UUID) to follow.");
        }
        this.pipelineId = pipelineId.trim();
        this.pipelineNumber = pipelineNumber;
        this.projectSlug = projectSlug;
        this.pipelineState = pipelineState;
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.workflows = Collections.unmodifiableMap(new LinkedHashMap<>(workflows));
        this.graceStarts = Collections.unmodifiableMap(new LinkedHashMap<>(graceStarts));
        this.announced = Collections.unmodifiableSet(new LinkedHashSet<>(announced));
        this.approved = Collections.unmodifiableSet(new LinkedHashSet<>(approved));
    }

    /**
     * A wait for a pipeline that was just triggered. The trigger's answer is kept as the pipeline's state only while it
     * is still being set up ({@code pending}, ...): the first poll then need not come at once. A final state is read
     * again by the first poll, which also learns the pipeline's branch and errors.
     */
    public static WatchState forTriggered(PipelineSummary pipeline, Instant now, WatchOptions options) {
        Objects.requireNonNull(pipeline, "pipeline");
        String state = pipeline.state();
        String settingUp = state != null && SET_UP_STATES.contains(state) ? state : null;
        return new WatchState(pipeline.id(), pipeline.number(), pipeline.projectSlug(), settingUp, now,
                now.plus(options.timeout()), Map.of(), Map.of(), Set.of(), Set.of());
    }

    /** A wait for a pipeline known only by its id (circleciWait, the CLI's wait); the rest is learned on the first poll. */
    public static WatchState forPipelineId(String pipelineId, Instant now, WatchOptions options) {
        return new WatchState(pipelineId, 0, null, null, now, now.plus(options.timeout()), Map.of(), Map.of(),
                Set.of(), Set.of());
    }

    public String pipelineId() {
        return pipelineId;
    }

    /** The pipeline number, or 0 while unknown. */
    public long pipelineNumber() {
        return pipelineNumber;
    }

    /** The project slug, or null while unknown. */
    public String projectSlug() {
        return projectSlug;
    }

    /** CircleCI's pipeline state as last seen (created, errored, setup-pending, ...), or null before the first look. */
    public String pipelineState() {
        return pipelineState;
    }

    /** When the wait began. */
    public Instant startedAt() {
        return startedAt;
    }

    /** The absolute end of the wait: a resumed wait keeps it. */
    public Instant deadline() {
        return deadline;
    }

    /** Workflow id → last status seen. */
    public Map<String, String> workflowStatuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        workflows.forEach((id, w) -> statuses.put(id, w.status()));
        return Collections.unmodifiableMap(statuses);
    }

    Map<String, SeenWorkflow> workflows() {
        return workflows;
    }

    /** Condition key → when the grace period for it began; see {@link CompletionRule}. */
    Map<String, Instant> graceStarts() {
        return graceStarts;
    }

    /** Keys of the notices and warnings already given, so a resumed wait does not repeat them. */
    Set<String> announced() {
        return announced;
    }

    /** The approval request ids this wait approved. */
    Set<String> approved() {
        return approved == null ? Set.of() : approved;
    }

    boolean knowsPipeline() {
        return pipelineNumber > 0 && projectSlug != null;
    }

    WatchState withPipeline(long number, String slug, String state) {
        return new WatchState(pipelineId, number, slug, state, startedAt, deadline, workflows, graceStarts, announced,
                approved());
    }

    WatchState withProgress(Map<String, SeenWorkflow> seen, Map<String, Instant> graces, Set<String> newlyAnnounced) {
        Map<String, SeenWorkflow> merged = new LinkedHashMap<>(workflows);
        merged.putAll(seen);
        Set<String> allAnnounced = new LinkedHashSet<>(announced);
        allAnnounced.addAll(newlyAnnounced);
        return new WatchState(pipelineId, pipelineNumber, projectSlug, pipelineState, startedAt, deadline, merged,
                graces, allAnnounced, approved());
    }

    /** With {@code approvalRequestId} recorded as approved by this wait. */
    WatchState withApproved(String approvalRequestId) {
        Set<String> all = new LinkedHashSet<>(approved());
        all.add(approvalRequestId);
        return new WatchState(pipelineId, pipelineNumber, projectSlug, pipelineState, startedAt, deadline, workflows,
                graceStarts, announced, all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WatchState s && s.pipelineId.equals(pipelineId) && s.pipelineNumber == pipelineNumber
                && Objects.equals(s.projectSlug, projectSlug) && Objects.equals(s.pipelineState, pipelineState)
                && s.startedAt.equals(startedAt) && s.deadline.equals(deadline) && s.workflows.equals(workflows)
                && s.graceStarts.equals(graceStarts) && s.announced.equals(announced)
                && s.approved().equals(approved());
    }

    @Override
    public int hashCode() {
        return Objects.hash(pipelineId, pipelineNumber, workflows, graceStarts, announced, deadline);
    }

    @Override
    public String toString() {
        return "WatchState[pipeline " + pipelineId + (pipelineNumber > 0 ? " #" + pipelineNumber : "")
                + (projectSlug != null ? " (" + projectSlug + ")" : "") + ", workflows=" + workflowStatuses()
                + ", deadline=" + deadline + "]";
    }
}
