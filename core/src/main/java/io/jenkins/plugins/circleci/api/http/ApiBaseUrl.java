package io.jenkins.plugins.circleci.api.http;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * A CircleCI host's base URL as users type it: {@code https://circleci.com}, {@code https://circleci.example.com/},
 * or with {@code /api/v2} already appended. Anything that is not an absolute http(s) URL is refused.
 */
public final class ApiBaseUrl {
    /** The API version every call uses unless it says otherwise. */
    static final String V2 = "v2";
    private static final String HINT = "Give the CircleCI host's address, such as https://circleci.com or "
            + "https://circleci.example.com for a CircleCI server installation (with or without /api/v2).";

    private final HttpUrl serverBase;

    private ApiBaseUrl(HttpUrl serverBase) {
        this.serverBase = serverBase;
    }

    public static ApiBaseUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("No CircleCI base URL was given.", HINT);
        }
        // What is quoted back is masked: a token pasted into the URL field must not reach a message or a log.
        String trimmed = text.trim();
        String shown = SecretMask.of(null).mask(trimmed);
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("'" + shown + "' is not a valid URL: " + e.getReason() + ".", HINT);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidRequestException("'" + shown + "' is not an http(s) URL"
                    + (scheme.isEmpty() ? "" : " (its scheme is '" + scheme + "')") + ".", HINT);
        }
        HttpUrl url = HttpUrl.parse(trimmed);
        if (url == null || uri.getHost() == null) {
            throw new InvalidRequestException("'" + shown + "' is not a valid URL: it has no usable host.", HINT);
        }
        if (url.query() != null || url.fragment() != null) {
            throw new InvalidRequestException("'" + shown + "' has a query or fragment; a base URL has neither.",
                    HINT);
        }
        if (!url.encodedUsername().isEmpty() || !url.encodedPassword().isEmpty()) {
            // Never quoted: what stands before the '@' may be a password. OkHttp would not send it anyway.
            throw new InvalidRequestException("The CircleCI base URL for host " + url.host() + " has a user name or "
                    + "password in it; CircleCI takes the API token from credentials, never from the URL.",
                    "Remove everything between '://' and '@' from the URL. " + HINT);
        }
        HttpUrl.Builder base = url.newBuilder().encodedPath("/");
        var segments = url.pathSegments().stream().filter(s -> !s.isEmpty()).toList();
        int keep = segments.size();
        if (keep >= 2 && segments.get(keep - 2).equals("api") && segments.get(keep - 1).equals("v2")) {
            keep -= 2;
        }
        for (int i = 0; i < keep; i++) {
            base.addPathSegment(segments.get(i));
        }
        return new ApiBaseUrl(base.build());
    }

    /** The host's base, without {@code /api/v2} and without a trailing slash. */
    public URI serverBase() {
        String text = serverBase.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** {@code <base>/api/v2}, to which endpoint segments are appended. */
    public HttpUrl api() {
        // OkHttp replaces the root's empty segment, so https://host/ becomes https://host/api/v2.
        return serverBase.newBuilder().addPathSegment("api").addPathSegment("v2").build();
    }

    /**
     * {@code <base>/api/<version>}: API v1.1 lives beside v2 on CircleCI cloud and on CircleCI server alike
     * ({@code https://circleci.example.com/api/v1.1}).
     */
    public HttpUrl api(String version) {
        return serverBase.newBuilder().addPathSegment("api").addPathSegment(version).build();
    }

    /** {@code host:port}, the host part of the shared budget's key. */
    public String hostKey() {
        return serverBase.scheme() + "://" + serverBase.host() + ":" + serverBase.port();
    }
}
