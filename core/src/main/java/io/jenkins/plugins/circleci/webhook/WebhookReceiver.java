package io.jenkins.plugins.circleci.webhook;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Handles one CircleCI outbound webhook delivery, free of any web framework: checks it, verifies its signature,
 * reads the event and nudges the waits it concerns. Jenkins (or any HTTP server) only adapts its request and
 * response to {@link #receive}.
 *
 * <p>Security model: the endpoint is reachable without authentication, so the {@code circleci-signature} (HMAC-SHA256
 * with the signing secret) is required, and a verified event can only make waits look earlier at CircleCI, which
 * they would do anyway at their next poll. Nothing is triggered, canceled or revealed. The secret is only looked up
 * for a request that passes every check needing no secret (method, event type header, body size, a {@code v1}
 * signature entry), so anonymous noise never reaches the credentials store. Without a signing secret webhooks are
 * off and such a signed-looking delivery is answered 404.
 */
public final class WebhookReceiver {
    /** CircleCI's header naming the event type. */
    public static final String EVENT_TYPE_HEADER = "circleci-event-type";
    /** CircleCI's header with the body's signatures. */
    public static final String SIGNATURE_HEADER = "circleci-signature";
    /** CircleCI's events are a few kilobytes; anything this large is not one. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** Enough to recognise a redelivery: CircleCI retries within minutes, not after thousands of other events. */
    static final int REMEMBERED_EVENTS = 1000;
    private static final String INVALID_SIGNATURE = "Missing or invalid " + SIGNATURE_HEADER + ".";

    private static final Logger LOG = Logger.getLogger(WebhookReceiver.class.getName());

    private final Supplier<String> signingSecret;
    private final Nudger nudger;
    private final int maxBodyBytes;
    private final RecentEventIds seen = new RecentEventIds(REMEMBERED_EVENTS);

    /**
     * @param signingSecret gives the current signing secret on every delivery, or null (or empty) while webhooks
     *     are not enabled; asked each time so that a changed secret applies at once
     * @param nudger nudges the waits on a pipeline or workflow id
     */
    public WebhookReceiver(Supplier<String> signingSecret, Nudger nudger) {
        this(signingSecret, nudger, MAX_BODY_BYTES);
    }

    WebhookReceiver(Supplier<String> signingSecret, Nudger nudger, int maxBodyBytes) {
        this.signingSecret = Objects.requireNonNull(signingSecret, "signingSecret");
        this.nudger = Objects.requireNonNull(nudger, "nudger");
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Handles a delivery.
     *
     * @param method the HTTP method
     * @param header the value of a request header by its (case-insensitive) name, or null when absent
     * @param body the request body; read at most one byte past the size limit, never closed here
     */
    public WebhookResponse receive(String method, Function<String, String> header, InputStream body) {
        // Every check that needs no secret comes first: the endpoint is anonymous, and looking the secret up may
        // be a call to an external credentials store, which no stray GET or unsigned POST should cause.
        if (!"POST".equals(method)) {
            return refuse(405, "Only POST is accepted here.");
        }
        if (isBlank(header.apply(EVENT_TYPE_HEADER))) {
            return refuse(400, "Missing " + EVENT_TYPE_HEADER + " header: only CircleCI webhooks are accepted here.");
        }
        byte[] raw;
        try {
            raw = body.readNBytes(maxBodyBytes + 1);
        } catch (IOException e) {
            return refuse(400, "The request body could not be read.");
        }
        if (raw.length > maxBodyBytes) {
            return refuse(413, "The body is larger than " + maxBodyBytes + " bytes, so it is not a CircleCI event.");
        }
        // Logged and answered without the header's value: a near miss of a signature must not be shown to anyone.
        String signature = header.apply(SIGNATURE_HEADER);
        if (!WebhookSignature.hasV1Entry(signature)) {
            return refuse(403, INVALID_SIGNATURE);
        }
        String secret = signingSecret.get();
        if (secret == null || secret.isEmpty()) {
            return refuse(404, "CircleCI webhooks are not enabled on this Jenkins.");
        }
        if (!WebhookSignature.matches(secret, raw, signature)) {
            return refuse(403, INVALID_SIGNATURE);
        }
        WebhookEvent event;
        try {
            event = WebhookEvent.parse(raw);
        } catch (InvalidRequestException e) {
            return refuse(400, "The body is not a CircleCI event.");
        }
        return act(event);
    }

    private WebhookResponse act(WebhookEvent event) {
        if (!WebhookEvent.WORKFLOW_COMPLETED.equals(event.type()) && !WebhookEvent.JOB_COMPLETED.equals(event.type())) {
            // Answered 200 so that CircleCI does not deliver it again: there is simply nothing to do.
            return new WebhookResponse(200, "Ignored: only workflow-completed and job-completed events nudge waits.");
        }
        if (event.eventId() != null && !seen.firstSighting(event.eventId())) {
            return new WebhookResponse(200, "Already received; ignored.");
        }
        // Every wait that knows the workflow also knows its pipeline, so the larger count is how many were nudged.
        int nudged = Math.max(nudge(event.pipelineId()), nudge(event.workflowId()));
        LOG.fine(() -> "CircleCI " + event.type() + " event nudged " + nudged + " wait(s)");
        return new WebhookResponse(200, "Nudged " + nudged + " waiting build(s).");
    }

    private int nudge(String id) {
        return id == null || id.isBlank() ? 0 : nudger.nudge(id);
    }

    private static WebhookResponse refuse(int status, String message) {
        LOG.log(Level.FINE, "Refused a CircleCI webhook delivery ({0}): {1}", new Object[] {status, message});
        return new WebhookResponse(status, message);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
