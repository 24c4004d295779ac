package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.error.CircleCiException;

/**
 * CircleCI refused to approve an approval job that {@link WatchOptions#approve()} names (a 403 for a token whose user
 * may not approve, a 404, a 400), and the job still waits: the wait ends with this error rather than waiting for an
 * approval that will not come from it. The refusal is the cause.
 */
public class ApprovalRefusedException extends CircleCiException {
    private final String jobName;
    private final String workflowName;

    public ApprovalRefusedException(String jobName, String workflowName, String workflowLink, CircleCiException refusal) {
        super("CircleCI refused to approve job " + jobName + " of workflow " + workflowName
                + (workflowLink == null ? "" : " (" + workflowLink + ")") + ": " + refusal.getMessage(),
                "The wait was told to approve " + jobName + " (approve), but the CircleCI token's user may not "
                        + "approve it, or it can no longer be approved. Approve it in the CircleCI app, give the "
                        + "token's user the right to approve jobs of this project, or drop " + jobName
                        + " from approve. See docs/troubleshooting.md#approval-refused.", refusal);
        this.jobName = jobName;
        this.workflowName = workflowName;
    }

    public String jobName() {
        return jobName;
    }

    public String workflowName() {
        return workflowName;
    }
}
