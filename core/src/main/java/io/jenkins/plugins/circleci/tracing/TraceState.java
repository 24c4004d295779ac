package io.jenkins.plugins.circleci.tracing;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a W3C {@code tracestate} (section 3.3 of Trace Context): a comma-separated list of at most 32
 * {@code key=value} members, optional whitespace around them, each key once. Values are opaque and passed on as
 * they are; only their characters are checked, which also keeps a line break out of an HTTP header.
 */
final class TraceState {
    static final int MAX_MEMBERS = 32;
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_\\-*/@]{0,255}");
    private static final Pattern VALUE = Pattern.compile("[\\x20-\\x2b\\x2d-\\x3c\\x3e-\\x7e]{0,255}"
            + "[\\x21-\\x2b\\x2d-\\x3c\\x3e-\\x7e]");

    private TraceState() {}

    /** What is wrong with {@code value} as a tracestate, or null when it is a valid one. */
    static String problem(String value) {
        int members = 0;
        Set<String> keys = new HashSet<>();
        for (String member : value.split(",", -1)) {
            String m = stripOws(member);
            if (m.isEmpty()) {
                continue; // empty members are allowed
            }
            int eq = m.indexOf('=');
            if (eq < 0) {
                return "the member '" + shorten(m) + "' has no '='";
            }
            String key = m.substring(0, eq);
            if (!KEY.matcher(key).matches()) {
                return "the key '" + shorten(key) + "' is not 1 to 256 of a-z, 0-9, _, -, *, / and @ starting with a "
                        + "letter or digit";
            }
            if (!VALUE.matcher(m.substring(eq + 1)).matches()) {
                return "the value of '" + shorten(key) + "' is not 1 to 256 printable ASCII characters without ',' "
                        + "and '='";
            }
            if (!keys.add(key)) {
                return "the key '" + shorten(key) + "' appears twice";
            }
            members++;
        }
        if (members > MAX_MEMBERS) {
            return "it has " + members + " members, at most " + MAX_MEMBERS + " are allowed";
        }
        return null;
    }

    /** Without the spaces and tabs around it (OWS in the spec's grammar). */
    static String stripOws(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return s.substring(from, to);
    }

    private static String shorten(String s) {
        return TraceContext.shown(s, 40);
    }
}
