package io.jenkins.plugins.circleci.bench.harness;

import java.time.Instant;

/**
 * How one wait ended.
 *
 * @param pipelineId the pipeline waited for
 * @param detectedAt when the waiter returned, on the run's clock
 * @param correct    whether the waiter reported what the simulator was scripted to do
 * @param detail     the outcome as text, or the failure
 */
public record WaitResult(String pipelineId, Instant detectedAt, boolean correct, String detail) {}
