package io.jenkins.plugins.circleci.trigger;

/** Receives a wait's progress. Called from the watcher's threads; implementations must be quick and thread-safe. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = event -> {};

    void onEvent(ProgressEvent event);

    /** The wait's state changed; a shell that survives restarts saves it. */
    default void onStateChanged(WatchState state) {}
}
