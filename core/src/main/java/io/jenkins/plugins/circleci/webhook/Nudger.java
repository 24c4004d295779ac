package io.jenkins.plugins.circleci.webhook;

/**
 * Makes the waits on a pipeline or workflow look at CircleCI at once instead of at their next poll; in practice
 * {@link io.jenkins.plugins.circleci.trigger.PipelineWatcher#nudge PipelineWatcher::nudge}.
 */
@FunctionalInterface
public interface Nudger {
    /** @return how many waits were nudged */
    int nudge(String pipelineOrWorkflowId);
}
