package io.jenkins.plugins.circleci.steps;

/** The CircleCI steps waiting on this controller, as a webhook sees them. */
public final class WaitingSteps {
    private WaitingSteps() {}

    /**
     * Makes every step waiting on this pipeline or workflow look at CircleCI at once.
     *
     * @return how many waits were nudged
     */
    public static int nudge(String pipelineOrWorkflowId) {
        return StepEnvironment.current().watcher().nudge(pipelineOrWorkflowId);
    }
}
