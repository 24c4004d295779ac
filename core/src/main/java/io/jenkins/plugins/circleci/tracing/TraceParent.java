package io.jenkins.plugins.circleci.tracing;

import java.io.Serializable;
import java.util.Objects;

/**
 * A checked W3C {@code traceparent}: {@code version-traceid-parentid-flags}, lowercase hex, as section 3.2 of the
 * Trace Context recommendation defines it. Version {@code 00} must be exactly 55 characters; a higher version (not
 * {@code ff}) is read as the spec says (its first four fields, anything after the flags ignored) and passed on as
 * version {@code 00}, the highest this code knows. All-zero trace and parent ids are invalid.
 */
public final class TraceParent implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int VERSION_00_LENGTH = 55;

    private final String traceId;
    private final String parentId;
    private final String flags;

    private TraceParent(String traceId, String parentId, String flags) {
        this.traceId = traceId;
        this.parentId = parentId;
        this.flags = flags;
    }

    /**
     * The traceparent in {@code value}.
     *
     * @throws IllegalArgumentException saying what is wrong with it (without repeating the value)
     */
    public static TraceParent parse(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("it is empty");
        }
        if (value.length() < 3 || !isLowerHex(value, 0, 2) || value.charAt(2) != '-') {
            throw new IllegalArgumentException("it does not start with a version of 2 lowercase hex digits and a '-'");
        }
        String version = value.substring(0, 2);
        if (version.equals("ff")) {
            throw new IllegalArgumentException("version ff is forbidden");
        }
        if (version.equals("00") && value.length() != VERSION_00_LENGTH) {
            throw new IllegalArgumentException("a version 00 traceparent is " + VERSION_00_LENGTH
                    + " characters long, this one " + value.length());
        }
        if (value.length() < VERSION_00_LENGTH) {
            throw new IllegalArgumentException("it is shorter than " + VERSION_00_LENGTH + " characters");
        }
        String traceId = field(value, 3, 32, "trace-id");
        String parentId = field(value, 36, 16, "parent-id");
        String flags = field(value, 53, 2, "trace-flags");
        if (value.length() > VERSION_00_LENGTH && value.charAt(VERSION_00_LENGTH) != '-') {
            // Only a higher version may go on, and only after a '-'.
            throw new IllegalArgumentException("the trace-flags are not followed by the end or a '-'");
        }
        if (isZero(traceId)) {
            throw new IllegalArgumentException("its trace-id is all zeros");
        }
        if (isZero(parentId)) {
            throw new IllegalArgumentException("its parent-id is all zeros");
        }
        if (!version.equals("00")) {
            // Passed on as version 00, whose only defined flag is "sampled"; the others must then be zero.
            flags = (Integer.parseInt(flags, 16) & 1) == 1 ? "01" : "00";
        }
        return new TraceParent(traceId, parentId, flags);
    }

    /** The {@code length} lowercase hex digits at {@code start}, each field but the last followed by a '-'. */
    private static String field(String value, int start, int length, String name) {
        if (!isLowerHex(value, start, start + length)) {
            throw new IllegalArgumentException("its " + name + " is not " + length + " lowercase hex digits");
        }
        int end = start + length;
        if (end < VERSION_00_LENGTH && value.charAt(end) != '-') {
            throw new IllegalArgumentException("its " + name + " is not followed by a '-'");
        }
        return value.substring(start, end);
    }

    private static boolean isLowerHex(String s, int from, int to) {
        if (to > s.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(String hex) {
        return hex.chars().allMatch(c -> c == '0');
    }

    public String traceId() {
        return traceId;
    }

    public String parentId() {
        return parentId;
    }

    /** Whether the caller may have recorded its span (the flags' sampled bit). */
    public boolean sampled() {
        return (Integer.parseInt(flags, 16) & 1) == 1;
    }

    /** The header value, as version 00: {@code 00-<trace-id>-<parent-id>-<flags>}. */
    public String value() {
        return "00-" + traceId + "-" + parentId + "-" + flags;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TraceParent other && other.value().equals(value());
    }

    @Override
    public int hashCode() {
        return Objects.hash(traceId, parentId, flags);
    }

    @Override
    public String toString() {
        return value();
    }
}
