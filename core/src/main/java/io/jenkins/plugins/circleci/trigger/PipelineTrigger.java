package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.api.model.PipelineCreation;
import io.jenkins.plugins.circleci.api.model.TriggerResult;
import java.util.List;

/** Triggers a pipeline and reports it (a {@link ProgressEvent.PipelineCreated} with its link). */
public final class PipelineTrigger {

    private PipelineTrigger() {}

    /**
     * Sends the trigger once. Throws the client's {@link io.jenkins.plugins.circleci.api.error.CircleCiException}s
     * (bad input, 401, 404 Project not found, outcome unknown).
     */
    public static TriggeredPipeline trigger(CircleCiClient client, TriggerRequest request, ProgressListener listener) {
        TriggerResult result = client.trigger(request);
        if (result.pipeline().isEmpty()) {
            String reason = result.notTriggeredReason().filter(r -> !r.isBlank()).orElse("no reason given");
            return new TriggeredPipeline(null, new Outcome(BuildResult.NOT_BUILT, OutcomeReason.NOT_TRIGGERED, null,
                    List.of(), List.of(), "CircleCI created no pipeline for " + request.project() + ": " + reason
                            + "."));
        }
        PipelineCreation created = result.pipeline().get();
        String link = client.webUrls().pipeline(request.project(), created.number());
        PipelineSummary pipeline = new PipelineSummary(created.id(), created.number(), request.project().value(),
                created.state() == null ? null : created.state().value(), link);
        ProgressEvent event = new ProgressEvent.PipelineCreated(created.id(), created.number(),
                request.project().value(), link);
        if (listener != null) {
            listener.onEvent(event);
        }
        return new TriggeredPipeline(pipeline, null);
    }
}
