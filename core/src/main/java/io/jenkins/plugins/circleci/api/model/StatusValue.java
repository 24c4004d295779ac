package io.jenkins.plugins.circleci.api.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A status string from CircleCI that may take values this client has never heard of.
 * CircleCI adds statuses over time (the docs already list {@code queued} for workflows), so an
 * unknown value is kept as text and classified conservatively instead of failing the parse.
 */
abstract class StatusValue {
    private final String value;

    StatusValue(String value) {
        Objects.requireNonNull(value, "status");
        this.value = value.trim().toLowerCase(Locale.ROOT);
    }

    /** The status exactly as CircleCI spells it, for example {@code on_hold}. */
    public final String value() {
        return value;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((StatusValue) o).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    @Override
    public final String toString() {
        return value;
    }
}
