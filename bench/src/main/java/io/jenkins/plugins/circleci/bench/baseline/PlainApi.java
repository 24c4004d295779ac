package io.jenkins.plugins.circleci.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * CircleCI API v2 the way the peer plugins call it: plain OkHttp, a {@code Circle-Token} header, Jackson trees. No
 * retries, no budget, no model. Used by the baseline, and by the harness to trigger the pipelines both contenders wait
 * for.
 */
public final class PlainApi {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OkHttpClient http;
    private final String apiUrl;
    private final String token;

    /** {@code baseUrl} is the host's base URL, without {@code /api/v2}. */
    public PlainApi(OkHttpClient http, String baseUrl, String token) {
        this.http = http;
        this.apiUrl = stripSlash(baseUrl) + "/api/v2";
        this.token = token;
    }

    public JsonNode get(String path) throws IOException {
        return send(new Request.Builder().url(apiUrl + path).get());
    }

    public JsonNode post(String path, String jsonBody) throws IOException {
        return send(new Request.Builder().url(apiUrl + path).post(RequestBody.create(jsonBody, JSON)));
    }

    private JsonNode send(Request.Builder request) throws IOException {
        try (Response response = http.newCall(request.header("Circle-Token", token).build()).execute()) {
            ResponseBody body = response.body();
            String text = body.string();
            if (!response.isSuccessful()) {
                throw new IOException("CircleCI answered " + response.code() + " to " + response.request().method()
                        + " " + response.request().url().encodedPath() + ": " + text);
            }
            return MAPPER.readTree(text);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "PlainApi[" + apiUrl + "]";
    }
}
