package io.jenkins.plugins.circleci.config;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import okhttp3.OkHttpClient;

/** Builds CircleCI clients that go through Jenkins' proxy settings and share one connection pool. */
public final class CircleCiServers {
    private CircleCiServers() {}

    /** Created once: every client derives from it, so all share its connection pool and dispatcher. */
    private static final class Base {
        static final OkHttpClient HTTP = JenkinsOkHttpClient.newClientBuilder(new OkHttpClient()).build();
    }

    public static CircleCiClient client(String serverUrl, String token, ServerSettings settings) {
        return CircleCiClient.builder()
                .baseUrl(serverUrl)
                .token(token)
                .httpClient(Base.HTTP)
                .rateLimit(settings.rateLimit())
                .build();
    }
}
