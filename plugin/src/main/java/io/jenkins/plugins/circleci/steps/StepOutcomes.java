package io.jenkins.plugins.circleci.steps;

import hudson.AbortException;
import hudson.model.Result;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.artifacts.ArtifactsView;
import io.jenkins.plugins.circleci.artifacts.CollectedArtifacts;
import io.jenkins.plugins.circleci.failure.FailureReport;
import io.jenkins.plugins.circleci.failure.FailureView;
import io.jenkins.plugins.circleci.trigger.BuildResult;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.OutcomeReason;
import io.jenkins.plugins.circleci.trigger.OutcomeView;
import io.jenkins.plugins.circleci.trigger.PipelineSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;

/** Turns how a wait ended into what a Pipeline step returns or throws, the way the {@code build} step does. */
final class StepOutcomes {
    private StepOutcomes() {}

    /**
     * The step's return value: a map the Groovy sandbox reads without script approval (String keys; String, Long,
     * List and Map values) with id, number, project, state, result (null when not waited), url and workflows
     * [{name, id, status, url}].
     */
    static Map<String, Object> toMap(Outcome outcome) {
        return OutcomeView.of(outcome, null);
    }

    /** {@link #toMap(Outcome)} and {@code failedJobs}, what failed (see core's {@link FailureView}). */
    static Map<String, Object> toMap(Outcome outcome, FailureReport failures) {
        Map<String, Object> map = new LinkedHashMap<>(toMap(outcome));
        map.put("failedJobs", FailureView.failedJobs(failures));
        return map;
    }

    /**
     * {@link #toMap(Outcome, FailureReport)} and {@code artifacts} (see core's {@link ArtifactsView}): the listed ones,
     * an empty list unless {@code artifacts: true} was asked for (null {@code artifacts} here).
     */
    static Map<String, Object> toMap(Outcome outcome, FailureReport failures, CollectedArtifacts artifacts) {
        Map<String, Object> map = toMap(outcome, failures);
        map.put("artifacts", ArtifactsView.artifacts(artifacts == null ? CollectedArtifacts.NONE : artifacts));
        map.put("triggered", outcome.pipeline() != null);
        return map;
    }

    /**
     * What {@code circleciTrigger(..., disabled: true)} returns: the same keys as a triggered pipeline's map, so that
     * {@code p.number} or {@code p.url} read null rather than fail, with {@code triggered: false} and the result
     * {@code NOT_BUILT} (what Jenkins calls a build that did not run; the step itself does not change the build's
     * result).
     */
    static Map<String, Object> disabled(StepOptions options) {
        Outcome notTriggered = new Outcome(BuildResult.NOT_BUILT, OutcomeReason.NOT_TRIGGERED, null, List.of(),
                List.of(), disabledLine(options));
        Map<String, Object> map = toMap(notTriggered, FailureReport.NONE, null);
        map.put("project", options.project());
        return map;
    }

    /** The console line of a disabled step. */
    static String disabledLine(StepOptions options) {
        return "circleciTrigger: disabled: true, so no CircleCI pipeline was triggered for " + options.describe()
                + " (the arguments were checked; nothing was sent to CircleCI).";
    }

    /**
     * The failure to raise for this outcome, or null when the step returns normally. A timeout fails the step with
     * the watcher's message (unless {@code onTimeout} made it UNSTABLE or ABORTED: then it is a result like any
     * other); with {@code propagate}, a result worse than SUCCESS fails it like {@code build} does (that result, a
     * one-line cause naming the pipeline, no stack trace). Only a pipeline not followed to its end (wait: false,
     * waitFor: created or workflows) comes without a result, and returns normally.
     */
    static Throwable failureOf(Outcome outcome, boolean propagate) {
        if (outcome.reason() == OutcomeReason.TIMED_OUT && outcome.result() == BuildResult.FAILURE) {
            String message = outcome.message();
            return new AbortException(message != null && !message.isBlank() ? message
                    : "Gave up waiting for " + describe(outcome.pipeline()) + ": the timeout passed.");
        }
        BuildResult result = outcome.result();
        // Only a pipeline not followed to its end has no result (Outcome enforces it).
        if (result == null || !propagate || result == BuildResult.SUCCESS) {
            return null;
        }
        PipelineSummary p = outcome.pipeline();
        CircleCiPipelineFailureCause cause = p == null
                ? new CircleCiPipelineFailureCause(0, "?", result.name(), null)
                : new CircleCiPipelineFailureCause(p.number(), p.projectSlug(), result.name(), p.url());
        return new FlowInterruptedException(toJenkins(result), false, cause);
    }

    private static String describe(PipelineSummary p) {
        return p == null ? "the CircleCI pipeline" : "CircleCI pipeline #" + p.number() + " (" + p.projectSlug() + ")";
    }

    /** Errors the user can act on become an AbortException (message and hint, no stack trace). */
    static Throwable userFacing(Throwable error) {
        if (error instanceof CircleCiException e) {
            return new AbortException(e.describe());
        }
        return error;
    }

    static Result toJenkins(BuildResult result) {
        return switch (result) {
            case SUCCESS -> Result.SUCCESS;
            case UNSTABLE -> Result.UNSTABLE;
            case FAILURE -> Result.FAILURE;
            case NOT_BUILT -> Result.NOT_BUILT;
            case ABORTED -> Result.ABORTED;
        };
    }
}
