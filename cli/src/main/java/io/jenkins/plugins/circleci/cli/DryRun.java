package io.jenkins.plugins.circleci.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.TriggerPreview;
import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.tracing.TraceContext;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code run --dry-run}: prints the request the trigger would send, as core builds it, and sends nothing. No token is
 * read, so none can be shown; the parameters' values are shown, since the user typed them to see them.
 */
final class DryRun {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DryRun() {}

    static int print(CliContext context, ConnectionOptions connection, TriggerRequest request, TraceContext trace) {
        TriggerPreview preview = CircleCiClient.previewTrigger(connection.server.toString(), request, trace);
        if (connection.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("dryRun", true);
            json.put("method", preview.method());
            json.put("url", preview.url());
            json.put("headers", preview.headers());
            json.put("body", preview.body());
            context.out().println(write(json));
        } else {
            context.err().println("Dry run: nothing was sent to CircleCI. The trigger would send (with the token "
                    + "in a Circle-Token header):");
            context.out().println(preview.method() + " " + preview.url());
            preview.headers().forEach((name, value) -> context.out().println(name + ": " + value));
            context.out().println(write(preview.body()));
        }
        return ExitCodes.SUCCESS;
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
