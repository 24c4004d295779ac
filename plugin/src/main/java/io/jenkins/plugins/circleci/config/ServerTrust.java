package io.jenkins.plugins.circleci.config;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import io.jenkins.plugins.circleci.api.http.ApiBaseUrl;
import io.jenkins.plugins.circleci.tls.CaCertificates;

/**
 * Which CA certificates a client trusts besides the JVM's: those of the settings, for requests to the settings'
 * server only (a step that names another server URL gets the JVM's trust alone). The parsed certificates are kept
 * for as long as the text stays the same, so every client shares one socket factory and so one connection pool.
 */
final class ServerTrust {
    /** The last text parsed and its certificates; replaced as one, never torn. */
    private static volatile Parsed last;

    private ServerTrust() {}

    /**
     * The CA certificates for a client of {@code serverUrl}, or null for the JVM's trust only.
     *
     * @throws InvalidRequestException when the saved text is not usable, saying where to fix it
     */
    static CaCertificates forServer(String serverUrl, ServerSettings settings) {
        String pem = settings.caCertificates();
        if (pem == null || pem.isBlank() || !sameServer(serverUrl, settings.serverUrl())) {
            return null;
        }
        Parsed p = last;
        if (p == null || !p.pem.equals(pem)) {
            try {
                p = new Parsed(pem, CaCertificates.parse(pem));
            } catch (InvalidRequestException e) {
                throw new InvalidRequestException("The CA certificates of the CircleCI settings are not usable: "
                        + e.getMessage(), "Fix them in Manage Jenkins > System > CircleCI > CA certificates. "
                        + e.hint());
            }
            last = p;
        }
        return p.certificates;
    }

    /** Same scheme, host and port (and path prefix), however the URLs were typed; an unusable URL is no match. */
    static boolean sameServer(String a, String b) {
        try {
            return ApiBaseUrl.parse(a).api().equals(ApiBaseUrl.parse(b).api());
        } catch (InvalidRequestException e) {
            return false;
        }
    }

    private record Parsed(String pem, CaCertificates certificates) {}
}
