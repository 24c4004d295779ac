package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every list pages with next_page_token / page-token; a small page size forces three pages and more. */
class PaginationTest {

    private final ManualClock clock = new ManualClock();
    private CircleCiSimulator sim;
    private Http http;

    @BeforeEach
    void start() {
        sim = CircleCiSimulator.builder().clock(clock).pageSize(2).webhookPollInterval(null)
                .scenario(Scenario.builder().project("gh/acme/wide", p -> {
                    for (int i = 1; i <= 5; i++) {
                        int n = i;
                        p.workflow("wf" + i, w -> w.job(JobSpec.build("job" + n, Duration.ofSeconds(1), "success")
                                .withTests(5).withArtifacts(5)).job("second" + n, Duration.ofSeconds(1)));
                    }
                    return p;
                }).build())
                .start();
        http = new Http(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** Follows next_page_token to the end; returns the pages. */
    private List<JsonNode> allPages(String path) {
        List<JsonNode> pages = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = http.get(path + (token == null ? "" : "?page-token=" + token)).json();
            pages.add(page);
            token = page.get("next_page_token").isNull() ? null : page.get("next_page_token").asText();
        } while (token != null && pages.size() < 20);
        return pages;
    }

    private static List<String> field(List<JsonNode> pages, Function<JsonNode, String> f) {
        List<String> out = new ArrayList<>();
        pages.forEach(p -> p.get("items").forEach(i -> out.add(f.apply(i))));
        return out;
    }

    @Test
    void workflowsJobsTestsArtifactsAndPipelinesPageThroughThreePages() {
        String id = http.trigger("gh/acme/wide");
        for (int i = 0; i < 4; i++) {
            http.trigger("gh/acme/wide");
        }
        clock.advance(Duration.ofSeconds(10));

        List<JsonNode> workflowPages = allPages("/pipeline/" + id + "/workflow");
        assertThat(workflowPages).hasSize(3);
        assertThat(field(workflowPages, i -> i.get("name").asText())).containsExactly("wf1", "wf2", "wf3", "wf4", "wf5");
        assertThat(workflowPages.get(2).get("next_page_token").isNull()).isTrue();

        List<JsonNode> pipelinePages = allPages("/project/gh/acme/wide/pipeline");
        assertThat(pipelinePages).hasSize(3);
        assertThat(field(pipelinePages, i -> i.get("number").asText())).containsExactly("5", "4", "3", "2", "1");

        String wf = workflowPages.get(0).get("items").get(0).get("id").asText();
        assertThat(allPages("/workflow/" + wf + "/job")).hasSize(1);
        long job = workflowPages.get(0).get("items").get(0).get("pipeline_number").asLong();
        String jobNumber = http.jobs(wf).get(0).get("job_number").asText();
        assertThat(job).isEqualTo(1);
        List<JsonNode> testPages = allPages("/project/gh/acme/wide/" + jobNumber + "/tests");
        assertThat(testPages).hasSize(3);
        assertThat(field(testPages, i -> i.get("name").asText())).containsExactly("test1", "test2", "test3", "test4", "test5");
        assertThat(allPages("/project/gh/acme/wide/" + jobNumber + "/artifacts")).hasSize(3);
    }

    @Test
    void aBranchFilterNarrowsThePipelineList() {
        http.post("/project/gh/acme/wide/pipeline", "{\"branch\":\"main\"}");
        http.post("/project/gh/acme/wide/pipeline", "{\"branch\":\"dev\"}");
        JsonNode page = http.get("/project/gh/acme/wide/pipeline?branch=dev").json();
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("vcs").get("branch").asText()).isEqualTo("dev");
    }

    @Test
    void aForeignPageTokenIs400() {
        String id = http.trigger("gh/acme/wide");
        assertThat(http.get("/pipeline/" + id + "/workflow?page-token=bogus").status()).isEqualTo(400);
    }
}
