package io.jenkins.plugins.circleci.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever CircleCI would refuse is refused before anything is sent. */
class TriggerValidationTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ClientFixture fixture = new ClientFixture(server);

    @AfterEach
    void nothingWasSent() {
        assertThat(server.getRequestCount()).isZero();
    }

    private static Arguments refused(String name, Supplier<TriggerRequest> request, String messagePart) {
        return Arguments.of(Named.of(name, request), messagePart);
    }

    private static TriggerRequest.Builder rocket() {
        return TriggerRequest.builder(ProjectSlug.parse("gh/acme/rocket"));
    }

    static Stream<Arguments> invalidRequests() {
        Map<String, Object> tooMany = new LinkedHashMap<>();
        for (int i = 0; i <= TriggerRequest.MAX_PARAMETERS; i++) {
            tooMany.put("p" + i, i);
        }
        return Stream.of(
                refused("branch and tag", () -> rocket().branch("main").tag("v1").build(), "Both a branch"),
                refused("101 parameters", () -> rocket().parameters(tooMany).build(), "at most 100"),
                refused("long key", () -> rocket().parameter("k".repeat(129), "v").build(), "at most 128"),
                refused("long value", () -> rocket().parameter("k", "v".repeat(513)).build(), "at most 512"),
                refused("blank key", () -> rocket().parameter(" ", "v").build(), "empty name"),
                refused("double value", () -> rocket().parameter("ratio", 0.5).build(), "type Double"),
                refused("null value", () -> rocket().parameter("x", null).build(), "type null"),
                refused("map value", () -> rocket().parameter("x", Map.of()).build(), "only strings, booleans"),
                refused("config branch without definition id", () -> rocket().configBranch("ci").build(),
                        "without a pipeline definition id"),
                refused("checkout tag without definition id", () -> rocket().branch("main").checkoutTag("v1").build(),
                        "without a pipeline definition id"),
                refused("config branch and config tag", () -> rocket().definitionId(ClientFixture.DEFINITION_ID)
                        .configBranch("a").configTag("b").build(), "Both a config branch"),
                refused("checkout branch and checkout tag", () -> rocket().definitionId(ClientFixture.DEFINITION_ID)
                        .checkoutBranch("a").checkoutTag("b").build(), "Both a checkout branch"),
                refused("definition id not a UUID", () -> rocket().definitionId("abc").build(), "not a UUID"),
                refused("definition id in a lenient UUID form", () -> rocket().definitionId("1-1-1-1-1").build(),
                        "not a UUID"),
                refused("opaque slug without definition id",
                        () -> TriggerRequest.builder(ProjectSlug.parse("circleci/abc/def")).build(),
                        "definition id"),
                refused("slug with two parts", () -> rocket(ProjectSlug.parse("gh/acme")), "three parts"),
                refused("slug with gitlab prefix", () -> rocket(ProjectSlug.parse("gitlab/acme/rocket")),
                        "not a CircleCI VCS prefix"),
                refused("empty slug", () -> rocket(ProjectSlug.parse(" ")), "No CircleCI project slug"),
                refused("slug with a space", () -> rocket(ProjectSlug.parse("gh/acme corp/rocket")),
                        "not a valid organization"));
    }

    private static TriggerRequest rocket(ProjectSlug slug) {
        return TriggerRequest.builder(slug).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void isRefusedBeforeSending(Supplier<TriggerRequest> request, String messagePart) {
        CircleCiClient client = fixture.client();

        assertThatThrownBy(() -> client.trigger(request.get())).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(((InvalidRequestException) e).hint()).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blankIds")
    void blankIdsAreRefusedBeforeSending(Consumer<CircleCiClient> call) {
        CircleCiClient client = fixture.client();

        assertThatThrownBy(() -> call.accept(client)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("was given");
    }

    static Stream<Named<Consumer<CircleCiClient>>> blankIds() {
        return Stream.of(
                Named.of("getPipeline", c -> c.getPipeline(" ")),
                Named.of("listWorkflows", c -> c.listWorkflows(null)),
                Named.of("getWorkflow", c -> c.getWorkflow("")),
                Named.of("listJobs", c -> c.listJobs("")),
                Named.of("cancelWorkflow", c -> c.cancelWorkflow("")),
                Named.of("approve", c -> c.approve("wf", " ")),
                Named.of("rerunWorkflow", c -> c.rerunWorkflow(null, true)));
    }
}
