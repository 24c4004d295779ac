package io.jenkins.plugins.circleci.simulator.webhook;

/**
 * One delivery attempt, for tests to inspect.
 *
 * @param status HTTP status the receiver answered, or 0 when it could not be reached
 */
public record WebhookAttempt(String url, String eventType, String eventId, int attempt, int status) {

    public boolean delivered() {
        return status >= 200 && status < 300;
    }
}
