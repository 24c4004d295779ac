package org.jenkinsci.plugins.workflow.flow;

/** Stand-in of workflow-api's BlockableResume. */
public interface BlockableResume {
    boolean isResumeBlocked();

    void setResumeBlocked(boolean resumeBlocked);
}
