package io.jenkins.plugins.circleci.simulator.model;

import java.time.Instant;
import java.util.List;

/** A pipeline as seen at one instant: its state, when it last changed, and its visible workflows. */
public record PipelineView(SimPipeline pipeline, String state, Instant updatedAt, List<WorkflowView> workflows) {
}
