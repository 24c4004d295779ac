package org.jenkinsci.plugins.workflow.job;

import hudson.model.Queue;
import hudson.model.Run;

/** Stand-in of workflow-job's WorkflowRun. */
public final class WorkflowRun extends Run<WorkflowJob, WorkflowRun> implements Queue.Executable {
    private WorkflowRun() {}

    @Override
    public void run() {
        throw new UnsupportedOperationException("stand-in");
    }
}
