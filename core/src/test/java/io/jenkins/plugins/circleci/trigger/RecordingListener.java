package io.jenkins.plugins.circleci.trigger;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event and state a wait reports. */
final class RecordingListener implements ProgressListener {
    final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    final List<WatchState> states = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(ProgressEvent event) {
        events.add(event);
    }

    @Override
    public void onStateChanged(WatchState state) {
        states.add(state);
    }

    List<String> lines() {
        return events.stream().map(ProgressEvent::message).toList();
    }

    <T extends ProgressEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    WatchState lastState() {
        return states.get(states.size() - 1);
    }
}
