package io.jenkins.plugins.circleci.simulator.scenario;

import java.util.List;
import java.util.Objects;

/**
 * An outbound webhook: where {@code workflow-completed} / {@code job-completed} events are POSTed and the secret
 * that signs them.
 *
 * @param url     receiver URL (http is allowed here, unlike real CircleCI, so tests need no TLS)
 * @param secret  signing secret; {@code null} = no {@code circleci-signature} header
 * @param name    the webhook's name ({@code webhook.name} in payloads)
 * @param events  subset of {@code workflow-completed}, {@code job-completed}; empty = both
 * @param project only events of this project slug; {@code null} = every project
 */
public record WebhookTarget(String url, String secret, String name, List<String> events, String project) {

    public WebhookTarget {
        Objects.requireNonNull(url, "url");
        name = name == null ? "simulator" : name;
        events = events == null || events.isEmpty() ? List.of("workflow-completed", "job-completed") : List.copyOf(events);
    }

    public static WebhookTarget of(String url, String secret) {
        return new WebhookTarget(url, secret, null, null, null);
    }

    public boolean wants(String eventType, String projectSlug) {
        return events.contains(eventType) && (project == null || project.equals(projectSlug));
    }

    /** Never shows the signing secret, nor the URL's query (which may carry credentials of the receiver). */
    @Override
    public String toString() {
        int query = url.indexOf('?');
        return "WebhookTarget[url=" + (query < 0 ? url : url.substring(0, query) + "?…") + ", secret="
                + (secret == null ? "none" : "<redacted>") + ", name=" + name + ", events=" + events + ", project="
                + project + "]";
    }
}
