package io.jenkins.plugins.circleci.bench.harness;

import java.util.List;

/** Starts waits for one contender and keeps how each ended. Thread-safe. */
public interface Waiter extends AutoCloseable {

    /** Starts waiting for the pipeline and returns at once. */
    void start(Triggered pipeline);

    /** How many waits have ended (well or not). */
    int finished();

    /** The waits that ended so far. */
    List<WaitResult> results();

    /** Stops every wait still running. */
    @Override
    void close();
}
