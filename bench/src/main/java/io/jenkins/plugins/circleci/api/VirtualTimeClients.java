package io.jenkins.plugins.circleci.api;

import io.jenkins.plugins.circleci.api.http.Sleeper;

/**
 * Bench-only access to {@code CircleCiClient.Builder.sleeper}, which core keeps package-private for its tests: in
 * simulated time, the client's own waits (for a request-budget permit, between retries) must pass on the simulated
 * clock, or a client waiting for a permit would wait for ever on a clock that only moves when it returns.
 */
public final class VirtualTimeClients {

    private VirtualTimeClients() {}

    public static CircleCiClient.Builder sleepingOn(CircleCiClient.Builder builder, Sleeper sleeper) {
        return builder.sleeper(sleeper);
    }
}
