package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.artifacts.ArtifactLister;
import io.jenkins.plugins.circleci.artifacts.ArtifactsText;
import io.jenkins.plugins.circleci.artifacts.CollectedArtifacts;
import io.jenkins.plugins.circleci.failure.FailureLimits;
import io.jenkins.plugins.circleci.failure.FailureReport;
import io.jenkins.plugins.circleci.failure.FailureReportText;
import io.jenkins.plugins.circleci.failure.FailureReporter;
import io.jenkins.plugins.circleci.preflight.ParameterPreflight;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.OutcomeReason;
import io.jenkins.plugins.circleci.trigger.PipelineSummary;
import io.jenkins.plugins.circleci.trigger.PipelineTrigger;
import io.jenkins.plugins.circleci.trigger.PipelineWatcher;
import io.jenkins.plugins.circleci.trigger.TriggeredPipeline;
import io.jenkins.plugins.circleci.trigger.WatchHandle;
import io.jenkins.plugins.circleci.trigger.WatchOptions;
import io.jenkins.plugins.circleci.trigger.WatchState;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToIntFunction;

/**
 * One trigger and/or wait, from the request to the exit code: progress to stderr, the result (JSON or one line) to
 * stdout. All decisions about the pipeline are core's; this class only wires them to the terminal.
 */
final class PipelineSession {
    private final CliContext context;
    private final CircleCiClients clients;
    private final ProgressPrinter progress;
    private final boolean json;
    private FailureLimits failureLimits = FailureLimits.defaults();
    private boolean listArtifacts;
    private boolean validateParameters;

    PipelineSession(CliContext context, CircleCiClients clients, boolean json) {
        this.context = context;
        this.clients = clients;
        this.progress = new ProgressPrinter(context.err(), context.unicode());
        this.json = json;
    }

    /** How much to read, once the outcome is known, to say why the pipeline failed. */
    PipelineSession reporting(FailureLimits limits) {
        this.failureLimits = limits;
        return this;
    }

    /** Whether to list the counted jobs' artifacts once the wait ends. */
    PipelineSession listingArtifacts(boolean list) {
        this.listArtifacts = list;
        return this;
    }

    /** Whether to check the parameters against the branch's config before the trigger (see ParameterPreflight). */
    PipelineSession validatingParameters(boolean validate) {
        this.validateParameters = validate;
        return this;
    }

    /**
     * Triggers the pipeline, then waits for it unless {@code wait} is false. Interrupts are heard from before the
     * trigger: one that comes while it is in flight lets it finish, then aborts the wait at once (canceling the
     * workflows unless told not to), even with {@code --no-wait}, since the pipeline would otherwise run on unattended.
     */
    int run(TriggerRequest request, WatchOptions options, boolean wait) {
        if (validateParameters) {
            // Before the interrupt handling: an interrupt now ends the process, and nothing has been triggered.
            try {
                ParameterPreflight.check(clients.forTrigger(), request).line().ifPresent(progress::line);
            } catch (CircleCiException e) {
                return fail(e, null);
            }
        }
        return underInterrupts(options, abort -> {
            String project = request.project().value();
            TriggeredPipeline triggered;
            try {
                triggered = PipelineTrigger.trigger(clients.forTrigger(), request, progress);
            } catch (CircleCiException e) {
                return fail(e, null);
            }
            if (!triggered.triggered()) {
                return report(triggered.notTriggeredOutcome().orElseThrow(), project);
            }
            if (!wait && abort.decideNotToWait()) {
                return report(triggered.notWaitedOutcome(), project);
            }
            PipelineSummary pipeline = triggered.pipeline();
            return await(WatchState.forTriggered(pipeline, context.clock().instant(), options), options, pipeline,
                    project, abort);
        });
    }

    /** Waits for a pipeline known only by its id. */
    int waitFor(String pipelineId, WatchOptions options) {
        return underInterrupts(options, abort -> await(WatchState.forPipelineId(pipelineId,
                context.clock().instant(), options), options, null, null, abort));
    }

