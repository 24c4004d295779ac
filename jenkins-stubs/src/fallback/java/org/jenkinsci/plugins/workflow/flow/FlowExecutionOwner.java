package org.jenkinsci.plugins.workflow.flow;

import hudson.model.Queue;
import java.io.Serializable;

/** Stand-in of workflow-api's FlowExecutionOwner: the interface Pipeline's run implements (members left out). */
public abstract class FlowExecutionOwner implements Serializable {
    private static final long serialVersionUID = 1L;

    public FlowExecutionOwner() {}

    /** Upstream: a build that owns a flow. */
    public interface Executable extends Queue.Executable {
        FlowExecutionOwner asFlowExecutionOwner();
    }
}
