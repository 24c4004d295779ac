package io.jenkins.plugins.circleci.steps;

import hudson.AbortException;
import hudson.console.HyperlinkNote;
import hudson.model.Run;
import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.config.CircleCiGlobalConfiguration;
import io.jenkins.plugins.circleci.config.CircleCiServers;
import io.jenkins.plugins.circleci.config.ServerSettings;
import io.jenkins.plugins.circleci.credentials.CircleCiTokens;
import io.jenkins.plugins.circleci.trigger.PipelineWatcher;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/** The steps' surroundings in a running Jenkins. */
final class JenkinsStepEnvironment extends StepEnvironment {
    static final JenkinsStepEnvironment INSTANCE = new JenkinsStepEnvironment();

    /**
     * One watcher for the whole controller: every wait shares the plugin's scheduler (never Jenkins' Timer, which a
     * CircleCI outage must not starve) and the per-host request budget.
     */
    private PipelineWatcher watcher;
    /** The scheduler the watcher runs on; a new one is made when Jenkins restarts inside the same JVM (tests do). */
    private ScheduledExecutorService watcherScheduler;

    private JenkinsStepEnvironment() {}

    @Override
    ScheduledExecutorService scheduler() {
        return CircleCiExecutors.scheduler();
    }

    @Override
    ExecutorService blocking() {
        return CircleCiExecutors.blocking();
    }

    @Override
    ScheduledExecutorService timer() {
        return CircleCiExecutors.timer();
    }

    /** In memory: a WorkflowRun builds until its result is set and its execution complete (or killed). */
    @Override
    boolean buildEnded(Run<?, ?> run) {
        return run != null && !run.isBuilding();
    }

    @Override
    synchronized PipelineWatcher watcher() {
        ScheduledExecutorService current = CircleCiExecutors.scheduler();
        if (watcher == null || watcherScheduler != current) {
            watcher = new PipelineWatcher(current, Clock.systemUTC());
            watcherScheduler = current;
        }
        return watcher;
    }

    @Override
    Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    ServerSettings settings() {
        return CircleCiGlobalConfiguration.get().settings();
    }

    @Override
    String token(Run<?, ?> run, String credentialsId, String serverUrl) throws IOException {
        if (run == null) {
            throw new AbortException("The CircleCI steps run only inside a Pipeline build.");
        }
        return CircleCiTokens.forRun(run, credentialsId, serverUrl);
    }

    @Override
    CircleCiClient client(String serverUrl, String token, ServerSettings settings) {
        return CircleCiServers.client(serverUrl, token, settings);
    }

    @Override
    String link(String url, String text) {
        return HyperlinkNote.encodeTo(url, text);
    }
}
