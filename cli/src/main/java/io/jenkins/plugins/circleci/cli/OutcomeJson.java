package io.jenkins.plugins.circleci.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.OutcomeView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --json} result: one object on one line,
 * {@code {"id","number","project","state","result","url","workflows":[{"id","name","status","url"}],"reason","message","errors"}}.
 * The first seven fields are the contract scripts rely on (core's {@link OutcomeView}, which the Jenkins steps return
 * too); {@code reason}, {@code message} and {@code errors} add why
 * it ended. Fields of a pipeline that was never created are null.
 */
final class OutcomeJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutcomeJson() {}

    /** @param project the slug that was asked for, shown when CircleCI created no pipeline */
    static String render(Outcome outcome, String project) {
        Map<String, Object> json = new LinkedHashMap<>(OutcomeView.of(outcome, project));
        json.put("reason", outcome.reason().name());
        json.put("message", outcome.message());
        json.put("errors", outcome.errors());
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings, numbers and lists always serializes", e);
        }
    }
}
