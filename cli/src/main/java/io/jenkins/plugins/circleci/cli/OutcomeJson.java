package io.jenkins.plugins.circleci.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.PipelineSummary;
import io.jenkins.plugins.circleci.trigger.WorkflowSummary;

/**
 * The {@code --json} result: one object on one line,
 * {@code {"id","number","project","state","result","url","workflows":[{"id","name","status","url"}],"reason","message","errors"}}.
 * The first seven fields are the contract scripts rely on; {@code reason}, {@code message} and {@code errors} add why
 * it ended. Fields of a pipeline that was never created are null.
 */
final class OutcomeJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutcomeJson() {}

    /** @param project the slug that was asked for, shown when CircleCI created no pipeline */
    static String render(Outcome outcome, String project) {
        ObjectNode root = MAPPER.createObjectNode();
        PipelineSummary pipeline = outcome.pipeline();
        if (pipeline == null) {
            root.putNull("id");
            root.putNull("number");
            root.put("project", project);
            root.putNull("state");
        } else {
            root.put("id", pipeline.id());
            root.put("number", pipeline.number());
            root.put("project", pipeline.projectSlug() != null ? pipeline.projectSlug() : project);
            root.put("state", pipeline.state());
        }
        root.put("result", outcome.result() == null ? null : outcome.result().name());
        root.put("url", pipeline == null ? null : pipeline.url());
        ArrayNode workflows = root.putArray("workflows");
        for (WorkflowSummary w : outcome.workflows()) {
            workflows.addObject().put("id", w.id()).put("name", w.name()).put("status", w.status()).put("url", w.url());
        }
        root.put("reason", outcome.reason().name());
        root.put("message", outcome.message());
        ArrayNode errors = root.putArray("errors");
        outcome.errors().forEach(errors::add);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers always serializes", e);
        }
    }
}
