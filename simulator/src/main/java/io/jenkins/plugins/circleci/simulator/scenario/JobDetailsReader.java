package io.jenkins.plugins.circleci.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a job's test results and steps from a scenario file:
 * {@code tests} is a count (generated results, as before), a list of results, or {@code {success, failure, skipped}}
 * counts of generated ones; {@code steps} is a list of {@code {name, output, status}}.
 */
final class JobDetailsReader {

    private JobDetailsReader() {
    }

    static List<TestSpec> tests(String job, JsonNode tests, String at) {
        if (tests.isArray()) {
            List<TestSpec> out = new ArrayList<>();
            int i = 0;
            for (JsonNode t : tests) {
                out.add(test(t, at + "[" + i++ + "]"));
            }
            return out;
        }
        if (tests.isObject()) {
            ScenarioReader.allow(tests, at, "success", "failure", "skipped");
            return GeneratedTests.of(job, tests.path("success").asInt(0), tests.path("failure").asInt(0),
                    tests.path("skipped").asInt(0));
        }
        return List.of();
    }

    private static TestSpec test(JsonNode t, String at) {
        ScenarioReader.allow(t, at, "classname", "name", "file", "result", "message", "run_time", "source");
        return new TestSpec(ScenarioReader.text(t, "classname"), ScenarioReader.required(t, "name", at),
                ScenarioReader.text(t, "file"), ScenarioReader.text(t, "result"), ScenarioReader.text(t, "message"),
                t.path("run_time").asDouble(0.1), ScenarioReader.text(t, "source"));
    }

    static List<StepSpec> steps(JsonNode steps, String at) {
        List<StepSpec> out = new ArrayList<>();
        int i = 0;
        for (JsonNode s : steps) {
            String stepAt = at + "[" + i++ + "]";
            ScenarioReader.allow(s, stepAt, "name", "output", "status");
            String status = ScenarioReader.text(s, "status");
            if (status != null && !status.equals("success") && !status.equals("failed")) {
                throw new IllegalArgumentException(stepAt + ".status must be 'success' or 'failed', not '" + status
                        + "'");
            }
            out.add(new StepSpec(ScenarioReader.required(s, "name", stepAt), ScenarioReader.text(s, "output"),
                    status));
        }
        return out;
    }

    /**
     * {@code artifacts: [{path, content | content_base64, node_index}]}: the files a job stores; a number instead
     * means that many generated text files (read by the caller).
     */
    static List<ArtifactSpec> artifacts(JsonNode artifacts, String at) {
        List<ArtifactSpec> out = new ArrayList<>();
        if (!artifacts.isArray()) {
            return out;
        }
        int i = 0;
        for (JsonNode a : artifacts) {
            String itemAt = at + "[" + i++ + "]";
            ScenarioReader.allow(a, itemAt, "path", "content", "content_base64", "node_index");
            if (a.has("content") && a.has("content_base64")) {
                throw new IllegalArgumentException(itemAt + " has both content and content_base64: give one");
            }
            byte[] content;
            try {
                content = a.has("content_base64")
                        ? java.util.Base64.getDecoder().decode(a.get("content_base64").asText())
                        : a.path("content").asText("").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(itemAt + ".content_base64 is not base64: " + e.getMessage(), e);
            }
            try {
                out.add(new ArtifactSpec(ScenarioReader.required(a, "path", itemAt), a.path("node_index").asInt(0),
                        content));
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(itemAt) ? e : new IllegalArgumentException(itemAt + ": "
                        + e.getMessage(), e);
            }
        }
        return out;
    }
}
