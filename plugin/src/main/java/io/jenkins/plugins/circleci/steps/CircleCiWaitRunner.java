package io.jenkins.plugins.circleci.steps;

import hudson.model.Result;
import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.api.WebUrls;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.preflight.ParameterPreflight;
import io.jenkins.plugins.circleci.tracing.TraceContext;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.OutcomeReason;
import io.jenkins.plugins.circleci.trigger.PipelineSummary;
import io.jenkins.plugins.circleci.trigger.PipelineTrigger;
import io.jenkins.plugins.circleci.trigger.PipelineWatcher;
import io.jenkins.plugins.circleci.trigger.ProgressEvent;
import io.jenkins.plugins.circleci.trigger.ProgressListener;
import io.jenkins.plugins.circleci.trigger.TriggeredPipeline;
import io.jenkins.plugins.circleci.trigger.WatchHandle;
import io.jenkins.plugins.circleci.trigger.WatchOptions;
import io.jenkins.plugins.circleci.trigger.WatchState;
import java.io.PrintStream;
import java.io.Serializable;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;

/**
 * Sequences one step without Jenkins in sight: trigger the pipeline (circleciTrigger) unless it is known already
 * (circleciWait), then follow it with the shared {@link PipelineWatcher} until its outcome, aborting it on request.
 * No thread waits: the blocking trigger runs once on the shell's {@link Shell#blocking() blocking executor}; the
 * watcher polls on its scheduler with a client that never retries in place, so no poll sleeps on a shared thread.
 *
 * <p>Serializable so that a restarted controller resumes where it stopped: it keeps the pipeline and the latest
 * {@link WatchState}, never the token (the shell looks the credentials up again for every client it builds).
 */
