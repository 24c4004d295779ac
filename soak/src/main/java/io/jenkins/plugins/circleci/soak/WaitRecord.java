package io.jenkins.plugins.circleci.soak;

import io.jenkins.plugins.circleci.steps.RestartableStep;
import io.jenkins.plugins.circleci.trigger.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What happened to one wait: its history (console lines, saves, restarts, how it ended, stamped with simulated time
 * and the controller's life), and how it ended. Guarded by its own monitor: a restart and the step's end are decided
 * under it, so that a step never both ends and restarts.
 */
final class WaitRecord {
    final WaitPlan plan;
    private final Instant soakStart;
    private final List<String> history = new ArrayList<>();
    private RestartableStep step;
    private byte[] lastSaved;
    private int restarts;
    private boolean down;
    private int ends;
    private Outcome outcome;
    private Map<String, Object> returned;
    private Throwable failure;
    private Throwable stepFailure;
    private Instant endedAt;
    private String pipelineId;
    private final Map<String, Instant> personApproved = new java.util.LinkedHashMap<>();

    WaitRecord(WaitPlan plan, Instant soakStart) {
        this.plan = plan;
        this.soakStart = soakStart;
    }

    synchronized void step(RestartableStep s) {
        this.step = s;
    }

    synchronized RestartableStep step() {
        return step;
    }

    synchronized void note(Instant at, int life, String line) {
        history.add("+" + Texts.duration(Duration.between(soakStart, at)) + " [life " + life + "] " + line);
    }

    synchronized void saved(byte[] state) {
        lastSaved = state;
    }

    synchronized byte[] lastSaved() {
        return lastSaved;
    }

    /** The controller went down; until {@link #up()} the step cannot restart again. */
    synchronized void restarted() {
        restarts++;
        down = true;
    }

    synchronized boolean down() {
        return down;
    }

    synchronized void up() {
        down = false;
    }

    synchronized int restarts() {
        return restarts;
    }

    /** The step returned an outcome (and, with propagate, raised {@code failure} for it). */
    synchronized void finished(Instant at, Outcome o, Map<String, Object> value, Throwable raised) {
        ends++;
        if (ends == 1) {
            outcome = o;
            returned = value;
            stepFailure = raised;
            endedAt = at;
        }
    }

    synchronized void failed(Instant at, Throwable error) {
        ends++;
        if (ends == 1) {
            failure = error;
            endedAt = at;
        }
    }

    synchronized boolean ended() {
        return ends > 0;
    }

    /** More than one end: the step completed twice (in one life or across a restart). */
    synchronized int ends() {
        return ends;
    }

    synchronized Outcome outcome() {
        return outcome;
    }

    synchronized Map<String, Object> returned() {
        return returned;
    }

    synchronized Throwable failure() {
        return failure;
    }

    synchronized Throwable stepFailure() {
        return stepFailure;
    }

    synchronized Instant endedAt() {
        return endedAt;
    }

    /** The pipeline the wait's trigger created, once the soak has found it. */
    synchronized String pipelineId() {
        return pipelineId;
    }

    synchronized void pipelineId(String id) {
        pipelineId = id;
    }

    /** A person approved the gate of workflow {@code name} in CircleCI at {@code at}. */
    synchronized void personApproved(String name, Instant at) {
        personApproved.putIfAbsent(name, at);
    }

    /** Held workflow name → when a person approved its gate. */
    synchronized Map<String, Instant> personApproved() {
        return Map.copyOf(personApproved);
    }

    synchronized List<String> history() {
        return List.copyOf(history);
    }
}
