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
 */
record WaitPlan(int index, String id, String kind, String slug, ProjectScenario project,
                RestartableStep.Options options, Duration startAt, Duration approveAfter, Duration rerunAfter,
                List<Restart> restarts, boolean timesOut) {

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

    /** wait, fail or succeed. */
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
