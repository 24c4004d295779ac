package io.jenkins.plugins.circleci.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Set;

/** {@code Workflow.status}. Unknown values are kept; see {@link #isKnown()}. */
public final class WorkflowStatus extends StatusValue {
    public static final WorkflowStatus SUCCESS = new WorkflowStatus("success");
    public static final WorkflowStatus RUNNING = new WorkflowStatus("running");
    public static final WorkflowStatus NOT_RUN = new WorkflowStatus("not_run");
    public static final WorkflowStatus FAILED = new WorkflowStatus("failed");
    public static final WorkflowStatus ERROR = new WorkflowStatus("error");
    public static final WorkflowStatus FAILING = new WorkflowStatus("failing");
    public static final WorkflowStatus ON_HOLD = new WorkflowStatus("on_hold");
    public static final WorkflowStatus CANCELED = new WorkflowStatus("canceled");
    public static final WorkflowStatus UNAUTHORIZED = new WorkflowStatus("unauthorized");
    /** Documented (serial groups) but not in the spec's enum. */
    public static final WorkflowStatus QUEUED = new WorkflowStatus("queued");

    private static final Set<WorkflowStatus> TERMINAL = Set.of(SUCCESS, NOT_RUN, FAILED, ERROR, CANCELED, UNAUTHORIZED);
    private static final Set<WorkflowStatus> IN_PROGRESS = Set.of(RUNNING, FAILING, ON_HOLD, QUEUED);

    private WorkflowStatus(String value) {
        super(value);
    }

    @JsonCreator
    public static WorkflowStatus of(String value) {
        return new WorkflowStatus(value);
    }

    @JsonValue
    String json() {
        return value();
    }

    /** A status CircleCI documents as final. */
    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** Whether this client knows the value; an unknown one is neither terminal nor in progress. */
    public boolean isKnown() {
        return TERMINAL.contains(this) || IN_PROGRESS.contains(this);
    }
}
