package io.jenkins.plugins.circleci.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Set;

/** {@code Job.status}. Unknown values are kept; see {@link #isKnown()}. */
public final class JobStatus extends StatusValue {
    public static final JobStatus SUCCESS = new JobStatus("success");
    public static final JobStatus RUNNING = new JobStatus("running");
    public static final JobStatus NOT_RUN = new JobStatus("not_run");
    public static final JobStatus FAILED = new JobStatus("failed");
    public static final JobStatus RETRIED = new JobStatus("retried");
    public static final JobStatus QUEUED = new JobStatus("queued");
    public static final JobStatus NOT_RUNNING = new JobStatus("not_running");
    public static final JobStatus INFRASTRUCTURE_FAIL = new JobStatus("infrastructure_fail");
    public static final JobStatus TIMEDOUT = new JobStatus("timedout");
    public static final JobStatus ON_HOLD = new JobStatus("on_hold");
    public static final JobStatus TERMINATED_UNKNOWN = new JobStatus("terminated-unknown");
    public static final JobStatus BLOCKED = new JobStatus("blocked");
    public static final JobStatus CANCELED = new JobStatus("canceled");
    public static final JobStatus UNAUTHORIZED = new JobStatus("unauthorized");

    private static final Set<JobStatus> TERMINAL = Set.of(SUCCESS, NOT_RUN, FAILED, RETRIED, INFRASTRUCTURE_FAIL,
            TIMEDOUT, TERMINATED_UNKNOWN, CANCELED, UNAUTHORIZED);
    private static final Set<JobStatus> IN_PROGRESS = Set.of(RUNNING, QUEUED, NOT_RUNNING, ON_HOLD, BLOCKED);
    private static final Set<JobStatus> FAILURES = Set.of(FAILED, INFRASTRUCTURE_FAIL, TIMEDOUT, TERMINATED_UNKNOWN,
            UNAUTHORIZED);

    private JobStatus(String value) {
        super(value);
    }

    @JsonCreator
    public static JobStatus of(String value) {
        return new JobStatus(value);
    }

    @JsonValue
    String json() {
        return value();
    }

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    public boolean isKnown() {
        return TERMINAL.contains(this) || IN_PROGRESS.contains(this);
    }

    /** A job that ended badly: the jobs worth naming when a workflow fails. */
    public boolean isFailure() {
        return FAILURES.contains(this);
    }
}
