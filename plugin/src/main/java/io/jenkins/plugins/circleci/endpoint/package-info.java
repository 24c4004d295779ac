/**
 * The HTTP entry point of CircleCI's outbound webhooks, {@code /circleci-webhook/}: a thin Stapler adapter around
 * core's {@link io.jenkins.plugins.circleci.webhook.WebhookReceiver} and the one CSRF exception it needs.
 */
package io.jenkins.plugins.circleci.endpoint;
