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
import java.util.concurrent.ScheduledExecutorService;
import jenkins.util.Timer;

/** The steps' surroundings in a running Jenkins. */
final class JenkinsStepEnvironment extends StepEnvironment {
    static final JenkinsStepEnvironment INSTANCE = new JenkinsStepEnvironment();

    /** One watcher for the whole controller: every wait shares Jenkins' Timer and the per-host request budget. */
    private PipelineWatcher watcher;
    /** The Timer the watcher runs on; Jenkins makes a new one when it restarts inside the same JVM (tests do). */
    private ScheduledExecutorService watcherTimer;

    private JenkinsStepEnvironment() {}

    @Override
    ScheduledExecutorService scheduler() {
        return Timer.get();
    }

    @Override
    synchronized PipelineWatcher watcher() {
        ScheduledExecutorService timer = Timer.get();
        if (watcher == null || watcherTimer != timer) {
            watcher = new PipelineWatcher(timer, Clock.systemUTC());
            watcherTimer = timer;
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
