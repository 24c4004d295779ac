package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /pipeline/{id}/config} and the pipeline list by branch, the two reads of the parameter pre-flight check,
 * through the JDK's {@code HttpClient} (a second client beside the OkHttp one the other tests use), with the config
 * declared in a YAML scenario.
 */
class PipelineConfigRouteTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SCENARIO = """
            projects:
              gh/acme/api:
                config: |
                  version: 2.1
                  parameters:
                    deploy: {type: boolean, default: false}
                workflows: [{name: build, jobs: [{name: test, duration: 1s}]}]
              gh/acme/dyn:
                config: |
                  version: 2.1
                  setup: true
                  parameters:
                    deploy: {type: boolean, default: false}
                continuation_config: |
                  version: 2.1
                workflows:
                  - {name: setup, setup: true, jobs: [{name: gen, duration: 1s}]}
                  - {name: build, jobs: [{name: test, duration: 1s}]}
              gh/acme/bare:
                workflows: [{name: build, jobs: [{name: test, duration: 1s}]}]
            """;

    private final ManualClock clock = new ManualClock();
    private final HttpClient client = HttpClient.newHttpClient();
    private CircleCiSimulator sim;

    @BeforeEach
    void start() {
        sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null).pageSize(2)
                .scenario(Scenario.fromYaml(SCENARIO)).start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> send(String method, String path, String body, boolean withToken)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.apiUrl() + path))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (withToken) {
            b.header("Circle-Token", "any-token");
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = send("GET", path, null, true);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        return MAPPER.readTree(r.body());
    }

    private String trigger(String slug, String branch) throws Exception {
        HttpResponse<String> r = send("POST", "/project/" + slug + "/pipeline", "{\"branch\":\"" + branch + "\"}",
                true);
        assertThat(r.statusCode()).isEqualTo(201);
        return MAPPER.readTree(r.body()).get("id").asText();
    }

    @Test
    void aProjectsConfigIsItsSourceAndCompiledWithoutSetupFields() throws Exception {
        JsonNode config = getJson("/pipeline/" + trigger("gh/acme/api", "main") + "/config");
        List<String> fields = new ArrayList<>();
        config.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("source", "compiled");
        assertThat(config.get("source").asText()).isEqualTo("version: 2.1\nparameters:\n"
                + "  deploy: {type: boolean, default: false}\n");
        assertThat(config.get("compiled").asText()).isEqualTo(config.get("source").asText());
    }

    @Test
    void withASetupWorkflowTheConfigIsTheSetupConfigAndTheSourceItsContinuation() throws Exception {
        JsonNode config = getJson("/pipeline/" + trigger("gh/acme/dyn", "main") + "/config");
        assertThat(config.get("setup-config").asText()).contains("setup: true").contains("deploy:");
        assertThat(config.get("compiled-setup-config").asText()).isEqualTo(config.get("setup-config").asText());
        assertThat(config.get("source").asText()).isEqualTo("version: 2.1\n");
    }

    @Test
    void aProjectWithoutConfigHasEmptyTexts() throws Exception {
        JsonNode config = getJson("/pipeline/" + trigger("gh/acme/bare", "main") + "/config");
        assertThat(config.get("source").isTextual()).isTrue();
        assertThat(config.get("source").asText()).isEmpty();
        assertThat(config.get("compiled").asText()).isEmpty();
    }

    @Test
    void unknownPipelinesAndMissingTokensAreRefusedAsForThePipelineItself() throws Exception {
        HttpResponse<String> unknown = send("GET", "/pipeline/5034460f-c7c4-4c43-9457-de07e2029e7b/config", null,
                true);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(MAPPER.readTree(unknown.body()).get("message").asText()).isEqualTo("Pipeline not found");
        assertThat(send("GET", "/pipeline/not-a-uuid/config", null, true).statusCode()).isEqualTo(404);
        String id = trigger("gh/acme/api", "main");
        HttpResponse<String> anonymous = send("GET", "/pipeline/" + id + "/config", null, false);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(send("POST", "/pipeline/" + id + "/config", "{}", true).statusCode()).isEqualTo(404);
    }

    @Test
    void pipelinesListedByBranchAreThatBranchsNewestFirst() throws Exception {
        String main1 = trigger("gh/acme/api", "main");
        String feature = trigger("gh/acme/api", "feature/x");
        String main2 = trigger("gh/acme/api", "main");
        JsonNode page = getJson("/project/gh/acme/api/pipeline?branch=main");
        assertThat(page.get("items")).extracting(p -> p.get("id").asText()).containsExactly(main2, main1);
        assertThat(page.get("items")).allSatisfy(p -> assertThat(p.at("/vcs/branch").asText()).isEqualTo("main"));
        JsonNode other = getJson("/project/gh/acme/api/pipeline?branch=feature%2Fx");
        assertThat(other.get("items")).extracting(p -> p.get("id").asText()).containsExactly(feature);
        assertThat(getJson("/project/gh/acme/api/pipeline?branch=none").get("items")).isEmpty();
    }

    @Test
    void aConfigGivenAsAMapInsteadOfTextIsRefused() {
        assertThatThrownBy(() -> Scenario.fromYaml("projects:\n  gh/a/b:\n    config:\n      version: 2.1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.projects['gh/a/b'].config must be the config's text");
    }
}
