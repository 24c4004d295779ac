package io.jenkins.plugins.circleci.bench.harness;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Keeps how each wait ended, for the {@link Waiter}s of both contenders. */
abstract class RecordingWaiter implements Waiter {

    private final Queue<WaitResult> results = new ConcurrentLinkedQueue<>();

    /** Called once per wait, from whichever thread ended it. */
    protected final void record(WaitResult result) {
        results.add(result);
    }

    @Override
    public final int finished() {
        return results.size();
    }

    @Override
    public final List<WaitResult> results() {
        return List.copyOf(results);
    }
}
