package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import java.net.URI;

/**
 * The clients of one CircleCI host and token. The trigger gets the client's default retries (a trigger is re-sent
 * only when it cannot have arrived); the watcher gets none, because it schedules its own retries without blocking.
 */
final class CircleCiClients {
    private final URI server;
    private final String token;

    CircleCiClients(URI server, String token) {
        this.server = server;
        this.token = token;
    }

    CircleCiClient forTrigger() {
        return CircleCiClient.builder().baseUrl(server.toString()).token(token).build();
    }

    CircleCiClient forWatch() {
        return CircleCiClient.builder().baseUrl(server.toString()).token(token).retryPolicy(RetryPolicy.none())
                .build();
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "CircleCiClients[" + server + "]";
    }
}
