package io.jenkins.plugins.circleci.api.error;

import java.util.Optional;

/**
 * HTTP 3xx: the configured address redirects elsewhere. The client never follows a redirect: following it would send
 * the token to whatever host the redirect names and could replay a trigger; the user configures the final address
 * instead.
 */
public class RedirectRefusedException extends CircleCiApiException {
    private final String location;

    /** @param location where the redirect pointed, without user info, query or fragment; null when none was named */
    public RedirectRefusedException(String message, String hint, int status, String location, String method,
            String path) {
        super(message, hint, status, "", method, path);
        this.location = location;
    }

    /** Where the redirect pointed (scheme, host, port and path; never user info, query or fragment), if named. */
    public Optional<String> location() {
        return Optional.ofNullable(location);
    }
}
