/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/): reads the {@code TRACEPARENT} and {@code TRACESTATE}
 * that tracing tools (Jenkins' OpenTelemetry plugin, otel-cli, other CI systems) export into a build's environment,
 * so that the CircleCI pipeline a build triggers can join that build's trace. Nothing here depends on an OpenTelemetry
 * library: the values are checked and passed on as they are, never turned into spans of our own.
 */
package io.jenkins.plugins.circleci.tracing;
