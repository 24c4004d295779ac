package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import io.jenkins.plugins.circleci.api.http.SecretMask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the CircleCI personal API token: the file given with {@code --token-file}, else {@code CIRCLECI_TOKEN}, else
 * {@code CIRCLE_TOKEN} (the name CircleCI's own tools use). The token is only ever handed to the client; no message
 * here repeats it.
 */
final class TokenSource {
    static final String ENV = "CIRCLECI_TOKEN";
    static final String ALTERNATIVE_ENV = "CIRCLE_TOKEN";
    private static final String HOW_TO_CREATE = "Create a personal API token in the CircleCI app under User Settings > "
            + "Personal API Tokens (https://app.circleci.com/settings/user/tokens); project API tokens do not work "
            + "with API v2.";

    private TokenSource() {}

    static String resolve(Map<String, String> env, Path tokenFile) {
        String fromEnvironment = fromEnvironment(env);
        if (tokenFile != null) {
            return fromFile(tokenFile, SecretMask.of(fromEnvironment));
        }
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        throw new InvalidRequestException("No CircleCI API token was given.",
                "Set the environment variable " + ENV + " (or " + ALTERNATIVE_ENV + ") to the token, or pass "
                        + "--token-file FILE with the token in it. " + HOW_TO_CREATE);
    }

    /** The token in {@link #ENV}, else in {@link #ALTERNATIVE_ENV}; null when neither holds one. */
    static String fromEnvironment(Map<String, String> env) {
        for (String name : new String[] {ENV, ALTERNATIVE_ENV}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    /**
     * The token in {@code path}. Messages show the path masked: {@code --token-file "$CIRCLECI_TOKEN"} passes the
     * token itself as the path.
     */
    private static String fromFile(Path path, SecretMask mask) {
        String file = mask.mask(path.toString());
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new InvalidRequestException("Cannot read the token file " + file + " ("
                    + e.getClass().getSimpleName() + ").",
                    "Check that the file exists and is readable by this user, or set " + ENV + " instead.");
        }
        String token = text.strip();
        if (token.isEmpty()) {
            throw new InvalidRequestException("The token file " + file + " is empty.",
                    "Put the CircleCI personal API token in it (one line). " + HOW_TO_CREATE);
        }
        return token;
    }
}
