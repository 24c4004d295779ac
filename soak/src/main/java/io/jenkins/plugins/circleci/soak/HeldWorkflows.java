package io.jenkins.plugins.circleci.soak;

import io.jenkins.plugins.circleci.simulator.scenario.ProjectScenario;
import io.jenkins.plugins.circleci.simulator.scenario.WorkflowSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Pipelines with approval gates: {@code build} (one job, which sometimes fails), {@code deploy} (package, then the
 * gate {@value #GATE}, then ship) and optionally {@code docs} (render, then the gate {@value #SECOND_GATE}, then
 * publish). Each gate waits from the moment the job before it ends, which the soak needs to know to judge hold
 * timeouts: {@link WaitPlan#holds()}.
 */
final class HeldWorkflows {
    static final String GATE = "hold";
    static final String SECOND_GATE = "publish-gate";
    /** Held workflow name → its gate. */
    static final Map<String, String> GATES = Map.of("deploy", GATE, "docs", SECOND_GATE);

    /** Seconds between two bounds at the soak's pace. */
    interface Lengths {
        Duration seconds(int min, int max);
    }

    private HeldWorkflows() {}

    /** Adds the workflows; returns the held workflows with how long after its creation each gate begins to wait. */
    static Map<String, Duration> add(ProjectScenario.Builder p, Lengths lengths, Random random, boolean second,
            boolean buildFails) {
        Map<String, Duration> holds = new LinkedHashMap<>();
        p.workflow(new WorkflowSpec.Builder("build").job("compile", lengths.seconds(3, 300),
                buildFails ? "failed" : "success").build());
        Duration packaging = lengths.seconds(5, 120);
        p.workflow(new WorkflowSpec.Builder("deploy").job("package", packaging).approval(GATE)
                .job("ship", lengths.seconds(5, 120), random.nextInt(4) == 0 ? "failed" : "success").build());
        holds.put("deploy", packaging);
        if (second) {
            Duration rendering = lengths.seconds(5, 200);
            p.workflow(new WorkflowSpec.Builder("docs").job("render", rendering).approval(SECOND_GATE)
                    .job("publish", lengths.seconds(5, 60)).build());
            holds.put("docs", rendering);
        }
        return holds;
    }
}
