package io.jenkins.plugins.circleci.config;

import hudson.util.FormValidation;
import io.jenkins.plugins.circleci.Blank;
import java.net.URI;
import java.net.URISyntaxException;

/** Checks of the global CircleCI settings, free of permission checks so that they can be tested without Jenkins. */
final class GlobalSettingsValidation {
    private GlobalSettingsValidation() {}

    static FormValidation serverUrl(String value) {
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
            if ("http".equals(uri.getScheme())) {
                return FormValidation.warning("Plain http sends the API token unencrypted; use https.");
            }
            return FormValidation.ok();
        } catch (URISyntaxException e) {
            return FormValidation.error("'" + v + "' is not a URL: " + e.getReason() + ".");
        }
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
