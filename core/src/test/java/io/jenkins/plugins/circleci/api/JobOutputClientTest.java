package io.jenkins.plugins.circleci.api;

import static io.jenkins.plugins.circleci.api.ClientFixture.TOKEN;
import static io.jenkins.plugins.circleci.api.ClientFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.api.error.NotFoundException;
import io.jenkins.plugins.circleci.api.error.ProjectNotFoundException;
import io.jenkins.plugins.circleci.api.model.JobSteps;
import io.jenkins.plugins.circleci.api.model.TestCase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Test results in bounded pages, the v1.1 job, and step output from a pre-signed link on another host: never with
 * the token, never through a redirect, plain or gzip, cleaned and capped.
 */
class JobOutputClientTest {
    private static final ProjectSlug SLUG = ProjectSlug.parse("gh/acme/rocket");
    private static final String SIGNATURE = "X-Amz-Signature=0123456789abcdef-very-secret";

    @StartStop
    final MockWebServer server = new MockWebServer();

    /** Where pre-signed links point: another host. */
    @StartStop
    final MockWebServer storage = new MockWebServer();

    private final ClientFixture fixture = new ClientFixture(server);

    private static String testsPage(String next, String... names) {
        StringBuilder items = new StringBuilder();
        for (String n : names) {
            items.append(items.isEmpty() ? "" : ",").append("""
                    {"message": "boom %s", "source": "junit", "run_time": 0.5, "file": "T.java",
                     "result": "failure", "name": "%s", "classname": "com.acme.T"}""".formatted(n, n));
        }
        return "{\"items\": [" + items + "], \"next_page_token\": " + (next == null ? "null" : "\"" + next + "\"")
                + "}";
    }

