package io.jenkins.plugins.circleci.config;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** Builds CircleCI clients that go through Jenkins' proxy settings and share one connection pool. */
public final class CircleCiServers {
    /**
     * Every request, polls included, gives up after this long without an answer, so a hung connection holds a thread
     * of the plugin's pools for a bounded time (waits for the request budget are bounded by it too).
     */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private CircleCiServers() {}

    /** Created once: every client derives from it, so all share its connection pool and dispatcher. */
    private static final class Base {
        static final OkHttpClient HTTP = JenkinsOkHttpClient.newClientBuilder(new OkHttpClient()).build();
    }

    /** A client of {@code serverUrl}, trusting the settings' CA certificates too when it is the settings' server. */
    public static CircleCiClient client(String serverUrl, String token, ServerSettings settings) {
        return client(Base.HTTP, serverUrl, token, settings);
    }

    /** {@link #client(String, String, ServerSettings)} derived from {@code base} (tests: one without Jenkins). */
    static CircleCiClient client(OkHttpClient base, String serverUrl, String token, ServerSettings settings) {
        return CircleCiClient.builder()
                .baseUrl(serverUrl)
                .token(token)
                .httpClient(base)
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .rateLimit(settings.rateLimit())
                .caCertificates(ServerTrust.forServer(serverUrl, settings))
                .build();
    }
}
