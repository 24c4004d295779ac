package org.jenkinsci.plugins.workflow.job;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.TopLevelItem;
import hudson.model.queue.QueueTaskFuture;
import jenkins.model.ParameterizedJobMixIn;
import jenkins.model.lazy.LazyBuildMixIn;
import jenkins.triggers.SCMTriggerItem;
import org.jenkinsci.plugins.workflow.flow.BlockableResume;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

/** Stand-in of workflow-job's WorkflowJob: upstream's supertypes, the members the tests use and those they require. */
public final class WorkflowJob extends Job<WorkflowJob, WorkflowRun>
        implements LazyBuildMixIn.LazyLoadingJob<WorkflowJob, WorkflowRun>,
                ParameterizedJobMixIn.ParameterizedJob<WorkflowJob, WorkflowRun>, TopLevelItem, Queue.FlyweightTask,
                SCMTriggerItem, BlockableResume {
    private WorkflowJob() {} // stand-in: upstream's public WorkflowJob(ItemGroup, String) is left out

    public void setDefinition(FlowDefinition definition) {
        throw new UnsupportedOperationException("stand-in");
    }

    public QueueTaskFuture<WorkflowRun> scheduleBuild2(int quietPeriod, Action... actions) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public boolean isResumeBlocked() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public void setResumeBlocked(boolean resumeBlocked) {
        throw new UnsupportedOperationException("stand-in");
    }
}
