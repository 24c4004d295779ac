package io.jenkins.plugins.circleci.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

/** The ids of the last few events seen, so that an event CircleCI delivers twice is acted on once. */
final class RecentEventIds {
    private final Map<String, Boolean> ids;

    RecentEventIds(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers the id; false when it was already remembered. */
    synchronized boolean firstSighting(String eventId) {
        return ids.put(eventId, Boolean.TRUE) == null;
    }
}
