package io.jenkins.plugins.circleci.simulator.scenario;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/** One intermediate pipeline state ({@code setup-pending}, {@code setup} or {@code pending}) and how long it lasts. */
public record PipelineStep(String state, Duration lasts) {

    static final Set<String> INTERMEDIATE = Set.of("setup-pending", "setup", "pending");

    public PipelineStep {
        Objects.requireNonNull(state, "state");
        if (!INTERMEDIATE.contains(state)) {
            throw new IllegalArgumentException("pipeline steps are " + INTERMEDIATE + "; got '" + state
                    + "' (the final state is 'created' or 'errored')");
        }
        lasts = lasts == null ? Duration.ZERO : lasts;
    }
}