final class CircleCiWaitRunner implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CircleCiWaitRunner.class.getName());

    /**
     * How long an abort may wait (for the start to reach the watcher, then for the watcher to confirm) before the
     * step fails anyway.
     */
    static final Duration ABORT_GRACE = Duration.ofMinutes(1);

    /**
     * How often a running step checks that its build still runs: Jenkins' "forcibly terminate" and "kill" end the step
     * without stopping it, and the wait must not go on polling (and leave the pipeline running) for hours after.
     */
    static final Duration BUILD_CHECK_INTERVAL = Duration.ofMinutes(1);

    /** What the runner needs from its Jenkins (or test) shell. Calls may come from any thread. */
    interface Shell {
        /**
         * Short timers that must fire on time (the abort's grace period, the build check): never the watcher's
         * scheduler, whose threads a slow CircleCI can hold. Tasks scheduled here do no I/O.
         */
        ScheduledExecutorService timer();

        /**
         * How often to check {@link #buildEnded()}; zero for never, for a shell whose builds cannot end without their
         * steps (the soak's, whose virtual time must go idle once every wait is over).
         */
        Duration buildCheckInterval();

        /**
         * Whether the build has ended while this step still runs here (Jenkins ended the step without stopping it).
         * Quick and never blocking: called on the {@link #timer()}.
         */
        boolean buildEnded();

        /** Work that may block for long: the trigger, credential lookups. */
        ExecutorService blocking();

        /** How long an abort waits for the start and the watcher before the step fails anyway. */
        Duration abortGrace();

        PipelineWatcher watcher();

        Clock clock();

        /** A client for the server, with the credentials looked up now (blocking; never on the CPS thread). */
        CircleCiClient client(String serverUrl) throws Exception;

        PrintStream log();

        /** The text with a link to the URL, as the console shows it. */
        String link(String url, String text);

        /** The runner's saved state changed: persist it. */
        void stateChanged();

        /** The step ends with the outcome; {@code details} are what was read about it afterwards. */
        void finished(Outcome outcome, OutcomeDetails details);

        void failed(Throwable error);
    }

    private final StepOptions options;
    private final String serverUrl;
    /**
     * The credentials id as resolved at the start (the global default when the step names none), so that a wait
     * resumed after a restart uses the same token even if the default changed meanwhile. An id, never a secret; null
     * in steps saved before it was kept (they resolve it again on resume).
     */
    private final String credentialsId;
    private final WatchOptions watchOptions;
    /** The build's trace, joined by every request to CircleCI; null without one (and in steps saved before it). */
    private final TraceContext trace;
    private volatile PipelineSummary pipeline;
    private volatile WatchState state;
    /** An abort was asked for: saved, so that a restart before CircleCI heard of it aborts again on resume. */
    private volatile boolean abortRequested;

    private transient volatile Shell shell;
    private transient WatchHandle handle;
    /** From start (or resume) until the wait is handed to the watcher; an abort meanwhile waits for it. */
    private transient boolean starting;
    private transient boolean triggering;
    private transient boolean completed;
    /**
     * The outcome, once the watcher has it: the wait is over and only the report about it (what failed, test results)
     * is still being read. An abort from then on has nothing left to cancel.
     */
    private transient Outcome ended;
    private transient volatile Throwable stopCause;
    /** The periodic {@link Shell#buildEnded()} check; cancelled once the step has ended. */
    private transient ScheduledFuture<?> buildCheck;

    CircleCiWaitRunner(StepOptions options, String serverUrl, String credentialsId, WatchOptions watchOptions) {
        this(options, serverUrl, credentialsId, watchOptions, null);
    }

    /**
     * @param credentialsId the credentials id resolved now, kept for a resume after a restart
     * @param trace the build's trace context, or null: every request to CircleCI's API then carries it
     */
    CircleCiWaitRunner(StepOptions options, String serverUrl, String credentialsId, WatchOptions watchOptions,
            TraceContext trace) {
        this.options = options;
        this.serverUrl = serverUrl;
        this.credentialsId = credentialsId;
        this.watchOptions = watchOptions;
        this.trace = trace;
    }

    /** The credentials id resolved at the start; null in a step saved before it was kept. */
    String credentialsId() {
        return credentialsId;
    }

    /** The shell's client for the server, joining the build's trace when there is one. */
    private CircleCiClient client() throws Exception {
        CircleCiClient client = shell.client(serverUrl);
        return trace == null ? client : client.withTraceContext(trace);
    }

    StepOptions options() {
        return options;
    }

    /** The pipeline once triggered (or, for circleciWait, once learned from the saved state); null before. */
    PipelineSummary pipeline() {
        return pipeline;
    }

    WatchState state() {
        return state;
    }

    /**
     * While the trigger request may be on its way and no pipeline is saved yet: a restart now would leave the step not
     * knowing whether CircleCI created a pipeline, so Jenkins' safe restart waits for it (bounded by the request's
     * timeouts).
     */
    synchronized boolean blocksRestart() {
        return triggering && !completed;
    }

    /** Whether the watcher already has the outcome (tests: the moment before {@link #finishWithDetails} takes it). */
    synchronized boolean watcherDone() {
        return handle != null && handle.outcome().isDone();
    }

    /** Starts: the trigger (or the first look) runs on the shell's blocking executor; returns at once. */
    void start(Shell shell) {
        synchronized (this) {
            this.shell = shell;
            if (!options.triggers()) {
                state = WatchState.forPipelineId(options.pipelineId(), shell.clock().instant(), watchOptions);
            }
            starting = true;
        }
        checkTheBuild();
        shell.blocking().execute(this::triggerThenWatch);
    }

    /** Resumes after a restart from the saved pipeline and state. */
    void resume(Shell shell) {
        Throwable stop;
        boolean notWaitedDone;
        synchronized (this) {
            this.shell = shell;
            // Aborted before the restart (the cause itself is not saved): the abort still has to reach CircleCI.
            stop = abortRequested ? abortedLocked() : stopCause;
            // A pipeline triggered without waiting is done (decided with the abort locked out: a later abort finds
            // the step done), unless an abort is pending: that one still cancels it.
            notWaitedDone = state != null && !options.waitForCompletion() && completeUnlessStopped();
            starting = state != null && !notWaitedDone;
        }
        if (state == null) {
            failUnknownTrigger(stop);
            return;
        }
        if (notWaitedDone) {
            deliver(this::notWaited, OutcomeDetails.NONE);
            return;
        }
        checkTheBuild();
        if (stop != null) {
            shell.log().println("The build was aborted around a Jenkins restart: aborting " + describePipeline());
            failAfterGrace(stop);
        }
        shell.blocking().execute(() -> {
            try {
                shell.log().println("Resuming the wait for " + describePipeline() + " after a Jenkins restart");
                watch(client());
            } catch (Throwable e) {
                fail(e);
            }
        });
    }

    /** A restart came while the trigger was in flight: whether CircleCI created a pipeline is not known. */
    private void failUnknownTrigger(Throwable stop) {
        String link;
        try {
            link = shell.link(projectPipelinesUrl(), "the project's pipelines");
        } catch (RuntimeException | LinkageError e) {
            // Only the link is lost: the step must still end.
            link = "the project's pipelines in CircleCI";
        }
        CircleCiException unknown = new CircleCiException("Jenkins restarted while the CircleCI pipeline of "
                + options.describe() + " was being triggered, so it is not known whether CircleCI created it.",
                "Look at the project's pipelines in CircleCI before you run this build again.", null);
        if (stop != null) {
            // The step fails with the abort's cause, which says nothing of the pipeline that may be running.
            shell.log().println("The build was aborted around a Jenkins restart that came while the CircleCI "
                    + "pipeline of " + options.describe() + " was being triggered: it is not known whether CircleCI "
                    + "created it, so nothing was canceled. Look at the project's pipelines: " + link);
        }
        fail(unknown);
    }

    private String projectPipelinesUrl() {
        return WebUrls.forServer(URI.create(serverUrl)).project(options.toTriggerRequest().project());
    }

    /**
     * Stops the step: aborts the wait (which cancels the running workflows when cancelOnAbort is set), says so, and
     * then fails with {@code cause}. Once the wait is over and only its report is being read, there is nothing to
     * cancel: it says that instead and fails at once.
     */
    void abort(Throwable cause) {
        WatchHandle toAbort;
        Shell current;
        boolean waitForStart;
        Outcome alreadyEnded;
        synchronized (this) {
            if (completed || stopCause != null) {
                return;
            }
            stopCause = cause;
            abortRequested = true;
            current = shell;
            if (current == null) {
                // Stopped after a restart but before onResume: resume() aborts once it has a shell.
                return;
            }
            alreadyEnded = ended;
            toAbort = handle;
            if (alreadyEnded == null && toAbort != null && toAbort.outcome().isDone()) {
                // The watcher has just ended and is handing its outcome over: there is nothing left to cancel.
                alreadyEnded = toAbort.outcome().isCompletedExceptionally() ? null : toAbort.outcome().join();
                if (alreadyEnded == null) {
                    toAbort = null; // it failed (or stopped): that ending fails the step, with this abort's cause
                }
            }
            waitForStart = toAbort == null && starting;
            if (waitForStart) {
                // The start has not reached the watcher yet; triggerThenWatch() or watch() aborts once it does.
                current.log().println(startingAbortLine());
            }
        }
        current.stateChanged();
        if (alreadyEnded != null) {
            // The watcher is done (aborting it would do nothing): say so, and end now rather than after the report.
            current.log().println(endedAbortLine(alreadyEnded));
            fail(cause);
        } else if (toAbort != null) {
            abortWatch(toAbort);
        } else if (waitForStart) {
            failAfterGrace(cause); // should the start be stuck (a full queue, a hung lookup), fail anyway
        } else {
            fail(cause);
        }
    }

    private String startingAbortLine() {
        String fate = options.cancelOnAbort() ? "canceled" : "left running";
        if (triggering) {
            return "Aborting: the CircleCI pipeline is being triggered; it will be " + fate + " once created.";
        }
        if (options.triggers() && pipeline == null) {
            return "Aborting: the CircleCI pipeline for " + options.describe() + " has not been triggered yet, "
                    + "and will not be.";
        }
        return "Aborting: the wait for " + describePipeline() + " is starting; the pipeline will be " + fate
                + " once it is reached.";
    }

    /**
     * What an abort does once the wait is over and its report is being read: it cancels nothing (the watcher has
     * ended), and the step ends without the report.
     */
    private String endedAbortLine(Outcome outcome) {
        OutcomeReason reason = outcome.reason();
        if (outcome.result() != null && (reason == OutcomeReason.COMPLETED || reason == OutcomeReason.ERRORED
                || reason == OutcomeReason.NO_WORKFLOWS)) {
            return "Aborting: " + describePipeline() + " had already ended (" + outcome.result()
                    + "), so nothing was canceled; its report was cut short.";
        }
        // Timed out, on hold, or followed only until created: the pipeline may still be running, as the step left it.
        return "Aborting: the wait for " + describePipeline() + " had already ended ("
                + reason.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "), so nothing was canceled and the "
                + "pipeline is left as it is in CircleCI; its report was cut short.";
    }

    private void triggerThenWatch() {
        try {
            CircleCiClient client = client();
            if (options.triggers()) {
                TriggerRequest request = options.toTriggerRequest(trace);
                if (options.validateParameters()) {
                    // Before the trigger is marked in flight: an abort meanwhile stops it from being sent at all.
                    ParameterPreflight.check(client, request).line().ifPresent(shell.log()::println);
                }
                Throwable stop;
                synchronized (this) {
                    stop = stopCause;
                    if (stop == null) {
                        triggering = true;
                    } else {
                        starting = false;
                    }
                }
                if (stop != null) {
                    shell.log().println("The build was aborted before the CircleCI pipeline for "
                            + options.describe() + " was triggered: it was NOT triggered.");
                    fail(stop);
                    return;
                }
                shell.log().println("Triggering a CircleCI pipeline for " + options.describe());
                TriggeredPipeline triggered = PipelineTrigger.trigger(client, request, new ConsoleProgress());
                if (!triggered.triggered()) {
                    boolean done;
                    synchronized (this) {
                        triggering = false;
                        starting = false;
                        done = completeUnlessStopped();
                    }
                    endWith(done, () -> triggered.notTriggeredOutcome().orElseThrow());
                    return;
                }
                synchronized (this) {
                    pipeline = triggered.pipeline();
                    state = WatchState.forTriggered(pipeline, shell.clock().instant(), watchOptions);
                    triggering = false;
                }
                shell.stateChanged();
                boolean done;
                synchronized (this) {
                    // Decided under the lock: an abort from now on either finds the step done or is carried out.
                    done = !options.waitForCompletion() && completeUnlessStopped();
                    if (done) {
                        starting = false;
                    }
                }
                if (done) {
                    deliver(triggered::notWaitedOutcome, OutcomeDetails.NONE);
                    return;
                }
            }
            watch(client);
        } catch (Throwable e) {
            synchronized (this) {
                triggering = false;
                starting = false;
            }
            fail(e);
        }
    }

    private void watch(CircleCiClient client) {
        WatchHandle started = null;
        boolean abortNow;
        boolean abortedStepEnded;
        // The watcher reschedules a failed poll itself; a client that retried would sleep on its scheduler.
        CircleCiClient watching = client.withRetryPolicy(RetryPolicy.none());
        synchronized (this) {
            starting = false;
            abortedStepEnded = completed && stopCause != null;
            abortNow = stopCause != null;
            if (!completed || (abortedStepEnded && options.cancelOnAbort())) {
                started = shell.watcher().watch(watching, state, watchOptions, new ConsoleProgress());
                handle = started;
            }
        }
        if (started == null) {
            if (abortedStepEnded) {
                logAbortAfterStepEnded("it keeps running in CircleCI (cancelOnAbort: false)");
            }
            return;
        }
        if (abortedStepEnded) {
            // The abort's grace ran out (a slow trigger, a full queue) and failed the step before the pipeline was
            // known; the abort still has to reach CircleCI. The watcher's sweep cancels it in the background.
            logAbortAfterStepEnded("canceling its running workflows");
            started.abort("Jenkins build aborted");
            return;
        }
        started.outcome().whenComplete((outcome, error) -> {
            if (error == null) {
                finishWithDetails(watching, outcome);
            } else if (!isShutdown(error)) {
                fail(unwrap(error));
            }
            // else: the controller is going down and took the scheduler with it. The saved state resumes the wait
            // after the restart (onResume); failing the step now would end a build that is merely paused.
        });
        if (abortNow) {
            abortWatch(started);
        }
    }

    /**
     * Says what becomes of a pipeline that became known only after its aborted step had ended: on the console, should
     * the build's log still be open, and in the controller's log, since it may not be.
     */
    private void logAbortAfterStepEnded(String fate) {
        String line = "The build was aborted and its step has already ended, but " + describePipeline()
                + " exists now: " + fate + ".";
        shell.log().println(line);
        PipelineSummary p = pipeline;
        LOG.log(Level.INFO, "{0} ({1})", new Object[] {line, p != null ? p.url() : state.pipelineId()});
    }

    private void abortWatch(WatchHandle toAbort) {
        shell.log().println(options.cancelOnAbort()
                ? "Aborting: canceling the running workflows of " + describePipeline()
                : "Aborting: leaving " + describePipeline() + " running in CircleCI (cancelOnAbort: false)");
        toAbort.abort("Jenkins build aborted");
        // The step fails once the watcher confirms; should it never do so, fail anyway after a grace period.
        failAfterGrace(stopCause);
    }

    /**
     * Fails the step with {@code cause} after the grace period, unless it has ended by then. On the shell's timer, not
     * the watcher's scheduler: the abort the grace guards may be the very task stuck behind a slow CircleCI there.
     */
    private void failAfterGrace(Throwable cause) {
        try {
            shell.timer().schedule(() -> fail(cause), shell.abortGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            fail(cause); // no timer left to wait with
        }
    }

    /**
     * Checks every {@link Shell#buildCheckInterval()} that the build still runs, until the step ends. Jenkins'
     * "forcibly terminate" (and "kill") end the step without calling {@link #abort}: without this, the wait would
     * poll on until the pipeline ends or the deadline passes, and never cancel it.
     */
    private void checkTheBuild() {
        Duration interval = shell.buildCheckInterval();
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        long every = Math.max(1, interval.toMillis());
        try {
            ScheduledFuture<?> check = shell.timer().scheduleWithFixedDelay(this::checkTheBuildOnce, every, every,
                    TimeUnit.MILLISECONDS);
            synchronized (this) {
                buildCheck = check;
                if (completed) {
                    check.cancel(false);
                }
            }
        } catch (RejectedExecutionException e) {
            // The controller is going down: the step resumes (and checks again) after the restart.
        }
    }

    private void checkTheBuildOnce() {
        try {
            synchronized (this) {
                if (completed) {
                    stopCheckingTheBuild();
                    return;
                }
            }
            if (shell.buildEnded()) {
                endedWithoutStop();
            }
        } catch (RuntimeException | LinkageError e) {
            // A check that fails says nothing about the build; the next one looks again (and a periodic task that
            // threw would never run again).
            LOG.log(Level.FINE, "Could not check whether the build of " + describePipeline() + " still runs", e);
        }
    }

    /** Under the lock: the stop's cause, an abort without a cause of its own when none is known (yet). */
    private Throwable abortedLocked() {
        if (stopCause == null) {
            stopCause = new FlowInterruptedException(Result.ABORTED, true);
        }
        return stopCause;
    }

    /** Under the lock. */
    private void stopCheckingTheBuild() {
        if (buildCheck != null) {
            buildCheck.cancel(false);
        }
    }

    /**
     * The build has ended but nobody stopped this step: Jenkins ended it (forcibly terminated) without calling
     * {@link #abort}. Nobody waits for the outcome any more; treat it as an abort whose step has already ended: stop
     * the wait, and cancel the running workflows unless cancelOnAbort is off.
     */
    private void endedWithoutStop() {
        WatchHandle toAbort;
        synchronized (this) {
            if (!markCompleted()) {
                return;
            }
            stopCheckingTheBuild();
            abortRequested = true;
            abortedLocked();
            toAbort = handle;
        }
        String fate = options.cancelOnAbort() ? "canceling its running workflows"
                : "leaving it running in CircleCI (cancelOnAbort: false)";
        String line = "The build ended while this step was still waiting for " + describePipeline()
                + " (forcibly terminated): stopping the wait and " + fate + ".";
        shell.log().println(line);
        LOG.log(Level.INFO, line);
        if (toAbort != null) {
            toAbort.abort("Jenkins build terminated");
        }
        // Else the start has not reached the watcher yet: watch() finds the step ended and aborted, and cancels the
        // pipeline (or leaves it running) once it is known.
    }

    private Outcome notWaited() {
        return new TriggeredPipeline(pipeline, null).notWaitedOutcome();
    }

    private String describePipeline() {
        PipelineSummary p = pipeline;
        if (p != null) {
            return "CircleCI pipeline #" + p.number() + " (" + p.projectSlug() + ")";
        }
        WatchState s = state;
        if (s != null && s.pipelineNumber() > 0) {
            return "CircleCI pipeline #" + s.pipelineNumber() + " (" + s.projectSlug() + ")";
        }
        return "CircleCI pipeline " + (s != null ? s.pipelineId() : options.describe());
    }

    /**
     * Reads what failed (and, with {@code junit: true}, the test results) on the blocking executor, never on the
     * watcher's scheduler, then completes. An abort meanwhile still wins: it fails the step at once, without the
     * report (see {@link #abort}), and a report still waiting for a thread is then not read at all.
     */
    private void finishWithDetails(CircleCiClient client, Outcome outcome) {
        boolean stopped;
        synchronized (this) {
            ended = outcome;
            stopped = stopCause != null;
        }
        if (stopped) {
            // Aborted: the step fails with the abort's cause, so a report would go unread; reading it (many requests,
            // maybe against a slow CircleCI) would only delay the end of an aborted build.
            finish(outcome, OutcomeDetails.NONE);
            return;
        }
        try {
            shell.blocking().execute(() -> {
                boolean abortedMeanwhile;
                synchronized (this) {
                    if (completed) {
                        return; // aborted while this waited for a thread: nobody will see the report
                    }
                    abortedMeanwhile = stopCause != null;
                }
                OutcomeDetails details = OutcomeDetails.NONE;
                try {
                    if (!abortedMeanwhile) {
                        // Wall-clock time bounds this work, whatever clock the wait runs on.
                        details = OutcomeDetails.read(client, Clock.systemUTC(), outcome, options);
                    }
                } finally {
                    // Whatever happened while reading, the step ends with its outcome.
                    finish(outcome, details);
                }
            });
        } catch (RejectedExecutionException e) {
            finish(outcome, OutcomeDetails.NONE);
        }
    }

    /** Completes with the outcome; once a stop was requested, the step fails with the stop's cause instead. */
    private void finish(Outcome outcome, OutcomeDetails details) {
        if (markCompleted()) {
            Throwable stop = stopCause;
            if (stop != null) {
                shell.failed(stop);
            } else {
                deliver(() -> outcome, details);
            }
        }
    }

    /**
     * Hands the outcome to the shell once the end is claimed ({@link #markCompleted} or
     * {@link #completeUnlessStopped}). Whatever goes wrong there, the step ends: once claimed, no later call (an abort,
     * its grace) would complete it, and a step that never completes hangs its build, deaf to Abort.
     */
    private void deliver(Supplier<Outcome> outcome, OutcomeDetails details) {
        try {
            shell.finished(outcome.get(), details);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Reporting the end of the wait for " + describePipeline() + " failed", e);
            shell.failed(e);
        }
    }

    /**
     * Called under the lock where the step's end is decided: claims that end unless an abort came first, so that an
     * abort from now on finds the step done rather than turning a finished step into an aborted one.
     */
    private boolean completeUnlessStopped() {
        if (completed || stopCause != null) {
            return false;
        }
        completed = true;
        return true;
    }

    /** Ends with the outcome if {@link #completeUnlessStopped()} claimed the end, else as {@link #finish} decides. */
    private void endWith(boolean claimed, Supplier<Outcome> outcome) {
        if (claimed) {
            deliver(outcome, OutcomeDetails.NONE);
        } else if (markCompleted()) {
            // Not claimed, yet not completed: an abort came first, and the step fails with its cause.
            shell.failed(stopCause);
        }
    }

    private void fail(Throwable error) {
        if (markCompleted()) {
            Throwable stop = stopCause;
            shell.failed(stop != null ? stop : error);
        }
    }

    private synchronized boolean markCompleted() {
        if (completed) {
            return false;
        }
        completed = true;
        return true;
    }

    /** Whether the wait ended only because its scheduler was shut down or the watcher closed. */
    private static boolean isShutdown(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RejectedExecutionException || t instanceof CancellationException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Prints each event as one console line with its link, and keeps the latest state for saving. */
    private final class ConsoleProgress implements ProgressListener {
        @Override
        public void onEvent(ProgressEvent event) {
            String message = event.message();
            // "Canceled workflows: build." + link reads better as "Canceled workflows: build: <link>".
            String lead = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
            String line = event.url().map(url -> lead + ": " + shell.link(url, url)).orElse(message);
            shell.log().println(line);
        }

        @Override
        public void onStateChanged(WatchState newState) {
            state = newState;
            shell.stateChanged();
        }
    }
}
