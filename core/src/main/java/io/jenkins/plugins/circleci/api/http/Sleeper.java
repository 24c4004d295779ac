package io.jenkins.plugins.circleci.api.http;

import java.time.Duration;

/** How the client waits between attempts; tests replace it with one that advances a fake clock. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    void sleep(Duration duration) throws InterruptedException;
}
