package io.jenkins.plugins.circleci.steps;

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

    private JenkinsStepEnvironment() {}

    /** One watcher for the whole controller: every wait shares Jenkins' Timer and the per-host request budget. */
    private static final class SharedWatcher {
        static final PipelineWatcher WATCHER = new PipelineWatcher(Timer.get(), Clock.systemUTC());
    }

    @Override
    ScheduledExecutorService scheduler() {
        return Timer.get();
    }

    @Override
    PipelineWatcher watcher() {
        return SharedWatcher.WATCHER;
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
