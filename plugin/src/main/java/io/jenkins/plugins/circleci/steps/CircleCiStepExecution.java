package io.jenkins.plugins.circleci.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.artifacts.ArtifactsText;
import io.jenkins.plugins.circleci.config.ServerSettings;
import io.jenkins.plugins.circleci.failure.FailureReportText;
import io.jenkins.plugins.circleci.junit.JUnitRecording;
import io.jenkins.plugins.circleci.tracing.TraceContext;
import io.jenkins.plugins.circleci.trigger.BuildResult;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.PipelineSummary;
import io.jenkins.plugins.circleci.trigger.PipelineWatcher;
import io.jenkins.plugins.circleci.trigger.WatchOptions;
import io.jenkins.plugins.circleci.trigger.WatchState;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The running {@code circleciTrigger} or {@code circleciWait}. Holds no thread: {@link #start()} only checks the
 * options and hands the work to the scheduler; the wait is the shared watcher's. Its saved form is the options, the
 * server, the pipeline and the latest {@link WatchState}; never the token, which is looked up in the build's context
 * whenever a client is built (so also after a restart, in {@link #onResume()}).
 */
final class CircleCiStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CircleCiStepExecution.class.getName());

    private final StepOptions options;
    private volatile CircleCiWaitRunner runner;

    CircleCiStepExecution(StepContext context, StepOptions options) {
        super(context);
        this.options = options;
    }

    @Override
    public boolean start() throws Exception {
        // On the CPS VM thread: only in-memory checks here, no I/O.
        StepEnvironment environment = StepEnvironment.current();
        ServerSettings settings = environment.settings();
        String serverUrl = options.serverUrl(settings);
        String credentialsId = options.credentialsId(settings);
        if (credentialsId == null) {
            throw new AbortException("No CircleCI credentials were given: pass credentialsId: with the ID of a "
                    + "Secret text credential holding a CircleCI personal API token, or set default credentials in "
                    + "Manage Jenkins > System > CircleCI.");
        }
        if (!options.triggers()) {
            String problem = StepFieldValidation.pipelineIdProblem(options.pipelineId());
            if (problem != null) {
                throw new AbortException(problem);
            }
        }
        String conflict = options.conflict();
        if (conflict != null) {
            throw new AbortException(conflict);
        }
        WatchOptions watchOptions;
        try {
            if (options.triggers()) {
                options.toTriggerRequest();
            }
            options.failureLimits();
            // Every input is checked here, before the trigger: once CircleCI has created a pipeline, a bad value
            // would leave it running with nobody waiting. (DurationText bounds the timeout, so the deadline the
            // runner computes once the pipeline exists always fits.)
            watchOptions = options.toWatchOptions(settings);
        } catch (CircleCiException e) {
            throw new AbortException(e.describe());
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        if (options.disabled()) {
            // Checked like any other call, so that turning it back on cannot fail on a typo; nothing looked up or sent.
            console().println(StepOutcomes.disabledLine(options));
            getContext().onSuccess(StepOutcomes.disabled(options));
            return true;
        }
        runner = new CircleCiWaitRunner(options, serverUrl, credentialsId, watchOptions,
                options.triggers() ? trace() : null);
        runner.start(new JenkinsShell(environment, credentialsId));
        return false;
    }

    /**
     * The build's W3C trace context, from the TRACEPARENT and TRACESTATE in its environment (Jenkins' OpenTelemetry
     * plugin exports them); null without one. An invalid one is ignored with a console note, never a failure. The
     * environment is read here, in start, as {@code sh} reads it: it is the build's as of this step (withEnv included).
     */
    private TraceContext trace() throws IOException, InterruptedException {
        EnvVars env = getContext().get(EnvVars.class);
        if (env == null) {
            return null;
        }
        TraceContext.Reading reading = TraceContext.fromEnvironment(env::get);
        reading.notes().forEach(console()::println);
        return reading.context();
    }

    /** The build's console; nowhere when there is none. */
    private PrintStream console() throws IOException, InterruptedException {
        TaskListener listener = getContext().get(TaskListener.class);
        return listener != null ? listener.getLogger() : JenkinsShell.nowhere();
    }

    /** May come before {@link #onResume()} after a restart: the runner then aborts as it resumes. */
    @Override
    public void stop(Throwable cause) throws Exception {
        CircleCiWaitRunner r = runner;
        if (r == null) {
            super.stop(cause);
        } else {
            r.abort(cause);
        }
    }

    @Override
    public void onResume() {
        CircleCiWaitRunner r = runner;
        if (r == null) {
            getContext().onFailure(new AbortException("Jenkins restarted before the CircleCI step started; run the "
                    + "build again."));
            return;
        }
        StepEnvironment environment = StepEnvironment.current();
        // The id resolved at the start: the global default may have changed (or been cleared) since. Steps saved
        // before it was kept resolve it again, as they always did.
        String credentialsId = r.credentialsId() != null ? r.credentialsId()
                : options.credentialsId(environment.settings());
        r.resume(new JenkinsShell(environment, credentialsId));
    }

    /**
     * While the trigger request may be on its way and the pipeline is not saved yet (see
     * {@link CircleCiWaitRunner#blocksRestart()}): a safe restart waits, rather than leave the step unable to tell
     * whether CircleCI created the pipeline.
     */
    @Override
    public boolean blocksRestart() {
        CircleCiWaitRunner r = runner;
        return r != null && r.blocksRestart();
    }

    /** The runner once started (for tests); null before, and for a disabled step. */
    CircleCiWaitRunner runner() {
        return runner;
    }

    @Override
    public String getStatus() {
        CircleCiWaitRunner r = runner;
        if (r == null) {
            return "not started";
        }
        PipelineSummary p = r.pipeline();
        WatchState s = r.state();
        if (p == null && s == null) {
            return "triggering a CircleCI pipeline for " + options.describe();
        }
        String which = p != null ? "#" + p.number() + " (" + p.projectSlug() + ")" : s.pipelineId();
        return "waiting for CircleCI pipeline " + which + (s == null ? "" : ", deadline " + s.deadline());
    }

    /**
     * Connects the runner to this step's context. Not saved: rebuilt on start and on resume. The credentials id is
     * the one resolved at the start, and the token fetched only inside {@link #client}, off the CPS VM thread.
     */
    private final class JenkinsShell implements CircleCiWaitRunner.Shell {
        private final StepEnvironment environment;
        private final String credentialsId;
        private volatile PrintStream log;
        /** The build, once {@link #client} looked it up (off the CPS VM thread), for {@link #buildEnded()}. */
        private volatile Run<?, ?> run;

        JenkinsShell(StepEnvironment environment, String credentialsId) {
            this.environment = environment;
            this.credentialsId = credentialsId;
        }

        @Override
        public ScheduledExecutorService timer() {
            return environment.timer();
        }

        @Override
        public Duration buildCheckInterval() {
            return environment.buildCheckInterval();
        }

        @Override
        public boolean buildEnded() {
            return environment.buildEnded(run);
        }

        @Override
        public ExecutorService blocking() {
            return environment.blocking();
        }

        @Override
        public PipelineWatcher watcher() {
            return environment.watcher();
        }

        @Override
        public Duration abortGrace() {
            return environment.abortGrace();
        }

        @Override
        public Clock clock() {
            return environment.clock();
        }

        @Override
        public CircleCiClient client(String serverUrl) throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            this.run = run;
            String token = environment.token(run, credentialsId, serverUrl);
            return environment.client(serverUrl, token, environment.settings());
        }

        @Override
        public PrintStream log() {
            PrintStream l = log;
            if (l == null) {
                try {
                    TaskListener listener = getContext().get(TaskListener.class);
                    l = listener != null ? listener.getLogger() : nowhere();
                } catch (IOException e) {
                    // No console to write to any more (the build is gone): keep going without progress lines.
                    l = nowhere();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    l = nowhere();
                }
                log = l;
            }
            return l;
        }

        /** Progress lines with no console left to show them. */
        static PrintStream nowhere() {
            return new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        }

        @Override
        public String link(String url, String text) {
            return environment.link(url, text);
        }

        /** Never throws: a state that could not be saved or shown must not end (or hang) the wait. */
        @Override
        public void stateChanged() {
            try {
                getContext().saveState();
                CircleCiWaitRunner r = runner;
                if (r != null && r.pipeline() != null) {
                    recordOnBuild(r.pipeline(), null);
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "Could not save the CircleCI step's state or list its pipeline", e);
            }
        }

        /**
         * Reports the outcome, then completes the step with it. The report is for people: any part of it that throws
         * (a bad link, a JUnit or build-page problem) becomes a warning line, never a step that does not end. Only
         * when the outcome itself cannot be told (its result or return value fails to build) does the step fail
         * with what went wrong.
         */
        @Override
        public void finished(Outcome outcome, OutcomeDetails details) {
            Throwable failure;
            Object value = null;
            try {
                failure = StepOutcomes.failureOf(outcome, options.propagate());
                if (failure == null) {
                    value = StepOutcomes.toMap(outcome, details.failures(), details.artifacts());
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "Could not build the CircleCI step's result", e);
                failure = e;
            }
            report(outcome, details, failure);
            if (failure != null) {
                getContext().onFailure(failure);
            } else {
                getContext().onSuccess(value);
            }
        }

        private void report(Outcome outcome, OutcomeDetails details, Throwable failure) {
            PrintStream console = log();
            guarded("print what failed", () -> FailureReportText.lines(details.failures(), url -> link(url, url))
                    .forEach(console::println));
            Run<?, ?> run = runOrNull();
            if (details.tests() != null) {
                guarded("record the test results", () -> JUnitRecording.record(run, details.tests(),
                        listenerOrNull()).forEach(console::println));
            }
            if (details.artifacts() != null) {
                guarded("list the artifacts", () -> ArtifactsText.lines(details.artifacts(), url -> link(url, url))
                        .forEach(console::println));
            }
            // An AbortException prints its own message; any other ending is worth one line of its own.
            if (!(failure instanceof AbortException) && outcome.message() != null && !outcome.message().isBlank()) {
                console.println(outcome.message());
            }
            if (outcome.pipeline() != null && run != null) {
                guarded("show the pipeline on the build's page",
                        () -> CircleCiPipelineAction.finished(run, outcome, details.failures()));
            }
        }

        /** Runs one part of the report; if it throws, says so in one warning line and goes on. */
        private void guarded(String what, Runnable part) {
            try {
                part.run();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "The CircleCI step could not " + what, e);
                log().println("WARNING: could not " + what + " (" + e.getClass().getSimpleName()
                        + "); the step's result is not affected.");
            }
        }

        /** The build; null in tests without Jenkins, and when the build is gone. */
        private Run<?, ?> runOrNull() {
            try {
                return getContext().get(Run.class);
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        private TaskListener listenerOrNull() {
            try {
                return getContext().get(TaskListener.class);
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        @Override
        public void failed(Throwable error) {
            Throwable shown;
            try {
                shown = StepOutcomes.userFacing(error);
            } catch (RuntimeException | LinkageError e) {
                shown = error; // the step still fails, with the error as it is
            }
            getContext().onFailure(shown);
        }

        /** Lists the pipeline on the build's page. Tests without Jenkins have no build: nothing to list it on. */
        private void recordOnBuild(PipelineSummary pipeline, BuildResult result) {
            try {
                Run<?, ?> run = getContext().get(Run.class);
                if (run != null) {
                    CircleCiPipelineAction.record(run, pipeline, result);
                }
            } catch (IOException e) {
                log().println("Could not list CircleCI pipeline #" + pipeline.number() + " on the build's page: "
                        + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
