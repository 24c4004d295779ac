package io.jenkins.plugins.circleci.bench.harness;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.trigger.BuildResult;
import io.jenkins.plugins.circleci.trigger.OutcomeReason;
import io.jenkins.plugins.circleci.trigger.PipelineWatcher;
import io.jenkins.plugins.circleci.trigger.ProgressListener;
import io.jenkins.plugins.circleci.trigger.WatchHandle;
import io.jenkins.plugins.circleci.trigger.WatchOptions;
import io.jenkins.plugins.circleci.trigger.WatchState;
import java.time.Clock;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Our engine: every wait is a {@link PipelineWatcher#watch} on the watcher's shared scheduler. */
public final class EngineWaiter extends RecordingWaiter {

    private final PipelineWatcher watcher;
    private final CircleCiClient client;
    private final WatchOptions options;
    private final Clock clock;
    private final Queue<WatchHandle> handles = new ConcurrentLinkedQueue<>();

    public EngineWaiter(PipelineWatcher watcher, CircleCiClient client, WatchOptions options, Clock clock) {
        this.watcher = watcher;
        this.client = client;
        this.options = options;
        this.clock = clock;
    }

    @Override
    public void start(Triggered pipeline) {
        WatchState state = WatchState.forTriggered(pipeline.summary(), clock.instant(), options);
        WatchHandle handle = watcher.watch(client, state, options, ProgressListener.NONE);
        handles.add(handle);
        handle.outcome().whenComplete((outcome, failure) -> {
            if (failure != null) {
                record(new WaitResult(pipeline.id(), clock.instant(), false, failure.toString()));
            } else {
                boolean correct = outcome.result() == BuildResult.SUCCESS && outcome.reason() == OutcomeReason.COMPLETED;
                record(new WaitResult(pipeline.id(), clock.instant(), correct,
                        outcome.reason() + " " + outcome.result()));
            }
        });
    }

    /** The watcher, for nudges. */
    public PipelineWatcher watcher() {
        return watcher;
    }

    @Override
    public void close() {
        for (WatchHandle handle : handles) {
            if (!handle.outcome().isDone()) {
                handle.abort("benchmark over");
            }
        }
        watcher.close();
    }
}
