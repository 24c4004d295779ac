package io.jenkins.plugins.circleci.steps;

import hudson.model.Run;
import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.config.ServerSettings;
import io.jenkins.plugins.circleci.trigger.PipelineWatcher;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the steps take from their surroundings: in Jenkins, the plugin's own threads ({@link CircleCiExecutors}), one
 * JVM-wide watcher on them, the global
 * configuration, credentials looked up in the build's context and Jenkins' proxy settings. Tests substitute their
 * own scheduler, clock and CircleCI (see {@link #use}).
 */
abstract class StepEnvironment {
    private static volatile StepEnvironment substitute;

    static StepEnvironment current() {
        StepEnvironment s = substitute;
        return s != null ? s : JenkinsStepEnvironment.INSTANCE;
    }

    /** Makes {@code environment} current until the returned handle is closed (for tests). */
    static AutoCloseable use(StepEnvironment environment) {
        substitute = environment;
        return () -> substitute = null;
    }

    /** Where the watcher polls and aborts, and short timers run. */
    abstract ScheduledExecutorService scheduler();

    /** Where work that may block for a long time runs: the trigger, credential lookups. */
    abstract ExecutorService blocking();

    /**
     * Where timers that must fire on time run (an abort's grace period, the check that the build still runs): never
     * the watcher's scheduler, whose threads a slow CircleCI can hold. Tasks here do no I/O.
     */
    abstract ScheduledExecutorService timer();

    abstract PipelineWatcher watcher();

    /** How long an abort waits for the step's start and the watcher before the step fails anyway. */
    Duration abortGrace() {
        return CircleCiWaitRunner.ABORT_GRACE;
    }

    /** How often a running step checks that its build still runs (see {@link #buildEnded}). */
    Duration buildCheckInterval() {
        return CircleCiWaitRunner.BUILD_CHECK_INTERVAL;
    }

    /**
     * Whether {@code run} has ended although a step of it still runs here: Jenkins ended the step without stopping it
     * (the build's "forcibly terminate" or "kill"). Never blocks: called on {@link #timer()}.
     *
     * @param run the step's build, or null when not known (yet)
     */
    abstract boolean buildEnded(Run<?, ?> run);

    abstract Clock clock();

    /** The administrator's defaults (Manage Jenkins → System → CircleCI). */
    abstract ServerSettings settings();

    /**
     * The API token from the Secret text credentials {@code credentialsId}, looked up in the build's context.
     *
     * @throws hudson.AbortException naming the id when no such credentials are visible to the build
     */
    abstract String token(Run<?, ?> run, String credentialsId, String serverUrl) throws IOException, InterruptedException;

    abstract CircleCiClient client(String serverUrl, String token, ServerSettings settings);

    /** The text with a console hyperlink to the URL. */
    abstract String link(String url, String text);
}
