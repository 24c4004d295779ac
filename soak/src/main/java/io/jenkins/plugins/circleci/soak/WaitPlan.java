package io.jenkins.plugins.circleci.soak;

import io.jenkins.plugins.circleci.simulator.scenario.ProjectScenario;
import io.jenkins.plugins.circleci.steps.RestartableStep;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One trigger-and-wait of a soak: what its pipeline does (a project of its own in the simulator's scenario), what the
 * step asks for, when it starts, whether someone approves its held workflows, and when its controller restarts.
 *
 * @param startAt      after the start of the soak
 * @param approveAfter after the start of the wait, when a person approves what is on hold; null: nobody does
 * @param rerunAfter   after the start of the wait, when a person reruns the workflow {@code quick}, which failed,
 *                     while {@code long} still runs; null: nobody does
 * @param timesOut     the pipeline runs far longer than the step's timeout
 * @param holds        the workflows with an approval gate: name → how long after the workflow's creation its gate
 *                     waits (the length of the jobs before it); empty: none holds
 * @param approveAfterHold how long after each gate began to wait a person approves it in CircleCI; null: nobody
 *                     does (unless {@code approveAfter} says so)
 * @param holdTimeout  the step's {@code holdTimeout}; null: none
 */
record WaitPlan(int index, String id, String kind, String slug, ProjectScenario project,
                RestartableStep.Options options, Duration startAt, Duration approveAfter, Duration rerunAfter,
                List<Restart> restarts, boolean timesOut, Map<String, Duration> holds, Duration approveAfterHold,
                Duration holdTimeout) {

    WaitPlan {
        holds = Map.copyOf(holds);
    }

    /** A wait without hold timing, approvals by the step, or a hold timeout. */
    WaitPlan(int index, String id, String kind, String slug, ProjectScenario project, RestartableStep.Options options,
            Duration startAt, Duration approveAfter, Duration rerunAfter, List<Restart> restarts, boolean timesOut) {
        this(index, id, kind, slug, project, options, startAt, approveAfter, rerunAfter, restarts, timesOut, Map.of(),
                null, null);
    }

    /** The parameter every trigger of this wait carries, so the simulator can tell which pipelines it created. */
    static final String PARAMETER = "soak_wait";

    /** The step's result mapping overrides (status → result). */
    Map<String, Object> mappingOverrides() {
        return options.resultMapping();
    }

    /** Empty: every workflow counts. */
    List<String> workflowFilter() {
        return options.workflows();
    }

    /** The approval jobs the step approves itself ({@code approve}). */
    List<String> approve() {
        return options.approve();
    }

    /** wait, fail, succeed or unstable. */
    String onHold() {
        return options.onHold() == null ? "wait" : options.onHold();
    }

    /**
     * A controller restart: {@code at} after the wait started or the step last resumed, or while the trigger is in
     * flight (after CircleCI answered, before the answer is read); saved as Jenkins saves on a clean shutdown (the step
     * as it is then) or as a crash leaves it (the step as last saved).
     */
    record Restart(Duration at, boolean duringTrigger, boolean crash, Duration downtime) {
        String describe() {
            return (duringTrigger ? "during the trigger" : "+" + Texts.duration(at) + " after the last start") + ", "
                    + (crash ? "crash (last saved state)" : "clean (state at shutdown)") + ", down "
                    + Texts.duration(downtime);
        }
    }
}
