package io.jenkins.plugins.circleci.trigger;

import java.util.Locale;

/** What a wait does when a counted workflow waits for manual approval ({@code on_hold}). */
public enum OnHoldPolicy {
    /** Keep waiting for someone to approve (bounded by the overall timeout). */
    WAIT,
    /** Stop waiting: the wait ends as FAILURE. */
    FAIL,
    /** Stop waiting: the held workflow counts as successful so far, and the wait ends when nothing else runs. */
    SUCCEED,
    /**
     * Stop waiting: the wait ends as UNSTABLE (or worse, when a counted workflow already ended worse). Nothing is
     * canceled: the workflow keeps waiting for its approval in CircleCI.
     */
    UNSTABLE;

    public static OnHoldPolicy parse(String text) {
        String normalized = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (OnHoldPolicy p : values()) {
            if (p.name().equals(normalized)) {
                return p;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an on-hold policy; use wait, fail, succeed or unstable.");
    }
}
