package io.jenkins.plugins.circleci.api.http;

import java.io.IOException;

/** Turns a 2xx body into a value; an {@link IOException} (such as Jackson's) means the body was malformed. */
@FunctionalInterface
public interface ResponseReader<T> {
    T read(int status, String body) throws IOException;
}
