package io.jenkins.plugins.circleci.api.http;

import io.jenkins.plugins.circleci.api.error.CircleCiException;

/**
 * Builds the error for a request that is sent at most once, when it may have reached CircleCI but no usable answer
 * came back. {@code whatHappened} is a short clause such as "CircleCI answered 502".
 */
@FunctionalInterface
public interface OutcomeUnknown {
    CircleCiException create(String whatHappened, Throwable cause);
}
