package org.jenkinsci.plugins.workflow.job;

import hudson.model.Run;
import jenkins.model.lazy.LazyBuildMixIn;
import jenkins.scm.RunWithSCM;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;

/** Stand-in of workflow-job's WorkflowRun: upstream's supertypes and the members they require. */
public final class WorkflowRun extends Run<WorkflowJob, WorkflowRun>
        implements FlowExecutionOwner.Executable, LazyBuildMixIn.LazyLoadingRun<WorkflowJob, WorkflowRun>,
                RunWithSCM<WorkflowJob, WorkflowRun> {
    private WorkflowRun() {} // stand-in: upstream's constructors are left out

    @Override
    public void run() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public FlowExecutionOwner asFlowExecutionOwner() {
        throw new UnsupportedOperationException("stand-in");
    }

    /** "Forcibly terminate": fails the context of every running step without stopping it. */
    public void doTerm() {
        throw new UnsupportedOperationException("stand-in");
    }
}
