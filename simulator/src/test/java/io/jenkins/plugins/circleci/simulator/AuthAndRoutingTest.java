package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tokens, slug encodings and body validation, as real CircleCI answers them. */
class AuthAndRoutingTest {

    private CircleCiSimulator sim;
    private Http http;

    @BeforeEach
    void start() {
        sim = CircleCiSimulator.builder().clock(new ManualClock()).webhookPollInterval(null)
                .scenario(Scenario.builder()
                        .project("gh/acme/api", p -> p.branches("main", "release/1.x")
                                .workflow("build", w -> w.job("test", java.time.Duration.ofSeconds(5))))
                        .project("gh/acme/trunk", p -> p.defaultBranch("develop")
                                .workflow("build", w -> w.job("test", java.time.Duration.ofSeconds(5))))
                        .project("circleci/org-id/project-id", p -> p
                                .workflow("build", w -> w.job("test", java.time.Duration.ofSeconds(5))))
                        .invalidToken("bad-token")
                        .build())
                .start();
        http = new Http(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void theLegacyTriggerRefusesAGithubAppProjectAsNotFoundButPipelineRunTriggersIt() {
        Http.Reply legacy = http.post("/project/circleci/org-id/project-id/pipeline", "{\"branch\":\"main\"}");

        assertThat(legacy.status()).isEqualTo(404);
        assertThat(legacy.message()).isEqualTo("Project not found");
        assertThat(sim.pipelineIds()).isEmpty();
        assertThat(http.trigger("circleci/org-id/project-id")).isNotEmpty();
    }

    @Test
    void aPipelineTriggeredWithoutARefBuildsTheDefaultBranch() {
        Http.Reply created = http.post("/project/gh/acme/trunk/pipeline", "{}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();

        assertThat(http.get("/pipeline/" + id).json().get("vcs").get("branch").asText()).isEqualTo("develop");
        assertThat(http.get("/project/gh/acme/trunk/pipeline?branch=develop").json().get("items")).hasSize(1);
    }

    @Test
    void acceptsCircleTokenBearerAndBasicAuthentication() {
        String basic = Base64.getEncoder().encodeToString("tok:".getBytes(StandardCharsets.UTF_8));
        for (Map<String, String> headers : List.of(
                Map.of("Circle-Token", "tok"),
                Map.of("Authorization", "Bearer tok"),
                Map.of("Authorization", "Basic " + basic))) {
            assertThat(http.send("GET", "/me", null, headers).status()).as(headers.keySet().toString()).isEqualTo(200);
            assertThat(http.send("POST", "/project/gh/acme/api/pipeline", "{}", headers).status()).isEqualTo(201);
        }
    }

    @Test
    void aMissingOrInvalidTokenLooksLikeAMissingProjectButMeSays401() {
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Circle-Token", "bad-token"))) {
            Http.Reply trigger = http.send("POST", "/project/gh/acme/api/pipeline", "{}", headers);
            assertThat(trigger.status()).isEqualTo(404);
            assertThat(trigger.message()).isEqualTo("Project not found");
            assertThat(http.send("GET", "/project/gh/acme/api", null, headers).status()).isEqualTo(404);
            Http.Reply me = http.send("GET", "/me", null, headers);
            assertThat(me.status()).isEqualTo(401);
            assertThat(me.message()).isEqualTo("You must log in first.");
        }
        String id = http.trigger("gh/acme/api");
        Http.Reply pipeline = http.send("GET", "/pipeline/" + id, null, Map.of("Circle-Token", "bad-token"));
        assertThat(pipeline.status()).isEqualTo(401);
        assertThat(pipeline.message()).isEqualTo("You must log in first.");
        assertThat(http.send("GET", "/workflow/" + id, null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void onlyListedTokensAreValidWhenAListIsGiven() {
        try (CircleCiSimulator strict = CircleCiSimulator.builder().webhookPollInterval(null)
                .scenario(Scenario.builder().validTokens("good").build()).start()) {
            Http h = new Http(strict);
            assertThat(h.send("GET", "/me", null, Map.of("Circle-Token", "good")).status()).isEqualTo(200);
            assertThat(h.send("GET", "/me", null, Map.of("Circle-Token", "other")).status()).isEqualTo(401);
        }
    }

    @Test
    void theLegacyTriggerTakesTheSlugRawOrEncoded() {
        assertThat(http.post("/project/gh/acme/api/pipeline", "{}").json().get("number").asLong()).isEqualTo(1);
        assertThat(http.post("/project/gh%2Facme%2Fapi/pipeline", "{}").json().get("number").asLong()).isEqualTo(2);
        assertThat(http.get("/project/gh%2Facme%2Fapi/pipeline/2").status()).isEqualTo(200);
        assertThat(http.get("/project/gh%2facme%2fapi").json().get("slug").asText()).isEqualTo("gh/acme/api");
    }

    @Test
    void pipelineRunTakesThreeSegmentsOnlyAnEncodedSlugIs404() {
        assertThat(http.post("/project/gh/acme/api/pipeline/run", "{}").status()).isEqualTo(201);
        assertThat(http.post("/project/gh%2Facme%2Fapi/pipeline/run", "{}").status()).isEqualTo(404);
    }

    @Test
    void onlyDeclaredProjectsExistWhenTheScenarioSaysSo() {
        try (CircleCiSimulator strict = CircleCiSimulator.builder().webhookPollInterval(null)
                .scenario(Scenario.builder().project("gh/acme/api", p -> p).onlyDeclaredProjects().build()).start()) {
            Http h = new Http(strict);
            assertThat(h.get("/project/gh/acme/api").status()).isEqualTo(200);
            assertThat(h.get("/project/gh/acme/other").message()).isEqualTo("Project not found");
        }
    }

    @Test
    void branchAndTagTogetherAreRefused() {
        Http.Reply r = http.post("/project/gh/acme/api/pipeline", "{\"branch\":\"main\",\"tag\":\"v1\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().has("message")).isTrue();
        Http.Reply run = http.post("/project/gh/acme/api/pipeline/run", "{\"config\":{\"branch\":\"main\",\"tag\":\"v1\"}}");
        assertThat(run.status()).isEqualTo(400);
        assertThat(run.message()).isEqualTo("Unexpected request body provided.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"branch\":\"main\"}",
            "{\"config\":{\"branch\":\"main\",\"extra\":1}}",
            "{\"definition_id\":\"not-a-uuid\"}",
            "[1,2]",
            "{not json"})
    void pipelineRunRefusesUnexpectedBodies(String body) {
        Http.Reply r = http.post("/project/gh/acme/api/pipeline/run", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).isEqualTo("Unexpected request body provided.");
    }

    @Test
    void unknownBranchesAreRefusedWhenTheScenarioKnowsItsBranches() {
        Http.Reply r = http.post("/project/gh/acme/api/pipeline", "{\"branch\":\"nope\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).isEqualTo("Branch not found");
        assertThat(http.post("/project/gh/acme/api/pipeline/run", "{\"config\":{\"branch\":\"nope\"}}").status())
                .isEqualTo(400);
        assertThat(http.post("/project/gh/acme/api/pipeline", "{\"branch\":\"release/1.x\"}").status()).isEqualTo(201);
    }

    @Test
    void pipelineRunKeepsItsConfigAndCheckoutRefsAndShowsTheCheckoutRefInVcs() {
        Http.Reply created = http.post("/project/gh/acme/api/pipeline/run", "{\"definition_id\":\""
                + Http.DEFINITION_ID + "\",\"config\":{\"branch\":\"release/1.x\"},\"checkout\":{\"tag\":\"v1\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();

        assertThat(sim.triggerRefs(id)).contains(new TriggerRefs("release/1.x", null, null, "v1", true));
        assertThat(http.get("/pipeline/" + id).json().get("vcs").get("tag").asText()).isEqualTo("v1");
        assertThat(http.get("/pipeline/" + id).json().get("vcs").has("branch")).isFalse();

        String onlyConfig = http.post("/project/gh/acme/api/pipeline/run", "{\"config\":{\"tag\":\"v2\"}}")
                .json().get("id").asText();
        assertThat(sim.triggerRefs(onlyConfig)).contains(new TriggerRefs(null, "v2", null, null, true));
        assertThat(http.get("/pipeline/" + onlyConfig).json().get("vcs").get("tag").asText()).isEqualTo("v2");

        String legacy = http.post("/project/gh/acme/api/pipeline", "{\"branch\":\"main\"}").json().get("id").asText();
        assertThat(sim.triggerRefs(legacy)).contains(new TriggerRefs(null, null, null, null, false));
    }

    @Test
    void aConfigBranchTheScenarioDoesNotKnowIsRefusedEvenWithAKnownCheckoutBranch() {
        Http.Reply r = http.post("/project/gh/acme/api/pipeline/run",
                "{\"config\":{\"branch\":\"nope\"},\"checkout\":{\"branch\":\"main\"}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).isEqualTo("Branch not found");
        assertThat(http.post("/project/gh/acme/api/pipeline/run",
                "{\"config\":{\"branch\":\"main\"},\"checkout\":{\"branch\":\"nope\"}}").status())
                .isEqualTo(400);
        assertThat(sim.pipelineIds()).isEmpty();
    }

    @Test
    void parametersWithinLimitsAreAccepted() {
        StringBuilder hundred = new StringBuilder("{\"parameters\":{");
        for (int i = 0; i < 100; i++) {
            hundred.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":").append(i % 2 == 0 ? "true" : "1");
        }
        hundred.append("}}");
        assertThat(http.post("/project/gh/acme/api/pipeline", hundred.toString()).status()).isEqualTo(201);
        String longest = "{\"parameters\":{\"" + "k".repeat(128) + "\":\"" + "v".repeat(512) + "\"}}";
        assertThat(http.post("/project/gh/acme/api/pipeline", longest).status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"entries", "key", "value", "float", "object", "null"})
    void parametersOverLimitsOrOfOtherTypesAre400(String breach) {
        String params = switch (breach) {
            case "entries" -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i <= 100; i++) {
                    sb.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":1");
                }
                yield sb.toString();
            }
            case "key" -> "\"" + "k".repeat(129) + "\":\"v\"";
            case "value" -> "\"k\":\"" + "v".repeat(513) + "\"";
            case "float" -> "\"k\":1.5";
            case "object" -> "\"k\":{\"a\":1}";
            default -> "\"k\":null";
        };
        for (String path : new String[] {"/project/gh/acme/api/pipeline", "/project/gh/acme/api/pipeline/run"}) {
            Http.Reply r = http.post(path, "{\"parameters\":{" + params + "}}");
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.json().get("message").asText()).isNotBlank();
        }
    }

    @Test
    void unknownRoutesAre404WithAMessage() {
        Http.Reply r = http.get("/nothing/here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.message()).isEqualTo("Not found");
        assertThat(http.send("DELETE", "/pipeline/x", null, Map.of("Circle-Token", "t")).status()).isEqualTo(404);
    }
}
