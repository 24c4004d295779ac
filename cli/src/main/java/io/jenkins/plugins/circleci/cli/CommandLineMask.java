package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.api.http.SecretMask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hides a token in what the CLI repeats of its command line (picocli lists the arguments it could not place, so
 * {@code --token "$CIRCLECI_TOKEN"} would come back on stderr): the token in the environment, CircleCI's token
 * formats (core's {@link SecretMask}), and the value given to any option whose name says "token", known or not.
 */
final class CommandLineMask {
    /** Shorter values are not hidden: replacing them everywhere would garble the message and hide nothing. */
    private static final int MIN_SECRET_CHARS = 8;

    private final SecretMask secretMask;
    private final List<String> tokenValues;

    private CommandLineMask(SecretMask secretMask, List<String> tokenValues) {
        this.secretMask = secretMask;
        this.tokenValues = tokenValues;
    }

    static CommandLineMask of(Map<String, String> env, String... args) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg == null || !arg.startsWith("-")) {
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!name.toLowerCase(Locale.ROOT).contains("token")) {
                continue;
            }
            String value = equals >= 0 ? arg.substring(equals + 1) : i + 1 < args.length ? args[i + 1] : null;
            if (value != null && value.strip().length() >= MIN_SECRET_CHARS) {
                values.add(value.strip());
            }
        }
        // The longest first, so that a value containing another is hidden whole.
        values.sort(Comparator.comparingInt(String::length).reversed());
        return new CommandLineMask(SecretMask.of(TokenSource.fromEnvironment(env)), List.copyOf(values));
    }

    String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String value : tokenValues) {
            out = out.replace(value, "****");
        }
        return secretMask.mask(out);
    }
}
