package io.jenkins.plugins.circleci.bench.baseline;

import java.time.Duration;

/** How a baseline thread sleeps between polls: on real time, or on the bench's simulated time. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
