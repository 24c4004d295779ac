package io.jenkins.plugins.circleci.tracing;

import java.io.IOException;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code traceparent} (and {@code tracestate}) to requests to one origin, CircleCI's API, and to no other: the
 * same client also reads pre-signed links on cloud storage, which have no use for them and should learn nothing of
 * the build. Real CircleCI ignores headers it does not know, so sending them costs nothing.
 */
public final class TraceHeaders implements Interceptor {
    private final TraceContext context;
    private final String scheme;
    private final String host;
    private final int port;

    private TraceHeaders(TraceContext context, HttpUrl origin) {
        this.context = Objects.requireNonNull(context, "context");
        this.scheme = origin.scheme();
        this.host = origin.host();
        this.port = origin.port();
    }

    /** Headers for requests to the scheme, host and port of {@code apiUrl} only. */
    public static TraceHeaders forOrigin(TraceContext context, HttpUrl apiUrl) {
        return new TraceHeaders(context, Objects.requireNonNull(apiUrl, "apiUrl"));
    }

    /** Whether a request to {@code url} gets the headers. */
    public boolean appliesTo(HttpUrl url) {
        return url.scheme().equals(scheme) && url.host().equals(host) && url.port() == port;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!appliesTo(request.url())) {
            return chain.proceed(request);
        }
        Request.Builder traced = request.newBuilder()
                .header(TraceContext.TRACEPARENT_HEADER, context.traceparent().value());
        context.tracestate().ifPresent(state -> traced.header(TraceContext.TRACESTATE_HEADER, state));
        return chain.proceed(traced.build());
    }

    @Override
    public String toString() {
        return "TraceHeaders[" + scheme + "://" + host + ":" + port + "]";
    }
}
