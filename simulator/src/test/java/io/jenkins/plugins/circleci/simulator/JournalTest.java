package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
import io.jenkins.plugins.circleci.simulator.journal.Redaction;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The journal tells what was called, how often and with which body, and never keeps a token in clear. */
class JournalTest {

    @Test
    void recordsMethodPathQueryBodyStatusAndSimulatorTime() {
        ManualClock clock = new ManualClock();
        try (CircleCiSimulator sim = CircleCiSimulator.builder().clock(clock).webhookPollInterval(null).start()) {
            Http http = new Http(sim);
            http.post("/project/gh/acme/api/pipeline", "{\"branch\":\"main\"}");
            http.get("/project/gh/acme/api/pipeline?branch=main");

            JournalEntry trigger = sim.journal().requests("POST", "/pipeline$").get(0);
            assertThat(trigger.path()).isEqualTo("/api/v2/project/gh/acme/api/pipeline");
            assertThat(trigger.bodyText()).isEqualTo("{\"branch\":\"main\"}");
            assertThat(trigger.status()).isEqualTo(201);
            assertThat(trigger.time()).isEqualTo(clock.instant());
            assertThat(sim.journal().requests("GET", "/pipeline$").get(0).query()).isEqualTo("branch=main");
            assertThat(sim.journal().countsByRoute())
                    .containsEntry("POST /project/{project-slug}/pipeline", 1L)
                    .containsEntry("GET /project/{project-slug}/pipeline", 1L);
        }
    }

    @Test
    void tokensAreStoredRedacted() {
        try (CircleCiSimulator sim = CircleCiSimulator.builder().webhookPollInterval(null).start()) {
            Http http = new Http(sim);
            http.send("GET", "/me", null, Map.of("Circle-Token", "s3cr3t-token"));
            http.send("GET", "/me", null, Map.of("Authorization", "Bearer s3cr3t-token"));
            http.send("GET", "/me?circle-token=s3cr3t-token", null, Map.of());

            for (JournalEntry e : sim.journal().entries()) {
                assertThat(e.toString() + e.headers() + e.query()).doesNotContain("s3cr3t-token");
            }
            assertThat(sim.journal().entries().get(0).header("Circle-Token")).isEqualTo(Redaction.of("s3cr3t-token"));
            assertThat(sim.journal().entries().get(1).header("authorization"))
                    .isEqualTo(Redaction.of("Bearer s3cr3t-token"));
            assertThat(sim.journal().entries().get(2).query()).isEqualTo("circle-token=" + Redaction.of("s3cr3t-token"));
        }
    }

    @Test
    void aCappedOrDisabledJournalStillCountsExactly() {
        try (CircleCiSimulator sim = CircleCiSimulator.builder().journalCapacity(2).webhookPollInterval(null).start();
             CircleCiSimulator off = CircleCiSimulator.builder().journalCapacity(0).webhookPollInterval(null).start()) {
            Http http = new Http(sim);
            Http quiet = new Http(off);
            for (int i = 0; i < 5; i++) {
                http.get("/me");
                quiet.get("/me");
            }
            assertThat(sim.journal().entries()).hasSize(2);
            assertThat(sim.journal().count("GET", "^/me$")).isEqualTo(5);
            assertThat(off.journal().entries()).isEmpty();
            assertThat(off.journal().count("*", "/me")).isEqualTo(5);
            assertThat(off.journal().total()).isEqualTo(5);
        }
    }

    @Test
    void countsRequestsPerPipeline() {
        try (CircleCiSimulator sim = CircleCiSimulator.builder().clock(new ManualClock()).webhookPollInterval(null)
                .start()) {
            Http http = new Http(sim);
            String a = http.trigger("gh/acme/api");
            String b = http.trigger("gh/acme/api");
            http.get("/pipeline/" + a);
            http.get("/pipeline/" + a + "/workflow");
            assertThat(sim.requestCount(a)).isEqualTo(3);
            assertThat(sim.requestCount(b)).isEqualTo(1);
            assertThat(sim.requestCount("unknown")).isZero();
        }
    }
}
