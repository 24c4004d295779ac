package io.jenkins.plugins.circleci.trigger;

/** Why a wait ended. */
public enum OutcomeReason {
    /** Every counted workflow reached a terminal status and nothing more was due. */
    COMPLETED,
    /** The pipeline errored (config error and the like); its errors[] are in the outcome. */
    ERRORED,
    /** The pipeline created no workflows (or none that count) within the grace period. */
    NO_WORKFLOWS,
    /** CircleCI created no pipeline (a 200 from pipeline/run, such as a CI skip). */
    NOT_TRIGGERED,
    /** A counted workflow waits for approval and the on-hold policy said not to wait. */
    ON_HOLD,
    /**
     * A counted workflow waited for approval longer than the hold timeout (on-hold policy wait): FAILURE. Like a
     * timeout, the pipeline's workflows are canceled unless cancel-on-abort is off.
     */
    HOLD_TIMED_OUT,
    /** The overall timeout passed. */
    TIMED_OUT,
    /** The wait was aborted (Jenkins abort, SIGINT); running workflows were canceled unless told otherwise. */
    ABORTED,
    /** Triggered without waiting: only the handle is known. */
    NOT_WAITED,
    /** Followed until CircleCI created the pipeline ({@code waitFor: created}), not judged. */
    PIPELINE_CREATED,
    /** Followed until the pipeline's workflows existed ({@code waitFor: workflows}), not judged. */
    WORKFLOWS_CREATED;

    /**
     * Whether the wait returned before the pipeline could be judged: such an outcome has no result (nobody may read
     * a success into it).
     */
    public boolean endsUnjudged() {
        return this == NOT_WAITED || this == PIPELINE_CREATED || this == WORKFLOWS_CREATED;
    }
}
