package org.jenkinsci.plugins.workflow.job;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.TopLevelItem;
import hudson.model.queue.QueueTaskFuture;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

/** Stand-in of workflow-job's WorkflowJob. */
public final class WorkflowJob extends Job<WorkflowJob, WorkflowRun> implements TopLevelItem, Queue.Task {
    private WorkflowJob() {}

    public void setDefinition(FlowDefinition definition) {
        throw new UnsupportedOperationException("stand-in");
    }

    public QueueTaskFuture<WorkflowRun> scheduleBuild2(int quietPeriod, Action... actions) {
        throw new UnsupportedOperationException("stand-in");
    }
}
