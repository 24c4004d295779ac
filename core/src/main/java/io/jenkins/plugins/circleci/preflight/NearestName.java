package io.jenkins.plugins.circleci.preflight;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The declared name a misspelt one most likely meant: {@code deploy_env} for {@code deploy-env}, {@code DEPLOY}. */
final class NearestName {
    private NearestName() {}

    /**
     * The candidate closest to {@code name} by edit distance (case, {@code -} and {@code _} counted as equal), if it is
     * close enough to be a typo: at most a third of the name's length, and at least one edit allowed.
     */
    static Optional<String> of(String name, Collection<String> candidates) {
        String wanted = normal(name);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(wanted, normal(candidate));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, name.length() / 3);
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
