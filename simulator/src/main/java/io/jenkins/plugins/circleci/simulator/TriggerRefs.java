package io.jenkins.plugins.circleci.simulator;

import io.jenkins.plugins.circleci.simulator.model.TriggerRequest;

/**
 * The refs a pipeline was triggered with, as the client sent them (see {@link CircleCiSimulator#triggerRefs}).
 *
 * @param viaPipelineRun true for {@code pipeline/run}, false for the legacy {@code POST /project/{slug}/pipeline}
 */
public record TriggerRefs(String configBranch, String configTag, String checkoutBranch, String checkoutTag,
                          boolean viaPipelineRun) {

    static TriggerRefs of(TriggerRequest t) {
        if (!t.viaPipelineRun()) {
            return new TriggerRefs(null, null, null, null, false);
        }
        TriggerRequest.Ref config = t.config();
        TriggerRequest.Ref checkout = t.checkout();
        return new TriggerRefs(config == null ? null : config.branch(), config == null ? null : config.tag(),
                checkout == null ? null : checkout.branch(), checkout == null ? null : checkout.tag(), true);
    }
}
