package io.jenkins.plugins.circleci.tracing;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The trace a build runs in, as the W3C {@code traceparent} (and {@code tracestate}, when there is one) to pass on to
 * CircleCI. Read from the environment variables {@value #TRACEPARENT_VARIABLE} and {@value #TRACESTATE_VARIABLE}, which
 * Jenkins' OpenTelemetry plugin exports into a build and otel-cli and several CI systems use the same way. Neither is a
 * secret (they are ids), so both may be saved and printed.
 */
public final class TraceContext implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String TRACEPARENT_VARIABLE = "TRACEPARENT";
    public static final String TRACESTATE_VARIABLE = "TRACESTATE";
    /** The header names, lowercase as the spec asks senders to write them. */
    public static final String TRACEPARENT_HEADER = "traceparent";
    public static final String TRACESTATE_HEADER = "tracestate";

    private final TraceParent traceparent;
    /** Null when there is none (or it was invalid, and so left out). */
    private final String tracestate;

    private TraceContext(TraceParent traceparent, String tracestate) {
        this.traceparent = Objects.requireNonNull(traceparent);
        this.tracestate = tracestate;
    }

    /** What reading the environment found: a context or none, and notes worth a console line. */
    public record Reading(TraceContext context, List<String> notes) {
        public Reading {
            notes = List.copyOf(notes);
        }

        public Optional<TraceContext> found() {
            return Optional.ofNullable(context);
        }
    }

    /**
     * Reads {@value #TRACEPARENT_VARIABLE} and {@value #TRACESTATE_VARIABLE} from {@code environment}. No traceparent:
     * no context and no note. An invalid traceparent is ignored (with a note), and so is the tracestate with it, as
     * the spec requires; an invalid tracestate alone is dropped (with a note) and the traceparent still used.
     */
    public static Reading fromEnvironment(Function<String, String> environment) {
        return read(environment.apply(TRACEPARENT_VARIABLE), environment.apply(TRACESTATE_VARIABLE));
    }

    /** {@link #fromEnvironment} from the two values (each may be null). */
    public static Reading read(String traceparentValue, String tracestateValue) {
        List<String> notes = new ArrayList<>();
        if (traceparentValue == null || traceparentValue.isBlank()) {
            return new Reading(null, notes);
        }
        TraceParent parent;
        try {
            // Surrounding whitespace is a shell's or a file's, not the value's.
            parent = TraceParent.parse(traceparentValue.strip());
        } catch (IllegalArgumentException e) {
            notes.add(TRACEPARENT_VARIABLE + " '" + shown(traceparentValue.strip(), 60) + "' is not a W3C "
                    + "traceparent (" + e.getMessage() + "), so it was ignored: the CircleCI pipeline does not join "
                    + "the build's trace.");
            return new Reading(null, notes);
        }
        String state = null;
        if (tracestateValue != null) {
            String stripped = TraceState.stripOws(tracestateValue.strip());
            String problem = stripped.isEmpty() ? null : TraceState.problem(stripped);
            if (problem != null) {
                notes.add(TRACESTATE_VARIABLE + " is not a W3C tracestate (" + problem + "), so only "
                        + TRACEPARENT_VARIABLE + " is passed on.");
            } else if (!stripped.isEmpty()) {
                state = stripped;
            }
        }
        return new Reading(new TraceContext(parent, state), notes);
    }

    public TraceParent traceparent() {
        return traceparent;
    }

    public Optional<String> tracestate() {
        return Optional.ofNullable(tracestate);
    }

    /** The text with control characters replaced and cut to {@code max} characters, for a message. */
    static String shown(String text, int max) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().limit(max).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.codePointCount(0, text.length()) > max ? sb + "..." : sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TraceContext other && other.traceparent.equals(traceparent)
                && Objects.equals(other.tracestate, tracestate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(traceparent, tracestate);
    }

    @Override
    public String toString() {
        return "TraceContext[" + traceparent + (tracestate == null ? "" : ", tracestate " + tracestate) + "]";
    }
}
