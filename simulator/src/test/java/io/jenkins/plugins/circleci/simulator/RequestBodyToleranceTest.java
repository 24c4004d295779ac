package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trigger bodies as clients really send them: the {@code pipeline/run} body of CircleCI's own MCP server (with
 * {@code config.content}), chunked bodies, charset parameters, no body at all, and bodies without a JSON content type
 * (which CircleCI ignores).
 */
class RequestBodyToleranceTest {

    private static final String RUN = "/project/gh/acme/api/pipeline/run";
    private static final String LEGACY = "/project/gh/acme/api/pipeline";

    private final ManualClock clock = new ManualClock();
    private CircleCiSimulator sim;
    private Http http;

    @BeforeEach
    void start() {
        sim = SimulatorFixture.start(clock);
        http = new Http(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void pipelineRunTakesTheBodyOfCircleCisMcpServerWithConfigContent() {
        Http.Reply r = http.post(RUN, "{\"definition_id\":\"" + Http.DEFINITION_ID + "\","
                + "\"config\":{\"branch\":\"release/1.x\",\"content\":\"\"},\"checkout\":{\"branch\":\"release/1.x\"}}");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(SimulatorFixture.branchOf(sim, r.json().get("id").asText())).isEqualTo("release/1.x");
    }

    @Test
    void pipelineRunTakesInlineConfigContentAndEveryFieldOfTheSpec() {
        Http.Reply r = http.post(RUN, "{\"definition_id\":\"" + Http.DEFINITION_ID + "\","
                + "\"config\":{\"branch\":\"main\",\"content\":\"version: 2.1\\nworkflows: {}\\n\"},"
                + "\"checkout\":{\"branch\":\"main\"},\"parameters\":{\"deploy\":true,\"n\":3,\"env\":\"qa\"}}");
        Http.Reply tag = http.post(RUN, "{\"config\":{\"tag\":\"v1\"},\"checkout\":{\"tag\":\"v1\"}}");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(tag.status()).as(tag.body()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"config\":{\"branch\":\"main\",\"content\":42}}",
            "{\"config\":{\"branch\":\"main\",\"content\":[\"x\"]}}",
            "{\"checkout\":{\"branch\":\"main\",\"content\":\"\"}}"})
    void configContentIsAStringAndOnlyConfigHasIt(String body) {
        Http.Reply r = http.post(RUN, body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).isEqualTo("Unexpected request body provided.");
    }

    @ParameterizedTest
    @ValueSource(strings = {RUN, LEGACY})
    void anEmptyObjectOrNoBodyAtAllTriggersTheDefaultBranch(String path) {
        for (String body : new String[] {"{}", "", "null"}) {
            Http.Reply r = http.post(path, body);
            assertThat(r.status()).as("body '" + body + "'").isEqualTo(201);
            assertThat(SimulatorFixture.branchOf(sim, r.json().get("id").asText())).isEqualTo("main");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
            "Application/JSON", "application/vnd.api+json", "application/json; charset=\"utf-8\""})
    void aJsonContentTypeWithAnyParametersOrCaseIsJson(String contentType) {
        RawHttp.Response r = RawHttp.exchange(sim.baseUrl(), post(LEGACY, contentType, "{\"branch\":\"release/1.x\"}"));

        assertThat(r.status()).isEqualTo(201);
        assertThat(SimulatorFixture.branchOf(sim, r.json().get("id").asText())).isEqualTo("release/1.x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "text/plain", "-"})
    void aBodyWithoutAJsonContentTypeIsIgnoredAsCircleCiDoes(String contentType) {
        RawHttp.Response r = RawHttp.exchange(sim.baseUrl(), post(LEGACY, contentType,
                "{\"branch\":\"release/1.x\",\"parameters\":{\"deploy\":true}}"));

        assertThat(r.status()).isEqualTo(201);
        String id = r.json().get("id").asText();
        assertThat(SimulatorFixture.branchOf(sim, id)).as("the default branch, not the body's").isEqualTo("main");
        JournalEntry trigger = sim.journal().requests("POST", "/pipeline$").get(0);
        assertThat(trigger.note()).contains("body ignored").contains("not JSON");
    }

    @Test
    void aChunkedBodyWithExtensionsAndTrailersIsRead() {
        String json = "{\"branch\":\"release/1.x\"}";
        RawHttp.Response r = RawHttp.exchange(sim.baseUrl(), "POST /api/v2" + LEGACY + " HTTP/1.1\r\nHost: x\r\n"
                + "Circle-Token: t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n"
                + "a;ext=1\r\n" + json.substring(0, 10) + "\r\n"
                + Integer.toHexString(json.length() - 10) + "\r\n" + json.substring(10) + "\r\n"
                + "0\r\nX-Trailer: yes\r\n\r\n");

        assertThat(r.status()).isEqualTo(201);
        assertThat(SimulatorFixture.branchOf(sim, r.json().get("id").asText())).isEqualTo("release/1.x");
        assertThat(sim.journal().requests("POST", "/pipeline$").get(0).bodyText()).isEqualTo(json);
    }

    @Test
    void theJdkHttpClientsChunkedAndExpectContinueBodiesAreRead() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] json = "{\"definition_id\":\"2338d0ae-5541-4bbf-88a2-55e9f7281f80\",\"config\":{\"branch\":\"release/1.x\"}}"
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(sim.apiUrl() + RUN))
                .header("Circle-Token", "t").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json))).build();
        HttpRequest expecting = HttpRequest.newBuilder(URI.create(sim.apiUrl() + RUN)).expectContinue(true)
                .header("Circle-Token", "t").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();

        for (HttpRequest request : new HttpRequest[] {chunked, expecting}) {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        assertThat(sim.pipelineIds()).hasSize(2);
        assertThat(sim.pipelineIds()).allSatisfy(id -> assertThat(SimulatorFixture.branchOf(sim, id))
                .isEqualTo("release/1.x"));
    }

    @Test
    void invalidJsonOnTheLegacyTriggerIsCircleCisInvalidJsonBody() {
        Http.Reply r = http.post(LEGACY, "{\"branch\": ");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).isEqualTo("Invalid JSON body.");
        assertThat(sim.journal().requests("POST", "/pipeline$").get(0).note()).contains("Invalid JSON body.");
    }

    @Test
    void aRerunBodyWithoutAJsonContentTypeIsIgnoredToo() {
        String id = http.trigger(SimulatorFixture.SLUG);
        clock.advance(java.time.Duration.ofMinutes(5));
        String workflowId = http.workflows(id).get(0).get("id").asText();

        RawHttp.Response r = RawHttp.exchange(sim.baseUrl(), post("/workflow/" + workflowId + "/rerun",
                "text/plain", "{\"from_failed\":true,\"jobs\":[\"x\"]}"));

        assertThat(r.status()).as("the contradictory body was not read").isEqualTo(202);
    }

    private static String post(String apiPath, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST /api/v2" + apiPath + " HTTP/1.1\r\nHost: x\r\nCircle-Token: t\r\n"
                + ("-".equals(contentType) ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n"
                + new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
