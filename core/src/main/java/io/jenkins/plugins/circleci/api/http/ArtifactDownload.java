package io.jenkins.plugins.circleci.api.http;

import io.jenkins.plugins.circleci.api.error.CircleCiApiException;
import io.jenkins.plugins.circleci.api.error.CircleCiConnectionException;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.api.error.ForbiddenException;
import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import io.jenkins.plugins.circleci.api.error.NotFoundException;
import io.jenkins.plugins.circleci.api.error.RateLimitedException;
import io.jenkins.plugins.circleci.api.error.ServerErrorException;
import io.jenkins.plugins.circleci.api.error.UnauthorizedException;
import io.jenkins.plugins.circleci.api.model.ArtifactContent;
import io.jenkins.plugins.circleci.tls.TlsFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Downloads an artifact's {@code url} as CircleCI lists it, up to a size cap.
 *
 * <p>CircleCI answers most artifact URLs with a redirect to a short-lived pre-signed link on cloud storage
 * (CircleCI's 2020 notice, quoted in Enterprise-CMCS/eAPD#2160). The redirects are followed here, never by OkHttp
 * (which would carry the {@code Circle-Token} header to any host): the token goes to a hop only when that hop is
 * CircleCI itself, that is the configured server's origin (scheme, host and port) or, for CircleCI cloud, CircleCI's
 * artifact host {@code *.circle-artifacts.com} over https. The first URL must be such a hop: the step reads only
 * CircleCI's artifacts, and cannot be pointed at any other address the controller can reach. Messages name hops by
 * their URL without query (a pre-signed link's query is its signature).
 *
 * <p>Every request to CircleCI draws on the shared request budget; a connection failure, 5xx or 429 anywhere starts
 * the whole chain again (a fresh pre-signed link) per the client's retry policy.
 */
public final class ArtifactDownload {
    /** The default cap: enough for any report a script reads, small enough to hold in a controller's memory. */
    public static final long DEFAULT_MAX_BYTES = 1024L * 1024;
    /** The largest cap one may ask for: a bigger file belongs on an agent's disk, not in the controller's heap. */
    public static final long MAX_MAX_BYTES = 64L * 1024 * 1024;
    /** CircleCI's artifact host on cloud; CircleCI server installations are only trusted on their own origin. */
    static final String CLOUD_HOST = "circleci.com";
    static final String CLOUD_ARTIFACT_DOMAIN = "circle-artifacts.com";
    static final int MAX_REDIRECTS = 5;
    private static final String DOCS = ErrorTranslator.DOCS + "#artifact-content";

    private final ApiTransport transport;
    private final SecretMask mask;

    ArtifactDownload(ApiTransport transport) {
        this.transport = transport;
        this.mask = transport.secretMask();
    }

    /** The artifact at {@code url}, at most {@code maxBytes} (1 to {@link #MAX_MAX_BYTES}) long. */
    public ArtifactContent read(String url, long maxBytes) {
        if (maxBytes < 1 || maxBytes > MAX_MAX_BYTES) {
            throw new InvalidRequestException("maxBytes must be 1 to " + MAX_MAX_BYTES + " (64 MiB), not " + maxBytes
                    + ".", "Download larger artifacts on an agent. See " + DOCS + ".");
        }
        HttpUrl start = checkedStart(url);
        String name = shown(start);
        Instant begin = transport.clock().instant();
        for (int attempt = 1; ; attempt++) {
            try {
                return new ArtifactContent(name, follow(start, name, maxBytes));
            } catch (CircleCiException failure) {
                Duration delay = retryDelay(failure, attempt, begin);
                if (delay == null) {
                    throw failure;
                }
                transport.sleep("GET", start.encodedPath(), "artifact " + name, delay);
            }
        }
    }

    private HttpUrl checkedStart(String text) {
        String hint = "Pass the url of an artifact exactly as CircleCI lists it (the 'url' of an entry of the "
                + "step's 'artifacts', or of GET /project/{slug}/{job-number}/artifacts). See " + DOCS + ".";
        HttpUrl url = text == null ? null : HttpUrl.parse(text.strip());
        if (url == null) {
            throw new InvalidRequestException("The artifact URL " + (text == null || text.isBlank() ? "is empty"
                    : "is not an http(s) URL") + ".", hint);
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw new InvalidRequestException("The artifact URL " + shown(url) + " carries a user name or password; "
                    + "CircleCI's artifact URLs carry none.", hint);
        }
        if (url.queryParameterNames().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals("circle-token"))) {
            throw new InvalidRequestException("The artifact URL " + shown(url) + " has a circle-token in its query: "
                    + "a token in a URL ends up in logs. The token is taken from the credentials and sent in a "
                    + "header.", hint);
        }
        if (!carriesToken(url)) {
            throw new InvalidRequestException("The artifact URL " + shown(url) + " is not on CircleCI (" + origin(
                    transport.apiUrl()) + (isCloud() ? " or https://*." + CLOUD_ARTIFACT_DOMAIN : "") + "): it is not "
                    + "read, and the token is sent nowhere else.", hint + " On CircleCI server, serverUrl must be "
                    + "the installation the artifact belongs to.");
        }
        return url;
    }

    /** Sends the chain of requests from {@code start}, following redirects, and reads the final body. */
    private byte[] follow(HttpUrl start, String name, long maxBytes) {
        HttpUrl hop = start;
        for (int redirects = 0; ; redirects++) {
            boolean circleci = carriesToken(hop);
            String path = hop.encodedPath();
            if (circleci) {
                transport.acquirePermit("GET", path, "artifact " + name);
            }
            Request.Builder request = new Request.Builder().url(hop).get()
                    .header("User-Agent", UserAgent.value());
            if (circleci) {
                request.header("Circle-Token", transport.token());
            }
            // No Accept-Encoding: OkHttp then asks for gzip and undoes it, and the cap applies to the bytes undone.
            try (Response response = transport.readsClient().newCall(request.build()).execute()) {
                int status = response.code();
                if (status >= 300 && status < 400) {
                    String location = response.header("Location");
                    HttpUrl next = location == null ? null : hop.resolve(location);
                    if (next == null) {
                        throw failure(name, shown(hop) + " answered " + status + " without a usable Location",
                                null);
                    }
                    if (redirects >= MAX_REDIRECTS) {
                        throw failure(name, "more than " + MAX_REDIRECTS + " redirects, the last from " + shown(hop),
                                null);
                    }
                    hop = next;
                    continue;
                }
                if (status >= 200 && status < 300) {
                    return body(response, name, maxBytes, hop);
                }
                throw error(response, status, name, hop, circleci);
            } catch (InterruptedIOException e) {
                if (!(e instanceof SocketTimeoutException)) {
                    throw ApiTransport.interrupted("GET", path, "artifact " + name, e);
                }
                throw connection(name, hop, "no answer within the timeout");
            } catch (IOException e) {
                // The exception's own message may quote the URL, a pre-signed signature and all: only its type, or
                // for a TLS failure what went wrong with the certificate (which quotes no URL).
                TlsFailure tls = TlsFailure.of(e);
                if (tls != null) {
                    throw new CircleCiConnectionException("No answer from " + origin(hop) + " for the artifact "
                            + name + ": " + tls.what() + ".", tls.hint(), "GET", hop.encodedPath(), null);
                }
                throw connection(name, hop, e.getClass().getSimpleName());
            }
        }
    }

    private byte[] body(Response response, String name, long maxBytes, HttpUrl hop) throws IOException {
        ResponseBody body = response.body();
        if (body == null) {
            return new byte[0];
        }
        long declared = response.header("Content-Encoding") == null ? body.contentLength() : -1;
        if (declared > maxBytes) {
            throw tooLarge(name, maxBytes, " (" + declared + " bytes)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 0), maxBytes));
        try (InputStream in = new PresignedDownload.Capped(body.byteStream(), maxBytes)) {
            in.transferTo(out);
        } catch (PresignedDownload.Capped.TooLarge e) {
            throw tooLarge(name, maxBytes, "");
        }
        return out.toByteArray();
    }

    private CircleCiException tooLarge(String name, long maxBytes, String size) {
        return new CircleCiException("The artifact " + name + " is larger than the limit of " + maxBytes
                + " bytes" + size + "; nothing of it is returned.", "Raise the limit (maxBytes, at most "
                + MAX_MAX_BYTES + ") if it is a text file you expect to be this large, or download it on an agent. "
                + "See " + DOCS + ".", null);
    }

    private CircleCiException error(Response response, int status, String name, HttpUrl hop, boolean circleci) {
        String where = shown(hop);
        if (!circleci) {
            // Pre-signed storage: S3 and its kin say why in XML (AccessDenied "Request has expired", NoSuchKey...).
            String what = "The pre-signed storage link CircleCI redirected the artifact " + name + " to (" + where
                    + ") answered " + status + PresignedDownload.storageError(response) + ".";
            if (status >= 500) {
                return new ServerErrorException(what, "The storage failed; reads are retried. See " + DOCS + ".",
                        status, "", "GET", hop.encodedPath());
            }
            return new CircleCiApiException(what, "Such links are short-lived and were followed at once: read the "
                    + "artifact again; if it keeps failing, the artifact may have expired (CircleCI keeps artifacts "
                    + "30 days by default). See " + DOCS + ".", status, "", "GET", hop.encodedPath());
        }
        String server = serverMessage(response);
        String what = "CircleCI answered " + status + " to GET " + where + " (artifact " + name + ")"
                + (server.isEmpty() ? "." : ": " + server);
        String path = hop.encodedPath();
        return switch (status) {
            case 401 -> new UnauthorizedException(what, "The token is missing, expired or revoked, or a project API "
                    + "token: artifacts of private projects need a personal API token of a user who can see the "
                    + "project. " + ErrorTranslator.NEW_TOKEN + " See " + DOCS + ".", status, server, "GET", path);
            case 403 -> new ForbiddenException(what, "The token's user cannot see this project's artifacts. See "
                    + DOCS + ".", status, server, "GET", path);
            case 404 -> new NotFoundException(what, "No such artifact: check the path (take the url from the "
                    + "artifacts list, not typed by hand), and whether it expired (CircleCI keeps artifacts 30 days "
                    + "by default, less if the plan says so). See " + DOCS + ".", status, server, "GET", path);
            case 429 -> {
                Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), transport.clock());
                transport.budget().pauseUntil(transport.clock().instant().plus(retryAfter != null ? retryAfter
                        : transport.backoff().ceiling(1)));
                yield new RateLimitedException(what, "CircleCI throttles requests per token; the read is retried. "
                        + "See " + ErrorTranslator.DOCS + "#rate-limited.", server, "GET", path, retryAfter);
            }
            default -> status >= 500
                    ? new ServerErrorException(what, "CircleCI failed; reads are retried. If this persists, check "
                            + "https://status.circleci.com. See " + DOCS + ".", status, server, "GET", path)
                    : new CircleCiApiException(what, "This is not an answer CircleCI documents for an artifact. See "
                            + DOCS + ".", status, server, "GET", path);
        };
    }

    private String serverMessage(Response response) {
        try {
            return mask.mask(ServerMessage.of(response.peekBody(4096).string()));
        } catch (IOException e) {
            return "";
        }
    }

    private CircleCiException failure(String name, String what, Throwable cause) {
        return new CircleCiException("The artifact " + name + " could not be read: " + what + ".",
                "Open the job's Artifacts tab in CircleCI; if the link works there, report this. See " + DOCS + ".",
                cause);
    }

    private CircleCiConnectionException connection(String name, HttpUrl hop, String what) {
        return new CircleCiConnectionException("No answer from " + origin(hop) + " for the artifact " + name + ": "
                + what + ".", "Check the network and proxy settings (the controller must reach CircleCI and its "
                + "artifact storage). See " + ErrorTranslator.DOCS + "#connection-problems.", "GET",
                hop.encodedPath(), null);
    }

    /** How long to wait before starting the chain again, or null to give up. */
    private Duration retryDelay(CircleCiException failure, int attempt, Instant begin) {
        if (!failure.isRetryable() || attempt >= transport.policy().maxAttempts()) {
            return null;
        }
        Duration retryAfter = failure instanceof RateLimitedException limited ? limited.retryAfter().orElse(null)
                : null;
        Duration delay = retryAfter != null ? retryAfter : transport.backoff().jittered(attempt);
        Duration elapsed = Duration.between(begin, transport.clock().instant());
        return elapsed.plus(delay).compareTo(transport.policy().maxTotal()) > 0 ? null : delay;
    }

    /** Whether {@code url} is CircleCI itself, to which (and only to which) the token goes. */
    boolean carriesToken(HttpUrl url) {
        HttpUrl api = transport.apiUrl();
        if (url.scheme().equals(api.scheme()) && url.host().equals(api.host()) && url.port() == api.port()) {
            return true;
        }
        String host = url.host();
        return isCloud() && url.isHttps() && url.port() == 443
                && (host.equals(CLOUD_ARTIFACT_DOMAIN) || host.endsWith("." + CLOUD_ARTIFACT_DOMAIN));
    }

    private boolean isCloud() {
        HttpUrl api = transport.apiUrl();
        return api.isHttps() && api.host().equals(CLOUD_HOST) && api.port() == 443;
    }

    /** The URL without user, password, query or fragment, and masked: what messages may show. */
    private String shown(HttpUrl url) {
        return mask.mask(url.newBuilder().username("").password("").query(null).fragment(null).build().toString());
    }

    private static String origin(HttpUrl url) {
        return url.scheme() + "://" + url.host() + (url.port() == HttpUrl.defaultPort(url.scheme()) ? ""
                : ":" + url.port());
    }
}
