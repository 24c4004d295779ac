package io.jenkins.plugins.circleci.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import io.jenkins.plugins.circleci.api.model.Pipeline;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.TriggerRefs;
import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code pipeline/run}'s separate config and checkout refs, end to end: the body core writes (read back from the
 * simulator's journal and checked against CircleCI's own schema by swagger-request-validator, a second reader), what
 * the simulator recorded, and what the pipeline then says in {@code vcs}.
 */
class PipelineRunRefsTest {
    private static final String DEFINITION = "2338d0ae-5541-4bbf-88a2-55e9f7281f80";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static OpenApiInteractionValidator validator;

    private final ManualClock clock = new ManualClock();
    private CircleCiSimulator sim;
    private CircleCiClient client;

    @BeforeAll
    static void loadSpec() throws Exception {
        Optional<Path> spec = SpecFile.find();
        if (spec.isEmpty()) {
            return;
        }
        ObjectNode root = (ObjectNode) MAPPER.readTree(Files.readString(spec.get()));
        ((ObjectNode) root.get("paths")).retain("/project/{provider}/{organization}/{project}/pipeline/run");
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(MAPPER.writeValueAsString(root))
                .build();
    }

    @AfterAll
    static void forget() {
        validator = null;
    }

    @BeforeEach
    void start() {
        sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null)
                .scenario(Scenario.builder().project("gh/acme/api", p -> p
                        .workflow("build", w -> w.job("test", Duration.ofSeconds(5)))).build())
                .start();
        client = CircleCiClient.builder().baseUrl(sim.baseUrl()).token("any-token").clock(clock)
                .retryPolicy(RetryPolicy.none()).budget(RequestBudget.create(new RateLimit(1000, 1000), clock))
                .build();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static TriggerRequest.Builder run() {
        return TriggerRequest.builder(ProjectSlug.parse("gh/acme/api")).definitionId(DEFINITION);
    }

    /** Triggers; returns the body as sent, after checking it against the spec's request schema. */
    private JsonNode sent(UnaryOperator<TriggerRequest.Builder> request) throws Exception {
        sim.journal().clear();
        client.trigger(request.apply(run()).build());
        List<JournalEntry> posts = sim.journal().requests("POST", "/pipeline/run$");
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).status()).isEqualTo(201);
        String body = posts.get(0).bodyText();
        assertValidAgainstSpec(body);
        return MAPPER.readTree(body);
    }

    private static void assertValidAgainstSpec(String body) {
        Assumptions.assumeTrue(validator != null, "CircleCI's OpenAPI spec not found: second reader skipped");
        ValidationReport report = validator.validateRequest(SimpleRequest.Builder
                .post("/api/v2/project/gh/acme/api/pipeline/run").withContentType("application/json")
                .withHeader("Circle-Token", "x").withBody(body).build());
        assertThat(report.getMessages()).as("what the spec says of %s", body)
                .noneMatch(m -> m.getKey().startsWith("validation.request.body"));
    }

    private String lastPipelineId() {
        List<String> ids = sim.pipelineIds();
        return ids.get(ids.size() - 1);
    }

    @Test
    void branchAloneFeedsBothSidesAsBefore() throws Exception {
        JsonNode body = sent(b -> b.branch("main"));
        assertThat(body.toString()).isEqualTo("{\"definition_id\":\"" + DEFINITION
                + "\",\"config\":{\"branch\":\"main\"},\"checkout\":{\"branch\":\"main\"}}");
        assertThat(sim.triggerRefs(lastPipelineId())).contains(new TriggerRefs("main", null, "main", null, true));
    }

    @Test
    void configFromABranchAndCheckoutOfATag() throws Exception {
        JsonNode body = sent(b -> b.configBranch("ci-config").checkoutTag("v2.1.0"));
        assertThat(body.get("config").toString()).isEqualTo("{\"branch\":\"ci-config\"}");
        assertThat(body.get("checkout").toString()).isEqualTo("{\"tag\":\"v2.1.0\"}");
        String id = lastPipelineId();
        assertThat(sim.triggerRefs(id)).contains(new TriggerRefs("ci-config", null, null, "v2.1.0", true));
        Pipeline pipeline = client.getPipeline(id);
        assertThat(pipeline.vcs().tag()).as("vcs names the checkout ref").isEqualTo("v2.1.0");
        assertThat(pipeline.vcs().branch()).isNull();
    }

    @Test
    void eachSideOverridesBranchOnItsOwnSide() throws Exception {
        JsonNode body = sent(b -> b.branch("main").configBranch("pull/42/merge"));
        assertThat(body.get("config").toString()).isEqualTo("{\"branch\":\"pull/42/merge\"}");
        assertThat(body.get("checkout").toString()).isEqualTo("{\"branch\":\"main\"}");
        assertThat(client.getPipeline(lastPipelineId()).vcs().branch()).isEqualTo("main");

        body = sent(b -> b.tag("v1").checkoutBranch("pull/42/head"));
        assertThat(body.get("config").toString()).isEqualTo("{\"tag\":\"v1\"}");
        assertThat(body.get("checkout").toString()).isEqualTo("{\"branch\":\"pull/42/head\"}");
    }

    @Test
    void aSideNotGivenIsNotSent() throws Exception {
        JsonNode body = sent(b -> b.configTag("v3"));
        assertThat(body.has("checkout")).isFalse();
        assertThat(body.get("config").toString()).isEqualTo("{\"tag\":\"v3\"}");
        assertThat(sim.triggerRefs(lastPipelineId())).contains(new TriggerRefs(null, "v3", null, null, true));

        body = sent(b -> b);
        assertThat(body.toString()).isEqualTo("{\"definition_id\":\"" + DEFINITION + "\"}");
    }

    @Test
    void separateRefsWithoutADefinitionIdAreRefusedBeforeAnythingIsSent() {
        for (UnaryOperator<TriggerRequest.Builder> b : List.<UnaryOperator<TriggerRequest.Builder>>of(
                x -> x.configBranch("ci"), x -> x.checkoutTag("v1"), x -> x.branch("main").checkoutBranch("dev"))) {
            assertThatThrownBy(() -> client.trigger(b.apply(TriggerRequest.builder(ProjectSlug.parse("gh/acme/api")))
                    .build())).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("without a pipeline definition id")
                    .satisfies(e -> assertThat(((InvalidRequestException) e).hint()).contains("definition id"));
        }
        assertThat(sim.journal().total()).isZero();
    }

    @Test
    void theSecondReaderSeesABodyOutsideTheSchema_andCoreRefusesTwoRefsOnOneSide() {
        Assumptions.assumeTrue(validator != null);
        // The second reader does see a bad body: a field the schema does not declare on one side.
        ValidationReport report = validator.validateRequest(SimpleRequest.Builder
                .post("/api/v2/project/gh/acme/api/pipeline/run").withContentType("application/json")
                .withHeader("Circle-Token", "x").withBody("{\"config\":{\"ref\":\"main\"}}").build());
        assertThat(report.getMessages()).anyMatch(m -> m.getKey().startsWith("validation.request.body"));
        assertThatThrownBy(() -> run().configBranch("a").configTag("b").build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("config branch");
        assertThatThrownBy(() -> run().checkoutBranch("a").checkoutTag("b").build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("checkout branch");
    }
}
