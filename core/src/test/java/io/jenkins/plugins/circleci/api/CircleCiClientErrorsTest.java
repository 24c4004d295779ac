package io.jenkins.plugins.circleci.api;

import static io.jenkins.plugins.circleci.api.ClientFixture.DEFINITION_ID;
import static io.jenkins.plugins.circleci.api.ClientFixture.PIPELINE_ID;
import static io.jenkins.plugins.circleci.api.ClientFixture.json;
import static io.jenkins.plugins.circleci.api.ClientFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.circleci.api.error.BadRequestException;
import io.jenkins.plugins.circleci.api.error.CircleCiApiException;
import io.jenkins.plugins.circleci.api.error.ForbiddenException;
import io.jenkins.plugins.circleci.api.error.MalformedResponseException;
import io.jenkins.plugins.circleci.api.error.NotFoundException;
import io.jenkins.plugins.circleci.api.error.ProjectNotFoundException;
import io.jenkins.plugins.circleci.api.error.RateLimitedException;
import io.jenkins.plugins.circleci.api.error.ServerErrorException;
import io.jenkins.plugins.circleci.api.error.UnauthorizedException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CircleCiClientErrorsTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ClientFixture fixture = new ClientFixture(server);

    private CircleCiClient clientWithoutRetries() {
        return fixture.builder().retryPolicy(RetryPolicy.none()).build();
    }

    private static final String HTML = """
            <!DOCTYPE html><html><head><style>body{color:red}</style>
            <title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>""";

    static Stream<Arguments> errorBodies() {
        List<Class<? extends CircleCiApiException>> kinds = List.of(BadRequestException.class,
                UnauthorizedException.class, ForbiddenException.class, NotFoundException.class,
                RateLimitedException.class, ServerErrorException.class);
        int[] statuses = {400, 401, 403, 404, 429, 500};
        Stream.Builder<Arguments> cases = Stream.builder();
        for (int i = 0; i < statuses.length; i++) {
            int status = statuses[i];
            cases.add(Arguments.of(status, kinds.get(i), "application/json", "{\"message\": \"Something specific.\"}",
                    "Something specific."));
            cases.add(Arguments.of(status, kinds.get(i), "text/plain", "Rate limited.\n", "Rate limited."));
            cases.add(Arguments.of(status, kinds.get(i), "text/plain", "", ""));
            cases.add(Arguments.of(status, kinds.get(i), "text/html", HTML, "HTML page: 502 Bad Gateway"));
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} {2} -> {1}")
    @MethodSource("errorBodies")
    void everyErrorCarriesStatusServerMessageMethodPathAndHint(int status, Class<? extends CircleCiApiException> kind,
            String contentType, String body, String expectedServerMessage) {
        server.enqueue(text(status, contentType, body));

        CircleCiApiException error = catchThrowableOfType(kind,
                () -> clientWithoutRetries().getPipeline(PIPELINE_ID));

        assertThat(error).isExactlyInstanceOf(kind);
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.serverMessage()).isEqualTo(expectedServerMessage);
        assertThat(error.method()).isEqualTo("GET");
        assertThat(error.path()).isEqualTo("/api/v2/pipeline/" + PIPELINE_ID);
        assertThat(error.getMessage()).contains(String.valueOf(status)).contains("GET /api/v2/pipeline/" + PIPELINE_ID)
                .contains("pipeline " + PIPELINE_ID).doesNotContain("<html", "<title");
        if (expectedServerMessage.isEmpty()) {
            assertThat(error.getMessage()).contains("empty body");
        } else {
            assertThat(error.getMessage()).contains(expectedServerMessage);
        }
        assertThat(error.hint()).isNotBlank();
    }

    @Test
    void aLongHtmlPageIsCutToAShortExcerpt() {
        server.enqueue(text(503, "text/html", "<html><body><p>" + "maintenance ".repeat(500) + "</p></body></html>"));

        ServerErrorException error = catchThrowableOfType(ServerErrorException.class,
                () -> clientWithoutRetries().getPipeline(PIPELINE_ID));

        assertThat(error.serverMessage()).startsWith("HTML page: maintenance maintenance").endsWith("...")
                .hasSizeLessThanOrEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Project not found", "Project not found.", "project not found", "Project does not exist."})
    void projectNotFoundOnAProjectEndpointNamesSlugFormsTokensAndDefinitionIds(String message) {
        server.enqueue(json(404, "{\"message\": \"" + message + "\"}"));

        ProjectNotFoundException error = catchThrowableOfType(ProjectNotFoundException.class,
                () -> clientWithoutRetries().getProject(ProjectSlug.parse("gh/acme/rocket")));

        assertThat(error.getMessage()).contains("gh/acme/rocket").contains(message);
        assertThat(error.hint()).contains("gh/<org>/<repo>", "github/<org>/<repo>", "bb/<org>/<repo>",
                "bitbucket/<org>/<repo>", "circleci/<org-id>/<project-id>", "project API token",
                "personal API token", "GitHub App", "Bitbucket Data Center", "definition id", "pipeline/run",
                "#project-not-found");
    }

    @Test
    void projectNotFoundOnATriggerIsAProjectNotFoundException() {
        server.enqueue(json(404, "{\"message\": \"Project not found\"}"));

        assertThatThrownBy(() -> clientWithoutRetries().trigger(
                TriggerRequest.builder(ProjectSlug.parse("gh/acme/rocket")).branch("main").build()))
                .isInstanceOf(ProjectNotFoundException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void otherNotFoundsNameWhatWasNotFound() {
        server.enqueue(json(404, "{\"message\": \"Workflow not found\"}"));

        NotFoundException error = catchThrowableOfType(NotFoundException.class,
                () -> clientWithoutRetries().getWorkflow("wf-1"));

        assertThat(error).isNotInstanceOf(ProjectNotFoundException.class);
        assertThat(error.getMessage()).contains("CircleCI found no workflow wf-1");
    }

    @Test
    void projectNotFoundMessageOnANonProjectEndpointIsAPlainNotFound() {
        server.enqueue(json(404, "{\"message\": \"Project not found\"}"));

        assertThatThrownBy(() -> clientWithoutRetries().getPipeline(PIPELINE_ID))
                .isExactlyInstanceOf(NotFoundException.class);
    }

    @Test
    void unauthorizedExplainsOldAndExpiredTokens() {
        server.enqueue(json(401, "{\"message\": \"New format tokens are needed to authenticate this API endpoint. "
                + "Create a new API token for access.\"}"));

        UnauthorizedException error = catchThrowableOfType(UnauthorizedException.class,
                () -> clientWithoutRetries().me());

        assertThat(error.getMessage()).contains("New format tokens are needed");
        assertThat(error.hint()).contains("expired", "2023-06-23", "personal API token");
    }

    @Test
    void badRequestOnATriggerNamesTheInputButNoParameterValue() {
        server.enqueue(json(400, "{\"message\": \"Branch not found\"}"));

        BadRequestException error = catchThrowableOfType(BadRequestException.class, () -> clientWithoutRetries()
                .trigger(TriggerRequest.builder(ProjectSlug.parse("gh/acme/rocket")).branch("mian")
                        .parameter("deploy_key", "very-secret-value").build()));

        assertThat(error.getMessage()).contains("Branch not found", "branch 'mian'", "[deploy_key]")
                .doesNotContain("very-secret-value");
        assertThat(error.hint()).contains("branch exists");
    }

    @Test
    void unexpectedRequestBodyOnPipelineRunGetsItsOwnHint() {
        server.enqueue(json(400, "{\"message\": \"Unexpected request body provided.\"}"));

        BadRequestException error = catchThrowableOfType(BadRequestException.class, () -> clientWithoutRetries()
                .trigger(TriggerRequest.builder(ProjectSlug.parse("gh/acme/rocket")).branch("main")
                        .definitionId(DEFINITION_ID).build()));

        assertThat(error.getMessage()).contains("definition id " + DEFINITION_ID);
        assertThat(error.hint()).contains("definition id");
    }

    @Test
    void rateLimitedCarriesRetryAfterInSeconds() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7")
                .body("{\"message\": \"Rate limit exceeded.\"}").build());

        RateLimitedException error = catchThrowableOfType(RateLimitedException.class,
                () -> clientWithoutRetries().me());

        assertThat(error.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(error.hint()).contains("7 s");
    }

    @Test
    void rateLimitedCarriesRetryAfterAsAnHttpDate() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(fixture.clock.instant().plusSeconds(90).atZone(ZoneOffset.UTC));
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", date).body("Rate limited.")
                .build());

        RateLimitedException error = catchThrowableOfType(RateLimitedException.class,
                () -> clientWithoutRetries().me());

        assertThat(error.retryAfter()).contains(Duration.ofSeconds(90));
        assertThat(error.serverMessage()).isEqualTo("Rate limited.");
    }

    @Test
    void rateLimitedWithoutRetryAfter() {
        server.enqueue(json(429, "{\"message\": \"Rate limit exceeded.\"}"));

        RateLimitedException error = catchThrowableOfType(RateLimitedException.class,
                () -> clientWithoutRetries().me());

        assertThat(error.retryAfter()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\": ", "<html><title>Sign in - Corporate SSO</title></html>", "", "null", "[1,2]"})
    void garbageOnATwoHundredIsAMalformedResponseWithAnExcerpt(String body) {
        server.enqueue(text(200, "text/html", body));

        MalformedResponseException error = catchThrowableOfType(MalformedResponseException.class,
                () -> clientWithoutRetries().getPipeline(PIPELINE_ID));

        assertThat(error.method()).isEqualTo("GET");
        assertThat(error.path()).isEqualTo("/api/v2/pipeline/" + PIPELINE_ID);
        assertThat(error.getMessage()).contains("200", "not the JSON");
        if (body.contains("title")) {
            assertThat(error.getMessage()).contains("Sign in - Corporate SSO");
        }
        assertThat(error.hint()).contains("proxy");
    }

    @Test
    void aPageWithoutItemsIsMalformed() {
        server.enqueue(json(200, "{\"next_page_token\": null}"));

        assertThatThrownBy(() -> clientWithoutRetries().listWorkflows(PIPELINE_ID))
                .isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void aServerThatRepeatsThePageTokenForeverIsStopped() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(200, "{\"items\": [], \"next_page_token\": \"same\"}"));
        }

        MalformedResponseException error = catchThrowableOfType(MalformedResponseException.class,
                () -> clientWithoutRetries().listWorkflows(PIPELINE_ID));

        assertThat(error.getMessage()).contains("'same' a second time", "never end");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
