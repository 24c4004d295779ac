package io.jenkins.plugins.circleci.config;

import hudson.util.FormValidation;
import io.jenkins.plugins.circleci.Blank;
import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import io.jenkins.plugins.circleci.tls.CaCertificates;
import io.jenkins.plugins.circleci.tls.CertificateSummary;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.net.URISyntaxException;
import java.util.Locale;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Checks of the global CircleCI settings, free of permission checks so that they can be tested without Jenkins. The
 * server URL check is shared with the steps' forms.
 */
@Restricted(NoExternalUse.class)
public final class GlobalSettingsValidation {
    private GlobalSettingsValidation() {}

    /**
     * An http(s) URL with a host. Plain http is refused nothing but warned about, except to this machine (a CircleCI
     * stand-in or a tunnel), since the token would cross the network unencrypted.
     */
    public static FormValidation serverUrl(String value) {
        String v = Blank.toNull(value);
        if (v == null) {
            return FormValidation.ok("Empty: CircleCI cloud, https://circleci.com.");
        }
        try {
            URI uri = new URI(v);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                return FormValidation.error("'" + v + "' is not an http(s) URL. Give the CircleCI base URL, e.g. "
                        + "https://circleci.com or https://circleci.example.com for a CircleCI server.");
            }
            if ("http".equals(uri.getScheme()) && !isLoopback(uri.getHost())) {
                return FormValidation.warning("Plain http sends the CircleCI API token unencrypted to "
                        + uri.getHost() + "; use https.");
            }
            return FormValidation.ok();
        } catch (URISyntaxException e) {
            return FormValidation.error("'" + v + "' is not a URL: " + e.getReason() + ".");
        }
    }

    /** Judged by the name alone: looking the host up would make a form check wait on DNS. */
    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("[::1]");
    }

    /**
     * Describes pasted CA certificates, one line each (subject, issuer, expiry): OK when each can be the CA of a
     * server, a warning when one is expired, not yet valid or not a CA, an error saying what to paste when the text
     * is not PEM certificates.
     */
    static FormValidation caCertificates(String value, Instant now) {
        if (Blank.toNull(value) == null) {
            return FormValidation.ok("Empty: only the CAs the JVM trusts.");
        }
        List<CertificateSummary> summaries;
        try {
            summaries = CaCertificates.parse(value).summaries(now);
        } catch (InvalidRequestException e) {
            return FormValidation.error(e.getMessage() + " " + e.hint());
        }
        StringBuilder text = new StringBuilder("Trusted for this server besides the JVM's CAs: ")
                .append(summaries.size() == 1 ? "1 certificate" : summaries.size() + " certificates").append('.');
        for (int i = 0; i < summaries.size(); i++) {
            text.append('\n').append(i + 1).append(". ").append(summaries.get(i).describe());
        }
        return summaries.stream().anyMatch(CertificateSummary::hasProblems) ? FormValidation.warning(text.toString())
                : FormValidation.ok(text.toString());
    }

    static FormValidation minPollInterval(String value) {
        return positiveWhole(value, "The minimum poll interval");
    }

    static FormValidation maxPollInterval(String value, String minPollInterval) {
        FormValidation own = positiveWhole(value, "The maximum poll interval");
        if (own.kind != FormValidation.Kind.OK) {
            return own;
        }
        Long min = parseLong(minPollInterval);
        if (min != null && min > 0 && Long.parseLong(value.trim()) < min) {
            return FormValidation.error("The maximum poll interval must not be shorter than the minimum (" + min
                    + " s).");
        }
        return own;
    }

    static FormValidation requestsPerSecond(String value) {
        String v = Blank.toNull(value);
        try {
            if (v != null && Double.parseDouble(v) > 0) {
                return FormValidation.ok();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return FormValidation.error("Give a positive number of requests per second, e.g. 10.");
    }

    static FormValidation burst(String value) {
        return positiveWhole(value, "The burst");
    }

    private static FormValidation positiveWhole(String value, String what) {
        Long n = parseLong(value);
        if (n == null || n < 1) {
            return FormValidation.error(what + " must be a whole number of at least 1.");
        }
        return FormValidation.ok();
    }

    private static Long parseLong(String value) {
        String v = Blank.toNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
