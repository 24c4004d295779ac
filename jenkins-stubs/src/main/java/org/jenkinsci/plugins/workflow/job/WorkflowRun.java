package org.jenkinsci.plugins.workflow.job;

import com.google.common.util.concurrent.ListenableFuture;
import hudson.model.Queue;
import hudson.model.Run;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;

/** Stand-in of workflow-job's WorkflowRun. */
public final class WorkflowRun extends Run<WorkflowJob, WorkflowRun> implements Queue.Executable {
    private WorkflowRun() {}

    public ListenableFuture<FlowExecution> getExecutionPromise() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException("stand-in");
    }
}