    /** Runs {@code body} while an interrupt aborts it; the interrupt ends the process with the code it returns. */
    private int underInterrupts(WatchOptions options, ToIntFunction<AbortOnInterrupt> body) {
        AbortOnInterrupt abort = new AbortOnInterrupt(progress, options);
        try (Interrupts.Registration registration = context.interrupts().register(abort::onInterrupt)) {
            int code = ExitCodes.FAILURE;
            try {
                code = body.applyAsInt(abort);
            } finally {
                abort.finished(code);
            }
            return code;
        }
    }

    /**
     * @param triggered the pipeline this run created, or null when waiting for one given by id
     * @param project   the slug asked for, or null when unknown
     */
    private int await(WatchState state, WatchOptions options, PipelineSummary triggered, String project,
            AbortOnInterrupt abort) {
        try (PipelineWatcher watcher = PipelineWatcher.withOwnScheduler()) {
            WatchHandle handle = watcher.watch(clients.forWatch(), state, options, progress);
            abort.watching(handle);
            try {
                return report(handle.outcome().join(), project);
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof CircleCiException error)) {
                    throw e;
                }
                return fail(error, triggered);
            } finally {
                awaitCancellations(handle, options);
            }
        }
    }

    /**
     * After an abort or a timeout core keeps canceling the workflows that start late (a pipeline still being set up,
     * a continuation, an automatic rerun); the process must not exit, nor close the watcher, before that is done.
     */
    private void awaitCancellations(WatchHandle handle, WatchOptions options) {
        CompletableFuture<Void> done = handle.cancellationsDone();
        if (!done.isDone()) {
            progress.line("Making sure no workflow of the pipeline starts uncanceled (at most "
                    + options.abortSweep().toSeconds() + "s).");
        }
        Duration bound = AbortOnInterrupt.bound(options);
        try {
            done.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | CancellationException e) {
            progress.line("WARNING: canceling did not finish within " + bound.toSeconds()
                    + "s; check the pipeline's workflows in CircleCI.");
        }
    }

    private int report(Outcome outcome, String project) {
        if (outcome.reason() == OutcomeReason.ERRORED && !progress.printedPipelineErrors()) {
            outcome.errors().forEach(error -> progress.line("CircleCI pipeline error: " + error));
        }
        // Read after the outcome and never able to change it: what cannot be read is a warning line.
        FailureReport failures = new FailureReporter(clients.forWatch(), context.clock())
                .report(outcome, failureLimits);
        FailureReportText.lines(failures, url -> url).forEach(progress::line);
        CollectedArtifacts artifacts = CollectedArtifacts.NONE;
        if (listArtifacts && outcome.pipeline() != null && outcome.reason() != OutcomeReason.NOT_WAITED) {
            artifacts = new ArtifactLister(clients.forWatch(), context.clock()).list(outcome);
            ArtifactsText.lines(artifacts, url -> url).forEach(progress::line);
        }
        context.out().println(json ? OutcomeJson.render(outcome, project, failures, artifacts)
                : OutcomeSummary.line(outcome));
        context.out().flush();
        if (context.out().checkError()) {
            // The exit code still says how the pipeline ended; a script reading stdout must not take the missing
            // result for an empty one unwarned.
            progress.line("WARNING: could not write the result to stdout (a closed pipe or a full disk?); the exit "
                    + "code still says how the pipeline ended.");
        }
        return ExitCodes.of(outcome);
    }

    /**
     * Prints an error and its hint to stderr. Stdout stays empty: there is no outcome to show.
     *
     * @param triggered the pipeline this run created, if it got that far
     */
    private int fail(CircleCiException error, PipelineSummary triggered) {
        progress.error(error);
        if (triggered != null) {
            progress.line("CircleCI pipeline #" + triggered.number() + " may still be running: " + triggered.url()
                    + " (wait for it again with: circleci-trigger wait --pipeline-id " + triggered.id() + ")");
        }
        return ExitCodes.of(error, triggered != null);
    }
}
