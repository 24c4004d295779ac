package io.jenkins.plugins.circleci.simulator.http;

/**
 * A request that cannot be read as HTTP (bad framing, a malformed line, an unsupported transfer coding): the status and
 * the {@code {"message": ...}} it is answered with. The connection is closed after the answer, since where the next
 * request would start is unknown.
 */
final class BadRequest extends Exception {

    private final int status;

    BadRequest(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
