package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.TriggerRequest;

/** Triggers a pipeline and reports it (a {@link ProgressEvent.PipelineCreated} with its link). */
public final class PipelineTrigger {

    private PipelineTrigger() {}

    /**
     * Sends the trigger once. Throws the client's {@link io.jenkins.plugins.circleci.api.error.CircleCiException}s
     * (bad input, 401, 404 Project not found, outcome unknown).
     */
    public static TriggeredPipeline trigger(CircleCiClient client, TriggerRequest request, ProgressListener listener) {
        throw new UnsupportedOperationException("implemented with the engine");
    }
}
