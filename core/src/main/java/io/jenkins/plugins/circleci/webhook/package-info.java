/**
 * CircleCI outbound webhooks: checking their {@code circleci-signature} and reading the fields that match an event
 * to a triggered pipeline.
 */
package io.jenkins.plugins.circleci.webhook;
