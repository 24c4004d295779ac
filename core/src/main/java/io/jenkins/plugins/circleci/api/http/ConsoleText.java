package io.jenkins.plugins.circleci.api.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Text from a build (a test's failure message) made fit for a console: the first lines that have text, each without
 * ANSI codes or control characters, token-like text masked, cut to a length.
 */
public final class ConsoleText {
    private ConsoleText() {}

    public static List<String> firstLines(String text, int maxLines, int maxChars, SecretMask mask) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String raw : text.split("\n", -1)) {
            if (out.size() == maxLines) {
                break;
            }
            String cut = raw.length() > LogLines.MAX_RAW_LINE ? raw.substring(0, LogLines.MAX_RAW_LINE) : raw;
            String line = LogLines.cleanLine(cut, mask).strip();
            if (!line.isEmpty()) {
                out.add(line.length() > maxChars ? line.substring(0, maxChars) + LogLines.CUT : line);
            }
        }
        return out;
    }
}
