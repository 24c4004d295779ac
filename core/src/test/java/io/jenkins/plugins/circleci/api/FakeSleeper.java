package io.jenkins.plugins.circleci.api;

import io.jenkins.plugins.circleci.api.http.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Sleeps by advancing the test clock, and remembers every wait. */
final class FakeSleeper implements Sleeper {
    private final MutableClock clock;
    private final List<Duration> sleeps = new ArrayList<>();
    private Runnable onSleep = () -> {};

    FakeSleeper(MutableClock clock) {
        this.clock = clock;
    }

    /** Runs before each (fake) sleep, e.g. to change what the network does next. */
    FakeSleeper onSleep(Runnable action) {
        this.onSleep = action;
        return this;
    }

    @Override
    public synchronized void sleep(Duration duration) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        sleeps.add(duration);
        onSleep.run();
        clock.advance(duration);
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    synchronized Duration total() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
