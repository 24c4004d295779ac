package io.jenkins.plugins.circleci.api.http;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides what looks like a CircleCI token in text that came from a build (a step's output): the client's own token
 * wherever it appears, CircleCI's personal and project token formats ({@code CCIPAT_...}, {@code CCIPRJ_...}), and
 * the value after a {@code Circle-Token}, {@code CIRCLE_TOKEN=} or {@code Authorization:} label. Never shows the token
 * it holds.
 */
public final class SecretMask {
    static final String MASK = "****";
    private static final List<Pattern> LABELLED = List.of(
            Pattern.compile("(?i)(circle[-_]?(?:ci[-_]?)?(?:api[-_]?)?token[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',;&]+"),
            Pattern.compile("(?i)(authorization[\"']?\\s*[:=]\\s*[\"']?(?:bearer|basic|token)?\\s*)[^\\s\"',;]+"),
            Pattern.compile("(?i)([?&]circle-token=)[^\\s&\"']+"));
    private static final Pattern TOKEN_FORMATS = Pattern.compile("CCIP(?:AT|RJ)_[A-Za-z0-9_\\-]+");

    private final String token;

    private SecretMask(String token) {
        this.token = token;
    }

    /** Masks {@code token} (if it is long enough to be one) and every token-like text. */
    public static SecretMask of(String token) {
        return new SecretMask(token != null && token.strip().length() >= 8 ? token.strip() : null);
    }

    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = token == null ? text : text.replace(token, MASK);
        out = TOKEN_FORMATS.matcher(out).replaceAll(MASK);
        for (Pattern p : LABELLED) {
            out = p.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + MASK);
        }
        return out;
    }

    @Override
    public String toString() {
        return "SecretMask[" + (token == null ? "patterns only" : "token and patterns") + "]";
    }
}