    private String outputUrl(String path) {
        return storage.url(path).newBuilder().encodedQuery("X-Amz-Algorithm=AWS4-HMAC-SHA256&" + SIGNATURE).build()
                .toString();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String chunks(String... messages) {
        StringBuilder out = new StringBuilder("[");
        for (String m : messages) {
            out.append(out.length() == 1 ? "" : ",").append("{\"type\":\"out\",\"time\":\"2026-01-15T10:00:00Z\","
                    + "\"message\":").append(quote(m)).append('}');
        }
        return out.append(']').toString();
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    @Test
    void testsAreReadPageByPageUpToTheBudgetAndSayWhetherThatWasAll() throws Exception {
        server.enqueue(json(200, testsPage("p2", "a", "b")));
        server.enqueue(json(200, testsPage("p3", "c", "d")));
        PartialList<TestCase> first = fixture.client().listTests(SLUG, 42, 2);
        assertThat(first.items()).extracting(TestCase::name).containsExactly("a", "b", "c", "d");
        assertThat(first.complete()).isFalse();
        assertThat(first.pages()).isEqualTo(2);
        RecordedRequest one = server.takeRequest();
        assertThat(one.getUrl().encodedPath()).isEqualTo("/api/v2/project/gh/acme/rocket/42/tests");
        assertThat(one.getHeaders().get("Circle-Token")).isEqualTo(TOKEN);
        assertThat(server.takeRequest().getUrl().queryParameter("page-token")).isEqualTo("p2");

        server.enqueue(json(200, testsPage(null, "z")));
        PartialList<TestCase> all = fixture.client().listTests(SLUG, 43, 5);
        assertThat(all.complete()).isTrue();
        assertThat(all.pages()).isEqualTo(1);
        assertThat(all.items().get(0).message()).isEqualTo("boom z");
    }

    @Test
    void aPageTokenSeenBeforeEndsTheReadInsteadOfLooping() {
        server.enqueue(json(200, testsPage("same", "a")));
        server.enqueue(json(200, testsPage("same", "b")));
        PartialList<TestCase> read = fixture.client().listTests(SLUG, 42, 10);
        assertThat(read.items()).hasSize(2);
        assertThat(read.complete()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void v11JobIsReadBesideApiV2WithTheTokenAlsoOnAServerWithAPathPrefix() throws Exception {
        String body = """
                {"build_num": 42, "status": "failed", "steps": [
                  {"name": "Checkout code", "actions": [{"name": "Checkout code", "index": 0, "status": "success",
                    "failed": null, "exit_code": 0, "has_output": true, "output_url": "https://s3.example/1?sig=1"}]},
                  {"name": "Run tests", "actions": [{"name": "Run tests", "index": 0, "status": "failed",
                    "failed": true, "exit_code": 1, "has_output": true, "output_url": "https://s3.example/2?sig=2"}]}],
                 "some_field_v2_lacks": {"x": 1}}""";
        server.enqueue(json(200, body));
        server.enqueue(json(200, body));
        JobSteps steps = fixture.client().getJobSteps(SLUG, 42);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1.1/project/gh/acme/rocket/42");
        assertThat(steps.firstFailedStep()).hasValueSatisfying(f -> {
            assertThat(f.step().name()).isEqualTo("Run tests");
            assertThat(f.action().outputUrl()).isEqualTo("https://s3.example/2?sig=2");
            assertThat(f.action().toString()).doesNotContain("sig=2");
        });

        CircleCiClient server2 = fixture.builder().baseUrl(server.url("/circleci/api/v2").toString()).build();
        server2.getJobSteps(SLUG, 42);
        RecordedRequest onServer = server.takeRequest();
        assertThat(onServer.getUrl().encodedPath()).isEqualTo("/circleci/api/v1.1/project/gh/acme/rocket/42");
        assertThat(onServer.getHeaders().get("Circle-Token")).isEqualTo(TOKEN);
    }

    @Test
    void v11NotFoundAnswersAreTheClientsUsualErrors() {
        server.enqueue(json(404, "{\"message\":\"Project not found\"}"));
        server.enqueue(json(404, "{\"message\":\"Build not found\"}"));
        assertThat(catchThrowableOfType(ProjectNotFoundException.class,
                () -> fixture.client().getJobSteps(SLUG, 42)).getMessage()).contains("/api/v1.1/project/gh/acme/rocket/42");
        assertThat(catchThrowableOfType(NotFoundException.class, () -> fixture.client().getJobSteps(SLUG, 42))
                .getMessage()).contains("steps of job 42");
    }

    @Test
    void outputIsFetchedFromTheLinkWithoutTheTokenAndItsLastLinesCleaned() throws Exception {
        storage.enqueue(json(200, chunks("\u001b[32mline 1\u001b[0m\r\nline", " 2 joined\r\n10%\r50%\r100%\r\n",
                "token " + TOKEN + " and CIRCLE_TOKEN=abc123def\r\nlast line\r\n")));
        LogTail tail = fixture.client().readStepOutput(outputUrl("/output/run-tests"), 4);
        assertThat(tail.lines()).containsExactly("line 2 joined", "100%", "token **** and CIRCLE_TOKEN=****",
                "last line");
        assertThat(tail.linesSeen()).isEqualTo(5);
        RecordedRequest request = storage.takeRequest();
        assertThat(request.getHeaders().get("Circle-Token")).isNull();
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getUrl().encodedQuery()).contains(SIGNATURE);
        assertThat(server.getRequestCount()).as("nothing went to CircleCI's host").isZero();
    }

    @Test
    void gzipWithContentEncodingAndGzipBytesWithoutItReadAlike() throws Exception {
        String json = chunks("a\r\nb\r\nc\r\n");
        storage.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Encoding", "gzip")
                .body(new Buffer().write(gzip(json))).build());
        storage.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/octet-stream")
                .body(new Buffer().write(gzip(json))).build());
        storage.enqueue(json(200, json));
        for (int i = 0; i < 3; i++) {
            assertThat(fixture.client().readStepOutput(outputUrl("/o"), 2).lines()).containsExactly("b", "c");
        }
    }

    @Test
    void anExpiredLinkSaysSoWithoutShowingItsSignature() {
        storage.enqueue(new MockResponse.Builder().code(403).setHeader("Content-Type", "application/xml")
                .body("<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code><Message>Request has expired"
                        + "</Message><X-Amz-Expires>431999</X-Amz-Expires></Error>").build());
        CircleCiException error = catchThrowableOfType(CircleCiException.class,
                () -> fixture.client().readStepOutput(outputUrl("/o"), 10));
        assertThat(error.getMessage()).contains("answered 403 (AccessDenied: Request has expired)",
                "http://" + storage.getHostName() + ":" + storage.getPort()).doesNotContain("Signature", "/o");
        assertThat(error.hint()).contains("Open the job in CircleCI");
    }

    @Test
    void aRedirectIsNotFollowed() {
        storage.enqueue(new MockResponse.Builder().code(302).setHeader("Location", server.url("/steal").toString())
                .build());
        CircleCiException error = catchThrowableOfType(CircleCiException.class,
                () -> fixture.client().readStepOutput(outputUrl("/o"), 10));
        assertThat(error.getMessage()).contains("302", "not followed");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void garbageIsAClearErrorNeverAPartialTail() {
        storage.enqueue(json(200, "{\"message\": \"not an array\"}"));
        storage.enqueue(json(200, "[{\"message\": \"ok\"}, 42]"));
        storage.enqueue(json(200, "[{\"message\": \"trunc"));
        storage.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(new byte[] {0x1f, (byte) 0x8b,
                1, 2, 3})).build());
        assertThat(catchThrowableOfType(CircleCiException.class,
                () -> fixture.client().readStepOutput(outputUrl("/o"), 10)).getMessage())
                .contains("other than a JSON array");
        assertThat(catchThrowableOfType(CircleCiException.class,
                () -> fixture.client().readStepOutput(outputUrl("/o"), 10)).getMessage())
                .contains("something other than message objects");
        assertThat(catchThrowableOfType(CircleCiException.class,
                () -> fixture.client().readStepOutput(outputUrl("/o"), 10)).getMessage())
                .contains("not valid JSON");
        assertThat(catchThrowableOfType(CircleCiException.class,
                () -> fixture.client().readStepOutput(outputUrl("/o"), 10)).getMessage())
                .contains("not valid JSON (broken gzip)");
    }

    @Test
    void aLinkThatIsNotAUrlIsRefusedBeforeAnythingIsSent() {
        assertThat(catchThrowableOfType(CircleCiException.class,
                () -> fixture.client().readStepOutput("ftp://files/o", 10)).getMessage()).contains("not an http(s) URL");
        assertThat(storage.getRequestCount()).isZero();
    }
}
