package io.jenkins.plugins.circleci.webhook;

/**
 * What to answer a webhook delivery: an HTTP status and a one-line plain-text message that says what happened. The
 * message never contains the signing secret, the signature or anything else the sender did not already know.
 */
public record WebhookResponse(int status, String message) {}
