/**
 * CircleCI outbound webhooks: checking their {@code circleci-signature}, reading the fields that match an event to
 * a triggered pipeline, and {@link io.jenkins.plugins.circleci.webhook.WebhookReceiver}, which turns a signed
 * delivery into nudges of the waits it concerns, behind any HTTP server.
 */
package io.jenkins.plugins.circleci.webhook;
