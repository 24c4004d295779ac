package io.jenkins.plugins.circleci.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.circleci.artifacts.ArtifactsView;
import io.jenkins.plugins.circleci.artifacts.CollectedArtifacts;
import io.jenkins.plugins.circleci.failure.FailureReport;
import io.jenkins.plugins.circleci.failure.FailureView;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.OutcomeView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --json} result: one object on one line,
 * {@code {"id","number","project","state","result","url","workflows":[{"id","name","status","url"}],"reason","message","errors",
 * "failedJobs":[...],"artifacts":[...]}}. The first seven fields are the contract scripts rely on (core's
 * {@link OutcomeView}, which the
 * Jenkins steps return too); {@code reason}, {@code message} and {@code errors} add why it ended, {@code failedJobs}
 * what failed (core's {@link FailureView}, empty unless a pipeline failed), {@code artifacts} the counted jobs'
 * artifacts (core's {@link ArtifactsView}, empty unless {@code --artifacts}). Fields of a pipeline that was never
 * created are null.
 */
final class OutcomeJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutcomeJson() {}

    /** @param project the slug that was asked for, shown when CircleCI created no pipeline */
    static String render(Outcome outcome, String project) {
        return render(outcome, project, FailureReport.NONE);
    }

    static String render(Outcome outcome, String project, FailureReport failures) {
        return render(outcome, project, failures, CollectedArtifacts.NONE);
    }

    static String render(Outcome outcome, String project, FailureReport failures, CollectedArtifacts artifacts) {
        Map<String, Object> json = new LinkedHashMap<>(OutcomeView.of(outcome, project));
        json.put("reason", outcome.reason().name());
        json.put("message", outcome.message());
        json.put("errors", outcome.errors());
        json.put("failedJobs", FailureView.failedJobs(failures));
        json.put("artifacts", ArtifactsView.artifacts(artifacts));
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings, numbers and lists always serializes", e);
        }
    }
}
