package io.jenkins.plugins.circleci.simulator;

import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import java.util.List;

/** A simulator with one project ({@code gh/acme/api}: branches main and release/1.x), for the tolerance tests. */
final class SimulatorFixture {

    static final String SLUG = "gh/acme/api";

    private SimulatorFixture() {
    }

    static CircleCiSimulator start(ManualClock clock) {
        return CircleCiSimulator.builder().clock(clock).webhookPollInterval(null)
                .scenario(Scenario.builder()
                        .project(SLUG, p -> p.branches("main", "release/1.x")
                                .workflow("build", w -> w.job("test", Duration.ofSeconds(5))))
                        .build())
                .start();
    }

    /** The branch the simulator built for a pipeline, as {@code GET /pipeline/{id}} shows it. */
    static String branchOf(CircleCiSimulator sim, String pipelineId) {
        return new Http(sim).get("/pipeline/" + pipelineId).json().path("vcs").path("branch").asText();
    }

    /** The journal's only entry; fails when there is not exactly one. */
    static JournalEntry onlyEntry(CircleCiSimulator sim) {
        List<JournalEntry> entries = sim.journal().entries();
        if (entries.size() != 1) {
            throw new AssertionError("expected one journal entry, got " + entries);
        }
        return entries.get(0);
    }
}
