package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What published clients send, sent three ways (a socket written by hand, the JDK's {@code HttpClient}, OkHttp), and
 * answered as CircleCI answers: headers on any method, odd query strings, trailing slashes, encoded slugs, HEAD and
 * unknown methods.
 */
class ClientToleranceTest {

    /** Headers Node's built-in fetch (undici) sends on every request, plus a client's own JSON content type. */
    private static final Map<String, String> NODE_FETCH_HEADERS = Map.of(
            "Content-Type", "application/json", "Accept", "*/*", "Accept-Language", "*",
            "Sec-Fetch-Mode", "cors", "User-Agent", "node", "Accept-Encoding", "gzip, deflate");

    private final ManualClock clock = new ManualClock();
    private CircleCiSimulator sim;
    private Http http;
    private String pipelineId;

    @BeforeEach
    void start() {
        sim = SimulatorFixture.start(clock);
        http = new Http(sim);
        pipelineId = http.trigger(SimulatorFixture.SLUG);
        sim.journal().clear();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    // ---- a JSON Content-Type on a GET without a body (the Node client of the report)

    @Test
    void aBodilessGetWithAJsonContentTypeIsAnsweredOverARawSocket() {
        RawHttp.Response r = RawHttp.exchange(sim.baseUrl(), "GET /api/v2/pipeline/" + pipelineId + " HTTP/1.1\r\n"
                + "Host: localhost\r\nCircle-Token: t\r\nContent-Type: application/json\r\n"
                + "Connection: keep-alive\r\n\r\n");

        assertThat(r).as("a response, not a closed connection").isNotNull();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("id").asText()).isEqualTo(pipelineId);
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void aBodilessGetWithNodeFetchHeadersIsAnsweredToTheJdkHttpClient(HttpClient.Version version)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(version).build();
        HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(sim.apiUrl() + "/pipeline/" + pipelineId))
                .header("Circle-Token", "t").GET();
        NODE_FETCH_HEADERS.forEach((name, value) -> {
            if (!name.equals("Accept-Encoding") || version == HttpClient.Version.HTTP_1_1) {
                get.header(name, value);
            }
        });
        for (int i = 0; i < 3; i++) { // the same connection, reused
            HttpResponse<String> r = client.send(get.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"id\":\"" + pipelineId + "\"");
        }
    }

    @Test
    void gzipIsNeverForcedOnAClientThatAsksForIt() {
        Http.Reply r = http.send("GET", "/pipeline/" + pipelineId, null, Map.of("Circle-Token", "t",
                "Accept-Encoding", "gzip, deflate, br", "Accept", "*/*"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().get("Content-Encoding")).isNull();
        assertThat(r.json().get("id").asText()).isEqualTo(pipelineId);
    }

    @Test
    void browserLikeHeadersAndHeaderNamesInAnyCaseAreAccepted() {
        RawHttp.Response r = RawHttp.exchange(sim.baseUrl(), "GET /api/v2/me HTTP/1.1\r\nhost: localhost\r\n"
                + "CIRCLE-TOKEN: t\r\nCONTENT-TYPE: application/json\r\nsec-fetch-site: cross-site\r\n"
                + "Sec-Fetch-Dest: empty\r\nsec-fetch-mode: cors\r\norigin: https://example.com\r\n"
                + "accept: application/json, text/plain, */*\r\nConnection: close\r\n\r\n");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("login").asText()).isEqualTo("sim-user");
    }

    @Test
    void aBodyOnAGetIsReadAndIgnoredAndTheConnectionStaysUsable() {
        try (RawHttp raw = new RawHttp(sim.baseUrl())) {
            RawHttp.Response first = raw.send("GET /api/v2/me HTTP/1.1\r\nHost: x\r\nCircle-Token: t\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}").read();
            RawHttp.Response second = raw.send("GET /api/v2/me HTTP/1.1\r\nHost: x\r\nCircle-Token: t\r\n\r\n")
                    .read();

            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(200);
        }
    }

    @Test
    void emptyBodyPostsWithAJsonContentTypeAreAccepted() {
        clock.advance(java.time.Duration.ofSeconds(2));
        String workflowId = http.workflows(pipelineId).get(0).get("id").asText();
        Http.Reply cancel = http.send("POST", "/workflow/" + workflowId + "/cancel", "",
                Map.of("Circle-Token", "t"));

        assertThat(cancel.status()).isEqualTo(202);
        RawHttp.Response noLength = RawHttp.exchange(sim.baseUrl(), "POST /api/v2/project/gh/acme/api/pipeline "
                + "HTTP/1.1\r\nHost: x\r\nCircle-Token: t\r\nContent-Type: application/json\r\n\r\n");
        assertThat(noLength.status()).isEqualTo(201);
    }

    // ---- query strings, paths, slugs

    @Test
    void unknownAndRepeatedQueryKeysAreTolerated() {
        http.post("/project/gh/acme/api/pipeline", "{\"branch\":\"release/1.x\"}");

        Http.Reply r = http.get("/project/gh/acme/api/pipeline?branch=main&branch=release/1.x&utm=x&flag"
                + "&next_page_token=abc");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("items")).hasSize(1); // the first branch= wins
        assertThat(r.json().get("items").get(0).get("vcs").get("branch").asText()).isEqualTo("main");
    }

    @ParameterizedTest
    @ValueSource(strings = {"?branch=feat|x", "?branch=a{b}", "?branch=^", "?q=%zz", "?branch=a%20b&x=%",
            "?branch=\"q\"", "?x=`"})
    void queryCharactersThatStrictParsersRefuseAreServed(String query) {
        RawHttp.Response r = RawHttp.exchange(sim.baseUrl(), "GET /api/v2/project/gh/acme/api/pipeline" + query
                + " HTTP/1.1\r\nHost: x\r\nCircle-Token: t\r\nConnection: close\r\n\r\n");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().has("items")).isTrue();
        assertThat(SimulatorFixture.onlyEntry(sim).status()).isEqualTo(200);
    }

    @Test
    void aTrailingSlashIsTheSameRoute() {
        assertThat(http.get("/pipeline/" + pipelineId + "/").json().get("id").asText()).isEqualTo(pipelineId);
        assertThat(http.get("/me/").status()).isEqualTo(200);
        assertThat(http.post("/project/gh/acme/api/pipeline/", "{}").status()).isEqualTo(201);
        assertThat(http.post("/project/gh/acme/api/pipeline/run/", "{}").status()).isEqualTo(201);
    }

    @Test
    void anEmptySegmentInsideThePathMatchesNoRoute() {
        // Stricter than a "drop empty segments" router: a client that joins its base URL badly must see it.
        for (String path : new String[] {"//me", "/pipeline//" + pipelineId, "/project/gh/acme//api"}) {
            Http.Reply r = http.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.message()).isEqualTo("Not found");
        }
        assertThat(sim.journal().entries()).allSatisfy(e -> assertThat(e.note()).contains("empty path segment"));
    }

    @Test
    void percentEncodedSlugCharactersAreDecoded() {
        assertThat(http.get("/project/gh/ac%6De/api").json().get("slug").asText()).isEqualTo("gh/acme/api");
        assertThat(http.get("/project/gh/acme/my%20repo").json().get("name").asText()).isEqualTo("my repo");
        assertThat(http.get("/project/gh%2Facme%2Fapi").json().get("slug").asText()).isEqualTo("gh/acme/api");
        assertThat(http.get("/project/gh%2facme%2fapi/pipeline/1").status()).isEqualTo(200);
    }

    @Test
    void theJdkHttpClientGetsTheSameAnswersForQueriesSlashesAndEncodedSlugs()
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : new String[] {"/project/gh/acme/api/pipeline?branch=main&branch=x&unknown=1&flag",
                "/pipeline/" + pipelineId + "/", "/project/gh%2Facme%2Fapi", "/project/gh/ac%6De/api/pipeline/1"}) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(sim.apiUrl() + path))
                    .header("circle-token", "t").header("Content-Type", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void anAbsoluteFormRequestTargetIsServed() {
        RawHttp.Response r = RawHttp.exchange(sim.baseUrl(), "GET " + sim.apiUrl() + "/me HTTP/1.1\r\nHost: x\r\n"
                + "Circle-Token: t\r\nConnection: close\r\n\r\n");

        assertThat(r.status()).isEqualTo(200);
        assertThat(SimulatorFixture.onlyEntry(sim).path()).isEqualTo("/api/v2/me");
    }

    // ---- methods

    @Test
    void headIsAnsweredLikeGetWithoutABody() throws IOException, InterruptedException {
        RawHttp.Response get = RawHttp.exchange(sim.baseUrl(), "GET /api/v2/pipeline/" + pipelineId
                + " HTTP/1.1\r\nHost: x\r\nCircle-Token: t\r\nConnection: close\r\n\r\n");
        try (RawHttp raw = new RawHttp(sim.baseUrl())) {
            RawHttp.Response head = raw.send("HEAD /api/v2/pipeline/" + pipelineId + " HTTP/1.1\r\nHost: x\r\n"
                    + "Circle-Token: t\r\n\r\n").readHead();
            RawHttp.Response after = raw.send("GET /api/v2/me HTTP/1.1\r\nHost: x\r\nCircle-Token: t\r\n\r\n").read();

            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("content-type")).isEqualTo(get.header("content-type"));
            assertThat(head.header("content-length")).isEqualTo(Integer.toString(get.body().length));
            assertThat(after.status()).as("no body bytes were left on the connection").isEqualTo(200);
        }
        HttpResponse<String> jdkHead = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sim.apiUrl() + "/pipeline/" + pipelineId)).header("Circle-Token", "t")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(jdkHead.statusCode()).isEqualTo(200);
        assertThat(jdkHead.body()).isEmpty();
        assertThat(sim.journal().requests("HEAD", "^/pipeline/")).hasSize(2);
        assertThat(sim.journal().countsByRoute()).containsKey("HEAD /pipeline/{pipeline-id}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"OPTIONS", "PUT", "DELETE", "PATCH", "BREW"})
    void otherMethodsGetCircleCisNotFound(String method) {
        RawHttp.Response r = RawHttp.exchange(sim.baseUrl(), method + " /api/v2/pipeline/" + pipelineId
                + " HTTP/1.1\r\nHost: x\r\nCircle-Token: t\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.message()).isEqualTo("Not found");
        assertThat(SimulatorFixture.onlyEntry(sim).note()).contains("no route");
    }

    @Test
    void everyRequestGetsExactlyOneJournalEntry() {
        http.get("/me");
        http.get("/nothing");
        RawHttp.exchange(sim.baseUrl(), "HEAD /api/v2/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(sim.journal().entries()).extracting(e -> e.method() + " " + e.path() + " " + e.status())
                .containsExactly("GET /api/v2/me 200", "GET /api/v2/nothing 404", "HEAD /api/v2/me 401");
        assertThat(sim.journal().total()).isEqualTo(3);
    }
}
