package io.jenkins.plugins.circleci.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import io.jenkins.plugins.circleci.api.RequestBudget;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.api.error.CircleCiConnectionException;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.api.error.CircleCiInterruptedException;
import io.jenkins.plugins.circleci.api.error.MalformedResponseException;
import io.jenkins.plugins.circleci.api.error.RateLimitedException;
import io.jenkins.plugins.circleci.api.error.ServerErrorException;
import io.jenkins.plugins.circleci.tls.TlsFailure;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends {@link ApiCall}s: authenticates, draws on the shared {@link RequestBudget}, turns answers into values or
 * exceptions, and retries what is safe to retry. OkHttp's own silent retry is off (see
 * {@link #configure(OkHttpClient.Builder, Duration, Duration)}): every re-send is decided here, so a trigger is never
 * sent twice behind our back.
 */
public final class ApiTransport {
    /** The least pause of every caller of the budget after a 429 that names no Retry-After. */
    static final Duration RATE_LIMIT_PAUSE = RetryPolicy.defaults().initialBackoff();

    private static final Logger LOGGER = Logger.getLogger(ApiTransport.class.getName());
    private static final MediaType JSON = MediaType.get("application/json");
    /** Enough for any CircleCI error message or proxy page excerpt; the rest is not read. */
    private static final long MAX_ERROR_BODY = 64 * 1024;
    /** A list longer than this many pages means a server that never stops paging. */
    static final int MAX_PAGES = 1000;
    /**
     * Prepared GET requests kept for reuse (a wait reads the same URLs every few seconds); past this many, the cache
     * starts over, so that thousands of waits cost no more memory than the requests they are sending.
     */
    static final int MAX_PREPARED = 512;

    private final OkHttpClient http;
    /** The same client without the send marker's network interceptor: for calls that are not sent once. */
    private final OkHttpClient reads;
    private final ApiBaseUrl baseUrl;
    private final HttpUrl api;
    private final String token;
    private final RequestBudget budget;
    private final RetryPolicy policy;
    private final Backoff backoff;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration maxPermitWait;
    private final Map<ApiCall.Target, Request> preparedGets = new ConcurrentHashMap<>();

    /**
     * @param http a client made by {@link #configure}
     * @param maxPermitWait the longest one attempt waits for the request budget before failing with a
     *        {@link RateLimitedException}
     */
    public ApiTransport(OkHttpClient http, ApiBaseUrl baseUrl, String token, RequestBudget budget, RetryPolicy policy,
            Clock clock, Sleeper sleeper, Duration maxPermitWait) {
        this.http = Objects.requireNonNull(http);
        OkHttpClient.Builder withoutMarker = http.newBuilder();
        withoutMarker.networkInterceptors().removeIf(SendMarkerInterceptor.class::isInstance);
        this.reads = withoutMarker.build();
        this.baseUrl = baseUrl;
        this.api = baseUrl.api();
        this.token = Objects.requireNonNull(token);
        this.budget = Objects.requireNonNull(budget);
        this.policy = Objects.requireNonNull(policy);
        this.backoff = new Backoff(policy);
        this.clock = Objects.requireNonNull(clock);
        this.sleeper = Objects.requireNonNull(sleeper);
        this.maxPermitWait = Objects.requireNonNull(maxPermitWait);
    }

    /** The same connection, host, token, budget and clock, retrying per {@code other} instead. */
    public ApiTransport withPolicy(RetryPolicy other) {
        return new ApiTransport(http, baseUrl, token, budget, other, clock, sleeper, maxPermitWait);
    }

    /**
     * The same transport with {@code interceptor} applied to every request (it sees each hop of an artifact download
     * too, so it must decide by URL what it adds); shares the connections.
     */
    public ApiTransport withInterceptor(okhttp3.Interceptor interceptor) {
        return new ApiTransport(http.newBuilder().addInterceptor(Objects.requireNonNull(interceptor)).build(), baseUrl,
                token, budget, policy, clock, sleeper, maxPermitWait);
    }

    /**
     * Applies timeouts, turns off OkHttp's {@code retryOnConnectionFailure} (which may re-send a POST on a reused
     * connection that turned out stale; retries happen in {@link #execute} instead), and notes when a request
     * starts to be written, which tells a failed connection (safe to retry) from a failed exchange. Redirects are
     * never followed: OkHttp would carry the {@code Circle-Token} header to whatever host a redirect names (it drops
     * only {@code Authorization}) and could re-send a POST; {@link #execute} turns a 3xx into an error instead.
     */
    public static OkHttpClient.Builder configure(OkHttpClient.Builder builder, Duration connectTimeout,
            Duration readTimeout) {
        return builder.connectTimeout(connectTimeout).readTimeout(readTimeout).writeTimeout(readTimeout)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .addNetworkInterceptor(new SendMarkerInterceptor());
    }

    /** Sends the call, retrying per the policy (or, for a sent-once call, only when nothing reached CircleCI). */
    public <T> T execute(ApiCall call, ResponseReader<T> reader) {
        return send(call, (status, body) -> reader.read(status, new String(body, StandardCharsets.UTF_8)));
    }

    /** Sends the call and binds its JSON answer to {@code type} (only the properties the type declares). */
    public <T> T read(ApiCall call, Class<T> type) {
        ObjectReader reader = Json.reader(type);
        return send(call, (status, body) -> reader.readValue(body));
    }

    /** Reads a 2xx body's bytes into a value; an {@link IOException} means the body was malformed. */
    @FunctionalInterface
    private interface BodyReader<T> {
        T read(int status, byte[] body) throws IOException;
    }

    private <T> T send(ApiCall call, BodyReader<T> reader) {
        Instant start = clock.instant();
        for (int attempt = 1; ; attempt++) {
            SendMarker marker = new SendMarker();
            try {
                return attempt(call, reader, attempt, marker);
            } catch (CircleCiException failure) {
                Duration delay = retryDelay(call, failure, attempt, start, marker);
                if (delay == null) {
                    throw failure;
                }
                LOGGER.log(Level.FINE, "{0} {1} failed ({2}); attempt {3} of {4}, retrying in {5} ms",
                        new Object[] {call.method(), path(call), failure.getMessage(), attempt, policy.maxAttempts(),
                            delay.toMillis()});
                sleep(call, delay);
            }
        }
    }

    /**
     * Reads pre-signed links CircleCI hands out (a step's {@code output_url}), which point at another host: over the
     * same connections and proxy, never with the token, never following a redirect.
     */
    public PresignedDownload presignedDownload() {
        return new PresignedDownload(http, secretMask());
    }

    /**
     * Reads an artifact's {@code url}: the token only to CircleCI's hosts, redirects followed here (to pre-signed
     * storage without the token), within this transport's request budget and retry policy.
     */
    public ArtifactDownload artifactDownload() {
        return new ArtifactDownload(this);
    }

    // ---- for ArtifactDownload, which sends its own requests to absolute URLs

    OkHttpClient readsClient() {
        return reads;
    }

    HttpUrl apiUrl() {
        return api;
    }

    String token() {
        return token;
    }

    RequestBudget budget() {
        return budget;
    }

    RetryPolicy policy() {
        return policy;
    }

    Backoff backoff() {
        return backoff;
    }

    Clock clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    /** Masks this client's token and token-like text in text that came from a build. */
    public SecretMask secretMask() {
        return SecretMask.of(token);
    }

    /** Every item of a paged list, following {@code next_page_token} until CircleCI sends none. */
    public <T> List<T> fetchAll(ApiCall call, Class<T> itemType) {
        return fetchAll(call, itemType, MAX_PAGES);
    }

    <T> List<T> fetchAll(ApiCall call, Class<T> itemType, int maxPages) {
        JavaType pageType = Json.MAPPER.getTypeFactory().constructParametricType(Page.class, itemType);
        ObjectReader reader = Json.reader(pageType);
        List<T> items = new ArrayList<>();
        Set<String> seenTokens = new HashSet<>();
        ApiCall page = call;
        for (int pages = 1; ; pages++) {
            Page<T> result = send(page, (status, body) -> readPage(body, reader));
            items.addAll(result.items());
            String next = result.nextPageToken();
            if (next == null || next.isBlank()) {
                return List.copyOf(items);
            }
            if (!seenTokens.add(next) || pages >= maxPages) {
                String path = path(call);
                throw new MalformedResponseException("CircleCI kept paging " + call.subject() + " at " + call.method()
                        + " " + path + ": after " + pages + " pages it sent " + (pages >= maxPages
                                ? "yet another next_page_token" : "the page token '" + ServerMessage.cap(next)
                                        + "' a second time") + ", so the list would never end.",
                        "This is a fault of CircleCI or of a proxy in front of it; try again later. See " + ErrorTranslator.DOCS
                                + "#malformed-response.", call.method(), path, null);
            }
            page = call.withQuery("page-token", next);
        }
    }

    private static <T> Page<T> readPage(byte[] body, ObjectReader reader) throws IOException {
        Page<T> page = reader.readValue(body);
        if (page == null || page.items() == null) {
            throw new IOException("no 'items' in the page");
        }
        // Dropping a null item could drop a failed workflow and so judge a pipeline by the rest: refuse the page.
        if (page.items().stream().anyMatch(Objects::isNull)) {
            throw new IOException("a null item in 'items'");
        }
        return page;
    }

    private <T> T attempt(ApiCall call, BodyReader<T> reader, int attempt, SendMarker marker) {
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted(call, null);
        }
        acquirePermit(call);
        Request request = request(call, marker);
        int status;
        byte[] body;
        // Only a sent-once call needs to know whether its request started to be written: the others skip the step.
        OkHttpClient client = call.isSentOnce() ? http : reads;
        try (Response response = client.newCall(request).execute()) {
            status = response.code();
            if (status >= 300 && status < 400) {
                throw ErrorTranslator.redirect(call, request.url().encodedPath(), status, api,
                        redirectTarget(response));
            }
            if (status >= 200 && status < 300) {
                ResponseBody responseBody = response.body();
                body = responseBody == null ? new byte[0] : responseBody.bytes();
            } else {
                String error = response.peekBody(MAX_ERROR_BODY).string();
                Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
                if (status == 429) {
                    // Everyone using this host and token stops, not just this caller: without a Retry-After for at
                    // least the default first backoff, also when this call's own policy does not back off (a
                    // watcher's client retries nothing itself, and it sends most of the requests).
                    Duration ownBackoff = backoff.ceiling(attempt);
                    budget.pauseUntil(clock.instant().plus(retryAfter != null ? retryAfter
                            : ownBackoff.compareTo(RATE_LIMIT_PAUSE) > 0 ? ownBackoff : RATE_LIMIT_PAUSE));
                }
                // Masked before anything quotes it: a proxy or debug page may echo the request's headers back.
                throw ErrorTranslator.forStatus(call, request.url().encodedPath(), status, secretMask().mask(error),
                        retryAfter);
            }
        } catch (IOException e) {
            throw connectionFailure(call, request.url().encodedPath(), e);
        }
        T value;
        try {
            value = reader.read(status, body);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CircleCiException known) {
                throw known;
            }
            throw ErrorTranslator.malformed(call, request.url().encodedPath(), status, secretMask().mask(text(body)),
                    e);
        }
        if (value == null) {
            throw ErrorTranslator.malformed(call, request.url().encodedPath(), status, secretMask().mask(text(body)),
                    null);
        }
        return value;
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Where a redirect points, resolved against the request, without query or fragment; null if it names none. */
    private static HttpUrl redirectTarget(Response response) {
        String location = response.header("Location");
        return location == null ? null : response.request().url().resolve(location);
    }

    private CircleCiException connectionFailure(ApiCall call, String path, IOException e) {
        boolean interruption = Interruptions.interrupted(e);
        if (interruption && !call.isSentOnce()) {
            return interrupted(call, e);
        }
        if (interruption) {
            Thread.currentThread().interrupt();
        }
        String what = (e instanceof SocketTimeoutException ? "no answer within the timeout" : e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        String hint = "Check the base URL, the network, the proxy settings and TLS trust (a proxy that intercepts TLS "
                + "needs its certificate trusted by the JVM). See " + ErrorTranslator.DOCS + "#connection-problems.";
        TlsFailure tls = TlsFailure.of(e);
        if (tls != null) {
            what = tls.what();
            hint = tls.hint();
        }
        return new CircleCiConnectionException("No answer from CircleCI at " + api.scheme() + "://" + api.host() + ":"
                + api.port() + " for " + call.method() + " " + path + " (" + call.subject() + "): " + what + ".",
                hint, call.method(), path, e);
    }

    /** How long to wait before the next attempt, or null to give up and throw {@code failure}. */
    private Duration retryDelay(ApiCall call, CircleCiException failure, int attempt, Instant start,
            SendMarker marker) {
        if (!failure.isRetryable()) {
            return null;
        }
        Duration retryAfter = failure instanceof RateLimitedException limited ? limited.retryAfter().orElse(null) : null;
        if (call.isSentOnce() && !nothingSent(failure, marker)) {
            throw call.outcomeUnknown().create(describe(failure), failure);
        }
        if (attempt >= policy.maxAttempts()) {
            return null;
        }
        Duration delay = retryAfter != null ? retryAfter
                : failure instanceof RateLimitedException ? backoff.ceiling(attempt) : backoff.jittered(attempt);
        Duration elapsed = Duration.between(start, clock.instant());
        if (elapsed.plus(delay).compareTo(policy.maxTotal()) > 0) {
            return null;
        }
        return delay;
    }

    /**
     * Whether CircleCI certainly did not act on the request: it was throttled, or the connection failed before a
     * byte of the request was written (refused, DNS, TLS handshake, connect timeout).
     */
    private static boolean nothingSent(CircleCiException failure, SendMarker marker) {
        return failure instanceof RateLimitedException
                || failure instanceof CircleCiConnectionException && !marker.sending;
    }

    /** Set by the network interceptor when a request is about to be written to a connection. */
    private static final class SendMarker {
        volatile boolean sending;
    }

    /** Network interceptors run once a connection exists, just before the request is written. */
    /**
     * Notes that a sent-once request starts to be written. It also takes {@code Retry-After} off a 503 to such a
     * request: OkHttp itself re-sends a request whose 503 says {@code Retry-After: 0}, whatever
     * {@code retryOnConnectionFailure} says, and a trigger CircleCI (or a proxy) may have acted on must never be sent
     * twice. A sent-once call never waits for a 503's {@code Retry-After} anyway: it is an unknown outcome.
     */
    private static final class SendMarkerInterceptor implements okhttp3.Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            SendMarker marker = chain.request().tag(SendMarker.class);
            if (marker != null) {
                marker.sending = true;
            }
            Response response = chain.proceed(chain.request());
            if (marker != null && response.code() == 503 && response.header("Retry-After") != null) {
                return response.newBuilder().removeHeader("Retry-After").build();
            }
            return response;
        }
    }

    private static String describe(CircleCiException failure) {
        if (failure instanceof ServerErrorException server) {
            return "CircleCI answered " + server.status()
                    + (server.serverMessage().isEmpty() ? "" : " (" + server.serverMessage() + ")");
        }
        if (failure instanceof MalformedResponseException) {
            return "CircleCI accepted it but its answer could not be read";
        }
        return "the connection failed after the request was sent (" + failure.getMessage() + ")";
    }

    private void acquirePermit(ApiCall call) {
        // The common case, a free permit, needs no path: building it is only for the message of a long wait.
        if (!budget.tryAcquire()) {
            acquirePermit(call.method(), path(call), call.subject());
        }
    }

    /** Waits for the shared request budget, at most {@code maxPermitWait}; a 429-like failure beyond. */
    void acquirePermit(String method, String path, String subject) {
        Instant deadline = clock.instant().plus(maxPermitWait);
        // Also count what was slept: a clock that does not move (a test's manual clock) must not make this loop forever.
        Duration slept = Duration.ZERO;
        while (!budget.tryAcquire()) {
            Duration wait = budget.timeUntilAvailable();
            Instant now = clock.instant();
            if (now.plus(wait).isAfter(deadline) || slept.plus(wait).compareTo(maxPermitWait) > 0) {
                boolean paused = budget.pausedUntil().isPresent();
                throw new RateLimitedException("No request to CircleCI could be sent within "
                        + maxPermitWait.toSeconds() + " s for " + method + " " + path + " ("
                        + subject + "): the request budget shared by this JVM for " + api.host() + " and this "
                        + "token is " + (paused ? "paused after CircleCI answered 429" : "used up by other callers")
                        + "; the next request can go in " + wait.toMillis() + " ms.",
                        "Poll less often or lower the number of builds waiting at once. See " + ErrorTranslator.DOCS
                                + "#rate-limited.", "", method, path, wait);
            }
            Duration nap = wait.isZero() ? Duration.ofMillis(1) : wait;
            sleep(method, path, subject, nap);
            slept = slept.plus(nap);
        }
    }

    private void sleep(ApiCall call, Duration delay) {
        sleep(call.method(), path(call), call.subject(), delay);
    }

    void sleep(String method, String path, String subject, Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(method, path, subject, e);
        }
    }

    private CircleCiInterruptedException interrupted(ApiCall call, Throwable cause) {
        return interrupted(call.method(), path(call), call.subject(), cause);
    }

    static CircleCiInterruptedException interrupted(String method, String path, String subject, Throwable cause) {
        Thread.currentThread().interrupt();
        return new CircleCiInterruptedException("Interrupted while calling CircleCI for " + method + " "
                + path + " (" + subject + "); nothing more is sent.",
                "The build or command was aborted; no action is needed.", method, path, cause);
    }

    private HttpUrl url(ApiCall call) {
        HttpUrl.Builder url = (ApiBaseUrl.V2.equals(call.apiVersion()) ? api : baseUrl.api(call.apiVersion()))
                .newBuilder();
        call.segments().forEach(url::addPathSegment);
        call.query().forEach(url::addQueryParameter);
        return url.build();
    }

    private String path(ApiCall call) {
        return url(call).encodedPath();
    }

    private Request.Builder headers(Request.Builder request) {
        return request.header("Circle-Token", token)
                .header("Accept", "application/json")
                .header("User-Agent", UserAgent.value());
    }

    /**
     * The request for one attempt. A GET is immutable and needs no send marker (only sent-once calls, all POSTs, read
     * it), so the same one is sent again for the same URL: building a URL and headers is a good part of what a
     * request costs besides the network.
     */
    private Request request(ApiCall call, SendMarker marker) {
        if (call.method().equals("GET") && !call.isSentOnce()) {
            ApiCall.Target key = call.target();
            Request prepared = preparedGets.get(key);
            if (prepared == null) {
                if (preparedGets.size() >= MAX_PREPARED) {
                    preparedGets.clear();
                }
                prepared = headers(new Request.Builder().url(url(call))).get().build();
                preparedGets.put(key, prepared);
            }
            return prepared;
        }
        HttpUrl url = url(call);
        Request.Builder request = headers(new Request.Builder().url(url)).tag(SendMarker.class, marker);
        if (call.method().equals("GET")) {
            return request.get().build();
        }
        Object body = call.body() == null ? Map.of() : call.body();
        try {
            return request.method(call.method(), RequestBody.create(Json.MAPPER.writeValueAsString(body), JSON))
                    .header("Content-Type", "application/json").build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the body of " + call.method() + " " + url.encodedPath(), e);
        }
    }
}
