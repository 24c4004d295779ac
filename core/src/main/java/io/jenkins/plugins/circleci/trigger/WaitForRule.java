package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.trigger.Assessment.Done;
import java.util.List;
import java.util.Map;

/**
 * Decides, from one look that the completion rule did not end, whether a wait told to return early
 * ({@link WaitFor#CREATED}, {@link WaitFor#WORKFLOWS}) has seen enough. Pure, like {@link CompletionRule}; the verdict
 * has no result.
 */
final class WaitForRule {
    private WaitForRule() {}

    /** The early verdict, or null to keep waiting. */
    static Done reached(Observation look, WatchState state, WatchOptions options, Links links) {
        return switch (options.waitFor()) {
            case COMPLETED -> null;
            case CREATED -> "created".equals(look.pipelineState()) ? done(OutcomeReason.PIPELINE_CREATED,
                    CompletionRule.pipelineName(state) + " was created; not waiting for its workflows (waitFor: "
                            + "created).", look, options, links) : null;
            case WORKFLOWS -> workflowsExist(look, options) ? done(OutcomeReason.WORKFLOWS_CREATED,
                    CompletionRule.pipelineName(state) + " started its workflows; not waiting for them to finish "
                            + "(waitFor: workflows).", look, options, links) : null;
        };
    }

    /**
     * The workflows exist when the pipeline is created and lists some, a setup workflow has been continued, and
     * every workflow the filter names is there.
     */
    private static boolean workflowsExist(Observation look, WatchOptions options) {
        Map<String, Workflow> latest = CompletionRule.latestByName(look.workflows());
        if (!"created".equals(look.pipelineState()) || latest.isEmpty()) {
            return false;
        }
        if (latest.values().stream().allMatch(Workflow::isSetup)) {
            return false;
        }
        return latest.keySet().containsAll(options.workflows());
    }

    private static Done done(OutcomeReason reason, String message, Observation look, WatchOptions options,
            Links links) {
        List<WorkflowSummary> counted = CompletionRule.latestByName(look.workflows()).values().stream()
                .filter(w -> options.counts(w.name())).map(w -> WorkflowSummary.of(w, links.workflow(w.id())))
                .toList();
        return new Done(null, reason, message, List.of(), counted, Map.of(), List.of());
    }
}
