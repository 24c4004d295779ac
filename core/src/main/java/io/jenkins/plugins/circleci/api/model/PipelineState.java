package io.jenkins.plugins.circleci.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code Pipeline.state}: setup-pending → setup → pending → created | errored. Only {@code created} and
 * {@code errored} are final, and {@code created} says nothing about whether workflows finished.
 */
public final class PipelineState extends StatusValue {
    public static final PipelineState CREATED = new PipelineState("created");
    public static final PipelineState ERRORED = new PipelineState("errored");
    public static final PipelineState SETUP_PENDING = new PipelineState("setup-pending");
    public static final PipelineState SETUP = new PipelineState("setup");
    public static final PipelineState PENDING = new PipelineState("pending");

    private PipelineState(String value) {
        super(value);
    }

    @JsonCreator
    public static PipelineState of(String value) {
        return new PipelineState(value);
    }

    @JsonValue
    String json() {
        return value();
    }

    public boolean isFinal() {
        return equals(CREATED) || equals(ERRORED);
    }
}
