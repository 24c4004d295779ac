package io.jenkins.plugins.circleci.api.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps the last lines of a terminal log fed in arbitrary chunks, cleaned for a console that is not a terminal: ANSI
 * escape sequences and control characters removed, a carriage return's overwrite applied ({@code 10%\r100%} shows
 * {@code 100%}), token-like text masked, each line and the whole tail capped. Memory stays bounded whatever the log's
 * size: the lines kept, and one line being assembled (itself capped).
 */
final class LogLines {
    /** ESC [ ... final (CSI), ESC ] ... BEL or ESC \ (OSC), other two- and three-byte ESC sequences, 8-bit CSI. */
    private static final Pattern ANSI = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|\u001B[ -/]*[0-~]"
                    + "|\u009B[0-?]*[ -/]*[@-~]|\u001B");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F]");
    /** A raw line longer than this is cut while it is read: only its start can be shown anyway. */
    static final int MAX_RAW_LINE = 16 * 1024;
    static final String CUT = "…";

    private final int wanted;
    private final int maxLineChars;
    private final int maxTotalChars;
    private final SecretMask mask;
    private final Deque<String> lines = new ArrayDeque<>();
    private final StringBuilder current = new StringBuilder();
    /** Blank lines not yet kept: they take a place in the tail only once a line with text follows them. */
    private long pendingBlanks;
    private long linesSeen;

    LogLines(int wanted, int maxLineChars, int maxTotalChars, SecretMask mask) {
        this.wanted = wanted;
        this.maxLineChars = maxLineChars;
        this.maxTotalChars = maxTotalChars;
        this.mask = mask;
    }

    void append(String chunk) {
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (c == '\n') {
                endLine();
            } else if (current.length() < MAX_RAW_LINE) {
                current.append(c);
            }
        }
    }

    /** The last lines, oldest first, after the rest of the log; fewer when they would exceed the total cap. */
    List<String> finish() {
        if (current.length() > 0) {
            endLine();
        }
        List<String> out = new ArrayList<>(lines);
        int total = out.stream().mapToInt(l -> l.length() + 1).sum();
        while (total > maxTotalChars && out.size() > 1) {
            total -= out.remove(0).length() + 1;
        }
        return out;
    }

    /** How many lines the log had (the last one even without a line break). */
    long linesSeen() {
        return linesSeen;
    }

    private void endLine() {
        linesSeen++;
        String line = clean(current);
        current.setLength(0);
        if (line.isEmpty()) {
            pendingBlanks++;
            return;
        }
        for (long i = Math.min(pendingBlanks, wanted); i > 0; i--) {
            keep("");
        }
        pendingBlanks = 0;
        keep(line);
    }

    private void keep(String line) {
        lines.addLast(line);
        if (lines.size() > wanted) {
            lines.removeFirst();
        }
    }

    private String clean(CharSequence raw) {
        String line = raw.toString();
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        line = line.substring(0, end);
        int cr = line.lastIndexOf('\r');
        if (cr >= 0) {
            line = line.substring(cr + 1);
        }
        line = CONTROL.matcher(ANSI.matcher(line).replaceAll("")).replaceAll("");
        line = mask.mask(line).stripTrailing();
        return line.length() > maxLineChars ? line.substring(0, maxLineChars) + CUT : line;
    }

    /** For tests: the cleaning of one line. */
    static String cleanLine(String raw, SecretMask mask) {
        return new LogLines(1, Integer.MAX_VALUE, Integer.MAX_VALUE, mask).clean(raw);
    }
}
