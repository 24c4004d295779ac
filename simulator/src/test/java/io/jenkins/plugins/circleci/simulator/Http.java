package io.jenkins.plugins.circleci.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A small real HTTP client for the tests (OkHttp, as the project's client uses). */
final class Http {

    static final String TOKEN = "test-token";
    static final String DEFINITION_ID = "2338d0ae-5541-4bbf-88a2-55e9f7281f80";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient client = new OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(10)).retryOnConnectionFailure(false).build();
    private final String apiUrl;

    Http(CircleCiSimulator sim) {
        this.apiUrl = sim.apiUrl();
    }

    /** A response, read whole. */
    record Reply(int status, String body, okhttp3.Headers headers) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String message() {
            return json().path("message").asText();
        }
    }

    Reply get(String apiPath) {
        return send("GET", apiPath, null, Map.of("Circle-Token", TOKEN));
    }

    Reply post(String apiPath, String json) {
        return send("POST", apiPath, json, Map.of("Circle-Token", TOKEN));
    }

    Reply send(String method, String apiPath, String json, Map<String, String> headers) {
        try {
            return sendOrThrow(method, apiPath, json, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply sendOrThrow(String method, String apiPath, String json, Map<String, String> headers) throws IOException {
        Request.Builder b = new Request.Builder().url(apiUrl + apiPath).header("Accept", "application/json");
        headers.forEach(b::header);
        if ("POST".equals(method)) {
            b.post(RequestBody.create(json == null ? "" : json, JSON));
        } else {
            b.method(method, null);
        }
        try (Response r = client.newCall(b.build()).execute()) {
            return new Reply(r.code(), r.body().string(), r.headers());
        }
    }

    /**
     * Triggers a pipeline on branch main and returns its id: on the legacy endpoint, or on pipeline/run for a
     * {@code circleci/...} slug, which the legacy endpoint refuses.
     */
    String trigger(String slug) {
        Reply r = slug.startsWith("circleci/")
                ? post("/project/" + slug + "/pipeline/run", "{\"definition_id\":\"" + DEFINITION_ID
                        + "\",\"config\":{\"branch\":\"main\"}}")
                : post("/project/" + slug + "/pipeline", "{\"branch\":\"main\"}");
        if (r.status() != 201) {
            throw new AssertionError("trigger failed: " + r.status() + " " + r.body());
        }
        return r.json().get("id").asText();
    }

    JsonNode workflows(String pipelineId) {
        return get("/pipeline/" + pipelineId + "/workflow").json().get("items");
    }

    JsonNode jobs(String workflowId) {
        return get("/workflow/" + workflowId + "/job").json().get("items");
    }

    static JsonNode byName(JsonNode items, String name) {
        for (JsonNode item : items) {
            if (name.equals(item.path("name").asText())) {
                return item;
            }
        }
        throw new AssertionError("no item named " + name + " in " + items);
    }
}
