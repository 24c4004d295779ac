package io.jenkins.plugins.circleci.config;

import io.jenkins.plugins.circleci.api.RateLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * The defaults an administrator sets for every CircleCI step on this controller: which CircleCI (cloud or a server
 * installation), which credentials when a step names none, how often waits poll and how many requests per second
 * all waits together may send.
 *
 * @param serverUrl     the CircleCI base URL, never null
 * @param credentialsId the default Secret text credentials id, or null when there is none
 * @param caCertificates PEM certificates of CAs trusted for {@code serverUrl} besides the JVM's, or null when there
 *                      are none; text as the administrator saved it, checked when a client is built
 */
public record ServerSettings(
        String serverUrl, String credentialsId, Duration minPollInterval, Duration maxPollInterval,
        RateLimit rateLimit, String caCertificates) {

    /** Settings without CA certificates of their own: the JVM's trust only. */
    public ServerSettings(String serverUrl, String credentialsId, Duration minPollInterval, Duration maxPollInterval,
            RateLimit rateLimit) {
        this(serverUrl, credentialsId, minPollInterval, maxPollInterval, rateLimit, null);
    }

    public ServerSettings {
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(minPollInterval, "minPollInterval");
        Objects.requireNonNull(maxPollInterval, "maxPollInterval");
        Objects.requireNonNull(rateLimit, "rateLimit");
        if (maxPollInterval.compareTo(minPollInterval) < 0) {
            throw new IllegalArgumentException("The maximum poll interval (" + maxPollInterval
                    + ") is shorter than the minimum (" + minPollInterval + ").");
        }
    }

    /** Without the certificates' text, which would only be noise in a log line. */
    @Override
    public String toString() {
        return "ServerSettings[serverUrl=" + serverUrl + ", credentialsId=" + credentialsId + ", minPollInterval="
                + minPollInterval + ", maxPollInterval=" + maxPollInterval + ", rateLimit=" + rateLimit
                + ", caCertificates=" + (caCertificates == null ? "none" : caCertificates.length() + " chars") + "]";
    }
}
