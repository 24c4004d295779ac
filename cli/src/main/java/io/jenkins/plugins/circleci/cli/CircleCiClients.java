package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.tls.CaCertificates;
import io.jenkins.plugins.circleci.tracing.TraceContext;
import java.net.URI;

/**
 * The clients of one CircleCI host and token. The trigger gets the client's default retries (a trigger is re-sent
 * only when it cannot have arrived); the watcher gets none, because it schedules its own retries without blocking.
 * Both are built at once, so that a base URL or token the client refuses fails before anything is triggered.
 */
final class CircleCiClients {
    private final URI server;
    private final CircleCiClient forTrigger;
    private final CircleCiClient forWatch;

    CircleCiClients(URI server, String token) {
        this(server, token, null, null);
    }

    /**
     * @param trace the W3C trace context every request to CircleCI's API carries; null: none
     * @param caCertificates CAs trusted besides the JVM's ({@code --ca-cert}); null: the JVM's only
     */
    CircleCiClients(URI server, String token, TraceContext trace, CaCertificates caCertificates) {
        this.server = server;
        CircleCiClient client = CircleCiClient.builder().baseUrl(server.toString()).token(token)
                .caCertificates(caCertificates).build();
        this.forTrigger = trace == null ? client : client.withTraceContext(trace);
        this.forWatch = forTrigger.withRetryPolicy(RetryPolicy.none());
    }

    CircleCiClient forTrigger() {
        return forTrigger;
    }

    CircleCiClient forWatch() {
        return forWatch;
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "CircleCiClients[" + server + "]";
    }
}
