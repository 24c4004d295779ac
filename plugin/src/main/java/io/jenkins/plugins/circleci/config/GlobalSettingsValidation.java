package io.jenkins.plugins.circleci.config;

import hudson.util.FormValidation;
import io.jenkins.plugins.circleci.Blank;
import java.net.URI;
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
